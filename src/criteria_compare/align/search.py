"""Search as you type over criteria: every term in any order, ref and word-prefix matches first.

Criteria containing every query term (as a word prefix or anywhere) come
first, ordered ref match > word-prefix match > substring match, then by
rapidfuzz similarity and program order. If nothing contains every term, a
rapidfuzz fallback still finds near misses (typos).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from criteria_compare.align.normalize import fold_accents, normalize_text
from criteria_compare.model import Criterion

__all__ = ["MAX_QUERY", "search"]

#: Longest query looked at (characters); longer input is cut.
MAX_QUERY = 200
_FUZZY_CUTOFF = 70.0


@lru_cache(maxsize=50_000)
def _haystack(c: Criterion) -> str:
    return fold_accents(normalize_text(f"{c.section} {c.text} {c.guidance}"))


def search(
    query: str, criteria: Sequence[Criterion], limit: int = 20
) -> list[tuple[Criterion, float]]:
    """Criteria matching ``query`` with a relevance in [0, 1], best first (at most ``limit``)."""
    query = query[:MAX_QUERY]
    raw = query.strip().casefold()
    terms = [fold_accents(t) for t in normalize_text(query).split()]
    if not raw or limit <= 0:
        return []
    ranked: list[tuple[tuple[float, ...], int, Criterion, float]] = []
    fuzzy: list[tuple[tuple[float, ...], int, Criterion, float]] = []
    for index, c in enumerate(criteria):
        ref = c.ref.casefold()
        hay = _haystack(c)
        words = hay.split()
        similarity = fuzz.token_set_ratio(" ".join(terms), hay) / 100.0 if terms else 0.0
        if ref == raw or ref.startswith(raw):
            tier = 3.0 if ref == raw else 2.5
            ranked.append(((-tier, -similarity), index, c, 1.0 if ref == raw else 0.95))
            continue
        if terms and all(t in hay for t in terms):
            prefix = all(any(w.startswith(t) for w in words) for t in terms)
            tier = 2.0 if prefix else 1.0
            score = 0.5 + 0.4 * similarity if prefix else 0.3 + 0.4 * similarity
            ranked.append(((-tier, -similarity), index, c, round(score, 4)))
            continue
        if terms:
            partial = fuzz.partial_ratio(" ".join(terms), hay)
            if partial >= _FUZZY_CUTOFF:
                fuzzy.append(((-partial,), index, c, round(partial / 100.0 * 0.3, 4)))
    pool = ranked if ranked else fuzzy
    pool.sort(key=lambda item: (item[0], item[1]))
    return [(c, score) for _, _, c, score in pool[:limit]]
