"""The linked criteria of a re-fit: channel values over bounded candidates, and ranks.

For each reference criterion with a confirmed link, every channel's scores
against the whole partner side come from the aligner's own code
(:func:`criteria_compare.align.rank.row_channels`) and are min-max normalised
over the whole row (rejected pairs left out); a bounded candidate set is kept
for ranking. :meth:`LinkedRows.reciprocal_ranks` then ranks the confirmed
targets under many weight vectors at once (vectorised), with the section
affinity learned from a chosen set of training rows (each training row
leaving out its own links).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from criteria_compare.align.affinity import index_sections, smoothed
from criteria_compare.align.features import SideFeatures
from criteria_compare.align.fusion import fuse, select_top
from criteria_compare.align.rank import row_channels
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.progress import CancelCheck, check_cancel

__all__ = ["LinkedRows", "linked_rows"]

# Cells of (weight vectors x candidates) compared at once (bounds memory).
_CHUNK_CELLS = 4_000_000


@dataclass(frozen=True)
class LinkedRows:
    """The linked criteria's candidates, normalised channel values and affinity inputs."""

    values: np.ndarray
    """(rows, channels + 1, width) min-max normalised values; the last channel (affinity) 0."""
    valid: np.ndarray
    """(rows, width) candidate cells in use (padding False)."""
    pair_rows: np.ndarray
    pair_cols: np.ndarray
    """Each (linked criterion, confirmed target) pair: its row and its candidate column."""
    starts: np.ndarray
    """Index of each row's first pair in pair_rows (pairs sorted by row)."""
    row_section: np.ndarray
    """(rows,) reference section index of each linked criterion; n_sections for none."""
    own: np.ndarray
    """(rows, partner sections) each criterion's own links by partner section."""
    present: np.ndarray
    """(rows, partner sections + 1) which partner sections occur among the row's valid cells."""
    cand_section: np.ndarray
    """(rows, width) partner section index of each candidate."""
    n_sections: int

    def affinity(self, train: np.ndarray) -> np.ndarray:
        """(rows, width) normalised affinity learned from the ``train`` rows' links.

        Training rows leave out their own links; held-out rows see the training table.
        """
        n_ps = self.own.shape[1]
        has = self.row_section < self.n_sections
        onehot = np.zeros((len(self.row_section), self.n_sections), dtype=np.float64)
        onehot[np.flatnonzero(has), self.row_section[has]] = 1.0
        counts = (onehot * train[:, None]).T @ self.own  # (sections, partner sections)
        mine = self.own * (train & has)[:, None]
        row_counts = np.zeros((len(self.row_section), n_ps))
        row_counts[has] = counts[self.row_section[has]]
        row_counts -= mine
        table = smoothed(row_counts, counts.sum(axis=0) - mine, counts.sum() - mine.sum(axis=1))
        table[~has] = 0.0
        table = np.concatenate([table, np.zeros((len(table), 1))], axis=1)
        lo = np.where(self.present, table, np.inf).min(axis=1, keepdims=True)
        hi = np.where(self.present, table, -np.inf).max(axis=1, keepdims=True)
        spread = hi - lo
        ok = np.isfinite(spread) & (spread > 1e-12)
        raw = np.take_along_axis(table, self.cand_section, axis=1)
        return np.where(ok, (raw - np.where(ok, lo, 0.0)) / np.where(ok, spread, 1.0), 0.0)

    def reciprocal_ranks(self, vectors: np.ndarray, train: np.ndarray) -> np.ndarray:
        """(weight vectors, rows) reciprocal rank of each row's best-placed confirmed target."""
        values = self.values.copy()
        values[:, -1, :] = self.affinity(train)
        n_rows, n_channels, width = values.shape
        flat = values.transpose(0, 2, 1).reshape(n_rows * width, n_channels)
        norm = vectors / vectors.sum(axis=1, keepdims=True)
        n_pairs = len(self.pair_rows)
        earlier = np.arange(width)[None, :] < self.pair_cols[:, None]  # program order breaks ties
        out = np.empty((len(vectors), n_rows))
        chunk = max(1, _CHUNK_CELLS // max(n_pairs * width, 1))
        for g0 in range(0, len(vectors), chunk):
            w = norm[g0 : g0 + chunk]
            # Rounded like the aligner's fused scores, so ties fall the same way.
            fused = np.round((flat @ w.T).T.reshape(len(w), n_rows, width), 9)
            fused = np.where(self.valid, fused, -np.inf)
            rows = fused[:, self.pair_rows, :]  # (g, pairs, width)
            target = fused[:, self.pair_rows, self.pair_cols][:, :, None]
            rank = 1 + (rows > target).sum(axis=2) + ((rows == target) & earlier).sum(axis=2)
            out[g0 : g0 + chunk] = 1.0 / np.minimum.reduceat(rank, self.starts, axis=1)
        return out


def linked_rows(
    q: SideFeatures,
    d: SideFeatures,
    settings: AlignerSettings,
    rows: Sequence[int],
    pairs: Sequence[tuple[int, int]],
    bad: set[tuple[int, int]],
    names: Sequence[str],
    cross: bool,
    candidates: int,
    cancel: CancelCheck | None = None,
    embedding_scale: float = 1.0,
) -> LinkedRows:
    """The linked ``rows`` (reference row indices, program order) with their confirmed
    ``pairs`` (reference row, partner row), scored in channels ``names``.

    Candidates per row: the ``candidates`` best by the current weights (without
    affinity) plus the confirmed targets; ``bad`` (rejected) pairs never. Values are
    min-max normalised over the whole row, as in the aligner.
    """
    n_d = len(d)
    position = {r: i for i, r in enumerate(rows)}
    raw = row_channels(q, d, settings, rows, names, lambda _done: check_cancel(cancel))
    valid = np.ones((len(rows), n_d), dtype=bool)
    for r, p in bad:
        if r in position:
            valid[position[r], p] = False
    current = settings.weights_for(cross_language=cross, embedding_scale=embedding_scale)
    weights = {n: current[n] for n in names}
    if not any(w > 0 for w in weights.values()):
        weights = dict.fromkeys(names, 1.0)
    fused = fuse(raw, weights, valid)
    picks = select_top(fused.raw, min(candidates, n_d))
    targets: dict[int, list[int]] = {}
    for r, p in pairs:
        targets.setdefault(position[r], []).append(p)
    kept = [
        sorted({int(c) for c in picks[i] if c >= 0} | set(targets[i])) for i in range(len(rows))
    ]
    width = max(len(k) for k in kept)
    cand = np.zeros((len(rows), width), dtype=np.int64)
    cell_ok = np.zeros((len(rows), width), dtype=bool)
    for i, k in enumerate(kept):
        cand[i, : len(k)] = k
        cell_ok[i, : len(k)] = True
    row_idx = np.broadcast_to(np.arange(len(rows))[:, None], cand.shape)
    norm = fused.normalized(row_idx.reshape(-1), cand.reshape(-1))
    values = np.zeros((len(rows), len(names) + 1, width))
    for c, name in enumerate(names):
        # The encoder's values carry its overlap factor, so weights are in settings units.
        factor = embedding_scale if name == "embedding" else 1.0
        values[:, c, :] = factor * norm[name].reshape(len(rows), width)
    pair_rows, pair_cols = [], []
    for i, k in enumerate(kept):
        for p in sorted(targets[i]):
            pair_rows.append(i)
            pair_cols.append(k.index(p))
    pair_rows_arr = np.asarray(pair_rows, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, pair_rows_arr[1:] != pair_rows_arr[:-1]])
    ref_sections = index_sections(q.criteria)
    par_sections = index_sections(d.criteria)
    n_ps = len(par_sections.keys)
    own = np.zeros((len(rows), n_ps))
    for r, p in pairs:
        ps = int(par_sections.of_row[p])
        if ps < n_ps:
            own[position[r], ps] += 1.0
    onehot = np.zeros((n_d, n_ps + 1))
    onehot[np.arange(n_d), par_sections.of_row] = 1.0
    present = (valid.astype(np.float64) @ onehot) > 0
    return LinkedRows(
        values=values,
        valid=cell_ok,
        pair_rows=pair_rows_arr,
        pair_cols=np.asarray(pair_cols, dtype=np.int64),
        starts=starts,
        row_section=ref_sections.of_row[np.asarray(rows, dtype=np.int64)],
        own=own,
        present=present,
        cand_section=par_sections.of_row[cand],
        n_sections=len(ref_sections.keys),
    )
