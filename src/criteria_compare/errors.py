"""Exceptions a user can cause, each carrying one sentence that says what, where and what to do.

Hierarchy::

    CriteriaCompareError            anything the user can fix (CLI exit status 2)
    ├── ImportFailed                a file could not be imported (bad format, limits, encoding)
    ├── ColumnMappingError          a requested sheet/column does not exist or is ambiguous
    ├── GoldFileError               an evaluation gold file names unknown ids or is malformed
    ├── ProjectError                the project file cannot be used
    │   ├── ProjectExists           refusing to overwrite without --force
    │   ├── NotAProject             the file is not a criteria-compare project
    │   ├── ProjectCorrupt          integrity check failed, the file is truncated or holds a bad value
    │   ├── ProjectTampered         the file holds tables, triggers or views the tool did not create
    │   ├── ProjectDiskError        the disk refused a write (full, quota, size limit, I/O error)
    │   ├── ProjectTooNew           written by a newer version of the tool
    │   ├── ProjectLocked           another process is writing it
    │   │   └── ProjectInUse        another program has it open for writing (.holder: LockHolder)
    │   ├── ProjectReadOnly         opened read-only; changes are refused
    │   └── DifferentComparison     copies to merge hold different comparisons (programs, editions)
    ├── UnusablePath                a path cannot be followed (a symbolic-link loop)
    ├── UnknownRef                  a criterion ref does not exist in the project
    ├── InvalidValue                an unknown status, relation or option value
    ├── VerdictRuleError            an assessment breaks the verdict rules (.violation: VerdictViolation)
    └── Cancelled                   the user cancelled a long operation

Anything else escaping to the CLI or GUI is an internal error (exit status 1).

A ``VerdictRuleError`` carries the broken rule as data (``VerdictViolation``);
its own sentence names no control, and each front end words the violation
for its users (command-line options in the CLI, keys and buttons in the GUI).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from criteria_compare.model import LockHolder, Status

__all__ = [
    "Cancelled",
    "ColumnMappingError",
    "CriteriaCompareError",
    "DifferentComparison",
    "GoldFileError",
    "ImportFailed",
    "InvalidValue",
    "NotAProject",
    "ProjectCorrupt",
    "ProjectDiskError",
    "ProjectError",
    "ProjectExists",
    "ProjectInUse",
    "ProjectLocked",
    "ProjectReadOnly",
    "ProjectTampered",
    "ProjectTooNew",
    "UnknownRef",
    "UnusablePath",
    "VerdictRule",
    "VerdictRuleError",
    "VerdictViolation",
]


class CriteriaCompareError(Exception):
    """An error the user can fix; str(error) is the one sentence shown to them."""


class ImportFailed(CriteriaCompareError):
    """A file could not be imported."""


class ColumnMappingError(CriteriaCompareError):
    """A requested sheet or column does not exist."""


class GoldFileError(CriteriaCompareError):
    """An evaluation gold or guidance file is malformed or names ids that do not exist."""


class ProjectError(CriteriaCompareError):
    """The project file cannot be used as asked."""


class ProjectExists(ProjectError):
    """The project file exists and overwriting was not requested."""


class NotAProject(ProjectError):
    """The file is not a criteria-compare project."""


class ProjectCorrupt(ProjectError):
    """The project file is damaged."""


class ProjectTampered(ProjectError):
    """The project file holds database objects (e.g. a trigger) that criteria-compare did not create."""


class ProjectDiskError(ProjectError):
    """The disk refused to write (or read) the project file; the file itself is not damaged."""


class ProjectTooNew(ProjectError):
    """The project file was written by a newer version."""


class ProjectLocked(ProjectError):
    """Another process is writing the project."""


class ProjectInUse(ProjectLocked):
    """Another program has the project open for writing (its lock file names ``holder``).

    ``stale`` is True when the holder ran on this computer and is known to be gone (the
    lock outlived a crash); the sentence names no command, each front end adds its own.
    """

    def __init__(
        self, path: Path, holder: LockHolder, message: str, *, stale: bool = False
    ) -> None:
        super().__init__(message)
        self.path = path
        self.holder = holder
        self.stale = stale


class DifferentComparison(ProjectError):
    """Copies given to a merge are not copies of one comparison (other programs or editions)."""


class ProjectReadOnly(ProjectError):
    """The project was opened read-only."""


class UnusablePath(CriteriaCompareError):
    """A path given by the user cannot be followed (e.g. a symbolic link that leads back to itself)."""


class UnknownRef(CriteriaCompareError):
    """A criterion ref does not exist."""


class InvalidValue(CriteriaCompareError):
    """An unknown status, relation or other option value."""


class VerdictRule(str, Enum):
    """The verdict rules (see ``project.rules``)."""

    NEEDS_LINK = "needs_link"  # aligned/partial without a confirmed link
    LAST_LINK = "last_link"  # the decision removes the last link of an aligned/partial verdict
    PARTIAL_NEEDS_NOTE = "partial_needs_note"
    GAP_HAS_LINKS = "gap_has_links"
    CONFLICT_NEEDS_NOTE = "conflict_needs_note"
    NOT_APPLICABLE_NEEDS_NOTE = "not_applicable_needs_note"


@dataclass(frozen=True)
class VerdictViolation:
    """Which rule a refused verdict broke, on which criterion, and with how many links."""

    rule: VerdictRule
    ref: str
    status: Status  # the verdict that was refused
    links: int  # confirmed links the criterion would have had


class VerdictRuleError(CriteriaCompareError):
    """An assessment would break the verdict rules; ``violation`` says which, for each front end to word."""

    def __init__(self, violation: VerdictViolation, message: str) -> None:
        super().__init__(message)
        self.violation = violation


class UpdateRefusal(str, Enum):
    """Why a file cannot be taken as a program's new edition (see ``workflow.update``)."""

    OTHER_SIDE_FILE = "other_side_file"  # the file of the project's other program
    POOR_MATCH = "poor_match"  # too few criteria match: another program or the wrong sheet
    UNSETTLED = "unsettled"  # an old criterion could be several new ones; the reviewer must say


class UpdateRefused(InvalidValue):
    """An update refused for ``refusal``; ``fields`` fill each front end's own sentence
    (``workflow.update.word_refusal``), ``str()`` is the command line's."""

    def __init__(self, refusal: UpdateRefusal, fields: Mapping[str, str], message: str) -> None:
        super().__init__(message)
        self.refusal = refusal
        self.fields = dict(fields)


class Cancelled(CriteriaCompareError):
    """The user cancelled a long operation."""
