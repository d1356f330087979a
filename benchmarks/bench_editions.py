"""Edition matching: old -> new hit rate on CJIS and CSF, and the time to match a 3,000-criterion edition.

Hit rate: the share of the items the human mapping pairs one-to-one for which
the matcher gives that pair (ambiguous items count as misses), beside two
baselines from the same run: "same ref" (pair each old criterion with the new
one holding its ref) and "best TF-IDF" (pair it with the new criterion whose
text is most alike, words only). The speed figure is beside the lexical
aligner on the same two editions (same run), for scale.
"""

from __future__ import annotations

import collections
import csv
import os
import sys
import time
from pathlib import Path

from common import best_of, figure, info
from criteria_compare.align import AlignerSettings, align
from criteria_compare.align.editions import EditionMatch, match_editions
from criteria_compare.align.textsim import TextSimilarity
from criteria_compare.importing import read_criteria
from criteria_compare.model import Criterion
from synthetic_criteria import synthetic_criteria, synthetic_edition

HERE = Path(__file__).resolve().parent
EVAL = Path(os.environ.get("CRITERIA_COMPARE_EVAL_DIR", HERE.parents[1] / "shared" / "eval"))
SETS = (
    ("CJIS 5.9.4 -> 5.9.5", "cjis-5.9.4-to-5.9.5", 0.97),
    ("CSF 1.1 -> 2.0", "csf11-to-csf20", 0),
)


def _one_to_one(folder: Path) -> dict[str, str]:
    with (folder / "gold.csv").open(encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f))
    sources = collections.Counter(r["source_id"] for r in gold)
    targets = collections.Counter(r["target_id"] for r in gold)
    return {
        r["source_id"]: r["target_id"]
        for r in gold
        if sources[r["source_id"]] == 1 and targets[r["target_id"]] == 1
    }


def _baselines(
    old: tuple[Criterion, ...], new: tuple[Criterion, ...], one: dict[str, str]
) -> tuple[float, float]:
    refs = {c.ref for c in new}
    same_ref = sum(o in refs and o == n for o, n in one.items()) / len(one)
    sim = TextSimilarity([c.text for c in old], [c.text for c in new], chars=False).block(
        0, len(old)
    )
    best = {c.ref: new[int(sim[i].argmax())].ref for i, c in enumerate(old)}
    return same_ref, sum(best.get(o) == n for o, n in one.items()) / len(one)


def _quality() -> None:
    for label, name, budget in SETS:
        folder = EVAL / name
        if not (folder / "gold.csv").exists():
            info(label, f"missing ({folder}), skipped")
            continue
        old = read_criteria(folder / "source.csv").criteria
        new = read_criteria(folder / "target.csv").criteria
        one = _one_to_one(folder)
        result = match_editions(old, new)
        found = {(p.old, p.new) for p in result.matched}
        rate = sum((o, n) in found for o, n in one.items()) / len(one)
        offered = {(a.old, c) for a in result.ambiguous for c in a.candidates}
        in_choice = sum((o, n) in found | offered for o, n in one.items()) / len(one)
        same_ref, tfidf = _baselines(old, new, one)
        title = f"{label}: one-to-one hit rate ({len(one)} items)"
        if budget:
            figure(title, rate, budget, "", lower_is_better=False)
        else:
            info(title, f"{rate:.3f} (no budget: a real restructuring)")
        info("  matched, or offered among an ambiguous item's candidates", f"{in_choice:.3f}")
        info("  same run: same-ref / best-TF-IDF baselines", f"{same_ref:.3f} / {tfidf:.3f}")
        info("  result", _summary(result))


def _summary(result: EditionMatch) -> str:
    kinds = collections.Counter(p.change for p in result.matched)
    shown = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    return (
        f"{shown}; removed {len(result.removed)}, added {len(result.added)}, "
        f"ambiguous {len(result.ambiguous)}"
    )


def _speed() -> None:
    old = synthetic_criteria(3000, 5, "P")
    new = synthetic_edition(old, 6)
    match_editions(old, new)  # warm imports and caches
    seconds = best_of(lambda: match_editions(old, new), repeat=3)
    figure("match a 3,000-criterion edition (10/5/2/3 % changed), words", seconds, 2.0)
    start = time.process_time()
    match_editions(old, new)
    info("  same, CPU time", f"{time.process_time() - start:.3f} s ({_load()})")
    info("  result", _summary(match_editions(old, new)))
    lexical = AlignerSettings(use_embedding=False)
    info(
        "  same run: lexical aligner on the same two editions",
        f"{best_of(lambda: align(old, new, lexical), repeat=1):.3f} s",
    )


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main() -> None:
    _quality()
    _speed()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
