"""align(): ranked, explained partner candidates for every reference criterion, and the reverse."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

from criteria_compare.align.affinity import affinity_channels
from criteria_compare.align.embedding import (
    BackgroundEncoding,
    EmbeddingCache,
    EncoderUnavailable,
    encoder_input,
)
from criteria_compare.align.overlap import vocabulary_overlap
from criteria_compare.align.prepare import (
    build_sides,
    checked_criteria,
    no_cyclic_gc,
    one_blas_thread,
    side_languages,
)
from criteria_compare.align.rank import SharedScores, rank_direction
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.model import Criterion, Program, Suggestion
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

__all__ = ["AlignmentResult", "align", "encoder_notice"]


@dataclass(frozen=True)
class AlignmentResult:
    """Suggestions both ways, the settings used, notices for the user and the wall time."""

    forward: Mapping[str, tuple[Suggestion, ...]]
    backward: Mapping[str, tuple[Suggestion, ...]]
    settings: AlignerSettings = field(default_factory=AlignerSettings)
    notices: tuple[str, ...] = ()
    seconds: float = 0.0
    channels: tuple[str, ...] = ()
    languages: tuple[str, str] = ("english", "english")


def encoder_notice(reason: str) -> str:
    """The one notice given when the sentence encoder cannot be used."""
    return f"sentence encoder unavailable ({reason}); using lexical channels only"


def _index_pairs(
    pairs: Iterable[tuple[str, str]],
    left: Sequence[Criterion],
    right: Sequence[Criterion],
    reverse: bool = False,
) -> dict[int, set[int]]:
    li = {c.ref: i for i, c in enumerate(left)}
    ri = {c.ref: i for i, c in enumerate(right)}
    out: dict[int, set[int]] = {}
    for a, b in pairs:
        if reverse:
            a, b = b, a
        if a in li and b in ri:
            out.setdefault(li[a], set()).add(ri[b])
    return out


def align(
    reference: Program | Sequence[Criterion],
    partner: Program | Sequence[Criterion],
    settings: AlignerSettings | None = None,
    *,
    rejected: Iterable[tuple[str, str]] = (),
    pinned: Iterable[tuple[str, str]] = (),
    cache: EmbeddingCache | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    backward: bool = True,
    links: Iterable[tuple[str, str]] = (),
) -> AlignmentResult:
    """Rank partner criteria for each reference criterion (forward) and the reverse (backward).

    ``rejected`` and ``pinned`` are (reference_ref, partner_ref) pairs: rejected
    pairs are never proposed, pinned ones are listed first. ``links`` are the
    confirmed (reference_ref, partner_ref) links: with ``weight_affinity > 0``
    the section affinity learned from them is fused as the channel "affinity".
    Deterministic: equal scores keep program order. ``backward=False`` ranks the
    forward direction only (the result's ``backward`` is then empty), as
    evaluation needs. Raises Cancelled if ``cancel()`` turns True.
    """
    with no_cyclic_gc():
        return _align(
            reference, partner, settings, rejected, pinned, cache, progress, cancel, backward, links
        )


def _align(
    reference: Program | Sequence[Criterion],
    partner: Program | Sequence[Criterion],
    settings: AlignerSettings | None,
    rejected: Iterable[tuple[str, str]],
    pinned: Iterable[tuple[str, str]],
    cache: EmbeddingCache | None,
    progress: ProgressCallback | None,
    cancel: CancelCheck | None,
    both_ways: bool,
    links: Iterable[tuple[str, str]] = (),
) -> AlignmentResult:
    start = time.perf_counter()
    settings = settings or AlignerSettings()
    ref = checked_criteria(reference, "reference")
    par = checked_criteria(partner, "partner")
    rejected, pinned = list(rejected), list(pinned)
    total = len(ref) + (len(par) if both_ways else 0)

    def report(done: int, message: str) -> None:
        check_cancel(cancel)
        if progress is not None:
            progress(min(done, total), total, message)

    report(0, "Preparing texts")
    encoding = None
    blas_limit = ExitStack()
    if (
        settings.use_embedding
        and total
        and (settings.weight_embedding > 0 or settings.weight_embedding_cross_language > 0)
    ):
        # Load the model and encode in a thread while the lexical features are built.
        texts = [encoder_input(c) for c in (*ref, *par)]
        blas_limit.enter_context(one_blas_thread())
        encoding = BackgroundEncoding(texts, cache).start()
    try:
        languages = side_languages(ref, par, settings)
        sides = build_sides(ref, par, settings, languages)
    except BaseException:
        if encoding is not None:
            encoding.stop()
        blas_limit.close()
        raise
    notices: list[str] = []
    # Measured only when the encoder may weigh in (its weight is all the overlap changes).
    scale = (
        settings.embedding_weight_scale(vocabulary_overlap(sides[0], sides[1]))
        if encoding is not None
        else 1.0
    )
    weights = settings.weights_for(
        cross_language=languages[0] != languages[1], embedding_scale=scale
    )
    channels = [n for n, w in weights.items() if w > 0 and n not in ("embedding", "affinity")]
    affinity = affinity_channels(links, ref, par) if weights["affinity"] > 0 else None
    if encoding is not None:
        job = encoding

        def encoding_progress() -> None:
            check_cancel(cancel)
            if progress is not None and job.to_encode:
                progress(job.encoded, job.to_encode, "Encoding criteria")

        try:
            encoding_progress()
            vectors = encoding.finish(encoding_progress)
            if weights["embedding"] > 0:
                sides[0].embeddings = vectors[: len(ref)]
                sides[1].embeddings = vectors[len(ref) :]
                channels.append("embedding")
        except EncoderUnavailable as exc:
            notices.append(encoder_notice(str(exc)))
        except BaseException:
            encoding.stop()
            raise
        finally:
            blas_limit.close()
    if affinity is not None:
        channels.append("affinity")
    shared = SharedScores()
    forward = rank_direction(
        sides[0],
        sides[1],
        settings,
        rejected=_index_pairs(rejected, ref, par),
        pinned=_index_pairs(pinned, ref, par),
        on_block=lambda done: report(done, "Ranking partner criteria"),
        shared=shared,
        affinity=affinity[0] if affinity is not None else None,
        embedding_scale=scale,
    )
    backward = (
        rank_direction(
            sides[1],
            sides[0],
            settings,
            rejected=_index_pairs(rejected, par, ref, reverse=True),
            pinned=_index_pairs(pinned, par, ref, reverse=True),
            on_block=lambda done: report(len(ref) + done, "Ranking reference criteria"),
            shared=shared,
            affinity=affinity[1] if affinity is not None else None,
            embedding_scale=scale,
        )
        if both_ways
        else {}
    )
    return AlignmentResult(
        forward=forward,
        backward=backward,
        settings=settings,
        notices=tuple(notices),
        seconds=time.perf_counter() - start,
        channels=tuple(channels),
        languages=(languages[0], languages[1]),
    )
