"""History lines in the focus pane read as words, undo/redo states included."""

from __future__ import annotations

from criteria_compare.gui.views.focus_pane import history_line
from criteria_compare.model import HistoryEntry


def _entry(
    action: str, old: str | None, new: str | None, partner: str | None = None
) -> HistoryEntry:
    return HistoryEntry(
        1, "2026-11-23T14:01:02.000Z", "alice", action, "1.1", partner, old, new, False
    )


def test_undo_and_redo_lines_describe_the_restored_state() -> None:
    """An undo names the verdict and links it went back to, not the stored code."""
    assert history_line(_entry("undo", "status=gap; links=[]", "status=unreviewed; links=[]")) == (
        "2026-11-23 14:01 · alice · undo → Unreviewed, no links"
    )
    line = history_line(
        _entry(
            "redo",
            "status=unreviewed; links=[]",
            "status=partial; links=[P-1 subset_of, P-2 equal]; rejected=[P-3]; discussion; "
            "note='half; only'",
        )
    )
    assert line.endswith(
        "redo → Partial, linked P-1 (subset), P-2 (equal), rejected P-3, flagged, with a note"
    ), line
    assert "status=" not in line
    assert "links=[" not in line


def test_verdict_and_link_lines() -> None:
    """Verdict changes show both labels; links their relation."""
    assert history_line(_entry("status", "unreviewed", "aligned")).endswith(
        "verdict: Unreviewed → Aligned"
    )
    assert history_line(_entry("link", None, "equal", "P-4")).endswith("linked P-4 (equal)")


def test_partner_position_lines_read_as_words() -> None:
    """A position from the exchange workbook reads "Disagree (round 1)", not its stored JSON."""
    first = '{"position":"disagree","comment":"x","round":1,"sha256":"ab"}'
    second = '{"position":"agree","comment":"","round":2,"sha256":"cd"}'
    assert history_line(_entry("position", None, first)).endswith(
        "partner's position: Disagree (round 1)"
    )
    line = history_line(_entry("position", first, second))
    assert line.endswith("partner's position: Disagree (round 1) → Agree (round 2)")
    assert "sha256" not in line


def test_rows_brought_in_by_a_merge_say_where_they_came_from() -> None:
    """A row merged from another reviewer's copy names that copy; a merge row reads as a state."""
    entry = HistoryEntry(
        2, "2026-11-23T14:01:02.000Z", "bob", "note", "1.1", None, "", "Theirs.", False,
        "merged from bob.ccproj",
    )  # fmt: skip
    assert history_line(entry).endswith("· bob · note: — → Theirs. (merged from bob.ccproj)")
    merged = history_line(_entry("merge", "status=unreviewed; links=[]", "status=gap; links=[]"))
    assert merged.endswith("merged → Gap, no links")
