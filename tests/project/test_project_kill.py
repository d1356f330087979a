"""Kill test: `decide`, `align` and `report` killed with SIGKILL at random moments (30 kills, seeded) never
lose an acknowledged decision, never damage the file and never leave a partial file under a final name."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from criteria_compare.align import AlignerSettings
from criteria_compare.model import Criterion, Program
from criteria_compare.project import Project
from criteria_compare.report import export_pdf

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

KILLS = 30
SEED = 20261203
REFS = [f"{n}.{m}" for n in range(1, 9) for m in range(1, 6)]

_WORDS = [
    "seal",
    "container",
    "cargo",
    "record",
    "partner",
    "screen",
    "train",
    "staff",
    "risk",
    "assess",
    "access",
    "badge",
    "visitor",
    "vehicle",
    "inspect",
    "report",
    "verify",
    "document",
    "secure",
    "store",
    "guard",
    "camera",
    "alarm",
    "review",
    "annual",
    "written",
    "procedure",
    "manager",
    "incident",
    "threat",
    "supplier",
    "contract",
]

#: The child: one command's work in a loop, each step acknowledged on stdout once it is done.
CHILD = textwrap.dedent(
    """
    import sys
    from criteria_compare.project import Project
    mode, path, out, run = sys.argv[1:5]
    refs = sys.argv[5:]

    def tick(done, total, message):
        print("progress", flush=True)

    if mode == "decide":
        project = Project.open(path)
        i = 0
        while True:
            note = f"run {run} note {i}"
            project.decide(refs[i % len(refs)], note=note, reviewer="kill test")
            print("ack", note, flush=True)  # after the commit returned
            i += 1
    elif mode == "align":
        from criteria_compare.workflow.realign import realign
        project = Project.open(path)
        while True:
            realign(project, progress=tick, reviewer="kill test")
            print("aligned", flush=True)
    else:
        from criteria_compare.report import export_pdf
        project = Project.open(path, read_only=True)
        while True:
            export_pdf(project, out, progress=tick)
            print("written", flush=True)
    """
)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _program(name: str, refs: list[str], rng: random.Random) -> Program:
    return Program(
        name=name,
        criteria=tuple(
            Criterion(ref=ref, text=_text(rng, 14), section=f"Section {ref.split('.')[0]}")
            for ref in refs
        ),
    )


def _build(path: Path) -> None:
    rng = random.Random(SEED)
    reference = _program("Reference", REFS, rng)
    partner = _program("Partner", [f"P-{n}" for n in range(1, 51)], rng)
    settings = AlignerSettings(use_embedding=False)
    with Project.create(path, reference, partner, settings=settings, reviewer="kill test"):
        pass


def _kill_after(args: list[str], lines: int) -> list[str]:
    """Start the child, let it print ``lines`` lines, SIGKILL it; every line it printed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    seen: list[str] = []
    try:
        while len(seen) < lines:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            seen.append(line.strip())
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        seen += child.stdout.read().splitlines()  # printed before the kill, not read yet
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return seen


def _check(path: Path, pdf: Path, acked: set[str]) -> None:
    # A killed writer leaves its -wal, -shm and lock; the next open finishes the log and
    # recognises the lock as stale (its process is gone), so it opens for writing.
    final_names = {path.name, pdf.name} | {path.name + s for s in ("-wal", "-shm", ".lock")}
    assert {p.name for p in path.parent.iterdir() if not p.name.startswith(".")} <= final_names
    with Project.open(path) as project:
        assert not project.read_only
        assert project.integrity_errors() == []
        notes = {e.new_value for e in project.history() if e.action == "note"}
        assert acked <= notes, sorted(acked - notes)[:3]
        assert project.alignment_info() == {} or project.summary()["suggestions"] > 0
    assert not path.with_name(path.name + "-wal").exists()
    assert not path.with_name(path.name + ".lock").exists()
    if pdf.exists():
        assert len(PdfReader(pdf).pages) >= 1


def test_random_kills_lose_nothing(tmp_path: Path) -> None:
    """30 SIGKILLs at seeded random moments of decide loops, re-alignments and PDF exports: after
    each, every acknowledged decision is there, integrity_check is ok, the PDF is absent or whole;
    the next export clears the temporary files the killed ones left."""
    path = tmp_path / "review.ccproj"
    pdf = tmp_path / "report.pdf"
    _build(path)
    rng = random.Random(SEED)
    acked: set[str] = set()
    modes = ["decide"] * 12 + ["align"] * 9 + ["report"] * 9
    rng.shuffle(modes)
    assert len(modes) == KILLS
    for run, mode in enumerate(modes):
        lines = rng.randint(1, 120 if mode == "decide" else 40)
        seen = _kill_after([mode, str(path), str(pdf), str(run), *REFS], lines)
        acked |= {line.removeprefix("ack ") for line in seen if line.startswith("ack ")}
        _check(path, pdf, acked)
    assert acked
    with Project.open(path, read_only=True) as project:
        export_pdf(project, pdf)
    assert sorted(p.name for p in tmp_path.iterdir()) == [pdf.name, path.name]
