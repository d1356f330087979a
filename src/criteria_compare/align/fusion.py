"""Fusion of a block's channel scores and selection of each row's best candidates, vectorised.

Each channel is min-max normalised per row over the row's valid candidates and
the channels are averaged with their weights. Normalising is affine per row,
so the fused score is ``sum(a_c * value_c) - offset`` with per-row factors
``a_c``: rows are ranked on that weighted sum (one pass per channel, no
normalised copies), and exact scores are computed only for the candidates kept.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["FusedBlock", "fuse", "select_top"]

_NO_SPREAD = 1e-12
#: select_top looks only at the cells above a bound when a row is this many times wider than the
#: picks (and the bound keeps at most this many times the picks).
_FEW_GROUPS = 8


@dataclass(frozen=True)
class FusedBlock:
    """A block's ranking keys and what is needed to turn a kept cell into its exact scores."""

    raw: np.ndarray
    """(rows, candidates) float32 ranking key; -inf where the candidate is not valid."""
    lo: Mapping[str, np.ndarray]
    """channel -> per-row minimum over valid candidates (float64)."""
    scale: Mapping[str, np.ndarray]
    """channel -> per-row 1 / spread (0 where a row has no spread)."""
    values: Mapping[str, np.ndarray]
    weights: Mapping[str, float]
    total_weight: float
    row_weight: np.ndarray | None = None
    """Per-row total weight when an optional channel says nothing for some rows (see ``fuse``)."""

    def normalized(self, rows: np.ndarray, cols: np.ndarray) -> dict[str, np.ndarray]:
        """Each channel's min-max normalised score at the given cells (float64)."""
        out = {}
        for name, values in self.values.items():
            v = values[rows, cols].astype(np.float64)
            out[name] = (v - self.lo[name][rows]) * self.scale[name][rows]
        return out

    def fused(self, norm: Mapping[str, np.ndarray], rows: np.ndarray | None = None) -> np.ndarray:
        """The fused score in [0, 1] from :meth:`normalized` values, rounded to 9 decimals.

        ``rows`` (the cells' rows, as given to :meth:`normalized`) is needed when
        ``row_weight`` is set.
        """
        total = np.zeros(len(next(iter(norm.values()))) if norm else 0, dtype=np.float64)
        for name, weight in self.weights.items():
            total += weight * norm[name]
        weight = (
            self.row_weight[rows]
            if self.row_weight is not None and rows is not None
            else self.total_weight
        )
        fused: np.ndarray = np.round(total / weight, 9)
        return fused


