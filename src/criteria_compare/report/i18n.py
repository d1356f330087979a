"""The report's words in English, Spanish or French: one catalogue per language, one lookup.

Every label, heading and sentence the PDF prints comes from a catalogue
(:mod:`criteria_compare.report.catalogue`), keyed by a short id. Values are
paragraph markup with ``{name}`` fields; callers pass field values already
escaped. Criteria, notes and other user text are printed as written, never
translated. Counted sentences have ``KEY.one`` and ``KEY.many`` forms; French
uses the singular for 0 and 1, English and Spanish for 1 only.
"""

from __future__ import annotations

from dataclasses import dataclass

from criteria_compare.errors import InvalidValue
from criteria_compare.model import Relation, Stance, Status

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "Translator", "check_language", "translator"]

#: The report's languages (the WCO's working languages and Spanish).
LANGUAGES = ("en", "es", "fr")

#: Each language named in itself, for the export dialog's list.
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français"}


def check_language(code: str) -> str:
    """``code`` normalised ("EN" -> "en"), or one clear sentence naming the choices."""
    normal = code.strip().lower()
    if normal not in LANGUAGES:
        raise InvalidValue(
            f"Unknown report language {code!r}; choose one of {', '.join(LANGUAGES)}."
        )
    return normal


@dataclass(frozen=True)
class Translator:
    """Looks up the report's words in one language (falls back to English only for a bug)."""

    language: str
    messages: dict[str, str]
    fallback: dict[str, str]

    def __call__(self, key: str, /, **fields: object) -> str:
        template = self.messages.get(key)
        if template is None:
            template = self.fallback[key]  # a missing key is a bug; the catalogue test catches it
        return template.format(**fields) if fields else template

    def n(self, key: str, count: int, /, **fields: object) -> str:
        """The singular or plural form of ``key`` for ``count`` (``{n}`` holds the count)."""
        one = count == 1 or (self.language == "fr" and count == 0)
        return self(f"{key}.{'one' if one else 'many'}", n=count, **fields)

    def status(self, status: Status) -> str:
        return self(f"status.{status.value}")

    def status_short(self, status: Status) -> str:
        """The assessment's name where a table column is narrow."""
        key = f"status_short.{status.value}"
        return self(key) if key in self.fallback else self.status(status)

    def relation(self, relation: Relation) -> str:
        return self(f"relation.{relation.value}")

    def level(self, level: str) -> str:
        """ "Must", "Should" or "Unspecified" (the ReferenceRow.level words) in this language."""
        return self(f"level.{level.lower()}")

    def level_short(self, level: str) -> str:
        """The level's name where a column is narrow (the side-by-side ref column)."""
        return self(f"level_short.{level.lower()}")

    def stance(self, stance: Stance) -> str:
        return self(f"stance.{stance.value or 'blank'}")

    def stricter(self, side: str) -> str:
        """ "Partner", "Reference" or "See note" (:attr:`ReferenceRow.stricter_side`) in this
        language."""
        return self(f"stricter.{side.lower().replace(' ', '_')}")

    def action(self, action: str) -> str:
        """A history action ("status", "link", ...) in plain words of this language."""
        key = f"action.{action}"
        return self(key) if key in self.fallback else action.replace("_", " ")

    def history_value(self, action: str, value: str) -> str:
        """A history entry's old or new value in this language where it is one of our words
        (an assessment, a relation, a discussion flag); other values as recorded."""
        if action == "status":
            try:
                return self.status(Status(value))
            except ValueError:
                return value
        if action in ("link", "unlink"):
            try:
                return self.relation(Relation(value))
            except ValueError:
                return value
        if action == "discussion":
            return {"true": "✓", "1": "✓", "false": "", "0": ""}.get(value.lower(), value)
        return value

    def number(self, value: float, digits: int = 1) -> str:
        """``12.5`` as this language writes it (``12,5`` in Spanish and French)."""
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.language in ("es", "fr") else text

    def percent(self, value: float) -> str:
        sep = "\u00a0" if self.language in ("es", "fr") else " "
        return f"{self.number(value)}{sep}%"


def translator(language: str = "en") -> Translator:
    """The translator of ``language`` ("en", "es" or "fr")."""
    from criteria_compare.report.catalogue import CATALOGUES

    code = check_language(language)
    return Translator(code, CATALOGUES[code], CATALOGUES["en"])
