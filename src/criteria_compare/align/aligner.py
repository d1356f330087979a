"""align(): ranked, explained partner candidates for every reference criterion, and the reverse."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from criteria_compare.align.affinity import affinity_channels
from criteria_compare.align.analyze import Analyzer, detect_side_language
from criteria_compare.align.embedding import (
    BackgroundEncoding,
    EmbeddingCache,
    EncoderUnavailable,
)
from criteria_compare.align.features import build_features
from criteria_compare.align.rank import SharedScores, rank_direction
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.synonyms import SynonymTable, load_synonyms
from criteria_compare.errors import InvalidValue
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


def _criteria(side: Program | Sequence[Criterion], name: str) -> tuple[Criterion, ...]:
    criteria = tuple(side.criteria) if isinstance(side, Program) else tuple(side)
    seen: set[str] = set()
    for c in criteria:
        if c.ref in seen:
            raise InvalidValue(
                f"The {name} criteria hold ref {c.ref!r} twice; make every ref unique and re-import."
            )
        seen.add(c.ref)
    return criteria


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
    with _no_cyclic_gc():
        return _align(
            reference, partner, settings, rejected, pinned, cache, progress, cancel, backward, links
        )


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: alignment makes millions of small acyclic objects
    and generational collection passes over them cost a quarter of the run time (measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Run numpy's BLAS on one thread while the encoder runs: two threads then encode side by
    side, and multi-threaded BLAS on busy cores is slower, not faster (measured). The ranking
    runs after the encoder has finished, with numpy's default threads (its large products gain)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional at run time: numpy's default threads then
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


# Analyzers by (language, synonym table), kept between alignments: their per-word caches
# (normalised forms, stems, stop-word flags) then make a re-alignment's text preparation cheap.
_ANALYZERS: dict[tuple[str, SynonymTable], Analyzer] = {}
_MAX_ANALYZERS = 4
_MAX_CACHED_WORDS = 500_000
_ANALYZERS_LOCK = threading.Lock()


def _analyzer(language: str, synonyms: SynonymTable) -> Analyzer:
    key = (language, synonyms)
    with _ANALYZERS_LOCK:
        found = _ANALYZERS.get(key)
        if found is None or found.cached_words > _MAX_CACHED_WORDS:
            _ANALYZERS.pop(key, None)
            while len(_ANALYZERS) >= _MAX_ANALYZERS:
                _ANALYZERS.pop(next(iter(_ANALYZERS)))
            found = _ANALYZERS[key] = Analyzer(language, synonyms)
        return found


_LANGUAGES: dict[tuple[str, ...], str] = {}


def _side_language(texts: tuple[str, ...]) -> str:
    """The detected language of one side's texts, remembered for the last few sides."""
    found = _LANGUAGES.get(texts)
    if found is None:
        found = detect_side_language(texts)
        if len(_LANGUAGES) >= _MAX_ANALYZERS:
            _LANGUAGES.clear()
        _LANGUAGES[texts] = found
    return found


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
    ref = _criteria(reference, "reference")
    par = _criteria(partner, "partner")
    rejected, pinned = list(rejected), list(pinned)
    total = len(ref) + (len(par) if both_ways else 0)

    def report(done: int, message: str) -> None:
        check_cancel(cancel)
        if progress is not None:
            progress(min(done, total), total, message)

    report(0, "Preparing texts")
    encoding = None
    one_blas_thread = ExitStack()
    if (
        settings.use_embedding
        and total
        and (settings.weight_embedding > 0 or settings.weight_embedding_cross_language > 0)
    ):
        # Load the model and encode in a thread while the lexical features are built.
        texts = [c.text for c in (*ref, *par)]
        one_blas_thread.enter_context(_one_blas_thread())
        encoding = BackgroundEncoding(texts, cache).start()
    try:
        synonyms = load_synonyms(settings.synonyms_path or None)
        languages = []
        for criteria, wanted in (
            (ref, settings.reference_language),
            (par, settings.partner_language),
        ):
            languages.append(
                wanted if wanted != "auto" else _side_language(tuple(c.text for c in criteria))
            )
        sides = build_features(
            [(ref, _analyzer(languages[0], synonyms)), (par, _analyzer(languages[1], synonyms))],
            settings,
        )
    except BaseException:
        if encoding is not None:
            encoding.stop()
        one_blas_thread.close()
        raise
    notices: list[str] = []
    weights = settings.weights_for(cross_language=languages[0] != languages[1])
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
            one_blas_thread.close()
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
