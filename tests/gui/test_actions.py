"""Actions: one table of shortcuts, no clashes, single keys silent while typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.actions import (
    ACTION_SPECS,
    MENU_LAYOUT,
    build_actions,
    install_typing_guard,
    is_typing_shortcut,
)
from criteria_compare.gui.typed_keys import install_typed_keys
from criteria_compare.model import Status

REQUIRED = {
    "new_comparison": ["Ctrl+N"],
    "open_project": ["Ctrl+O"],
    "save_copy": ["Ctrl+Shift+S"],
    "export_report": ["Ctrl+E"],
    "close_project": ["Ctrl+W"],
    "quit": ["Ctrl+Q"],
    "undo": ["Ctrl+Z"],
    "redo": ["Ctrl+Shift+Z", "Ctrl+Y"],
    "shortcuts_help": ["F1", "?"],
    "next": ["Down", "J"],
    "previous": ["Up", "K"],
    "next_unreviewed": ["]"],
    "previous_unreviewed": ["["],
    "confirm_1": ["1"],
    "reject_1": ["Shift+1"],
    "reject_5": ["Shift+5"],
    "verdict_aligned": ["A"],
    "verdict_na": ["N"],
    "cycle_relation": ["R"],
    "edit_note": ["E", "F2"],
    "flag": ["F"],
    "search": ["/", "Ctrl+F"],
    "expand_evidence": ["W"],
    "commit_next": ["Return", "Enter"],
}


def _window(qtbot) -> tuple[QMainWindow, dict]:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = build_actions(window)
    return window, actions


def test_no_two_actions_share_a_shortcut(qtbot) -> None:
    """Every shortcut in the window triggers exactly one action."""
    _, actions = _window(qtbot)
    seen: dict[str, str] = {}
    for name, action in actions.items():
        for seq in action.shortcuts():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is used by both {seen[key]} and {name}"
            seen[key] = name
    assert len(seen) > 40


def test_required_shortcuts_are_present(qtbot) -> None:
    """The keys the issue promises are bound to the right actions."""
    _, actions = _window(qtbot)
    for name, keys in REQUIRED.items():
        bound = {s.toString() for s in actions[name].shortcuts()}
        for key in keys:
            assert QKeySequence(key).toString() in bound, f"{name} lacks {key}"


def test_every_action_is_in_exactly_one_menu() -> None:
    """The menu layout lists each action once, so every action is reachable by mouse."""
    listed = [n for _, names in MENU_LAYOUT for n in names if n is not None]
    assert sorted(listed) == sorted(s.name for s in ACTION_SPECS)


def test_tooltips_name_the_shortcut(qtbot) -> None:
    """Hovering an action tells the user its key."""
    _, actions = _window(qtbot)
    assert "Ctrl+E" in actions["export_report"].toolTip()
    assert actions["bulk_confirm"].toolTip()


def test_typing_shortcut_classification() -> None:
    """Letters, digits, Shift+digit and Return are typing keys; Ctrl+ and F-keys are not."""
    for key in ("J", "1", "Shift+1", "!", "Return", "/", "?", "Down"):
        assert is_typing_shortcut(QKeySequence(key)), key
    for key in ("Ctrl+Z", "Ctrl+F", "F1", "F2", "Ctrl+Shift+S"):
        assert not is_typing_shortcut(QKeySequence(key)), key


def test_typing_in_a_line_edit_does_not_trigger_single_key_actions(qtbot) -> None:
    """Pressing J or 1 in a text field types the letter and leaves the review alone."""
    window, actions = _window(qtbot)
    central = QWidget()
    layout = QVBoxLayout(central)
    edit = QLineEdit()
    button = QPushButton("focus me")
    layout.addWidget(edit)
    layout.addWidget(button)
    window.setCentralWidget(central)
    guard = install_typing_guard(QApplication.instance(), actions)
    fired: list[str] = []
    for name in ("next", "confirm_1", "verdict_aligned", "search"):
        actions[name].triggered.connect(lambda _=False, n=name: fired.append(n))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()

    edit.setFocus()
    qtbot.waitUntil(lambda: guard.typing)
    qtbot.keyClicks(edit, "j1a")
    assert edit.text() == "j1a"
    assert fired == []
    # Modifier shortcuts still work while typing.
    assert QKeySequence("Ctrl+F") in actions["search"].shortcuts()
    assert QKeySequence("/") not in actions["search"].shortcuts()

    button.setFocus()
    qtbot.waitUntil(lambda: not guard.typing)
    assert QKeySequence("J") in actions["next"].shortcuts()
    qtbot.keyClick(button, Qt.Key.Key_J)
    assert fired == ["next"]
    guard.detach()


def test_shifted_symbols_trigger_reject_and_help(qtbot) -> None:
    """Shift+1 reported as Shift+1 or as Shift+"!" rejects candidate 1; Shift+? opens the help."""
    window, actions = _window(qtbot)
    keys = install_typed_keys(QApplication.instance(), window, actions)
    button = QPushButton("focus")
    window.setCentralWidget(button)
    fired: list[str] = []
    for name in ("reject_1", "reject_5", "shortcuts_help"):
        actions[name].triggered.connect(lambda _=False, n=name: fired.append(n))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    qtbot.keyClick(button, Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(button, Qt.Key.Key_Exclam, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(button, Qt.Key.Key_Percent, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(button, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    keys.detach()
    assert fired == ["reject_1", "reject_1", "reject_5", "shortcuts_help"]


def test_review_actions_are_defined_once_and_each_has_a_handler() -> None:
    """REVIEW_ACTIONS lives only in gui/actions.py, and the review screen binds a handler to every one."""
    import ast
    from pathlib import Path

    from criteria_compare.gui import actions as actions_module
    from criteria_compare.gui.views.review_actions import numbered

    gui = Path(actions_module.__file__).parent
    defining = [
        f.name
        for f in sorted(gui.rglob("*.py"))
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8")))
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and any(
            isinstance(t, ast.Name) and t.id == "REVIEW_ACTIONS"
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
    ]
    assert defining == ["actions.py"]
    seen: list[object] = []
    handlers = numbered(seen.append, lambda n: seen.append(-n), seen.append)
    handlers["confirm_3"]()
    handlers["reject_2"]()
    handlers["verdict_gap"]()
    assert seen == [3, -2, Status.GAP]


def test_file_menu_letters_are_unique(window) -> None:
    """Alt+F then one letter reaches each File item: no two share their underlined letter
    (Update partner program once shared P with Import the partner's positions)."""
    letters = []
    for action in window.menus["File"].actions():
        text = action.text()
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    assert letters
    assert len(letters) == len(set(letters))


def _letters(menu: QMenu) -> list[str]:
    return [
        a.text()[a.text().index("&") + 1].lower()
        for a in menu.actions()
        if "&" in a.text().replace("&&", "")
    ]


def test_every_menu_has_unique_letters(window) -> None:
    """Alt+letter reaches each menu and each item in it: no two menus, and no two items of one
    menu (submenus included), share their underlined letter (Review once had A, P and U twice)."""
    bar = window.menuBar()
    titles = _letters(bar)
    assert len(titles) == len(bar.actions())
    assert len(titles) == len(set(titles)), titles
    menus = [a.menu() for a in bar.actions() if a.menu() is not None]
    while menus:
        menu = menus.pop()
        letters = _letters(menu)
        assert len(letters) == len(set(letters)), (menu.title(), sorted(letters))
        menus += [a.menu() for a in menu.actions() if a.menu() is not None]


def test_every_menu_fits_a_640_pixel_screen(window) -> None:
    """No menu spills into a second column on the smallest supported screen (1024 × 640): the
    Review menu once needed more than 700 pixels; confirm and reject by number are submenus."""
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    heights = {}
    while menus:
        menu = menus.pop()
        heights[menu.title().replace("&", "")] = menu.sizeHint().height()
        menus += [a.menu() for a in menu.actions() if a.menu() is not None]
    assert {"Review", "Confirm by number", "Reject by number", "Appearance"} <= heights.keys()
    assert all(h <= 640 for h in heights.values()), heights
    review = {a.text() for a in window.menus["Review"].actions()}
    assert "Confirm candidate 1" not in review
    assert "Confirm by num&ber" in review
