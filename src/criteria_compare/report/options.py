"""What the person exporting chooses: title, handling marking, page size, author and date."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from criteria_compare.errors import InvalidValue

__all__ = ["PAGE_SIZES", "ReportOptions"]

PAGE_SIZES = ("A4", "letter")


def _today() -> str:
    return _dt.date.today().isoformat()


@dataclass(frozen=True)
class ReportOptions:
    """Options of one export; ``date`` defaults to today (ISO format), ``marking`` may be empty."""

    title: str = "Compatibility report"
    marking: str = ""
    page_size: str = "A4"
    prepared_by: str = ""
    date: str = field(default_factory=_today)

    def __post_init__(self) -> None:
        normal = {p.lower(): p for p in PAGE_SIZES}.get(self.page_size.strip().lower())
        if normal is None:
            raise InvalidValue(
                f"Unknown page size {self.page_size!r}; choose one of {', '.join(PAGE_SIZES)}."
            )
        object.__setattr__(self, "page_size", normal)
        object.__setattr__(self, "title", self.title.strip() or "Compatibility report")
        object.__setattr__(self, "marking", self.marking.strip())
        object.__setattr__(self, "prepared_by", self.prepared_by.strip())
