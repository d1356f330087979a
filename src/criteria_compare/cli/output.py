"""What the CLI writes to the terminal: notices, progress, JSON, and text made safe to print.

Text from spreadsheets and project files is printed through ``visible`` so that an
escape sequence, a bell or a bidi override inside a cell cannot act on the terminal.
JSON on stdout is always valid UTF-8, whatever the locale's encoding.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections.abc import Mapping
from typing import Any

__all__ = ["Progress", "emit_json", "notice", "say", "visible"]

_BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Progress is redrawn at most this often (seconds), and always at 100 %.
_REDRAW = 0.25


def _escape(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def visible(text: str) -> str:
    """``text`` safe for a terminal: control characters (escape codes, bell, bidi overrides,
    undecodable bytes) are shown as ``\\x1b``-style escapes instead of acting on the terminal;
    newlines and tabs stay."""
    if text.isprintable():
        return text
    return "".join(
        _escape(ch)
        if (unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t") or ch in _BIDI_CONTROLS
        else ch
        for ch in text
    )


def say(text: str) -> None:
    """Print ``text`` (which may hold spreadsheet or project text) as a line on stdout."""
    print(visible(text))


def notice(message: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    print(f"criteria-compare: {visible(message)}", file=sys.stderr)


class Progress:
    """A progress callback drawing one line on stderr, only when it is a terminal, a few times a
    second; ``finish()`` clears the line."""

    def __init__(self) -> None:
        self._tty = sys.stderr.isatty()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int, message: str) -> None:
        if not self._tty:
            return
        now = time.monotonic()
        if now - self._last < _REDRAW and done < total:
            return
        self._last = now
        share = f" {100 * done // total:3d}%" if total else ""
        sys.stderr.write(f"\r\x1b[K{visible(message)}{share}")
        sys.stderr.flush()
        self._shown = True

    def finish(self) -> None:
        """Clear the progress line, if one was drawn."""
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False


def emit_json(data: Mapping[str, Any] | list[Any]) -> None:
    """Print ``data`` as indented JSON on stdout, as UTF-8 bytes.

    Non-ASCII text stays readable; a lone surrogate (an undecodable byte of a file
    name) is written as its ``\\udcXX`` escape, so the output is valid UTF-8.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
