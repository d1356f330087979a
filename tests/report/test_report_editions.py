"""The report after an update: editions in provenance, the "Changes since the previous edition"
appendix with its redline and the state of each carried decision; excluded criteria left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.project import Project
from criteria_compare.report import collect, export_pdf, render_pdf
from criteria_compare.report.pdf_changes import CHANGES_TITLE, REDLINE_REMOVED, redline_markup
from criteria_compare.workflow.update import apply_update, plan_update
from tests.report.report_helpers import pdf_outline, pdf_pages
from tests.workflow.edition_standin import StandIn
from tests.workflow.update_fixtures import partner_rows, read, reviewed_project, write_edition


@pytest.fixture
def updated(tmp_path: Path):
    """The small reviewed project after one partner update (reworded, renumbered, removed, added),
    with one partner criterion excluded."""
    project = reviewed_project(tmp_path / "review.ccproj")
    rows = partner_rows()
    rows["P-1"] = (
        "Organisation",
        "A named security officer coordinates and reviews protective measures.",
    )
    rows["P-20"] = rows.pop("P-2")
    del rows["P-3"]
    rows["P-7"] = ("Crisis", "The operator keeps a plan for recovering from incidents.")
    preview = plan_update(
        project,
        "partner",
        read(write_edition(tmp_path / "meridia-v4.csv", rows)),
        matcher=StandIn(),
        label="v4",
    )
    apply_update(project, preview, reviewer="bob")
    project.exclude("partner", "P-6", reason="footer row")
    yield project
    project.close()


def test_collect_lists_editions_and_changes_with_their_state(updated: Project) -> None:
    """ReportData holds both sides' editions and the partner update's changes, each with the
    decision as it stands now; the excluded criterion is nowhere."""
    data = collect(updated)
    reference, partner = data.editions
    assert [e.number for e in reference.editions] == [1]
    assert [(e.number, e.label) for e in partner.editions] == [(1, "v3"), (2, "v4")]
    rows = {(r.change, r.old_ref, r.new_ref): r for r in partner.changes}
    assert (
        rows[("reworded", "P-1", "P-1")].state == "linked from 1.1 (Aligned; to be checked again)"
    )
    assert rows[("renumbered", "P-2", "P-20")].state == "linked from 2.1 (Partial; holds)"
    assert rows[("removed", "P-3", None)].state == "Dropped: linked from 3.1 (equal)"
    assert rows[("added", None, "P-7")].state == ""
    assert partner.counts()["added"] == 1
    assert "P-6" not in {c.ref for c in data.partner_only}


def test_pdf_has_the_appendix_and_the_editions(updated: Project, tmp_path: Path) -> None:
    """The PDF lists every edition under Sources and ends with the changes appendix (in the outline)."""
    out = export_pdf(updated, tmp_path / "report.pdf")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "meridia-v4.csv, 6 criteria" in text
    assert "2 (v4)" in text
    assert CHANGES_TITLE in text
    assert "went from edition 1 (v3, meridia.csv) to edition 2 (v4, meridia-v4.csv)" in text
    assert "1 added, 1 removed, 1 reworded, 1 renumbered" in text
    assert "P-2 → P-20" in text
    assert "Not yet linked" in text
    assert (
        "can pay its debts" not in text
    )  # the excluded criterion (its exclusion is in the history)
    assert CHANGES_TITLE in [title for _level, title, _page in pdf_outline(out)]


def test_no_appendix_before_any_update(tmp_path: Path) -> None:
    """A project never updated has no changes appendix and keeps the short sources table."""
    project = reviewed_project(tmp_path / "plain.ccproj")
    try:
        out = render_pdf(collect(project), tmp_path / "plain.pdf")
    finally:
        project.close()
    text = " ".join(pdf_pages(out))
    assert CHANGES_TITLE not in text
    assert "oldest first" not in text


class _Builder:
    """Just what redline_markup needs of a StoryBuilder: escaping."""

    @staticmethod
    def escaped_markup(text: str) -> str:
        from criteria_compare.report.escape import escaped_markup

        return escaped_markup(text)


def test_replaced_words_stay_apart() -> None:
    """A removed run ending a sentence and the added run after it are not glued together."""
    marked = redline_markup(_Builder(), "Screened before contracts.", "Screened and sealed.")  # type: ignore[arg-type]
    assert "contracts</font></strike> <u>" in marked


def test_redline_markup_strikes_removed_and_escapes_text() -> None:
    """Removed words are struck through in red, added ones underlined; markup in the text is escaped."""
    marked = redline_markup(
        _Builder(), "Seals <b>are</b> logged daily.", "Seals are logged weekly."
    )  # type: ignore[arg-type]
    assert f'<strike><font color="{REDLINE_REMOVED}">daily' in marked
    assert "<u><font" in marked
    assert "weekly" in marked
    assert "&lt;b&gt;" in marked


def test_appendix_in_spanish_translates_the_carried_state(updated: Project, tmp_path: Path) -> None:
    """In a Spanish report the appendix's kinds and the carried decisions' words are Spanish;
    refs stay as written."""
    from criteria_compare.report import ReportOptions, collect, render_pdf
    from tests.report.report_helpers import pdf_pages

    out = render_pdf(collect(updated), tmp_path / "es.pdf", ReportOptions(language="es"))
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Cambios desde la edición anterior" in text
    assert "vinculado desde 2.1 (Parcial; se mantiene)" in text
    assert "Descartado: vinculado desde 3.1 (igual)" in text
    assert "Aún sin vincular" in text
    assert "holds" not in text
