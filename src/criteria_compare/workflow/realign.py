"""Re-align and re-fit a comparison: run the aligner over what the project stores and store the result."""

from __future__ import annotations

from criteria_compare.align import AlignerSettings, AlignmentResult, EmbeddingCache, align
from criteria_compare.align.refit import RefitResult, refit
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.project import Project
from criteria_compare.project.state import AlignmentInputs

__all__ = ["aligner_settings", "realign", "refit_project", "suggest"]


def aligner_settings(project: Project) -> AlignerSettings:
    """The aligner settings stored in ``project`` (the shipped defaults when none are stored)."""
    return AlignerSettings.from_dict(project.settings_dict())


def realign(
    project: Project,
    *,
    settings: AlignerSettings | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    reviewer: str | None = None,
) -> AlignmentResult:
    """Re-run the aligner with the stored settings and replace only the machine suggestions.

    Confirmed links, rejections, pins and assessments are kept; rejected pairs
    are not proposed again and pinned pairs stay listed; the confirmed links
    feed the section-affinity channel when the settings weigh it. Passing
    ``settings`` stores them first (one history row under ``reviewer``).
    """
    project.check_writable()
    if settings is not None:
        project.set_settings(settings, reviewer=reviewer)
    result = suggest(
        project.alignment_inputs(),
        aligner_settings(project),
        project.embedding_cache(),
        progress=progress,
        cancel=cancel,
    )
    project.store_suggestions(
        result.forward,
        result.backward,
        notices=result.notices,
        seconds=result.seconds,
        reviewer=reviewer,
    )
    return result


def suggest(
    inputs: AlignmentInputs,
    settings: AlignerSettings,
    cache: EmbeddingCache | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> AlignmentResult:
    """Run the aligner over ``inputs`` (a project's, or an update's before it is written): rejected
    pairs left out, pinned ones first, confirmed links feeding the affinity channel; embeddings
    come from ``cache`` where it holds them. Raises Cancelled."""
    result = align(
        inputs.reference,
        inputs.partner,
        settings,
        rejected=inputs.rejected,
        pinned=inputs.pinned,
        cache=cache,
        progress=progress,
        cancel=cancel,
        links=inputs.links,
    )
    check_cancel(cancel)
    return result


def refit_project(
    project: Project,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> RefitResult:
    """Re-fit the aligner weights from the project's confirmed links (see ``align.refit``).

    Reads only (works on a read-only project). To use an adopted result, pass
    ``result.settings`` to :func:`realign`.
    """
    inputs = project.alignment_inputs()
    return refit(
        inputs.reference,
        inputs.partner,
        inputs.links,
        aligner_settings(project),
        rejected=inputs.rejected,
        cache=project.embedding_cache(),
        progress=progress,
        cancel=cancel,
    )
