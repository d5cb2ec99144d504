"""Choices (statuses, priorities, kinds) read the same in the form as on the Board."""

from __future__ import annotations

from store.vocabulary import VOCABULARY


def test_a_choice_reads_as_the_board_says_it() -> None:
    words = VOCABULARY["tasks"]
    assert [words.choice(v) for v in ("todo", "doing", "blocked", "done")] == ["To do", "Doing", "Blocked", "Done"]
    assert VOCABULARY["objectives"].choice("on_track") == "On track"
