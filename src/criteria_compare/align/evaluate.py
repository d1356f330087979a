"""Evaluation against a gold crosswalk: top-1, hit@3, hit@5, recall@5, MRR, and two baselines.

Metrics count source criteria with at least one gold target. Every ranking
(aligner and baselines) is cut at the same depth, ``max(k, 10)``; a gold
target below it adds nothing to MRR. The baselines are computed in the same
run so improvements are ratios measured side by side:

- ``tfidf``: plain word TF-IDF cosine of the text alone (lowercased words of
  two or more letters, smoothed IDF, no stop words, no stemming, no fields).
- ``token_set``: rapidfuzz ``token_set_ratio`` of the text alone.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

from criteria_compare.align.aligner import AlignmentResult, align
from criteria_compare.align.embedding import EmbeddingCache
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.align.sparse import dense_block, from_term_lists
from criteria_compare.errors import GoldFileError
from criteria_compare.model import Criterion

__all__ = [
    "Evaluation",
    "Gold",
    "Metrics",
    "compute_metrics",
    "evaluate",
    "rank_tfidf_baseline",
    "rank_token_set_baseline",
    "read_gold",
    "with_guidance",
]

_WORD_RE = re.compile(r"(?u)\b\w\w+\b")
_MAX_MISSING_SHOWN = 5
#: Largest evaluation side file read (the biggest development guidance file is 0.7 MB).
_MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Metrics:
    """Ranking quality over ``n`` source criteria, and the time the ranking took."""

    top1: float
    hit3: float
    hit5: float
    recall5: float
    mrr: float
    n: int
    seconds: float

    def to_dict(self) -> dict[str, float | int]:
        return {
            "top1": round(self.top1, 4),
            "hit@3": round(self.hit3, 4),
            "hit@5": round(self.hit5, 4),
            "recall@5": round(self.recall5, 4),
            "mrr": round(self.mrr, 4),
            "n": self.n,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Gold:
    """Gold pairs: source id -> the set of target ids that count as correct."""

    targets: Mapping[str, frozenset[str]]
    file: str

    @property
    def pairs(self) -> int:
        return sum(len(t) for t in self.targets.values())


@dataclass(frozen=True)
class Evaluation:
    """The aligner's metrics, the baselines' (if asked for) and the alignment itself."""

    aligner: Metrics
    baselines: Mapping[str, Metrics]
    result: AlignmentResult

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"aligner": self.aligner.to_dict()}
        if self.baselines:
            out["baselines"] = {name: m.to_dict() for name, m in self.baselines.items()}
        return out


def compute_metrics(
    rankings: Mapping[str, Sequence[str]], gold: Mapping[str, frozenset[str]], seconds: float = 0.0
) -> Metrics:
    """Metrics of ranked target ids per source id against gold targets (sources without gold skipped)."""
    scored = [s for s, t in gold.items() if t]
    top1 = hit3 = hit5 = recall5 = mrr = 0.0
    for source in scored:
        wanted = gold[source]
        ranked = list(rankings.get(source, ()))
        first = next((i for i, t in enumerate(ranked) if t in wanted), None)
        if first is not None:
            mrr += 1.0 / (first + 1)
            top1 += first == 0
            hit3 += first < 3
            hit5 += first < 5
        recall5 += len(wanted & set(ranked[:5])) / len(wanted)
    n = len(scored)
    if n == 0:
        return Metrics(0.0, 0.0, 0.0, 0.0, 0.0, 0, seconds)
    return Metrics(top1 / n, hit3 / n, hit5 / n, recall5 / n, mrr / n, n, seconds)


def _read_text(path: Path, kind: str) -> str:
    """The UTF-8 text of an evaluation side file, or one GoldFileError sentence."""
    try:
        size = path.stat().st_size
        if size > _MAX_FILE_BYTES:
            raise GoldFileError(
                f"{kind} file {path.name} is {size // (1024 * 1024)} MB, more than the "
                f"{_MAX_FILE_BYTES // (1024 * 1024)} MB accepted; split it or check the path."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise GoldFileError(
            f"{kind} file {path} cannot be read ({exc.strerror or exc}); check the path."
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GoldFileError(
            f"{kind} file {path.name} is not UTF-8 text; save it as UTF-8 CSV and try again."
        ) from None


def _columns(
    reader: Iterator[list[str]], path: Path, kind: str, wanted: tuple[str, str]
) -> tuple[int, int]:
    """Positions of the two ``wanted`` columns in the header row, or one GoldFileError sentence."""
    names = [h.strip().casefold() for h in next(reader, None) or []]
    if any(w not in names for w in wanted):
        raise GoldFileError(
            f"{kind} file {path.name}, row 1: the header needs columns "
            f"'{wanted[0]}' and '{wanted[1]}'; add that header row."
        )
    return names.index(wanted[0]), names.index(wanted[1])


def _listed(missing: Sequence[str]) -> str:
    """The first few missing ids, and how many more."""
    shown = ", ".join(missing[:_MAX_MISSING_SHOWN])
    extra = len(missing) - _MAX_MISSING_SHOWN
    return f"{shown} and {extra} more" if extra > 0 else shown


def with_guidance(path: str | Path, criteria: Sequence[Criterion]) -> tuple[Criterion, ...]:
    """``criteria`` with the guidance of a CSV ``id,guidance`` (the development sets'
    ``*_guidance.csv``) in place of their own; ids the file does not name keep theirs.

    Refuses a file without those columns or naming ids that ``criteria`` lack.
    """
    path = Path(path)
    reader = csv.reader(io.StringIO(_read_text(path, "Guidance")))
    ii, gi = _columns(reader, path, "Guidance", ("id", "guidance"))
    known = {c.ref for c in criteria}
    found: dict[str, str] = {}
    missing: list[str] = []
    for row_number, row in enumerate(reader, start=2):
        if len(row) <= max(ii, gi) or not row[ii].strip():
            continue
        ref = row[ii].strip()
        if ref not in known:
            missing.append(f"{ref!r} (row {row_number})")
        found[ref] = row[gi].strip()
    if missing:
        raise GoldFileError(
            f"Guidance file {path.name} names ids missing from the criteria file: "
            f"{_listed(missing)}; "
            "use the guidance file of the same criteria."
        )
    return tuple(
        dataclasses.replace(c, guidance=found[c.ref]) if c.ref in found else c for c in criteria
    )


def read_gold(path: str | Path, source: Sequence[Criterion], target: Sequence[Criterion]) -> Gold:
    """Read a gold CSV (``source_id,target_id[,relationship]``) and check every id exists."""
    path = Path(path)
    reader = csv.reader(io.StringIO(_read_text(path, "Gold")))
    si, ti = _columns(reader, path, "Gold", ("source_id", "target_id"))
    source_ids = {c.ref for c in source}
    target_ids = {c.ref for c in target}
    targets: dict[str, set[str]] = {}
    missing: list[str] = []
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(si, ti):
            raise GoldFileError(
                f"Gold file {path.name}, row {row_number}: expected a source_id and a target_id; "
                "fill in both cells."
            )
        s, t = row[si].strip(), row[ti].strip()
        if s not in source_ids:
            missing.append(f"source {s!r} (row {row_number})")
        if t not in target_ids:
            missing.append(f"target {t!r} (row {row_number})")
        targets.setdefault(s, set()).add(t)
    if missing:
        raise GoldFileError(
            f"Gold file {path.name} names ids missing from the source/target files: "
            f"{_listed(missing)}; "
            "fix the ids or use the matching source and target files."
        )
    if not targets:
        raise GoldFileError(f"Gold file {path.name} holds no pairs; add source_id,target_id rows.")
    return Gold({s: frozenset(t) for s, t in targets.items()}, path.name)


def rank_tfidf_baseline(
    source: Sequence[Criterion], target: Sequence[Criterion], depth: int
) -> dict[str, list[str]]:
    """Plain word TF-IDF cosine on the text alone, ``depth`` best target ids per source id."""
    if not source or not target:
        return {c.ref: [] for c in source}
    vocab: dict[str, int] = {}
    src = from_term_lists([[(_WORD_RE.findall(c.text.lower()), 1.0)] for c in source], vocab)
    tgt = from_term_lists([[(_WORD_RE.findall(c.text.lower()), 1.0)] for c in target], vocab)
    src.n_cols = tgt.n_cols = max(len(vocab), 1)
    n = len(source) + len(target)
    idf = (np.log((1.0 + n) / (1.0 + src.doc_freq() + tgt.doc_freq())) + 1.0).astype(np.float32)
    src = src.with_data(src.data * idf[src.indices]).l2_normalized()
    tgt = tgt.with_data(tgt.data * idf[tgt.indices]).l2_normalized()
    scores = dense_block(src, 0, len(source), tgt.transpose(), len(target))
    return _top(scores, source, target, depth)


def rank_token_set_baseline(
    source: Sequence[Criterion], target: Sequence[Criterion], depth: int
) -> dict[str, list[str]]:
    """rapidfuzz token_set_ratio on the text alone, ``depth`` best target ids per source id."""
    if not source or not target:
        return {c.ref: [] for c in source}
    scores = process.cdist(
        [c.text for c in source],
        [c.text for c in target],
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        dtype=np.float32,
        workers=-1,
    )
    return _top(scores, source, target, depth)


def _top(
    scores: np.ndarray | None, source: Sequence[Criterion], target: Sequence[Criterion], depth: int
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i, c in enumerate(source):
        if scores is None:
            out[c.ref] = []
            continue
        order = np.argsort(-np.round(scores[i], 9), kind="stable")[:depth]
        out[c.ref] = [target[j].ref for j in order]
    return out


def evaluate(
    source: Sequence[Criterion],
    target: Sequence[Criterion],
    gold: Gold,
    settings: AlignerSettings | None = None,
    *,
    baselines: bool = False,
    cache: EmbeddingCache | None = None,
) -> Evaluation:
    """Align ``source`` against ``target`` and score the forward rankings (and the baselines)."""
    settings = settings or AlignerSettings()
    depth = max(settings.k, 10)
    # Forward only: the metrics score source rankings, and ``seconds`` is the time they took.
    result = align(source, target, settings.replace(k=depth), cache=cache, backward=False)
    rankings = {ref: [s.target_ref for s in sugg] for ref, sugg in result.forward.items()}
    metrics = compute_metrics(rankings, gold.targets, result.seconds)
    extra: dict[str, Metrics] = {}
    if baselines:
        for name, ranker in (
            ("tfidf", rank_tfidf_baseline),
            ("token_set", rank_token_set_baseline),
        ):
            start = time.perf_counter()
            ranked = ranker(source, target, depth)
            extra[name] = compute_metrics(ranked, gold.targets, time.perf_counter() - start)
    return Evaluation(metrics, extra, result)
