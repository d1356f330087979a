"""The report's catalogues: one module per language, each a table of message id -> markup.

``en`` is the reference: every other catalogue has exactly its ids and the same
``{fields}`` in each message (a test checks both).
"""

from __future__ import annotations

from criteria_compare.report.catalogue.en import MESSAGES as EN
from criteria_compare.report.catalogue.es import MESSAGES as ES
from criteria_compare.report.catalogue.fr import MESSAGES as FR

__all__ = ["CATALOGUES"]

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "es": ES, "fr": FR}
