"""What the widgets draw, in Spanish: a card's due date (the Board's words for it), an objective's row
and its period's header."""

from __future__ import annotations

from datetime import date

from tui.panes.words import card_due
from tui.widgets.board_column import Card, card_lines
from tui.widgets.objective_list import ObjectiveRow, PeriodHeader, header_lines, row_lines

TODAY = date(2026, 11, 29)


def plain(line: object) -> str:
    parts = line if isinstance(line, tuple) else (line,)
    return "".join(str(part) for part in parts)


def test_an_overdue_card_says_so_in_spanish(spanish: None) -> None:
    card = Card("t1", "Enviar la propuesta", owner="Ana Ruiz", department="Ventas",
                due=card_due(date(2026, 11, 24), TODAY, overdue=True), overdue=True)
    assert plain(card_lines(card)[-1]) == "Ana R. · Ventasvencida 24 nov"
    later = Card("t2", "Cerrar el trimestre", due=card_due(date(2027, 1, 8), TODAY, overdue=False))
    assert plain(card_lines(later)[-1]) == "8 ene 2027"


def test_an_objective_row_and_its_period_in_spanish(spanish: None) -> None:
    (header, _right) = header_lines(PeriodHeader("Q4 2026", 3, current=True))
    assert str(header) == "── Q4 2026 · actual · 3 objetivos "
    row = ObjectiveRow("o1", "Bajar el CAC", "at_risk", "Meta", "Q4 2026", ("Ventas", "Marketing"), (None, "", False))
    (title, amount), (details, _pace) = row_lines(row)
    assert plain(title).startswith("● en riesgo ") and "sin datos" in plain(amount)
    assert plain(details).endswith(" compartido ")


def test_english_is_unchanged() -> None:
    card = Card("t1", "Send the proposal", owner="Ana Ruiz", department="Sales",
                due=card_due(date(2026, 11, 24), TODAY, overdue=True), overdue=True)
    assert plain(card_lines(card)[-1]) == "Ana R. · Salesoverdue 24 Nov"
    (header, _right) = header_lines(PeriodHeader("Q4 2026", 1))
    assert str(header) == "── Q4 2026 · 1 objective "
