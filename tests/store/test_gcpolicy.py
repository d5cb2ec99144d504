"""The collector policy: the young generations are collected between keys, never while start-up has it off."""

from __future__ import annotations

import gc
import weakref

from store.gcpolicy import collect_young


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
