"""Update one side of a comparison to a new edition of its program, carrying every decision forward.

Two steps, so both front ends can show the preview before anything is written:

- :func:`plan_update` reads the new file (the normal importer, with the sheet
  and column choices), matches old criteria to new ones with
  ``align.editions.match_editions`` (reusing the embeddings stored in the
  project), works out where each decision goes (``project.carry``) and returns
  an :class:`UpdatePreview`. Nothing is written (it works on a read-only project).
- :func:`apply_update` refuses while an ambiguous match is unsettled, writes a
  backup copy of the project beside it, re-computes the suggestions for the new
  texts (``workflow.realign.suggest``, stored embeddings reused for unchanged
  texts) and writes the whole update in ONE transaction.

Split and merged criteria: see ``project.carry`` (decisions fan out to every
part of a split; a merge unites links and keeps a common verdict, otherwise it
goes back to unreviewed with a note naming the merged verdicts). Decisions
touching a reworded, split or merged criterion on either side become suspect;
decisions on removed criteria are listed in the preview, written to the history
and to the edition's change list, never dropped silently. Excluded criteria
stay excluded under their new ref (a removed one is simply gone).

A file that matches almost none of the current criteria (the other program's
file, a wrong sheet) is refused with one sentence unless ``force`` is given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_compare.errors import InvalidValue, UpdateRefusal, UpdateRefused
from criteria_compare.model import Criterion, EditionChange, Program, Side, Status
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel, scaled
from criteria_compare.project import Project
from criteria_compare.project.carry import CarryResult, DecisionRows, carry, suspect_refs
from criteria_compare.project.editions import EditionWrite
from criteria_compare.project.newfile import describe_program
from criteria_compare.project.state import AlignmentInputs
from criteria_compare.wording import counted

if TYPE_CHECKING:
    from criteria_compare.align.editions import AmbiguousMatch, EditionMatch
    from criteria_compare.align.embedding import EmbeddingCache
    from criteria_compare.importing import ImportResult

__all__ = [
    "CLI_REFUSALS",
    "MIN_MATCHED_SHARE",
    "Matcher",
    "UpdatePreview",
    "UpdateResult",
    "apply_update",
    "backup_for_update",
    "confirm_carried",
    "plan_update",
    "unsettled_refusal",
    "unsettled_sentence",
    "word_refusal",
]

#: Below this share of the current criteria found again in the new file, the file is refused as
#: another program (unless forced). Real revisions keep far more: CSF 1.1 -> 2.0, a restructuring,
#: keeps about half; a corrected copy keeps nearly all.
MIN_MATCHED_SHARE = 0.2
#: ... but only when the current edition has at least this many criteria.
_MIN_FOR_SHARE = 5


#: ``align.editions.match_editions`` or a stand-in with its signature.
Matcher = Callable[..., "EditionMatch"]


@dataclass(frozen=True)
class UpdatePreview:
    """What an update would do; nothing is written until :func:`apply_update`."""

    side: Side
    number: int  # the edition this update creates (2 after the first import)
    label: str
    source_file: str
    sha256: str
    old: tuple[Criterion, ...]  # the current criteria of the side, excluded ones included
    new: tuple[Criterion, ...]
    before: DecisionRows  # the decisions the preview was worked out from
    match: EditionMatch
    carried: CarryResult
    suspect: frozenset[str]  # reference refs whose decision is suspect after the update
    exclusions: tuple[tuple[str, str, str, str], ...]  # carried (new ref, reviewer, when, why)
    import_settings: Mapping[str, Any] = field(default_factory=dict)
    import_warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    #: Sentence-encoder vectors the matching worked out for texts the project had not stored
    #: (cache key -> vector); :func:`apply_update` stores them instead of encoding them again
    #: (a preview on a read-only project, as the command line makes it, stores nothing itself).
    embeddings: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def counts(self) -> dict[str, int]:
        """How many old criteria went each way (a split or merge counts each pair)."""
        out = dict.fromkeys(
            ("unchanged", "reworded", "renumbered", "renumbered_reworded", "split", "merged"), 0
        )
        for pair in self.match.matched:
            out[pair.change] = out.get(pair.change, 0) + 1
        out["removed"] = len(self.match.removed)
        out["added"] = len(self.match.added)
        out["ambiguous"] = len(self.match.ambiguous)
        return out

    def decision_words(self) -> dict[str, str]:
        """For each old ref that carries decisions, those decisions in words (for a preview list),
        e.g. ``{"P-3": "linked from 3.1 (equal)"}`` or ``{"7.10": "Gap"}``."""
        describe = _describe_reference if self.side is Side.REFERENCE else _describe_partner
        out = {c.ref: describe(self.before, c.ref) for c in self.old}
        return {ref: words for ref, words in out.items() if words}

    @property
    def summary(self) -> str:
        """One line: the edition, its file and how many criteria went each way."""
        return _summary(self)

    def to_dict(self) -> dict[str, Any]:
        """The ``update --json`` object (the issue's contract, plus ``dropped`` and ``counts``)."""
        return {
            "side": self.side.value,
            "edition": {
                "number": self.number,
                "label": self.label,
                "source_file": self.source_file,
                "sha256": self.sha256,
                "criteria": len(self.new),
            },
            "matched": [
                {"old": p.old, "new": p.new, "change": p.change} for p in self.match.matched
            ],
            "removed": list(self.match.removed),
            "added": list(self.match.added),
            "ambiguous": [
                {"old": a.old, "candidates": list(a.candidates)} for a in self.match.ambiguous
            ],
            "carried": self.carried.counts,
            "suspect": len(self.suspect),
            "dropped": [
                {
                    "reference_ref": d.reference_ref,
                    "partner_ref": d.partner_ref,
                    "what": d.what,
                    "description": d.description,
                }
                for d in self.carried.dropped
            ],
            "counts": self.counts(),
            "warnings": list(self.import_warnings),
        }


@dataclass(frozen=True)
class UpdateResult:
    """An applied update: its preview, the backup copy and the suspect count read back from the file."""

    preview: UpdatePreview
    backup: Path
    suspect: int
    notices: tuple[str, ...] = ()


#: The command line's words for each refusal (fields: see where each is raised).
CLI_REFUSALS: Mapping[UpdateRefusal, str] = {
    UpdateRefusal.OTHER_SIDE_FILE: (
        "{file} is the file of the {other} program of this project (same SHA-256); "
        "give it with --{other}, or give the new {side} file."
    ),
    UpdateRefusal.POOR_MATCH: (
        "{file} matches only {found} of the {total} criteria of the current {side} edition, so "
        "it looks like another program or the wrong sheet; check the file and --sheet, or pass "
        "--force if it really is the new edition."
    ),
    UpdateRefusal.UNSETTLED: (
        "Old criterion {old} could be any of {candidates} in the new edition{more}; settle it "
        "with --match {old}=NEW (or --match {old}= if it was removed) and run the update again."
    ),
}


def word_refusal(exc: UpdateRefused, sentences: Mapping[UpdateRefusal, str]) -> str:
    """``exc`` in one front end's words: ``sentences[exc.refusal]`` filled in."""
    return sentences[exc.refusal].format(**exc.fields)


def _refused(refusal: UpdateRefusal, **fields: str) -> UpdateRefused:
    return UpdateRefused(refusal, fields, CLI_REFUSALS[refusal].format(**fields))


def unsettled_refusal(ambiguous: Sequence[AmbiguousMatch]) -> UpdateRefused:
    """The refusal for unsettled ambiguous matches, naming the first (and how many more)."""
    first = ambiguous[0]
    more = len(ambiguous) - 1
    return _refused(
        UpdateRefusal.UNSETTLED,
        old=first.old,
        candidates=", ".join(first.candidates),
        more=(
            f" (and {counted(more, 'more old criterion', 'more old criteria')} "
            f"{'is' if more == 1 else 'are'} unclear)"
            if more
            else ""
        ),
    )


def unsettled_sentence(ambiguous: Sequence[AmbiguousMatch]) -> str:
    """The refusal for unsettled ambiguous matches in the command line's words."""
    return str(unsettled_refusal(ambiguous))


def _default_matcher() -> Matcher:
    from criteria_compare.align.editions import match_editions

    return match_editions


class _KeptEmbeddings:
    """The project's embedding cache, also keeping (in ``new``) every vector put into it, which
    a read-only project would not store."""

    def __init__(self, cache: EmbeddingCache) -> None:
        self._cache = cache
        self.new: dict[str, Any] = {}

    def get(self, keys: Sequence[str]) -> dict[str, Any]:
        return self._cache.get(keys)

    def put(self, items: Mapping[str, Any]) -> None:
        self.new.update(items)
        self._cache.put(items)


def _match(
    matcher: Matcher,
    project: Project,
    old: Sequence[Criterion],
    new: Sequence[Criterion],
    settled: Mapping[str, str | None],
    progress: ProgressCallback | None,
) -> tuple[EditionMatch, tuple[str, ...], dict[str, Any]]:
    """The matcher's answer, with the project's stored embeddings reused for the encoder channel
    (``align.editions.sentence_embedder``) unless the project's settings leave the encoder out;
    and the vectors it encoded (see ``UpdatePreview.embeddings``)."""
    from criteria_compare.align.editions import sentence_embedder
    from criteria_compare.workflow.realign import aligner_settings

    notices: tuple[str, ...] = ()
    embed = None
    kept = _KeptEmbeddings(project.embedding_cache())
    if aligner_settings(project).use_embedding:
        embed = sentence_embedder(kept)
        if embed is None:
            notices = (
                "The sentence encoder is unavailable; old and new criteria were matched "
                "by their words alone.",
            )
    match = matcher(old, new, settled=settled, embed=embed, progress=progress)
    return match, notices, kept.new


def _targets(match: EditionMatch) -> dict[str, list[tuple[str, str]]]:
    targets: dict[str, list[tuple[str, str]]] = {}
    for pair in match.matched:
        targets.setdefault(pair.old, []).append((pair.new, pair.change))
    return targets


def _check_fit(
    project: Project,
    side: Side,
    old: Sequence[Criterion],
    match: EditionMatch,
    sha256: str,
    file: str,
) -> None:
    other = Side.PARTNER if side is Side.REFERENCE else Side.REFERENCE
    other_program = project.partner if other is Side.PARTNER else project.reference
    if sha256 and sha256 == other_program.sha256:
        raise _refused(UpdateRefusal.OTHER_SIDE_FILE, file=file, other=other.value, side=side.value)
    found = {p.old for p in match.matched} | {a.old for a in match.ambiguous}
    if len(old) >= _MIN_FOR_SHARE and len(found) < MIN_MATCHED_SHARE * len(old):
        raise _refused(
            UpdateRefusal.POOR_MATCH,
            file=file,
            found=str(len(found)),
            total=str(len(old)),
            side=side.value,
        )


def _describe_reference(rows: DecisionRows, ref: str) -> str:
    links = [f"{lk.partner_ref} ({lk.relation})" for lk in rows.links if lk.reference_ref == ref]
    verdict = next((a for a in rows.assessments if a.reference_ref == ref), None)
    label = Status(verdict.status).label if verdict else Status.UNREVIEWED.label
    parts = [label]
    if links:
        parts.append("links " + ", ".join(links))
    if verdict is not None and verdict.discussion:
        parts.append("discussion point")
    return "; ".join(parts) if verdict or links else ""


def _describe_partner(rows: DecisionRows, pref: str) -> str:
    refs = [f"{lk.reference_ref} ({lk.relation})" for lk in rows.links if lk.partner_ref == pref]
    return "linked from " + ", ".join(refs) if refs else ""


def _changes(
    side: Side,
    number: int,
    old: Sequence[Criterion],
    new: Sequence[Criterion],
    match: EditionMatch,
    result: CarryResult,
    before: DecisionRows,
) -> tuple[EditionChange, ...]:
    old_by = {c.ref: c for c in old}
    new_by = {c.ref: c for c in new}
    describe = _describe_reference if side is Side.REFERENCE else _describe_partner
    out: list[EditionChange] = []
    for pair in match.matched:
        if pair.change == "unchanged":
            continue
        out.append(
            EditionChange(
                side,
                number,
                pair.change,
                pair.old,
                pair.new,
                old_by[pair.old].text,
                new_by[pair.new].text,
                describe(result.rows, pair.new),
            )
        )
    out.extend(
        EditionChange(
            side, number, "removed", ref, None, old_by[ref].text, "", describe(before, ref)
        )
        for ref in match.removed
    )
    out.extend(
        EditionChange(side, number, "added", None, ref, "", new_by[ref].text) for ref in match.added
    )
    return tuple(out)


def plan_update(
    project: Project,
    side: Side | str,
    source: ImportResult,
    *,
    label: str | None = None,
    settled: Mapping[str, str | None] | None = None,
    force: bool = False,
    matcher: Matcher | None = None,
    progress: ProgressCallback | None = None,
) -> UpdatePreview:
    """Match the side's current criteria to those of ``source`` and preview the update; writes nothing.

    ``settled`` holds the reviewer's choices for ambiguous matches (old ref -> new
    ref, or None: removed). Raises InvalidValue (one sentence) for a file that
    is not a new edition of this side's program (see ``force``).
    """
    side = Side(side)
    if not source.criteria:
        raise InvalidValue(f"{source.file} holds no criteria, so it cannot be a new edition.")
    old = project.stored_criteria(side)
    new = tuple(source.criteria)
    match, notices, embeddings = _match(
        matcher or _default_matcher(), project, old, new, settled or {}, progress
    )
    if not force:
        _check_fit(project, side, old, match, source.sha256, source.file)
    before = project.decision_rows()
    targets = _targets(match)
    result = carry(before, side, targets)
    number = len(project.editions(side)) + 1
    moved: list[tuple[str, str, str, str]] = []
    for ex in project.excluded(side):
        for target, _change in targets.get(ex.criterion.ref, ()):
            moved.append((target, ex.reviewer, ex.timestamp, ex.reason))
    hidden = {row[0] for row in moved}
    new_fps = {c.ref: c.fingerprint for c in new if c.ref not in hidden}
    current = {
        c.ref: c.fingerprint
        for c in (project.partner if side is Side.REFERENCE else project.reference).criteria
    }
    reference, partner = (new_fps, current) if side is Side.REFERENCE else (current, new_fps)
    _program, settings, warnings = describe_program(source, "x", "", "x")
    return UpdatePreview(
        side=side,
        number=number,
        label=(label or "").strip() or Path(source.file).stem,
        source_file=source.file,
        sha256=source.sha256,
        old=old,
        new=new,
        before=before,
        match=match,
        carried=result,
        suspect=suspect_refs(result.rows, reference, partner),
        exclusions=tuple(moved),
        import_settings=settings,
        import_warnings=tuple(warnings),
        notices=notices,
        embeddings=embeddings,
    )


def backup_for_update(path: Path, side: Side, number: int) -> Path:
    """Where the copy of the project is written before updating ``side`` to edition ``number``."""
    return path.with_name(f"{path.name}.before-{side.value}-edition-{number}.bak")


def _inputs(project: Project, preview: UpdatePreview) -> AlignmentInputs:
    hidden = {row[0] for row in preview.exclusions}
    updated = tuple(c for c in preview.new if c.ref not in hidden)
    if preview.side is Side.REFERENCE:
        base = project.reference
        reference = dataclasses.replace(base, criteria=updated, version=preview.label)
        partner = project.partner
    else:
        base = project.partner
        partner = dataclasses.replace(base, criteria=updated, version=preview.label)
        reference = project.reference
    refs = {c.ref for c in reference.criteria}
    prefs = {c.ref for c in partner.criteria}

    def shown(pairs: Sequence[Any]) -> frozenset[tuple[str, str]]:
        return frozenset(
            (p.reference_ref, p.partner_ref)
            for p in pairs
            if p.reference_ref in refs and p.partner_ref in prefs
        )

    rows = preview.carried.rows
    return AlignmentInputs(
        reference=Program(reference.name, reference.criteria, reference.version),
        partner=Program(partner.name, partner.criteria, partner.version),
        rejected=shown(rows.rejections),
        pinned=shown(rows.pins),
        links=tuple(sorted(shown(rows.links))),
    )


def _summary(preview: UpdatePreview) -> str:
    c = preview.counts()
    kinds = ", ".join(
        f"{n} {kind.replace('_', ' ')}" for kind, n in c.items() if n and kind != "ambiguous"
    )
    return (
        f"{preview.side.value} edition {preview.number} ({preview.label}) from "
        f"{preview.source_file}, {counted(len(preview.new), 'criterion')}: {kinds}"
    )


def _store_embeddings(project: Project, vectors: Mapping[str, Any]) -> None:
    """Store the vectors the preview encoded that the project lacks, so the re-alignment reuses
    them (the same vectors it would encode, without encoding them a second time)."""
    if not vectors:
        return
    cache = project.embedding_cache()
    stored = cache.get(list(vectors))
    cache.put({k: v for k, v in vectors.items() if k not in stored})


def apply_update(
    project: Project,
    preview: UpdatePreview,
    *,
    reviewer: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> UpdateResult:
    """Write the previewed update (one transaction, after a backup copy); see the module docstring.

    Refuses (InvalidValue) while an ambiguous match is unsettled, and when the
    project changed since the preview was made.
    """
    from criteria_compare.workflow.realign import aligner_settings, suggest

    project.check_writable()
    if preview.match.ambiguous:
        raise unsettled_refusal(preview.match.ambiguous)
    if (
        project.stored_criteria(preview.side) != preview.old
        or project.decision_rows() != preview.before
    ):
        raise InvalidValue(
            f"{project.path.name} changed since the update was previewed; preview it again."
        )
    backup = project.write_backup(backup_for_update(project.path, preview.side, preview.number))
    check_cancel(cancel)
    _store_embeddings(project, preview.embeddings)
    inputs = _inputs(project, preview)
    report = scaled(progress, 5, 95) if progress is not None else None
    result = suggest(
        inputs, aligner_settings(project), project.embedding_cache(), progress=report, cancel=cancel
    )
    check_cancel(cancel)
    write = EditionWrite(
        side=preview.side,
        number=preview.number,
        label=preview.label,
        source_file=preview.source_file,
        sha256=preview.sha256,
        criteria=preview.new,
        decisions=preview.carried.rows,
        exclusions=preview.exclusions,
        changes=_changes(
            preview.side,
            preview.number,
            preview.old,
            preview.new,
            preview.match,
            preview.carried,
            preview.before,
        ),
        carried=preview.carried.carried,
        dropped=preview.carried.dropped,
        suggestion_rows=(),
        alignment={},
        summary=_summary(preview),
        import_settings=preview.import_settings,
        import_warnings=preview.import_warnings,
    )
    project.apply_edition(
        write,
        result.forward,
        result.backward,
        notices=result.notices,
        seconds=result.seconds,
        reviewer=reviewer,
    )
    if progress is not None:
        progress(100, 100, f"Updated the {preview.side.value} program to edition {preview.number}.")
    suspect = sum(1 for a in project.assessments().values() if a.suspect)
    return UpdateResult(preview, backup, suspect, (*preview.notices, *result.notices))


def confirm_carried(project: Project, ref: str, *, reviewer: str | None = None) -> bool:
    """The carried decision on reference criterion ``ref`` still holds: clear its suspect flag
    (``Project.confirm_unchanged``, recorded in the history; the GUI's undo uses its result
    directly). False when it was not suspect."""
    return project.confirm_unchanged(ref, reviewer=reviewer) is not None
