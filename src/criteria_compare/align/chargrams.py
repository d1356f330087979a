"""Character n-gram counts of many texts at once, hashed with numpy (no per-n-gram Python work).

N-grams are taken within words, each word padded with one space on each side
(like scikit-learn's ``char_wb``): fewer features than n-grams across word
boundaries, so pair scoring is cheaper, and word endings still count.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from criteria_compare.align.sparse import SparseRows

__all__ = ["char_ngram_matrices"]

_MULT = np.uint64(0x100000001B3)


# Documents hashed at a time, so the temporary position arrays stay small.
_DOC_CHUNK = 2000


def _hashes(
    docs: Sequence[Sequence[tuple[str, float]]], n_min: int, n_max: int, first_row: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, 32-bit hash, weight) of every distinct n-gram of each doc's words, summed per doc."""
    pieces: list[str] = []
    seg_rows: list[int] = []
    seg_weights: list[float] = []
    for i, fields in enumerate(docs):
        for text, weight in fields:
            if text and weight > 0:
                words = text.split()
                pieces.extend([f" {w} " for w in words])
                seg_rows.extend([first_row + i] * len(words))
                seg_weights.extend([weight] * len(words))
    if not pieces:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32), np.zeros(0)
    codes = np.frombuffer("".join(pieces).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
    seg_of = np.repeat(np.arange(len(pieces)), lengths)
    room = np.repeat(np.cumsum(lengths), lengths) - np.arange(len(codes))
    rows_all = np.asarray(seg_rows, dtype=np.int64)
    weights_all = np.asarray(seg_weights, dtype=np.float64)
    keys, weights = [], []
    with np.errstate(over="ignore"):
        h = np.zeros(len(codes), dtype=np.uint64)
        for n in range(1, n_max + 1):
            # h[p] = hash of codes[p : p + n], built one character at a time.
            shifted = np.zeros(len(codes), dtype=np.uint64)
            shifted[: len(codes) - n + 1] = codes[n - 1 :]
            h = h * _MULT + shifted + np.uint64(n)
            if n < n_min:
                continue
            valid = room >= n
            seg = seg_of[valid]
            h32 = ((h[valid] >> np.uint64(32)) ^ h[valid]) & np.uint64(0xFFFFFFFF)
            keys.append((rows_all[seg].astype(np.uint64) << np.uint64(32)) | h32)
            weights.append(weights_all[seg])
    uniq, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    sums = np.bincount(inverse, weights=np.concatenate(weights), minlength=len(uniq))
    rows = (uniq >> np.uint64(32)).astype(np.int64)
    return rows, (uniq & np.uint64(0xFFFFFFFF)).astype(np.uint32), sums


def _side(
    docs: Sequence[Sequence[tuple[str, float]]], n_min: int, n_max: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    parts = [
        _hashes(docs[i : i + _DOC_CHUNK], n_min, n_max, i) for i in range(0, len(docs), _DOC_CHUNK)
    ]
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32), np.zeros(0)
    return (
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]).astype(np.float32),
    )


def char_ngram_matrices(
    sides: Sequence[Sequence[Sequence[tuple[str, float]]]], n_min: int, n_max: int
) -> list[SparseRows]:
    """Field-weighted n-gram count matrices for each side, over one shared feature space.

    N-grams are identified by a 32-bit hash (collisions among a few million
    distinct n-grams are rare and only merge two rare features).
    """
    parts = [_side(docs, n_min, n_max) for docs in sides]
    vocab = np.unique(np.concatenate([p[1] for p in parts])) if parts else np.zeros(0)
    n_cols = max(len(vocab), 1)
    out = []
    for (rows, hashes, weights), docs in zip(parts, sides, strict=False):
        # Entries are sorted by (row, hash) and vocab is sorted, so columns come out sorted.
        cols = np.searchsorted(vocab, hashes).astype(np.int32)
        indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=len(docs)), out=indptr[1:])
        out.append(SparseRows(indptr, cols, weights, n_cols))
    return out
