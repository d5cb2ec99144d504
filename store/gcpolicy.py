"""When the garbage collector runs: the one policy, applied at the entry points.

Start-up allocates a great deal and frees little (a large workspace is ~50,000 records),
so collections then find nothing to free and only cost time: ~30 ms of the app's first
frame, and a good part of opening a large file. So:

- ``alinea`` (tui.cli.main) and the git merge driver (store.merge.main) start with
  ``quiet_start()``;
- the app calls ``settle()`` once its first frame is painted and the workspace is read:
  what start-up built lives as long as the app, so it is frozen (never walked again; ~60 ms
  a collection on a large file) and collection resumes, in the app's idle moments: the app
  calls ``collect_if_due()`` every ``IDLE_CHECK`` seconds, after its frame is painted;
- after a burst of work done while the person reads (the Objectives detail redrawn once the
  cursor rests), the app calls ``collect_young()``: that burst leaves the young generations
  nearly full of garbage (a rebuilt Markdown tree, Textual's strips), and otherwise the
  next key's first allocations pay for collecting it (5-40 ms before its frame);
- a CLI command calls ``resume()`` when it ends.

Nothing else in alinea switches the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def quiet_start() -> None:
    gc.disable()


#: when the app collects, once started (Python's thresholds are 700, 10, 10): a young
#: collection once this many containers were allocated (and kept), a middle one every 10
#: young ones, a full one every 100 middle ones. A frame allocates tens of thousands of small
#: containers (Textual's strips), so 700 ran ~35 young collections per pane switch and, every
#: few keys, a full one over all that the app built since the freeze: 50-250 ms spikes.
#: Checked often and collected in small batches, an idle collection that the next key runs
#: into is short (2,000 / 0.05 s beat 10,000 / 0.1 s on every key figure, A/B).
IDLE_THRESHOLDS = (2_000, 10, 100)
#: seconds between the app's checks of ``collect_if_due``
IDLE_CHECK = 0.05
#: the collector's own thresholds meanwhile: only a burst with no idle moment reaches them.
#: At (10,000, 10, 100) the collector ran two or three times inside each pane switch, 6-30 ms
#: of the key's frame; from an idle moment the same collections delay no frame.
APP_THRESHOLDS = (100_000, 10, 100)


def settle() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(*APP_THRESHOLDS)
        gc.enable()


def collect_if_due() -> None:
    """The collection IDLE_THRESHOLDS call for, if any: run by the app when it is idle."""
    if not gc.isenabled():  # start-up, or a caller that switched it off
        return
    young, young_runs, middle_runs = gc.get_count()
    if young < IDLE_THRESHOLDS[0]:
        return
    if middle_runs >= IDLE_THRESHOLDS[2]:
        gc.collect(2)
    else:
        gc.collect(1 if young_runs >= IDLE_THRESHOLDS[1] else 0)


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
