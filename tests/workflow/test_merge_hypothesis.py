"""Nothing is lost: whatever two reviewers do to their copies, each of their decisions is in the merged
file or listed as a conflict, and the merged file obeys the verdict and pair rules."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.model import Relation, Status
from criteria_compare.project import Decision, Project
from criteria_compare.project.elements import read_elements
from criteria_compare.project.rules import violation
from criteria_compare.workflow import review
from criteria_compare.workflow.merge import merge
from tests.workflow.merge_fixtures import PARTNER, REFERENCE

REFS = [c.ref for c in REFERENCE.criteria]
PARTNERS = [c.ref for c in PARTNER.criteria]

decisions = st.builds(
    Decision,
    ref=st.sampled_from(REFS),
    status=st.none() | st.sampled_from(list(Status)),
    note=st.none() | st.sampled_from(["", "why", "because"]),
    discussion=st.none() | st.booleans(),
    link=st.lists(
        st.tuples(st.sampled_from(PARTNERS), st.sampled_from(list(Relation))), max_size=2
    ),
    unlink=st.lists(st.sampled_from(PARTNERS), max_size=1),
    reject=st.lists(st.sampled_from(PARTNERS), max_size=1),
    unreject=st.lists(st.sampled_from(PARTNERS), max_size=1),
)
pins = st.tuples(st.sampled_from(REFS), st.sampled_from(PARTNERS), st.booleans())
edits = st.lists(st.one_of(decisions, pins), max_size=12)


_TEMPLATE: list[Path] = []


def _template() -> Path:
    """One new project, made once and copied for each example."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="merge-template-"))
        Project.create(folder / "t.ccproj", REFERENCE, PARTNER, reviewer="carol").close()
        _TEMPLATE.append(folder / "t.ccproj")
    return _TEMPLATE[0]


def _apply(path: Path, steps: list[object], who: str) -> None:
    with Project.open(path) as project:
        for step in steps:
            try:
                if isinstance(step, Decision):
                    review.decide(project, step, reviewer=who)
                else:
                    ref, pref, on = step  # type: ignore[misc]
                    (project.pin if on else project.unpin)(ref, pref, reviewer=who)
            except CriteriaCompareError:
                continue  # refused by the rules, as in the review screen


def _consistent(project: Project) -> None:
    for ref, a in project.assessments().items():
        links = project.links(ref)
        assert violation(ref, a.status, a.note, len(links)) is None, (ref, a, links)
        rejected = {p for _, p in project.rejected(ref)}
        assert not rejected & {lk.partner_ref for lk in links}, ref
        assert not rejected & {p for _, p in project.pinned(ref)}, ref


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=edits, ours=edits, theirs=edits)
def test_every_decision_of_either_copy_is_in_the_merged_file_or_a_conflict(base, ours, theirs) -> None:  # fmt: skip
    """Randomised copies: each element either copy changed has that copy's value in OUT or is a conflict."""
    with tempfile.TemporaryDirectory() as folder:
        d = Path(folder)
        paths = {name: d / f"{name}.ccproj" for name in ("base", "ours", "theirs")}
        shutil.copyfile(_template(), paths["base"])
        _apply(paths["base"], base, "carol")
        shutil.copyfile(paths["base"], paths["ours"])
        shutil.copyfile(paths["base"], paths["theirs"])
        _apply(paths["ours"], ours, "alice")
        _apply(paths["theirs"], theirs, "bob")
        result = merge(paths["base"], paths["ours"], paths["theirs"], d / "out.ccproj")
        elements = {}
        for name, path in paths.items():
            with Project.open(path, read_only=True) as p:
                elements[name] = read_elements(p)
        with Project.open(d / "out.ccproj", read_only=True) as out:
            merged = read_elements(out)
            stored = {c.key for c in out.merge_conflicts()}
            _consistent(out)
    b, o, t = elements["base"], elements["ours"], elements["theirs"]
    conflicts = {c.key for c in result.conflicts}
    assert stored == conflicts
    for key in set(b.values) | set(o.values) | set(t.values):
        value = merged.get(key)
        if key in conflicts:
            assert value == o.get(key), key  # ours is kept for a conflict
            continue
        if o.get(key) != b.get(key):
            assert value == o.get(key), key
        if t.get(key) != b.get(key):
            assert value == t.get(key), key
        if o.get(key) == b.get(key) == t.get(key):
            assert value == b.get(key), key
    changed = sum(o.get(k) != b.get(k) or t.get(k) != b.get(k) for k in set(b.values) | set(o.values) | set(t.values))  # fmt: skip
    assert result.taken_ours + result.taken_theirs + result.same + len(result.conflicts) == changed
