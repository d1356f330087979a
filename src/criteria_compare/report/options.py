"""What the person exporting chooses: title, handling marking, page size, language, annex, author and date."""

from __future__ import annotations

import contextlib
import datetime as _dt
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from criteria_compare.errors import InvalidValue
from criteria_compare.report.i18n import check_language

__all__ = ["LETTER_COUNTRIES", "MAX_LENGTHS", "PAGE_SIZES", "ReportOptions", "default_page_size"]

PAGE_SIZES = ("A4", "letter")

#: Countries whose paper is US Letter (ISO 3166 codes); everywhere else uses A4.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "NI", "PA", "DO", "BZ"}
)


#: Country names as Windows spells them in a locale ("English_United States.1252").
_COUNTRY_NAMES = {
    "UNITED STATES": "US",
    "CANADA": "CA",
    "MEXICO": "MX",
    "PUERTO RICO": "PR",
    "PHILIPPINES": "PH",
    "CHILE": "CL",
    "COLOMBIA": "CO",
}


def _country(name: str) -> str:
    """ "en_US.UTF-8" -> "US", "English_United States.1252" -> "US"; "" when it names none."""
    base = name.split(".", 1)[0].split("@", 1)[0]
    for sep in ("_", "-"):
        if sep in base:
            country = base.split(sep, 1)[1].upper()
            return _COUNTRY_NAMES.get(country, country)
    return ""


def default_page_size(environ: Mapping[str, str] | None = None) -> str:
    """ "letter" where the user's locale uses US Letter (US, Canada, Mexico...), else "A4".

    The paper locale decides (``LC_ALL``, then ``LC_PAPER``, then ``LANG``; a
    locale naming no country, such as ``C.UTF-8``, means A4), or, when none of
    them is set, the system's locale.
    """
    env = os.environ if environ is None else environ
    names = [env.get(var, "") for var in ("LC_ALL", "LC_PAPER", "LANG") if env.get(var, "")]
    if not names and environ is None:  # Windows and macOS apps often have none of these set
        with contextlib.suppress(ValueError):
            names.append(locale.getlocale()[0] or "")
    for name in names:
        country = _country(name)
        if country:
            return "letter" if country in LETTER_COUNTRIES else "A4"
    return "A4"


#: Longest length of each text option: the cover and the running lines print them.
MAX_LENGTHS: Mapping[str, int] = {"title": 300, "marking": 120, "prepared_by": 200, "date": 60}
_CALLED = {
    "title": "report title",
    "marking": "handling marking",
    "prepared_by": '"Prepared by" line',
    "date": "report date",
}


def _today() -> str:
    return _dt.date.today().isoformat()


@dataclass(frozen=True)
class ReportOptions:
    """Options of one export; ``date`` defaults to today (ISO format), ``marking`` may be empty.

    ``page_size`` defaults to the locale's paper; ``language`` is the report's
    language (its own words; criteria and notes print as written); ``annex``
    adds the technical annex (aligner settings, net audit trail, import
    warnings); ``guidance`` prints the partner's own guidance under its criteria.
    """

    title: str = ""
    marking: str = ""
    page_size: str = field(default_factory=default_page_size)
    prepared_by: str = ""
    date: str = field(default_factory=_today)
    language: str = "en"
    annex: bool = False
    guidance: bool = True

    def __post_init__(self) -> None:
        normal = {p.lower(): p for p in PAGE_SIZES}.get(self.page_size.strip().lower())
        if normal is None:
            raise InvalidValue(
                f"Unknown page size {self.page_size!r}; choose one of {', '.join(PAGE_SIZES)}."
            )
        language = check_language(self.language)
        object.__setattr__(self, "page_size", normal)
        object.__setattr__(self, "language", language)
        if not self.title.strip():
            from criteria_compare.report.i18n import translator

            object.__setattr__(self, "title", translator(language)("title.default"))
        object.__setattr__(self, "title", self.title.strip())
        object.__setattr__(self, "marking", self.marking.strip())
        object.__setattr__(self, "prepared_by", self.prepared_by.strip())
        for name, limit in MAX_LENGTHS.items():
            value = " ".join(str(getattr(self, name)).split())
            if len(value) > limit:
                raise InvalidValue(
                    f"The {_CALLED[name]} is {len(value):,} characters long; "
                    f"use at most {limit} "
                    "(it is printed on the cover and in the running lines of every page)."
                )
