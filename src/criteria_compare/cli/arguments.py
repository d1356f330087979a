"""The arguments many commands share, each defined once: PROJECT, --reviewer and --json."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_json", "add_project", "add_reviewer"]


def add_project(p: argparse.ArgumentParser, text: str = "the .ccproj project file") -> None:
    p.add_argument("project", type=Path, metavar="PROJECT", help=text)


def add_reviewer(p: argparse.ArgumentParser, text: str = "who is recorded in the history") -> None:
    p.add_argument("--reviewer", metavar="NAME", help=text)


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
