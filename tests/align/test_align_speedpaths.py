"""The fast scoring paths: every-pair products, vectorised fusion and selection, settings migration."""

from __future__ import annotations

import numpy as np
import pytest

from criteria_compare.align import AlignerSettings, align
from criteria_compare.align.analyze import Analyzer
from criteria_compare.align.features import build_features
from criteria_compare.align.fusion import fuse, select_top
from criteria_compare.align.products import all_pairs
from criteria_compare.align.sparse import dense_block, stable_order, unique_inverse
from criteria_compare.model import Criterion

LEXICAL = AlignerSettings(use_embedding=False)


def _many(n: int, seed: int, prefix: str) -> tuple[Criterion, ...]:
    rng = np.random.default_rng(seed)
    words = [
        "seal",
        "cargo",
        "gate",
        "badge",
        "fence",
        "camera",
        "staff",
        "visitor",
        "audit",
        "record",
        "alarm",
        "lock",
        "key",
    ]
    return tuple(
        Criterion(f"{prefix}{i}", " ".join(rng.choice(words, size=int(rng.integers(3, 9)))))
        for i in range(n)
    )


def test_every_pair_products_equal_postings_products() -> None:
    """Mixing BLAS over frequent columns with postings over rare ones gives the same scores."""
    ref, par = build_features(
        [(_many(40, 1, "r"), Analyzer("english")), (_many(60, 2, "p"), Analyzer("english"))],
        LEXICAL,
    )
    for q_attr, d_attr in (("tfidf", "tfidf"), ("char", "char"), ("stems_tf", "bm25_docs")):
        expected = dense_block(getattr(ref, q_attr), 0, 40, par.postings(d_attr), 60)
        got = all_pairs(
            getattr(ref, q_attr),
            getattr(par, d_attr),
            par.postings(d_attr),
            ref.doc_freq(q_attr),
            par.doc_freq(d_attr),
        )
        assert got.shape == (40, 60)
        assert np.allclose(got, expected, atol=1e-5)


def test_fusion_normalises_each_row_and_skips_invalid_cells() -> None:
    """The fused score of a cell is the weighted mean of its row-normalised channel scores."""
    a = np.array([[0.2, 0.6, 1.0], [0.5, 0.5, 0.5]], dtype=np.float32)
    b = np.array([[0.0, 1.0, 0.5], [0.1, 0.3, 0.2]], dtype=np.float32)
    block = fuse({"a": a, "b": b}, {"a": 1.0, "b": 3.0}, None)
    rows, cols = np.array([0, 0, 0, 1, 1, 1]), np.array([0, 1, 2, 0, 1, 2])
    scores = block.fused(block.normalized(rows, cols))
    # Row 0: a -> 0, .5, 1; b -> 0, 1, .5.  Row 1: a has no spread (0); b -> 0, 1, .5.
    assert scores.tolist() == pytest.approx([0.0, 0.875, 0.625, 0.0, 0.75, 0.375])
    valid = np.array([[True, False, True], [True, True, True]])
    masked = fuse({"a": a, "b": b}, {"a": 1.0, "b": 3.0}, valid)
    assert select_top(masked.raw, 3)[0].tolist() == [2, 0, -1]


def test_selection_keeps_program_order_on_ties() -> None:
    """Equal keys are listed in column order, also when the cut falls inside a tie."""
    raw = np.array([[0.5, 0.9, 0.5, 0.5, 0.1, 0.5]], dtype=np.float32)
    assert select_top(raw, 3)[0].tolist() == [1, 0, 2]
    assert select_top(np.zeros((1, 8), dtype=np.float32), 2)[0].tolist() == [0, 1]


def test_old_stored_default_pair_limit_means_the_new_default() -> None:
    """A project saved with version 1's default limit gets today's default; a chosen one stays."""
    assert (
        AlignerSettings.from_dict({"version": 1, "full_pairs_limit": 250_000}) == AlignerSettings()
    )
    kept = AlignerSettings.from_dict({"version": 1, "full_pairs_limit": 1000})
    assert kept.full_pairs_limit == 1000


def test_block_spans_equal_spans_found_pair_by_pair(reference, partner) -> None:
    """Evidence spans computed for a block at once match those of one pair at a time."""
    from criteria_compare.align.explain import make_evidence
    from criteria_compare.align.synonyms import load_synonyms

    synonyms = load_synonyms()
    ref, par = build_features(
        [(reference, Analyzer("english", synonyms)), (partner, Analyzer("english", synonyms))],
        LEXICAL,
    )
    result = align(reference, partner, LEXICAL)
    rows = {c.ref: i for i, c in enumerate(reference)}
    cols = {c.ref: i for i, c in enumerate(partner)}
    checked = 0
    for ref_id, suggestions in result.forward.items():
        for s in suggestions:
            i, j = rows[ref_id], cols[s.target_ref]
            one = make_evidence(ref.texts[i], par.texts[j], {}, 0.0, False)
            assert (one.shared_terms, one.source_spans, one.target_spans) == (
                s.evidence.shared_terms,
                s.evidence.source_spans,
                s.evidence.target_spans,
            )
            checked += bool(one.source_spans)
    assert checked >= 4


