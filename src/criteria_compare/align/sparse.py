"""Sparse row matrices in plain numpy: building, weighting and the two products the channels need.

``dense_block`` scores a block of query rows against every document through
the documents' postings (cost: the postings touched); ``pair_block`` scores
only given candidate pairs (cost: the candidates' non-zeros). Both stay in
bounded memory by working on a block of query rows at a time.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "SparseRows",
    "dense_block",
    "from_term_lists",
    "from_triples",
    "pair_block",
    "stable_order",
    "unique_inverse",
]

# Largest number of expanded (pair, term) products held at once.
_CHUNK = 4_000_000


@dataclass
class SparseRows:
    """A CSR matrix: row ``i`` has columns ``indices[indptr[i]:indptr[i+1]]`` with ``data`` values."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def row_lengths(self) -> np.ndarray:
        return np.diff(self.indptr)

    def row_ids(self) -> np.ndarray:
        """Row number of every stored value."""
        return np.repeat(np.arange(self.n_rows, dtype=np.int64), self.row_lengths())

    def doc_freq(self) -> np.ndarray:
        """How many rows hold each column."""
        return np.bincount(self.indices, minlength=self.n_cols)

    def transpose(self) -> SparseRows:
        """The postings view: one row per column, listing the rows that hold it (in row order)."""
        order = stable_order(self.indices, self.n_cols)
        rows = self.row_ids()[order]
        counts = np.bincount(self.indices, minlength=self.n_cols)
        indptr = np.zeros(self.n_cols + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return SparseRows(indptr, rows.astype(np.int32), self.data[order], self.n_rows)

    def with_data(self, data: np.ndarray) -> SparseRows:
        return SparseRows(self.indptr, self.indices, data.astype(np.float32), self.n_cols)

    def row_sums(self) -> np.ndarray:
        return np.bincount(self.row_ids(), weights=self.data, minlength=self.n_rows)

    def l2_normalized(self) -> SparseRows:
        """Rows scaled to unit length (empty rows stay empty)."""
        sq = np.zeros(self.n_rows, dtype=np.float64)
        np.add.at(sq, self.row_ids(), self.data.astype(np.float64) ** 2)
        norm = np.sqrt(sq)
        norm[norm == 0] = 1.0
        return self.with_data(self.data / np.repeat(norm, self.row_lengths()))


def stable_order(values: np.ndarray, bound: int) -> np.ndarray:
    """``np.argsort(values, kind="stable")`` of non-negative integers below ``bound``, sorted
    16 bits at a time (numpy sorts 16-bit integers by radix, in linear time)."""
    if bound > 1 << 48:
        return np.argsort(values, kind="stable")
    order: np.ndarray | None = None
    shift = 0
    while True:
        digits = values if order is None else values[order]
        if shift:
            digits = digits >> shift
        step = np.argsort((digits & 0xFFFF).astype(np.uint16), kind="stable")
        order = step if order is None else order[step]
        shift += 16
        if bound <= 1 << shift:
            return order


def unique_inverse(keys: np.ndarray, bound: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_inverse=True)`` of non-negative integers below ``bound``
    (their maximum plus one when not given), by a table or a radix sort instead of a
    comparison sort."""
    keys = keys.reshape(-1)
    if not len(keys):
        return keys.copy(), np.zeros(0, dtype=np.int64)
    if bound is None:
        bound = int(keys.max()) + 1
    if bound <= 2 * len(keys) + 4096:
        present = np.zeros(bound, dtype=bool)
        present[keys] = True
        column = np.cumsum(present, dtype=np.int64) - 1
        return np.flatnonzero(present).astype(keys.dtype), column[keys]
    order = stable_order(keys, bound)
    ordered = keys[order]
    new = np.empty(len(ordered), dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(len(ordered), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def from_triples(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n_rows: int, n_cols: int
) -> SparseRows:
    """Sum duplicate (row, col) entries into a CSR matrix with sorted columns per row."""
    if len(rows) == 0:
        return SparseRows(
            np.zeros(n_rows + 1, dtype=np.int64),
            np.zeros(0, dtype=np.int32),
            np.zeros(0, dtype=np.float32),
            n_cols,
        )
    keys = rows.astype(np.int64) * n_cols + cols.astype(np.int64)
    uniq, inverse = unique_inverse(keys, n_rows * n_cols)
    sums = np.bincount(inverse, weights=values, minlength=len(uniq))
    out_rows = uniq // n_cols
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(out_rows, minlength=n_rows), out=indptr[1:])
    return SparseRows(indptr, (uniq % n_cols).astype(np.int32), sums.astype(np.float32), n_cols)


def from_term_lists(
    docs: Sequence[Sequence[tuple[Sequence[str], float]]], vocab: dict[str, int]
) -> SparseRows:
    """Field-weighted term counts: each doc is a list of (terms, field weight); ``vocab`` grows."""
    counts: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    setdefault = vocab.setdefault
    for fields in docs:
        n = 0
        for terms, weight in fields:
            if weight <= 0 or not terms:
                continue
            cols.extend([setdefault(t, len(vocab)) for t in terms])
            vals.extend([weight] * len(terms))
            n += len(terms)
        counts.append(n)
    return from_triples(
        np.repeat(np.arange(len(docs), dtype=np.int64), counts),
        np.asarray(cols, dtype=np.int64),
        np.asarray(vals, dtype=np.float64),
        len(docs),
        max(len(vocab), 1),
    )


def _expand(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of every stored value of ``rows`` (in order) and each row's length."""
    starts = indptr[rows]
    lens = indptr[rows + 1] - starts
    total = int(lens.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), lens
    shift = np.repeat(starts - (np.cumsum(lens) - lens), lens)
    return shift + np.arange(total, dtype=np.int64), lens


def dense_block(
    queries: SparseRows,
    r0: int,
    r1: int,
    postings: SparseRows,
    n_docs: int,
    term_mask: np.ndarray | None = None,
) -> np.ndarray:
    """Scores (r1 - r0, n_docs) of query rows r0..r1 against every document, through its postings.

    ``postings`` is the document matrix transposed; ``term_mask`` (by column)
    limits the terms used, e.g. to skip very common ones when shortlisting.
    """
    nb = r1 - r0
    out: np.ndarray | None = None
    a, b = int(queries.indptr[r0]), int(queries.indptr[r1])
    terms = queries.indices[a:b].astype(np.int64)
    weights = queries.data[a:b]
    local = np.repeat(np.arange(nb, dtype=np.int64), np.diff(queries.indptr[r0 : r1 + 1]))
    if term_mask is not None:
        keep = term_mask[terms]
        terms, weights, local = terms[keep], weights[keep], local[keep]
    lens = postings.indptr[terms + 1] - postings.indptr[terms]
    # Chunk over query terms so the expanded products stay bounded.
    bounds = np.searchsorted(np.cumsum(lens), np.arange(_CHUNK, int(lens.sum()) + _CHUNK, _CHUNK))
    start = 0
    for stop in [*bounds.tolist(), len(terms)]:
        stop = max(stop, start)
        if stop == start:
            continue
        pos, plen = _expand(postings.indptr, terms[start:stop])
        if len(pos):
            docs = postings.indices[pos].astype(np.int64)
            vals = postings.data[pos] * np.repeat(weights[start:stop], plen)
            keys = np.repeat(local[start:stop], plen) * n_docs + docs
            sums = np.bincount(keys, weights=vals, minlength=nb * n_docs)
            # The first chunk's sums are the result (no zeroed copy to add them to).
            if out is None:
                out = sums
            else:
                out += sums
        start = stop
    if out is None:
        out = np.zeros(nb * n_docs, dtype=np.float64)
    return out.reshape(nb, n_docs)


def pair_block(
    queries: SparseRows,
    r0: int,
    r1: int,
    docs: SparseRows,
    candidates: np.ndarray,
    scratch: np.ndarray,
) -> np.ndarray:
    """Dot products of query rows r0..r1 with their candidate documents.

    ``candidates`` is (r1 - r0, C) document indices, -1 for padding (scored 0).
    ``scratch`` is an int array of ``queries.n_cols`` filled with -1 (restored on return).
    """
    nb, width = candidates.shape
    out = np.zeros(nb * width, dtype=np.float64)
    a, b = int(queries.indptr[r0]), int(queries.indptr[r1])
    cols = queries.indices[a:b]
    if len(cols) == 0:
        return out.reshape(nb, width)
    feats = np.unique(cols)
    n_feats = len(feats)
    scratch[feats] = np.arange(n_feats, dtype=scratch.dtype)
    try:
        # The block's query rows as one flat dense array over the block's own features.
        dense = np.zeros(nb * n_feats, dtype=np.float32)
        local_rows = np.repeat(np.arange(nb, dtype=np.int64), np.diff(queries.indptr[r0 : r1 + 1]))
        dense[local_rows * n_feats + scratch[cols]] = queries.data[a:b]
        flat = candidates.reshape(-1)
        pair_ids = np.flatnonzero(flat >= 0)
        # Each distinct candidate once: keep only the features the block's queries have.
        uniq, inverse = np.unique(flat[pair_ids], return_inverse=True)
        pos, lens = _expand(docs.indptr, uniq)
        loc = scratch[docs.indices[pos]]
        keep = loc >= 0
        c_loc = loc[keep]
        c_val = docs.data[pos[keep]]
        c_len = np.bincount(np.repeat(np.arange(len(uniq)), lens)[keep], minlength=len(uniq))
        c_ptr = np.zeros(len(uniq) + 1, dtype=np.int64)
        np.cumsum(c_len, out=c_ptr[1:])
        p_len = c_len[inverse]
        p_ptr = np.zeros(len(pair_ids) + 1, dtype=np.int64)
        np.cumsum(p_len, out=p_ptr[1:])
        row_base = (pair_ids // width) * n_feats
        sums = np.zeros(len(pair_ids), dtype=np.float64)
        # Chunk over pairs so the expanded products stay bounded.
        bounds = np.searchsorted(p_ptr, np.arange(0, int(p_ptr[-1]), _CHUNK), side="right") - 1
        edges = sorted({*bounds.tolist(), len(pair_ids)})
        for lo, hi in itertools.pairwise(edges):
            pp, plen = _expand(c_ptr, inverse[lo:hi])
            if not len(pp):
                continue
            idx = np.repeat(row_base[lo:hi], plen) + c_loc[pp]
            vals = dense[idx] * c_val[pp]
            starts = p_ptr[lo:hi] - p_ptr[lo]
            nonempty = plen > 0
            sums[lo:hi][nonempty] = np.add.reduceat(vals, starts[nonempty])
        out[pair_ids] = sums
    finally:
        scratch[feats] = -1
    return out.reshape(nb, width)
