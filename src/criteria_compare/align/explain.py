"""Evidence for one suggestion: the shared terms and where they sit in each original text."""

from __future__ import annotations

from collections.abc import Mapping

from criteria_compare.align.analyze import CONCEPT_PREFIX, AnalyzedText
from criteria_compare.model import Evidence

__all__ = ["make_evidence", "merge_spans"]


def merge_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def make_evidence(
    source: AnalyzedText,
    source_text: str,
    target: AnalyzedText,
    channels: Mapping[str, float],
    margin: float,
    section_match: bool,
) -> Evidence:
    """Evidence of a pair: stems (and synonym concepts) the two texts share, as spans in each."""
    src_pos, tgt_pos = source.positions, target.positions
    shared = sorted(src_pos.keys() & tgt_pos.keys(), key=lambda st: src_pos[st][0])
    terms: list[str] = []
    for stem in shared:
        if stem.startswith(CONCEPT_PREFIX):
            terms.append(stem[len(CONCEPT_PREFIX) :])
        else:
            start, end = src_pos[stem][0]
            terms.append(source_text[start:end].casefold())
    source_spans = merge_spans([sp for st in shared for sp in src_pos[st]])
    target_spans = merge_spans([sp for st in shared for sp in tgt_pos[st]])
    return Evidence(
        shared_terms=tuple(dict.fromkeys(terms)),
        source_spans=source_spans,
        target_spans=target_spans,
        channels={k: round(float(v), 4) for k, v in channels.items()},
        margin=round(float(margin), 4),
        section_match=section_match,
    )
