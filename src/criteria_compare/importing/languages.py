"""Translations in side columns (``description[fr]``, ``name (es)``): which languages a sheet holds.

A header that ends in a language code in brackets or parentheses names a
translation of the column with the same name: ``description[fr]`` is the French
``description``. The untagged columns are in the file's own language, from its
metadata (``locale``) or guessed from the text. One language is imported; the
others are named in a notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from criteria_compare.importing.result import ImportResult

__all__ = [
    "LANGUAGE_NAMES",
    "guess_language",
    "language_label",
    "normalise_locale",
    "split_language",
    "text_language",
]

#: ISO 639-1 codes the importer names in its messages and the wizard offers.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
    "ro": "Romanian",
    "sv": "Swedish",
    "da": "Danish",
    "fi": "Finnish",
    "el": "Greek",
    "hu": "Hungarian",
    "ar": "Arabic",
    "ja": "Japanese",
    "ko": "Korean",
    "zh": "Chinese",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ru": "Russian",
}

_TAG = re.compile(r"^(.*?\S)\s*[\[(]\s*([A-Za-z]{2})(?:[-_][A-Za-z]{2,4})?\s*[\])]\s*$")
# the aligner's detector speaks language names; the importer speaks codes
_CODE_OF = {
    "english": "en",
    "spanish": "es",
    "french": "fr",
    "german": "de",
    "portuguese": "pt",
    "italian": "it",
    "dutch": "nl",
}


def split_language(header: str) -> tuple[str, str | None]:
    """``("description", "fr")`` for ``description[fr]``; ``(header, None)`` for an untagged one.

    Only known language codes count, so ``Level (M)`` or ``Notes (EN/FR)`` stay untagged.
    """
    match = _TAG.match(header.strip())
    if match is None:
        return header, None
    code = match.group(2).lower()
    if code not in LANGUAGE_NAMES:
        return header, None
    return match.group(1), code


def language_label(code: str) -> str:
    """``"French (fr)"``; an unknown code as itself."""
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


def normalise_locale(value: str) -> str | None:
    """``"fr"`` from a metadata locale such as ``fr``, ``fr-FR`` or ``French``; None if unknown."""
    text = value.strip().lower().replace("_", "-")
    code = text.split("-", 1)[0]
    if code in LANGUAGE_NAMES:
        return code
    for known, name in LANGUAGE_NAMES.items():
        if name.lower() == text:
            return known
    return None


def guess_language(texts: Iterable[str]) -> str | None:
    """The language code most of ``texts`` read in, by their stop words; None if none is clear."""
    from criteria_compare.align.stopwords import detect_language  # only for translated sheets

    words = [w for text in texts for w in re.findall(r"[^\W\d_]+", text.casefold())]
    if len(words) < 5:
        return None
    found = detect_language(words, default="")
    return _CODE_OF.get(found)


def text_language(result: ImportResult) -> str | None:
    """The language an import's text is in: the one chosen or declared, else a guess from it."""
    if result.language:
        return result.language
    return guess_language(c.text for c in result.criteria[:_GUESS_CRITERIA])


_GUESS_CRITERIA = 60
