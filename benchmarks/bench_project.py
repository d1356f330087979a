"""Project file: opening a 2,000 x 3,000 criteria project with suggestions, and recording decisions."""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import figure, info, timed
from criteria_compare.model import (
    Band,
    Criterion,
    Evidence,
    Level,
    Program,
    Provenance,
    Suggestion,
)
from criteria_compare.project import Decision, Project
from criteria_compare.project.lock import acquire

REFERENCE = 2_000
PARTNER = 3_000
K = 5
WORDS = [
    "seal",
    "container",
    "cargo",
    "security",
    "partner",
    "risk",
    "access",
    "visitor",
    "badge",
    "record",
    "training",
    "procedure",
    "inspection",
    "conveyance",
    "premises",
    "personnel",
    "screening",
    "audit",
    "threat",
    "supplier",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _program(name: str, prefix: str, count: int, rng: random.Random) -> Program:
    prov_sha = "c" * 64
    return Program(
        name=name,
        version="bench",
        source_file=f"{name}.xlsx",
        sha256=prov_sha,
        criteria=tuple(
            Criterion(
                ref=f"{prefix}{i // 50 + 1}.{i % 50 + 1}",
                text=_text(rng, 30),
                section=f"Section {i // 50 + 1}",
                guidance=_text(rng, 20),
                level=Level.MUST if i % 3 else Level.SHOULD,
                provenance=Provenance(f"{name}.xlsx", prov_sha, "Criteria", i + 4),
            )
            for i in range(count)
        ),
    )


def _suggestions(src: Program, dst: Program, rng: random.Random) -> dict[str, list[Suggestion]]:
    refs = [c.ref for c in dst.criteria]
    out: dict[str, list[Suggestion]] = {}
    for c in src.criteria:
        picks = rng.sample(refs, K)
        out[c.ref] = [
            Suggestion(
                source_ref=c.ref,
                target_ref=t,
                rank=r,
                score=round(0.9 - 0.1 * r, 4),
                band=Band.HIGH if r == 1 else Band.MEDIUM,
                evidence=Evidence(
                    shared_terms=tuple(rng.sample(WORDS, 8)),
                    source_spans=tuple((i * 10, i * 10 + 6) for i in range(6)),
                    target_spans=tuple((i * 12, i * 12 + 6) for i in range(6)),
                    channels={"tfidf": 0.61, "bm25": 0.55, "char": 0.47, "embedding": 0.72},
                    margin=0.05,
                    section_match=r == 1,
                ),
            )
            for r, t in enumerate(picks, start=1)
        ]
    return out


def build(folder: Path) -> Path:
    """A big project: both programs, suggestions both ways, 1,500 decisions, 5,000 cached embeddings."""
    rng = random.Random(7)
    reference = _program("reference", "R", REFERENCE, rng)
    partner = _program("partner", "P", PARTNER, rng)
    path = folder / "big.ccproj"
    project, seconds = timed(lambda: Project.create(path, reference, partner, reviewer="bench"))
    info("create 2,000 x 3,000 project (no suggestions)", f"{seconds:.3f} s")
    forward = _suggestions(reference, partner, rng)
    backward = _suggestions(partner, reference, rng)
    _, seconds = timed(lambda: project.store_suggestions(forward, backward))
    info("store 25,000 suggestions with evidence (re-align write)", f"{seconds:.3f} s")
    decisions = []
    for i, c in enumerate(reference.criteria[:1500]):
        target = forward[c.ref][0].target_ref
        if i % 3 == 0:
            decisions.append(Decision(c.ref, status="aligned", link=[(target, "equal")]))
        elif i % 3 == 1:
            decisions.append(
                Decision(
                    c.ref,
                    status="partial",
                    note="Partner is less strict.",
                    link=[(target, "subset_of")],
                    reject=[forward[c.ref][1].target_ref],
                )
            )
        else:
            decisions.append(Decision(c.ref, status="gap", discussion=True))
    _, seconds = timed(lambda: project.apply(decisions, bulk=True))
    info("apply 1,500 decisions in one transaction (bulk)", f"{seconds:.3f} s")
    vectors = {f"h{i}": np.ones(512, dtype=np.float32) * i for i in range(REFERENCE + PARTNER)}
    project.embedding_cache().put(vectors)
    project.close()
    info("file size", f"{path.stat().st_size / 1e6:.1f} MB")
    return path


def open_and_first_screen(path: Path) -> float:
    """Open, read both programs, every verdict, all links and the first criterion's suggestions."""
    start = time.perf_counter()
    project = Project.open(path)
    first = project.reference.criteria[0].ref
    _ = project.partner
    project.assessments()
    project.links()
    project.suggestions(first)
    project.summary()
    seconds = time.perf_counter() - start
    project.close()
    return seconds


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd() if Path.cwd().is_dir() else None) as tmp:
        path = build(Path(tmp))
        opens = []
        for _ in range(5):
            start = time.perf_counter()
            Project.open(path).close()
            opens.append(time.perf_counter() - start)
        figure("open a 2,000 x 3,000 project (median of 5)", statistics.median(opens), 0.5)
        readers = []
        for _ in range(5):
            start = time.perf_counter()
            Project.open(path, read_only=True).close()
            readers.append(time.perf_counter() - start)
        info("  baseline: open read-only (no lock), median", f"{statistics.median(readers):.3f} s")
        locks = []
        for _ in range(20):
            start = time.perf_counter()
            acquire(path).release()
            locks.append(time.perf_counter() - start)
        figure(
            "take and give back the project lock (median of 20)",
            statistics.median(locks) * 1000,
            20,
            "ms",
        )
        screens = [open_and_first_screen(path) for _ in range(5)]
        figure(
            "open + programs + verdicts + links + first suggestions",
            statistics.median(screens),
            0.5,
        )

        rng = random.Random(11)
        rollback_path = path.with_name("rollback.ccproj")
        shutil.copyfile(path, rollback_path)
        rollback = Project.open(rollback_path)
        rollback._db.execute("PRAGMA journal_mode = DELETE")  # the baseline: rollback journal
        with Project.open(path) as project:
            refs = [c.ref for c in project.reference.criteria[1500:]]
            partners = [c.ref for c in project.partner.criteria]
            times: dict[str, list[float]] = {"wal": [], "rollback": []}
            for i in range(300):
                ref = refs[i % len(refs)]
                pref = rng.choice(partners)
                # interleaved, so both modes see the same disk load
                for mode, target in (("wal", project), ("rollback", rollback)):
                    start = time.perf_counter()
                    if i % 3 == 0:
                        target.decide(ref, note=f"bench note {i}")
                    elif i % 3 == 1:
                        target.decide(ref, status="aligned", link=[(pref, "equal")])
                    else:
                        target.decide(ref, discussion=bool(i % 2))
                    times[mode].append(time.perf_counter() - start)
            rollback.close()
            for series in times.values():
                series.sort()
            p95 = {m: t[int(len(t) * 0.95) - 1] * 1000 for m, t in times.items()}
            figure("record one decision, 95th percentile (synchronous FULL)", p95["wal"], 20, "ms")
            info("record one decision, median", f"{statistics.median(times['wal']) * 1000:.2f} ms")
            info(
                "  baseline: rollback journal, median / p95",
                f"{statistics.median(times['rollback']) * 1000:.2f} ms / {p95['rollback']:.2f} ms",
            )
            start = time.perf_counter()
            for ref in refs[:100]:
                project.suggestions(ref)
                project.assessment(ref)
                project.links(ref)
            info(
                "read one criterion's suggestions + verdict + links",
                f"{(time.perf_counter() - start) / 100 * 1000:.2f} ms",
            )
            start = time.perf_counter()
            for _ in range(1000):
                project.outside_changes()
            figure(
                "look for other programs' commits (GUI polls it each second)",
                (time.perf_counter() - start) / 1000 * 1000,  # ms per call
                1.0,
                "ms",
            )


if __name__ == "__main__":
    main()
