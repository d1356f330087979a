"""In-memory index of every reviewer decision (links, verdicts, rejections, pins), loaded at once, patched per ref."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Mapping

from criteria_compare.model import Assessment, Link
from criteria_compare.project.codec import assessment_from_row, link_from_row
from criteria_compare.project.decisions import Fingerprints

__all__ = ["DecisionIndex"]

_LINKS = (
    "SELECT reference_ref, partner_ref, relation, origin, score, reviewer, timestamp, "
    "reference_fingerprint, partner_fingerprint FROM links"
)
_ASSESSMENTS = (
    "SELECT reference_ref, status, note, discussion, reviewer, timestamp, fingerprint "
    "FROM assessments"
)


class DecisionIndex:
    """Decisions by reference ref and by partner ref, for fast reads by the review screen.

    ``positions`` gives each reference ref's place in program order, so the
    links of a partner criterion are listed in reference order. With ``known``,
    decisions naming a criterion it does not list (an excluded one) are left
    out: they stay in the file and come back when the criterion is restored.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        positions: Mapping[str, int],
        known: Fingerprints | None = None,
    ) -> None:
        self._positions = positions
        self._known = known
        self.links: dict[str, list[Link]] = {}
        self.by_partner: dict[str, list[Link]] = {}
        self.assessments: dict[str, tuple[Assessment, str]] = {}
        self.rejected: set[tuple[str, str]] = set()
        self.pinned: set[tuple[str, str]] = set()
        self._link_fps: dict[tuple[str, str], tuple[str, str]] = {}
        for row in conn.execute(_LINKS + " ORDER BY rowid"):
            if self._shown(row[0], row[1]):
                self._add_link(row)
        for group in self.by_partner.values():
            group.sort(key=self._order)
        for row in conn.execute(_ASSESSMENTS):
            self.assessments[row[0]] = (assessment_from_row(row[:6]), row[6])
        self.rejected = self._pairs(
            conn.execute("SELECT reference_ref, partner_ref FROM rejections")
        )
        self.pinned = self._pairs(conn.execute("SELECT reference_ref, partner_ref FROM pins"))

    def _shown(self, ref: object, pref: object) -> bool:
        known = self._known
        return known is None or (ref in known.reference and pref in known.partner)

    def _pairs(self, rows: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        return {(r, p) for r, p in rows if self._shown(r, p)}

    def _order(self, link: Link) -> int:
        return self._positions.get(link.reference_ref, 0)

    def _add_link(self, row: tuple[object, ...]) -> Link:
        link = link_from_row(row[:7])
        self.links.setdefault(link.reference_ref, []).append(link)
        self.by_partner.setdefault(link.partner_ref, []).append(link)
        self._link_fps[(link.reference_ref, link.partner_ref)] = (str(row[7]), str(row[8]))
        return link

    def refresh(self, conn: sqlite3.Connection, ref: str) -> None:
        """Re-read one reference criterion's decisions after our own commit."""
        for link in self.links.pop(ref, []):
            group = self.by_partner.get(link.partner_ref, [])
            group[:] = [lk for lk in group if lk.reference_ref != ref]
            self._link_fps.pop((ref, link.partner_ref), None)
        for row in conn.execute(_LINKS + " WHERE reference_ref = ? ORDER BY rowid", (ref,)):
            if not self._shown(row[0], row[1]):
                continue
            link = self._add_link(row)
            self.by_partner[link.partner_ref].sort(key=self._order)
        self.rejected = {p for p in self.rejected if p[0] != ref} | self._pairs(
            conn.execute(
                "SELECT reference_ref, partner_ref FROM rejections WHERE reference_ref = ?", (ref,)
            )
        )
        self.pinned = {p for p in self.pinned if p[0] != ref} | self._pairs(
            conn.execute(
                "SELECT reference_ref, partner_ref FROM pins WHERE reference_ref = ?", (ref,)
            )
        )
        row = conn.execute(_ASSESSMENTS + " WHERE reference_ref = ?", (ref,)).fetchone()
        if row is None:
            self.assessments.pop(ref, None)
        else:
            self.assessments[ref] = (assessment_from_row(row[:6]), row[6])

    def suspect(self, ref: str, fingerprint: str, fps: Fingerprints) -> bool:
        """True if the reference text or a linked partner text changed since the decision."""
        if fingerprint and fingerprint != fps.reference.get(ref, fingerprint):
            return True
        for link in self.links.get(ref, ()):
            rf, pf = self._link_fps.get((ref, link.partner_ref), ("", ""))
            if rf and rf != fps.reference.get(ref, rf):
                return True
            if pf and pf != fps.partner.get(link.partner_ref, pf):
                return True
        return False

    def assessment(self, ref: str, fps: Fingerprints) -> Assessment:
        """The stored verdict (or unreviewed), with ``suspect`` worked out (also for an
        unreviewed criterion whose confirmed links were made on other texts)."""
        found = self.assessments.get(ref)
        if found is None:
            return Assessment(reference_ref=ref, suspect=self.suspect(ref, "", fps))
        assessment, fingerprint = found
        if not self.suspect(ref, fingerprint, fps):
            return assessment
        return dataclasses.replace(assessment, suspect=True)
