"""Evidence for one suggestion: the shared terms and where they sit in each original text."""

from __future__ import annotations

from collections.abc import Mapping

from criteria_compare.align.analyze import CONCEPT_PREFIX, AnalyzedText
from criteria_compare.model import Evidence

__all__ = ["make_evidence", "merge_spans"]


def merge_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping ones joined."""
    if not spans:
        return ()
    spans.sort()
    merged = [spans[0]]
    for span in spans[1:]:
        last = merged[-1]
        if span[0] <= last[1]:
            if span[1] > last[1]:
                merged[-1] = (last[0], span[1])
        else:
            merged.append(span)
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
    common = src_pos.keys() & tgt_pos.keys()
    if not common:
        return Evidence(
            channels={k: round(float(v), 4) for k, v in channels.items()},
            margin=round(float(margin), 4),
            section_match=section_match,
        )
    # In source order: each stem's span list starts with its first occurrence.
    shared = sorted(common, key=src_pos.__getitem__)
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
