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

__all__ = ["all_pairs", "dense_columns", "split_frequent", "without_columns"]

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
    out: np.ndarray
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


#: Frequent columns kept dense for scoring candidate pairs (shortlist path), at most this many.
_PAIR_DENSE_MAX = 512
#: ... and only columns held by more than this share of all rows.
_PAIR_DENSE_SHARE = 0.05


def without_columns(m: SparseRows, drop: np.ndarray) -> SparseRows:
    """``m`` without the columns marked in the boolean mask ``drop``."""
    keep = ~drop[m.indices]
    counts = np.bincount(m.row_ids()[keep], minlength=m.n_rows)
    indptr = np.zeros(m.n_rows + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return SparseRows(indptr, m.indices[keep], m.data[keep], m.n_cols)


def split_frequent(
    matrices: list[SparseRows],
) -> tuple[list[SparseRows], list[np.ndarray]] | None:
    """Split matrices over one column space into rare columns (sparse) and frequent ones (dense).

    A candidate pair's score is then a short dense dot product plus a sparse
    product over far fewer entries. None when no column is frequent enough.
    """
    n_rows = sum(m.n_rows for m in matrices)
    df = np.sum([m.doc_freq() for m in matrices], axis=0)
    frequent = np.flatnonzero(df > _PAIR_DENSE_SHARE * n_rows)
    if not len(frequent):
        return None
    if len(frequent) > _PAIR_DENSE_MAX:
        top = np.argsort(-df[frequent], kind="stable")[:_PAIR_DENSE_MAX]
        frequent = np.sort(frequent[top])
    drop = np.zeros(matrices[0].n_cols, dtype=bool)
    drop[frequent] = True
    return [without_columns(m, drop) for m in matrices], [_dense(m, frequent) for m in matrices]
