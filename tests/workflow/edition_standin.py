"""A tiny stand-in for ``align.editions.match_editions`` (exact ref / exact text, plus a script).

The real matcher is built elsewhere; these tests exercise the update around it, so they give
it the answer: criteria with the same ref and text are unchanged, same ref and other text
reworded, same text under another ref renumbered, and ``script`` names the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from criteria_compare.model import Criterion


@dataclass(frozen=True)
class EditionPair:
    old: str
    new: str
    change: str
    similarity: float = 1.0


@dataclass(frozen=True)
class AmbiguousMatch:
    old: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class EditionMatch:
    matched: tuple[EditionPair, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]
    ambiguous: tuple[AmbiguousMatch, ...]


class StandIn:
    """Callable like match_editions; ``script`` maps old ref -> ((new ref, kind), ...),
    ``unclear`` old ref -> candidate new refs (ambiguous unless settled)."""

    def __init__(
        self,
        script: Mapping[str, Sequence[tuple[str, str]]] | None = None,
        unclear: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.script = dict(script or {})
        self.unclear = dict(unclear or {})
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self,
        old: Sequence[Criterion],
        new: Sequence[Criterion],
        *,
        settled: Mapping[str, str | None] | None = None,
        embed: Any = None,
        progress: Any = None,
    ) -> EditionMatch:
        settled = dict(settled or {})
        self.calls.append({"settled": settled, "embed": embed})
        new_by_ref = {c.ref: c for c in new}
        new_by_text = {c.text: c for c in new}
        used: set[str] = set()
        pairs: list[EditionPair] = []
        removed: list[str] = []
        ambiguous: list[AmbiguousMatch] = []
        for c in old:
            if c.ref in settled:
                target = settled[c.ref]
                if target is None:
                    removed.append(c.ref)
                else:
                    kind = "unchanged" if new_by_ref[target].text == c.text else "reworded"
                    if target != c.ref:
                        kind = "renumbered" if kind == "unchanged" else "renumbered_reworded"
                    pairs.append(EditionPair(c.ref, target, kind))
                    used.add(target)
                continue
            if c.ref in self.script:
                for target, kind in self.script[c.ref]:
                    pairs.append(EditionPair(c.ref, target, kind))
                    used.add(target)
                continue
            if c.ref in self.unclear:
                ambiguous.append(AmbiguousMatch(c.ref, tuple(self.unclear[c.ref])))
                used.update(self.unclear[c.ref])
                continue
            same = new_by_ref.get(c.ref)
            moved = new_by_text.get(c.text)
            if same is not None and same.text == c.text:
                pairs.append(EditionPair(c.ref, c.ref, "unchanged"))
                used.add(c.ref)
            elif moved is not None and moved.ref not in used:
                pairs.append(EditionPair(c.ref, moved.ref, "renumbered"))
                used.add(moved.ref)
            elif same is not None:
                pairs.append(EditionPair(c.ref, c.ref, "reworded", 0.7))
                used.add(c.ref)
            else:
                removed.append(c.ref)
        added = tuple(c.ref for c in new if c.ref not in used)
        return EditionMatch(tuple(pairs), tuple(removed), added, tuple(ambiguous))
