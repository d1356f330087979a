"""Ignoring a column in the wizard leaves out that column only; nothing else is blanked."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.gui.views.import_wizard import IGNORE, NewComparisonWizard

_CSV = (
    "ID,Requirement,Notes,Chapter\n"
    "Access control,,,\n"
    "1.1,Visitors sign in at the gate and wear a badge.,Badge log kept a year,p. 4\n"
    "1.2,Keys to the yard are issued against a signature.,,p. 4\n"
    "Cargo handling,,,\n"
    "2.1,Seal numbers are written on the loading record.,Check twice,p. 9\n"
)


def _wait_checked(qtbot, page, previous: object = None) -> None:
    """Wait for a read newer than ``previous`` to finish."""
    qtbot.waitUntil(
        lambda: page.check is not None and page.check is not previous and page._worker is None,
        timeout=20000,
    )


def test_ignoring_the_section_column_keeps_sections_from_heading_rows(
    qtbot, tmp_path: Path
) -> None:
    """The Chapter column (page numbers) detected as section is ignored; heading rows still name sections."""
    path = tmp_path / "partner.csv"
    path.write_text(_CSV, encoding="utf-8")
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    page.set_path(path)
    _wait_checked(qtbot, page)
    assert [c.section for c in page.check.result.criteria] == ["p. 4", "p. 4", "p. 9"]
    chapter = next(c for c in page.role_combos if c.currentData() == "section")
    before = page.check
    chapter.setCurrentIndex(chapter.findData(IGNORE))
    _wait_checked(qtbot, page, before)
    result = page.check.result
    assert [c.section for c in result.criteria] == [
        "Access control",
        "Access control",
        "Cargo handling",
    ]
    assert result.criteria[0].guidance == "Badge log kept a year"
    assert "section" not in [c.currentData() for c in page.role_combos]
    assert page.choice().columns == {
        "ref": "A",
        "text": "B",
        "guidance": "C",
        "section": None,
        "level": None,
        "title": None,
        "depth": None,
        "assessable": None,
    }


def test_ignored_role_is_not_detected_in_another_column(qtbot, tmp_path: Path) -> None:
    """With two guidance-like columns, ignoring the detected one does not promote the other."""
    path = tmp_path / "two_notes.csv"
    path.write_text(
        "Ref,Requirement,Guidance,Notes\n"
        "1.1,Visitors sign in at the gate and wear a badge.,Keep the log,internal remark\n"
        "1.2,Keys to the yard are issued against a signature.,Use the key register,\n",
        encoding="utf-8",
    )
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    page.set_path(path)
    _wait_checked(qtbot, page)
    guidance = next(c for c in page.role_combos if c.currentData() == "guidance")
    before = page.check
    guidance.setCurrentIndex(guidance.findData(IGNORE))
    _wait_checked(qtbot, page, before)
    assert all(c.guidance == "" for c in page.check.result.criteria)
    assert "guidance" not in page.check.result.columns
