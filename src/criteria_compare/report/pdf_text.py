"""Small text helpers the PDF report's sections share: heading length, hashes and settings
(long texts are cut with ``wording.clipped``)."""

from __future__ import annotations

import json

__all__ = ["HEADING_CHARS", "format_setting", "spaced_hash"]

#: Longest section name a heading shows: a heading and its contents line cannot run across
#: pages, and a name longer than this is a paragraph imported into the section column.
HEADING_CHARS = 200


def spaced_hash(sha: str, missing: str = "not recorded") -> str:
    """A SHA-256 split in groups of 8 so it wraps cleanly in a narrow cell."""
    if not sha:
        return missing
    return " ".join(sha[i : i + 8] for i in range(0, len(sha), 8))


def format_setting(value: object) -> str:
    """An aligner setting as the annex prints it: floats short, containers as JSON."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))
    return str(value)
