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

import numpy as np

from criteria_compare.align.analyze import AnalyzedText, Analyzer
from criteria_compare.align.termids import PackedTexts, merge_columns

__all__ = ["SpanIndex", "build_span_indexes", "pair_spans"]

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


def build_span_indexes(sides: Sequence[tuple[Sequence[AnalyzedText], Analyzer]]) -> list[SpanIndex]:
    """Span indexes of several sides (texts and their analyzer) over one shared numbering of stems."""
    names: dict[str, int] = {}
    parts = []
    for texts, analyzer in sides:
        packed = PackedTexts(texts)
        numbers, starts, ends = packed.flat()
        stems = merge_columns(numbers, analyzer, names)
        objects = [span for t in texts for span in t.flat_spans]
        parts.append((packed.n_flat, stems, starts, ends, objects))
    n_stems = max(len(names), 1)
    out = []
    for lengths, stems, starts, ends, objects in parts:
        ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=ptr[1:])
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keys = np.unique(rows * n_stems + stems)
        out.append(SpanIndex(ptr, stems, starts, ends, keys, n_stems, objects))
    return out


def pair_spans(
    src: SpanIndex, src_rows: np.ndarray, dst: SpanIndex, dst_rows: np.ndarray
) -> list[Spans]:
    """For each pair i, the spans in text ``src_rows[i]`` of the stems text ``dst_rows[i]`` also has.

    Spans are sorted, and overlapping or touching ones joined (a synonym phrase over its words).
    """
    n_pairs = len(src_rows)
    starts = src.ptr[src_rows]
    lens = src.ptr[src_rows + 1] - starts
    total = int(lens.sum())
    if total == 0:
        return [()] * n_pairs
    pos = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total, dtype=np.int64)
    pair = np.repeat(np.arange(n_pairs, dtype=np.int64), lens)
    wanted = dst_rows[pair] * dst.n_stems + src.stem[pos]
    at = np.minimum(np.searchsorted(dst.keys, wanted), max(len(dst.keys) - 1, 0))
    hit = (dst.keys[at] == wanted) if len(dst.keys) else np.zeros(total, dtype=bool)
    pos, pair = pos[hit], pair[hit]
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
    entries = pos[first]
    spans: list[tuple[int, int]] = (
        list(itemgetter(*entries.tolist())(src.objects))
        if len(entries) > 1
        else [src.objects[int(entries[0])]]
    )
    # A joined span (a synonym phrase over its words) is new; every other is an entry's own.
    for j in np.flatnonzero(ends != en[first]).tolist():
        spans[j] = (int(st[first[j]]), int(ends[j]))
    bounds = np.zeros(n_pairs + 1, dtype=np.int64)
    np.cumsum(np.bincount(pair[first], minlength=n_pairs), out=bounds[1:])
    b = bounds.tolist()
    return [tuple(spans[b[i] : b[i + 1]]) for i in range(n_pairs)]
