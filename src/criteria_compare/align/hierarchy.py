"""Parent criteria named by their refs (AC-2 for AC-2(1), 1.2 for 1.2.3), and lifting them.

Many programs number sub-items under a parent criterion that states the
general requirement (a control and its enhancements, an article and its
paragraphs). A query that matches a sub-item closely is about its parent's
topic too, and crosswalks made by people often link the parent. So a
parent's score in each channel is raised to at least ``lift`` times the best
of its sub-items' scores: just below the sub-item, never above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Parents", "lift_parents", "parents_of"]

# A ref's parent is its longest proper prefix ending before one of these that is itself a ref.
_SEPARATORS = frozenset("(.-_ /")


@dataclass(frozen=True)
class Parents:
    """Columns of the parents, and their sub-items' columns grouped by parent."""

    parents: np.ndarray
    """(n_parents,) column of each parent."""
    children: np.ndarray
    """Sub-item columns, grouped by parent in the order of ``parents``."""
    starts: np.ndarray
    """(n_parents,) where each parent's group starts in ``children``."""


def parents_of(refs: Sequence[str]) -> Parents | None:
    """The parent structure of a program's refs, or None when no ref has a parent among them."""
    index = {ref: i for i, ref in enumerate(refs)}
    kids: dict[int, list[int]] = {}
    for i, ref in enumerate(refs):
        for cut in range(len(ref) - 1, 0, -1):
            if ref[cut] in _SEPARATORS and ref[:cut] in index and index[ref[:cut]] != i:
                kids.setdefault(index[ref[:cut]], []).append(i)
                break
    if not kids:
        return None
    parents = sorted(kids)
    sizes = [len(kids[p]) for p in parents]
    starts = np.zeros(len(parents), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    children = np.asarray([c for p in parents for c in kids[p]], dtype=np.int64)
    return Parents(np.asarray(parents, dtype=np.int64), children, starts)


def lift_parents(scores: np.ndarray, parents: Parents, lift: float) -> np.ndarray:
    """A copy of (rows, columns) ``scores`` whose parent columns are at least ``lift`` times
    their best sub-item's score."""
    best: np.ndarray = np.maximum.reduceat(scores[:, parents.children], parents.starts, axis=1)
    out: np.ndarray = scores.copy()
    out[:, parents.parents] = np.maximum(out[:, parents.parents], lift * best)
    return out
