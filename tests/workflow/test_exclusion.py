"""workflow.exclusion: an excluded criterion leaves the aligner's inputs and the report, and comes back."""

from __future__ import annotations

from criteria_compare.report.collect import collect
from criteria_compare.workflow import exclusion


def test_excluded_criterion_is_not_aligned_nor_reported(project) -> None:
    """The aligner is not given the excluded row, the report does not show it; restore returns it."""
    gone = exclusion.exclude(project, "partner", "P-5", reason="footer row", reviewer="bob")
    assert gone.criterion.ref == "P-5"
    inputs = project.alignment_inputs()
    assert "P-5" not in {c.ref for c in inputs.partner.criteria}
    data = collect(project)
    assert "P-5" not in {c.ref for c in data.partner_only}
    assert data.partner.criteria_count == 2
    back = exclusion.restore(project, "partner", "P-5")
    assert back.text.startswith("Commercial records")
    assert "P-5" in {c.ref for c in collect(project).partner_only}
