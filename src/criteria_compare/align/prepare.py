"""Preparing an alignment: checked criteria, each side's language and analyzer, the features.

Shared by ``align`` and ``refit`` so both see the same texts, terms and channel
values. Analyzers (with their per-word caches) and detected languages are kept
between calls, which makes a re-alignment's text preparation cheap.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from criteria_compare.align.analyze import Analyzer, detect_side_language
from criteria_compare.align.features import SideFeatures, build_features
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.synonyms import SynonymTable, load_synonyms
from criteria_compare.errors import InvalidValue
from criteria_compare.model import Criterion, Program

__all__ = ["build_sides", "checked_criteria", "no_cyclic_gc", "one_blas_thread", "side_languages"]


def checked_criteria(side: Program | Sequence[Criterion], name: str) -> tuple[Criterion, ...]:
    """The criteria of one side (``name`` for the message), refusing a ref held twice."""
    criteria = tuple(side.criteria) if isinstance(side, Program) else tuple(side)
    seen: set[str] = set()
    for c in criteria:
        if c.ref in seen:
            raise InvalidValue(
                f"The {name} criteria hold ref {c.ref!r} twice; make every ref unique and re-import."
            )
        seen.add(c.ref)
    return criteria


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
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
def one_blas_thread() -> Iterator[None]:
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
    """The kept analyzer of a language and synonym table (a new one when its caches grew big)."""
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


def side_languages(
    reference: Sequence[Criterion], partner: Sequence[Criterion], settings: AlignerSettings
) -> tuple[str, str]:
    """Each side's language: as set, or detected from its texts ("auto")."""
    found = []
    for criteria, wanted in (
        (reference, settings.reference_language),
        (partner, settings.partner_language),
    ):
        found.append(
            wanted if wanted != "auto" else _side_language(tuple(c.text for c in criteria))
        )
    return found[0], found[1]


def build_sides(
    reference: Sequence[Criterion],
    partner: Sequence[Criterion],
    settings: AlignerSettings,
    languages: tuple[str, str],
) -> list[SideFeatures]:
    """Both sides' channel features, analysed in their languages with the synonym table."""
    synonyms = load_synonyms(settings.synonyms_path or None)
    return build_features(
        [
            (reference, _analyzer(languages[0], synonyms)),
            (partner, _analyzer(languages[1], synonyms)),
        ],
        settings,
    )
