"""A suggestion's evidence in plain words: what its band means, what each channel measures, which words it shares.

One place for the wording the review screen shows about scores (tooltips, the
"why" line, the evidence line), so the band's meaning can be swapped for a
calibrated one without touching the screen: :func:`band_words` words a band
by how often such suggestions were right (``align.calibration``). Every figure
is on the same 0–1 scale.

Highlights and shared-term lists keep only content words: the aligner matches
word stems, and a stem shared by "whenever" or "taken" in both texts is no
evidence a reviewer can use. A synonym match (the two texts use different words
of one concept from the synonym table) is shown as both words, "goods ≈ cargo",
never as the concept's name alone, which may be in neither text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from criteria_compare.align.calibration import band_meaning
from criteria_compare.align.stopwords import STOP_WORDS
from criteria_compare.model import Band, Evidence

__all__ = [
    "CHANNEL_WORDS",
    "SCALE_WORDS",
    "band_words",
    "chance_words",
    "channel_lines",
    "content_spans",
    "is_function_word",
    "shown_terms",
]

Spans = Sequence[tuple[int, int]]

#: What each channel measures, for a tooltip (name, explanation).
CHANNEL_WORDS: Mapping[str, tuple[str, str]] = {
    "tfidf": ("Same words", "how many of the words that set the two texts apart they share"),
    "bm25": ("Same word stems", "shared words, counting forms like seal/sealed as one"),
    "char": ("Similar spelling", "overlap of word fragments, which catches compounds and typos"),
    "embedding": ("Same meaning", "how close the two texts are in meaning, read as sentences"),
    "affinity": (
        "Related sections",
        "how often criteria of these two sections were confirmed as links",
    ),
    "token_set": ("Same set of words", "how much of the shorter text's words the other has"),
}

SCALE_WORDS = (
    "Every figure runs from 0 (nothing in common) to 1 (the same). The score is a weighted "
    "blend of the channels, so one channel at 1.00 beside a score of 0.46 means the texts "
    "agree on that kind of evidence only."
)

# Words that carry no subject matter, beyond the stop words the aligner already drops:
# connectives, auxiliaries and all-purpose verbs that two criteria share by chance.
_WEAK_WORDS = """
whenever wherever whatever whichever however therefore thereof therein hereby
also any every all each either neither both other others such same own
take takes taken taking took make makes made making ensure ensures ensured ensuring
use uses used using apply applies applied applying include includes included including
keep keeps kept get gets got give gives given provide provides provided providing
need needs needed must shall should may might will would can could cannot
within without upon among along across least less more most many much
well way ways relevant appropriate applicable necessary possible required require requires
"""
_WEAK = frozenset(_WEAK_WORDS.split())
_WORD = re.compile(r"\w+", re.UNICODE)


def band_words(band: Band) -> str:
    """What ``band`` means, in plain words (a tooltip's first lines): the calibrated meaning."""
    return band_meaning(band)


def chance_words(probability: float) -> str:
    """A calibrated chance of being right as a reviewer reads it: "6 in 10", "over 9 in 10".

    Shown beside the band, so that a raw score of 1.00 next to "Medium" explains itself
    (the band also weighs the lead over the next candidate and how many channels agree).
    """
    if probability >= 0.95:
        return "over 9 in 10"
    if probability < 0.05:
        return "under 1 in 10"
    # Rounded down, so the words never promise more than the band: High starts at 9 in 10.
    return f"{max(1, min(9, int(probability * 10)))} in 10"


def channel_lines(channels: Mapping[str, float]) -> list[str]:
    """One plain line per channel: "Same meaning 1.00 — how close the two texts are in meaning…"."""
    lines = []
    for name, value in channels.items():
        label, what = CHANNEL_WORDS.get(name, (name, ""))
        lines.append(f"{label} {value:.2f}" + (f" — {what}" if what else ""))
    return lines


def is_function_word(word: str) -> bool:
    """True for a word that is no evidence: a stop word in any language, an all-purpose word,
    a number or a one- or two-letter word."""
    w = word.casefold()
    if len(w) < 3 or w.isdigit() or w in _WEAK:
        return True
    return any(w in words for words in STOP_WORDS.values())


def content_spans(text: str, spans: Spans) -> tuple[tuple[int, int], ...]:
    """``spans`` without those covering only function words (what the screen highlights)."""
    out = []
    for start, end in spans:
        words = _WORD.findall(text[start:end])
        if words and not all(is_function_word(w) for w in words):
            out.append((start, end))
    return tuple(out)


def _words_at(text: str, spans: Spans) -> list[str]:
    seen: dict[str, None] = {}
    for start, end in spans:
        phrase = " ".join(_WORD.findall(text[start:end])).casefold()
        if phrase:
            seen.setdefault(phrase, None)
    return list(seen)


def _same(a: str, b: str) -> bool:
    """Two words of one stem, roughly as the aligner's stemmer matches them (seal/sealed, loading/loaded)."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(4, min(len(a), len(b)) - 3)


def _any_same(word: str, words: Sequence[str]) -> bool:
    return any(_same(word, w) for w in words)


def shown_terms(source: str, target: str, evidence: Evidence) -> tuple[str, ...]:
    """The shared terms as a reviewer can check them in the two texts.

    A term found (by its first letters, as the aligner's stems match) in the highlighted
    words of both texts is shown as it is, unless it is a function word. A term found in
    neither or only one (a synonym concept) is shown as the source's and the partner's
    words the match rests on, "goods ≈ cargo"; a term with nothing to show is left out.
    """
    src = [w for w in _words_at(source, evidence.source_spans) if not is_function_word(w)]
    tgt = [w for w in _words_at(target, evidence.target_spans) if not is_function_word(w)]
    plain = [w for w in src if _any_same(w, tgt)]
    src_left = [w for w in src if w not in plain]
    tgt_left = [w for w in tgt if not _any_same(w, src)]
    out: list[str] = []
    for term in evidence.shared_terms:
        if is_function_word(term) and " " not in term:
            continue
        word = next((w for w in plain if _same(w, term) or _same(term, w)), None)
        if word is not None:
            if word not in out:
                out.append(word)
        elif src_left and tgt_left:
            out.append(f"{src_left.pop(0)} ≈ {tgt_left.pop(0)}")
    out += [w for w in plain if w not in out]  # a matched word the term list names differently
    return tuple(out)
