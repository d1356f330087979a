"""Review screen behaviour: verdict rules inline, controls follow the criterion, reopen, filters, partner pane."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from criteria_compare.gui.models.sort_proxy import QueueFilter
from criteria_compare.gui.views.focus_pane import NOTE_IDLE_MS
from criteria_compare.model import Band, Level, LinkOrigin, Status
from criteria_compare.project import Project
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "view.ccproj"
    make_project(path).close()
    return path


@pytest.fixture
def shell(qtbot: QtBot, project_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Shell]:
    def no_dialog(*_a: object, **_k: object) -> None:
        raise AssertionError("a modal message box was opened")

    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, no_dialog)
    with open_shell(qtbot, project_path) as s:
        yield s


def test_verdict_rule_message_is_inline_and_nothing_is_stored(shell: Shell) -> None:
    """Aligned without a link says what to press, under the verdict bar; the verdict stays unset."""
    shell.key(Qt.Key.Key_A)
    message = shell.view.focus.message()
    assert "cannot be Aligned without a confirmed link" in message
    assert "1–5" in message
    assert "--" not in message
    assert shell.view.project.assessment("1.1").status is Status.UNREVIEWED
    assert shell.view.focus.checked_verdict() is None
    assert shell.stack.count() == 0
    shell.key(Qt.Key.Key_1)  # a successful action clears the message
    assert shell.view.focus.message() == ""


def test_verdict_controls_show_each_criterions_own_values(shell: Shell) -> None:
    """After moving on, the verdict bar, flag and note show the new criterion, not the last choice."""
    shell.key(Qt.Key.Key_1)
    shell.key(Qt.Key.Key_A)
    shell.key(Qt.Key.Key_F)
    assert shell.view.focus.checked_verdict() is Status.ALIGNED
    assert shell.view.focus.flag_checked()
    shell.key(Qt.Key.Key_J)
    assert shell.view.current_ref() == "1.2"
    assert shell.view.focus.checked_verdict() is None
    assert not shell.view.focus.flag_checked()
    assert shell.view.focus.note_edit.toPlainText() == ""
    shell.key(Qt.Key.Key_K)
    assert shell.view.focus.checked_verdict() is Status.ALIGNED
    assert shell.view.focus.flag_checked()


def test_confirmed_link_shows_state_and_relation(shell: Shell) -> None:
    """Confirming candidate 1 marks it confirmed with its relation; pressing 1 again removes it."""
    shell.key(Qt.Key.Key_1)
    card = shell.view.focus.candidate_cards()[0]
    assert card.row is not None
    assert card.row.state_text == "confirmed · equal"
    shell.key(Qt.Key.Key_R)
    assert shell.view.focus.candidate_cards()[0].row.state_text == "confirmed · subset"
    shell.key(Qt.Key.Key_1)
    assert shell.view.project.links("1.1") == ()
    assert shell.view.focus.candidate_cards()[0].row.state_text == "suggested"


def test_unlinking_last_link_of_aligned_resets_verdict_visibly(shell: Shell) -> None:
    """Removing the only link of an aligned criterion makes it unreviewed again and says so inline."""
    shell.key(Qt.Key.Key_1)
    shell.key(Qt.Key.Key_A)
    shell.key(Qt.Key.Key_1)
    assert shell.view.project.assessment("1.1").status is Status.UNREVIEWED
    assert shell.view.focus.message().endswith(
        "1.1 has no link left, so its verdict went back to Unreviewed."
    )  # the same notice as `criteria-compare decide --unlink` (tests/project/test_project_cli.py)
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shell.view.project.assessment("1.1").status is Status.ALIGNED
    shell.key(Qt.Key.Key_1)
    shell.key(Qt.Key.Key_G)
    shell.key(Qt.Key.Key_2)  # a link on a gap: back to Unreviewed, said inline
    assert shell.view.project.assessment("1.1").status is Status.UNREVIEWED
    assert "no longer a Gap" in shell.view.focus.message()


def test_shared_terms_are_highlighted_in_both_texts(shell: Shell) -> None:
    """The words the scorer matched are highlighted in the criterion and the candidate."""
    card = shell.view.focus.candidate_cards()[0]
    assert "background-color" in card.text_html()
    assert ">written</span>" in card.text_html()
    assert ">written</span>" in shell.view.focus._text.text()
    assert card.row is not None
    assert "Why: shared terms" in shell.view.focus.candidate_cards()[0]._why.text()


def test_note_autosaves_after_idle_and_survives_reopen(
    shell: Shell, qtbot: QtBot, project_path: Path
) -> None:
    """A note is written after a short idle time without leaving the editor."""
    shell.key(Qt.Key.Key_F2)
    qtbot.keyClicks(shell.view.focus.note_edit, "Check the deputy.")
    qtbot.waitUntil(
        lambda: shell.view.project.assessment("1.1").note == "Check the deputy.",
        timeout=NOTE_IDLE_MS * 4,
    )
    assert shell.stack.count() == 1
    with Project.open(project_path, read_only=True) as p:
        assert p.assessment("1.1").note == "Check the deputy."


def test_typing_in_note_does_not_fire_shortcuts(shell: Shell, qtbot: QtBot) -> None:
    """Letters typed in the note are text, not verdicts or navigation."""
    shell.key(Qt.Key.Key_E)
    qtbot.keyClicks(shell.view.focus.note_edit, "Gap? Aligned! jk")
    assert shell.view.current_ref() == "1.1"
    assert shell.view.project.assessment("1.1").status is Status.UNREVIEWED
    assert shell.view.focus.note_edit.toPlainText() == "Gap? Aligned! jk"


def test_reopen_shows_same_state_and_lands_on_first_unreviewed(
    qtbot: QtBot, project_path: Path
) -> None:
    """Close and reopen: decisions, links and flags are there, and the screen opens on the first unreviewed."""
    project = Project.open(project_path)
    s = Shell(qtbot, project)
    s.key(Qt.Key.Key_1)
    s.key(Qt.Key.Key_A)
    s.key(Qt.Key.Key_J)
    s.key(Qt.Key.Key_F)
    s.key(Qt.Key.Key_G)
    s.close()
    project.close()

    project = Project.open(project_path)
    s = Shell(qtbot, project)
    try:
        assert s.view.current_ref() == "3.1"
        assert s.view.header_text().startswith(
            "Reviewed 2/7 (29 %) · Aligned 1 · Partial 0 · Gap 1"
        )
        entry = s.view.queue.model.entry_for("1.2")
        assert entry is not None
        assert entry.status is Status.GAP
        assert entry.discussion
        s.view.select_ref("1.1")
        assert s.view.focus.checked_verdict() is Status.ALIGNED
        assert s.view.focus.candidate_cards()[0].row.confirmed
    finally:
        s.close()
        project.close()


def test_queue_filters_and_text_search(shell: Shell) -> None:
    """Status, level, band, likely-gap and all-terms text filters narrow the queue."""
    queue = shell.view.queue
    assert len(queue.visible_refs()) == 7
    queue.set_filter(QueueFilter(level=Level.SHOULD))
    assert queue.visible_refs() == ["1.2", "3.4"]
    queue.set_filter(QueueFilter(band=Band.HIGH))
    assert queue.visible_refs() == ["3.1", "6.1", "6.2"]
    queue.set_filter(QueueFilter(likely_gap=True))
    assert queue.visible_refs() == ["3.4"]
    queue.set_filter(QueueFilter(text="documents seal"))
    assert queue.visible_refs() == ["6.2"]
    queue.set_filter(QueueFilter(section="Business Partners"))
    assert queue.visible_refs() == ["3.1", "3.4"]
    queue.set_filter(QueueFilter())
    shell.key(Qt.Key.Key_F)
    queue.set_filter(QueueFilter(flagged=True))
    assert queue.visible_refs() == ["1.1"]
    queue.set_filter(QueueFilter(status=Status.UNREVIEWED))
    assert "1.1" in queue.visible_refs()


def test_queue_text_filter_typed_in_box(shell: Shell, qtbot: QtBot) -> None:
    """Typing in the filter box narrows the queue; the section row stays above its criteria."""
    queue = shell.view.queue
    qtbot.keyClicks(queue.text_filter, "partners review")
    assert queue.visible_refs() == ["3.4"]
    assert queue.proxy.rowCount() == 2  # the section heading and 3.4


def test_sort_by_score_orders_by_best_candidate(shell: Shell) -> None:
    """With sort by score, criteria are listed highest best score first and section rows go away."""
    queue = shell.view.queue
    queue.set_sort_by_score(True)
    refs = queue.visible_refs()
    assert queue.proxy.rowCount() == len(refs) == 7
    scores = [queue.model.entry_for(r).best_score for r in refs]
    assert scores == sorted(scores, reverse=True)
    queue.set_sort_by_score(False)
    assert queue.visible_refs() == ["1.1", "1.2", "3.1", "3.4", "6.1", "6.2", "7.10"]


def test_manual_link_from_partner_search(shell: Shell, qtbot: QtBot) -> None:
    """/ focuses the search, typing finds the partner criterion, Enter links it by hand."""
    shell.view.select_ref("7.10")
    shell.key(Qt.Key.Key_Slash)
    assert shell.view.partners.search_edit.hasFocus()
    qtbot.keyClicks(shell.view.partners.search_edit, "solvency")
    qtbot.waitUntil(lambda: shell.view.partners.model.visible_refs()[:1] == ["M-7"])
    shell.key(Qt.Key.Key_Return)
    links = shell.view.project.links("7.10")
    assert [(lk.partner_ref, lk.origin) for lk in links] == [("M-7", LinkOrigin.MANUAL)]
    assert shell.view.current_ref() == "7.10"
    # The link made by hand takes the next free number; the suggestions keep theirs.
    last = shell.view.focus.candidate_cards()[-1].row
    assert last is not None
    assert last.partner_ref == "M-7"
    assert last.state_text == "manual · equal"
    assert shell.view.partners.model.used_by("M-7") == ("7.10",)
    shell.key(Qt.Key.Key_Escape)  # one Esc: search cleared, back to the queue
    assert shell.view.queue.view.hasFocus()
    assert shell.view.partners.search_edit.text() == ""
    shell.key(Qt.Key.Key_G)
    assert "cannot be a Gap" in shell.view.focus.message()


def test_partner_used_by_and_jump(shell: Shell) -> None:
    """A partner criterion shows who uses it; clicking "used by" jumps to that reference criterion."""
    shell.key(Qt.Key.Key_1)  # 1.1 -> M-1
    shell.view.select_ref("6.2")
    model = shell.view.partners.model
    assert model.used_by("M-1") == ("1.1",)
    shell.view.partners.unlinked_box.setChecked(True)
    assert "M-1" not in model.visible_refs()
    shell.view.partners.unlinked_box.setChecked(False)
    shell.view.partners.jumpRequested.emit("1.1")
    assert shell.view.current_ref() == "1.1"


def test_partner_list_puts_related_sections_first(shell: Shell) -> None:
    """For a seal criterion, the partner's seal section is listed before the others."""
    shell.view.select_ref("6.2")
    refs = shell.view.partners.model.visible_refs()
    assert refs[:2] == ["M-4", "M-5"]


