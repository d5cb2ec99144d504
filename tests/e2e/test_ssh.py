"""A remote reached over ssh: a real sshd on 127.0.0.1, keys made here, the person's own ssh setup.

The sshd runs as the current user from a config in tmp_path (host key, authorized keys,
no PAM, ``StrictModes no``). It is skipped only when no sshd can be found.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from store.workspace import DATA_FILE
from tests.e2e.clones import Person
from tests.gitutil import git
from tui.cli import main

pytestmark = pytest.mark.e2e
SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if Path("/usr/sbin/sshd").exists() else None)


@dataclass
class Sshd:
    port: int
    user: str
    host_key: Path
    user_key: Path
    folder: Path

    def url(self, repo: Path) -> str:
        return f"ssh://{self.user}@127.0.0.1:{self.port}{repo}"

    def ssh_command(self, key: Path, known_hosts: Path) -> str:
        """What a person with one key per forge puts in core.sshCommand."""
        return (
            f"ssh -F none -i {shlex.quote(str(key))} -o IdentitiesOnly=yes "
            f"-o UserKnownHostsFile={shlex.quote(str(known_hosts))} -o GlobalKnownHostsFile=/dev/null"
        )

    def trust(self, known_hosts: Path, key: Path | None = None) -> None:
        """Write the server's host key (or another one) into known_hosts, as a first connect would."""
        public = Path(f"{key or self.host_key}.pub").read_text().split()
        known_hosts.write_text(f"[127.0.0.1]:{self.port} {public[0]} {public[1]}\n")


def _keygen(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def sshd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sshd]:
    if SSHD is None:
        pytest.skip("no sshd on this machine (install openssh-server; .ci/run does)")
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)  # only the keys this test makes
    for variable in ("GIT_SSH", "GIT_SSH_COMMAND"):
        monkeypatch.delenv(variable, raising=False)
    folder = tmp_path / "sshd"
    folder.mkdir()
    host_key, user_key = _keygen(folder / "host_key"), _keygen(folder / "user_key")
    (folder / "authorized_keys").write_text(Path(f"{user_key}.pub").read_text())
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host_key}\nPidFile {folder / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nStrictModes no\nUsePAM no\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
        "PubkeyAuthentication yes\nLogLevel VERBOSE\n"
    )
    server = subprocess.Popen(
        [SSHD, "-D", "-e", "-f", str(config)], stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    listening = threading.Event()
    log: list[str] = []

    def read_log() -> None:
        assert server.stderr is not None
        for line in server.stderr:
            log.append(line)
            if "Server listening" in line:
                listening.set()

    threading.Thread(target=read_log, daemon=True).start()
    try:
        if not listening.wait(15):
            pytest.fail(f"sshd did not start: {''.join(log)[-2000:]}")
        yield Sshd(port, getpass.getuser(), host_key, user_key, folder)
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    path = tmp_path / "team.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(path)], check=True)
    return path


def _use_ssh(home_config: str) -> None:
    """The person's global git config gets their ssh command, as `git config --global` would."""
    gitconfig = Path(os.environ["HOME"]) / ".gitconfig"
    gitconfig.write_text(gitconfig.read_text() + f"[core]\n\tsshCommand = {home_config}\n")


def test_init_clone_and_sync_both_ways_over_ssh_with_the_persons_ssh_command(
    tmp_path: Path, sshd: Sshd, remote: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    known = tmp_path / "known_hosts"
    sshd.trust(known)
    _use_ssh(sshd.ssh_command(sshd.user_key, known))
    url = sshd.url(remote)
    assert main(["init", str(tmp_path / "ana"), "--remote", url]) == 0, capsys.readouterr().err
    ana = Person(tmp_path / "ana", capsys)
    assert main(["clone", url, str(tmp_path / "ben")]) == 0, capsys.readouterr().err
    ben = Person(tmp_path / "ben", capsys)
    git(ben.folder, "config", "user.email", "ben.ode@example.com")
    first = ana.add_task("Over ssh from Ana")
    second = ben.add_task("Over ssh from Ben")
    assert "pushed 1 change" in ana.ok("sync")
    assert "pulled 1 change" in ben.ok("sync")
    assert "pulled 1 change" in ana.ok("sync")
    assert set(ana.tasks()) == set(ben.tasks()) == {first, second}


def _failing_sync(person: Person) -> str:
    code, _, err = person.run("sync")
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture
def ana_over_ssh(tmp_path: Path, sshd: Sshd, remote: Path, capsys: pytest.CaptureFixture[str]) -> Person:
    """Ana's workspace shared over ssh (trusted host, accepted key), one task synced."""
    known = tmp_path / "known_hosts"
    sshd.trust(known)
    _use_ssh(sshd.ssh_command(sshd.user_key, known))
    assert main(["init", str(tmp_path / "ana"), "--remote", sshd.url(remote)]) == 0
    ana = Person(tmp_path / "ana", capsys)
    ana.add_task("Synced before")
    ana.ok("sync")
    return ana


def _nothing_lost(person: Person, task: str) -> None:
    assert person.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed"
    assert task in person.tasks() and person.git("status", "--porcelain", "--", DATA_FILE) == ""


def test_an_unknown_host_key_says_how_to_connect_once(ana_over_ssh: Person, tmp_path: Path, sshd: Sshd) -> None:
    (tmp_path / "known_hosts").write_text("")
    task = ana_over_ssh.add_task("Written before the new laptop knew the server")
    err = _failing_sync(ana_over_ssh)
    assert "host key is not known yet" in err and "refused the credentials" not in err
    assert f"-p {sshd.port} {sshd.user}@127.0.0.1`" in err and "known_hosts" in err
    _nothing_lost(ana_over_ssh, task)


def test_a_changed_host_key_is_never_accepted_and_said_to_be_a_possible_attack(
    ana_over_ssh: Person, tmp_path: Path, sshd: Sshd
) -> None:
    sshd.trust(tmp_path / "known_hosts", key=_keygen(tmp_path / "other_host_key"))
    task = ana_over_ssh.add_task("Written while someone sits in the middle")
    err = _failing_sync(ana_over_ssh)
    assert "CHANGED" in err and "attack" in err and "never accepts" in err
    _nothing_lost(ana_over_ssh, task)
    assert "other_host_key" not in (tmp_path / "known_hosts").read_text()
    assert (tmp_path / "known_hosts").read_text().count("127.0.0.1") == 1, "the changed key was not added"


def test_a_key_the_server_refuses_is_named_with_the_ssh_command_used(
    ana_over_ssh: Person, tmp_path: Path, sshd: Sshd
) -> None:
    wrong = _keygen(tmp_path / "wrong_key")
    ana_over_ssh.git("config", "core.sshCommand", sshd.ssh_command(wrong, tmp_path / "known_hosts"))
    task = ana_over_ssh.add_task("Written with the wrong key")
    err = _failing_sync(ana_over_ssh)
    assert "the server refused your ssh key (publickey)" in err
    assert f"-i {wrong}" in err and "BatchMode=yes" in err, "the ssh command line is shown"
    _nothing_lost(ana_over_ssh, task)


def test_a_host_that_does_not_answer_is_named_with_its_port(ana_over_ssh: Person, sshd: Sshd) -> None:
    port = _free_port()
    ana_over_ssh.git("remote", "set-url", "origin", f"ssh://{sshd.user}@127.0.0.1:{port}/team.git")
    task = ana_over_ssh.add_task("Written while the server is down")
    err = _failing_sync(ana_over_ssh)
    assert f"could not reach 127.0.0.1:{port}" in err
    _nothing_lost(ana_over_ssh, task)
