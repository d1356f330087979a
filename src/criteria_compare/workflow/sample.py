"""The bundled sample comparison (CTPAT importers vs fictional Meridia AEO): where it lives, building and opening it."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

from criteria_compare.errors import NotAProject, ProjectCorrupt, ProjectTooNew
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project import Project
from criteria_compare.resources import sample_path
from criteria_compare.workflow.opening import open_project

__all__ = [
    "SAMPLE_PARTNER",
    "SAMPLE_REFERENCE",
    "build_sample",
    "open_sample",
    "sample_project_path",
]

SAMPLE_REFERENCE = "ctpat_msc_importer.xlsx"
SAMPLE_PARTNER = "partner_aeo_meridia.xlsx"


def _sample_fingerprint() -> str:
    """Changes with the sample files and with the aligner's code (default settings included).

    So an upgrade that ranks differently builds a fresh sample instead of showing
    suggestions an older aligner made. The aligner's files are read, not imported
    (this runs on the GUI thread and must stay a millisecond affair).
    """
    digest = hashlib.sha256()
    for name in (SAMPLE_REFERENCE, SAMPLE_PARTNER):
        digest.update(sample_path(name).read_bytes())
    spec = importlib.util.find_spec("criteria_compare.align")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for source in sorted(Path(folder).glob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def sample_project_path(data_dir: Path) -> Path:
    """Where the bundled sample comparison lives; a new name whenever the sample files or aligner change."""
    return (
        Path(data_dir) / "sample" / _sample_fingerprint() / "CTPAT vs Meridia AEO (sample).ccproj"
    )


def build_sample(target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Path:
    """Create the sample comparison at ``target``."""
    from criteria_compare.workflow.create import ComparisonRequest, SourceChoice, create_comparison

    request = ComparisonRequest(
        reference=SourceChoice(sample_path(SAMPLE_REFERENCE), "CTPAT MSC (Importers)", "2019"),
        partner=SourceChoice(sample_path(SAMPLE_PARTNER), "Meridia AEO", "sample"),
        target=target,
    )
    return create_comparison(request, progress, cancel)


def open_sample(target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Project:
    """Open the sample comparison at ``target``, building it first if it is missing or unusable.

    Only the sample is ever rebuilt this way (it holds nothing but what the user tried
    out on it); a damaged file is moved aside as ``<name>.damaged`` first.
    """
    if target.is_file():
        try:
            return open_project(target, progress, cancel)
        except (NotAProject, ProjectCorrupt, ProjectTooNew):
            target.replace(target.with_name(target.name + ".damaged"))
    build_sample(target, progress, cancel)
    return open_project(target, progress, cancel)
