"""Smoke test of the built desktop bundle (`make dist-test`): it runs as a user's copy would, offline.

Every program of the bundle runs from a clean environment (PATH of the system only, no virtual
environment, a temporary HOME), in a namespace without network and with this machine's Python
hidden (the venv and the interpreter's installation are covered by empty folders), traced with
strace so that any attempt to open an internet socket fails the test. Steps: the CLI prints its
version, inspects a bundled sample, creates a project from the bundled samples (with the sentence
encoder: no "lexical only" notice), exports the PDF report and workbook; the GUI opens that project
offscreen and writes a screenshot of the review screen. Nothing may be written in the bundle's
folder. Then the budgets: size unpacked and as a compressed archive, and the time from start to
the review screen, beside the same start from the development environment in the same run.

    python packaging/dist_test.py [dist/criteria-compare] [--archive FILE.tar.gz] [--reference-gui PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNPACKED_BUDGET_MB = 350
ARCHIVE_BUDGET_MB = 150
START_BUDGET_S = 3.0
_EXE = ".exe" if sys.platform == "win32" else ""
_NET_CALL = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")


class Failed(Exception):
    """A step of the smoke test failed; the message says which and why."""


def _say(text: str) -> None:
    print(f"dist-test: {text}", flush=True)


def _hidden_python() -> list[str]:
    """Folders holding this machine's Python (venv, installation) to cover during the runs."""
    folders = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix)}
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    hidden = []
    for folder in folders:
        if folder in (Path("/usr"), Path("/usr/local"), Path("/")):
            folder = folder / "lib" / version  # a system Python: hide its standard library
        if folder.is_dir():
            hidden.append(str(folder))
    return sorted(hidden)


