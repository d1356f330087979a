"""``criteria-compare evaluate SOURCE TARGET GOLD``: score the aligner (and baselines) against a gold crosswalk."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from criteria_compare.cli.arguments import add_json
from criteria_compare.cli.output import emit_json, notice, say
from criteria_compare.errors import InvalidValue

if TYPE_CHECKING:  # the aligner is imported when the command runs, keeping CLI start-up quick
    from criteria_compare.align.evaluate import Evaluation

__all__ = ["register", "run"]

_METRICS = ("top1", "hit@3", "hit@5", "recall@5", "mrr", "n", "seconds")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evaluate`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score the aligner against a gold crosswalk",
        description=(
            "Align SOURCE against TARGET (read like any import: CSV or workbook, columns "
            "id/section/text or any the importer recognises) and score the ranked suggestions "
            "against GOLD, a CSV with source_id,target_id[,relationship]. Metrics: top1, hit@3, "
            "hit@5, recall@5, mrr over source criteria with a gold target; seconds is the "
            "alignment time, model load included."
        ),
    )
    parser.add_argument("source", metavar="SOURCE", help="source (reference) criteria file")
    parser.add_argument("target", metavar="TARGET", help="target (partner) criteria file")
    parser.add_argument("gold", metavar="GOLD", help="gold CSV: source_id,target_id[,relationship]")
    parser.add_argument(
        "--k", type=int, default=5, help="suggestions kept per criterion (default 5)"
    )
    parser.add_argument(
        "--baselines",
        action="store_true",
        help="also score plain word TF-IDF and rapidfuzz token_set_ratio in the same run",
    )
    parser.add_argument(
        "--no-embedding",
        action="store_true",
        help="lexical channels only (do not load the sentence encoder)",
    )
    parser.add_argument(
        "--guidance",
        metavar="FILE",
        help="CSV id,guidance giving TARGET's criteria their guidance (a *_guidance.csv file)",
    )
    parser.add_argument(
        "--source-guidance",
        metavar="FILE",
        help="CSV id,guidance giving SOURCE's criteria their guidance",
    )
    add_json(parser)
    parser.set_defaults(func=run)


def _table(evaluation: Evaluation) -> str:
    rows = [("aligner", evaluation.aligner.to_dict())]
    rows += [(name, m.to_dict()) for name, m in evaluation.baselines.items()]
    lines = [f"{'':<10}" + "".join(f"{m:>10}" for m in _METRICS)]
    for name, values in rows:
        cells = []
        for m in _METRICS:
            v = values[m]
            cells.append(f"{v:>10}" if isinstance(v, int) else f"{v:>10.3f}")
        lines.append(f"{name:<10}" + "".join(cells))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Read the three files, align, print the metrics; 0 on success."""
    from criteria_compare.align.evaluate import evaluate, read_gold, with_guidance
    from criteria_compare.align.settings import AlignerSettings
    from criteria_compare.importing import read_criteria

    if args.k < 1:
        raise InvalidValue(f"--k must be at least 1 (got {args.k}); pass a positive number.")
    source = read_criteria(args.source)
    target = read_criteria(args.target)
    for imported in (source, target):
        for warning in imported.warnings:
            notice(f"warning: {warning}")
    source_criteria, target_criteria = source.criteria, target.criteria
    if args.source_guidance:
        source_criteria = with_guidance(args.source_guidance, source_criteria)
    if args.guidance:
        target_criteria = with_guidance(args.guidance, target_criteria)
    gold = read_gold(args.gold, source_criteria, target_criteria)
    settings = AlignerSettings(k=args.k, use_embedding=not args.no_embedding)
    evaluation = evaluate(
        source_criteria, target_criteria, gold, settings, baselines=args.baselines
    )
    for message in evaluation.result.notices:
        notice(message)
    if args.json:
        emit_json(evaluation.to_dict())
    else:
        say(_table(evaluation))
    return 0