def test_multi_select_sets_verdict_on_several_rows(shell: Shell) -> None:
    """Selecting several queue rows and pressing G marks them all a gap in one undo step."""
    queue = shell.view.queue
    sel = queue.view.selectionModel()
    for ref in ("3.4", "7.10"):
        index = queue.proxy.mapFromSource(queue.model.index(queue.model.row_of(ref), 0))
        sel.select(index, sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
    sel.select(
        queue.proxy.mapFromSource(queue.model.index(queue.model.row_of("1.1"), 0)),
        sel.SelectionFlag.Deselect | sel.SelectionFlag.Rows,
    )
    assert queue.selected_refs() == ["3.4", "7.10"]
    shell.key(Qt.Key.Key_G)
    p = shell.view.project
    assert p.assessment("3.4").status is Status.GAP
    assert p.assessment("7.10").status is Status.GAP
    assert shell.stack.count() == 1
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert p.assessment("3.4").status is Status.UNREVIEWED
    assert p.assessment("7.10").status is Status.UNREVIEWED


def test_bulk_confirm_preview_untick_and_one_step_undo(shell: Shell) -> None:
    """The preview lists clear winners; unticked rows are left alone; the verdict each row
    chooses is set; one undo takes it all back."""
    dialog = shell.view.open_bulk_confirm()
    model = dialog.model
    refs = [w.reference.ref for w in model.chosen()]
    assert refs == ["3.1", "6.1", "6.2"]
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    for row in (0, 2):
        model.setData(model.index(row, model.VERDICT), Status.ALIGNED.label)
    dialog.done(QDialog.DialogCode.Accepted)
    p = shell.view.project
    assert p.assessment("3.1").status is Status.ALIGNED
    assert p.assessment("6.2").status is Status.ALIGNED
    assert p.assessment("6.1").status is Status.UNREVIEWED
    assert [lk.partner_ref for lk in p.links("3.1")] == ["M-3"]
    assert shell.stack.count() == 1
    assert all(h.bulk for h in p.history("3.1") if h.action in ("link", "status"))
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert p.assessment("3.1").status is Status.UNREVIEWED
    assert p.assessment("6.2").status is Status.UNREVIEWED
    assert p.links("3.1") == ()
    assert p.links("6.2") == ()
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert p.assessment("3.1").status is Status.ALIGNED
    assert p.assessment("6.2").status is Status.ALIGNED


def test_partner_search_finds_typos_off_the_gui_thread(shell: Shell, qtbot: QtBot) -> None:
    """A misspelt query falls back to the fuzzy search in a worker and still finds the criterion."""
    pane = shell.view.partners
    pane.search_edit.setText("solvancy")
    pane.run_search()
    qtbot.waitUntil(lambda: pane.model.visible_refs()[:1] == ["M-7"], timeout=5000)


def test_undo_goes_back_to_the_criterion_it_changed(shell: Shell) -> None:
    """Ctrl+Z after moving on shows the criterion whose decision was undone."""
    shell.key(Qt.Key.Key_1)
    shell.key(Qt.Key.Key_A)
    shell.key(Qt.Key.Key_J)
    shell.key(Qt.Key.Key_J)
    assert shell.view.current_ref() == "3.1"
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shell.view.current_ref() == "1.1"
    assert shell.view.focus.checked_verdict() is None
    assert shell.view.focus.candidate_cards()[0].row.confirmed
    assert shell.view.header_text().startswith("Reviewed 0/7")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_a_long_session_keeps_none_alive(shell: Shell) -> None:
    """Moving back and forth many times does not drain references to None (PySide6 6.12.0 did)."""
    before = sys.getrefcount(None)
    for _ in range(40):
        shell.key(Qt.Key.Key_J)
        shell.key(Qt.Key.Key_K)
    assert sys.getrefcount(None) > before - 200


def test_partner_search_without_match_says_so(shell: Shell, qtbot: QtBot) -> None:
    """A query nothing matches empties the list and explains what to try; Enter links nothing."""
    pane = shell.view.partners
    pane.search_edit.setText("zzzz qqqq")
    pane.run_search()
    qtbot.waitUntil(lambda: "No partner criterion matches" in pane._detail.text(), timeout=5000)
    assert pane.model.rowCount() == 0
    pane.link_selected()
    assert shell.view.project.links("1.1") == ()


def test_shift_arrows_select_several_rows_and_f_flags_them_all(shell: Shell) -> None:
    """Shift+Down extends the queue selection; F then flags every selected criterion at once."""
    shell.key(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    shell.key(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert shell.view.queue.selected_refs() == ["1.1", "1.2", "3.1"]
    shell.key(Qt.Key.Key_F)
    p = shell.view.project
    assert [p.assessment(r).discussion for r in ("1.1", "1.2", "3.1", "3.4")] == [
        True,
        True,
        True,
        False,
    ]
    assert "Flagged 3" in shell.view.header_text()


def test_verdict_messages_name_keys_for_every_rule(shell: Shell) -> None:
    """Partial, Conflict and N/A without a note say to press E; no command-line hints are shown."""
    shell.key(Qt.Key.Key_1)  # a link, so Partial fails for want of a note only
    for key, word in ((Qt.Key.Key_P, "Partial"), (Qt.Key.Key_C, "Conflict"), (Qt.Key.Key_N, "N/A")):
        shell.key(key)
        message = shell.view.focus.message()
        assert word in message, message
        assert "press E" in message, message
        assert "--" not in message
    assert shell.view.project.assessment("1.1").status is Status.UNREVIEWED


def test_narrow_window_never_cuts_off_candidate_buttons(shell: Shell, qtbot: QtBot) -> None:
    """In a window narrower than the default, the side panes give way: Confirm and Reject stay visible."""
    shell.window.resize(1000, 700)
    qtbot.wait(50)
    cards = [c for c in shell.view.focus.candidate_cards() if c.isVisible()]
    assert cards
    viewport = shell.view.focus._scroll.viewport()
    for card in cards:
        for button in card.findChildren(QAbstractButton):
            if not button.isVisible():
                continue
            right = button.mapTo(viewport, button.rect().topRight()).x()
            assert right <= viewport.width(), button.text()


def test_every_verdict_rule_is_worded_in_keys_not_options() -> None:
    """Each verdict rule, as the review screen words it, names a key or control and no option."""
    from criteria_compare.errors import VerdictRule, VerdictViolation
    from criteria_compare.gui.views.rule_messages import verdict_message

    for rule in VerdictRule:
        message = verdict_message(VerdictViolation(rule, "6.1", Status.PARTIAL, 1))
        assert "6.1" in message, message
        assert "--" not in message, message
        assert any(k in message for k in ("press", "1–5", "number key", "(G for Gap)")), message
