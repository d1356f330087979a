"""Section affinity: how reference sections map to partner sections, learned from confirmed links.

Reviewers' confirmed links say, for example, that criteria under "Seal Security"
keep being linked to criteria under "Cargo". The affinity of a pair is a
smoothed estimate of P(candidate's section | source's section) from link
counts between the two sections::

    (n(s, c) + ALPHA * prior(c)) / (n(s) + ALPHA)

where ``n(s, c)`` counts confirmed links from section ``s`` to section ``c``,
``n(s)`` all links from ``s`` and ``prior(c)`` is the share of all links that
land in ``c``. The value is in [0, 1]; it is 0 when nothing is known: the
source's section has no link yet, either criterion has no section, or the
candidate's section never received one. Section names are compared casefolded
with runs of white space collapsed.

The backward direction (partner criterion -> reference candidates) uses the
same link counts seen from the partner side, P(reference section | partner
section), so both directions learn from the same table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from criteria_compare.model import Criterion

__all__ = [
    "ALPHA",
    "AffinityChannel",
    "SectionIndex",
    "affinity_channels",
    "count_links",
    "index_sections",
    "section_key",
    "smoothed",
]

#: Pseudo-count of the prior: one link's worth of "like every other section".
ALPHA = 1.0


def section_key(section: str) -> str:
    """A section name as compared: casefolded, white space collapsed ("" = no section)."""
    return " ".join(section.casefold().split())


@dataclass(frozen=True)
class SectionIndex:
    """The distinct sections of one side and, per criterion, the index of its section."""

    keys: tuple[str, ...]
    """Distinct non-empty section keys, in first-seen program order."""
    of_row: np.ndarray
    """(n_criteria,) index into ``keys``; ``len(keys)`` for a criterion without a section."""

    @property
    def none(self) -> int:
        """The index that means "no section"."""
        return len(self.keys)


def index_sections(criteria: Sequence[Criterion]) -> SectionIndex:
    """Number the distinct sections of ``criteria``."""
    found: dict[str, int] = {}
    keys = [section_key(c.section) for c in criteria]
    for key in keys:
        if key and key not in found:
            found[key] = len(found)
    none = len(found)
    of_row = np.asarray([found[k] if k else none for k in keys], dtype=np.int64)
    return SectionIndex(tuple(found), of_row)


def count_links(
    pairs: Iterable[tuple[int, int]], reference: SectionIndex, partner: SectionIndex
) -> np.ndarray:
    """(reference sections, partner sections) counts of (reference row, partner row) pairs.

    Pairs where either criterion has no section are not counted.
    """
    counts = np.zeros((len(reference.keys), len(partner.keys)), dtype=np.float64)
    for r, p in pairs:
        rs, ps = int(reference.of_row[r]), int(partner.of_row[p])
        if rs != reference.none and ps != partner.none:
            counts[rs, ps] += 1.0
    return counts


def smoothed(
    row_counts: np.ndarray,
    column_totals: np.ndarray,
    total: float | np.ndarray,
    alpha: float = ALPHA,
) -> np.ndarray:
    """P(column | row) for each row of counts, smoothed toward the column prior.

    ``row_counts`` is (m, n) link counts from m source sections (or source rows,
    each with its own counts) to n candidate sections; ``column_totals`` (n,) or
    (m, n) and ``total`` (scalar or (m,)) give the prior. Rows without any count
    are 0 everywhere (nothing known).
    """
    row_counts = np.asarray(row_counts, dtype=np.float64)
    n_row = row_counts.sum(axis=1, keepdims=True)
    total_arr = np.asarray(total, dtype=np.float64)
    if total_arr.ndim:
        total_arr = total_arr[:, None]
    prior = np.asarray(column_totals, dtype=np.float64) / np.where(total_arr > 0, total_arr, 1.0)
    out = (row_counts + alpha * prior) / (n_row + alpha)
    return np.where(n_row > 0, out, 0.0)


@dataclass(frozen=True)
class AffinityChannel:
    """The affinity of every (query row, document row) pair of one direction, as a table gather."""

    table: np.ndarray
    """(query sections + 1, document sections + 1) float32; the last row and column (no section) 0."""
    query: SectionIndex
    document: SectionIndex

    def block(self, r0: int, r1: int, candidates: np.ndarray | None = None) -> np.ndarray:
        """Affinity of query rows r0..r1 with every document (None) or with their candidates.

        ``candidates`` is (r1 - r0, C) document indices, -1 for padding (scored 0).
        """
        rows = self.query.of_row[r0:r1]
        scores: np.ndarray
        if candidates is None:
            scores = self.table[rows][:, self.document.of_row]
        else:
            docs = self.document.of_row[np.maximum(candidates, 0)]
            scores = np.where(candidates >= 0, self.table[rows[:, None], docs], np.float32(0.0))
        return scores

    def score(self, query_section: str, document_section: str) -> float:
        """The affinity of two section names (0 for sections not in the table)."""
        q, d = section_key(query_section), section_key(document_section)
        if q not in self.query.keys or d not in self.document.keys:
            return 0.0
        return float(self.table[self.query.keys.index(q), self.document.keys.index(d)])


def _table(counts: np.ndarray, alpha: float) -> np.ndarray:
    table = np.zeros((counts.shape[0] + 1, counts.shape[1] + 1), dtype=np.float32)
    table[:-1, :-1] = smoothed(counts, counts.sum(axis=0), float(counts.sum()), alpha)
    return table


def affinity_channels(
    links: Iterable[tuple[str, str]],
    reference: Sequence[Criterion],
    partner: Sequence[Criterion],
    alpha: float = ALPHA,
) -> tuple[AffinityChannel, AffinityChannel] | None:
    """Forward (reference -> partner) and backward affinity from confirmed (reference_ref,
    partner_ref) links, or None when no link joins two criteria that both have a section.

    Links naming refs that are not in ``reference`` / ``partner`` are ignored.
    """
    ref_rows = {c.ref: i for i, c in enumerate(reference)}
    par_rows = {c.ref: i for i, c in enumerate(partner)}
    pairs = {(ref_rows[r], par_rows[p]) for r, p in links if r in ref_rows and p in par_rows}
    ref_index, par_index = index_sections(reference), index_sections(partner)
    counts = count_links(sorted(pairs), ref_index, par_index)
    if not counts.any():
        return None
    return (
        AffinityChannel(_table(counts, alpha), ref_index, par_index),
        AffinityChannel(_table(counts.T, alpha), par_index, ref_index),
    )
