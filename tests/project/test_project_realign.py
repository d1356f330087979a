"""Re-running the aligner replaces machine suggestions only; every human decision survives."""

from __future__ import annotations

import sqlite3

import pytest

from criteria_compare.model import Relation, Status
from criteria_compare.project import Project
from criteria_compare.workflow.realign import aligner_settings, realign


def _lexical(project: Project) -> None:
    project.set_settings(aligner_settings(project).replace(use_embedding=False))


def test_realign_keeps_links_rejections_pins_and_verdicts(new_project) -> None:
    """After realign, links, rejections, pins, verdicts and history are exactly as before."""
    project = new_project()
    _lexical(project)
    project.decide("1.1", status="aligned", link=[("P-1", "equal")], discussion=True)
    project.decide("3.1", status="partial", note="Partner asks less.", link=[("P-3", "subset_of")])
    project.reject("6.1", "P-4")
    project.pin("2.1", "P-6")
    project.decide("7.10", status="gap")
    before = {c.ref: project.snapshot(c.ref) for c in project.reference.criteria}
    result = realign(project)
    assert result.forward  # the real aligner ran
    after = {c.ref: project.snapshot(c.ref) for c in project.reference.criteria}
    assert after == before
    assert "P-4" not in [s.target_ref for s in project.suggestions("6.1")]  # rejected stays out
    assert project.suggestions("2.1")[0].target_ref == "P-6"  # pinned stays first
    assert project.suggestions("2.1")[0].pinned
    assert project.history(limit=1)[0].action == "align"


def test_realign_replaces_hand_made_suggestions(new_project) -> None:
    """The aligner's suggestions replace old ones; a criterion's top candidate is about the same topic."""
    project = new_project()
    _lexical(project)
    realign(project)
    top = {c.ref: project.suggestions(c.ref)[0].target_ref for c in project.reference.criteria}
    assert top["6.1"] == "P-4"  # seals and containers
    assert top["2.1"] == "P-2"  # threats / risk assessed
    info = project.alignment_info()
    assert info["suggestions"] >= 5
    assert "timestamp" in info


def test_realign_with_new_settings_stores_them(new_project) -> None:
    """Settings passed to realign are stored and used next time."""
    project = new_project()
    settings = aligner_settings(project).replace(use_embedding=False, k=2)
    realign(project, settings=settings)
    assert aligner_settings(project) == settings
    assert max(len(project.suggestions(c.ref)) for c in project.reference.criteria) <= 2


def test_cancelled_realign_keeps_old_suggestions(new_project) -> None:
    """Cancelling a realign leaves the previous suggestions in place."""
    from criteria_compare.errors import Cancelled

    project = new_project()
    _lexical(project)
    before = project.suggestions("1.1")
    with pytest.raises(Cancelled):
        realign(project, cancel=lambda: True)
    assert project.suggestions("1.1") == before


def test_changed_text_marks_decision_suspect(new_project) -> None:
    """A decision made on text that later changed is flagged suspect (fingerprints kept with decisions)."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", Relation.EQUAL)])
    project.decide("2.1", status="gap")
    path = project.path
    project.close()
    # simulate a re-import that changed the wording of partner P-1 and reference 2.1
    conn = sqlite3.connect(path)
    conn.execute("UPDATE criteria SET fingerprint = 'changed' WHERE ref IN ('P-1', '2.1')")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert project.assessment("1.1").suspect  # its linked partner text changed
        assert project.assessment("2.1").suspect
        assert not project.assessment("7.10").suspect
        assert project.summary()["reference"]["suspect"] == 2
        project.decide("2.1", status="gap", note="Re-checked after the new wording.")
        assert project.assessment("2.1").suspect  # a note is not a confirmation
        project.confirm_unchanged("2.1")
        assert not project.assessment("2.1").suspect


@pytest.mark.slow
def test_embedding_cache_in_file_is_reused(new_project) -> None:
    """With the encoder on, vectors are stored in the file and a second realign adds none."""
    project = new_project()
    result = realign(project)
    if any("unavailable" in n for n in result.notices):
        pytest.skip("sentence encoder not installed")
    stored = len(project.embedding_cache())
    assert stored > 0
    realign(project)
    assert len(project.embedding_cache()) == stored
    assert project.assessment("1.1").status is Status.UNREVIEWED
