"""What the app's first frame waits for: its imports. The heavy ones wait for the data instead."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_imports_neither_pydantic_nor_markdown_before_its_first_frame(tmp_path: Path) -> None:
    """pydantic (validating the file, in the write worker) and markdown-it (an objective's
    description) cost ~100 ms of the first frame on a large workspace; nothing on it needs them."""
    code = (
        "import sys, tui.cli, tui.app;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'pydantic_core', 'markdown_it', 'babel'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "LANG": "C.UTF-8"},
    )
    assert done.stdout.strip() == "[]"