class Sandbox:
    """Runs a bundled program offline (network namespace, strace) in a clean environment."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.home = work / "home"
        self.home.mkdir()
        runtime = work / "run"
        runtime.mkdir(mode=0o700)
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(runtime),
            "TMPDIR": str(work),
        }
        self.prefix, self.guard = self._wrapper()
        self.strace = shutil.which("strace")
        self.calls = 0

    def _wrapper(self) -> tuple[list[str], str]:
        hide = " && ".join(f"mount -t tmpfs tmpfs '{folder}'" for folder in _hidden_python())
        script = f'{hide} && exec "$0" "$@"' if hide else 'exec "$0" "$@"'
        for flags, what in (
            (["--net", "--mount"], "a network namespace"),
            (["--user", "--map-root-user", "--net", "--mount"], "a user and network namespace"),
        ):
            probe = ["unshare", *flags, "--", "sh", "-c", script, "true"]
            try:
                ok = subprocess.run(probe, capture_output=True, check=False).returncode == 0
            except FileNotFoundError:
                break
            if ok:
                return ["unshare", *flags, "--", "sh", "-c", script], what
        raise Failed(
            "cannot run the bundle without network: 'unshare --net --mount' is not available or "
            "not permitted here; run make dist-test as root or where user namespaces are allowed."
        )

    def run(
        self,
        argv: Sequence[str],
        *,
        gui: bool = False,
        traced: bool = True,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        env = dict(self.env)
        if gui:
            env["QT_QPA_PLATFORM"] = "offscreen"
        command = [*self.prefix, *argv]
        log = None
        if traced and self.strace:
            self.calls += 1
            log = self.work / f"strace-{self.calls}.log"
            command = [self.strace, "-f", "-qq", "-e", "trace=network", "-o", str(log), *command]
        done = subprocess.run(
            command, cwd=cwd or self.work, env=env, capture_output=True, text=True, check=False
        )
        if log is not None:
            attempts = [line for line in log.read_text().splitlines() if _NET_CALL.search(line)]
            if attempts:
                raise Failed(f"{Path(argv[0]).name} tried to reach the network: {attempts[0]}")
        return done


def _check(done: subprocess.CompletedProcess[str], what: str) -> str:
    if done.returncode != 0:
        raise Failed(f"{what} exited {done.returncode}:\n{done.stderr.strip()[-2000:]}")
    return done.stdout


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failed(f"{path} is not a PNG image")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def _tree_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 1e6


def _archive_mb(bundle: Path, archive: Path | None, work: Path) -> tuple[float, Path]:
    if archive is None or not archive.is_file():
        archive = work / f"{bundle.name}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
            tar.add(bundle, arcname=bundle.name)
    return archive.stat().st_size / 1e6, archive


def _best_start(argv: Sequence[str], runs: int, run: object) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        _check(run(argv), "the GUI screenshot")  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def smoke(bundle: Path, archive: Path | None, reference_gui: Path | None) -> list[str]:
    """Run the steps and return the figures' lines; raises Failed."""
    cli = bundle / f"criteria-compare{_EXE}"
    gui = bundle / f"criteria-compare-gui{_EXE}"
    for program in (cli, gui):
        if not program.is_file():
            raise Failed(f"{program} is missing; run make dist first.")
    samples = bundle / "_internal" / "criteria_compare" / "sample_criteria"
    before = _snapshot(bundle)
    with tempfile.TemporaryDirectory(prefix="cc-dist-test-") as tmp:
        work = Path(tmp)
        box = Sandbox(work)
        guard = box.guard + (", strace watching every socket" if box.strace else " (no strace)")
        _say(f"running offline in {guard}, HOME={box.home}, Python hidden: {_hidden_python()}")

        from criteria_compare import __version__

        out = _check(box.run([str(cli), "--version"]), "criteria-compare --version")
        if __version__ not in out:
            raise Failed(f"criteria-compare --version printed {out.strip()!r}, not {__version__}")
        _say(f"CLI --version: {out.strip()}")

        out = _check(
            box.run([str(cli), "inspect", str(samples / "partner_aeo_meridia.xlsx"), "--json"]),
            "criteria-compare inspect",
        )
        count = json.loads(out)["criteria"]
        if count < 10:
            raise Failed(f"inspect found {count} criteria in the bundled sample")
        _say(f"CLI inspect of the bundled sample: {count} criteria")

        project = work / "review.ccproj"
        new = [str(cli), "new", str(project), "--reference"]
        new += [str(samples / "ctpat_msc_importer.xlsx"), "--partner"]
        new += [
            str(samples / "partner_aeo_meridia.xlsx"),
            "--partner-name",
            "Meridia AEO",
            "--json",
        ]
        created = json.loads(_check(box.run(new), "criteria-compare new"))
        if created["notices"]:
            raise Failed(f"criteria-compare new gave notices: {created['notices']}")
        _say(
            f"CLI new: {created['suggestions']} suggestions with the sentence encoder "
            f"in {created['align_seconds']} s"
        )

        report = [str(cli), "report", str(project), "-o", str(work / "report.pdf")]
        _check(box.run([*report, "--xlsx", str(work / "report.xlsx")]), "criteria-compare report")
        pdf = (work / "report.pdf").read_bytes()
        if not pdf.startswith(b"%PDF") or len(pdf) < 10_000 or not (work / "report.xlsx").is_file():
            raise Failed("the exported report is not a PDF of some size with its workbook")
        _say(f"CLI report: report.pdf {len(pdf) // 1024} KB and report.xlsx")

        shot = work / "review.png"
        shoot = [str(gui), str(project), "--screenshot", str(shot)]
        _check(box.run(shoot, gui=True), "criteria-compare-gui --screenshot")
        width, height = _png_size(shot)
        _say(f"GUI opened the project offscreen: screenshot {width}x{height}")
        keep = os.environ.get("DIST_TEST_SCREENSHOT")
        if keep:
            shutil.copyfile(shot, keep)

        after = _snapshot(bundle)
        if after != before:
            changed = sorted(set(after.items()) ^ set(before.items()))
            raise Failed(f"the bundle's folder changed while running: {changed[:5]}")
        _say("nothing was written in the bundle's folder")

        unpacked = _tree_mb(bundle)
        packed, archive = _archive_mb(bundle, archive, work)
        bundled = _best_start(shoot, 3, lambda a: box.run(a, gui=True, traced=False))
        figures = [
            f"bundle unpacked      {unpacked:7.1f} MB   budget < {UNPACKED_BUDGET_MB} MB",
            f"bundle archive       {packed:7.1f} MB   budget < {ARCHIVE_BUDGET_MB} MB ({archive.name})",
            f"start to review (bundle) {bundled:5.2f} s    budget < {START_BUDGET_S:.0f} s "
            "(process start to the screenshot of the opened project, best of 3)",
        ]
        if reference_gui is not None and reference_gui.is_file():
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(box.home))
            ref_shot = [str(reference_gui), str(project), "--screenshot", str(work / "ref.png")]
            reference = _best_start(
                ref_shot,
                3,
                lambda a: subprocess.run(
                    a, env=env, capture_output=True, text=True, check=False, cwd=work
                ),
            )
            figures.append(
                f"start to review (venv)   {reference:5.2f} s    reference, same run "
                f"(bundle/venv = {bundled / reference:.2f})"
            )
        over = []
        if unpacked >= UNPACKED_BUDGET_MB:
            over.append("unpacked size")
        if packed >= ARCHIVE_BUDGET_MB:
            over.append("archive size")
        if bundled >= START_BUDGET_S:
            over.append("start to review")
        for line in figures:
            _say(line)
        if over:
            raise Failed(f"over budget: {', '.join(over)}")
        return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "criteria-compare")
    parser.add_argument("--archive", type=Path, help="the bundle's archive to measure")
    parser.add_argument("--reference-gui", type=Path, help="the development GUI to time beside it")
    args = parser.parse_args(argv)
    try:
        reference = args.reference_gui.absolute() if args.reference_gui else None
        smoke(args.bundle.resolve(), args.archive, reference)
    except Failed as exc:
        _say(f"FAILED: {exc}")
        return 1
    _say("passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
