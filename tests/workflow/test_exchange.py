"""Exchanging positions with the partner administration: a workbook out, their answers back in."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from criteria_compare.errors import ImportFailed, ProjectReadOnly
from criteria_compare.model import PARTNER_ADMINISTRATION, Relation, Stance, Status
from criteria_compare.project import Project
from criteria_compare.report.exchange_workbook import CHECK_HEADER, META_SHEET, POSITIONS_SHEET
from criteria_compare.workflow.exchange import (
    UnimportedAnswers,
    export_positions,
    import_positions,
)
from tests.workflow.exchange_helpers import columns, edit, fill, rows_by_ref


@pytest.fixture
def decided(project: Project) -> Project:
    """The small project with three verdicts, one a formula-like note flagged for discussion."""
    project.decide("1.1", link=[("P-1", Relation.EQUAL)], status="aligned")
    project.decide(
        "6.1",
        link=[("P-4", Relation.SUBSET_OF)],
        status="partial",
        note="Seal standard not named; ours is stricter.",
    )
    project.decide("7.10", status="gap", note="=No counterpart; same-day rule", discussion=True)
    return project


def _verdicts(project: Project) -> dict[str, tuple[Status, str, bool]]:
    return {r: (a.status, a.note, a.discussion) for r, a in project.assessments().items()}


def test_round_trip_through_openpyxl_stores_positions_and_never_changes_verdicts(
    decided: Project, tmp_path: Path
) -> None:
    """The partner fills both columns in a spreadsheet program; their answers come back as positions."""
    before = _verdicts(decided)
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    fill(
        out,
        {
            "1.1": ("Agree", ""),
            "6.1": ("Disagree", "Our seals follow ISO 17712 too."),
            "7.10": ("Needs discussion", "Same-day reporting is in our guidance, not the rule."),
        },
    )
    summary = import_positions(decided, out, reviewer="alice")
    assert summary.to_json() == {
        "positions": 3,
        "agree": 1,
        "disagree": 1,
        "needs_discussion": 1,
        "blank": 0,
        "altered": [],
        "unknown": [],
    }
    positions = decided.positions()
    assert positions["6.1"].stance is Stance.DISAGREE
    assert positions["6.1"].comment == "Our seals follow ISO 17712 too."
    assert positions["7.10"].stance is Stance.NEEDS_DISCUSSION
    assert positions["1.1"].round == 1
    sha = hashlib.sha256(out.read_bytes()).hexdigest()
    assert positions["6.1"].sha256 == sha
    assert positions["6.1"].imported_by == "alice"
    assert _verdicts(decided) == before
    entry = decided.history("6.1")[0]
    assert (entry.action, entry.reviewer) == ("position", PARTNER_ADMINISTRATION)
    assert json.loads(entry.new_value or "") == {
        "position": "disagree",
        "comment": "Our seals follow ISO 17712 too.",
        "round": 1,
        "sha256": sha,
    }
    imported = next(e for e in decided.history() if e.action == "exchange_import")
    assert imported.reviewer == "alice"
    assert json.loads(imported.new_value or "")["sha256"] == sha


def test_the_workbook_locks_our_columns_and_offers_a_drop_down(
    decided: Project, tmp_path: Path
) -> None:
    """Our columns are protected, theirs are open with Agree/Disagree/Needs discussion; the check is hidden."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Instructions"
    assert wb[META_SHEET].sheet_state == "veryHidden"
    ws = wb[POSITIONS_SHEET]
    cols = columns(ws)
    assert list(cols)[:8] == [
        "Ref",
        "Category",
        "Reference criterion",
        "Our linked partner criteria",
        "Our assessment",
        "Our note",
        "Their position",
        "Their comment",
    ]
    assert ws.protection.sheet is True
    row = rows_by_ref(ws)["7.10"]
    assert ws.cell(row, cols["Our note"]).protection.locked is True
    assert ws.cell(row, cols["Their position"]).protection.locked is False
    assert ws.cell(row, cols["Their comment"]).protection.locked is False
    assert ws.cell(rows_by_ref(ws)["6.1"], cols["Our linked partner criteria"]).value == (
        "P-4 (subset)"
    )
    assert "discussion" in str(ws.cell(row, cols["Our assessment"]).value)
    note = ws.cell(row, cols["Our note"])
    assert (note.value, note.data_type, note.quotePrefix) == (
        "=No counterpart; same-day rule",
        "s",
        True,
    )
    from openpyxl.utils import get_column_letter

    assert ws.column_dimensions[get_column_letter(cols[CHECK_HEADER])].hidden is True
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"Agree,Disagree,Needs discussion"'
    letter = get_column_letter(cols["Their position"])
    assert str(validation.sqref) == f"{letter}2:{letter}4"


