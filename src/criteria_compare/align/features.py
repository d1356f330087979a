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
from criteria_compare.align.sparse import SparseRows, from_triples
from criteria_compare.align.termids import PackedTexts, merge_columns
from criteria_compare.model import Criterion

__all__ = ["SideFeatures", "build_features", "idf_smooth", "tfidf_rows"]


@dataclass
class SideFeatures:
    """Everything the channels need about one side, row ``i`` being ``criteria[i]``."""

    criteria: tuple[Criterion, ...]
    language: str
    texts: list[AnalyzedText]
    sections: list[frozenset[str]]
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

    def twins(self) -> tuple[np.ndarray, np.ndarray]:
        """(rows, first rows): each criterion whose text, section and guidance repeat an
        earlier one's, and that earlier criterion (cached)."""
        if "twins" not in self._dense:
            first: dict[tuple[str, str, str], int] = {}
            twins, firsts = [], []
            for i, c in enumerate(self.criteria):
                j = first.setdefault((c.text, c.section, c.guidance), i)
                if j != i:
                    twins.append(i)
                    firsts.append(j)
            self._dense["twins"] = np.asarray(twins, dtype=np.int64)
            self._dense["twin_firsts"] = np.asarray(firsts, dtype=np.int64)
        return self._dense["twins"], self._dense["twin_firsts"]

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


def idf_smooth(df: np.ndarray, n: int) -> np.ndarray:
    """Smoothed inverse document frequency of each column held by ``df`` of ``n`` rows."""
    return (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)


def tfidf_rows(tf: SparseRows, idf: np.ndarray) -> SparseRows:
    """Counts weighted by ``idf`` (by column), each row scaled to unit length (cosine-ready)."""
    return tf.with_data(tf.data * idf[tf.indices]).l2_normalized()


def _bm25_docs(tf: SparseRows, idf: np.ndarray, k1: float, b: float) -> SparseRows:
    dl = tf.row_sums()
    avgdl = float(dl.mean()) if len(dl) and dl.mean() > 0 else 1.0
    norm = np.repeat(k1 * (1.0 - b + b * dl / avgdl), tf.row_lengths())
    tfv = tf.data.astype(np.float64)
    return tf.with_data(idf[tf.indices] * tfv * (k1 + 1.0) / (tfv + norm))


@dataclass(frozen=True)
class _SideFields:
    """One side's field texts that count (weight > 0), flattened in doc order."""

    packed: PackedTexts
    rows: np.ndarray
    weights: np.ndarray

    @classmethod
    def of(cls, fields: list[list[AnalyzedText | None]], weights: Sequence[float]) -> _SideFields:
        texts: list[AnalyzedText] = []
        rows: list[int] = []
        used: list[float] = []
        for row, doc in enumerate(fields):
            for text, weight in zip(doc, weights, strict=False):
                if text is not None and weight > 0:
                    texts.append(text)
                    rows.append(row)
                    used.append(weight)
        return cls(
            PackedTexts(texts),
            np.asarray(rows, dtype=np.int64),
            np.asarray(used, dtype=np.float64),
        )

    def counts(
        self,
        numbers: np.ndarray,
        per_text: np.ndarray,
        n_docs: int,
        analyzer: Analyzer,
        vocab: dict[str, int],
    ) -> SparseRows:
        """Field-weighted term counts (one row per doc) of ``numbers`` (``per_text`` per text)."""
        cols = merge_columns(numbers, analyzer, vocab)
        return from_triples(
            np.repeat(self.rows, per_text),
            cols,
            np.repeat(self.weights, per_text),
            n_docs,
            max(len(vocab), 1),
        )


def build_features(
    sides: Sequence[tuple[Sequence[Criterion], Analyzer]], settings: AlignerSettings
) -> list[SideFeatures]:
    """Analyse both sides and build their channel matrices over shared vocabularies."""
    weights = (settings.weight_text, settings.weight_section, settings.weight_guidance)
    analyzed = [_analyze_side(criteria, analyzer, settings) for criteria, analyzer in sides]
    word_vocab: dict[str, int] = {}
    stem_vocab: dict[str, int] = {}
    char_words: dict[str, int] = {}
    words_tf, stems_tf, char_docs = [], [], []
    for (criteria, analyzer), (_texts, fields) in zip(sides, analyzed, strict=True):
        side = _SideFields.of(fields, weights)
        packed = side.packed
        n_docs = len(criteria)
        wtf = side.counts(packed.words(), packed.n_words, n_docs, analyzer, word_vocab)
        stf = side.counts(packed.stems(), packed.n_words, n_docs, analyzer, stem_vocab)
        words_tf.append(wtf)
        stems_tf.append(stf)
        char_docs.append(
            (
                n_docs,
                np.repeat(side.rows, packed.n_plain),
                merge_columns(packed.plain_words(), analyzer, char_words),
                np.repeat(side.weights, packed.n_plain),
            )
        )
    # Vocabularies grew while building; widen every matrix to the final size.
    for m in words_tf:
        m.n_cols = max(len(word_vocab), 1)
    for m in stems_tf:
        m.n_cols = max(len(stem_vocab), 1)
    chars = char_ngram_matrices(
        char_docs, list(char_words), settings.char_ngram_min, settings.char_ngram_max
    )
    n_docs = sum(len(c) for c, _ in sides)
    word_df = np.sum([m.doc_freq() for m in words_tf], axis=0)
    stem_df = np.sum([m.doc_freq() for m in stems_tf], axis=0)
    char_df = np.sum([m.doc_freq() for m in chars], axis=0)
    word_idf = idf_smooth(word_df, n_docs)
    char_idf = idf_smooth(char_df, n_docs)
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
                stems_tf=stf,
                tfidf=tfidf_rows(wtf, word_idf),
                char=tfidf_rows(ch, char_idf),
                bm25_docs=_bm25_docs(stf, bm25_idf, settings.bm25_k1, settings.bm25_b),
            )
        )
    indexes = build_span_indexes(
        [(texts, analyzer) for (texts, _), (_, analyzer) in zip(analyzed, sides, strict=True)]
    )
    for side_features, index in zip(out, indexes, strict=True):
        side_features.spans = index
    return out
