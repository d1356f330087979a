"""What a re-fit found, in words for customs specialists (both front ends), and when to offer one unasked.

The aligner speaks of held-out ranking metrics and channel weights; a reviewer
wants to know whether the suggestions would have put the partner criteria they
confirmed in first place more often. :func:`refit_words` turns an
``align.refit.RefitResult`` into those sentences and table rows; the CLI's
``refit`` and the GUI's dialog and notice use them. :class:`RefitSchedule`
says when the review screen should re-fit in the background: after every
``REFIT_EVERY`` newly confirmed links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from criteria_compare.align.refit import RefitResult

__all__ = [
    "EVIDENCE_NAMES",
    "REFIT_EVERY",
    "RefitSchedule",
    "RefitWords",
    "refit_words",
]

REFIT_EVERY = 20  # newly confirmed links between two background re-fits

#: What each kind of evidence is called when its weight is shown.
EVIDENCE_NAMES = {
    "tfidf": "Same distinctive words",
    "bm25": "Same word stems",
    "char": "Similar spelling",
    "embedding": "Same meaning (sentence reading)",
    "embedding_cross_language": "Same meaning across languages",
    "affinity": "Related sections",
    "token_set": "Same set of words",
}


def _criteria(n: int) -> str:
    return f"{n} criterion" if n == 1 else f"{n} criteria"


@dataclass(frozen=True)
class RefitWords:
    """A re-fit in plain words: a headline, the first-place counts and each evidence's weight."""

    headline: str
    measured: int  # criteria with a confirmed link the check was made on (0: not measured)
    first_now: int  # of them, how many the current suggestions put in first place
    first_after: int  # … and the re-fitted ones (each judged without its own link)
    weights: tuple[tuple[str, str, str], ...]  # (evidence, now, re-fitted)
    adopted: bool

    @property
    def gain(self) -> int:
        """How many more confirmed links the re-fit would have put first."""
        return self.first_after - self.first_now

    def first_place(self, count: int) -> str:
        """E.g. "31 of 40" (the count of criteria whose confirmed link came first)."""
        return f"{count} of {self.measured}" if self.measured else "–"

    def lines(self) -> list[str]:
        """The headline and the figures, one line each (the CLI's output)."""
        out = [self.headline]
        if self.measured:
            out.append(
                f"  Confirmed link suggested first: now {self.first_place(self.first_now)}, "
                f"re-fitted {self.first_place(self.first_after)}"
            )
        if self.weights:
            shifts = ", ".join(f"{name} {now} -> {after}" for name, now, after in self.weights)
            out.append(f"  Weight of each kind of evidence: {shifts}")
        return out


def _weight(weights: Mapping[str, float], name: str) -> str:
    value = weights.get(name)
    return "–" if value is None else f"{value:g}"


def refit_words(result: RefitResult) -> RefitWords:
    """Word ``result`` for a customs specialist (no ranking metrics, no channel weights by name)."""
    before, after = result.before, result.after
    measured = before.n if before is not None else 0
    now = round(before.top1 * measured) if before is not None else 0
    then = round(after.top1 * measured) if after is not None else now
    gain = then - now
    of = f"Of the {_criteria(measured)} whose links you confirmed"
    if result.adopted:
        more = f"{gain} more" if gain > 0 else "as many"
        headline = (
            f"{of}, the re-fitted suggestions would have put {more} in first place "
            f"({then} instead of {now}), each judged without its own link. Using them "
            "re-computes the suggestions; every decision is kept."
        )
    elif measured == 0:
        headline = result.message.replace(" -> ", " → ")
    elif now >= measured:
        headline = (
            f"{of}, the current suggestions already put every one in first place, so "
            "re-fitting has nothing to learn yet; it helps once links are found lower in the "
            "list or by search."
        )
    else:
        headline = (
            f"{of}, the re-fitted suggestions would have put {then} in first place, against "
            f"{now} now: not clearly better, so the current suggestions stay."
        )
    names = [n for n in EVIDENCE_NAMES if n in result.weights_before or n in result.weights_after]
    weights = tuple(
        (
            EVIDENCE_NAMES[n],
            _weight(result.weights_before, n),
            _weight(result.weights_after, n),
        )
        for n in names
    )
    return RefitWords(headline, measured, now, then, weights, result.adopted)


class RefitSchedule:
    """When to re-fit unasked: each time ``every`` more links are confirmed than at the last re-fit."""

    def __init__(self, confirmed: int, every: int = REFIT_EVERY) -> None:
        self._since = confirmed
        self._every = every

    def due(self, confirmed: int) -> bool:
        """True (once) when ``confirmed`` links are ``every`` or more above the last mark."""
        if confirmed < self._since:
            self._since = confirmed  # links were removed: count from here
            return False
        if confirmed - self._since >= self._every:
            self._since = confirmed
            return True
        return False
