"""Ordered schema migrations of the project file, keyed on ``PRAGMA user_version``.

Schema history:

- **1** the initial schema: programs, criteria, settings, suggestions, links,
  rejections, pins, assessments, append-only history, embeddings.
- **2** decisions remember the text they were made on: ``assessments.fingerprint``
  and ``links.reference_fingerprint``/``links.partner_fingerprint`` (the basis
  of the "suspect" flag when a program is re-imported with changed text).
  Existing rows are back-filled from the criteria they point at.
- **3** the partner administration's positions: ``positions`` (per reference
  criterion and exchange round: agree, disagree, needs discussion or blank,
  a comment, the SHA-256 of the workbook it came from, when and by whom it was
  imported) and ``exchange_identity`` (one row: the public id that names this
  comparison in its exchange workbooks, and the secret that keys their row
  checks; the secret is generated here and never leaves the file).
- **4** reviewer copies merged three-way: ``merge_conflicts`` (one row per
  decision element both copies changed differently: reference ref, field,
  partner ref or side, the base/ours/theirs values as JSON, which copy and
  when; a resolution deletes the row) and ``history.origin`` (empty for the
  file's own rows; "merged from NAME" for rows a merge brought in from another
  reviewer's copy).
- **5** editions and exclusions: ``editions`` (one row per imported edition of
  each side: label, file name, SHA-256, imported when and by whom, criterion
  count, number 1, 2, ...; the first import is back-filled from ``programs``
  and the ``create`` history row), ``edition_changes`` (what an update changed:
  kind, old and new ref and text, the state of the carried decision, for the
  redline and the report's "Changes since the previous edition") and
  ``exclusions`` (criteria a reviewer took out: side, ref, who, when, why).

Each migration runs in one transaction together with its ``user_version``
bump, so a file is always at exactly one schema version. Before an existing
file is migrated, :func:`backup_path` names the copy written next to it.
"""

from __future__ import annotations

import functools
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SchemaObject",
    "backup_path",
    "known_schema",
    "migrate",
    "schema_of",
]

#: (type, name, table, SQL with whitespace collapsed) of one row of ``sqlite_master``.
SchemaObject = tuple[str, str, str, str]

#: ``PRAGMA application_id`` of every project file: "CCpj" in ASCII.
APPLICATION_ID = 0x4343706A

_V1 = """
CREATE TABLE programs (
    side TEXT PRIMARY KEY CHECK (side IN ('reference', 'partner')),
    name TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    source_file TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    import_settings TEXT NOT NULL DEFAULT '{}',
    import_warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE criteria (
    side TEXT NOT NULL CHECK (side IN ('reference', 'partner')),
    ref TEXT NOT NULL,
    position INTEGER NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    guidance TEXT NOT NULL DEFAULT '',
    level TEXT,
    prov_file TEXT,
    prov_sha256 TEXT,
    prov_sheet TEXT,
    prov_row INTEGER,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (side, ref)
);
CREATE INDEX criteria_by_position ON criteria (side, position);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE suggestions (
    direction TEXT NOT NULL CHECK (direction IN ('forward', 'backward')),
    source_ref TEXT NOT NULL,
    target_ref TEXT NOT NULL,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    band TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (direction, source_ref, target_ref)
);
CREATE INDEX suggestions_by_rank ON suggestions (direction, source_ref, rank);
CREATE TABLE links (
    reference_ref TEXT NOT NULL,
    partner_ref TEXT NOT NULL,
    relation TEXT NOT NULL,
    origin TEXT NOT NULL,
    score REAL,
    reviewer TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    PRIMARY KEY (reference_ref, partner_ref)
);
CREATE INDEX links_by_partner ON links (partner_ref);
CREATE TABLE rejections (
    reference_ref TEXT NOT NULL,
    partner_ref TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    PRIMARY KEY (reference_ref, partner_ref)
);
CREATE TABLE pins (
    reference_ref TEXT NOT NULL,
    partner_ref TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    PRIMARY KEY (reference_ref, partner_ref)
);
CREATE TABLE assessments (
    reference_ref TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    discussion INTEGER NOT NULL DEFAULT 0,
    reviewer TEXT NOT NULL,
    timestamp TEXT NOT NULL
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    reference_ref TEXT,
    partner_ref TEXT,
    old_value TEXT,
    new_value TEXT,
    bulk INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX history_by_ref ON history (reference_ref, id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TABLE embeddings (
    key TEXT PRIMARY KEY,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL
);
"""

