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
    shared = set(source.stems) & set(target.stems)
    terms: list[str] = []
    seen: set[str] = set()
    for stem, (start, end) in zip(source.stems, source.spans, strict=False):
        if stem not in shared or stem in seen:
            continue
        seen.add(stem)
        if stem.startswith(CONCEPT_PREFIX):
            terms.append(stem[len(CONCEPT_PREFIX) :])
        else:
            terms.append(source_text[start:end].casefold())
    source_spans = merge_spans(
        [s for st, s in zip(source.stems, source.spans, strict=False) if st in shared]
    )
    target_spans = merge_spans(
        [s for st, s in zip(target.stems, target.spans, strict=False) if st in shared]
    )
    return Evidence(
        shared_terms=tuple(terms),
        source_spans=source_spans,
        target_spans=target_spans,
        channels={k: round(float(v), 4) for k, v in channels.items()},
        margin=round(float(margin), 4),
        section_match=section_match,
    )