def _row_range(values: np.ndarray, valid: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    if valid is None:
        lo = values.min(axis=1).astype(np.float64)
        hi = values.max(axis=1).astype(np.float64)
        return lo, hi
    lo = np.where(valid, values, np.inf).min(axis=1).astype(np.float64)
    hi = np.where(valid, values, -np.inf).max(axis=1).astype(np.float64)
    empty = ~np.isfinite(lo)
    lo[empty] = 0.0
    hi[empty] = 0.0
    return lo, hi


def fuse(
    channels: Mapping[str, np.ndarray],
    weights: Mapping[str, float],
    valid: np.ndarray | None,
    optional: Collection[str] = (),
) -> FusedBlock:
    """Ranking keys of a block of rows: every channel min-max normalised per row, then weighted.

    ``channels`` maps a channel to its (rows, candidates) scores; ``valid``
    marks the cells that may be proposed (None: all of them). An ``optional``
    channel with no spread in a row says nothing about that row (e.g. section
    affinity for a section nobody linked yet): the row's score is then the
    weighted mean of the other channels, so it neither drops nor changes band.
    """
    total_w = sum(weights.values()) or 1.0
    shape = next(iter(channels.values())).shape
    raw = np.zeros(shape, dtype=np.float32)
    lows: dict[str, np.ndarray] = {}
    scales: dict[str, np.ndarray] = {}
    for name, values in channels.items():
        lo, hi = _row_range(values, valid)
        spread = hi - lo
        scales[name] = np.where(spread > _NO_SPREAD, 1.0 / np.where(spread > 0, spread, 1.0), 0.0)
        lows[name] = lo
    row_w: np.ndarray | None = None
    silent = [n for n in optional if n in channels and weights.get(n, 0.0) > 0]
    if silent:
        row_w = np.full(shape[0], total_w, dtype=np.float64)
        for name in silent:
            row_w -= weights[name] * (scales[name] == 0.0)
        row_w = np.where(row_w > 1e-12, row_w, total_w)
    for name, values in channels.items():
        weight = weights.get(name, 0.0)
        factor = (weight / (total_w if row_w is None else row_w) * scales[name]).astype(np.float32)
        if not factor.any():
            continue
        raw += values * np.broadcast_to(factor, (shape[0],))[:, None]
    if valid is not None:
        raw[~valid] = -np.inf
    return FusedBlock(raw, lows, scales, dict(channels), dict(weights), total_w, row_w)


def select_top(raw: np.ndarray, size: int) -> np.ndarray:
    """Per row, the column positions of the ``size`` largest finite keys, best first.

    Equal keys keep column order (candidates are in program order); a row with
    fewer valid cells is padded with -1.
    """
    n_rows, width = raw.shape
    size = min(size, width)
    if size <= 0 or n_rows == 0:
        return np.full((n_rows, max(size, 0)), -1, dtype=np.int64)
    if width >= _FEW_GROUPS * size:
        picks = _select_by_groups(raw, size)
        if picks is not None:
            return picks
    return _select_exact(raw, size)


def _select_by_groups(raw: np.ndarray, size: int) -> np.ndarray | None:
    """:func:`select_top` of a wide block, looking closely only at the cells that can be kept.

    Split into ``size`` groups of columns, a row has at least ``size`` cells at or above
    the least of its groups' maxima; only those are sorted. Rows where that bound keeps too
    many cells (ties) or is not finite go the exact way. None when no row is left this way.
    """
    n_rows, width = raw.shape
    groups = np.arange(size, dtype=np.int64) * (width // size)
    bound = np.maximum.reduceat(raw, groups, axis=1).min(axis=1)
    mask = raw >= bound[:, None]
    counts = np.count_nonzero(mask, axis=1)
    slow = ~np.isfinite(bound) | (counts > _FEW_GROUPS * size)
    if slow.all():
        return None
    if slow.any():
        mask[slow] = False
        counts[slow] = 0
    cells = np.flatnonzero(mask)
    rows, cols = np.divmod(cells, width)
    col_bits = max(int(width - 1).bit_length(), 1)
    row_bits = int(n_rows - 1).bit_length()
    if raw.dtype == np.float32 and row_bits + 32 + col_bits <= 64:
        # One integer key per cell sorts by row, then key descending, then column.
        desc = np.uint64(0xFFFFFFFF) - _sortable(raw.reshape(-1)[cells]).astype(np.uint64)
        key = (rows.astype(np.uint64) << np.uint64(32 + col_bits)) | (
            desc << np.uint64(col_bits) | cols.astype(np.uint64)
        )
        key.sort()
        rows = (key >> np.uint64(32 + col_bits)).astype(np.int64)
        cols = (key & np.uint64((1 << col_bits) - 1)).astype(np.int64)
    else:
        order = np.lexsort((cols, -raw[rows, cols], rows))
        rows, cols = rows[order], cols[order]
    starts = np.zeros(n_rows, dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    place = np.arange(len(rows), dtype=np.int64) - starts[rows]
    keep = place < size
    picks = np.full((n_rows, size), -1, dtype=np.int64)
    picks[rows[keep], place[keep]] = cols[keep]
    if slow.any():
        picks[slow] = _select_exact(raw[slow], size)
    return picks


def _sortable(values: np.ndarray) -> np.ndarray:
    """Finite float32 values as uint32 in the same order (0.0 and -0.0 alike)."""
    bits = (values + np.float32(0.0)).view(np.uint32)
    sign = np.uint32(0x80000000)
    out: np.ndarray = np.where(bits & sign, ~bits, bits | sign)
    return out


def _select_exact(raw: np.ndarray, size: int) -> np.ndarray:
    width = raw.shape[1]
    if size == width:
        picks = np.broadcast_to(np.arange(width, dtype=np.int64), raw.shape).copy()
    else:
        part = np.argpartition(raw, width - size, axis=1)[:, width - size :]
        picks = np.sort(part, axis=1)
        # A key equal to the smallest one kept, left out by the partition, may come earlier
        # in program order: those rows (rare: ties at the cut) are ranked exactly.
        cut = np.take_along_axis(raw, picks, axis=1).min(axis=1)
        ties = (np.count_nonzero(raw >= cut[:, None], axis=1) > size) & np.isfinite(cut)
        for row in np.flatnonzero(ties):
            order = np.argsort(-raw[row], kind="stable")[:size]
            picks[row] = np.sort(order)
    keys = np.take_along_axis(raw, picks, axis=1)
    order = np.argsort(-keys, axis=1, kind="stable")
    picks = np.take_along_axis(picks, order, axis=1)
    keys = np.take_along_axis(keys, order, axis=1)
    picks[~np.isfinite(keys)] = -1
    return picks
