"""Whatever sequence of decisions and undos a reviewer makes, the stored verdicts always obey the rules."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.model import Criterion, Program, Relation, Status
from criteria_compare.project import Decision, Project

REFS = ["1", "2", "3"]
PARTNERS = ["A", "B", "C"]

decisions = st.builds(
    Decision,
    ref=st.sampled_from(REFS),
    status=st.none() | st.sampled_from(list(Status)),
    note=st.none() | st.sampled_from(["", "  ", "why"]),
    discussion=st.none() | st.booleans(),
    link=st.lists(
        st.tuples(st.sampled_from(PARTNERS), st.sampled_from(list(Relation))), max_size=2
    ),
    unlink=st.lists(st.sampled_from(PARTNERS), max_size=1),
    reject=st.lists(st.sampled_from(PARTNERS), max_size=1),
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("decide"), decisions),
        st.tuples(st.just("bulk"), st.lists(decisions, min_size=1, max_size=3)),
        st.tuples(st.just("undo"), st.integers(0, 10)),
    ),
    max_size=25,
)


def _check_rules(project: Project) -> None:
    for ref, a in project.assessments().items():
        n = len(project.links(ref))
        if a.status in (Status.ALIGNED, Status.PARTIAL):
            assert n >= 1, (ref, a)
        if a.status is Status.GAP:
            assert n == 0, (ref, a)
        if a.status in (Status.PARTIAL, Status.CONFLICT, Status.NOT_APPLICABLE):
            assert a.note.strip(), (ref, a)
        linked = {lk.partner_ref for lk in project.links(ref)}
        rejected = {p for _, p in project.rejected(ref)}
        assert not linked & rejected, ref


@settings(max_examples=40, deadline=None)
@given(steps=steps)
def test_rules_hold_after_any_sequence(steps) -> None:
    """Refused decisions change nothing, accepted ones keep the rules, undo restores exact states."""
    with tempfile.TemporaryDirectory() as tmp:
        ref = Program("R", tuple(Criterion(r, f"reference {r}") for r in REFS))
        par = Program("P", tuple(Criterion(p, f"partner {p}") for p in PARTNERS))
        with Project.create(Path(tmp) / "inv.ccproj", ref, par) as project:
            undo: list = []
            for kind, arg in steps:
                if kind == "undo":
                    if undo:
                        state = undo.pop(min(arg, len(undo) - 1))
                        project.restore(state, action="undo")
                        assert project.snapshot(state.ref) == state
                    continue
                batch = [arg] if kind == "decide" else arg
                before = {r: project.snapshot(r) for r in REFS}
                try:
                    project.apply(batch, bulk=kind == "bulk")
                except CriteriaCompareError:
                    assert {r: project.snapshot(r) for r in REFS} == before
                else:
                    undo.extend(before[d.ref] for d in batch)
                _check_rules(project)
