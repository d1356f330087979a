"""Re-fitting one project's fusion weights from the links its reviewers confirmed.

The shipped setting is fixed (weights tuned on one crosswalk did worse on the
others than equal weights), so a project changes it only when its own
confirmed links show, on links held out from the fit, that other weights rank
them better. Method, chosen to generalise rather than to overfit:

1. Every channel's scores of the reference criteria that have a confirmed link,
   against every partner criterion, computed by the aligner's own code and
   min-max normalised over the whole row (rejected pairs left out, as in the
   aligner). Per row only the ``CANDIDATES`` best by the current weights and
   the confirmed targets are kept for ranking.
2. A small grid of weights: word TF-IDF, BM25 and character n-grams each in
   ``LEXICAL_GRID``; the sentence encoder (when it ran) in ``EMBEDDING_GRID``
   (``EMBEDDING_GRID_CROSS_LANGUAGE`` when the two programs' languages differ,
   where it stands for ``weight_embedding_cross_language``; both multiply the
   weight the programs' vocabulary overlap gives the encoder); section affinity
   in ``AFFINITY_GRID``; plus the current weights. ``weight_token_set`` is kept
   as it is. Weight vectors that are multiples of each other rank alike and
   are tried once. The pick maximises the mean reciprocal rank (MRR) of the
   confirmed targets; ties go to the weights closest to the current ones.
3. ``FOLDS``-fold cross-validation over the linked reference criteria (the
   i-th in program order falls in fold i mod ``FOLDS``): each fold learns the
   section affinity and picks the weights from the other folds only, then
   measures MRR and top-1 on its own criteria, beside the current weights on
   the same criteria (their affinity, when weighted, also learned from the
   other folds). While fitting, each criterion's affinity leaves out its own
   links, so a criterion cannot vote for its own answer.
4. The re-fit is adopted only with at least ``MIN_LINKS`` confirmed links over
   at least ``MIN_ROWS`` reference criteria, when the held-out MRR improves by
   at least ``MARGIN`` and more held-out criteria rank their link higher than
   lower (so one criterion's jump cannot carry it); the adopted weights are
   then the grid pick on all linked criteria. Deterministic: no random numbers
   anywhere.

Ranks here ignore pins and the confidence factor (a per-row constant) and count
every candidate kept (no depth cut), so the MRR can differ slightly from
``evaluate``'s.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from criteria_compare.align.aligner import encoder_notice
from criteria_compare.align.embedding import (
    EmbeddingCache,
    EncoderUnavailable,
    embed,
    encoder_input,
    load_encoder,
)
from criteria_compare.align.fitdata import linked_rows
from criteria_compare.align.overlap import vocabulary_overlap
from criteria_compare.align.prepare import (
    build_sides,
    checked_criteria,
    no_cyclic_gc,
    side_languages,
)
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.model import Criterion, Program
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

__all__ = [
    "AFFINITY_GRID",
    "CANDIDATES",
    "EMBEDDING_GRID",
    "EMBEDDING_GRID_CROSS_LANGUAGE",
    "FOLDS",
    "LEXICAL_GRID",
    "MARGIN",
    "MIN_LINKS",
    "MIN_ROWS",
    "RefitMetrics",
    "RefitResult",
    "refit",
]

#: Fewer confirmed links than this: no re-fit (too little evidence to beat the fixed setting).
MIN_LINKS = 20
#: Fewer linked reference criteria than this: no re-fit (cross-validation needs them).
MIN_ROWS = 10
#: Cross-validation folds.
FOLDS = 5
#: Held-out MRR must improve by at least this much for the re-fit to be adopted.
MARGIN = 0.01
#: Candidates kept per linked criterion (best by the current weights), besides its targets.
CANDIDATES = 200
LEXICAL_GRID = (0.0, 0.5, 1.0, 2.0)
EMBEDDING_GRID = (0.0, 0.25, 0.5, 1.0, 2.0)
EMBEDDING_GRID_CROSS_LANGUAGE = (0.0, 0.5, 1.0, 2.0)
AFFINITY_GRID = (0.0, 0.25, 0.5, 1.0)

_LEXICAL = ("tfidf", "bm25", "char")
_FIELDS = {
    "tfidf": "weight_tfidf",
    "bm25": "weight_bm25",
    "char": "weight_char",
    "affinity": "weight_affinity",
    "token_set": "weight_token_set",
}
_LABELS = {
    "tfidf": "word TF-IDF",
    "bm25": "BM25",
    "char": "character n-grams",
    "embedding": "the sentence encoder",
    "affinity": "section affinity",
    "token_set": "token-set similarity",
}
_TIE = 1e-9


@dataclass(frozen=True)
class RefitMetrics:
    """Held-out ranking quality of the confirmed links: top-1 and MRR over ``n`` criteria."""

    top1: float
    mrr: float
    n: int

    def to_dict(self) -> dict[str, float | int]:
        return {"top1": round(self.top1, 4), "mrr": round(self.mrr, 4), "n": self.n}


@dataclass(frozen=True)
class RefitResult:
    """What re-fitting found, and whether its weights are worth adopting.

    ``settings`` is the proposal: the re-fitted settings when ``adopted``, else
    the current ones unchanged. ``weights_after`` are the weights the grid
    picked on all linked criteria (shown even when not adopted). ``before`` and
    ``after`` are cross-validated (held-out) metrics of the current and the
    re-fitted weights; None when too few links were confirmed to measure.
    """

    settings: AlignerSettings
    adopted: bool
    n_links: int
    n_rows: int
    before: RefitMetrics | None
    after: RefitMetrics | None
    weights_before: Mapping[str, float]
    weights_after: Mapping[str, float]
    message: str
    notices: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (``settings`` as ``AlignerSettings.to_dict()``)."""
        return {
            "adopted": self.adopted,
            "message": self.message,
            "n_links": self.n_links,
            "n_rows": self.n_rows,
            "before": self.before.to_dict() if self.before is not None else None,
            "after": self.after.to_dict() if self.after is not None else None,
            "weights_before": dict(self.weights_before),
            "weights_after": dict(self.weights_after),
            "channels": list(self.channels),
            "notices": list(self.notices),
            "settings": self.settings.to_dict(),
        }


