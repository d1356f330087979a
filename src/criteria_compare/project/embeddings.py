"""The aligner's embedding cache kept inside the project file (text hash -> float32 vector)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager

import numpy as np

__all__ = ["ProjectEmbeddingCache"]

_CHUNK = 500  # stay below SQLite's bound-parameter limit


class ProjectEmbeddingCache:
    """Implements ``criteria_compare.align.EmbeddingCache`` over the ``embeddings`` table.

    Vectors are stored little-endian float32. ``put`` on a read-only project is a
    no-op: the cache only saves time, never changes results.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        transaction: Callable[[], AbstractContextManager[sqlite3.Connection]],
        read_only: bool,
        lock: threading.RLock | None = None,
    ) -> None:
        self._lock = lock or threading.RLock()
        self._conn = conn
        self._transaction = transaction
        self._read_only = read_only

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors for those keys that are cached."""
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), _CHUNK):
            chunk = unique[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT key, dim, vector FROM embeddings WHERE key IN ({marks})", chunk
                ).fetchall()
            for key, dim, blob in rows:
                vector = np.frombuffer(blob, dtype="<f4")
                if vector.shape[0] == dim:
                    found[key] = vector.astype(np.float32, copy=True)
        return found

    def put(self, items: Mapping[str, np.ndarray]) -> None:
        """Store vectors (replacing any with the same key) in one transaction."""
        if self._read_only or not items:
            return
        rows = []
        for key, vector in items.items():
            arr = np.asarray(vector, dtype="<f4").ravel()
            rows.append((str(key), int(arr.shape[0]), arr.tobytes()))
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings (key, dim, vector) VALUES (?, ?, ?)", rows
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
