"""One enormous criterion text cannot take the aligner's memory with it."""

from __future__ import annotations

import resource
import subprocess
import sys

from criteria_compare.align.embedding import ENCODER_MAX_CHARS, encoder_text

_MIB = 1024 * 1024
# Measured peak address space of this alignment with the encoder: about 450 MB with the
# bound, 7.8 GB without it (the encoder's memory grows with the square of the tokens).
_ADDRESS_LIMIT = 1200 * _MIB

_ALIGN_HUGE = """
from criteria_compare.align import align
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.model import Criterion

words = "gate seal container lock policy review security partner audit record".split()
huge = " ".join(f"{words[i % 10]}{i}" for i in range(150_000))  # about 1.1 MB
reference = [Criterion(f"1.{i}", f"Every {w} is checked by a named person.") for i, w in
             enumerate(words)]
partner = [Criterion(f"P-{i}", f"The {w} has an owner who checks it.") for i, w in
           enumerate(words)] + [Criterion("P-huge", huge)]
result = align(reference, partner, AlignerSettings(use_embedding=True))
print(len(result.forward), len(result.notices))
print(*result.notices)
"""


def _address_cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_ADDRESS_LIMIT, _ADDRESS_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (120, 121))


def test_encoder_gets_a_bounded_prefix_of_a_huge_text() -> None:
    """The encoder is given at most ENCODER_MAX_CHARS characters of any text."""
    huge = "Seals are checked. " * 60_000
    assert len(encoder_text(huge)) == ENCODER_MAX_CHARS
    assert encoder_text("  Seals   are\nchecked. ") == "Seals are checked."


def test_aligning_a_megabyte_criterion_stays_within_1200_mb() -> None:
    """A partner criterion of 1.1 MB of text aligns with every channel, the encoder included,
    under a 1,200 MB address-space limit (unbounded, the encoder ran out of memory)."""
    proc = subprocess.run(
        [sys.executable, "-c", _ALIGN_HUGE],
        capture_output=True,
        text=True,
        preexec_fn=_address_cap,
        timeout=600,
        check=False,
        env={"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[:2] == ["10", "0"], proc.stdout  # no "encoder unavailable"
