"""Evidence for one suggestion: the shared terms and where they sit in each original text."""

from __future__ import annotations

from criteria_compare.align.analyze import AnalyzedText
from criteria_compare.model import Evidence

__all__ = ["make_evidence", "merge_spans"]

Spans = tuple[tuple[int, int], ...]


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
    target: AnalyzedText,
    channels: dict[str, float],
    margin: float,
    section_match: bool,
    spans: tuple[Spans, Spans] | None = None,
    shared_terms: tuple[str, ...] | None = None,
) -> Evidence:
    """Evidence of a pair: stems (and synonym concepts) the two texts share, as spans in each.

    ``channels`` holds the channel scores already rounded; it becomes the evidence's own dict.
    ``spans`` (source spans, target spans) and ``shared_terms`` may be given when computed for
    many pairs at once (see :mod:`criteria_compare.align.spans`).
    """
    tgt_pos = target.positions
    # In source order (each stem's first occurrence), so the terms read like the source text.
    shared = (
        shared_terms
        if shared_terms is not None
        else tuple(
            dict.fromkeys(
                term
                for stem, term in zip(source.ordered, source.terms, strict=True)
                if stem in tgt_pos
            )
        )
    )
    if not shared:
        return Evidence(channels=channels, margin=round(margin, 4), section_match=section_match)
    src_pos = source.positions
    if spans is None:
        # Spans come sorted; only a text with overlapping spans needs them merged.
        src_spans = [
            span
            for span, stem in zip(source.flat_spans, source.flat_stems, strict=True)
            if stem in tgt_pos
        ]
        tgt_spans = [
            span
            for span, stem in zip(target.flat_spans, target.flat_stems, strict=True)
            if stem in src_pos
        ]
        spans = (
            merge_spans(src_spans) if source.overlapping else tuple(src_spans),
            merge_spans(tgt_spans) if target.overlapping else tuple(tgt_spans),
        )
    return Evidence(
        shared_terms=shared,
        source_spans=spans[0],
        target_spans=spans[1],
        channels=channels,
        margin=round(margin, 4),
        section_match=section_match,
    )