_V2 = """
ALTER TABLE assessments ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE links ADD COLUMN reference_fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE links ADD COLUMN partner_fingerprint TEXT NOT NULL DEFAULT '';
UPDATE assessments SET fingerprint = COALESCE(
    (SELECT c.fingerprint FROM criteria c
     WHERE c.side = 'reference' AND c.ref = assessments.reference_ref), '');
UPDATE links SET
    reference_fingerprint = COALESCE(
        (SELECT c.fingerprint FROM criteria c
         WHERE c.side = 'reference' AND c.ref = links.reference_ref), ''),
    partner_fingerprint = COALESCE(
        (SELECT c.fingerprint FROM criteria c
         WHERE c.side = 'partner' AND c.ref = links.partner_ref), '');
"""

_V3 = """
CREATE TABLE positions (
    reference_ref TEXT NOT NULL,
    round INTEGER NOT NULL CHECK (round >= 1),
    position TEXT NOT NULL CHECK (position IN ('', 'agree', 'disagree', 'needs_discussion')),
    comment TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    PRIMARY KEY (reference_ref, round)
);
CREATE TABLE exchange_identity (
    id TEXT NOT NULL,
    secret TEXT NOT NULL
);
"""


def _v3(conn: sqlite3.Connection) -> None:
    _script(_V3)(conn)
    conn.execute(
        "INSERT INTO exchange_identity (id, secret) VALUES (?, ?)",
        (secrets.token_hex(16), secrets.token_hex(32)),
    )


_V4 = """
CREATE TABLE merge_conflicts (
    reference_ref TEXT NOT NULL,
    field TEXT NOT NULL CHECK (field IN ('status', 'note', 'discussion', 'link', 'rejection',
        'pin', 'exclusion')),
    partner_ref TEXT NOT NULL DEFAULT '',
    base TEXT NOT NULL,
    ours TEXT NOT NULL,
    theirs TEXT NOT NULL,
    theirs_file TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    timestamp TEXT NOT NULL,
    PRIMARY KEY (reference_ref, field, partner_ref)
);
ALTER TABLE history ADD COLUMN origin TEXT NOT NULL DEFAULT '';
"""


_V5 = """
CREATE TABLE editions (
    side TEXT NOT NULL CHECK (side IN ('reference', 'partner')),
    number INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    source_file TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL DEFAULT '',
    imported_by TEXT NOT NULL DEFAULT '',
    criteria INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (side, number)
);
CREATE TABLE edition_changes (
    side TEXT NOT NULL CHECK (side IN ('reference', 'partner')),
    edition INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    change TEXT NOT NULL,
    old_ref TEXT,
    new_ref TEXT,
    old_text TEXT NOT NULL DEFAULT '',
    new_text TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (side, edition, seq)
);
CREATE INDEX edition_changes_by_new ON edition_changes (side, new_ref);
CREATE TABLE exclusions (
    side TEXT NOT NULL CHECK (side IN ('reference', 'partner')),
    ref TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (side, ref)
);
INSERT INTO editions (side, number, label, source_file, sha256, imported_at, imported_by, criteria)
SELECT p.side, 1, p.version, p.source_file, p.sha256,
    COALESCE((SELECT h.timestamp FROM history h WHERE h.action = 'create' ORDER BY h.id LIMIT 1), ''),
    COALESCE((SELECT h.reviewer FROM history h WHERE h.action = 'create' ORDER BY h.id LIMIT 1), ''),
    (SELECT COUNT(*) FROM criteria c WHERE c.side = p.side)
FROM programs p;
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT first; run statement by statement instead.
        for statement in _split(sql):
            conn.execute(statement)

    return run


def _split(sql: str) -> list[str]:
    """Split a script into statements (triggers hold ';' inside BEGIN ... END)."""
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


#: (version reached, function) in order; MIGRATIONS[i] takes a file from version i to i + 1.
MIGRATIONS: tuple[tuple[int, Callable[[sqlite3.Connection], None]], ...] = (
    (1, _script(_V1)),
    (2, _script(_V2)),
    (3, _v3),
    (4, _script(_V4)),
    (5, _script(_V5)),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a version-``version`` file is written before migrating it."""
    return path.with_name(f"{path.name}.v{version}.bak")


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply every migration above the file's version up to ``target``, each in one transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Returns the
    version the file started at.
    """
    start = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for version, step in MIGRATIONS:
        if version <= start or version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    """Every table, index, trigger and view of the database, as :data:`SchemaObject` rows."""
    return frozenset(
        (str(kind), str(name), str(table), " ".join(str(sql or "").split()))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
    )


@functools.cache
def known_schema(version: int) -> frozenset[SchemaObject]:
    """The objects criteria-compare itself creates in a file at schema ``version``."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, version)
        return schema_of(conn)
    finally:
        conn.close()
