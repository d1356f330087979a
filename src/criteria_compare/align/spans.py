"""Evidence spans of many pairs at once: where the stems two texts share sit in one of them.

Every text's (stem, span) entries are held as flat arrays per side, so the
spans of a whole block of suggestions are found with a few array operations
(membership by binary search, overlapping spans joined by a running maximum)
instead of a Python loop per suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import numpy as np

from criteria_compare.align.analyze import AnalyzedText, Analyzer
from criteria_compare.align.termids import PackedTexts, merge_columns

__all__ = ["SpanIndex", "build_span_indexes", "pair_spans", "shared_evidence"]

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SpanIndex:
    """One side's texts: entry ``ptr[i]:ptr[i+1]`` of ``stem``/``start``/``end`` belong to text i.

    Entries of a text are sorted by span; ``keys`` (sorted) holds ``text * n_stems + stem``.
    """

    ptr: np.ndarray
    stem: np.ndarray
    start: np.ndarray
    end: np.ndarray
    keys: np.ndarray
    n_stems: int
    objects: list[tuple[int, int]]
    """Entry i's span as the text's own tuple: evidence reuses it instead of making a new one
    (hundreds of thousands of fewer objects for the garbage collector to pass over)."""
    rank: np.ndarray
    """Entry i's stem's position in its text's ``ordered`` (first occurrence order)."""
    first: np.ndarray
    """Whether entry i is its stem's first entry in the text."""
    term_ptr: np.ndarray
    """Text j's shared-term names are ``terms[term_ptr[j] + rank]``."""
    terms: list[str]
    repeated: np.ndarray
    """Per text: whether two of its stems are shown as the same term (see AnalyzedText)."""


def build_span_indexes(sides: Sequence[tuple[Sequence[AnalyzedText], Analyzer]]) -> list[SpanIndex]:
    """Span indexes of several sides (texts and their analyzer) over one shared numbering of stems."""
    names: dict[str, int] = {}
    parts = []
    for texts, analyzer in sides:
        packed = PackedTexts(texts)
        numbers, starts, ends, ranks = packed.flat()
        stems = merge_columns(numbers, analyzer, names)
        parts.append((texts, packed.n_flat, stems, starts, ends, ranks))
    n_stems = max(len(names), 1)
    out = []
    for texts, lengths, stems, starts, ends, ranks in parts:
        ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=ptr[1:])
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keys = np.unique(rows * n_stems + stems)
        first = np.zeros(len(stems), dtype=bool)
        if len(stems):
            width = int(ranks.max()) + 1
            first[np.unique(rows * width + ranks, return_index=True)[1]] = True
        n_terms = [len(t.terms) for t in texts]
        term_ptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(n_terms, out=term_ptr[1:])
        out.append(
            SpanIndex(
                ptr,
                stems,
                starts,
                ends,
                keys,
                n_stems,
                [span for t in texts for span in t.flat_spans],
                ranks,
                first,
                term_ptr,
                [term for t in texts for term in t.terms],
                np.fromiter((t.repeated_terms for t in texts), dtype=bool, count=len(texts)),
            )
        )
    return out


def _hits(
    src: SpanIndex, src_rows: np.ndarray, dst: SpanIndex, dst_rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(entry, pair) of every entry of text ``src_rows[pair]`` whose stem text ``dst_rows[pair]``
    also has, pair after pair, in span order."""
    n_pairs = len(src_rows)
    starts = src.ptr[src_rows]
    lens = src.ptr[src_rows + 1] - starts
    total = int(lens.sum())
    if total == 0 or not len(dst.keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pos = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total, dtype=np.int64)
    pair = np.repeat(np.arange(n_pairs, dtype=np.int64), lens)
    wanted = dst_rows[pair] * dst.n_stems + src.stem[pos]
    at = np.minimum(np.searchsorted(dst.keys, wanted), len(dst.keys) - 1)
    hit = dst.keys[at] == wanted
    return pos[hit], pair[hit]


def _split(items: list[Any], owners: np.ndarray, n_pairs: int) -> list[tuple[Any, ...]]:
    """``items`` (grouped by pair, pairs ascending) as one tuple per pair."""
    bounds = np.zeros(n_pairs + 1, dtype=np.int64)
    np.cumsum(np.bincount(owners, minlength=n_pairs), out=bounds[1:])
    b = bounds.tolist()
    return [tuple(items[b[i] : b[i + 1]]) for i in range(n_pairs)]


def _pick(items: list[Any], where: np.ndarray) -> list[Any]:
    if len(where) == 0:
        return []
    if len(where) == 1:
        return [items[int(where[0])]]
    return list(itemgetter(*where.tolist())(items))


def shared_evidence(
    src: SpanIndex, src_rows: np.ndarray, dst: SpanIndex, dst_rows: np.ndarray
) -> tuple[list[Spans], list[tuple[str, ...]]]:
    """For each pair: :func:`pair_spans`, and the terms the two texts share, in the order they
    first occur in text ``src_rows[i]`` (each once, named as ``AnalyzedText.terms``)."""
    n_pairs = len(src_rows)
    pos, pair = _hits(src, src_rows, dst, dst_rows)
    spans = _spans(src, pos, pair, n_pairs)
    keep = src.first[pos]
    pos, pair = pos[keep], pair[keep]
    ranks = src.rank[pos]
    order = np.lexsort((ranks, pair))
    pair, ranks = pair[order], ranks[order]
    terms = _split(_pick(src.terms, src.term_ptr[src_rows[pair]] + ranks), pair, n_pairs)
    for i in np.flatnonzero(src.repeated[src_rows]).tolist():
        terms[i] = tuple(dict.fromkeys(terms[i]))
    return spans, terms


def pair_spans(
    src: SpanIndex, src_rows: np.ndarray, dst: SpanIndex, dst_rows: np.ndarray
) -> list[Spans]:
    """For each pair i, the spans in text ``src_rows[i]`` of the stems text ``dst_rows[i]`` also has.

    Spans are sorted, and overlapping or touching ones joined (a synonym phrase over its words).
    """
    pos, pair = _hits(src, src_rows, dst, dst_rows)
    return _spans(src, pos, pair, len(src_rows))


def _spans(src: SpanIndex, pos: np.ndarray, pair: np.ndarray, n_pairs: int) -> list[Spans]:
    if not len(pos):
        return [()] * n_pairs
    st, en = src.start[pos], src.end[pos]
    # Shift each pair's spans past the previous pair's, so one running maximum serves all.
    offset = pair * (int(src.end.max()) + 2)
    reach = np.maximum.accumulate(en + offset)
    new = np.ones(len(st), dtype=bool)
    new[1:] = st[1:] + offset[1:] > reach[:-1]
    first = np.flatnonzero(new)
    last = np.append(first[1:] - 1, len(st) - 1)
    ends = reach[last] - offset[last]
    spans = _pick(src.objects, pos[first])
    # A joined span (a synonym phrase over its words) is new; every other is an entry's own.
    for j in np.flatnonzero(ends != en[first]).tolist():
        spans[j] = (int(st[first[j]]), int(ends[j]))
    return _split(spans, pair[first], n_pairs)
