"""A size budget on the compressed streams of a PDF being imported (a flate and LZW bomb guard).

pdfminer.six inflates a page's content stream whole with ``zlib.decompress`` (or its
LZW decoder) and has no limit, so a 50 MB PDF could inflate to gigabytes. While ``budget()`` is active, the
``zlib`` that pdfminer's stream decoder uses inflates at most what the import limits allow:
``max_uncompressed_bytes`` in all, and no more than ``max_compression_ratio`` times the
file's size once past ``ratio_floor_bytes`` (the same rules as a workbook's zip parts).
LZW streams are decoded chunk by chunk against the same budget. Outside a budget (any
other use of pdfminer) both are pdfminer's own.
"""

from __future__ import annotations

import contextvars
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.result import ImportLimits

__all__ = ["budget", "install"]

_MIB = 1024 * 1024


class _Budget:
    """What the streams of one PDF may still inflate to."""

    def __init__(self, name: str, size: int, limits: ImportLimits) -> None:
        self.name, self.size = name, size
        by_ratio = max(limits.ratio_floor_bytes, int(size * limits.max_compression_ratio))
        self.cap = min(limits.max_uncompressed_bytes, by_ratio)
        self.total = 0

    def room(self) -> int:
        return max(self.cap - self.total, 0)

    def refuse(self) -> None:
        raise ImportFailed(
            f"{self.name} holds compressed page content that would unpack to more than "
            f"{self.cap / _MIB:.0f} MB from a {self.size / _MIB:.1f} MB file; it looks like a "
            "decompression bomb; refused."
        )


_CURRENT: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "pdf_stream_budget", default=None
)


class _Inflater:
    """zlib.decompressobj() whose output counts against the budget."""

    def __init__(self, inner: Any, budget: _Budget) -> None:
        self.inner, self.budget = inner, budget

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = self.budget.room()
        limit = room + 1 if not max_length else min(max_length, room + 1)
        out: bytes = self.inner.decompress(data, limit)
        if len(out) > room:
            self.budget.refuse()
        self.budget.total += len(out)
        return out

    def flush(self, *args: int) -> bytes:
        out: bytes = self.inner.flush(*args)
        if len(out) > self.budget.room():
            self.budget.refuse()
        self.budget.total += len(out)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class _BoundedZlib:
    """The names of ``zlib`` that pdfminer's stream decoder uses, bounded by the budget."""

    error = zlib.error

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        inner = zlib.decompressobj(*args, **kwargs)
        current = _CURRENT.get()
        return inner if current is None else _Inflater(inner, current)

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        current = _CURRENT.get()
        if current is None:
            return zlib.decompress(data, *args, **kwargs)
        inflater = _Inflater(zlib.decompressobj(), current)
        out = inflater.decompress(data)
        if not inflater.inner.eof:  # cut short: as zlib.decompress, so pdfminer's repair runs
            raise zlib.error("incomplete or truncated stream")
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _bounded_lzw(data: bytes) -> bytes:
    """pdfminer's ``lzwdecode``, its output counted against the budget as it is produced."""
    from pdfminer.lzw import LZWDecoder

    current = _CURRENT.get()
    chunks: list[bytes] = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        if current is not None:
            if len(chunk) > current.room():
                current.refuse()
            current.total += len(chunk)
        chunks.append(chunk)
    return b"".join(chunks)


def install() -> None:
    """Point pdfminer's stream decoders at the bounded ones (once; harmless without a budget)."""
    import pdfminer.pdftypes

    if not isinstance(pdfminer.pdftypes.zlib, _BoundedZlib):
        pdfminer.pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    pdfminer.pdftypes.lzwdecode = _bounded_lzw


@contextmanager
def budget(name: str, size: int, limits: ImportLimits) -> Iterator[None]:
    """Bound what the PDF's streams inflate to while the block runs."""
    install()
    token = _CURRENT.set(_Budget(name, size, limits))
    try:
        yield
    finally:
        _CURRENT.reset(token)
