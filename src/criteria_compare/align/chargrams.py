"""Character n-gram counts of many texts at once, hashed with numpy (no per-n-gram Python work)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from criteria_compare.align.sparse import SparseRows, from_triples

__all__ = ["char_ngram_matrices"]

_MULT = np.uint64(0x100000001B3)


def _hashes(
    docs: Sequence[Sequence[tuple[str, float]]], n_min: int, n_max: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, hash, weight) of every n-gram of every field, each field padded with one space."""
    pieces: list[str] = []
    seg_rows: list[int] = []
    seg_weights: list[float] = []
    for i, fields in enumerate(docs):
        for text, weight in fields:
            if text and weight > 0:
                pieces.append(f" {text} ")
                seg_rows.append(i)
                seg_weights.append(weight)
    if not pieces:
        empty = np.zeros(0, dtype=np.uint64)
        return np.zeros(0, dtype=np.int64), empty, np.zeros(0)
    codes = np.frombuffer("".join(pieces).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
    ends = np.cumsum(lengths)
    seg_of = np.repeat(np.arange(len(pieces)), lengths)
    rows_out, hash_out, weight_out = [], [], []
    with np.errstate(over="ignore"):
        h = np.zeros(len(codes), dtype=np.uint64)
        for n in range(1, n_max + 1):
            # h[p] = hash of codes[p : p + n], built one character at a time.
            shifted = np.zeros(len(codes), dtype=np.uint64)
            shifted[: len(codes) - n + 1] = codes[n - 1 :]
            h = h * _MULT + shifted + np.uint64(n)
            if n < n_min:
                continue
            valid = np.arange(len(codes)) + n <= ends[seg_of]
            seg = seg_of[valid]
            rows_out.append(np.asarray(seg_rows)[seg])
            hash_out.append(h[valid])
            weight_out.append(np.asarray(seg_weights)[seg])
    return np.concatenate(rows_out), np.concatenate(hash_out), np.concatenate(weight_out)


def char_ngram_matrices(
    sides: Sequence[Sequence[Sequence[tuple[str, float]]]], n_min: int, n_max: int
) -> list[SparseRows]:
    """Field-weighted n-gram count matrices for each side, over one shared feature space."""
    parts = [_hashes(docs, n_min, n_max) for docs in sides]
    vocab = np.unique(np.concatenate([p[1] for p in parts])) if parts else np.zeros(0)
    n_cols = max(len(vocab), 1)
    out = []
    for (rows, hashes, weights), docs in zip(parts, sides, strict=False):
        cols = np.searchsorted(vocab, hashes)
        out.append(from_triples(rows, cols, weights, len(docs), n_cols))
    return out
