"""Text preparation: NFKC, casefold, numbering and punctuation stripped, tokens that keep offsets.

Every token remembers the ``(start, end)`` characters it came from in the
original text, so the words the scorer matched can be highlighted there.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "MAX_CHARS",
    "WORD_RE",
    "Token",
    "cjk_pieces",
    "fold_accents",
    "normalize_text",
    "normalize_word",
    "text_key",
    "tokenize",
]

# A word: letters/digits (not "_") with any combining marks that follow them.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
# Whatever is not part of a WORD_RE word (one substitution is twice as fast as findall + join).
_KEY_SEPARATORS = re.compile(rf"[^\w{_MARKS}]+|_+")
#: Longest text looked at; longer texts are cut (criteria are a few hundred characters).
MAX_CHARS = 20_000
# Scripts written without spaces between words (Han, kana, CJK compatibility) and Hangul, whose
# words carry their particles: their runs are cut into overlapping character pairs.
_CJK_RUN = re.compile(
    "[\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003ffff]+"
)


def cjk_pieces(raw: str, start: int) -> list[tuple[str, tuple[int, int]]]:
    """The pieces of a word ``raw`` found at ``start``, with their spans: itself when it holds
    no CJK or Hangul character, else its other parts as they are and each CJK run as
    overlapping character pairs (``封印番号`` -> ``封印``, ``印番``, ``番号``; a lone character
    stays one piece). Chinese and Japanese put no space between words, so a whole sentence
    would otherwise be one word."""
    if raw.isascii() or _CJK_RUN.search(raw) is None:
        return [(raw, (start, start + len(raw)))]
    out: list[tuple[str, tuple[int, int]]] = []
    at = 0
    for run in _CJK_RUN.finditer(raw):
        a, b = run.span()
        if a > at:
            out.append((raw[at:a], (start + at, start + a)))
        if b - a == 1:
            out.append((raw[a:b], (start + a, start + b)))
        out.extend((raw[i : i + 2], (start + i, start + i + 2)) for i in range(a, b - 1))
        at = b
    if at < len(raw):
        out.append((raw[at:], (start + at, start + len(raw))))
    return out


class Token(NamedTuple):
    """One normalised word and the span ``text[start:end]`` it came from."""

    word: str
    start: int
    end: int


@lru_cache(maxsize=200_000)
def normalize_word(raw: str) -> tuple[str, ...]:
    """NFKC + casefold one raw word until stable; split again if that produced separators
    or CJK characters (a compatibility ideograph becomes an ordinary one).

    Pure numbers (list numbering, refs) are dropped, so the result may be empty.
    """
    parts = [raw]
    for _ in range(6):
        new: list[str] = []
        for part in parts:
            folded = unicodedata.normalize("NFKC", part).casefold()
            for word in WORD_RE.findall(folded):
                new.extend(piece for piece, _ in cjk_pieces(word, 0))
        if new == parts:
            break
        parts = new
    return tuple(p for p in parts if not p.isdigit() and not p.isnumeric())


@lru_cache(maxsize=200_000)
def fold_accents(word: str) -> str:
    """``word`` without combining accents (``información`` -> ``informacion``)."""
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped) or word


def tokenize(text: str) -> list[Token]:
    """Normalised words of ``text`` with their offsets in the original string."""
    tokens: list[Token] = []
    append = tokens.append
    for match in WORD_RE.finditer(text[:MAX_CHARS]):
        for raw, (start, end) in cjk_pieces(match.group(), match.start()):
            for word in normalize_word(raw):
                append(Token(word, start, end))
    return tokens


def normalize_text(text: str) -> str:
    """NFKC, casefolded, numbering and punctuation stripped, single-spaced (idempotent)."""
    return " ".join(t.word for t in tokenize(text))


def text_key(text: str) -> str:
    """``text`` as compared for "the same text": NFKC, casefolded, single-spaced words, no
    punctuation, numbers kept (``within 30 days`` is not ``within 60 days``)."""
    return _KEY_SEPARATORS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