def test_frequent_columns_split_keeps_pair_scores() -> None:
    """Dense frequent columns plus sparse rare ones score each pair as the whole matrix does."""
    from criteria_compare.align.products import split_frequent
    from criteria_compare.align.sparse import pair_block

    ref, par = build_features(
        [(_many(40, 5, "r"), Analyzer("english")), (_many(60, 6, "p"), Analyzer("english"))],
        LEXICAL,
    )
    cand = np.array([[0, 5, 59, -1]] * 40)
    scratch = np.full(ref.char.n_cols, -1)
    whole = pair_block(ref.char, 0, 40, par.char, cand, scratch)
    split = split_frequent([ref.char, par.char])
    assert split is not None
    (q_rare, d_rare), (q_dense, d_dense) = split
    assert q_rare.indices.size < ref.char.indices.size
    parts = pair_block(q_rare, 0, 40, d_rare, cand, scratch) + np.where(
        cand >= 0, np.einsum("ih,ich->ic", q_dense, d_dense[np.maximum(cand, 0)]), 0.0
    )
    assert np.allclose(parts, whole, atol=1e-5)


def _ranked_exactly(raw: np.ndarray, size: int) -> np.ndarray:
    """select_top by its definition: finite keys best first, ties in column order."""
    out = np.full((raw.shape[0], min(size, raw.shape[1])), -1, dtype=np.int64)
    for i, row in enumerate(raw):
        order = [int(j) for j in np.argsort(-row, kind="stable") if np.isfinite(row[j])]
        out[i, : len(order[:size])] = order[:size]
    return out


def test_wide_selection_equals_exact_ranking_with_ties_and_invalid_cells() -> None:
    rng = np.random.default_rng(3)
    for trial in range(300):
        rows, width, size = (
            int(rng.integers(1, 30)),
            int(rng.integers(1, 500)),
            int(rng.integers(1, 25)),
        )
        if trial % 3 == 0:
            raw = rng.integers(0, 4, (rows, width)).astype(np.float32)  # many ties
        else:
            raw = rng.random((rows, width)).astype(np.float32)
        raw[rng.random((rows, width)) < (0.95 if trial % 5 == 0 else 0.05)] = -np.inf
        raw[0, : width // 2] = -0.0 if trial % 2 else 0.0
        assert np.array_equal(select_top(raw, size), _ranked_exactly(raw, size))


def test_radix_sorts_equal_numpy_sorts() -> None:
    rng = np.random.default_rng(4)
    for bound in (1, 7, 65_536, 65_537, 1 << 20, 1 << 33):
        for n in (1, 50, 20_000):
            keys = rng.integers(0, bound, n)
            assert np.array_equal(stable_order(keys, bound), np.argsort(keys, kind="stable"))
            want_uniq, want_inverse = np.unique(keys, return_inverse=True)
            for given in (bound, None):
                uniq, inverse = unique_inverse(keys, given)
                assert np.array_equal(uniq, want_uniq)
                assert np.array_equal(inverse, want_inverse.reshape(-1))


def test_shortlist_top_keeps_the_set_a_whole_row_partition_keeps() -> None:
    """Mostly-zero rows partitioned over their positive values give the same candidates as a
    partition of the whole row, with ties at the cut and short rows included."""
    from criteria_compare.align.rank import _top

    rng = np.random.default_rng(7)
    for trial in range(200):
        n, width = int(rng.integers(1, 30)), int(rng.integers(2, 500))
        size = int(rng.integers(1, width + 1))
        values = rng.random((n, width))
        values[rng.random((n, width)) < rng.random()] = 0.0
        if trial % 3 == 0:
            values = np.round(values, 1)  # many equal values, some of them at the cut
        whole = np.argpartition(-values, size - 1, axis=1)[:, :size]
        fast = _top(values, size)
        assert [set(r) for r in fast.tolist()] == [set(r) for r in whole.tolist()], trial


def _in_one_thread(work, n_rows, block, before=None):  # type: ignore[no-untyped-def]
    for r0 in range(0, n_rows, block):
        if before is not None:
            before(r0)
        r1 = min(r0 + block, n_rows)
        yield r0, r1, work(r0, r1)


@pytest.mark.parametrize("pairs_limit", [0, 8_000_000])
def test_blocks_scored_in_worker_threads_give_the_one_thread_suggestions(
    monkeypatch, pairs_limit: int
) -> None:
    """Scoring the next blocks in worker threads changes no suggestion, in either direction,
    with pinned and rejected pairs, on the shortlist and the every-pair path."""
    from criteria_compare.align import rank

    ref, par = _many(150, 3, "r"), _many(220, 4, "p")
    settings = AlignerSettings(use_embedding=False, full_pairs_limit=pairs_limit, block_size=16)
    kwargs = {"pinned": [("r3", "p7"), ("r40", "p1")], "rejected": [("r5", "p5"), ("r6", "p0")]}
    threaded = align(ref, par, settings, **kwargs)
    monkeypatch.setattr(rank, "_in_order", _in_one_thread)
    alone = align(ref, par, settings, **kwargs)
    assert threaded.forward == alone.forward
    assert threaded.backward == alone.backward
    assert threaded.forward["r3"][0].target_ref == "p7"
    assert all(s.target_ref != "p5" for s in threaded.forward["r5"])


def test_a_cancel_between_blocks_stops_the_blocks_not_yet_started() -> None:
    """What the caller raises between blocks (a cancel) reaches it, and only the blocks
    already handed to the workers are scored."""
    from criteria_compare.align import rank
    from criteria_compare.errors import Cancelled

    scored: list[int] = []

    def work(r0: int, r1: int) -> int:
        scored.append(r0)
        return r1 - r0

    def before(r0: int) -> None:
        if r0 >= 20:
            raise Cancelled

    got: list[tuple[int, int, int]] = []
    with pytest.raises(Cancelled):
        got.extend(rank._in_order(work, 1000, 10, before))
    assert got == [(0, 10, 10), (10, 20, 10)]
    assert len(scored) <= 2 + rank._WORKERS
    assert sorted(scored) == list(range(0, 10 * len(scored), 10))
