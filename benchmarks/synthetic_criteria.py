"""Synthetic criteria for the aligner benchmarks: security-flavoured sentences in our own words.

Texts mix a small domain vocabulary (Zipf-distributed, like real criteria)
with a long tail of rarer real words (taken from the bundled English sample
criteria, with plural/verb endings for variety), 12-35 words per criterion,
grouped in sections, so term statistics look like a real crosswalk at any size.
"""

from __future__ import annotations

import numpy as np

from criteria_compare.model import Criterion

__all__ = ["synthetic_criteria"]

_DOMAIN_TEXT = """
security seal container trailer conveyance cargo shipment inspection record procedure policy
access control badge visitor employee staff personnel training awareness risk assessment
business partner supplier carrier broker warehouse facility premises fence gate lighting alarm
camera surveillance lock key password network system software account data backup incident
report notify investigate review audit annual written documented approved verified checked
tamper evidence agricultural pest contamination wood packaging pallet vehicle driver route
tracking monitoring alert breach loss theft smuggling contraband drug weapon threat screening
background hiring termination contractor service provider management senior officer point
contact program membership compliance requirement standard criteria guidance level must should
include ensure maintain establish implement provide protect prevent detect respond recover
periodic regular daily weekly prior arrival departure loading unloading storage area restricted
secure unauthorized authorized entry exit log list inventory count discrepancy shortage overage
"""
_DOMAIN = _DOMAIN_TEXT.split()

_SECTIONS = (
    "Security vision and responsibility",
    "Risk assessment",
    "Business partners",
    "Cybersecurity",
    "Conveyance and container security",
    "Seal security",
    "Procedural security",
    "Agricultural security",
    "Physical security",
    "Physical access controls",
    "Personnel security",
    "Training and awareness",
)

_CONNECTORS = ("the", "and", "of", "to", "for", "a", "with", "in", "on", "by")


def _tail_words() -> list[str]:
    """Real words from the bundled English samples (and inflected forms), or the domain list."""
    import re

    from criteria_compare.importing import read_criteria
    from criteria_compare.resources import sample_path

    words: set[str] = set()
    for name in ("ctpat_msc_importer.xlsx", "partner_aeo_meridia.xlsx"):
        path = sample_path(name)
        if path.exists():
            for c in read_criteria(path).criteria:
                words.update(re.findall(r"[a-z]{4,}", f"{c.text} {c.guidance}".lower()))
    base = sorted(words) or list(_DOMAIN)
    return base + [w + "s" for w in base] + [w + "ing" for w in base] + [w + "ed" for w in base]


def synthetic_criteria(n: int, seed: int, prefix: str = "S") -> tuple[Criterion, ...]:
    """``n`` criteria with refs ``<prefix>-<section>.<i>``, reproducible from ``seed``."""
    rng = np.random.default_rng(seed)
    ranks = np.arange(1, len(_DOMAIN) + 1)
    zipf = 1.0 / ranks
    zipf /= zipf.sum()
    tail = _tail_words()
    out = []
    for i in range(n):
        length = int(rng.integers(12, 36))
        words = []
        for _ in range(length):
            r = rng.random()
            if r < 0.3:
                words.append(str(rng.choice(_CONNECTORS)))
            elif r < 0.85:
                words.append(_DOMAIN[int(rng.choice(len(_DOMAIN), p=zipf))])
            else:
                words.append(tail[int(rng.integers(len(tail)))])
        section = int(rng.integers(len(_SECTIONS)))
        text = " ".join(words).capitalize() + "."
        out.append(
            Criterion(ref=f"{prefix}-{section + 1}.{i + 1}", text=text, section=_SECTIONS[section])
        )
    return tuple(out)


def synthetic_edition(
    criteria: tuple[Criterion, ...],
    seed: int,
    *,
    reworded: float = 0.10,
    renumbered: float = 0.05,
    removed: float = 0.02,
    added: float = 0.03,
) -> tuple[Criterion, ...]:
    """A next edition of ``criteria``: shares of them reworded (about a sixth of the words
    replaced, one word inserted), renumbered (a new ref, same text), removed, and new ones
    added at random places; the rest unchanged, in the same order."""
    rng = np.random.default_rng(seed)
    n = len(criteria)
    order = rng.permutation(n)
    cut = np.cumsum([round(n * share) for share in (reworded, renumbered, removed)])
    fate = np.zeros(n, dtype=np.int64)
    for k, (a, b) in enumerate(zip([0, *cut[:-1]], cut, strict=True), start=1):
        fate[order[a:b]] = k
    vocabulary = _DOMAIN + _tail_words()
    fresh = list(synthetic_criteria(round(n * added), seed + 1, "NEW"))
    out: list[Criterion] = []
    for i, c in enumerate(criteria):
        if fate[i] == 1:
            words = c.text.rstrip(".").split()
            for w in rng.choice(len(words), max(1, len(words) // 6), replace=False):
                words[int(w)] = str(vocabulary[int(rng.integers(len(vocabulary)))])
            words.insert(int(rng.integers(len(words) + 1)), str(rng.choice(_DOMAIN)))
            out.append(Criterion(c.ref, " ".join(words).capitalize() + ".", c.section))
        elif fate[i] == 2:
            out.append(Criterion(f"{c.ref}-r", c.text, c.section))
        elif fate[i] != 3:
            out.append(c)
        if fresh and rng.random() < added:
            out.append(fresh.pop())
    return (*out, *fresh)