def test_an_edited_protected_cell_sets_that_row_aside(decided: Project, tmp_path: Path) -> None:
    """A row whose note was changed is listed as altered and its position is not taken."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    fill(out, {"1.1": ("Agree", ""), "6.1": ("Agree", "fine")})
    edit(out, "6.1", "Our note", "Seal standard named; equivalent.")
    summary = import_positions(decided, out)
    assert summary.altered == ("6.1",)
    assert summary.to_json()["positions"] == 2
    assert "6.1" not in decided.positions()
    assert decided.positions()["1.1"].stance is Stance.AGREE
    assert any("6.1" in n and "not taken" in n for n in summary.notices)


def test_a_deleted_check_column_sets_every_row_aside(decided: Project, tmp_path: Path) -> None:
    """Without the hidden row checks no position can be trusted, so none is taken."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    fill(out, {"1.1": ("Agree", "")})
    wb = load_workbook(out)
    ws = wb[POSITIONS_SHEET]
    ws.delete_cols(columns(ws)[CHECK_HEADER])
    wb.save(out)
    summary = import_positions(decided, out)
    assert summary.altered == ("1.1", "6.1", "7.10")
    assert decided.positions() == {}


def test_extra_rows_and_unknown_refs_are_listed_not_taken(decided: Project, tmp_path: Path) -> None:
    """A copied row makes its ref untrusted; a ref the project lacks is listed as unknown."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    wb = load_workbook(out)
    ws = wb[POSITIONS_SHEET]
    cols = columns(ws)
    source = rows_by_ref(ws)["1.1"]
    copy = ws.max_row + 1
    for col in range(1, ws.max_column + 1):
        ws.cell(copy, col).value = ws.cell(source, col).value
    ws.cell(copy, cols["Their position"]).value = "Disagree"
    ws.cell(copy + 1, cols["Ref"]).value = "99.9"
    ws.cell(copy + 1, cols["Their position"]).value = "Agree"
    ws.cell(rows_by_ref(ws)["6.1"], cols["Their position"]).value = "Agree"
    wb.save(out)
    summary = import_positions(decided, out)
    assert summary.altered == ("1.1",)
    assert summary.unknown == ("99.9",)
    assert set(decided.positions()) == {"6.1", "7.10"}


def test_second_round_carries_their_last_answers_and_history_keeps_both(
    decided: Project, tmp_path: Path
) -> None:
    """Exporting again pre-fills their position and comment; importing again updates them."""
    first = export_positions(decided, tmp_path / "round1.xlsx").path
    fill(first, {"6.1": ("Disagree", "Our seals follow ISO 17712 too.")})
    import_positions(decided, first)
    second = export_positions(decided, tmp_path / "round2.xlsx")
    assert second.round == 2
    ws = load_workbook(second.path)[POSITIONS_SHEET]
    cols = columns(ws)
    row = rows_by_ref(ws)["6.1"]
    assert ws.cell(row, cols["Their position"]).value == "Disagree"
    assert ws.cell(row, cols["Their comment"]).value == "Our seals follow ISO 17712 too."
    fill(second.path, {"6.1": ("Agree", "Settled at the March meeting.")})
    summary = import_positions(decided, second.path)
    assert summary.round == 2
    assert decided.positions()["6.1"].stance is Stance.AGREE
    assert decided.positions()["6.1"].round == 2
    rounds = [
        json.loads(e.new_value or "")["round"]
        for e in decided.history("6.1")
        if e.action == "position"
    ]
    assert rounds == [2, 1]
    with pytest.raises(ImportFailed, match="round 1 workbook"):
        import_positions(decided, first)


def test_importing_the_same_round_again_updates_it(decided: Project, tmp_path: Path) -> None:
    """A corrected copy of the same round replaces that round's answers."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    fill(out, {"6.1": ("Disagree", "")}, out=tmp_path / "first.xlsx")
    fill(out, {"6.1": ("Needs discussion", "Let us talk.")}, out=tmp_path / "corrected.xlsx")
    import_positions(decided, tmp_path / "first.xlsx")
    summary = import_positions(decided, tmp_path / "corrected.xlsx")
    assert summary.changed == 1
    assert decided.positions()["6.1"].stance is Stance.NEEDS_DISCUSSION


