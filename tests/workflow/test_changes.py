"""workflow.changes: the texts under a suspect decision, for the review screen's redline."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.model import Side
from criteria_compare.project import Project
from criteria_compare.workflow.changes import changed_texts
from criteria_compare.workflow.update import apply_update, plan_update
from tests.workflow.edition_standin import StandIn
from tests.workflow.update_fixtures import partner_rows, read, reviewed_project, write_edition


def _update(project: Project, path: Path, rows: dict[str, tuple[str, str]]) -> None:
    apply_update(
        project, plan_update(project, "partner", read(write_edition(path, rows)), matcher=StandIn())
    )


def test_linked_partner_rewording_is_listed_latest_first_and_renumbering_is_not(
    tmp_path: Path,
) -> None:
    """1.1 is linked to P-1, reworded twice: the redline goes from the text of the previous
    edition to the current one; 2.1's P-2 was only renumbered, so 2.1 has no text change."""
    with reviewed_project(tmp_path / "review.ccproj") as project:
        rows = partner_rows()
        original = rows["P-1"][1]
        rows["P-1"] = (rows["P-1"][0], "One named officer coordinates every protective measure.")
        rows["P-20"] = rows.pop("P-2")
        _update(project, tmp_path / "e2.csv", rows)
        (change,) = changed_texts(project, "1.1")
        assert (change.side, change.new_ref, change.change) == (Side.PARTNER, "P-1", "reworded")
        assert change.old_text == original
        assert changed_texts(project, "2.1") == ()

        rows["P-1"] = (
            rows["P-1"][0],
            "One named officer coordinates and audits each protective measure.",
        )
        _update(project, tmp_path / "e3.csv", rows)
        (change,) = changed_texts(project, "1.1")
        assert change.edition == 3
        assert change.old_text == "One named officer coordinates every protective measure."
        assert change.new_text == rows["P-1"][1]
        assert changed_texts(project, "7.10") == ()  # a gap: no links, its own text unchanged
