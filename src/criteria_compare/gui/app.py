"""GUI entry point (placeholder until the GUI lands)."""

from __future__ import annotations


def main() -> int:
    """Start the application."""
    return 0