def _weights(settings: AlignerSettings, cross_language: bool) -> dict[str, float]:
    """The weights re-fitting may change (embedding = the one that applies to this project)."""
    w = settings.weights_for(cross_language=cross_language)
    return {name: w[name] for name in ("tfidf", "bm25", "char", "embedding", "affinity")}


def _with_weights(
    settings: AlignerSettings, weights: Mapping[str, float], cross_language: bool
) -> AlignerSettings:
    changes = {_FIELDS[n]: float(v) for n, v in weights.items() if n in _FIELDS}
    if "embedding" in weights and settings.use_embedding:
        key = "weight_embedding_cross_language" if cross_language else "weight_embedding"
        changes[key] = float(weights["embedding"])
    return settings.replace(**changes)


def _unchanged(
    settings: AlignerSettings,
    weights: dict[str, float],
    n_links: int,
    n_rows: int,
    message: str,
) -> RefitResult:
    return RefitResult(
        settings, False, n_links, n_rows, None, None, weights, dict(weights), message
    )


def refit(
    reference: Program | Sequence[Criterion],
    partner: Program | Sequence[Criterion],
    links: Iterable[tuple[str, str]],
    settings: AlignerSettings | None = None,
    *,
    rejected: Iterable[tuple[str, str]] = (),
    cache: EmbeddingCache | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> RefitResult:
    """Re-fit the channel weights (and section affinity) from confirmed (reference_ref,
    partner_ref) ``links``; see the module docstring. Never changes anything by itself.

    ``rejected`` pairs are never candidates. Raises Cancelled if ``cancel()`` turns True.
    """
    # As in align()'s ranking (numpy's default BLAS threads): the same channel values and ties.
    with no_cyclic_gc():
        return _refit(reference, partner, links, settings, rejected, cache, progress, cancel)


def _refit(
    reference: Program | Sequence[Criterion],
    partner: Program | Sequence[Criterion],
    links: Iterable[tuple[str, str]],
    settings: AlignerSettings | None,
    rejected: Iterable[tuple[str, str]],
    cache: EmbeddingCache | None,
    progress: ProgressCallback | None,
    cancel: CancelCheck | None,
) -> RefitResult:
    settings = settings or AlignerSettings()
    ref = checked_criteria(reference, "reference")
    par = checked_criteria(partner, "partner")
    ref_pos = {c.ref: i for i, c in enumerate(ref)}
    par_pos = {c.ref: i for i, c in enumerate(par)}
    bad = {(ref_pos[a], par_pos[b]) for a, b in rejected if a in ref_pos and b in par_pos}
    pairs = sorted(
        {(ref_pos[a], par_pos[b]) for a, b in links if a in ref_pos and b in par_pos} - bad
    )
    rows = sorted({r for r, _ in pairs})
    n_links, n_rows = len(pairs), len(rows)

    steps = FOLDS + 4
    done = 0

    def step(message: str) -> None:
        nonlocal done
        check_cancel(cancel)
        if progress is not None:
            progress(min(done, steps), steps, message)
        done += 1

    step("Preparing texts")
    languages = side_languages(ref, par, settings)
    cross = languages[0] != languages[1]
    before_weights = _weights(settings, cross)
    if n_links < MIN_LINKS:
        return _unchanged(
            settings,
            before_weights,
            n_links,
            n_rows,
            (
                f"Only {n_links} confirmed link{'s' if n_links != 1 else ''}"
                if n_links
                else "No confirmed links yet"
            )
            + f"; confirm at least {MIN_LINKS} before re-fitting.",
        )
    if n_rows < MIN_ROWS:
        return _unchanged(
            settings,
            before_weights,
            n_links,
            n_rows,
            f"The {n_links} confirmed links cover only {n_rows} reference criteria; "
            f"confirm links for at least {MIN_ROWS} before re-fitting.",
        )

    sides = build_sides(ref, par, settings, languages)
    notices: list[str] = []
    step("Encoding criteria")
    if settings.use_embedding:
        try:
            vectors = embed(
                [encoder_input(c) for c in (*ref, *par)],
                _LazyEncoder(),
                cache,
                on_batch=lambda _done, _total: check_cancel(cancel),
            )
            sides[0].embeddings, sides[1].embeddings = vectors[: len(ref)], vectors[len(ref) :]
        except EncoderUnavailable as exc:
            notices.append(encoder_notice(str(exc)))
    names = list(_LEXICAL)
    if sides[0].embeddings is not None:
        names.append("embedding")
    if settings.weight_token_set > 0:
        names.append("token_set")

    step("Scoring linked criteria")
    scale = (
        settings.embedding_weight_scale(vocabulary_overlap(sides[0], sides[1]))
        if "embedding" in names
        else 1.0
    )
    data = linked_rows(
        sides[0], sides[1], settings, rows, pairs, bad, names, cross, CANDIDATES, cancel, scale
    )
    grid = _grid(names, before_weights, settings.weight_token_set, cross)

    fold_of = np.arange(n_rows) % FOLDS
    before_rr = np.zeros(n_rows)
    after_rr = np.zeros(n_rows)
    for k in range(FOLDS):
        step(f"Cross-validating, fold {k + 1} of {FOLDS}")
        train = fold_of != k
        rr = data.reciprocal_ranks(grid.vectors, train)
        best = _pick(rr[:, train])
        after_rr[~train] = rr[best, ~train]
        before_rr[~train] = rr[0, ~train]
    step("Choosing weights")
    rr = data.reciprocal_ranks(grid.vectors, np.ones(n_rows, dtype=bool))
    chosen = grid.weights(_pick(rr))
    before = RefitMetrics(float(np.mean(before_rr == 1.0)), float(before_rr.mean()), n_rows)
    after = RefitMetrics(float(np.mean(after_rr == 1.0)), float(after_rr.mean()), n_rows)
    after_weights = {**before_weights, **chosen}
    if progress is not None:
        progress(steps, steps, "Re-fit done")
    changed = any(abs(after_weights[n] - before_weights[n]) > 1e-12 for n in before_weights)
    why = (
        _held_out_verdict(before_rr, after_rr)
        if changed
        else "the current weights are already the best fit"
    )
    adopted = not why
    numbers = (
        f"held-out MRR {before.mrr:.2f} -> {after.mrr:.2f}, top-1 {before.top1:.2f} -> "
        f"{after.top1:.2f}"
    )
    if adopted:
        new_settings = _with_weights(settings, chosen, cross)
        message = (
            f"Re-fitted from {n_links} confirmed links on {n_rows} criteria: {numbers}; "
            f"{_describe(before_weights, after_weights)}."
        )
    else:
        new_settings = settings
        if before.top1 >= 1.0:
            message = (
                f"Kept the current weights: on all {n_rows} criteria with a confirmed link the "
                "first suggestion was already a confirmed one, so these links teach the aligner "
                "nothing new; re-fitting helps once links are found lower in the list or by search."
            )
        else:
            message = (
                f"Kept the current weights: re-fitting from {n_links} confirmed links gave "
                f"{numbers}, and {why}."
            )
    return RefitResult(
        settings=new_settings,
        adopted=adopted,
        n_links=n_links,
        n_rows=n_rows,
        before=before,
        after=after,
        weights_before=before_weights,
        weights_after=after_weights,
        message=message,
        notices=tuple(notices),
        channels=(*names, "affinity"),
    )


def _held_out_verdict(before_rr: np.ndarray, after_rr: np.ndarray) -> str:
    """Why the re-fitted weights should not be adopted, from each held-out criterion's
    reciprocal rank before and after ("" = adopt them).

    Besides the mean gain, a paired check: more criteria must rank their link higher than
    lower, so one criterion jumping from rank 5 to 1 cannot carry a change on its own.
    """
    gain = float(after_rr.mean() - before_rr.mean()) if len(before_rr) else 0.0
    if gain < MARGIN:
        return f"that is less than the +{MARGIN:.2f} needed to change them"
    better = int(np.sum(after_rr > before_rr + _TIE))
    worse = int(np.sum(after_rr < before_rr - _TIE))
    if better <= worse:
        noun = "criterion" if better == 1 else "criteria"
        return f"it ranked the links of {better} held-out {noun} higher but of {worse} lower"
    return ""


class _LazyEncoder:
    """The sentence encoder, loaded only if some text is not in the cache (a project that
    was aligned before has them all, and loading the model takes about a second)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return load_encoder().encode(texts)


def _pick(rr: np.ndarray) -> int:
    """The weight vector (row) with the best mean reciprocal rank; ties go to the first
    (the grid is ordered by distance from the current weights)."""
    means = rr.mean(axis=1)
    return int(np.flatnonzero(means >= means.max() - _TIE)[0])


def _describe(before: Mapping[str, float], after: Mapping[str, float]) -> str:
    """One clause naming the channels whose share of the weight rose or fell most."""
    tb, ta = sum(before.values()) or 1.0, sum(after.values()) or 1.0
    shift = {n: after[n] / ta - before[n] / tb for n in before}
    up = [n for n in sorted(shift, key=lambda n: -shift[n]) if shift[n] > 0.05]
    down = [n for n in sorted(shift, key=lambda n: shift[n]) if shift[n] < -0.05]

    def names(channels: list[str]) -> str:
        labels = [_LABELS[n] for n in channels]
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]

    parts = []
    if up:
        parts.append(f"the new weights favour {names(up)}")
    if down:
        parts.append(("and " if up else "the new weights ") + f"lean less on {names(down)}")
    return " ".join(parts) if parts else "the new weights shift the balance only slightly"


@dataclass(frozen=True)
class _Grid:
    """Candidate weight vectors over ``names`` (the current ones first), without multiples."""

    names: tuple[str, ...]
    vectors: np.ndarray

    def weights(self, index: int) -> dict[str, float]:
        return {
            n: float(v)
            for n, v in zip(self.names, self.vectors[index], strict=True)
            if n != "token_set"
        }


def _grid(
    names: Sequence[str], current: Mapping[str, float], token_set: float, cross: bool
) -> _Grid:
    order = (*names, "affinity")
    values: list[Sequence[float]] = []
    for name in order:
        if name in _LEXICAL:
            values.append(LEXICAL_GRID)
        elif name == "embedding":
            values.append(EMBEDDING_GRID_CROSS_LANGUAGE if cross else EMBEDDING_GRID)
        elif name == "affinity":
            values.append(AFFINITY_GRID)
        else:  # token_set: kept as it is
            values.append((token_set,))
    now = np.asarray([token_set if n == "token_set" else current[n] for n in order])
    vectors = np.asarray([now, *itertools.product(*values)], dtype=np.float64)
    vectors = vectors[vectors.sum(axis=1) > 0]
    distance = np.abs(vectors - now).sum(axis=1)
    vectors = vectors[np.argsort(distance, kind="stable")]
    seen: set[tuple[float, ...]] = set()
    keep = []
    for i, v in enumerate(vectors):
        key = tuple(np.round(v / v.sum(), 9).tolist())
        if key not in seen:
            seen.add(key)
            keep.append(i)
    return _Grid(tuple(order), vectors[keep])
