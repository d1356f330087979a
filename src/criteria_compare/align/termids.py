"""Gathering analysed texts' packed term numbers into flat arrays, and one column space for two sides.

Each analysed text carries its terms as numbers of its analyzer's term table
(``AnalyzedText.ids``), so a side's matrices are built with a few array
operations over all its texts instead of a dictionary lookup per term. The two
sides may have different analyzers (languages), so their numbers are joined
into one column space by the terms' names, once per distinct term.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from criteria_compare.align.analyze import AnalyzedText, Analyzer
from criteria_compare.align.sparse import unique_inverse

__all__ = ["PackedTexts", "merge_columns", "spread"]


def spread(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Positions ``starts[i] .. starts[i] + lengths[i] - 1`` of every i, concatenated."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return shift + np.arange(total, dtype=np.int64)


class PackedTexts:
    """Many analysed texts' packed numbers in one array, with where each text's parts begin."""

    def __init__(self, texts: Sequence[AnalyzedText]) -> None:
        self.n_words = np.fromiter((len(t.words) for t in texts), dtype=np.int64, count=len(texts))
        self.n_flat = np.fromiter(
            (len(t.flat_stems) for t in texts), dtype=np.int64, count=len(texts)
        )
        self.n_plain = np.fromiter((t.n_plain for t in texts), dtype=np.int64, count=len(texts))
        sizes = 2 * self.n_words + 4 * self.n_flat
        self.offsets = np.zeros(len(texts), dtype=np.int64)
        if len(texts) > 1:
            np.cumsum(sizes[:-1], out=self.offsets[1:])
        self.ids: np.ndarray = (
            np.concatenate([t.ids for t in texts]) if texts else np.zeros(0, dtype=np.int64)
        )

    def _take(self, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        picked: np.ndarray = self.ids[spread(starts, lengths)]
        return picked

    def words(self) -> np.ndarray:
        """Every text's word numbers (synonym concepts included), text after text."""
        return self._take(self.offsets, self.n_words)

    def stems(self) -> np.ndarray:
        """Every text's stem numbers (synonym concepts included), text after text."""
        return self._take(self.offsets + self.n_words, self.n_words)

    def plain_words(self) -> np.ndarray:
        """Every text's plain word numbers (what the character n-grams are taken from), text after text."""
        return self._take(self.offsets, self.n_plain)

    def flat(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(stem numbers, span starts, span ends, positions in ``ordered``) of every text's
        ``flat_spans``, text after text."""
        base = self.offsets + 2 * self.n_words
        return (
            self.ids[spread(base, self.n_flat)],
            self.ids[spread(base + self.n_flat, self.n_flat)],
            self.ids[spread(base + 2 * self.n_flat, self.n_flat)],
            self.ids[spread(base + 3 * self.n_flat, self.n_flat)],
        )


def merge_columns(numbers: np.ndarray, analyzer: Analyzer, columns: dict[str, int]) -> np.ndarray:
    """Column of each term number in a column space shared by name (``columns`` grows)."""
    if not len(numbers):
        return np.zeros(0, dtype=np.int64)
    distinct, inverse = unique_inverse(numbers)
    setdefault = columns.setdefault
    local = np.fromiter(
        (setdefault(name, len(columns)) for name in analyzer.names(distinct)),
        dtype=np.int64,
        count=len(distinct),
    )
    out: np.ndarray = local[inverse]
    return out
