"""How much two programs' vocabularies overlap, and how much weight that gives the sentence encoder.

Where two programs say the same things in the same words (an edition update, a
closely derived framework) the lexical channels carry the ranking; where they
paraphrase each other or are in two languages, the words barely meet and the
sentence encoder is the channel that knows. The overlap is measured once per
alignment, as the mean over (a sample of) reference criteria of their best word
TF-IDF cosine with any partner criterion, and the encoder's weight follows it:
``EMBEDDING_TOP - EMBEDDING_SLOPE * overlap``, kept within
[``EMBEDDING_MIN``, ``EMBEDDING_MAX``], against 1 for each lexical channel.

The constants were chosen on the mean over all development crosswalks (five
English pairs with overlaps from 0.12 to 1.0, and English against French and
Spanish translations at 0.07); the surface is flat around them (see
benchmarks/bench_align.py for the figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from criteria_compare.align.sparse import dense_block

if TYPE_CHECKING:  # settings imports this module; features imports settings
    from criteria_compare.align.features import SideFeatures

__all__ = [
    "EMBEDDING_MAX",
    "EMBEDDING_MIN",
    "EMBEDDING_SLOPE",
    "EMBEDDING_TOP",
    "embedding_scale",
    "vocabulary_overlap",
]

EMBEDDING_TOP = 7.0
EMBEDDING_SLOPE = 12.0
EMBEDDING_MIN = 1.5
EMBEDDING_MAX = 9.0
#: Reference criteria sampled (evenly, in program order) to measure the overlap.
_SAMPLE = 160


def vocabulary_overlap(q: SideFeatures, d: SideFeatures) -> float:
    """Mean over (up to ``_SAMPLE`` evenly spaced) ``q`` rows of the best word TF-IDF cosine
    with any ``d`` row: 0 = no shared vocabulary, 1 = every criterion has a word-for-word twin."""
    n_q, n_d = len(q), len(d)
    if n_q == 0 or n_d == 0:
        return 0.0
    step = max(1, -(-n_q // _SAMPLE))
    postings = d.postings("tfidf")
    best = []
    for r in range(0, n_q, step):
        scores = dense_block(q.tfidf, r, r + 1, postings, n_d)
        best.append(float(scores.max()) if scores.size else 0.0)
    return float(np.clip(np.mean(best), 0.0, 1.0))


def embedding_scale(overlap: float) -> float:
    """The sentence encoder's weight (per unit of ``weight_embedding``) at this vocabulary overlap."""
    return float(np.clip(EMBEDDING_TOP - EMBEDDING_SLOPE * overlap, EMBEDDING_MIN, EMBEDDING_MAX))
