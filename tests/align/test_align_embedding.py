"""The sentence-encoder channel: lazy verified load, cache by text hash, lexical fallback."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from criteria_compare.align import AlignerSettings, MemoryEmbeddingCache, align, embedding
from criteria_compare.align.embedding import EmbeddingCache, cache_key, embed
from criteria_compare.errors import Cancelled
from criteria_compare.model import Criterion


class _CountingEncoder:
    """A stand-in encoder: deterministic vectors, counts what it was asked to encode."""

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts):
        self.encoded.extend(texts)
        out = np.zeros((len(texts), embedding.ENCODER_DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, hash(t) % embedding.ENCODER_DIM] = 1.0
        return out


def test_unavailable_encoder_gives_one_notice_and_lexical_results(
    broken_encoder, reference, partner, expected
) -> None:
    """When the encoder cannot load, exactly one notice says so and lexical ranking still works."""
    result = align(reference, partner)
    assert len(result.notices) == 1
    assert result.notices[0].startswith("sentence encoder unavailable (")
    assert result.notices[0].endswith("; using lexical channels only")
    assert "embedding" not in result.channels
    assert {r: s[0].target_ref for r, s in result.forward.items()} == expected
    assert all("embedding" not in s.evidence.channels for s in result.forward["1.1"])


def test_no_embedding_setting_skips_the_encoder_silently(
    broken_encoder, reference, partner
) -> None:
    """Turning the encoder off is not a failure: no notice."""
    result = align(reference, partner, AlignerSettings(use_embedding=False))
    assert result.notices == ()


def test_wrong_model_checksum_is_refused(monkeypatch, tmp_path) -> None:
    """A model file whose SHA-256 differs from the recorded one makes the encoder unavailable."""
    monkeypatch.setitem(embedding.MODEL_SHA256, "sp.model", "0" * 64)
    with pytest.raises(embedding.EncoderUnavailable, match="checksum"):
        embedding._load()


def test_wrong_package_version_is_refused(monkeypatch) -> None:
    """Another version of the encoder package is not used."""
    monkeypatch.setattr(embedding, "ENCODER_VERSION", "9.9.9")
    with pytest.raises(embedding.EncoderUnavailable, match=r"9\.9\.9 is required"):
        embedding._load()


def test_cache_key_ignores_spacing_but_not_words() -> None:
    """Keys depend on the normalised text only."""
    assert cache_key("Seal  the\ncontainer") == cache_key("Seal the container")
    assert cache_key("Seal the container") != cache_key("Seal the trailer")


def test_embed_encodes_each_text_once_and_reuses_the_cache() -> None:
    """Duplicates are encoded once; a second call with the same cache encodes nothing."""
    cache = MemoryEmbeddingCache()
    assert isinstance(cache, EmbeddingCache)
    encoder = _CountingEncoder()
    first = embed(["a b", "c d", "a  b"], encoder, cache)
    assert encoder.encoded == ["a b", "c d"]
    assert np.array_equal(first[0], first[2])
    again = embed(["c d", "a b"], encoder, cache)
    assert encoder.encoded == ["a b", "c d"]
    assert np.array_equal(again[0], first[1])


def test_realign_with_cache_encodes_nothing(monkeypatch, reference, partner) -> None:
    """Re-aligning unchanged criteria with the same cache does not call the encoder again."""
    encoder = _CountingEncoder()
    monkeypatch.setattr(embedding, "_LOADED", encoder)
    monkeypatch.setattr(embedding, "_FAILED", None)
    cache = MemoryEmbeddingCache()
    first = align(reference, partner, cache=cache)
    assert "embedding" in first.channels
    assert len(encoder.encoded) == 9
    second = align(reference, partner, cache=cache)
    assert len(encoder.encoded) == 9
    assert second.forward == first.forward


@pytest.mark.slow
def test_real_encoder_matches_across_languages() -> None:
    """The bundled encoder loads, passes its checksum and pairs Spanish with English criteria."""
    reference = (
        Criterion("1", "Visitors must show photo identification at the entrance."),
        Criterion("2", "Passwords must be changed regularly."),
        Criterion("3", "Containers must be inspected before loading."),
    )
    partner = (
        Criterion("a", "Las contraseñas deben cambiarse con regularidad."),
        Criterion("b", "Los contenedores se inspeccionan antes de la carga."),
        Criterion("c", "Los visitantes presentan una identificación con fotografía en la entrada."),
    )
    result = align(reference, partner, AlignerSettings(synonyms_path=""))
    assert result.notices == ()
    assert result.languages == ("english", "spanish")
    assert {r: s[0].target_ref for r, s in result.forward.items()} == {"1": "c", "2": "a", "3": "b"}


class _ThreadCheckingCache(MemoryEmbeddingCache):
    """Records the threads that read and write it (a SQLite-backed cache must stay on one)."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[int] = set()

    def get(self, keys):
        self.threads.add(threading.get_ident())
        return super().get(keys)

    def put(self, items):
        self.threads.add(threading.get_ident())
        super().put(items)


def test_cache_is_used_only_on_the_calling_thread(monkeypatch, reference, partner) -> None:
    """Encoding runs in the background, but the cache is read and written by the caller's thread."""
    monkeypatch.setattr(embedding, "_LOADED", _CountingEncoder())
    monkeypatch.setattr(embedding, "_FAILED", None)
    cache = _ThreadCheckingCache()
    align(reference, partner, cache=cache)
    assert cache.threads == {threading.get_ident()}
    assert len(cache) == 9


def test_cancel_while_encoding_stops_cleanly(monkeypatch, reference, partner) -> None:
    """A cancel request during encoding raises Cancelled and leaves nothing half-stored."""
    monkeypatch.setattr(embedding, "_LOADED", _CountingEncoder())
    monkeypatch.setattr(embedding, "_FAILED", None)
    cache = MemoryEmbeddingCache()
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 1  # let "Preparing texts" pass, stop at the next check

    with pytest.raises(Cancelled):
        align(reference, partner, cache=cache, cancel=cancel)
    assert len(cache) == 0
