"""`alinea import measurements FILE.csv`: numbers from a CRM export, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.importing import ImportRefused, parse_number
from store.workspace import Workspace
from tui.cli import main

TODAY = date(2026, 11, 18)


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    goal = workspace.create("objectives", title="Q4 pipeline target", period="2026-Q4")
    cost = workspace.create("objectives", title="Reduce CAC / paid", period="2026-Q4")
    workspace.create("metrics", objective_id=goal.id, name="Pipeline value", unit="€", target=2_400_000)
    workspace.create("metrics", objective_id=goal.id, name="Opportunities", target=60)
    workspace.create(
        "metrics", objective_id=cost.id, name="Blended CAC", baseline=510, target=420, direction="decrease"
    )
    workspace.create("metrics", objective_id=cost.id, name="Opportunities", target=10)
    return workspace


def metric(workspace: Workspace, name: str, objective: str) -> str:
    titles = {o.id: o.title for o in workspace.records("objectives")}
    return next(m.id for m in workspace.records("metrics") if m.name == name and titles[m.objective_id] == objective)


def values(workspace: Workspace) -> set[tuple[str, str, float, str]]:
    names = {m.id: m.name for m in workspace.records("metrics")}
    return {(names[m.metric_id], m.date.isoformat(), m.value, m.note) for m in workspace.records("measurements")}


def run_import(capsys: pytest.CaptureFixture[str], workspace: Workspace, path: Path) -> tuple[int, str, str]:
    code = main(["-w", str(workspace.folder), "import", "measurements", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_good_file_imports_every_row_in_one_save(
    seeded: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cac = metric(seeded, "Blended CAC", "Reduce CAC / paid")
    csv = tmp_path / "crm.csv"
    csv.write_text(
        "Metric,Date,Value,Note\n"
        "q4 pipeline target / pipeline value,2026-11-02,\"1,234,000\",from the CRM\n"
        f"{cac[:6]},2026-11-02,498,\n"
        "reduce cac / paid / blended cac,2026-11-09,  471.5 ,\n"
        "Q4 PIPELINE TARGET/Opportunities,2026-11-09,31,\n"
    )
    code, out, err = run_import(capsys, seeded, csv)
    assert code == 0, err
    assert "imported 4 measurements (0 updated)" in out.lower()
    reopened = Workspace(seeded.folder)
    assert values(reopened) == {
        ("Pipeline value", "2026-11-02", 1_234_000.0, "from the CRM"),
        ("Blended CAC", "2026-11-02", 498.0, ""),
        ("Blended CAC", "2026-11-09", 471.5, ""),
        ("Opportunities", "2026-11-09", 31.0, ""),
    }


def test_a_bad_row_refuses_the_whole_file_and_names_its_line(
    seeded: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "metric,date,value\n"
        "Q4 pipeline target / Pipeline value,2026-11-02,1000\n"
        "\n"
        "Blended CAC,2026-11-02,1,5\n"
    )
    before = (seeded.folder / "alinea.json").read_bytes()
    code, out, err = run_import(capsys, seeded, csv)
    assert code == 2 and out == ""
    assert err.startswith("alinea: line 4:") and err.count("\n") == 1
    assert (seeded.folder / "alinea.json").read_bytes() == before


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Nope,2026-11-02,3", "no metric 'Nope'"),
        ("Opportunities,2026-11-02,3", "2 metrics match"),
        ("Blended CAC,someday,3", "is not a date"),
        ("Blended CAC,2026-11-02,", "the value is empty"),
        ('Blended CAC,2026-11-02,"1,5"', "use a dot for decimals"),
        ("Blended CAC,2026-11-02,1,5", "4 values for 3 columns; quote a value that holds a comma"),
        ("Blended CAC,2026-11-02,12%", "is not a number"),
        ("Blended CAC,2026-11-02,nan", "is not a number"),
    ],
)
def test_each_problem_is_said_in_words(seeded: Workspace, row: str, problem: str) -> None:
    from store.importing import import_measurements

    with pytest.raises(ImportRefused, match=problem) as refused:
        import_measurements(seeded, f"metric,date,value\n{row}\n", today=TODAY)
    assert str(refused.value).startswith("line 2:")
    assert seeded.count("measurements") == 0


def test_the_same_metric_and_date_twice_in_a_file_is_refused(seeded: Workspace) -> None:
    from store.importing import import_measurements

    text = "metric,date,value\nBlended CAC,2026-11-02,3\nblended cac,2026-11-02,4\n"
    with pytest.raises(ImportRefused, match="line 3: 'Blended CAC' on 2026-11-02 is already on line 2"):
        import_measurements(seeded, text, today=TODAY)


def test_a_missing_header_is_refused(seeded: Workspace) -> None:
    from store.importing import import_measurements

    with pytest.raises(ImportRefused, match="line 1: the header must name the columns"):
        import_measurements(seeded, "Blended CAC,2026-11-02,3\n", today=TODAY)
    with pytest.raises(ImportRefused, match="empty"):
        import_measurements(seeded, "", today=TODAY)


def test_reimporting_updates_in_place_without_duplicates(
    seeded: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "week.csv"
    csv.write_text("metric,date,value,note\nBlended CAC,2026-11-02,498,first\nBlended CAC,2026-11-09,480,\n")
    assert run_import(capsys, seeded, csv)[0] == 0
    csv.write_text("metric,date,value\nBlended CAC,2026-11-02,495\nBlended CAC,2026-11-09,480\nBlended CAC,+0d,470\n")
    code, out, _ = run_import(capsys, seeded, csv)
    assert code == 0 and "imported 3 measurements (1 updated, 1 unchanged)" in out.lower()
    reopened = Workspace(seeded.folder)
    assert sorted((v[1], v[2], v[3]) for v in values(reopened))[:2] == [
        ("2026-11-02", 495.0, "first"),  # no note column: the note it had stays
        ("2026-11-09", 480.0, ""),
    ]
    assert reopened.count("measurements") == 3
    updated = next(m for m in reopened.records("measurements") if m.date == date(2026, 11, 2))
    assert updated.rev == 2


@pytest.mark.parametrize(
    ("text", "value"), [("1234.5", 1234.5), ("1,234.5", 1234.5), ("-3", -3.0), ("1e3", 1000.0), (" 12 ", 12.0)]
)
def test_numbers_as_spreadsheets_write_them(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,5", "12,34", "1.234,5", "abc", "inf", "1e999"])
def test_ambiguous_or_odd_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)
