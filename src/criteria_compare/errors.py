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
    │   └── ProjectReadOnly         opened read-only; changes are refused
    ├── UnusablePath                a path cannot be followed (a symbolic-link loop)
    ├── UnknownRef                  a criterion ref does not exist in the project
    ├── InvalidValue                an unknown status, relation or option value
    ├── VerdictRuleError            an assessment breaks the verdict rules
    └── Cancelled                   the user cancelled a long operation

Anything else escaping to the CLI or GUI is an internal error (exit status 1).
"""

from __future__ import annotations

__all__ = [
    "Cancelled",
    "ColumnMappingError",
    "CriteriaCompareError",
    "GoldFileError",
    "ImportFailed",
    "InvalidValue",
    "NotAProject",
    "ProjectCorrupt",
    "ProjectDiskError",
    "ProjectError",
    "ProjectExists",
    "ProjectLocked",
    "ProjectReadOnly",
    "ProjectTampered",
    "ProjectTooNew",
    "UnknownRef",
    "UnusablePath",
    "VerdictRuleError",
]


class CriteriaCompareError(Exception):
    """An error the user can fix; str(error) is the one sentence shown to them."""


class ImportFailed(CriteriaCompareError):
    """A file could not be imported."""


class ColumnMappingError(CriteriaCompareError):
    """A requested sheet or column does not exist."""


class GoldFileError(CriteriaCompareError):
    """An evaluation gold file is malformed or names ids that do not exist."""


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


class ProjectReadOnly(ProjectError):
    """The project was opened read-only."""


class UnusablePath(CriteriaCompareError):
    """A path given by the user cannot be followed (e.g. a symbolic link that leads back to itself)."""


class UnknownRef(CriteriaCompareError):
    """A criterion ref does not exist."""


class InvalidValue(CriteriaCompareError):
    """An unknown status, relation or other option value."""


class VerdictRuleError(CriteriaCompareError):
    """An assessment would break the verdict rules."""


class Cancelled(CriteriaCompareError):
    """The user cancelled a long operation."""
