"""Every pair's score of two sparse matrices: BLAS over the frequent columns, postings over the rest.

The dot product of every query row with every document row splits by column.
A column held by many rows on both sides costs ``df_q * df_d`` products
through postings but only ``n_q * n_d`` fused multiply-adds in a dense matrix
product, which BLAS runs a few hundred times faster per product; a rare column
is cheaper through postings. Each column goes the cheaper way, so the whole
matrix costs a fraction of either method alone.
"""

from __future__ import annotations

import numpy as np

from criteria_compare.align.sparse import SparseRows, dense_block

__all__ = ["all_pairs", "dense_columns"]

#: How many postings products cost as much as one dense multiply-add per pair
#: (numpy gathers and bincount vs single-thread float32 GEMM, measured ~10 ns vs ~0.02 ns).
_SPARSE_OVER_DENSE = 1000.0
#: Query rows whose rare-column products are summed at a time.
_SPARSE_ROWS = 128
#: Largest dense copy (floats, both sides together) of the frequent columns.
_DENSE_LIMIT = 24_000_000


def dense_columns(df_q: np.ndarray, df_d: np.ndarray, n_q: int, n_d: int) -> np.ndarray:
    """Columns cheaper as a dense product than through postings (the costliest first if capped)."""
    cost = df_q.astype(np.int64) * df_d.astype(np.int64)
    chosen = np.flatnonzero(cost * _SPARSE_OVER_DENSE > n_q * n_d)
    cap = _DENSE_LIMIT // max(n_q + n_d, 1)
    if len(chosen) > cap:
        chosen = np.sort(chosen[np.argsort(-cost[chosen], kind="stable")[:cap]])
    return chosen


def _dense(m: SparseRows, columns: np.ndarray) -> np.ndarray:
    """Rows of ``m`` as a dense float32 array over ``columns`` only."""
    where = np.full(m.n_cols, -1, dtype=np.int64)
    where[columns] = np.arange(len(columns))
    local = where[m.indices]
    keep = local >= 0
    out = np.zeros((m.n_rows, len(columns)), dtype=np.float32)
    out[m.row_ids()[keep], local[keep]] = m.data[keep]
    return out


def all_pairs(
    q: SparseRows,
    d: SparseRows,
    d_postings: SparseRows,
    df_q: np.ndarray,
    df_d: np.ndarray,
) -> np.ndarray:
    """Dot products (n_q, n_d) of every row of ``q`` with every row of ``d``, as float32.

    ``d_postings`` is ``d`` transposed; ``df_q``/``df_d`` count the rows holding each column.
    """
    n_q, n_d = q.n_rows, d.n_rows
    dense = dense_columns(df_q, df_d, n_q, n_d)
    if len(dense):
        out = _dense(q, dense) @ _dense(d, dense).T
    else:
        out = np.zeros((n_q, n_d), dtype=np.float32)
    rest = (df_q > 0) & (df_d > 0)
    rest[dense] = False
    if rest.any():
        # A few rows at a time, so the scattered sums land in a cache-sized block.
        for r0 in range(0, n_q, _SPARSE_ROWS):
            r1 = min(r0 + _SPARSE_ROWS, n_q)
            out[r0:r1] += dense_block(q, r0, r1, d_postings, n_d, rest)
    return out
