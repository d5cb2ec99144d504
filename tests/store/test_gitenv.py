"""The ssh command alinea gives git, and where a remote's ssh host is, from the person's setup."""

from __future__ import annotations

import pytest

from store.gitenv import CONNECT_TIMEOUT, ssh_command
from store.gitwords import SshTarget, ssh_target

ADDED = f"-o BatchMode=yes -o ConnectTimeout={CONNECT_TIMEOUT}"


@pytest.mark.parametrize(
    ("environ", "core", "expected"),
    [
        ({}, "", f"ssh {ADDED}"),
        ({}, "ssh -i ~/.ssh/work_key", f"ssh -i ~/.ssh/work_key {ADDED}"),
        ({"GIT_SSH_COMMAND": "ssh -i /k/env"}, "ssh -i /k/config", f"ssh -i /k/env {ADDED}"),
        ({"GIT_SSH": "/opt/my ssh"}, "", f"'/opt/my ssh' {ADDED}"),
        ({"GIT_SSH": "/opt/ssh-wrapper"}, "ssh -i /k/config", f"ssh -i /k/config {ADDED}"),
        ({"GIT_SSH": "C:/PuTTY/plink.exe"}, "", "C:/PuTTY/plink.exe -batch"),
    ],
)
def test_the_persons_ssh_command_is_kept_in_gits_order_with_batch_mode_added(
    environ: dict[str, str], core: str, expected: str
) -> None:
    assert ssh_command(environ, core) == expected


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("ssh://git@forge.example.com:2222/team/leads.git", SshTarget("git", "forge.example.com", 2222)),
        ("ssh://forge.example.com/team/leads.git", SshTarget("", "forge.example.com", 22)),
        ("git@forge.example.com:team/leads.git", SshTarget("git", "forge.example.com", 22)),
        ("https://forge.example.com/team/leads.git", None),
        ("/srv/git/team.git", None),
        ("C:/git/team.git", None),
    ],
)
def test_the_ssh_host_of_a_remote_url(url: str, target: SshTarget | None) -> None:
    assert ssh_target(url) == target
