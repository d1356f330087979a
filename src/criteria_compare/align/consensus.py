"""What the rest of the alignment says: section consensus and section spread among the first picks.

Two re-ranking steps applied after the channels are fused, when every pair is
scored (``align.rank``):

- **Section consensus.** The first candidates of the *other* criteria of a
  query's section say where that section's counterparts live: if most
  criteria under "Seal security" put a partner criterion of "Cargo
  integrity" first, the Cargo integrity candidates of their sibling go up a
  little. Per query row, the affinity is the smoothed share of its siblings'
  first candidates that fall in each document section (the formula of
  ``align.affinity``, leave-one-out: a row's own first pick never votes for
  itself), min-max normalised per row; the pair's score becomes
  ``(fused + weight * affinity) / (1 + weight)``, so it stays in [0, 1].
  Rows whose section has no sibling (or no section) get nothing.
- **Section spread.** Among a row's first candidates, each one is lowered by
  ``penalty`` times the number of better-placed candidates of the same
  document section, so the first five do not fill up with one section's
  near-identical siblings when the right counterpart sits elsewhere.

Measured on the development crosswalks (weight 0.1, penalty 0.02, top-1 /
hit@5 before -> after): CSF 1.1 -> 2.0 0.594/0.849 -> 0.594/0.868;
CTPAT -> Borealis 0.742/0.966 -> 0.787/0.978; SP 800-66r2 -> CSF 2.0
0.527/0.900 -> 0.573/0.927; SP 800-66r2 -> SP 800-53r5 0.342/0.705 ->
0.342/0.738; CJIS 0.999/1.000 -> 1.000/1.000; English -> French 0.467/0.827
-> 0.487/0.853, -> Spanish 0.460/0.847 -> 0.493/0.860.
"""

from __future__ import annotations

import numpy as np

from criteria_compare.align.affinity import ALPHA, SectionIndex, smoothed

__all__ = ["SPREAD_DEPTH", "consensus_table", "spread_counts"]

#: How many of a row's best candidates the section spread looks at.
SPREAD_DEPTH = 20


def consensus_table(
    firsts: np.ndarray, query: SectionIndex, document: SectionIndex, alpha: float = ALPHA
) -> np.ndarray:
    """(query rows, document sections + 1) float64: each row's consensus affinity per
    document section, in [0, 1] after per-row min-max; the last column (no section) and
    rows without a voting sibling are 0.

    ``firsts`` is each query row's first candidate (a document row, -1 for none).
    """
    n_q, n_sec = len(query.of_row), len(document.keys)
    out = np.zeros((n_q, n_sec + 1), dtype=np.float64)
    if n_q == 0 or n_sec == 0:
        return out
    voted = document.of_row[np.maximum(firsts, 0)]
    voting = (firsts >= 0) & (query.of_row != query.none) & (voted != document.none)
    rows = np.flatnonzero(voting)
    own = np.zeros((n_q, n_sec), dtype=np.float64)
    own[rows, voted[rows]] = 1.0
    cells = query.of_row[rows] * n_sec + voted[rows]
    counts = np.bincount(cells, minlength=len(query.keys) * n_sec).astype(np.float64)
    counts = np.vstack([counts.reshape(len(query.keys), n_sec), np.zeros((1, n_sec))])
    # Leave-one-out: the row's siblings' votes, and the prior of everybody else's.
    row_counts = counts[query.of_row] - own
    column_totals = counts.sum(axis=0)[None, :] - own
    table = smoothed(row_counts, column_totals, column_totals.sum(axis=1), alpha)
    lo = table.min(axis=1, keepdims=True)
    spread = table.max(axis=1, keepdims=True) - lo
    out[:, :n_sec] = np.where(
        spread > 1e-12, (table - lo) / np.where(spread > 1e-12, spread, 1.0), 0.0
    )
    return out


def spread_counts(sections: np.ndarray, none: int) -> np.ndarray:
    """(rows, picks) int: for each pick (best first), how many better-placed picks of the
    row share its section (picks without a section, ``none``, or padding -1 count 0)."""
    same = sections[:, :, None] == sections[:, None, :]
    earlier = np.tril(np.ones((sections.shape[1],) * 2, dtype=bool), k=-1)
    counts: np.ndarray = (same & earlier[None]).sum(axis=2)
    counts[(sections == none) | (sections < 0)] = 0
    return counts
