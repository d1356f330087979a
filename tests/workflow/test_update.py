"""workflow.update: a reviewed project brought to a new edition of either program, every decision carried."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from criteria_compare.align import embedding
from criteria_compare.align.embedding import cache_key, encoder_input, encoder_text
from criteria_compare.errors import InvalidValue
from criteria_compare.model import Side, Status
from criteria_compare.project import Project
from criteria_compare.workflow.update import apply_update, confirm_carried, plan_update
from tests.project.conftest import make_partner, make_reference
from tests.workflow.edition_standin import StandIn
from tests.workflow.update_fixtures import (
    partner_rows,
    read,
    reference_rows,
    reviewed_project,
    write_edition,
)


@pytest.fixture
def reviewed(tmp_path: Path):
    project = reviewed_project(tmp_path / "review.ccproj")
    yield project
    project.close()


def _partner_edition(tmp_path: Path) -> Path:
    """P-1 reworded, P-2 renumbered to P-20, P-3 removed, P-4 split in two, P-7 added."""
    rows = partner_rows()
    rows["P-1"] = (
        "Organisation",
        "A named security officer coordinates and reviews protective measures.",
    )
    rows["P-20"] = rows.pop("P-2")
    del rows["P-3"]
    del rows["P-4"]
    rows["P-4a"] = ("Cargo", "Containers are sealed with high-security seals.")
    rows["P-4b"] = ("Cargo", "Seal numbers are logged for every container.")
    rows["P-7"] = ("Crisis", "The operator keeps a plan for recovering from incidents.")
    return write_edition(tmp_path / "meridia-v4.csv", rows)


SPLIT = StandIn({"P-4": [("P-4a", "split"), ("P-4b", "split")]})


def test_preview_writes_nothing_and_lists_every_change(reviewed: Project, tmp_path: Path) -> None:
    """The preview names each kind, the carried counts and the dropped decisions; the file is untouched."""
    before = reviewed.path.read_bytes()
    preview = plan_update(reviewed, "partner", read(_partner_edition(tmp_path)), matcher=SPLIT)
    data = preview.to_dict()
    changes = {(m["old"], m["new"], m["change"]) for m in data["matched"]}
    assert ("P-1", "P-1", "reworded") in changes
    assert ("P-2", "P-20", "renumbered") in changes
    assert {("P-4", "P-4a", "split"), ("P-4", "P-4b", "split")} <= changes
    assert data["removed"] == ["P-3"]
    assert data["added"] == ["P-7"]
    assert data["edition"]["number"] == 2
    assert data["carried"] == {"links": 4, "assessments": 4, "rejections": 1}
    assert ("3.1", "P-3", "link") in {
        (d["reference_ref"], d["partner_ref"], d["what"]) for d in data["dropped"]
    }
    assert data["suspect"] == 2  # 1.1 (P-1 reworded), 6.1 (P-4 split); 3.1 is unreviewed again
    assert reviewed.path.read_bytes() == before
    assert len(reviewed.editions("partner")) == 1
    words = preview.decision_words()
    assert words["P-3"] == "linked from 3.1 (equal)"
    assert "P-5" not in words
    assert preview.summary.startswith(
        "partner edition 2 (meridia-v4) from meridia-v4.csv, 7 criteria:"
    )


def test_partner_update_carries_links_and_marks_suspect(reviewed: Project, tmp_path: Path) -> None:
    """Applied: links follow renumbered and split criteria, the verdict of a criterion whose only
    link went is reset, suspect decisions are flagged, the edition and its changes are on record."""
    preview = plan_update(
        reviewed, "partner", read(_partner_edition(tmp_path)), matcher=SPLIT, label="v4"
    )
    result = apply_update(reviewed, preview, reviewer="bob")
    assert result.backup.exists()
    assert result.suspect == 2
    assert [(lk.partner_ref, lk.relation.value) for lk in reviewed.links("2.1")] == [
        ("P-20", "subset_of")
    ]
    assert reviewed.assessment("2.1").status is Status.PARTIAL
    assert reviewed.assessment("2.1").suspect is False  # renumbered, same text
    assert reviewed.assessment("1.1").suspect is True  # P-1 reworded
    assert {lk.partner_ref for lk in reviewed.links("6.1")} == {"P-4a", "P-4b"}
    assert reviewed.assessment("6.1").suspect is True
    assert reviewed.assessment("3.1").status is Status.UNREVIEWED  # its only link (P-3) was removed
    assert reviewed.rejected("3.1") == {("3.1", "P-1")}
    assert reviewed.assessment("7.10").status is Status.GAP
    assert "P-3" not in {c.ref for c in reviewed.partner.criteria}
    assert reviewed.suggestions("1.1")  # suggestions recomputed over the new edition
    editions = reviewed.editions("partner")
    assert [(e.number, e.label, e.imported_by, e.criteria) for e in editions][-1] == (
        2,
        "v4",
        "bob",
        7,
    )
    assert reviewed.partner.version == "v4"
    kinds = {(c.change, c.old_ref, c.new_ref) for c in reviewed.edition_changes("partner", 2)}
    assert ("removed", "P-3", None) in kinds
    assert ("added", None, "P-7") in kinds
    removed = next(c for c in reviewed.edition_changes("partner") if c.change == "removed")
    assert removed.decision == "linked from 3.1 (equal)"
    assert removed.old_text.startswith("Trading partners")
    actions = [e.action for e in reviewed.history("3.1")]
    assert "drop" in actions
    assert reviewed.summary()["partner"]["editions"][-1]["label"] == "v4"


def test_confirming_a_carried_decision_clears_suspect(reviewed: Project, tmp_path: Path) -> None:
    """'The carried decision still holds' clears suspect for that criterion only, in the history."""
    preview = plan_update(reviewed, "partner", read(_partner_edition(tmp_path)), matcher=SPLIT)
    apply_update(reviewed, preview)
    assert confirm_carried(reviewed, "1.1", reviewer="carol") is True
    assert reviewed.assessment("1.1").suspect is False
    assert reviewed.assessment("6.1").suspect is True
    entry = reviewed.history("1.1", limit=1)[0]
    assert (entry.action, entry.reviewer) == ("confirm_unchanged", "carol")
    assert confirm_carried(reviewed, "1.1") is False


def test_reference_update_renumbered_reworded_merged(reviewed: Project, tmp_path: Path) -> None:
    """Reference side: 1.1 renumbered (not suspect), 2.1 reworded (suspect), 3.1+6.1 merged into
    3.6 (links united, verdict kept as both were aligned), 7.10 removed (its gap listed), 8.1 added."""
    rows = reference_rows()
    rows["1.2"] = rows.pop("1.1")
    rows["2.1"] = ("Risk Assessment", "The company reviews supply-chain threats twice a year.")
    del rows["3.1"], rows["6.1"], rows["7.10"]
    rows["3.6"] = ("Partners and seals", "Partners are screened and containers sealed.")
    rows["8.1"] = ("Agriculture", "Loads are checked for pests before departure.")
    matcher = StandIn({"3.1": [("3.6", "merged")], "6.1": [("3.6", "merged")]})
    preview = plan_update(
        reviewed, Side.REFERENCE, read(write_edition(tmp_path / "msc.csv", rows)), matcher=matcher
    )
    assert [d.what for d in preview.carried.dropped if d.reference_ref == "7.10"] == ["verdict"]
    apply_update(reviewed, preview)
    assert reviewed.assessment("1.2").status is Status.ALIGNED
    assert reviewed.assessment("1.2").discussion is True
    assert reviewed.assessment("1.2").suspect is False
    assert reviewed.assessment("2.1").suspect is True
    merged = reviewed.assessment("3.6")
    assert (merged.status, merged.suspect) == (Status.ALIGNED, True)
    assert {lk.partner_ref for lk in reviewed.links("3.6")} == {"P-3", "P-4"}
    assert reviewed.pinned("3.6") == {("3.6", "P-5")}
    assert reviewed.assessment("8.1").status is Status.UNREVIEWED
    assert "7.10" not in reviewed.assessments()
    assert next(e.action for e in reviewed.history("7.10")) == "drop"
    assert reviewed.summary()["reference"]["total"] == 4


def test_ambiguous_match_refuses_until_settled(reviewed: Project, tmp_path: Path) -> None:
    """An unclear old criterion blocks applying with one sentence naming it and --match; settling
    it (or settling it as removed) lets the update through."""
    rows = partner_rows()
    rows["P-4a"] = ("Cargo", "Containers are sealed.")
    rows["P-4b"] = ("Cargo", "Seal numbers are logged.")
    del rows["P-4"]
    path = write_edition(tmp_path / "new.csv", rows)
    matcher = StandIn(unclear={"P-4": ["P-4a", "P-4b"]})
    preview = plan_update(reviewed, "partner", read(path), matcher=matcher)
    assert preview.to_dict()["ambiguous"] == [{"old": "P-4", "candidates": ["P-4a", "P-4b"]}]
    with pytest.raises(
        InvalidValue,
        match=r"Old criterion P-4 could be any of P-4a, P-4b.*--match P-4=NEW.*--match P-4=",
    ):
        apply_update(reviewed, preview)
    assert len(reviewed.editions("partner")) == 1
    settled = plan_update(reviewed, "partner", read(path), matcher=matcher, settled={"P-4": "P-4b"})
    assert matcher.calls[-1]["settled"] == {"P-4": "P-4b"}
    apply_update(reviewed, settled)
    assert [lk.partner_ref for lk in reviewed.links("6.1")] == ["P-4b"]


def test_update_twice_keeps_both_editions_and_decisions(reviewed: Project, tmp_path: Path) -> None:
    """Two partner updates in a row: three editions on record, decisions carried through both."""
    rows = partner_rows()
    rows["P-20"] = rows.pop("P-2")
    apply_update(
        reviewed,
        plan_update(
            reviewed, "partner", read(write_edition(tmp_path / "e2.csv", rows)), matcher=StandIn()
        ),
    )
    rows["P-200"] = rows.pop("P-20")
    apply_update(
        reviewed,
        plan_update(
            reviewed, "partner", read(write_edition(tmp_path / "e3.csv", rows)), matcher=StandIn()
        ),
    )
    assert [e.number for e in reviewed.editions("partner")] == [1, 2, 3]
    assert [lk.partner_ref for lk in reviewed.links("2.1")] == ["P-200"]
    assert reviewed.assessment("2.1").status is Status.PARTIAL
    assert [(c.old_ref, c.new_ref) for c in reviewed.edition_changes("partner", 3)] == [
        ("P-20", "P-200")
    ]
    assert Project.open(reviewed.path, read_only=True).integrity_errors() == []


def test_excluded_criterion_stays_excluded_under_its_new_ref(
    reviewed: Project, tmp_path: Path
) -> None:
    """A footer row excluded before the update is still excluded afterwards (renumbered or not)."""
    reviewed.exclude("partner", "P-6", reason="footer row")
    rows = partner_rows()
    rows["P-60"] = rows.pop("P-6")
    preview = plan_update(
        reviewed, "partner", read(write_edition(tmp_path / "new.csv", rows)), matcher=StandIn()
    )
    apply_update(reviewed, preview)
    assert [(e.criterion.ref, e.reason) for e in reviewed.excluded()] == [("P-60", "footer row")]
    assert "P-60" not in {c.ref for c in reviewed.partner.criteria}


def test_other_programs_file_is_refused(reviewed: Project, tmp_path: Path) -> None:
    """The reference file given as the new partner edition, or a file matching almost nothing,
    is refused with one sentence; --force (force=True) lets it through."""
    path = write_edition(tmp_path / "msc.csv", reference_rows())
    with pytest.raises(
        InvalidValue, match=r"matches only 0 of the 6 criteria of the current partner edition"
    ):
        plan_update(reviewed, "partner", read(path), matcher=StandIn())
    preview = plan_update(reviewed, "partner", read(path), matcher=StandIn(), force=True)
    assert len(preview.match.removed) == 6


def test_same_file_as_other_side_is_named(reviewed: Project, tmp_path: Path) -> None:
    """A file whose SHA-256 is the other side's current file is named as such."""
    path = write_edition(tmp_path / "p.csv", partner_rows())
    result = read(path)
    project_partner = reviewed.partner
    import dataclasses

    fake = dataclasses.replace(result, sha256=project_partner.sha256)
    with pytest.raises(InvalidValue, match="is the file of the partner program of this project"):
        plan_update(reviewed, "reference", fake, matcher=StandIn())


