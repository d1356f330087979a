"""The project file: one SQLite database with both programs, suggestions, decisions and their history.

Public API (see docs/contracts.md, "Project file")::

    Project.create(path, reference, partner, ...) / Project.open(path, read_only=False)
    project.decide(ref, status=..., note=..., link=[(partner_ref, relation)], ...)
    project.apply([Decision(...), ...])          # many decisions, one transaction
    project.snapshot(ref) / project.restore(state)  # undo / redo
    project.summary() / project.history(ref)
"""

from __future__ import annotations

from criteria_compare.project.connection import BUSY_TIMEOUT
from criteria_compare.project.embeddings import ProjectEmbeddingCache
from criteria_compare.project.migrations import SCHEMA_VERSION, backup_path
from criteria_compare.project.state import CriterionState, Decision
from criteria_compare.project.store import PROJECT_SUFFIX, Project

__all__ = [
    "BUSY_TIMEOUT",
    "PROJECT_SUFFIX",
    "SCHEMA_VERSION",
    "CriterionState",
    "Decision",
    "Project",
    "ProjectEmbeddingCache",
    "backup_path",
]
