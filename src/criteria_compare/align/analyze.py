"""Turns one side's texts into the terms the channels score: words, stems, synonym concepts, spans."""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import snowballstemmer

from criteria_compare.align.normalize import (
    MAX_CHARS,
    WORD_RE,
    cjk_pieces,
    fold_accents,
    normalize_word,
)
from criteria_compare.align.stopwords import STOP_WORDS, detect_language
from criteria_compare.align.synonyms import SynonymTable

__all__ = ["CONCEPT_PREFIX", "AnalyzedText", "Analyzer", "detect_side_language"]

#: Synonym concepts are extra terms named ``~concept`` so they never collide with a word.
CONCEPT_PREFIX = "~"
# Longest synonym phrase in terms (a CJK phrase counts one term per pair of characters).
_MAX_PHRASE = 32
_NO_IDS = np.zeros(0, dtype=np.int64)
# One shared tuple per distinct (start, end) span: texts have few distinct spans between them,
# and a new tuple per word of every text would be hundreds of thousands of objects for the
# garbage collector to pass over after each alignment of new texts.
_SPANS: dict[tuple[int, int], tuple[int, int]] = {}
_MAX_SPANS = 200_000
# Analysed texts an analyzer remembers, so re-aligning after a review decision (or with other
# settings) skips text preparation; a few KB each, oldest forgotten first.
_MAX_TEXTS = 8000


@dataclass(frozen=True)
class AnalyzedText:
    """The scored terms of one text, in text order.

    ``words`` (accent-folded, stop words removed) feed word TF-IDF, ``stems``
    feed BM25, both followed by synonym concepts; ``spans[i]`` is where
    ``stems[i]`` came from in the original text. The first ``n_plain`` words
    (the plain ones) feed the character n-gram channel.
    """

    words: tuple[str, ...]
    stems: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    positions: frozenset[str] = field(default=frozenset(), compare=False)
    """Every stem and synonym concept of the text (for evidence: which terms two texts share).
    A set rather than a map to spans: analysed texts are cached by the thousand, and fewer
    objects each keep the garbage collector's passes short."""
    ordered: tuple[str, ...] = field(default=(), compare=False)
    """The stems of ``positions`` by first occurrence in the text (for evidence)."""
    flat_spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    """Every span of every stem, sorted (for evidence); ``flat_stems[i]`` is its stem."""
    flat_stems: tuple[str, ...] = field(default=(), compare=False)
    overlapping: bool = field(default=False, compare=False)
    """Whether two spans of ``flat_spans`` overlap (a synonym phrase, a word giving two stems)."""
    terms: tuple[str, ...] = field(default=(), compare=False)
    """``terms[i]`` is how ``ordered[i]`` is shown as a shared term: a synonym concept's name,
    or the word as first written (casefolded)."""
    ids: np.ndarray = field(default_factory=lambda: _NO_IDS, compare=False, repr=False)
    """The terms as numbers of the analyzer's term table (see :meth:`Analyzer.names`), packed:
    ``words``, ``stems``, ``flat_stems``, then the starts and ends of ``flat_spans`` and the
    position in ``ordered`` of each flat stem. The feature matrices and evidence are built
    from these arrays, without a dictionary lookup per term."""
    n_plain: int = field(default=0, compare=False)
    """How many of ``words`` are plain words (the rest are synonym concepts)."""
    repeated_terms: bool = field(default=False, compare=False)
    """Whether two stems of ``ordered`` are shown as the same term (a concept named like a word)."""


def detect_side_language(texts: Iterable[str], limit: int = 5000) -> str:
    """Guess the language of a program from the stop words in (at most ``limit`` words of) its texts."""
    words: list[str] = []
    for text in texts:
        # Stop words are plain lowercase words: no need for full normalisation here.
        words.extend(WORD_RE.findall(text[:MAX_CHARS].casefold()))
        if len(words) >= limit:
            break
    return detect_language(words)