def test_changing_our_verdict_after_the_export_is_not_tampering(
    decided: Project, tmp_path: Path
) -> None:
    """Rows are checked against the workbook as sent, so a later decision of ours does not set them aside."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    fill(out, {"7.10": ("Agree", "")})
    decided.decide("7.10", note="Reworded after the call.")
    summary = import_positions(decided, out)
    assert summary.altered == ()
    assert decided.assessment("7.10").note == "Reworded after the call."


def test_a_word_that_is_no_position_is_refused_with_its_cell(
    decided: Project, tmp_path: Path
) -> None:
    """A typed answer outside the drop-down names the sheet, row and column, and nothing is stored."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    fill(out, {"1.1": ("Agree", ""), "6.1": ("Maybe", "")})
    with pytest.raises(ImportFailed, match=r"sheet 'Positions', row 3, column G .*'Maybe'"):
        import_positions(decided, out)
    assert decided.positions() == {}


def test_a_workbook_of_another_comparison_is_refused(
    decided: Project, make_project: Callable[[Path], Project], tmp_path: Path
) -> None:
    """Another project's exchange workbook is refused in one sentence."""
    other = make_project(tmp_path / "other.ccproj")
    out = export_positions(other, tmp_path / "other.xlsx").path
    with pytest.raises(ImportFailed, match="another comparison"):
        import_positions(decided, out)


def test_a_plain_workbook_is_not_an_exchange_workbook(decided: Project, tmp_path: Path) -> None:
    """A workbook without the exchange sheets is refused; so is a CSV file."""
    plain = tmp_path / "plain.xlsx"
    wb = Workbook()
    wb.active.title = POSITIONS_SHEET
    wb.save(plain)
    with pytest.raises(ImportFailed, match="not an exchange workbook"):
        import_positions(decided, plain)
    text = tmp_path / "positions.csv"
    text.write_text("Ref,Their position\n1.1,Agree\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="not an exchange workbook"):
        import_positions(decided, text)


def test_an_edited_identification_sheet_is_refused(decided: Project, tmp_path: Path) -> None:
    """Changing the round on the hidden sheet breaks its check."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    wb = load_workbook(out)
    wb[META_SHEET]["B4"] = "7"
    wb.save(out)
    with pytest.raises(ImportFailed, match="identification sheet was changed"):
        import_positions(decided, out)


def test_a_read_only_project_takes_no_positions(decided: Project, tmp_path: Path) -> None:
    """Importing into a project opened read-only is refused before the file is read."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    with Project.open(decided.path, read_only=True) as reader, pytest.raises(ProjectReadOnly):
        import_positions(reader, out)


def test_the_importer_limits_apply_to_a_returned_workbook(decided: Project, tmp_path: Path) -> None:
    """A returned file over the size limit is refused before a spreadsheet library reads it."""
    from criteria_compare.importing import ImportLimits

    out = export_positions(decided, tmp_path / "positions.xlsx").path
    with pytest.raises(ImportFailed, match="over the import limit"):
        import_positions(decided, out, limits=ImportLimits(max_bytes=1000))
    assert decided.positions() == {}


def test_a_returned_workbook_not_yet_imported_is_not_written_over(
    decided: Project, tmp_path: Path
) -> None:
    """Exporting again onto the file the partner filled in would lose their answers: refused,
    the file untouched, until it is imported (or replace is asked for). A workbook of ours that
    only carries answers imported earlier is replaced without a word."""
    out = export_positions(decided, tmp_path / "positions.xlsx").path
    export_positions(decided, out)  # our own, unanswered: replaced
    fill(out, {"6.1": ("Disagree", "Ours are stricter."), "7.10": ("", "See annex 2.")})
    answered = out.read_bytes()
    with pytest.raises(UnimportedAnswers, match=r"positions.xlsx holds 2 answers .* not replaced"):
        export_positions(decided, out)
    assert out.read_bytes() == answered
    assert sum(e.action == "exchange_export" for e in decided.history()) == 2  # not the refused one
    import_positions(decided, out)
    second = export_positions(decided, out).path  # imported now: replaced, carrying them
    export_positions(decided, second)  # carries the stored answers only: replaced again
    fill(second, {"1.1": ("Agree", "")})
    with pytest.raises(UnimportedAnswers, match="holds 1 answer of"):
        export_positions(decided, second)
    assert export_positions(decided, second, replace=True).round == 2
