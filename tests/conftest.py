"""Every test runs with a HOME of its own: a git identity, no user config, no real data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

GIT_EMAIL = "ana.ruiz@example.com"
GIT_NAME = "Ana Ruiz"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text(
        f"[user]\n\tname = {GIT_NAME}\n\temail = {GIT_EMAIL}\n[init]\n\tdefaultBranch = main\n"
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    monkeypatch.delenv("ALINEA_WORKSPACE", raising=False)
    for variable in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(variable, raising=False)
    # English unless a test asks for Spanish, whatever the machine's locale (store.i18n)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return home


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English; one that switches to Spanish is put back afterwards."""
    from store.i18n import use_language

    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def spanish(english: None):
    """The app and the CLI speak Spanish for this test (the compiled or in-memory catalog)."""
    from store.i18n import use_language

    use_language("es")


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    """A fresh, empty workspace (git repository with a first commit)."""
    from store.repo import init_workspace

    return init_workspace(tmp_path / "ws")


@pytest.fixture
def workspace(workspace_dir: Path):
    from store.workspace import Workspace

    return Workspace(workspace_dir)
