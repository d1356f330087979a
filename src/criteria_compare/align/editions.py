"""Matching an old edition of a program to a new one: which criterion became which, and how.

Each old criterion ends up matched (to one new criterion, or to several for a
split, or sharing one with other old criteria for a merge), removed, or
ambiguous (the reviewer must choose). Every new criterion not matched is added.

How (each step only looks at what the steps before left open):

1. The reviewer's choices (``settled``): ``OLD -> NEW``, or ``OLD -> None`` (removed).
2. Same ref and the same text (compared by :func:`~criteria_compare.align.normalize.text_key`:
   case, spacing and punctuation ignored, numbers kept): ``unchanged``.
3. The same text held once on each side under different refs: ``renumbered``.
4. The rest by similarity: the lexical similarity of the texts
   (:class:`~criteria_compare.align.textsim.TextSimilarity`, optionally blended with the
   caller's sentence-encoder vectors) plus small bonuses for the same or a sibling ref and a
   similar section; between copies of one text, also for matched neighbours (the criteria
   before and after matched to the ones before and after). Then the best pairs first, one new
   criterion per old one. A pair is kept
   when its texts are similar enough (less is asked of a criterion that kept its ref: it was
   reworded in place); a ref whose text changed beyond that is taken as reused for another
   requirement. A new criterion left over whose words are nearly all in an old one already
   matched is a part of a ``split``; an old one left over whose words are nearly all in a
   matched new one is ``merged`` into it.
5. Where the choice is not clear (a runner-up within :data:`MARGIN` of the best, or only
   a weakly similar counterpart) the old criterion is reported ambiguous with its candidates,
   best first: never a silent guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from criteria_compare.align.embedding import (
    EmbeddingCache,
    EncoderUnavailable,
    embed,
    encoder_input,
    load_encoder,
)
from criteria_compare.align.normalize import text_key
from criteria_compare.align.prepare import checked_criteria
from criteria_compare.align.textsim import TextSimilarity
from criteria_compare.errors import UnknownRef
from criteria_compare.model import Criterion
from criteria_compare.progress import ProgressCallback

__all__ = [
    "ACCEPT",
    "CONTAIN",
    "GREY",
    "MARGIN",
    "SAME_REF_ACCEPT",
    "AmbiguousMatch",
    "ChangeKind",
    "EditionMatch",
    "EditionPair",
    "match_editions",
    "ref_key",
    "sentence_embedder",
]

ChangeKind = Literal[
    "unchanged", "reworded", "renumbered", "renumbered_reworded", "split", "merged"
]

#: Text similarity at which an old criterion is matched to a new one under another ref.
ACCEPT = 0.5
#: ... under the same ref (or the same ref but for leading zeros): a rewording in place.
SAME_REF_ACCEPT = 0.3
#: Below this similarity a criterion is no candidate at all; between it and the acceptance
#: level the best counterpart is only offered to the reviewer (ambiguous).
GREY = 0.3
#: A runner-up whose ranking score is within this of the best makes the choice ambiguous.
MARGIN = 0.04
#: Share of a part's words (weighted by rarity) found in the whole, for a split or a merge.
CONTAIN = 0.8
# ... and how much more of the whole it must cover than the whole's counterparts so far.
_GAIN = 0.15

# Ranking bonuses added to the text similarity (they break ties; the text decides).
_W_REF = 0.12
_W_SECTION = 0.06
_W_CONTEXT = 0.12
# Text similarity of copies of one text (the neighbours then choose between them).
_IDENTICAL = 0.9999
# Encoder cosine taken as no similarity at all (unrelated texts on one subject score about this).
_EMBED_FLOOR = 0.3
# Candidates kept per criterion, and (old row, new row) pairs scored at a time.
_K = 6
_BLOCK_PAIRS = 4_000_000
# Refs: runs of digits and runs of letters; leading zeros do not count (01 is 1, 10 is 10).
_REF_PART = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True)
class EditionPair:
    """An old criterion and its counterpart in the new edition; ``similarity`` of texts in [0, 1]."""

    old: str
    new: str
    change: ChangeKind
    similarity: float


@dataclass(frozen=True)
class AmbiguousMatch:
    """An old criterion whose counterpart the reviewer must choose; ``candidates`` best first."""

    old: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class EditionMatch:
    """The result: every old ref is in exactly one of matched (one pair or more), removed and
    ambiguous; every new ref is in matched or added (candidates of an ambiguous old included)."""

    matched: tuple[EditionPair, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]
    ambiguous: tuple[AmbiguousMatch, ...]


def ref_key(ref: str) -> tuple[str, ...]:
    """``ref`` as compared for "the same ref but written differently": casefolded runs of
    letters and digits, leading zeros dropped (``ID.AM-01`` ~ ``ID.AM-1``; ``7.10`` is not ``7.1``)."""
    parts = _REF_PART.findall(unicodedata.normalize("NFKC", ref).casefold())
    return tuple(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def sentence_embedder(
    cache: EmbeddingCache | None = None,
) -> Callable[[Sequence[str]], np.ndarray] | None:
    """The bundled sentence encoder as ``match_editions``'s ``embed``, reusing the vectors in
    ``cache`` (e.g. a project's stored embeddings) and adding the new ones; None when the
    encoder cannot be used (then words alone count)."""
    try:
        encoder = load_encoder()
    except EncoderUnavailable:
        return None

    def vectors(texts: Sequence[str]) -> np.ndarray:
        return embed(texts, encoder, cache)

    return vectors


def _ids(values: Sequence[object], table: dict[object, int]) -> np.ndarray:
    """Each value's number in ``table`` (grown as needed)."""
    return np.fromiter(
        (table.setdefault(v, len(table)) for v in values), dtype=np.int64, count=len(values)
    )


class _Sides:
    """Both editions with their keys, and what has been decided so far (by row number)."""

    def __init__(self, old: tuple[Criterion, ...], new: tuple[Criterion, ...]) -> None:
        self.old = old
        self.new = new
        self.old_keys = [text_key(c.text) for c in old]
        self.new_keys = [text_key(c.text) for c in new]
        self.old_at = {c.ref: i for i, c in enumerate(old)}
        self.new_at = {c.ref: j for j, c in enumerate(new)}
        self.pairs: dict[int, list[int]] = {}  # old row -> new rows
        self.owner: dict[int, list[int]] = {}  # new row -> old rows
        self.similarity: dict[tuple[int, int], float] = {}
        self.removed: set[int] = set()
        self.ambiguous: dict[int, list[int]] = {}
        self.settled: set[int] = set()

    def link(self, i: int, j: int, similarity: float) -> None:
        self.pairs.setdefault(i, []).append(j)
        self.owner.setdefault(j, []).append(i)
        self.similarity[i, j] = similarity

    def unlink(self, i: int) -> None:
        for j in self.pairs.pop(i, []):
            self.owner[j].remove(i)
            if not self.owner[j]:
                del self.owner[j]
            self.similarity.pop((i, j), None)

    def open_old(self) -> list[int]:
        done = self.pairs.keys() | self.removed | self.ambiguous.keys()
        return [i for i in range(len(self.old)) if i not in done]

    def open_new(self) -> list[int]:
        return [j for j in range(len(self.new)) if j not in self.owner]

    def change(self, i: int, j: int) -> ChangeKind:
        if len(self.pairs[i]) > 1:
            return "split"
        if len(self.owner[j]) > 1:
            return "merged"
        same_text = self.old_keys[i] == self.new_keys[j]
        if self.old[i].ref == self.new[j].ref:
            return "unchanged" if same_text else "reworded"
        return "renumbered" if same_text else "renumbered_reworded"

    def result(self) -> EditionMatch:
        matched = [
            EditionPair(
                self.old[i].ref,
                self.new[j].ref,
                self.change(i, j),
                round(self.similarity[i, j], 4),
            )
            for i in sorted(self.pairs)
            for j in sorted(self.pairs[i])
        ]
        return EditionMatch(
            matched=tuple(matched),
            removed=tuple(self.old[i].ref for i in sorted(self.removed)),
            added=tuple(c.ref for j, c in enumerate(self.new) if j not in self.owner),
            ambiguous=tuple(
                AmbiguousMatch(self.old[i].ref, tuple(self.new[j].ref for j in cands))
                for i, cands in sorted(self.ambiguous.items())
            ),
        )


def _apply_settled(sides: _Sides, settled: Mapping[str, str | None]) -> list[tuple[int, int]]:
    """Record the reviewer's choices; the pairs whose similarity is still to be measured."""
    to_score = []
    for old_ref, new_ref in settled.items():
        i = sides.old_at.get(old_ref)
        if i is None:
            raise UnknownRef(
                f"The chosen match names old criterion {old_ref!r}, which the old edition does "
                "not hold; use one of its refs."
            )
        sides.settled.add(i)
        if new_ref is None:
            sides.removed.add(i)
            continue
        j = sides.new_at.get(new_ref)
        if j is None:
            raise UnknownRef(
                f"The chosen match pairs {old_ref!r} with new criterion {new_ref!r}, which the "
                "new edition does not hold; use one of its refs."
            )
        if sides.old_keys[i] == sides.new_keys[j]:
            sides.link(i, j, 1.0)
        else:
            sides.link(i, j, 0.0)
            to_score.append((i, j))
    return to_score


def _exact(sides: _Sides) -> None:
    """Same ref and text: unchanged. Then a text held once on each side: renumbered."""
    for i in sides.open_old():
        j = sides.new_at.get(sides.old[i].ref)
        if j is not None and j not in sides.owner and sides.old_keys[i] == sides.new_keys[j]:
            sides.link(i, j, 1.0)
    old_by_key: dict[str, list[int]] = {}
    for i in sides.open_old():
        old_by_key.setdefault(sides.old_keys[i], []).append(i)
    new_by_key: dict[str, list[int]] = {}
    for j in sides.open_new():
        new_by_key.setdefault(sides.new_keys[j], []).append(j)
    for key, olds in old_by_key.items():
        news = new_by_key.get(key, [])
        if key and len(olds) == 1 and len(news) == 1:
            sides.link(olds[0], news[0], 1.0)


@dataclass
class _Candidates:
    """The fuzzy stage's best candidates: old row -> [(new row, score, similarity)], best first,
    and for each new row its best old rows the same way."""

    by_old: dict[int, list[tuple[int, float, float]]]
    by_new: dict[int, list[tuple[int, float, float]]]

    def score(self, i: int, j: int) -> tuple[float, float] | None:
        for jj, s, t in self.by_old.get(i, ()):
            if jj == j:
                return s, t
        for ii, s, t in self.by_new.get(j, ()):
            if ii == i:
                return s, t
        return None


def _neighbours(sides: _Sides) -> tuple[np.ndarray, np.ndarray]:
    """For each old row, the new row its previous / next old criterion is matched to (or -2)."""
    n = len(sides.old)
    single = np.full(n + 2, -2, dtype=np.int64)
    for i, js in sides.pairs.items():
        if len(js) == 1:
            single[i + 1] = js[0]
    return single[:n], single[2:]


def _candidates(
    sides: _Sides,
    olds: list[int],
    news: list[int],
    extra: list[tuple[int, int]],
    embed: Callable[[Sequence[str]], np.ndarray] | None,
) -> _Candidates:
    """Score the open old rows against the open new rows (and measure the ``extra`` pairs)."""
    extra_old = sorted({i for i, _ in extra} - set(olds))
    extra_new = sorted({j for _, j in extra} - set(news))
    rows, cols = olds + extra_old, news + extra_new
    sim = TextSimilarity([sides.old[i].text for i in rows], [sides.new[j].text for j in cols])
    vectors = None
    if embed is not None and rows and cols:
        vectors = (
            # What the aligner encodes, so a project's stored embeddings are reused as they are.
            np.asarray(embed([encoder_input(sides.old[i]) for i in rows]), dtype=np.float32),
            np.asarray(embed([encoder_input(sides.new[j]) for j in cols]), dtype=np.float32),
        )
    n_open = len(news)
    refs: dict[object, int] = {}
    old_ref = _ids([sides.old[i].ref for i in rows], refs)
    new_ref = _ids([sides.new[j].ref for j in cols], refs)
    keys: dict[object, int] = {}
    old_rk = _ids([ref_key(sides.old[i].ref) for i in rows], keys)
    new_rk = _ids([ref_key(sides.new[j].ref) for j in cols], keys)
    old_parent = _ids([ref_key(sides.old[i].ref)[:-1] or ("",) for i in rows], keys)
    new_parent = _ids([ref_key(sides.new[j].ref)[:-1] or ("",) for j in cols], keys)
    section_sim = TextSimilarity(
        [sides.old[i].section for i in rows[: len(olds)]],
        [sides.new[j].section for j in news],
        chars=False,
    )
    before, after = _neighbours(sides)
    new_rows = np.asarray(cols, dtype=np.int64)
    where_row = {i: r for r, i in enumerate(rows)}
    where_col = {j: c for c, j in enumerate(cols)}
    by_old: dict[int, list[tuple[int, float, float]]] = {}
    k = min(_K, n_open)
    col_best = np.zeros((0, n_open), dtype=np.int64)
    col_score = np.zeros((0, n_open), dtype=np.float32)
    col_text = np.zeros((0, n_open), dtype=np.float32)
    measured: dict[tuple[int, int], float] = {}
    block = max(64, _BLOCK_PAIRS // max(len(cols), 1))
    for r0 in range(0, len(rows), block):
        r1 = min(r0 + block, len(rows))
        text = sim.block(r0, r1)
        if vectors is not None:
            cosine = vectors[0][r0:r1] @ vectors[1].T
            # Encoder cosines of unrelated texts on one subject are ~0.3-0.5: rescaled first.
            semantic = np.clip((cosine - _EMBED_FLOOR) / (1.0 - _EMBED_FLOOR), 0.0, 1.0)
            text = (text + semantic) / 2
        for i, j in extra:
            if r0 <= where_row[i] < r1:
                measured[i, j] = float(text[where_row[i] - r0, where_col[j]])
        if not k or r0 >= len(olds):
            continue
        r1 = min(r1, len(olds))
        text = text[: r1 - r0, :n_open]
        same_key = old_rk[r0:r1, None] == new_rk[None, :n_open]
        ref_bonus = np.where(
            old_ref[r0:r1, None] == new_ref[None, :n_open],
            1.0,
            np.where(same_key, 0.9, 0.4 * (old_parent[r0:r1, None] == new_parent[None, :n_open])),
        )
        # A ref whose text changed beyond a rewording was reused: its ref earns nothing.
        ref_bonus[text < SAME_REF_ACCEPT] = 0.0
        old_rows = np.asarray(rows[r0:r1], dtype=np.int64)
        context = 0.5 * (before[old_rows][:, None] == new_rows[None, :n_open] - 1) + 0.5 * (
            after[old_rows][:, None] == new_rows[None, :n_open] + 1
        )
        score = (
            text
            + _W_REF * ref_bonus
            + _W_SECTION * section_sim.block(r0, r1)
            + _W_CONTEXT * context * (text >= _IDENTICAL)
        ).astype(np.float32)
        top = np.argpartition(-score, k - 1, axis=1)[:, :k]
        top_score = np.take_along_axis(score, top, 1)
        # Each row's picks best first (equal scores in program order).
        order = np.lexsort((top, -top_score), axis=1)
        top = np.take_along_axis(top, order, 1)
        picks = zip(
            top.tolist(),
            np.take_along_axis(top_score, order, 1).tolist(),
            np.take_along_axis(text, top, 1).tolist(),
            strict=True,
        )
        for r, (cs, ss, ts) in enumerate(picks):
            by_old[rows[r0 + r]] = [
                (news[c], sc, t) for c, sc, t in zip(cs, ss, ts, strict=True) if t >= GREY
            ]
        # Each new row's best old rows so far (this block's and the earlier blocks').
        stacked = np.concatenate([col_score, score])
        keep = min(_K, len(stacked))
        best = np.argpartition(-stacked, keep - 1, axis=0)[:keep]
        col_best = np.take_along_axis(
            np.concatenate([col_best, np.broadcast_to(old_rows[:, None], score.shape)]), best, 0
        )
        col_text = np.take_along_axis(np.concatenate([col_text, text]), best, 0)
        col_score = np.take_along_axis(stacked, best, 0)
    for i, j in extra:
        sides.similarity[i, j] = measured[i, j]
    by_new: dict[int, list[tuple[int, float, float]]] = {}
    order = np.argsort(-col_score, axis=0, kind="stable")
    columns = zip(
        np.take_along_axis(col_best, order, 0).T.tolist(),
        np.take_along_axis(col_score, order, 0).T.tolist(),
        np.take_along_axis(col_text, order, 0).T.tolist(),
        strict=True,
    )
    for j, (bs, ss, ts) in zip(news, columns, strict=True):
        by_new[j] = [(b, sc, t) for b, sc, t in zip(bs, ss, ts, strict=True) if t >= GREY]
    return _Candidates(by_old, by_new)


def _acceptable(sides: _Sides, i: int, j: int, text: float) -> bool:
    if ref_key(sides.old[i].ref) == ref_key(sides.new[j].ref):
        return text >= SAME_REF_ACCEPT
    return text >= ACCEPT


def _greedy(sides: _Sides, cands: _Candidates, olds: list[int]) -> list[int]:
    """Best pairs first, one new row per old row; returns the old rows matched here."""
    flat = [
        (s, i, j, t) for i in olds for j, s, t in cands.by_old.get(i, ()) if j not in sides.owner
    ]
    flat.sort(key=lambda x: (-x[0], x[1], x[2]))
    chosen = []
    for _s, i, j, t in flat:
        if i in sides.pairs or j in sides.owner or not _acceptable(sides, i, j, t):
            continue
        sides.link(i, j, t)
        chosen.append(i)
    return chosen


def _containment(part: str, whole: set[str], rarity: Mapping[str, float]) -> float:
    """Share of ``part``'s distinct words (weighted by rarity) that ``whole`` holds too."""
    words = set(part.split())
    total = sum(rarity.get(w, 1.0) for w in words)
    if not total:
        return 0.0
    return sum(rarity.get(w, 1.0) for w in words & whole) / total


def _rarity(keys: Sequence[str]) -> dict[str, float]:
    """Inverse document frequency of each word over ``keys``."""
    df: dict[str, int] = {}
    for key in keys:
        for w in set(key.split()):
            df[w] = df.get(w, 0) + 1
    n = len(keys)
    return {w: float(np.log((1 + n) / (1 + d)) + 1.0) for w, d in df.items()}


def _is_part(part: str, whole: str, others: Sequence[str], rarity: Mapping[str, float]) -> bool:
    """``part`` lies nearly all in ``whole``, and covers some of ``whole`` that ``others``
    (the whole's counterparts so far) do not."""
    if _containment(part, set(whole.split()), rarity) < CONTAIN:
        return False
    before = set(" ".join(others).split())
    gain = _containment(whole, before | set(part.split()), rarity) - _containment(
        whole, before, rarity
    )
    return gain >= _GAIN


def _splits_and_merges(
    sides: _Sides, cands: _Candidates, olds: list[int], news: list[int], fuzzy: set[int]
) -> set[int]:
    """Attach left-over parts to the whole they came from; the old rows now split or merged.

    ``olds`` and ``news`` are the rows the fuzzy stage looked at, ``fuzzy`` the old rows it matched.
    """
    rarity = _rarity([sides.old_keys[i] for i in olds] + [sides.new_keys[j] for j in news])
    touched: set[int] = set()
    # Split: an unmatched new row nearly all of whose words are in an old row matched here.
    for j in sides.open_new():
        best = cands.by_new.get(j, [])[:1]
        for i, _s, t in best:
            if i in fuzzy and i in sides.pairs:
                others = [sides.new_keys[jj] for jj in sides.pairs[i]]
                if _is_part(sides.new_keys[j], sides.old_keys[i], others, rarity):
                    sides.link(i, j, t)
                    touched.add(i)
    # Merge: an unmatched old row nearly all of whose words are in a new row matched here.
    for i in sides.open_old():
        if i in sides.settled:
            continue
        best = cands.by_old.get(i, [])[:1]
        for j, _s, t in best:
            owners = sides.owner.get(j, [])
            if owners and all(o in fuzzy for o in owners):
                others = [sides.old_keys[o] for o in owners]
                if _is_part(sides.old_keys[i], sides.new_keys[j], others, rarity):
                    sides.link(i, j, t)
                    touched.add(i)
                    touched.update(owners)
    return touched


def _ambiguities(sides: _Sides, cands: _Candidates, fuzzy: list[int], parts: set[int]) -> None:
    """Undo the matches whose choice was close, and offer the left-over rows' candidates."""

    def _score(i: int, j: int) -> float:
        found = cands.score(i, j)
        return found[0] if found else 1.0

    def rivals(i: int, j: int, s: float) -> list[int]:
        """New rows about as good for ``i`` as ``j`` and not clearly another row's."""
        out = []
        for jj, ss, tt in cands.by_old.get(i, ()):
            if jj == j or ss < s - MARGIN:
                continue
            if not _acceptable(sides, i, jj, tt):
                continue
            held = [o for o in sides.owner.get(jj, []) if o != i]
            if not held or any(_score(o, jj) < ss + MARGIN for o in held):
                out.append(jj)
        return out

    def contested(i: int, j: int, s: float) -> bool:
        """Another open old row is about as good for ``j``."""
        return any(
            ii != i
            and ii not in sides.pairs
            and ii not in sides.settled
            and ss >= s - MARGIN
            and _acceptable(sides, ii, j, t)
            for ii, ss, t in cands.by_new.get(j, ())
        )

    undo: dict[int, list[int]] = {}
    for i in fuzzy:
        if i in parts or i not in sides.pairs:
            continue
        (j,) = sides.pairs[i]
        found = cands.score(i, j)
        s = found[0] if found else 0.0
        if rivals(i, j, s) or contested(i, j, s):
            undo[i] = [j, *rivals(i, j, s)]
    for i, first in undo.items():
        sides.unlink(i)
        sides.ambiguous[i] = first
    for i in sides.open_old():
        if i in sides.settled:
            continue
        offered = []
        for j, s, _t in cands.by_old.get(i, ()):
            owners = sides.owner.get(j, [])
            if not owners or any(_score(o, j) < s + MARGIN for o in owners):
                offered.append(j)
        if offered:
            sides.ambiguous[i] = offered
        else:
            sides.removed.add(i)
    for i, offered in list(sides.ambiguous.items()):
        order = {j: n for n, (j, _s, _t) in enumerate(cands.by_old.get(i, ()))}
        sides.ambiguous[i] = sorted(dict.fromkeys(offered), key=lambda j: order.get(j, len(order)))


def match_editions(
    old: Sequence[Criterion],
    new: Sequence[Criterion],
    *,
    settled: Mapping[str, str | None] | None = None,
    embed: Callable[[Sequence[str]], np.ndarray] | None = None,
    progress: ProgressCallback | None = None,
) -> EditionMatch:
    """Match the ``old`` edition's criteria to the ``new`` one's (see the module docstring).

    ``settled`` holds the reviewer's choices (old ref -> new ref, or None: removed); settled
    old criteria are never ambiguous. ``embed`` (optional) returns unit sentence-encoder
    vectors for texts, blended with the lexical similarity; without it only words count.
    Refs are compared as strings (``7.10`` is not ``7.1``). Raises UnknownRef when ``settled``
    names a ref that is not there, InvalidValue when a side holds a ref twice.
    """

    def report(done: int, message: str) -> None:
        if progress is not None:
            progress(done, 4, message)

    sides = _Sides(checked_criteria(old, "old"), checked_criteria(new, "new"))
    report(0, "Matching identical criteria")
    to_score = _apply_settled(sides, settled or {})
    _exact(sides)
    olds, news = sides.open_old(), sides.open_new()
    report(1, "Comparing changed criteria")
    cands = _Candidates({}, {})
    if (olds and news) or to_score:
        cands = _candidates(sides, olds if news else [], news if olds else [], to_score, embed)
    report(2, "Pairing changed criteria")
    fuzzy = _greedy(sides, cands, olds)
    parts = _splits_and_merges(sides, cands, olds, news, set(fuzzy))
    report(3, "Checking close choices")
    _ambiguities(sides, cands, fuzzy, parts)
    report(4, "Matched")
    return sides.result()
