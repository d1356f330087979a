"""Ranking one direction (query side -> document side): channels, fusion, bands, evidence.

Rows are processed a block at a time (the next blocks scored in worker threads while
the current one's suggestions are made). Small inputs score every pair; large
ones first shortlist candidates with the cheap channels (BM25 over less common
terms, the encoder when present) and re-score only those with every channel.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz, process, utils

from criteria_compare.align.affinity import AffinityChannel, SectionIndex, index_sections
from criteria_compare.align.calibration import bands as calibrated_bands
from criteria_compare.align.consensus import SPREAD_DEPTH, consensus_table, spread_counts
from criteria_compare.align.explain import Spans, make_evidence
from criteria_compare.align.features import SideFeatures
from criteria_compare.align.fusion import FusedBlock, fuse, select_top
from criteria_compare.align.hierarchy import lift_parents, parents_of
from criteria_compare.align.normalize import MAX_CHARS
from criteria_compare.align.products import all_pairs, split_frequent
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.spans import pair_spans, shared_evidence
from criteria_compare.align.sparse import dense_block, pair_block
from criteria_compare.model import Band, Evidence, Suggestion

__all__ = ["SharedScores", "rank_direction", "row_channels"]

#: Blocks scored ahead in worker threads while the current block's suggestions are made.
#: Scoring is mostly numpy, which releases the GIL, so on two cores or more the blocks'
#: scoring and the suggestions run side by side; more workers would only contend for it.
_WORKERS = 2

_T = TypeVar("_T")

_LEXICAL_PAIRS = (
    ("tfidf", "tfidf", "tfidf"),
    ("bm25", "stems_tf", "bm25_docs"),
    ("char", "char", "char"),
)


def _bands(
    scores: list[float],
    rounded: list[float],
    margins: list[float],
    channels: Mapping[str, np.ndarray],
    settings: AlignerSettings,
) -> list[Band]:
    """Each suggestion's band: calibrated from its rounded score, margin and channel scores
    (as its stored evidence has them), or by the score thresholds."""
    if settings.calibrated_bands:
        return calibrated_bands(np.asarray(rounded), np.asarray(margins), channels)
    return [
        Band.HIGH
        if score >= settings.band_high
        else Band.MEDIUM
        if score >= settings.band_medium
        else Band.LOW
        for score in scores
    ]


def _rows_minmax(values: np.ndarray) -> np.ndarray:
    lo = values.min(axis=1, keepdims=True)
    spread = values.max(axis=1, keepdims=True) - lo
    return np.where(spread > 1e-12, (values - lo) / np.where(spread > 1e-12, spread, 1.0), 0.0)


def _top(values: np.ndarray, size: int) -> np.ndarray:
    """The columns of each row's ``size`` largest values, in no particular order: exactly the
    set ``np.argpartition(-values, size - 1)[:, :size]`` gives (callers sort them).

    A shortlist row is mostly zeros (no rare term shared), and partitioning every column is
    the shortlist's largest cost on big programs. A row with at least ``size`` positive values
    is partitioned over those alone; that gives the same set unless the cut falls inside a run
    of equal values, and such rows (and rows with fewer positive values) are partitioned whole,
    as before.
    """
    n_rows, width = values.shape
    if size >= width:
        return np.argpartition(-values, size - 1, axis=1)[:, :size]
    out = np.empty((n_rows, size), dtype=np.int64)
    positive = values > 0
    many = np.count_nonzero(positive, axis=1) >= size * 2
    whole: list[int] = []
    for i in np.flatnonzero(many).tolist():
        cols = np.flatnonzero(positive[i])
        row = values[i, cols]
        picked = np.argpartition(-row, size - 1)[:size]
        cut = row[picked].min()
        # Equal values on both sides of the cut: which of them argpartition keeps depends on
        # the whole row's layout, so that row is done whole.
        if np.count_nonzero(row == cut) != np.count_nonzero(row[picked] == cut):
            whole.append(i)
            continue
        out[i] = cols[picked]
    rest = np.flatnonzero(~many).tolist() + whole
    if rest:
        out[rest] = np.argpartition(-values[rest], size - 1, axis=1)[:, :size]
    return out


def _shortlist(
    q: SideFeatures,
    d: SideFeatures,
    r0: int,
    r1: int,
    settings: AlignerSettings,
    term_mask: np.ndarray,
    emb_block: np.ndarray | None,
    weights: Mapping[str, float],
    pinned: Mapping[int, set[int]],
) -> np.ndarray:
    """Candidate document indices per row (sorted, padded with -1).

    The ``shortlist`` best by the cheap channels (BM25 over less common terms,
    fused with the encoder at the configured weights when present), plus the
    encoder's own best fifth of that number (paraphrases that share few words),
    plus pinned pairs.
    """
    n_d = len(d)
    size = min(settings.shortlist, n_d)
    cheap = dense_block(q.stems_tf, r0, r1, d.postings("bm25_docs"), n_d, term_mask)
    if emb_block is None:
        picks = [_top(cheap, size)]
    else:
        w_lex = weights.get("bm25", 0.0) or 1.0
        w_emb = weights.get("embedding", 0.0)
        fused = (w_lex * _rows_minmax(cheap) + w_emb * _rows_minmax(emb_block)) / (w_lex + w_emb)
        picks = [_top(fused, size), _top(emb_block, max(1, size // 5))]
    nb = r1 - r0
    extra = [sorted(pinned.get(r0 + i, ())) for i in range(nb)]
    room = max((len(e) for e in extra), default=0)
    chosen = np.full((nb, sum(p.shape[1] for p in picks) + room), n_d, dtype=np.int64)
    at = 0
    for p in picks:
        chosen[:, at : at + p.shape[1]] = p
        at += p.shape[1]
    for i, e in enumerate(extra):
        if e:
            chosen[i, at : at + len(e)] = e
    # Each row's distinct candidates in program order, padded with -1.
    chosen.sort(axis=1)
    chosen[:, 1:][chosen[:, 1:] == chosen[:, :-1]] = n_d
    chosen.sort(axis=1)
    width = max(int((chosen < n_d).sum(axis=1).max()), 1)
    cand = chosen[:, :width]
    cand[cand == n_d] = -1
    return np.ascontiguousarray(cand)


def rank_direction(
    q: SideFeatures,
    d: SideFeatures,
    settings: AlignerSettings,
    *,
    rejected: Mapping[int, set[int]],
    pinned: Mapping[int, set[int]],
    on_block: Callable[[int], None],
    shared: SharedScores | None = None,
    affinity: AffinityChannel | None = None,
    embedding_scale: float = 1.0,
) -> dict[str, tuple[Suggestion, ...]]:
    """Top-k suggestions from every ``q`` row to ``d`` rows (pinned first, rejected never).

    ``shared`` (one per alignment) lets the two directions share the scores of
    the symmetric channels (cosines), so each pair is scored once. ``affinity``
    (section affinity learned from confirmed links) is fused as the channel
    "affinity" when given and weighted. ``embedding_scale`` multiplies the
    encoder's weight (see ``AlignerSettings.weights_for``).
    """
    n_q, n_d = len(q), len(d)
    result: dict[str, tuple[Suggestion, ...]] = {}
    if n_q == 0:
        return result
    if n_d == 0:
        return {c.ref: () for c in q.criteria}
    use_emb = q.embeddings is not None and d.embeddings is not None
    weights = {
        name: w
        for name, w in settings.weights_for(
            cross_language=q.language != d.language, embedding_scale=embedding_scale
        ).items()
        if w > 0
        and (name != "embedding" or use_emb)
        and (name != "affinity" or affinity is not None)
    }
    full = n_q * n_d <= settings.full_pairs_limit
    block = settings.block_size
    scratch = threading.local()
    term_mask = None
    full_mats: dict[str, np.ndarray] = {}
    parents = None
    if full:
        full_mats = _full_matrices(q, d, weights, use_emb, shared)
        if settings.parent_lift > 0:
            parents = parents_of([c.ref for c in d.criteria])
    else:
        cap = max(settings.shortlist_max_df * n_d, settings.shortlist)
        term_mask = d.stems_tf.doc_freq() <= cap
        d.postings("bm25_docs")  # built once here, not by two workers at once
        if "char" in weights and q.char_dense is None and d.char_dense is None:
            # Once per alignment (both directions share the sides).
            split = split_frequent([q.char, d.char])
            if split is not None:
                (q.char, d.char), (q.char_dense, d.char_dense) = split

    def block_fused(r0: int, r1: int, lift: bool = True) -> tuple[np.ndarray, FusedBlock]:
        channels: dict[str, np.ndarray] = {}
        if full:
            cand = np.broadcast_to(np.arange(n_d, dtype=np.int64), (r1 - r0, n_d))
            channels = {name: np.ascontiguousarray(m[r0:r1]) for name, m in full_mats.items()}
            if parents is not None and lift:
                channels = {
                    name: lift_parents(m, parents, settings.parent_lift)
                    for name, m in channels.items()
                }
        else:
            assert term_mask is not None
            cand, channels = _shortlist_channels(
                q, d, r0, r1, settings, term_mask, weights, pinned, _own(scratch), shared
            )
        if "token_set" in weights:
            channels["token_set"] = _token_set(q, d, r0, r1, cand, full)
        if affinity is not None and "affinity" in weights:
            channels["affinity"] = affinity.block(r0, r1, None if full else cand)
        valid = None if full else cand >= 0
        for i in range(r1 - r0):
            bad = rejected.get(r0 + i)
            if bad:
                if valid is None:
                    valid = np.ones(cand.shape, dtype=bool)
                valid[i] &= ~np.isin(cand[i], list(bad))
        return cand, fuse(channels, weights, valid, optional=("affinity",))

    # Section consensus and spread (align.consensus), when every pair is scored.
    reranking = None
    if full and (settings.section_consensus > 0 or settings.section_spread > 0):
        doc_sections = index_sections(d.criteria)
        table = None
        if settings.section_consensus > 0:
            firsts = np.full(n_q, -1, dtype=np.int64)
            # Without the parent lift: a parent ranks just below its sub-item, in its section.
            unlifted = partial(block_fused, lift=False)
            for r0, r1, (_, first_fused) in _in_order(unlifted, n_q, block):
                best = np.argmax(first_fused.raw, axis=1)
                found = np.isfinite(first_fused.raw[np.arange(r1 - r0), best])
                firsts[r0:r1] = np.where(found, best, -1)
            table = consensus_table(firsts, index_sections(q.criteria), doc_sections)
        reranking = _Reranking(table, doc_sections, settings)
    for r0, _, (cand, fused) in _in_order(block_fused, n_q, block, on_block):
        result.update(
            _block_suggestions(q, d, r0, cand, fused, pinned, weights, settings, reranking)
        )
    on_block(n_q)
    return result


def _in_order(
    work: Callable[[int, int], _T],
    n_rows: int,
    block: int,
    before: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, int, _T]]:
    """``(r0, r1, work(r0, r1))`` for each block of rows, in order, the next blocks' ``work``
    running in worker threads meanwhile. ``before(r0)`` is called (in the caller's thread)
    before each block is waited for; what it raises (Cancelled) stops the work, and at most
    the blocks already running are finished."""
    bounds = [(r0, min(r0 + block, n_rows)) for r0 in range(0, n_rows, block)]
    with ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="align") as pool:
        pending = deque(pool.submit(work, *b) for b in bounds[:_WORKERS])
        try:
            for k, (r0, r1) in enumerate(bounds):
                if before is not None:
                    before(r0)
                done = pending.popleft().result()
                if k + _WORKERS < len(bounds):
                    pending.append(pool.submit(work, *bounds[k + _WORKERS]))
                yield r0, r1, done
        finally:
            for future in pending:
                future.cancel()


def _own(local: threading.local) -> dict[str, np.ndarray]:
    """This thread's scratch arrays (``pair_block`` writes into them while it works)."""
    mine: dict[str, np.ndarray] | None = getattr(local, "arrays", None)
    if mine is None:
        mine = local.arrays = {}
    return mine


@dataclass(frozen=True)
class _Boost:
    """A block's section consensus boost: a cell's boost is the consensus weight times the
    affinity of its candidate's section, ``scaled[row, section]``."""

    scaled: np.ndarray
    """(rows, document sections + 1) float64: the row's weight times its consensus table."""
    sections: np.ndarray
    """Each candidate's document section: (candidates,) when all rows share them, else
    (rows, candidates)."""
    divisor: np.ndarray
    """Per row 1 plus its weight (1 where the consensus says nothing)."""

    def keys(self) -> np.ndarray:
        """The boost of every cell of the block, as float32 (for the ranking keys)."""
        small = self.scaled.astype(np.float32)
        if self.sections.ndim == 1:
            return small[:, self.sections]
        out: np.ndarray = np.take_along_axis(small, self.sections, axis=1)
        return out

    def at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The boost (float64) of the cells (rows, positions among the candidates)."""
        sections = self.sections[cols] if self.sections.ndim == 1 else self.sections[rows, cols]
        out: np.ndarray = self.scaled[rows, sections]
        return out


class _Reranking:
    """Section consensus and spread of one direction (see ``align.consensus``): ``table`` is
    :func:`consensus_table` (None without consensus), ``document`` the document sections."""

    def __init__(
        self,
        table: np.ndarray | None,
        document: SectionIndex,
        settings: AlignerSettings,
    ) -> None:
        self.table = table
        self.document = document
        self.weight = settings.section_consensus if table is not None else 0.0
        self.penalty = settings.section_spread

    def boost(self, r0: int, cand: np.ndarray) -> _Boost | None:
        """The block's consensus boost (see :class:`_Boost`), or None when off."""
        if self.table is None or not self.weight:
            return None
        table = self.table[r0 : r0 + cand.shape[0]]
        weight = np.where(table.max(axis=1) > 0, self.weight, 0.0)
        if cand.strides[0] == 0:  # every row has the same candidates (every pair scored)
            sections = self.document.of_row[np.maximum(cand[0], 0)]
        else:
            sections = self.document.of_row[np.maximum(cand, 0)]
        return _Boost(weight[:, None] * table, sections, 1.0 + weight)

    def spread(
        self, raw: np.ndarray, cand: np.ndarray, size: int, divisor: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each row's ``size`` best picks after the section spread, and their spread counts
        (``raw`` is in score units times the rows' ``divisor``)."""
        picks = select_top(raw, max(SPREAD_DEPTH, size))
        docs = np.take_along_axis(cand, np.maximum(picks, 0), axis=1)
        sections = np.where(picks >= 0, self.document.of_row[docs], -1)
        counts = spread_counts(sections, self.document.none)
        keys = np.take_along_axis(raw, np.maximum(picks, 0), axis=1).astype(np.float64)
        scale = divisor[:, None] if divisor is not None else 1.0
        keys = np.where(picks >= 0, keys - self.penalty * scale * counts, -np.inf)
        order = np.argsort(-keys, axis=1, kind="stable")[:, :size]
        return np.take_along_axis(picks, order, axis=1), np.take_along_axis(counts, order, axis=1)


def _block_suggestions(
    q: SideFeatures,
    d: SideFeatures,
    r0: int,
    cand: np.ndarray,
    fused: FusedBlock,
    pinned: Mapping[int, set[int]],
    weights: Mapping[str, float],
    settings: AlignerSettings,
    reranking: _Reranking | None = None,
) -> dict[str, tuple[Suggestion, ...]]:
    """The suggestions of one block of rows, from its fused ranking keys (re-ranked by
    section consensus and spread when ``reranking`` is given)."""
    nb = cand.shape[0]
    raw = fused.raw
    boosted = reranking.boost(r0, cand) if reranking is not None else None
    if boosted is not None:
        raw = raw + boosted.keys()
    pinned_pos: dict[int, list[int]] = {}
    for i in range(nb):
        wanted = pinned.get(r0 + i)
        if wanted:
            found = np.flatnonzero(np.isin(cand[i], list(wanted)) & np.isfinite(raw[i]))
            if len(found):
                pinned_pos[i] = found.tolist()
    if pinned_pos:
        raw = raw.copy() if boosted is None else raw
        for i, where in pinned_pos.items():
            raw[i, where] = -np.inf
    # A few spare picks, so float32 ranking keys cannot push a near-tie out of the exact top k+1.
    spread = None
    if reranking is not None and reranking.penalty > 0:
        divisor = boosted.divisor if boosted is not None else None
        picks, spread = reranking.spread(raw, cand, settings.k + 3, divisor)
    else:
        picks = select_top(raw, settings.k + 3)
    # The block's cells: each row's pinned candidates, then its picks (positions in ``cand``).
    picked = picks >= 0
    cell_rows = np.nonzero(picked)[0]
    cell_cols = picks[picked]
    lowered = spread[picked].astype(np.float64) if spread is not None else np.zeros(len(cell_rows))
    is_pin = np.zeros(len(cell_rows), dtype=bool)
    if pinned_pos:
        pin_rows = [i for i, where in pinned_pos.items() for _ in where]
        pin_cols = [c for where in pinned_pos.values() for c in where]
        cell_rows = np.concatenate([np.asarray(pin_rows, dtype=np.int64), cell_rows])
        cell_cols = np.concatenate([np.asarray(pin_cols, dtype=np.int64), cell_cols])
        is_pin = np.concatenate([np.ones(len(pin_rows), dtype=bool), is_pin])
        lowered = np.concatenate([np.zeros(len(pin_rows)), lowered])
    norm = fused.normalized(cell_rows, cell_cols)
    scores = fused.fused(norm, cell_rows)
    if reranking is not None:
        if boosted is not None:
            scores = (scores + boosted.at(cell_rows, cell_cols)) / boosted.divisor[cell_rows]
        scores = np.round(np.maximum(scores - reranking.penalty * lowered, 0.0), 9)
    abs_w = {k: w for k, w in weights.items() if k in _ABSOLUTE}
    abs_total = sum(abs_w.values()) or 1.0
    overlap = np.zeros(len(cell_rows), dtype=np.float64)
    for name, weight in abs_w.items():
        overlap += weight * np.clip(fused.values[name][cell_rows, cell_cols], 0.0, 1.0)
    # Each row's cells: pinned first, then best first; equal scores keep program order
    # (candidates are in program order). The best cell overall sets the row's confidence.
    order = np.lexsort((cell_cols, -scores, ~is_pin, cell_rows))
    best = np.lexsort((cell_cols, -scores, cell_rows))
    rows_sorted = cell_rows[order]
    n_cells = np.bincount(cell_rows, minlength=nb)
    first = np.zeros(nb + 1, dtype=np.int64)
    np.cumsum(n_cells, out=first[1:])
    best_cell = best[first[:-1][n_cells > 0]]
    confidence = np.zeros(nb, dtype=np.float64)
    confidence[n_cells > 0] = np.minimum(
        1.0, (overlap[best_cell] / abs_total) / settings.confidence_saturation
    )
    rank0 = np.arange(len(order)) - first[rows_sorted]
    n_pin = np.bincount(cell_rows[is_pin], minlength=nb)
    shown = rank0 < np.maximum(n_pin, settings.k)[rows_sorted]
    final = scores[order] * confidence[rows_sorted]
    following = np.append(final[1:], 0.0)
    following[(rank0 + 1 >= n_cells[rows_sorted])] = 0.0
    cells = order[shown]
    pair_q = r0 + cell_rows[cells]
    pair_d = cand[cell_rows[cells], cell_cols[cells]]
    # Evidence spans of every suggestion of the block at once.
    spans: list[tuple[Spans, Spans]] | None = None
    shared_terms: list[tuple[str, ...]] | None = None
    if q.spans is not None and d.spans is not None and len(pair_q):
        q_spans, shared_terms = shared_evidence(q.spans, pair_q, d.spans, pair_d)
        spans = list(zip(q_spans, pair_spans(d.spans, pair_d, q.spans, pair_q), strict=True))
    # Rounded here for the whole block: the evidence shows channel scores to 4 decimals.
    channel_arrays = {name: np.round(v[cells], 4) for name, v in norm.items()}
    channel_lists = [(name, v.tolist()) for name, v in channel_arrays.items()]
    rows = pair_q.tolist()
    targets = pair_d.tolist()
    ranks = (rank0[shown] + 1).tolist()
    pins = (rank0[shown] < n_pin[rows_sorted[shown]]).tolist()
    values = final[shown].tolist()
    rounded = [round(v, 4) for v in values]
    margins = [round(v - n, 4) for v, n in zip(values, following[shown].tolist(), strict=True)]
    band_list = _bands(values, rounded, margins, channel_arrays, settings)
    q_criteria, d_criteria = q.criteria, d.criteria
    q_sections, d_sections = q.sections, d.sections
    made: list[Suggestion] = []
    for j, (row, target, margin) in enumerate(zip(rows, targets, margins, strict=True)):
        channels = {name: v[j] for name, v in channel_lists}
        section_match = not q_sections[row].isdisjoint(d_sections[target])
        if spans is None or shared_terms is None:
            evidence = make_evidence(q.texts[row], d.texts[target], channels, margin, section_match)
        elif shared_terms[j]:
            # make_evidence's result when the spans and terms are given (margins are rounded).
            pair = spans[j]
            evidence = Evidence(shared_terms[j], pair[0], pair[1], channels, margin, section_match)
        else:
            evidence = Evidence(channels=channels, margin=margin, section_match=section_match)
        made.append(
            Suggestion(
                q_criteria[row].ref,
                d_criteria[target].ref,
                ranks[j],
                rounded[j],
                band_list[j],
                evidence,
                pins[j],
            )
        )
    bounds = np.zeros(nb + 1, dtype=np.int64)
    np.cumsum(np.bincount(cell_rows[cells], minlength=nb), out=bounds[1:])
    at = bounds.tolist()
    by_row = [tuple(made[at[i] : at[i + 1]]) for i in range(nb)]
    return {q.criteria[r0 + i].ref: by_row[i] for i in range(nb)}


def _shortlist_channels(
    q: SideFeatures,
    d: SideFeatures,
    r0: int,
    r1: int,
    settings: AlignerSettings,
    term_mask: np.ndarray,
    weights: Mapping[str, float],
    pinned: Mapping[int, set[int]],
    scratch: dict[str, np.ndarray],
    shared: SharedScores | None,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The block's shortlisted candidates and their scores in every channel but token_set."""
    use_emb = "embedding" in weights
    emb_block = None
    if use_emb:
        emb_block = q.embeddings[r0:r1] @ d.embeddings.T  # type: ignore[index,union-attr]
    cand = _shortlist(q, d, r0, r1, settings, term_mask, emb_block, weights, pinned)
    channels: dict[str, np.ndarray] = {}
    for name, q_attr, d_attr in _LEXICAL_PAIRS:
        if name in weights:
            matrix = getattr(q, q_attr)
            if name not in scratch:
                scratch[name] = np.full(matrix.n_cols, -1, dtype=np.int64)
            found = None
            todo = cand
            if shared is not None and name in _SYMMETRIC:
                found, known = shared.lookup(q, d, r0, cand, name)
                todo = np.where(found, -1, cand)
            values = pair_block(matrix, r0, r1, getattr(d, d_attr), todo, scratch[name])
            if name == "char" and q.char_dense is not None and d.char_dense is not None:
                frequent = np.einsum(
                    "ih,ich->ic", q.char_dense[r0:r1], d.char_dense[np.maximum(todo, 0)]
                )
                values += np.where(todo >= 0, frequent, 0.0)
            if found is not None:
                values[found] = known[found]
            channels[name] = values
    if shared is not None:
        shared.add(q, d, r0, cand, channels)
    if emb_block is not None:
        channels["embedding"] = np.take_along_axis(emb_block, np.maximum(cand, 0), axis=1)
    return cand, channels


_SYMMETRIC = ("tfidf", "char", "embedding")
# Channels whose raw value (a cosine) says how strongly a pair overlaps, for the confidence.
_ABSOLUTE = ("tfidf", "char", "embedding")


class SharedScores:
    """Scores of the symmetric channels (cosines), shared by the two directions of one alignment.

    Full matrices (small inputs) are reused transposed; on the shortlist path
    the pairs one direction scored are looked up by the other, which then
    scores only the pairs it has not seen.
    """

    def __init__(self) -> None:
        self.full: dict[str, np.ndarray] = {}
        self._parts: dict[tuple[int, int], list[tuple[np.ndarray, dict[str, np.ndarray]]]] = {}
        self._index: dict[tuple[int, int], tuple[np.ndarray, dict[str, np.ndarray]]] = {}
        # Blocks are scored in worker threads (see _in_order).
        self._lock = threading.Lock()

    def add(
        self,
        q: SideFeatures,
        d: SideFeatures,
        r0: int,
        cand: np.ndarray,
        channels: Mapping[str, np.ndarray],
    ) -> None:
        """Remember the symmetric channel values of the block's candidate pairs."""
        if (id(d), id(q)) in self._index:  # the second direction: nobody will ask
            return
        valid = cand >= 0
        rows = np.broadcast_to(np.arange(r0, r0 + len(cand), dtype=np.int64)[:, None], cand.shape)
        keys = rows[valid] * len(d) + cand[valid]
        values = {n: np.asarray(v)[valid] for n, v in channels.items() if n in _SYMMETRIC}
        # In whatever order the workers finish: lookup sorts the (distinct) keys.
        with self._lock:
            self._parts.setdefault((id(q), id(d)), []).append((keys, values))

    @staticmethod
    def _sorted(
        parts: list[tuple[np.ndarray, dict[str, np.ndarray]]],
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """One direction's pairs as sorted keys and their values, for lookup."""
        if not parts:
            return np.zeros(0, dtype=np.int64), {}
        keys = np.concatenate([k for k, _ in parts])
        order = np.argsort(keys, kind="stable")
        names = parts[0][1].keys()
        values = {n: np.concatenate([v[n] for _, v in parts])[order] for n in names}
        return keys[order], values

    def lookup(
        self, q: SideFeatures, d: SideFeatures, r0: int, cand: np.ndarray, name: str
    ) -> tuple[np.ndarray, np.ndarray]:
        """(found mask, values) for ``cand`` pairs the other direction already scored."""
        other = (id(d), id(q))
        with self._lock:
            if other not in self._index:
                self._index[other] = self._sorted(self._parts.pop(other, []))
        keys, values = self._index[other]
        found = np.zeros(cand.shape, dtype=bool)
        out = np.zeros(cand.shape, dtype=np.float64)
        if not len(keys) or name not in values:
            return found, out
        # The other direction keyed its pairs as (its row) * len(q) + (its candidate).
        rows = np.arange(r0, r0 + len(cand), dtype=np.int64)[:, None]
        wanted = np.maximum(cand, 0) * len(q) + rows
        pos = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        found = (keys[pos] == wanted) & (cand >= 0)
        out[found] = values[name][pos[found]]
        return found, out


def _full_matrices(
    q: SideFeatures,
    d: SideFeatures,
    weights: Mapping[str, float],
    use_emb: bool,
    shared: SharedScores | None,
) -> dict[str, np.ndarray]:
    """Every channel's full (n_q, n_d) score matrix; symmetric ones shared with the other direction."""
    out: dict[str, np.ndarray] = {}
    store = shared.full if shared is not None else {}
    jobs = [(name, a, b) for name, a, b in _LEXICAL_PAIRS if name in weights]
    if use_emb:
        jobs.append(("embedding", "", ""))
    for name, q_attr, d_attr in jobs:
        key, other = f"{name}:{id(q)}:{id(d)}", f"{name}:{id(d)}:{id(q)}"
        if name in _SYMMETRIC and other in store:
            out[name] = store[other].T
            continue
        if name == "embedding":
            out[name] = q.embeddings @ d.embeddings.T  # type: ignore[union-attr]
        else:
            out[name] = _full_channel(q, d, q_attr, d_attr)
        _equal_for_twins(out[name], q, d)
        if name in _SYMMETRIC:
            store[key] = out[name]
    return out


def _equal_for_twins(scores: np.ndarray, q: SideFeatures, d: SideFeatures) -> None:
    """Give criteria with identical fields bit-identical scores (in place).

    A matrix product may sum two identical rows in a different order (BLAS
    tiles and threads), so twins could differ in the last bits and their order
    would follow rounding instead of program order.
    """
    twins, firsts = d.twins()
    if len(twins):
        scores[:, twins] = scores[:, firsts]
    twins, firsts = q.twins()
    if len(twins):
        scores[twins] = scores[firsts]


def _full_channel(q: SideFeatures, d: SideFeatures, q_attr: str, d_attr: str) -> np.ndarray:
    """Scores of every ``q`` row against every ``d`` row in one channel (float32)."""
    return all_pairs(
        getattr(q, q_attr),
        getattr(d, d_attr),
        d.postings(d_attr),
        q.doc_freq(q_attr),
        d.doc_freq(d_attr),
    )


def _token_set(
    q: SideFeatures, d: SideFeatures, r0: int, r1: int, cand: np.ndarray, full: bool
) -> np.ndarray:
    queries = [c.text[:MAX_CHARS] for c in q.criteria[r0:r1]]
    if full:
        choices = [c.text[:MAX_CHARS] for c in d.criteria]
        return (
            process.cdist(
                queries,
                choices,
                scorer=fuzz.token_set_ratio,
                processor=utils.default_process,
                dtype=np.float32,
            )
            / 100.0
        )
    out = np.zeros(cand.shape)
    for i, text in enumerate(queries):
        for j, t in enumerate(cand[i]):
            if t >= 0:
                out[i, j] = (
                    fuzz.token_set_ratio(
                        text, d.criteria[t].text[:MAX_CHARS], processor=utils.default_process
                    )
                    / 100.0
                )
    return out


# Cells of one block of full rows scored at once by row_channels (bounds its memory).
_ROW_CELLS = 2_000_000


def row_channels(
    q: SideFeatures,
    d: SideFeatures,
    settings: AlignerSettings,
    rows: Sequence[int],
    names: Sequence[str],
    on_block: Callable[[int], None] | None = None,
) -> dict[str, np.ndarray]:
    """Raw scores (len(rows), len(d)) of the chosen ``q`` rows against every ``d`` row.

    ``names`` picks channels among "tfidf", "bm25", "char", "embedding" (needs
    both sides' embeddings) and "token_set"; the values are the aligner's own
    (before per-row normalisation), for re-fitting the fusion weights. Small
    inputs use the full matrices of :func:`rank_direction`; larger ones score
    blocks of whole rows. ``on_block(done)`` runs between blocks.
    """
    n_q, n_d = len(q), len(d)
    picked = np.asarray(rows, dtype=np.int64)
    use_emb = "embedding" in names and q.embeddings is not None and d.embeddings is not None
    lexical = [(n, a, b) for n, a, b in _LEXICAL_PAIRS if n in names]
    out: dict[str, np.ndarray] = {}
    if n_q * n_d <= settings.full_pairs_limit:
        weights = {name: 1.0 for name, _, _ in lexical}
        full = _full_matrices(q, d, weights, use_emb, None)
        out = {name: np.asarray(m[picked], dtype=np.float64) for name, m in full.items()}
    else:
        for name, _, _ in lexical:
            out[name] = np.zeros((len(picked), n_d), dtype=np.float64)
        step = max(1, min(settings.block_size, _ROW_CELLS // max(n_d, 1)))
        for r0 in range(0, n_q, step):
            r1 = min(r0 + step, n_q)
            here = np.flatnonzero((picked >= r0) & (picked < r1))
            if not len(here):
                continue
            if on_block is not None:
                on_block(int(here[0]))
            for name, q_attr, d_attr in lexical:
                block = dense_block(getattr(q, q_attr), r0, r1, d.postings(d_attr), n_d)
                out[name][here] = block[picked[here] - r0]
        if use_emb:
            out["embedding"] = np.asarray(
                q.embeddings[picked] @ d.embeddings.T,  # type: ignore[index,union-attr]
                dtype=np.float64,
            )
    if "token_set" in names:
        cand = np.zeros((1, 0), dtype=np.int64)
        parts = [_token_set(q, d, int(r), int(r) + 1, cand, True) for r in picked]
        out["token_set"] = np.concatenate(parts).astype(np.float64) if parts else np.zeros((0, n_d))
    if on_block is not None:
        on_block(len(picked))
    return out
