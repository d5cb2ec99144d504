"""The data layer stands alone: store/ never imports the UI; widgets never import store."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_store_never_imports_textual_rich_or_tui() -> None:
    offenders = {path: names & {"textual", "rich", "tui"} for path, names in imported_modules(ROOT / "store").items()}
    assert {path: names for path, names in offenders.items() if names} == {}


#: what a widget may take from store/: the gettext markers and calls for its own labels and keys;
#: anything drawn from the workspace (a card's due date included) comes from its pane, in words
WIDGET_WORDS = {"store.i18n"}


def test_widgets_receive_data_instead_of_importing_store() -> None:
    offenders = {}
    for path in (ROOT / "tui" / "widgets").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            wrong = {name for name in names if name.split(".")[0] == "store" and name not in WIDGET_WORDS}
            if wrong:
                offenders[str(path.relative_to(ROOT))] = wrong
    assert offenders == {}


def test_importing_the_store_creates_nothing_and_loads_no_ui(tmp_path: Path) -> None:
    code = (
        "import sys, store.workspace, store.storage, store.models, store.repo, store.paths, store.inputs;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
    )
    assert done.stdout.strip() == "[]"
    assert list(tmp_path.iterdir()) == []


def test_import_linter_contract_holds() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