class Analyzer:
    """Text -> terms for one language: stop words, Snowball stems and the synonym table."""

    def __init__(self, language: str, synonyms: SynonymTable | None = None) -> None:
        self.language = language if language in STOP_WORDS else "english"
        self._stop = STOP_WORDS[self.language] | {
            fold_accents(w) for w in STOP_WORDS[self.language]
        }
        self._stemmer = snowballstemmer.stemmer(self.language)
        self._stem_lock = threading.Lock()
        self._texts: OrderedDict[str, AnalyzedText] = OrderedDict()
        self._stems: dict[str, str] = {}
        self._info: dict[str, tuple[str, str, bool]] = {}
        self._ids: dict[str, int] = {}
        self._names: list[str] = []
        self._ids_lock = threading.Lock()
        self._raw: dict[str, tuple[tuple[str, str, bool], ...]] = {}
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for concept, phrase in synonyms.phrases() if synonyms else ():
            stems = tuple(self.stem(w) for w in phrase)
            if not stems or len(stems) > _MAX_PHRASE:
                continue
            options = self._phrases.setdefault(stems[0], [])
            # Two phrases of one concept that stem alike (carga, cargo) are one phrase: listed
            # twice, every occurrence would count the concept twice.
            if (stems, CONCEPT_PREFIX + concept) not in options:
                options.append((stems, CONCEPT_PREFIX + concept))
        for options in self._phrases.values():
            options.sort(key=lambda item: (-len(item[0]), item[1]))

    def stem(self, word: str) -> str:
        """Snowball stem of a normalised word, accents folded afterwards."""
        stem = self._stems.get(word)
        if stem is None:
            with self._stem_lock:  # a Snowball stemmer keeps state while it works
                stem = fold_accents(self._stemmer.stemWord(word))
            self._stems[word] = stem
        return stem

    @property
    def cached_words(self) -> int:
        """How many raw words the per-word caches hold."""
        return len(self._raw)

    def names(self, ids: np.ndarray) -> list[str]:
        """The terms behind term-table numbers (``AnalyzedText.ids``)."""
        names = self._names
        return [names[i] for i in ids.tolist()]

    def _number(self, terms: list[str]) -> list[int | None]:
        """Term-table numbers of ``terms``, new terms numbered as they come."""
        ids, names = self._ids, self._names
        out = [ids.get(term) for term in terms]
        if None in out:
            with self._ids_lock:
                for i, term in enumerate(terms):
                    if out[i] is None:
                        got = ids.get(term)
                        if got is None:
                            got = ids[term] = len(names)
                            names.append(term)
                        out[i] = got
        return out

    def _word_info(self, word: str) -> tuple[str, str, bool]:
        """(accent-folded word, stem, kept?) of a normalised word, cached."""
        info = self._info.get(word)
        if info is None:
            folded = fold_accents(word)
            keep = not (folded in self._stop or word in self._stop or len(folded) < 2)
            info = self._info[word] = (folded, self.stem(word), keep)
        return info

    def _parts(self, raw: str) -> tuple[tuple[str, str, bool], ...]:
        """(folded, stem, kept?) of each normalised word in one raw word, cached."""
        parts = self._raw.get(raw)
        if parts is None:
            parts = self._raw[raw] = tuple(self._word_info(w) for w in normalize_word(raw))
        return parts

    def analyze(self, text: str) -> AnalyzedText:
        """Terms of ``text`` with their spans in it (the last ``_MAX_TEXTS`` texts are remembered)."""
        got = self._texts.get(text)
        if got is None:
            got = self._analyze(text)
            if len(self._texts) >= _MAX_TEXTS:
                with contextlib.suppress(KeyError):  # another thread emptied it first
                    self._texts.popitem(last=False)
            self._texts[text] = got
        return got

    def _analyze(self, text: str) -> AnalyzedText:
        words: list[str] = []
        kept_stems: list[str] = []
        spans: list[tuple[int, int]] = []
        positions: dict[str, list[tuple[int, int]]] = {}
        all_stems: list[str] = []
        all_spans: list[tuple[int, int]] = []
        parts_of = self._parts
        if len(_SPANS) > _MAX_SPANS:
            _SPANS.clear()
        shared_span = _SPANS.setdefault
        cached_parts = self._raw.get
        pieces: list[tuple[str, tuple[int, int]]] = []
        for match in WORD_RE.finditer(text[:MAX_CHARS]):
            raw = match.group()
            if raw.isascii():
                pieces.append((raw, match.span()))
            else:  # CJK runs become character pairs
                pieces.extend(cjk_pieces(raw, match.start()))
        for raw, span in pieces:
            parts = cached_parts(raw)
            if parts is None:
                parts = parts_of(raw)
            if not parts:
                continue
            span = shared_span(span, span)
            for folded, stem, keep in parts:
                all_stems.append(stem)
                all_spans.append(span)
                if keep:
                    words.append(folded)
                    kept_stems.append(stem)
                    spans.append(span)
                    got = positions.get(stem)
                    if got is None:
                        positions[stem] = [span]
                    else:
                        got.append(span)
        n_plain = len(words)
        if self._phrases:
            for concept, start, end in self._concepts(all_stems, all_spans):
                span = shared_span((start, end), (start, end))
                words.append(concept)
                kept_stems.append(concept)
                spans.append(span)
                positions.setdefault(concept, []).append(span)
        # Stems by first occurrence; a synonym concept starting at a word comes after that word.
        ordered = tuple(sorted(positions, key=positions.__getitem__))
        flat = sorted((span, stem) for stem, got in positions.items() for span in got)
        overlapping = any(flat[i][0][0] < flat[i - 1][0][1] for i in range(1, len(flat)))
        terms = tuple(
            stem[len(CONCEPT_PREFIX) :]
            if stem.startswith(CONCEPT_PREFIX)
            else text[positions[stem][0][0] : positions[stem][0][1]].casefold()
            for stem in ordered
        )
        flat_stems = [stem for _, stem in flat]
        numbers = self._number(words + kept_stems + flat_stems)
        numbers.extend([span[0] for span, _ in flat])
        numbers.extend([span[1] for span, _ in flat])
        rank = {stem: i for i, stem in enumerate(ordered)}
        numbers.extend([rank[stem] for stem in flat_stems])
        return AnalyzedText(
            tuple(words),
            tuple(kept_stems),
            tuple(spans),
            frozenset(positions),
            ordered,
            tuple(span for span, _ in flat),
            tuple(flat_stems),
            overlapping,
            terms,
            np.asarray(numbers, dtype=np.int64),
            n_plain,
            len(set(terms)) != len(terms),
        )

    def _concepts(
        self, stems: Sequence[str], spans: Sequence[tuple[int, int]]
    ) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        n = len(stems)
        phrases = self._phrases
        for i, first in enumerate(stems):
            options = phrases.get(first)
            if not options:
                continue
            for phrase, concept in options:
                m = len(phrase)
                if i + m <= n and tuple(stems[i : i + m]) == phrase:
                    found.append((concept, spans[i][0], spans[i + m - 1][1]))
        return found
