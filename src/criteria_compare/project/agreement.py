"""Agreement between reviewers: for each pair, on the criteria both assessed, percent agreement and Cohen's kappa.

Each reviewer's verdict on a criterion is the last one they gave it, read
from the history (a ``status`` row, or the state an ``undo``/``redo``/
``restore`` row wrote back); a reviewer whose last word on a criterion was
"unreviewed" has not assessed it. Two reviewers are compared on the
criteria both assessed: the share of identical verdicts, and Cohen's kappa,
which discounts the agreement expected by chance from how often each of
them used each verdict::

    p_o = agreed / n        p_e = sum over verdicts v of (n_a(v) / n) * (n_b(v) / n)
    kappa = (p_o - p_e) / (1 - p_e)

Kappa is undefined (None) when chance alone explains everything (p_e = 1:
both gave one and the same verdict throughout) and when n = 0.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from criteria_compare.model import Status

__all__ = ["VERDICT_ACTIONS", "PairAgreement", "agreement", "agreement_sentence", "last_verdicts"]

#: History actions that set a verdict: ``status`` (new value: the verdict) and the whole-state rows.
VERDICT_ACTIONS = ("status", "restore", "undo", "redo")

_STATE_STATUS = re.compile(r"status=([a-z_]+)")


@dataclass(frozen=True)
class PairAgreement:
    """How far two reviewers agree on the criteria both assessed."""

    reviewers: tuple[str, str]
    criteria: int  # assessed by both
    agreed: int  # with the same verdict
    percent: float | None  # 100 * agreed / criteria, one decimal; None when criteria == 0
    kappa: float | None  # Cohen's kappa, three decimals; None when undefined

    def to_dict(self) -> dict[str, Any]:
        """The ``status --json`` form: ``{"reviewers": [a, b], "criteria", "percent", "kappa"}``."""
        return {
            "reviewers": list(self.reviewers),
            "criteria": self.criteria,
            "agreed": self.agreed,
            "percent": self.percent,
            "kappa": self.kappa,
        }


def _verdict(action: str, new_value: str | None) -> Status | None:
    if new_value is None:
        return None
    text = new_value
    if action != "status":
        found = _STATE_STATUS.match(new_value)
        if found is None:
            return None
        text = found.group(1)
    try:
        return Status(text)
    except ValueError:
        return None


def last_verdicts(
    rows: Iterable[tuple[str, str, str | None, str | None]],
) -> dict[str, dict[str, Status]]:
    """Each reviewer's last verdict per criterion from history rows ``(reviewer, action, ref,
    new_value)`` in the order they were written; "unreviewed" ones left out."""
    last: dict[str, dict[str, Status]] = {}
    for reviewer, action, ref, new_value in rows:
        if ref is None or action not in VERDICT_ACTIONS:
            continue
        verdict = _verdict(action, new_value)
        if verdict is None:
            continue
        last.setdefault(reviewer, {})[ref] = verdict
    return {
        reviewer: {ref: v for ref, v in verdicts.items() if v is not Status.UNREVIEWED}
        for reviewer, verdicts in last.items()
    }


def _pair(a: str, b: str, first: dict[str, Status], second: dict[str, Status]) -> PairAgreement:
    shared = sorted(set(first) & set(second))
    n = len(shared)
    agreed = sum(1 for ref in shared if first[ref] is second[ref])
    if n == 0:
        return PairAgreement((a, b), 0, 0, None, None)
    count_a = Counter(first[ref] for ref in shared)
    count_b = Counter(second[ref] for ref in shared)
    observed = agreed / n
    expected = sum(count_a[v] * count_b[v] for v in count_a) / (n * n)
    kappa = None if expected >= 1.0 else round((observed - expected) / (1.0 - expected), 3)
    return PairAgreement((a, b), n, agreed, round(100.0 * observed, 1), kappa)


def agreement(
    rows: Iterable[tuple[str, str, str | None, str | None]],
    refs: Collection[str] | None = None,
) -> tuple[PairAgreement, ...]:
    """Agreement of every pair of reviewers (names in sorted order) who gave a verdict, from
    history rows ``(reviewer, action, ref, new_value)`` oldest first; only criteria in ``refs``
    when given (those of the current reference program)."""
    verdicts = last_verdicts(rows)
    if refs is not None:
        keep = set(refs)
        verdicts = {r: {ref: v for ref, v in d.items() if ref in keep} for r, d in verdicts.items()}
    reviewers = sorted(r for r, d in verdicts.items() if d)
    return tuple(
        _pair(a, b, verdicts[a], verdicts[b]) for a, b in itertools.combinations(reviewers, 2)
    )


def agreement_sentence(pair: PairAgreement) -> str:
    """One plain sentence for a report or a terminal, e.g. "alice and bruno both assessed 40
    criteria and gave the same verdict on 34 (85.0 %; Cohen's kappa 0.712)."."""
    a, b = pair.reviewers
    if pair.criteria == 0:
        return f"{a} and {b} assessed no criterion in common."
    kappa = (
        f"Cohen's kappa {pair.kappa:.2f}"
        if pair.kappa is not None
        else "Cohen's kappa undefined, as both gave one verdict throughout"
    )
    noun = "criterion" if pair.criteria == 1 else "criteria"
    return (
        f"{a} and {b} both assessed {pair.criteria} {noun} and gave the same verdict on "
        f"{pair.agreed} ({pair.percent:.1f} %; {kappa})."
    )
