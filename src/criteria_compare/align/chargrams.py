"""Character n-gram counts of many texts at once, hashed with numpy (no per-n-gram Python work).

Each distinct word is hashed once; documents add up their words' n-grams.

N-grams are taken within words, each word padded with one space on each side
(like scikit-learn's ``char_wb``): fewer features than n-grams across word
boundaries, so pair scoring is cheaper, and word endings still count.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from criteria_compare.align.sparse import SparseRows, unique_inverse

__all__ = ["CharDocs", "char_ngram_matrices"]

#: One side for :func:`char_ngram_matrices`: (n_docs, doc row, word index, field weight) per word.
CharDocs = tuple[int, np.ndarray, np.ndarray, np.ndarray]

_MULT = np.uint64(0x100000001B3)
# Documents summed at a time, so the expanded n-gram entries stay small.
_DOC_CHUNK = 2000


def _word_hashes(
    words: Sequence[str], n_min: int, n_max: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each word's distinct n-grams: (CSR pointer by word, 32-bit hashes, counts in the word)."""
    pieces = [f" {w} " for w in words]
    codes = np.frombuffer("".join(pieces).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
    seg_of = np.repeat(np.arange(len(pieces), dtype=np.int64), lengths)
    room = np.repeat(np.cumsum(lengths), lengths) - np.arange(len(codes))
    keys = []
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
            h32 = ((h[valid] >> np.uint64(32)) ^ h[valid]) & np.uint64(0xFFFFFFFF)
            keys.append((seg_of[valid].astype(np.uint64) << np.uint64(32)) | h32)
    uniq, counts = np.unique(np.concatenate(keys), return_counts=True)
    owner = (uniq >> np.uint64(32)).astype(np.int64)
    ptr = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=len(words)), out=ptr[1:])
    return ptr, (uniq & np.uint64(0xFFFFFFFF)).astype(np.uint32), counts.astype(np.float64)


def _side(
    n_docs: int,
    occurrences: tuple[np.ndarray, np.ndarray, np.ndarray],
    ptr: np.ndarray,
    cols: np.ndarray,
    counts: np.ndarray,
    n_cols: int,
) -> SparseRows:
    """A side's n-gram matrix: each doc sums its words' n-grams times the word's field weight.

    Docs are summed ``_DOC_CHUNK`` at a time, so the expanded entries stay small.
    """
    rows, occ, weights = occurrences
    bounds = np.searchsorted(rows, np.arange(0, n_docs + _DOC_CHUNK, _DOC_CHUNK))
    keys_parts, sums_parts = [], []
    for a, b in itertools.pairwise(bounds.tolist()):
        if a == b:
            continue
        starts = ptr[occ[a:b]]
        lens = ptr[occ[a:b] + 1] - starts
        total = int(lens.sum())
        pos = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total, dtype=np.int64)
        keys = np.repeat(rows[a:b], lens) * n_cols + cols[pos]
        vals = counts[pos] * np.repeat(weights[a:b], lens)
        uniq, inverse = unique_inverse(keys, n_docs * n_cols)
        keys_parts.append(uniq)
        sums_parts.append(np.bincount(inverse, weights=vals, minlength=len(uniq)))
    uniq = np.concatenate(keys_parts) if keys_parts else np.zeros(0, dtype=np.int64)
    sums = np.concatenate(sums_parts) if sums_parts else np.zeros(0)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(uniq // n_cols, minlength=n_docs), out=indptr[1:])
    return SparseRows(indptr, (uniq % n_cols).astype(np.int32), sums.astype(np.float32), n_cols)


def char_ngram_matrices(
    sides: Sequence[CharDocs], words: Sequence[str], n_min: int, n_max: int
) -> list[SparseRows]:
    """Field-weighted n-gram count matrices for each side, over one shared feature space.

    Each side is ``(n_docs, rows, word, weight)``: every word occurrence's doc
    row (ascending), its index into ``words`` and its field weight. N-grams
    are identified by a 32-bit hash (collisions among a few million distinct
    n-grams are rare and only merge two rare features). Each distinct word is
    hashed once; a doc's n-grams are its words' n-grams (n-grams never cross
    words), each counted by the field weight of the word.
    """
    if not words:
        empty = np.zeros(0, dtype=np.int32)
        return [
            SparseRows(np.zeros(n_docs + 1, dtype=np.int64), empty, np.zeros(0, np.float32), 1)
            for n_docs, *_ in sides
        ]
    ptr, hashes, counts = _word_hashes(list(words), n_min, n_max)
    vocab, cols = unique_inverse(hashes, 1 << 32)
    n_cols = max(len(vocab), 1)
    return [
        _side(n_docs, (rows, occ, weights), ptr, cols.astype(np.int64).reshape(-1), counts, n_cols)
        for n_docs, rows, occ, weights in sides
    ]
