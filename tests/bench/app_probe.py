"""Run an app in a terminal and say when it paints: the child half of ``bench_app``.

``python -m tests.bench.app_probe minimal`` runs a minimal Textual app;
``python -m tests.bench.app_probe alinea -w DIR`` runs ``alinea -w DIR`` exactly as a person
would (the CLI, the launch path, the real terminal driver). Either way every frame Textual
writes to the terminal is reported on the file descriptor in ``$ALINEA_BENCH_FD`` as a line
``<kind> <time.monotonic()>``: ``frame`` for every frame, ``data`` once for the first
frame that shows the workspace's tasks (the Board's cards: the app shows them from a kept
copy or the file's bytes, or validates the Board's tables first), ``whole`` once for the
first frame after the whole file is validated, and, with ``$ALINEA_BENCH_ITEMS`` set,
``items`` for each frame whose Agenda item list holds another number of items than the
frame before. The parent stamps keys with the same clock.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


def _mark(kind: str) -> None:
    os.write(int(os.environ["ALINEA_BENCH_FD"]), f"{kind} {time.monotonic():.6f}\n".encode())


def _has_data(app: Any) -> bool:
    """The minimal app has its data at once; alinea once the Board shows its cards (from the file's
    preview or from the validated records: store.board_preview)."""
    if getattr(app, "workspace", None) is None:
        return True
    return any(len(column.cards) for column in app.query("BoardColumn"))


def _is_whole(app: Any) -> bool:
    workspace = getattr(app, "workspace", None)
    return workspace is None or bool(getattr(workspace, "loaded", True))


def _agenda_items(app: Any) -> int | None:
    """How many items the Agenda's item list shows (None before it is built)."""
    lists = app.query("ItemList")
    return lists.first().item_count if lists else None


def _install_probe() -> None:
    from textual.app import App

    display = App._display
    seen_data = seen_whole = False
    watch_items = bool(os.environ.get("ALINEA_BENCH_ITEMS"))  # the quick-add figure: "items" on a new count
    items: int | None = None

    def probed(self: App[Any], screen: Any, renderable: Any) -> None:
        nonlocal seen_data, seen_whole, items
        display(self, screen, renderable)
        if renderable is None or self._batch_count:
            return
        _mark("frame")
        if watch_items and (count := _agenda_items(self)) != items:
            if items is not None and count is not None:
                _mark("items")
            items = count
        if not seen_data and _has_data(self):
            seen_data = True
            _mark("data")
        if seen_data and not seen_whole and _is_whole(self):
            seen_whole = True
            _mark("whole")

    App._display = probed  # type: ignore[method-assign]


def _minimal() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class Minimal(App[None]):
        """What any Textual app costs: import, start the driver, paint one label."""

        count = 0

        def compose(self) -> ComposeResult:
            yield Label("Hello", id="label")

        def on_key(self) -> None:
            self.count += 1
            self.query_one(Label).update(f"Hello {self.count}")

    Minimal().run()
    return 0


def main(argv: list[str]) -> int:
    _install_probe()
    if argv[:1] == ["minimal"]:
        return _minimal()
    from tui.cli import main as alinea

    return alinea(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
