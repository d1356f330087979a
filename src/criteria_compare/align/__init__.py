"""The aligner: ranked, explained match suggestions between two programs' criteria (no Qt)."""

from __future__ import annotations

from criteria_compare.align.aligner import AlignmentResult, align, encoder_notice
from criteria_compare.align.calibration import band_meaning, suggestion_probability
from criteria_compare.align.embedding import EmbeddingCache, MemoryEmbeddingCache
from criteria_compare.align.normalize import normalize_text, tokenize
from criteria_compare.align.refit import RefitResult, refit
from criteria_compare.align.search import search
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.synonyms import SynonymTable, load_synonyms

__all__ = [
    "AlignerSettings",
    "AlignmentResult",
    "EmbeddingCache",
    "MemoryEmbeddingCache",
    "RefitResult",
    "SynonymTable",
    "align",
    "band_meaning",
    "encoder_notice",
    "load_synonyms",
    "normalize_text",
    "refit",
    "search",
    "suggestion_probability",
    "tokenize",
]
