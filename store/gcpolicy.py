"""When the garbage collector runs: the one policy, applied at the entry points.

Start-up allocates a great deal and frees little (a large workspace is ~50,000 records),
so collections then find nothing to free and only cost time: ~30 ms of the app's first
frame, and a good part of opening a large file. So:

- ``alinea`` (tui.cli.main) and the git merge driver (store.merge.main) start with
  ``quiet_start()``;
- the app calls ``settle()`` once its first frame is painted and the workspace is read:
  what start-up built lives as long as the app, so it is frozen (never walked again; ~60 ms
  a collection on a large file) and collection resumes, less often (``APP_THRESHOLDS``);
- a CLI command calls ``resume()`` when it ends;
- after a burst of work done while the person reads (the Objectives detail redrawn once the
  cursor rests), the app calls ``collect_young()``: that burst leaves the young generations
  nearly full of garbage (a rebuilt Markdown tree, Textual's strips), and otherwise the
  next key's first allocations pay for collecting it (5-40 ms before its frame).

Nothing else in alinea switches the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def quiet_start() -> None:
    gc.disable()


#: the collector's thresholds once the app has started (Python's are 700, 10, 10). A frame
#: allocates tens of thousands of small containers (Textual's strips), so 700 ran ~35 young
#: collections per pane switch and, every few keys, a full one over all that the app built
#: since the freeze: 50-250 ms spikes on a large workspace. Cycles are still collected, less often.
APP_THRESHOLDS = (10_000, 10, 100)


def settle() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(*APP_THRESHOLDS)
        gc.enable()


class AfterStart:
    """Calls ``settle()`` once every named step of an app's start is done (painted, read)."""

    def __init__(self, *steps: str) -> None:
        self._waiting = set(steps)

    def done(self, step: str) -> None:
        self._waiting.discard(step)
        if not self._waiting:
            settle()


def collect_young() -> None:
    """Collect the two young generations now, between keys (never the old one: it holds the
    whole workspace). Nothing when the collector is off (start-up, the merge driver)."""
    if gc.isenabled():
        gc.collect(1)


def resume() -> None:
    gc.enable()


@contextmanager
def quiet() -> Iterator[None]:
    """The entry points' policy for one call (the benchmarks time an open the way `alinea` runs it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