def test_project_changed_since_preview_is_refused(reviewed: Project, tmp_path: Path) -> None:
    """A decision recorded between preview and apply makes apply refuse; nothing is written."""
    rows = partner_rows()
    rows["P-20"] = rows.pop("P-2")
    preview = plan_update(
        reviewed, "partner", read(write_edition(tmp_path / "n.csv", rows)), matcher=StandIn()
    )
    reviewed.decide("7.10", note="Changed meanwhile.")
    with pytest.raises(InvalidValue, match="changed since the update was previewed"):
        apply_update(reviewed, preview)
    assert len(reviewed.editions("partner")) == 1


class _CountingEncoder:
    """A stand-in sentence encoder: one-hot vectors by text, counting what it encodes."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        out = np.zeros((len(texts), embedding.ENCODER_DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i, sum(map(ord, text)) % embedding.ENCODER_DIM] = 1.0
        return out


def test_texts_the_preview_encoded_are_not_encoded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the command line runs it (preview on a read-only project, then the update): each new
    text goes through the sentence encoder once, and the project stores its vector."""
    from criteria_compare.align import editions
    from criteria_compare.workflow.realign import realign

    encoder = _CountingEncoder()
    monkeypatch.setattr(embedding, "load_encoder", lambda: encoder)
    monkeypatch.setattr(editions, "load_encoder", lambda: encoder)
    path = tmp_path / "encoded.ccproj"
    with Project.create(path, make_reference(), make_partner(), reviewer="alice") as project:
        realign(project)
    rows = partner_rows()
    rows["P-1"] = ("Organisation", "A named officer coordinates and reviews protective measures.")
    rows["P-7"] = ("Crisis", "The operator keeps a plan for recovering from incidents.")
    new = read(write_edition(tmp_path / "meridia-v4.csv", rows))
    encoder.encoded.clear()
    with Project.open(path, read_only=True) as reading:
        preview = plan_update(reading, "partner", new)
    assert len(preview.embeddings) == 2
    with Project.open(path) as project:
        apply_update(project, preview)
        fresh = [encoder_input(c) for c in new.criteria if c.ref in ("P-1", "P-7")]
        assert set(project.embedding_cache().get([cache_key(t) for t in fresh])) == {
            cache_key(t) for t in fresh
        }
    assert sorted(encoder.encoded) == sorted(encoder_text(t) for t in fresh)
