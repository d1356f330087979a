"""Verdict-rule messages in the review screen's words (keys and controls, not command-line options)."""

from __future__ import annotations

import re

from criteria_compare.model import Status

__all__ = ["verdict_message", "without_cli_hints"]

_CLI_HINT = re.compile(r"\s*\((?:e\.g\.|for example)[^)]*--[^)]*\)")


def without_cli_hints(message: str) -> str:
    """``message`` without command-line examples such as "(e.g. --note '...')"."""
    return _CLI_HINT.sub("", message)


def verdict_message(ref: str, status: Status, note: str, links: int) -> str | None:
    """What to do when ``status`` is refused for ``ref`` (None when the rules allow it).

    Mirrors the core's verdict rules (project.rules), which stay the authority: this
    only words the refusal for someone using the keyboard and the verdict bar.
    """
    has_note = bool(note.strip())
    label = status.label
    if status in (Status.ALIGNED, Status.PARTIAL) and links == 0:
        return (
            f"{ref} cannot be {label} without a confirmed link: confirm a candidate with 1–5, "
            "or find one with / and press Enter, then choose the verdict again."
        )
    if status is Status.PARTIAL and not has_note:
        return (
            f"{ref} cannot be Partial without a note: press E, say what is missing and which "
            "side is stricter, then press P."
        )
    if status is Status.GAP and links > 0:
        s = "s" if links != 1 else ""
        return (
            f"{ref} cannot be a Gap while it has {links} confirmed link{s}: unlink {'them' if s else 'it'} "
            "first (the candidate's number key toggles its link), or choose Aligned or Partial."
        )
    if status is Status.CONFLICT and not has_note:
        return (
            f"{ref} cannot be a Conflict without a note: press E, say what the partner requires "
            "that is incompatible, then press C."
        )
    if status is Status.NOT_APPLICABLE and not has_note:
        return f"{ref} cannot be N/A without a reason: press E, give the reason, then press N."
    return None
