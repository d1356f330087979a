"""Per-side feature matrices of the lexical channels: word TF-IDF, BM25 over stems, char n-grams.

Both programs share one vocabulary per channel, and inverse document
frequencies are counted over both, so a term common on either side weighs little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from criteria_compare.align.analyze import AnalyzedText, Analyzer
from criteria_compare.align.chargrams import char_ngram_matrices
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.spans import SpanIndex, build_span_indexes
from criteria_compare.align.sparse import SparseRows, from_term_lists
from criteria_compare.model import Criterion

__all__ = ["SideFeatures", "build_features"]


@dataclass
class SideFeatures:
    """Everything the channels need about one side, row ``i`` being ``criteria[i]``."""

    criteria: tuple[Criterion, ...]
    language: str
    texts: list[AnalyzedText]
    sections: list[frozenset[str]]
    words_tf: SparseRows
    stems_tf: SparseRows
    tfidf: SparseRows
    char: SparseRows
    bm25_docs: SparseRows
    embeddings: np.ndarray | None = None
    spans: SpanIndex | None = None
    char_dense: np.ndarray | None = None
    """When set (shortlist path), the char channel's frequent columns as dense rows; ``char``
    then holds only the other columns (see products.split_frequent)."""
    _postings: dict[str, SparseRows] = field(default_factory=dict)
    _dense: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.criteria)

    def postings(self, name: str) -> SparseRows:
        """The transposed matrix ``name`` (cached), for scoring every row at once."""
        if name not in self._postings:
            self._postings[name] = getattr(self, name).transpose()
        return self._postings[name]

    def doc_freq(self, name: str) -> np.ndarray:
        """How many rows of matrix ``name`` hold each column (cached)."""
        key = f"df:{name}"
        if key not in self._dense:
            self._dense[key] = getattr(self, name).doc_freq()
        return self._dense[key]


def _analyze_side(
    criteria: Sequence[Criterion], analyzer: Analyzer, settings: AlignerSettings
) -> tuple[list[AnalyzedText], list[list[AnalyzedText | None]]]:
    memo: dict[str, AnalyzedText] = {}

    def analyzed(text: str) -> AnalyzedText:
        got = memo.get(text)
        if got is None:
            got = memo[text] = analyzer.analyze(text)
        return got

    texts = [analyzer.analyze(c.text) for c in criteria]
    fields: list[list[AnalyzedText | None]] = []
    for c, text in zip(criteria, texts, strict=False):
        fields.append(
            [
                text,
                analyzed(c.section) if c.section and settings.weight_section > 0 else None,
                analyzed(c.guidance) if c.guidance and settings.weight_guidance > 0 else None,
            ]
        )
    return texts, fields


def _idf_smooth(df: np.ndarray, n: int) -> np.ndarray:
    return (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)


def _tfidf(tf: SparseRows, idf: np.ndarray) -> SparseRows:
    return tf.with_data(tf.data * idf[tf.indices]).l2_normalized()


def _bm25_docs(tf: SparseRows, idf: np.ndarray, k1: float, b: float) -> SparseRows:
    dl = tf.row_sums()
    avgdl = float(dl.mean()) if len(dl) and dl.mean() > 0 else 1.0
    norm = np.repeat(k1 * (1.0 - b + b * dl / avgdl), tf.row_lengths())
    tfv = tf.data.astype(np.float64)
    return tf.with_data(idf[tf.indices] * tfv * (k1 + 1.0) / (tfv + norm))


def build_features(
    sides: Sequence[tuple[Sequence[Criterion], Analyzer]], settings: AlignerSettings
) -> list[SideFeatures]:
    """Analyse both sides and build their channel matrices over shared vocabularies."""
    weights = (settings.weight_text, settings.weight_section, settings.weight_guidance)
    analyzed = [_analyze_side(criteria, analyzer, settings) for criteria, analyzer in sides]
    word_vocab: dict[str, int] = {}
    stem_vocab: dict[str, int] = {}
    words_tf, stems_tf, char_docs = [], [], []
    for _texts, fields in analyzed:
        word_docs = [
            [(f.words, w) for f, w in zip(doc, weights, strict=False) if f is not None]
            for doc in fields
        ]
        stem_docs = [
            [(f.stems, w) for f, w in zip(doc, weights, strict=False) if f is not None]
            for doc in fields
        ]
        words_tf.append(from_term_lists(word_docs, word_vocab))
        stems_tf.append(from_term_lists(stem_docs, stem_vocab))
        char_docs.append(
            [
                [(f.chars, w) for f, w in zip(doc, weights, strict=False) if f is not None]
                for doc in fields
            ]
        )
    # Vocabularies grew while building; widen every matrix to the final size.
    for m in words_tf:
        m.n_cols = max(len(word_vocab), 1)
    for m in stems_tf:
        m.n_cols = max(len(stem_vocab), 1)
    chars = char_ngram_matrices(char_docs, settings.char_ngram_min, settings.char_ngram_max)
    n_docs = sum(len(c) for c, _ in sides)
    word_df = np.sum([m.doc_freq() for m in words_tf], axis=0)
    stem_df = np.sum([m.doc_freq() for m in stems_tf], axis=0)
    char_df = np.sum([m.doc_freq() for m in chars], axis=0)
    word_idf = _idf_smooth(word_df, n_docs)
    char_idf = _idf_smooth(char_df, n_docs)
    bm25_idf = np.log(1.0 + (n_docs - stem_df + 0.5) / (stem_df + 0.5)).astype(np.float32)
    out = []
    for (criteria, analyzer), (texts, fields), wtf, stf, ch in zip(
        sides, analyzed, words_tf, stems_tf, chars, strict=False
    ):
        sections = [
            frozenset(doc[1].stems) if doc[1] is not None else frozenset() for doc in fields
        ]
        out.append(
            SideFeatures(
                criteria=tuple(criteria),
                language=analyzer.language,
                texts=texts,
                sections=sections,
                words_tf=wtf,
                stems_tf=stf,
                tfidf=_tfidf(wtf, word_idf),
                char=_tfidf(ch, char_idf),
                bm25_docs=_bm25_docs(stf, bm25_idf, settings.bm25_k1, settings.bm25_b),
            )
        )
    for side, index in zip(out, build_span_indexes([texts for texts, _ in analyzed]), strict=True):
        side.spans = index
    return out
