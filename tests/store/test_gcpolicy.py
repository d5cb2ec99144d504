"""The collector policy: the app collects in its idle moments and after a burst of work between
keys, never while the collector is off (start-up)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from store.gcpolicy import APP_THRESHOLDS, IDLE_THRESHOLDS, collect_if_due, collect_young


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def _garbage_cycle() -> weakref.ref[_Node]:
    return weakref.ref(_Node())


def test_collect_young_frees_the_garbage_a_burst_of_work_left() -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        gc.collect()
        cycle = _garbage_cycle()
        assert cycle() is not None
        collect_young()
        assert cycle() is None
    finally:
        if not was_enabled:
            gc.disable()


def test_collect_young_leaves_a_collector_that_is_off_alone() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        cycle = _garbage_cycle()
        collect_young()
        assert cycle() is not None
        assert not gc.isenabled()
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()



@pytest.fixture
def app_collector() -> Iterator[None]:
    """The collector as the app runs it once started; Python's own settings back afterwards."""
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.collect()
    gc.set_threshold(*APP_THRESHOLDS)
    gc.enable()
    yield
    gc.set_threshold(*thresholds)
    if not was_enabled:
        gc.disable()


def test_an_idle_moment_collects_once_enough_was_kept(app_collector: None) -> None:
    kept = [[] for _ in range(IDLE_THRESHOLDS[0] // 2)]
    collect_if_due()
    assert gc.get_count()[0] >= len(kept), "not due yet: nothing collected"
    kept += [[] for _ in range(IDLE_THRESHOLDS[0])]
    collect_if_due()
    assert gc.get_count()[0] < IDLE_THRESHOLDS[0] // 10


def test_no_collection_while_the_collector_is_off(app_collector: None) -> None:
    gc.disable()
    kept = [[] for _ in range(IDLE_THRESHOLDS[0] * 2)]
    collect_if_due()
    assert gc.get_count()[0] >= len(kept)
