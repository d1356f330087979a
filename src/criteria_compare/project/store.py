"""The project file (``*.ccproj``): one SQLite database holding both programs, suggestions and every decision.

Reads are served from small in-memory indexes that are loaded lazily and
dropped whenever another connection commits (``PRAGMA data_version``), so a
project with thousands of criteria opens at once and stays current when the
CLI writes to a project the GUI has open. Every write is one ``BEGIN
IMMEDIATE`` transaction with its history rows (see ``connection.py`` for the
journal mode and durability). All public methods are safe to call from more
than one thread; calls are serialised by one lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from criteria_compare.errors import (
    InvalidValue,
    ProjectCorrupt,
    ProjectError,
    ProjectReadOnly,
)
from criteria_compare.model import (
    Assessment,
    Band,
    Criterion,
    Edition,
    EditionChange,
    Evidence,
    Exclusion,
    HistoryEntry,
    Link,
    Position,
    Program,
    Relation,
    Side,
    Stance,
    Status,
    Suggestion,
)
from criteria_compare.osuser import os_user
from criteria_compare.project import connection, editions, exclusions
from criteria_compare.project.agreement import VERDICT_ACTIONS, PairAgreement, agreement
from criteria_compare.project.cache import DecisionIndex
from criteria_compare.project.carry import DecisionRows
from criteria_compare.project.codec import (
    StoredValueError,
    check_reviewer,
    criterion_from_row,
    dumps,
    evidence_to_json,
    load_json,
    now_utc,
    suggestion_from_row,
)
from criteria_compare.project.conflicts import (
    MergeConflict,
    MergeWrite,
    delete_conflict,
    insert_conflict,
    read_conflicts,
    write_merge,
)
from criteria_compare.project.connection import (
    Transaction,
    close_connection,
    connect,
    enable_wal,
    translate,
    writable,
    writing_advice,
)
from criteria_compare.project.decisions import (
    Fingerprints,
    apply_decision,
    read_state,
    restore_state,
    set_pin,
)
from criteria_compare.project.editions import EditionWrite
from criteria_compare.project.elements import Field
from criteria_compare.project.embeddings import ProjectEmbeddingCache
from criteria_compare.project.history import (
    first_entry,
    mentions,
    read_after,
    read_history,
    record,
)
from criteria_compare.project.lock import (
    WriteLock,
    acquire,
    clear_stale,
    describe,
    foreign_holder,
)
from criteria_compare.project.migrations import (
    SCHEMA_VERSION,
)
from criteria_compare.project.newfile import NewFileDetails
from criteria_compare.project.opening import check_and_migrate, finish_interrupted, precheck
from criteria_compare.project.positions import (
    ExchangeIdentity,
    latest_round,
    read_all_positions,
    read_identity,
    read_positions,
    record_export,
    write_positions,
)
from criteria_compare.project.stamps import Stamps, confirm_stamps, read_stamps, restore_stamps
from criteria_compare.project.state import AlignmentInputs, CriterionState, Decision, StoredSettings
from criteria_compare.project.summary import build_summary

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["PROJECT_SUFFIX", "Project"]

PROJECT_SUFFIX = ".ccproj"

_F = TypeVar("_F", bound=Callable[..., Any])

_CRITERION_COLS = (
    "ref, section, text, guidance, level, prov_file, prov_sha256, prov_sheet, prov_row"
)
_SUGGESTION_COLS = "source_ref, target_ref, rank, score, band, evidence"
#: Criteria (aliased ``c``) a reviewer has not excluded; the excluded ones are out of every read.
_SHOWN = "NOT EXISTS (SELECT 1 FROM exclusions e WHERE e.side = c.side AND e.ref = c.ref)"


def _locked(method: _F) -> _F:
    @functools.wraps(method)
    def wrapper(self: Project, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self._require_open()
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:  # e.g. a disk error or a page damaged after opening
                raise translate(exc, self.path) from None
            except StoredValueError as exc:
                raise exc.in_file(self.path) from None

    return wrapper  # type: ignore[return-value]


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        read_only: bool,
        reason: str = "",
        write_lock: WriteLock | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.read_only_reason = reason
        #: This process's hold on the project's lock file (None when read-only).
        self.write_lock = write_lock
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self._tx = Transaction(conn, path)
        self._data_version = -1
        self._outside_changes = 0
        self._programs: dict[Side, Program] = {}
        self._fps: Fingerprints | None = None
        self._positions: dict[Side, dict[str, int]] = {}
        self._index: DecisionIndex | None = None
        self._suggestions: dict[tuple[str, str], tuple[Suggestion, ...]] = {}
        self._settings: dict[str, str] | None = None
        self._partner_positions: dict[str, Position] | None = None
        self._checkpointed_at = float("-inf")

    # ----------------------------------------------------------------- lifecycle

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        reference: Any,
        partner: Any,
        *,
        force: bool = False,
        **details: Unpack[NewFileDetails],
    ) -> Project:
        """Write a new project (no suggestions yet) atomically and open it.

        ``reference``/``partner`` are importer results (``ImportResult``) or
        :class:`Program` objects. The file is built next to ``path`` under a
        temporary name and renamed into place, so a failure leaves no half-made
        project and an existing file is only replaced when complete (``force``).
        """
        from criteria_compare.project.staging import staged_new_file

        target = Path(path)
        with staged_new_file(target, reference, partner, force=force, **details):
            pass
        return cls.open(target)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        busy_timeout: float | None = None,
        take_over_stale: bool = True,
        app: str | None = None,
    ) -> Project:
        """Open a project, migrating an older schema (after a backup copy) when it is writable.

        Opening for writing takes the project's lock (``project.lock``): if another
        program has it open for writing, ProjectInUse names who, where and since
        when. A stale lock (its program on this computer is gone) is taken over with
        a logged notice, or refused (``stale=True``) when ``take_over_stale`` is False.
        ``app`` names this program in the lock (default: from the command line).
        """
        target = Path(path)
        precheck(target)
        finish_interrupted(target, read_only=read_only)
        reason = ""
        if read_only:
            reason = "opened read-only on request"
            if take_over_stale and writable(target):
                clear_stale(target)  # a killed writer's lock, finished like its -wal above
            holder = foreign_holder(target)
            if holder is not None:
                reason = f"open for writing by {describe(holder)}"
        elif not writable(target):
            read_only = True
            reason = "no write permission on the file or its folder"
        if busy_timeout is None:
            busy_timeout = connection.BUSY_TIMEOUT
        write_lock = (
            None if read_only else acquire(target, app=app, take_over_stale=take_over_stale)
        )
        try:
            conn = connect(target, read_only=read_only, busy_timeout=busy_timeout)
        except BaseException:
            if write_lock is not None:
                write_lock.release()
            raise
        try:
            conn = check_and_migrate(conn, target, read_only)
            if not read_only:
                enable_wal(conn)
        except sqlite3.Error as exc:
            conn.close()
            if write_lock is not None:
                write_lock.release()
            raise translate(exc, target) from None
        except BaseException:
            conn.close()
            if write_lock is not None:
                write_lock.release()
            raise
        return cls(target, conn, read_only=read_only, reason=reason, write_lock=write_lock)

    def close(self) -> None:
        """Close the file (a single .ccproj again) and give back its lock; later calls raise
        ProjectError. Closing twice is harmless."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                try:
                    close_connection(conn, self.path, writer=not self.read_only)
                finally:
                    if self.write_lock is not None:
                        self.write_lock.release()

    def checkpoint(self) -> None:
        """Fold recent changes from the write-ahead log into the project file now (cheap; optional)."""
        with self._lock:
            if self._conn is None or self.read_only or self._tx.active:
                return
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self._checkpointed_at = time.monotonic()

    def _checkpoint_if_due(self) -> None:
        """Checkpoint at the end of a write when the last one is CHECKPOINT_DELAY seconds old."""
        if time.monotonic() - self._checkpointed_at >= connection.CHECKPOINT_DELAY:
            self.checkpoint()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else ("read-only" if self.read_only else "open")
        return f"<Project {self.path.name} ({state})>"

    def _require_open(self) -> None:
        if self._conn is None:
            raise ProjectError(f"{self.path.name} has been closed; open it again.")
        self._sync()

    @property
    def _db(self) -> sqlite3.Connection:
        assert self._conn is not None
        return self._conn

    def _sync(self) -> None:
        """Drop the read caches if another connection committed since we last looked."""
        if self._tx.active:
            return
        try:
            version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        if version != self._data_version:
            if self._data_version != -1:
                self._outside_changes += 1
            self._data_version = version
            self._drop_caches()

    @_locked
    def outside_changes(self) -> int:
        """How many times a commit by another connection (another program) has been seen so far.

        Calling it looks now (cheap: ``PRAGMA data_version``) and drops the read caches
        if the file changed; a view compares the number with the last one it saw and
        re-reads what it shows when it grew.
        """
        return self._outside_changes

    def _drop_caches(self) -> None:
        self._programs = {}
        self._fps = None
        self._positions = {}
        self._index = None
        self._suggestions = {}
        self._settings = None
        self._partner_positions = None

    def check_writable(self) -> None:
        """Raise ProjectReadOnly (one sentence) when the project cannot be changed."""
        if self.read_only:
            raise ProjectReadOnly(
                f"{self.path.name} is open read-only ({self.read_only_reason}); the change was "
                f"not saved; {writing_advice(self.path)}."
            )

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self.check_writable()
        nested = self._tx.active
        with self._tx() as conn:
            yield conn
        if not nested:
            self._checkpoint_if_due()

    # ----------------------------------------------------------------- programs and criteria

    def _program(self, side: Side) -> Program:
        cached = self._programs.get(side)
        if cached is not None:
            return cached
        row = self._db.execute(
            "SELECT name, version, source_file, sha256 FROM programs WHERE side = ?", (side.value,)
        ).fetchone()
        if row is None:
            raise ProjectCorrupt(
                f"{self.path.name} has no {side.value} program; restore it from a backup."
            )
        criteria = tuple(
            criterion_from_row(r)
            for r in self._db.execute(
                f"SELECT {_CRITERION_COLS} FROM criteria c WHERE side = ? AND {_SHOWN} "
                "ORDER BY position",
                (side.value,),
            )
        )
        program = Program(
            name=row[0], criteria=criteria, version=row[1], source_file=row[2], sha256=row[3]
        )
        self._programs[side] = program
        return program

    @property
    @_locked
    def reference(self) -> Program:
        """The reference program (e.g. CTPAT MSC), criteria in program order."""
        return self._program(Side.REFERENCE)

    @property
    @_locked
    def partner(self) -> Program:
        """The partner program, criteria in program order."""
        return self._program(Side.PARTNER)

    def _fingerprints(self) -> Fingerprints:
        if self._fps is None:
            maps: dict[str, dict[str, str]] = {"reference": {}, "partner": {}}
            positions: dict[Side, dict[str, int]] = {Side.REFERENCE: {}, Side.PARTNER: {}}
            for side, ref, fp, pos in self._db.execute(
                f"SELECT side, ref, fingerprint, position FROM criteria c WHERE {_SHOWN} "
                "ORDER BY position"
            ):
                maps[side][ref] = fp
                positions[Side(side)][ref] = pos
            self._fps = Fingerprints(reference=maps["reference"], partner=maps["partner"])
            self._positions = positions
        return self._fps

    @_locked
    def import_warnings(self, side: Side | str) -> tuple[str, ...]:
        """The importer's warnings for one side, as sentences."""
        row = self._db.execute(
            "SELECT import_warnings FROM programs WHERE side = ?", (Side(side).value,)
        ).fetchone()
        return (
            tuple(load_json(row[0], f"programs, {Side(side).value}: import warnings", list))
            if row
            else ()
        )

    @_locked
    def import_settings(self, side: Side | str) -> dict[str, Any]:
        """How one side was imported: sheet, header row, column mapping, encoding."""
        row = self._db.execute(
            "SELECT import_settings FROM programs WHERE side = ?", (Side(side).value,)
        ).fetchone()
        return (
            dict(load_json(row[0], f"programs, {Side(side).value}: import settings", dict))
            if row
            else {}
        )

    # ----------------------------------------------------------------- settings and reviewer

    def _setting(self, key: str) -> str | None:
        if self._settings is None:
            self._settings = dict(self._db.execute("SELECT key, value FROM settings"))
        return self._settings.get(key)

    @property
    @_locked
    def reviewer(self) -> str:
        """The project's default reviewer, or the operating-system user name."""
        return self._setting("reviewer") or os_user()

    @_locked
    def set_reviewer(self, name: str | None) -> None:
        """Store the project's default reviewer (None: use the OS user name again)."""
        new = None if name is None else check_reviewer(name)
        old = self._setting("reviewer")
        if new == old:
            return
        stamp = now_utc()
        with self._write() as conn:
            if new is None:
                conn.execute("DELETE FROM settings WHERE key = 'reviewer'")
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('reviewer', ?)", (new,)
                )
            record(
                conn,
                timestamp=stamp,
                reviewer=new or os_user(),
                action="reviewer",
                old_value=old,
                new_value=new,
            )
        self._settings = None

    @_locked
    def settings_dict(self) -> dict[str, Any]:
        """The stored aligner settings as plain JSON data ({} for the defaults)."""
        raw = self._setting("aligner")
        return dict(load_json(raw, "settings, aligner", dict)) if raw else {}

    @_locked
    def set_settings(
        self, settings: StoredSettings | Mapping[str, Any], *, reviewer: str | None = None
    ) -> None:
        """Store aligner settings (an AlignerSettings or its ``to_dict()``); ``reviewer`` is
        who the history names (default: the project reviewer)."""
        data = dict(settings) if isinstance(settings, Mapping) else settings.to_dict()
        new = dumps(data)
        old = self._setting("aligner")
        if new == old:
            return
        who = self._who(reviewer)
        stamp = now_utc()
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('aligner', ?)", (new,)
            )
            record(
                conn, timestamp=stamp, reviewer=who, action="settings", old_value=old, new_value=new
            )
        self._settings = None

    @_locked
    def alignment_info(self) -> dict[str, Any]:
        """When suggestions were last computed, how many, and the aligner's notices."""
        raw = self._setting("alignment")
        return dict(load_json(raw, "settings, alignment", dict)) if raw else {}

    # ----------------------------------------------------------------- decisions (reads)

    def _decisions(self) -> DecisionIndex:
        if self._index is None:
            self._fingerprints()
            self._index = DecisionIndex(
                self._db, self._positions[Side.REFERENCE], self._fingerprints()
            )
        return self._index

    def _ref(self, ref: str) -> str:
        self._fingerprints().check_reference(ref)
        return ref

    def _pref(self, ref: str) -> str:
        self._fingerprints().check_partner(ref)
        return ref

    def _assessment(self, ref: str) -> Assessment:
        return self._decisions().assessment(ref, self._fingerprints())

    @_locked
    def assessment(self, ref: str) -> Assessment:
        """The verdict on one reference criterion (``unreviewed`` if none was recorded)."""
        return self._assessment(self._ref(ref))

    @_locked
    def assessments(self) -> dict[str, Assessment]:
        """Every reference criterion's verdict, in program order."""
        refs = list(self._fingerprints().reference)
        return {ref: self._assessment(ref) for ref in refs}

    @_locked
    def stored_assessments(self) -> dict[str, Assessment]:
        """Only the criteria with a stored verdict, note or flag (``suspect`` not worked out)."""
        return {ref: a for ref, (a, _) in self._decisions().assessments.items()}

    @_locked
    def criterion_fingerprints(self, *, with_excluded: bool = False) -> Fingerprints:
        """The stored text fingerprint of every criterion by ref, per side, in program order;
        ``with_excluded`` counts the criteria a reviewer excluded too (what makes two copies
        of one comparison, whatever each excluded)."""
        return self._every_fingerprint() if with_excluded else self._fingerprints()

    def _every_fingerprint(self) -> Fingerprints:
        maps: dict[str, dict[str, str]] = {"reference": {}, "partner": {}}
        for side, ref, fp in self._db.execute(
            "SELECT side, ref, fingerprint FROM criteria ORDER BY position"
        ):
            maps[side][ref] = fp
        return Fingerprints(reference=maps["reference"], partner=maps["partner"])

    @_locked
    def links(self, reference_ref: str | None = None) -> tuple[Link, ...]:
        """Confirmed links of one reference criterion, or all links in reference program order."""
        links = self._decisions().links
        if reference_ref is not None:
            return tuple(links.get(self._ref(reference_ref), ()))
        return tuple(link for ref in self._fingerprints().reference for link in links.get(ref, ()))

    @_locked
    def links_for_partner(self, partner_ref: str) -> tuple[Link, ...]:
        """Confirmed links that point at one partner criterion, in reference program order."""
        return tuple(self._decisions().by_partner.get(self._pref(partner_ref), ()))

    @_locked
    def rejected(self, reference_ref: str | None = None) -> frozenset[tuple[str, str]]:
        """Rejected (reference_ref, partner_ref) pairs, of one criterion or all."""
        return self._pairs_of(self._decisions().rejected, reference_ref)

    @_locked
    def pinned(self, reference_ref: str | None = None) -> frozenset[tuple[str, str]]:
        """Pinned (reference_ref, partner_ref) pairs, of one criterion or all."""
        return self._pairs_of(self._decisions().pinned, reference_ref)

    def _pairs_of(
        self, pairs: Iterable[tuple[str, str]], reference_ref: str | None
    ) -> frozenset[tuple[str, str]]:
        if reference_ref is None:
            return frozenset(pairs)
        ref = self._ref(reference_ref)
        return frozenset(pair for pair in pairs if pair[0] == ref)

    @_locked
    def snapshot(self, ref: str) -> CriterionState:
        """The exact state of one reference criterion (links, rejections, pins, assessment), with
        the texts' fingerprints its decision was made on (so :meth:`restore` brings back
        "changed since last review" too)."""
        ref = self._ref(ref)
        return dataclasses.replace(read_state(self._db, ref), stamps=read_stamps(self._db, ref))

    # ----------------------------------------------------------------- suggestions

    def _stored(self, direction: str, ref: str) -> tuple[Suggestion, ...]:
        key = (direction, ref)
        cached = self._suggestions.get(key)
        if cached is None:
            cached = tuple(
                suggestion_from_row(row)
                for row in self._db.execute(
                    f"SELECT {_SUGGESTION_COLS} FROM suggestions WHERE direction = ? "
                    "AND source_ref = ? ORDER BY rank",
                    key,
                )
            )
            self._suggestions[key] = cached
        return cached

    @_locked
    def suggestions(self, reference_ref: str) -> tuple[Suggestion, ...]:
        """Ranked partner candidates of one reference criterion: pinned first, rejected left out."""
        ref = self._ref(reference_ref)
        index = self._decisions()
        stored = self._stored("forward", ref)
        pinned = {p for r, p in index.pinned if r == ref}
        out_pinned: list[Suggestion] = []
        rest: list[Suggestion] = []
        for s in stored:
            if (ref, s.target_ref) in index.rejected:
                continue
            if s.target_ref in pinned:
                out_pinned.append(_with_pin(s))
                pinned.discard(s.target_ref)
            else:
                rest.append(s)
        last = stored[-1].rank if stored else 0
        order = self._positions[Side.PARTNER]
        for i, pref in enumerate(sorted(pinned, key=lambda p: order.get(p, 0)), start=1):
            out_pinned.append(
                Suggestion(
                    source_ref=ref,
                    target_ref=pref,
                    rank=last + i,
                    score=0.0,
                    band=Band.LOW,
                    evidence=Evidence(),
                    pinned=True,
                )
            )
        return tuple(out_pinned + rest)

    @_locked
    def partner_suggestions(self, partner_ref: str) -> tuple[Suggestion, ...]:
        """Ranked reference candidates of one partner criterion, rejected pairs left out."""
        pref = self._pref(partner_ref)
        index = self._decisions()
        return tuple(
            _with_pin(s) if (s.target_ref, pref) in index.pinned else s
            for s in self._stored("backward", pref)
            if (s.target_ref, pref) not in index.rejected
        )

    @_locked
    def store_suggestions(
        self,
        forward: Mapping[str, Sequence[Suggestion]],
        backward: Mapping[str, Sequence[Suggestion]] | None = None,
        *,
        notices: Sequence[str] = (),
        seconds: float | None = None,
        reviewer: str | None = None,
    ) -> int:
        """Replace every machine suggestion in one transaction; decisions are untouched.

        Returns the number of forward suggestions stored. Suggestions naming refs that
        are not in the project are refused (UnknownRef) and nothing changes.
        """
        rows = _suggestion_rows(self._fingerprints(), forward, backward)
        who = check_reviewer(reviewer) if reviewer else self.reviewer
        stamp = now_utc()
        old = self.alignment_info()
        info = _alignment_info(rows, stamp, notices, seconds)
        n_forward: int = info["suggestions"]
        with self._write() as conn:
            conn.execute("DELETE FROM suggestions")
            conn.executemany(
                f"INSERT INTO suggestions (direction, {_SUGGESTION_COLS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('alignment', ?)",
                (dumps(info),),
            )
            record(
                conn,
                timestamp=stamp,
                reviewer=who,
                action="align",
                old_value=None if not old else f"{old.get('suggestions', 0)} suggestions",
                new_value=f"{n_forward} suggestions",
            )
        self._suggestions = {}
        self._settings = None
        return n_forward

    @_locked
    def alignment_inputs(self) -> AlignmentInputs:
        """Both programs, rejections, pins and confirmed links, read together for one aligner run."""
        decisions = self._decisions()
        return AlignmentInputs(
            reference=self._program(Side.REFERENCE),
            partner=self._program(Side.PARTNER),
            rejected=frozenset(decisions.rejected),
            pinned=frozenset(decisions.pinned),
            links=tuple((lk.reference_ref, lk.partner_ref) for lk in self.links()),
        )

    def embedding_cache(self) -> ProjectEmbeddingCache:
        """The aligner's embedding cache stored in this file (writes are no-ops when read-only)."""

        @contextlib.contextmanager
        def locked_write() -> Iterator[sqlite3.Connection]:
            with self._lock, self._write() as conn:
                yield conn

        with self._lock:
            self._require_open()
            return ProjectEmbeddingCache(self._db, locked_write, self.read_only, self._lock)

    # ----------------------------------------------------------------- decisions (writes)

    def _who(self, reviewer: str | None) -> str:
        return check_reviewer(reviewer) if reviewer is not None else self.reviewer

    def _after_write(self, refs: Sequence[str]) -> None:
        """Patch the decision index after one of our own commits."""
        if self._index is not None:
            for ref in refs:
                self._index.refresh(self._db, ref)

    @_locked
    def decide(
        self,
        ref: str,
        *,
        status: Status | str | None = None,
        note: str | None = None,
        discussion: bool | None = None,
        link: Sequence[tuple[str, Relation | str]] = (),
        unlink: Sequence[str] = (),
        reject: Sequence[str] = (),
        unreject: Sequence[str] = (),
        reviewer: str | None = None,
        bulk: bool = False,
    ) -> Assessment:
        """Record one decision on a reference criterion in one transaction.

        Link changes (unlink, reject, unreject, link) are applied first, then the
        verdict rules are checked against the result; on any error nothing is
        changed. Rejecting a linked pair removes the link; linking a rejected
        pair takes the rejection back.
        """
        decision = Decision(
            ref=ref,
            status=status,
            note=note,
            discussion=discussion,
            link=tuple(link),
            unlink=tuple(unlink),
            reject=tuple(reject),
            unreject=tuple(unreject),
        )
        self.apply((decision,), bulk=bulk, reviewer=reviewer)
        return self._assessment(ref)

    @_locked
    def apply(
        self, decisions: Sequence[Decision], *, bulk: bool = True, reviewer: str | None = None
    ) -> tuple[Assessment, ...]:
        """Apply many decisions in ONE transaction (all or nothing); history rows marked ``bulk``."""
        who = self._who(reviewer)
        fps = self._fingerprints()
        stamp = now_utc()
        decisions = tuple(decisions)
        with self._write() as conn:
            for decision in decisions:
                apply_decision(conn, fps, decision, who, stamp, bulk)
        refs = list(dict.fromkeys(d.ref for d in decisions))
        self._after_write(refs)
        return tuple(self._assessment(ref) for ref in refs)

    def link(
        self,
        ref: str,
        partner_ref: str,
        relation: Relation | str = Relation.EQUAL,
        *,
        reviewer: str | None = None,
    ) -> Link:
        """Confirm a link (or change its relation); returns the stored link."""
        with self._lock:
            self.decide(ref, link=((partner_ref, relation),), reviewer=reviewer)
            return next(lk for lk in self.links(ref) if lk.partner_ref == partner_ref)

    def unlink(self, ref: str, partner_ref: str, *, reviewer: str | None = None) -> None:
        """Remove a confirmed link (refused if it is the last link of an aligned/partial verdict)."""
        self.decide(ref, unlink=(partner_ref,), reviewer=reviewer)

    def set_relation(
        self, ref: str, partner_ref: str, relation: Relation | str, *, reviewer: str | None = None
    ) -> Link:
        """Change the relation of an existing link."""
        with self._lock:
            if partner_ref not in {lk.partner_ref for lk in self.links(ref)}:
                self._pref(partner_ref)
                raise InvalidValue(
                    f"Criterion {ref} is not linked to partner criterion {partner_ref}; "
                    "link it first."
                )
            return self.link(ref, partner_ref, relation, reviewer=reviewer)

    def reject(self, ref: str, partner_ref: str, *, reviewer: str | None = None) -> None:
        """Reject a suggestion; it is never proposed again for this criterion."""
        self.decide(ref, reject=(partner_ref,), reviewer=reviewer)

    def unreject(self, ref: str, partner_ref: str, *, reviewer: str | None = None) -> None:
        """Take back a rejection."""
        self.decide(ref, unreject=(partner_ref,), reviewer=reviewer)

    @_locked
    def pin(self, ref: str, partner_ref: str, *, reviewer: str | None = None) -> None:
        """Pin a pair so it is listed first among the criterion's suggestions."""
        self._set_pin(ref, partner_ref, True, reviewer)

    @_locked
    def unpin(self, ref: str, partner_ref: str, *, reviewer: str | None = None) -> None:
        """Unpin a pair."""
        self._set_pin(ref, partner_ref, False, reviewer)

    def _set_pin(self, ref: str, pref: str, pinned: bool, reviewer: str | None) -> None:
        who = self._who(reviewer)
        fps = self._fingerprints()
        with self._write() as conn:
            set_pin(conn, fps, ref, pref, pinned, who, now_utc())
        self._after_write([ref])

    @_locked
    def restore(
        self, state: CriterionState, *, reviewer: str | None = None, action: str = "restore"
    ) -> None:
        """Write back exactly ``state`` (from :meth:`snapshot`) in one transaction, for undo/redo.

        ``action`` names the history row ("undo", "redo" or "restore").
        """
        if action not in ("restore", "undo", "redo"):
            raise InvalidValue(f"Unknown history action {action!r}; use restore, undo or redo.")
        who = self._who(reviewer)
        fps = self._fingerprints()
        with self._write() as conn:
            restore_state(conn, fps, state, who, now_utc(), action)
        self._after_write([state.ref])

    @_locked
    def restore_many(
        self,
        states: Sequence[CriterionState],
        *,
        reviewer: str | None = None,
        action: str = "restore",
        bulk: bool = True,
    ) -> None:
        """Write back several saved states in ONE transaction (all or nothing), for a bulk undo/redo.

        The history rows are named ``action`` and marked ``bulk`` (as :meth:`apply` marks them).
        """
        if action not in ("restore", "undo", "redo"):
            raise InvalidValue(f"Unknown history action {action!r}; use restore, undo or redo.")
        states = tuple(states)
        if not states:
            return
        who = self._who(reviewer)
        fps = self._fingerprints()
        stamp = now_utc()
        with self._write() as conn:
            for state in states:
                restore_state(conn, fps, state, who, stamp, action, bulk)
        self._after_write(list(dict.fromkeys(s.ref for s in states)))

    @_locked
    def confirm_unchanged(self, ref: str, *, reviewer: str | None = None) -> Stamps | None:
        """Confirm that ``ref``'s decision still holds for its changed texts (clears suspect).

        Returns the fingerprints the decision had (for :meth:`restore_stamps`, the undo), or
        None when nothing had changed (nothing is written then).
        """
        who = self._who(reviewer)
        fps = self._fingerprints()
        with self._write() as conn:
            before = confirm_stamps(conn, fps, ref, who, now_utc())
        self._after_write([ref])
        return before

    @_locked
    def restore_stamps(self, stamps: Stamps, *, reviewer: str | None = None) -> None:
        """Undo :meth:`confirm_unchanged`: the decision gets back the fingerprints in ``stamps``."""
        who = self._who(reviewer)
        fps = self._fingerprints()
        with self._write() as conn:
            restore_stamps(conn, fps, stamps, who, now_utc())
        self._after_write([stamps.ref])

    # ----------------------------------------------------------------- the partner's positions

    @_locked
    def positions(self) -> dict[str, Position]:
        """The partner administration's current position per reference ref (latest round)."""
        if self._partner_positions is None:
            self._partner_positions = read_positions(self._db)
        return dict(self._partner_positions)

    @_locked
    def position_rows(self) -> tuple[Position, ...]:
        """Every stored position of the partner administration, of every round (for a merge)."""
        return read_all_positions(self._db)

    @_locked
    def position(self, ref: str) -> Position | None:
        """The partner administration's current position on one reference criterion, if any."""
        if self._partner_positions is None:
            self._partner_positions = read_positions(self._db)
        return self._partner_positions.get(self._ref(ref))

    @_locked
    def exchange_round(self) -> int:
        """The latest exchange round positions were imported from (0: none yet)."""
        return latest_round(self._db)

    @_locked
    def exchange_identity(self) -> ExchangeIdentity:
        """The id naming this comparison in exchange workbooks, and the secret keying their checks."""
        return read_identity(self._db)

    @_locked
    def store_positions(
        self,
        answers: Mapping[str, tuple[Stance, str]],
        *,
        round_: int,
        sha256: str,
        file_name: str,
        reviewer: str | None = None,
    ) -> int:
        """Store the partner's answers (ref -> (stance, comment)) of one exchange round in one
        transaction, with history; returns how many current positions changed. Our verdicts,
        links and notes are never touched."""
        for ref in answers:
            self._ref(ref)
        who = self._who(reviewer)
        with self._write() as conn:
            changed = write_positions(
                conn,
                answers,
                round_=round_,
                sha256=sha256,
                file_name=file_name,
                who=who,
                stamp=now_utc(),
            )
        self._partner_positions = None
        return changed

    @_locked
    def record_exchange_export(
        self, *, round_: int, file_name: str, sha256: str, rows: int, reviewer: str | None = None
    ) -> None:
        """Write the history row of an exchange workbook sent to the partner."""
        who = self._who(reviewer)
        with self._write() as conn:
            record_export(
                conn,
                round_=round_,
                file_name=file_name,
                sha256=sha256,
                rows=rows,
                who=who,
                stamp=now_utc(),
            )

    # ----------------------------------------------------------------- merges of reviewer copies

    @_locked
    def record_merge(self, merge: MergeWrite, *, reviewer: str | None = None) -> None:
        """Write a three-way merge into this (new) file in ONE transaction (see ``project.conflicts``).

        Every criterion, excluded or not, is known to the write: the plan takes no decision on a
        criterion the merged file excludes, and one theirs restored gets its decisions.
        """
        who = self._who(reviewer)
        fps = self._every_fingerprint()
        with self._write() as conn:
            write_merge(conn, fps, merge, who, now_utc())
        self._drop_caches()

    @_locked
    def merge_conflicts(self, reference_ref: str | None = None) -> tuple[MergeConflict, ...]:
        """The unresolved merge conflicts, of one reference criterion or all, in program order
        (then by field, as ``project.elements.Field`` lists them, and partner ref)."""
        self._fingerprints()
        order = self._positions[Side.REFERENCE]
        fields = list(Field)
        return tuple(
            sorted(
                read_conflicts(self._db, reference_ref),
                key=lambda c: (order.get(c.ref, len(order)), fields.index(c.field), c.partner),
            )
        )

    @_locked
    def resolve_conflict(
        self,
        conflict: MergeConflict,
        state: CriterionState,
        *,
        reviewer: str | None = None,
        action: str = "resolve",
    ) -> None:
        """Write ``state`` (the criterion with the chosen value) and delete the conflict row, in
        one transaction; ``action`` names the history row ("resolve" or "redo")."""
        if action not in ("resolve", "redo"):
            raise InvalidValue(f"Unknown history action {action!r}; use resolve or redo.")
        who = self._who(reviewer)
        fps = self._fingerprints()
        stamp = now_utc()
        with self._write() as conn:
            if not restore_state(conn, fps, state, who, stamp, action):
                record(
                    conn,
                    timestamp=stamp,
                    reviewer=who,
                    action=action,
                    reference_ref=conflict.ref,
                    partner_ref=conflict.partner if conflict.field.paired else None,
                    old_value=f"merge conflict on {conflict.field.value}",
                    new_value="kept as it was",
                )
            delete_conflict(conn, conflict.key)
        self._after_write([state.ref])

    @_locked
    def reopen_conflict(
        self, conflict: MergeConflict, state: CriterionState, *, reviewer: str | None = None
    ) -> None:
        """Undo a resolution: write back ``state`` and the conflict row, in one transaction."""
        who = self._who(reviewer)
        fps = self._fingerprints()
        stamp = now_utc()
        with self._write() as conn:
            restore_state(conn, fps, state, who, stamp, "undo")
            insert_conflict(conn, conflict, stamp)
        self._after_write([state.ref])

    # ----------------------------------------------------------------- exclusions and editions

    @_locked
    def excluded(self, side: Side | str | None = None) -> tuple[Exclusion, ...]:
        """The criteria a reviewer excluded (of one side, or both), in program order."""
        return exclusions.read_exclusions(self._db, None if side is None else Side(side))

    @_locked
    def exclude(
        self, side: Side | str, ref: str, *, reason: str = "", reviewer: str | None = None
    ) -> None:
        """Take a criterion out of counts, aligner, report and queue (see ``project.exclusions``)."""
        who = self._who(reviewer)
        with self._write() as conn:
            exclusions.exclude(conn, Side(side), ref, reason, who, now_utc())
        self._drop_caches()

    @_locked
    def restore_criterion(self, side: Side | str, ref: str, *, reviewer: str | None = None) -> None:
        """Bring an excluded criterion back (it gets suggestions at the next alignment)."""
        who = self._who(reviewer)
        with self._write() as conn:
            exclusions.restore(conn, Side(side), ref, who, now_utc())
        self._drop_caches()

    @_locked
    def stored_criteria(self, side: Side | str) -> tuple[Criterion, ...]:
        """Every criterion of one side in program order, the excluded ones included."""
        return tuple(
            criterion_from_row(r)
            for r in self._db.execute(
                f"SELECT {_CRITERION_COLS} FROM criteria WHERE side = ? ORDER BY position",
                (Side(side).value,),
            )
        )

    @_locked
    def editions(self, side: Side | str) -> tuple[Edition, ...]:
        """The editions of one side on record, oldest first (number 1 is the first import)."""
        return editions.read_editions(self._db, Side(side))

    @_locked
    def edition_changes(
        self, side: Side | str | None = None, edition: int | None = None
    ) -> tuple[EditionChange, ...]:
        """What updates changed (of one side, and one edition, when given), in the order written."""
        return editions.read_changes(self._db, None if side is None else Side(side), edition)

    @_locked
    def decision_rows(self) -> DecisionRows:
        """Every decision row as stored, with the fingerprints it was made on (for an update)."""
        return editions.read_decision_rows(self._db)

    @_locked
    def apply_edition(
        self,
        write: EditionWrite,
        forward: Mapping[str, Sequence[Suggestion]],
        backward: Mapping[str, Sequence[Suggestion]],
        *,
        notices: Sequence[str] = (),
        seconds: float | None = None,
        reviewer: str | None = None,
    ) -> None:
        """Write one update in ONE transaction: the side's new criteria, the carried decisions,
        exclusions, the new suggestions, the edition and its change list, and the history rows."""
        who = self._who(reviewer)
        stamp = now_utc()
        excluded = {row[0] for row in write.exclusions}
        new_fps = {c.ref: c.fingerprint for c in write.criteria if c.ref not in excluded}
        current = self._fingerprints()
        fps = (
            Fingerprints(reference=new_fps, partner=current.partner)
            if write.side is Side.REFERENCE
            else Fingerprints(reference=current.reference, partner=new_fps)
        )
        rows = _suggestion_rows(fps, forward, backward)
        info = _alignment_info(rows, stamp, notices, seconds)
        write = dataclasses.replace(write, suggestion_rows=tuple(rows), alignment=info)
        with self._write() as conn:
            editions.write_edition(conn, write, who, stamp)
        self._drop_caches()

    @_locked
    def write_backup(self, target: Path) -> Path:
        """A consistent copy of the file at ``target`` (SQLite's backup API), e.g. before an update."""
        dst = sqlite3.connect(str(target))
        try:
            self._db.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        return target

    @_locked
    def restore_backup(self, source: Path, *, reviewer: str | None = None, note: str) -> None:
        """Make this file hold exactly what the copy ``source`` holds (SQLite's backup API, so
        other readers see one consistent change), then add one history row saying so.

        ``source`` must be a copy of this comparison (the same first history row and exchange
        id, as every copy of one project has): a file of another project is refused.
        """
        who = self._who(reviewer)
        self.check_writable()
        with Project.open(source, read_only=True) as copy:
            theirs = copy.first_history_entry()
            ours = self.first_history_entry()
            same = (
                theirs is not None
                and ours is not None
                and (theirs.timestamp, theirs.reviewer) == (ours.timestamp, ours.reviewer)
                and copy.exchange_identity().id == self.exchange_identity().id
            )
            if not same:
                raise ProjectError(
                    f"{source.name} is not a copy of {self.path.name} (it was created as another "
                    "project); restore only a backup this project made."
                )
            copy._db.backup(self._db)
        self._drop_caches()
        with self._write() as conn:
            record(conn, timestamp=now_utc(), reviewer=who, action="restore", new_value=note)

    # ----------------------------------------------------------------- history and summary

    @_locked
    def history(
        self, reference_ref: str | None = None, limit: int | None = None
    ) -> tuple[HistoryEntry, ...]:
        """The audit trail, newest first; of one reference criterion when ``reference_ref`` is given."""
        # History may name criteria of an older import; only refuse refs never seen.
        if (
            reference_ref is not None
            and reference_ref not in self._fingerprints().reference
            and not mentions(self._db, reference_ref)
        ):
            self._ref(reference_ref)
        return read_history(self._db, reference_ref, limit)

    @_locked
    def first_history_entry(self) -> HistoryEntry | None:
        """The oldest history row (the project's ``create`` row), which every copy shares."""
        return first_entry(self._db)

    @_locked
    def history_after(self, entry_id: int) -> tuple[HistoryEntry, ...]:
        """The history rows with an id above ``entry_id``, oldest first (what a copy added)."""
        return read_after(self._db, entry_id)

    @_locked
    def summary(self) -> dict[str, Any]:
        """Counts for ``status --json``: verdicts, links, rejections, partner-only, discussion points."""
        index = self._decisions()
        ref_program = self._program(Side.REFERENCE)
        partner_program = self._program(Side.PARTNER)
        summary = build_summary(
            path=self.path,
            reference=ref_program,
            partner=partner_program,
            assessments={c.ref: self._assessment(c.ref) for c in ref_program.criteria},
            links=[lk for group in index.links.values() for lk in group],
            rejected=len(index.rejected),
            pinned=len(index.pinned),
            suggestions=int(
                self._db.execute(
                    "SELECT COUNT(*) FROM suggestions WHERE direction = 'forward'"
                ).fetchone()[0]
            ),
            alignment=self.alignment_info(),
            schema=SCHEMA_VERSION,
            editions={side: self.editions(side) for side in Side},
            excluded={side: len(self.excluded(side)) for side in Side},
            changes=self.edition_changes(),
            import_warnings={
                side: int(n)
                for side, n in self._db.execute(
                    "SELECT side, json_array_length(import_warnings) FROM programs"
                )
            },
            agreement=[pair.to_dict() for pair in self.agreement()],
        )
        summary["merge_conflicts"] = len(read_conflicts(self._db))
        return summary

    @_locked
    def agreement(self) -> tuple[PairAgreement, ...]:
        """Each pair of reviewers' agreement on the current criteria both assessed (from the
        history: each one's last verdict per criterion); see ``project.agreement``."""
        marks = ", ".join("?" for _ in VERDICT_ACTIONS)
        rows = self._db.execute(
            "SELECT reviewer, action, reference_ref, new_value FROM history "
            f"WHERE action IN ({marks}) ORDER BY id",
            VERDICT_ACTIONS,
        )
        return agreement(rows, self._fingerprints().reference)

    @_locked
    def integrity_errors(self) -> list[str]:
        """Run SQLite's full integrity check; an empty list means the file is sound."""
        rows = [r[0] for r in self._db.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows


def _alignment_info(
    rows: Sequence[tuple[Any, ...]], stamp: str, notices: Sequence[str], seconds: float | None
) -> dict[str, Any]:
    """What the ``alignment`` setting records of one run of the aligner over ``rows``."""
    n_forward = sum(1 for row in rows if row[0] == "forward")
    info: dict[str, Any] = {
        "timestamp": stamp,
        "suggestions": n_forward,
        "backward_suggestions": len(rows) - n_forward,
        "notices": list(notices),
    }
    if seconds is not None:
        info["seconds"] = round(float(seconds), 3)
    return info


def _suggestion_rows(
    fps: Fingerprints,
    forward: Mapping[str, Sequence[Suggestion]],
    backward: Mapping[str, Sequence[Suggestion]] | None,
) -> list[tuple[Any, ...]]:
    """Rows of the suggestions table, checked against the refs of ``fps`` (UnknownRef otherwise)."""
    rows: list[tuple[Any, ...]] = []
    for direction, table, check_src, check_dst in (
        ("forward", forward, fps.check_reference, fps.check_partner),
        ("backward", backward or {}, fps.check_partner, fps.check_reference),
    ):
        for source, items in table.items():
            check_src(source)
            seen: set[str] = set()
            for s in items:
                if s.source_ref != source:
                    raise InvalidValue(
                        f"A suggestion listed under {source} starts at {s.source_ref}."
                    )
                check_dst(s.target_ref)
                if s.target_ref in seen:
                    continue
                seen.add(s.target_ref)
                rows.append(
                    (
                        direction,
                        s.source_ref,
                        s.target_ref,
                        int(s.rank),
                        float(s.score),
                        Band(s.band).value,
                        evidence_to_json(s.evidence),
                    )
                )
    return rows


def _with_pin(s: Suggestion) -> Suggestion:
    return dataclasses.replace(s, pinned=True)
