"""Lexical similarity of the texts of two lists: word TF-IDF and character n-gram cosines, averaged.

Both lists share one vocabulary and one inverse document frequency per channel
(counted over both), like the aligner's channels. Words keep their numbers
(``30 days`` is not ``60 days``); the n-grams are taken within words
(:mod:`criteria_compare.align.chargrams`). Scores are cosines in [0, 1]; a text
compared with itself scores 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from criteria_compare.align.chargrams import char_ngram_matrices
from criteria_compare.align.features import idf_smooth, tfidf_rows
from criteria_compare.align.normalize import text_key
from criteria_compare.align.products import all_pairs
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.sparse import SparseRows, from_term_lists

__all__ = ["TextSimilarity", "row_slice"]


def row_slice(m: SparseRows, r0: int, r1: int) -> SparseRows:
    """Rows r0..r1 of ``m`` as a matrix of their own (sharing its arrays)."""
    a, b = int(m.indptr[r0]), int(m.indptr[r1])
    return SparseRows(m.indptr[r0 : r1 + 1] - a, m.indices[a:b], m.data[a:b], m.n_cols)


class _Channel:
    """One channel's unit rows of the right list, transposed once, for scoring left rows."""

    def __init__(self, left: SparseRows, right: SparseRows) -> None:
        self.left = left
        self.right = right
        self.postings = right.transpose()
        self.df_right = right.doc_freq()

    def block(self, r0: int, r1: int) -> np.ndarray:
        q = row_slice(self.left, r0, r1)
        return all_pairs(q, self.right, self.postings, q.doc_freq(), self.df_right)


class TextSimilarity:
    """Every left text's similarity with every right text, a block of left rows at a time.

    ``chars=False`` leaves the n-gram channel out (words only: several times cheaper).
    """

    def __init__(
        self,
        left: Sequence[str],
        right: Sequence[str],
        settings: AlignerSettings | None = None,
        *,
        chars: bool = True,
    ) -> None:
        settings = settings or AlignerSettings()
        words = [text_key(t).split() for t in (*left, *right)]
        n_left, n_docs = len(left), len(left) + len(right)
        vocab: dict[str, int] = {}
        counts = from_term_lists([[(w, 1.0)] for w in words], vocab)
        matrices = [counts]
        if chars:
            matrices.append(self._grams(words, settings))
        self._channels = []
        for m in matrices:
            unit = tfidf_rows(m, idf_smooth(m.doc_freq(), n_docs))
            self._channels.append(
                _Channel(row_slice(unit, 0, n_left), row_slice(unit, n_left, n_docs))
            )
        self.shape = (n_left, len(right))

    @staticmethod
    def _grams(words: Sequence[Sequence[str]], settings: AlignerSettings) -> SparseRows:
        """Char n-gram counts: each word occurrence points into one list of distinct words."""
        n_docs = len(words)
        distinct: dict[str, int] = {}
        occurrences = [distinct.setdefault(w, len(distinct)) for ws in words for w in ws]
        rows = np.repeat(np.arange(n_docs, dtype=np.int64), [len(ws) for ws in words])
        (grams,) = char_ngram_matrices(
            [
                (
                    n_docs,
                    rows,
                    np.asarray(occurrences, dtype=np.int64),
                    np.ones(len(occurrences), dtype=np.float64),
                )
            ],
            list(distinct),
            settings.char_ngram_min,
            settings.char_ngram_max,
        )
        return grams

    def block(self, r0: int, r1: int) -> np.ndarray:
        """Similarities (r1 - r0, len(right)) of left rows r0..r1, float32 in [0, 1]."""
        total = self._channels[0].block(r0, r1)
        for channel in self._channels[1:]:
            total += channel.block(r0, r1)
        out: np.ndarray = np.clip(total / len(self._channels), 0.0, 1.0)
        return out
