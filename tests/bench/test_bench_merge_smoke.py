"""A smoke run of the merge benchmark on a small workspace: it must run, not be fast."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bench import bench_merge
from tests.bench.large import write_large_workspace


class Figures:
    """Stands in for the bench runner's Reporter: collects what would be printed."""

    quick = True
    runs = 1
    smoke = True  # four clones stand in for the sixteen of the stampede

    def __init__(self, scratch: Path, large: Path) -> None:
        self.scratch = scratch
        self.large_workspace = large
        self.figures: dict[str, Any] = {}

    def __call__(self, name: str, value: Any, unit: str, note: str = "") -> None:
        self.figures[name] = value

    def samples(self, fn: Any, runs: int | None = None) -> list[float]:
        for _ in range(runs or self.runs):
            fn()
        return [0.0]


@pytest.mark.e2e
def test_the_merge_benchmark_runs_on_a_small_workspace(tmp_path: Path) -> None:
    large = write_large_workspace(tmp_path / "large", seed=1, today=date(2026, 11, 18), scale=0.02)
    figures = Figures(tmp_path / "scratch", large)
    bench_merge.run(figures)
    assert len(figures.figures) == 11
