"""Every QAction of the application in one place: names, texts, shortcuts, tooltips, menus.

``ACTION_SPECS`` is the single table; :func:`build_actions` turns it into
QActions owned by a window, and :func:`install_typing_guard` keeps
single-key shortcuts (``J``, ``1``, ``Shift+1``, ``Return``...) from firing
while the user types in a text field. The keyboard legend (Help → Keyboard
shortcuts) and the menus are generated from the same table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from criteria_compare.model import Status

__all__ = [
    "ACTION_SPECS",
    "MENU_LAYOUT",
    "PROJECT_ACTIONS",
    "REVIEW_ACTIONS",
    "SHELL_ACTIONS",
    "SUBMENUS",
    "VERDICT_ACTIONS",
    "WRITE_ACTIONS",
    "ActionSpec",
    "TypingGuard",
    "build_actions",
    "install_typing_guard",
    "is_typing_shortcut",
    "is_typing_widget",
    "spec",
]


@dataclass(frozen=True)
class ActionSpec:
    """One action: its key in the actions dict, menu text, shortcuts, tooltip and menu."""

    name: str
    text: str
    shortcuts: tuple[str, ...]
    tip: str
    menu: str


def _specs() -> tuple[ActionSpec, ...]:
    file_, edit, review, view, help_ = "File", "Edit", "Review", "View", "Help"
    specs = [
        ActionSpec(
            "new_comparison",
            "&New comparison…",
            ("Ctrl+N",),
            "Import a reference and a partner program and compare them.",
            file_,
        ),
        ActionSpec(
            "open_project", "&Open project…", ("Ctrl+O",), "Open a saved comparison.", file_
        ),
        ActionSpec(
            "open_sample",
            "Open the bundled &sample",
            (),
            "Open the sample comparison of CTPAT with the fictional Meridia AEO program.",
            file_,
        ),
        ActionSpec(
            "save_copy",
            "Save a &copy…",
            ("Ctrl+Shift+S",),
            "Write a copy of the project file; every decision is already saved.",
            file_,
        ),
        ActionSpec(
            "merge_copy",
            "&Merge a reviewer's copy…",
            ("Ctrl+Shift+M",),
            "Merge another reviewer's copy of this comparison into a new project file, against "
            "the copy you both started from; this project is not changed.",
            file_,
        ),
        ActionSpec(
            "merge_conflicts",
            "Resolve &merge conflicts…",
            ("Ctrl+Shift+R",),
            "Show each decision both reviewers changed differently, base, ours and theirs side "
            "by side, and keep ours, take theirs or edit the note.",
            review,
        ),
        ActionSpec(
            "export_report",
            "&Export report…",
            ("Ctrl+E",),
            "Export the compatibility report as PDF or workbook.",
            file_,
        ),
        ActionSpec(
            "export_oscal",
            "Export as OSC&AL mapping…",
            (),
            "Write the confirmed links as an OSCAL 1.2 mapping-collection (JSON), with both "
            "programs as OSCAL catalogs beside it, for GRC tools.",
            file_,
        ),
        ActionSpec(
            "export_ciso",
            "Export as CISO Assis&tant mapping…",
            (),
            "Write the confirmed links as a CISO Assistant mapping library (YAML), with both "
            "programs as framework libraries beside it.",
            file_,
        ),
        ActionSpec(
            "export_positions",
            "E&xport positions for the partner…",
            (),
            "Write a workbook with our assessment of every criterion for the partner "
            "administration to give its position.",
            file_,
        ),
        ActionSpec(
            "import_positions",
            "Import the partner's &positions…",
            (),
            "Bring in the positions and comments from the workbook the partner sent back; our "
            "verdicts stay as they are.",
            file_,
        ),
        ActionSpec(
            "update_reference",
            "&Update reference program…",
            (),
            "Bring in a new edition (or a corrected copy) of the reference program; every "
            "decision moves with its criterion, and you see each change before it is written.",
            file_,
        ),
        ActionSpec(
            "update_partner",
            "Up&date partner program…",
            (),
            "Bring in a new edition (or a corrected copy) of the partner program; every "
            "decision moves with its criterion, and you see each change before it is written.",
            file_,
        ),
        ActionSpec(
            "close_project",
            "C&lose project",
            ("Ctrl+W",),
            "Close the comparison and return to the start screen.",
            file_,
        ),
        ActionSpec("quit", "&Quit", ("Ctrl+Q",), "Quit criteria-compare.", file_),
        ActionSpec("undo", "&Undo", ("Ctrl+Z",), "Undo the last review action.", edit),
        ActionSpec(
            "redo",
            "&Redo",
            ("Ctrl+Shift+Z", "Ctrl+Y"),
            "Redo the last undone review action.",
            edit,
        ),
        ActionSpec(
            "search",
            "&Search partner criteria",
            ("/", "Ctrl+F"),
            "Search the partner criteria as you type; Enter links the hit.",
            edit,
        ),
        ActionSpec(
            "edit_note",
            "Edit &note",
            ("E", "F2"),
            "Edit the note of the current criterion; Esc leaves the note.",
            edit,
        ),
        ActionSpec(
            "set_reviewer",
            "Set re&viewer name…",
            (),
            "Set the name recorded with each decision.",
            edit,
        ),
        ActionSpec("next", "&Next criterion", ("Down", "J"), "Go to the next criterion.", review),
        ActionSpec(
            "previous",
            "&Previous criterion",
            ("Up", "K"),
            "Go to the previous criterion.",
            review,
        ),
        ActionSpec(
            "next_unreviewed",
            "Next &unreviewed",
            ("]",),
            "Go to the next criterion that has no verdict yet.",
            review,
        ),
        ActionSpec(
            "previous_unreviewed",
            "Previous unre&viewed",
            ("[",),
            "Go to the previous criterion that has no verdict yet.",
            review,
        ),
    ]
    specs += [
        ActionSpec(
            f"confirm_{n}",
            f"Confirm candidate {n}",
            (str(n),),
            f"Confirm (or un-confirm) candidate {n} as a link.",
            review,
        )
        for n in range(1, 6)
    ]
    specs += [
        ActionSpec(
            f"reject_{n}",
            f"Reject candidate {n}",
            # One sequence only: Qt matches a press against every form the key mapper
            # reports (Shift+#, #, Shift+3), and two matches are an ambiguous overload that
            # fires nothing. gui.typed_keys triggers these from the number-row key itself.
            (f"Shift+{n}",),
            f"Reject candidate {n}; it is never proposed again.",
            review,
        )
        for n in range(1, 6)
    ]
    specs += [
        ActionSpec(
            "confirm_marked",
            "Confirm the mar&ked candidate",
            ("L",),
            "Confirm (or un-confirm) the candidate card marked with Left/Right, whatever its "
            "number.",
            review,
        ),
        ActionSpec(
            "reject_marked",
            "Re&ject the marked candidate",
            ("X",),
            "Reject the candidate card marked with Left/Right (or take its rejection back).",
            review,
        ),
        ActionSpec(
            "verdict_aligned",
            "Verdict: A&ligned",
            ("A",),
            "The partner has an equivalent (needs a confirmed link).",
            review,
        ),
        ActionSpec(
            "verdict_partial",
            "Verdict: Part&ial",
            ("P",),
            "Partly addressed (needs a link and a note on what is missing).",
            review,
        ),
        ActionSpec(
            "verdict_gap",
            "Verdict: &Gap",
            ("G",),
            "The partner program has no counterpart.",
            review,
        ),
        ActionSpec(
            "verdict_conflict",
            "Verdict: &Conflict",
            ("C",),
            "The partner requires something incompatible (needs a note).",
            review,
        ),
        ActionSpec(
            "verdict_na",
            "Verdict: N/&A",
            ("N",),
            "Not applicable (needs a reason in the note).",
            review,
        ),
        ActionSpec(
            "verdict_unreviewed",
            "Clear the v&erdict (Unreviewed)",
            ("U",),
            "Take the verdict back: the criterion is Unreviewed again; links and note stay.",
            review,
        ),
        ActionSpec(
            "exclude_criterion",
            "E&xclude from the comparison",
            ("Ctrl+Shift+X",),
            "Take the current criterion out of the comparison (a footer, a note, a duplicate "
            "row): it leaves the counts, the suggestions and the report; Ctrl+Z brings it back. "
            "Refused while it carries a link, a verdict, a note or a flag.",
            review,
        ),
        ActionSpec(
            "cycle_relation",
            "Cycle &relation",
            ("R",),
            "Cycle the relation of the focused link: equal, subset, superset, intersects.",
            review,
        ),
        ActionSpec(
            "flag",
            "&Flag for discussion",
            ("F",),
            "Put the current criterion on the negotiation agenda (or take it off).",
            review,
        ),
        ActionSpec(
            "confirm_unchanged",
            "Decision still &holds",
            ("H",),
            "The texts changed since the decision, and it still holds: keep it and go to the "
            "next changed criterion.",
            review,
        ),
        ActionSpec(
            "commit_next",
            "Commit and next unreviewe&d",
            ("Return", "Enter"),
            "Keep the current decision and go to the next unreviewed criterion.",
            review,
        ),
        ActionSpec(
            "bulk_confirm",
            "Confirm clear &winners…",
            (),
            "Preview and confirm the unreviewed criteria whose top candidate clearly wins.",
            review,
        ),
        ActionSpec(
            "realign",
            "Re-align &suggestions",
            (),
            "Recompute the suggestions; confirmed and rejected pairs are kept.",
            review,
        ),
        ActionSpec(
            "refit",
            "Re-fi&t from confirmed links…",
            (),
            "Learn from the links this project's reviewers confirmed how much each kind of "
            "evidence should count; shows how many confirmed links would come first before "
            "anything changes.",
            review,
        ),
        ActionSpec(
            "apply_refit",
            "Apply the &offered re-fit",
            ("Ctrl+Shift+T",),
            "Use the re-fit found in the background after your latest confirmed links: the "
            "suggestions are re-computed, every decision is kept.",
            review,
        ),
        ActionSpec(
            "next_candidate",
            "Next ca&ndidate",
            ("Right",),
            "Move the keyboard to the next candidate card (R, W and the highlights follow it).",
            view,
        ),
        ActionSpec(
            "previous_candidate",
            "&Previous candidate",
            ("Left",),
            "Move the keyboard to the previous candidate card.",
            view,
        ),
        ActionSpec(
            "more_candidates",
            "&More candidates",
            ("M",),
            "Show the candidates after the first five (or only the first five again).",
            view,
        ),
        ActionSpec(
            "expand_evidence",
            "Expand &evidence",
            ("W",),
            "Show the evidence (scores per channel, shared terms) of the focused candidate.",
            view,
        ),
        ActionSpec(
            "appearance_system",
            "Like the &system",
            (),
            "Light or dark colours as the system is set.",
            view,
        ),
        ActionSpec("appearance_light", "&Light", (), "Dark text on light backgrounds.", view),
        ActionSpec("appearance_dark", "&Dark", (), "Light text on dark backgrounds.", view),
        ActionSpec(
            "import_warnings",
            "&Import warnings…",
            (),
            "What the importer noticed in each program's file (rows skipped, columns not "
            "imported, languages), kept in the project.",
            view,
        ),
        ActionSpec(
            "shortcuts_help",
            "&Keyboard shortcuts",
            ("F1", "?"),
            "Show every keyboard shortcut.",
            help_,
        ),
        ActionSpec(
            "about",
            "&About criteria-compare",
            (),
            "Version, where settings and logs are kept, and the licence.",
            help_,
        ),
    ]
    return tuple(specs)


ACTION_SPECS: tuple[ActionSpec, ...] = _specs()

#: The verdict actions, in menu order, and the verdict each one sets.
VERDICT_ACTIONS: Mapping[str, Status] = {
    "verdict_aligned": Status.ALIGNED,
    "verdict_partial": Status.PARTIAL,
    "verdict_gap": Status.GAP,
    "verdict_conflict": Status.CONFLICT,
    "verdict_na": Status.NOT_APPLICABLE,
    "verdict_unreviewed": Status.UNREVIEWED,
}

# Menu order with separators (None); every spec appears exactly once.
MENU_LAYOUT: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        "&File",
        (
            "new_comparison",
            "open_project",
            "open_sample",
            None,
            "save_copy",
            "merge_copy",
            "export_report",
            "export_oscal",
            "export_ciso",
            None,
            "export_positions",
            "import_positions",
            "update_reference",
            "update_partner",
            None,
            "close_project",
            "quit",
        ),
    ),
    ("&Edit", ("undo", "redo", None, "search", "edit_note", None, "set_reviewer")),
    (
        "&Review",
        (
            "next",
            "previous",
            "next_unreviewed",
            "previous_unreviewed",
            None,
            *(f"confirm_{n}" for n in range(1, 6)),
            *(f"reject_{n}" for n in range(1, 6)),
            "confirm_marked",
            "reject_marked",
            None,
            *VERDICT_ACTIONS,
            None,
            "cycle_relation",
            "flag",
            "confirm_unchanged",
            "commit_next",
            "exclude_criterion",
            None,
            "bulk_confirm",
            "realign",
            "refit",
            "apply_refit",
            None,
            "merge_conflicts",
        ),
    ),
    (
        "&View",
        (
            "next_candidate",
            "previous_candidate",
            "more_candidates",
            "expand_evidence",
            None,
            "appearance_system",
            "appearance_light",
            "appearance_dark",
            None,
            "import_warnings",
        ),
    ),
    ("&Help", ("shortcuts_help", None, "about")),
)

# Actions shown together in a submenu (title, members), placed where the first member is
# listed in MENU_LAYOUT: keeps the Review menu one column high on a 640-pixel screen.
SUBMENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Confirm by num&ber", tuple(f"confirm_{n}" for n in range(1, 6))),
    ("Reject b&y number", tuple(f"reject_{n}" for n in range(1, 6))),
    ("&Appearance", ("appearance_system", "appearance_light", "appearance_dark")),
)

_SPECS_BY_NAME = {s.name: s for s in ACTION_SPECS}

# Actions that only make sense with a project open (disabled on the start screen).
PROJECT_ACTIONS = frozenset(
    s.name
    for s in ACTION_SPECS
    if s.name
    not in {
        "new_comparison",
        "open_project",
        "open_sample",
        "quit",
        "shortcuts_help",
        "set_reviewer",
        "about",
        "appearance_system",
        "appearance_light",
        "appearance_dark",
    }
)


def spec(name: str) -> ActionSpec:
    """The spec of the action called ``name`` (KeyError if unknown)."""
    return _SPECS_BY_NAME[name]


_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def is_typing_shortcut(sequence: QKeySequence) -> bool:
    """True for a shortcut a text field would also want: a key with no modifier but Shift.

    Function keys (F1, F2...) stay active while typing; letters, digits,
    punctuation, arrows and Return do not.
    """
    if sequence.count() != 1:
        return False
    combo = sequence[0]  # type: ignore[index]  # QKeySequence[i] exists; the stubs omit it
    mods = combo.keyboardModifiers()
    if mods & ~_TYPING_MODIFIERS:
        return False
    key = combo.key()
    return not (Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F35.value)


def is_typing_widget(widget: QWidget | None) -> bool:
    """True when keys pressed in ``widget`` are text input (line/text edits, editable combos)."""
    if widget is None:
        return False
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return not (isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly())
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    parent = widget.parentWidget()
    # The line edit inside an editable combo box reports the combo as its parent.
    return isinstance(parent, QComboBox) and parent.isEditable()


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action of ACTION_SPECS as a child of ``parent`` (also added to it)."""
    actions: dict[str, QAction] = {}
    for s in ACTION_SPECS:
        action = QAction(s.text, parent)
        action.setObjectName(s.name)
        action.setShortcuts([QKeySequence(k) for k in s.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        keys = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in s.shortcuts
        )
        action.setToolTip(f"{s.tip} ({keys})" if keys else s.tip)
        action.setStatusTip(s.tip)
        action.setWhatsThis(s.tip)
        if s.name == "quit":
            action.setMenuRole(QAction.MenuRole.QuitRole)
        parent.addAction(action)
        actions[s.name] = action
    return actions


class TypingGuard(QObject):
    """Removes typing shortcuts from actions while a text field has focus, restores them after."""

    def __init__(self, app: QApplication, actions: Mapping[str, QAction]) -> None:
        super().__init__(app)
        self._actions = dict(actions)
        self._full = {name: tuple(a.shortcuts()) for name, a in self._actions.items()}
        self._typing = False
        app.focusChanged.connect(self._on_focus_changed)
        self._apply(is_typing_widget(app.focusWidget()))

    @property
    def typing(self) -> bool:
        """Whether typing shortcuts are currently switched off."""
        return self._typing

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._apply(is_typing_widget(new))

    def _apply(self, typing: bool) -> None:
        if typing == self._typing:
            return
        self._typing = typing
        for name, action in self._actions.items():
            try:
                full = self._full[name]
                keep = [k for k in full if not is_typing_shortcut(k)] if typing else list(full)
                action.setShortcuts(keep)
            except RuntimeError:  # the action's C++ object is gone (window closed)
                continue

    def detach(self) -> None:
        """Restore every shortcut and stop watching focus."""
        self._apply(False)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._on_focus_changed)  # type: ignore[attr-defined]
        self._actions.clear()


def install_typing_guard(app: QApplication, actions: Mapping[str, QAction]) -> TypingGuard:
    """Keep single-key shortcuts of ``actions`` from firing while the user types in a text field."""
    return TypingGuard(app, actions)


# Actions the main window connects; the review view connects all the others.
SHELL_ACTIONS = frozenset(
    {
        "new_comparison",
        "open_project",
        "open_sample",
        "save_copy",
        "merge_copy",
        "merge_conflicts",
        "export_report",
        "export_oscal",
        "export_ciso",
        "export_positions",
        "import_positions",
        "update_reference",
        "update_partner",
        "close_project",
        "quit",
        "undo",
        "redo",
        "realign",
        "refit",
        "apply_refit",
        "set_reviewer",
        "shortcuts_help",
        "about",
        "import_warnings",
        "appearance_system",
        "appearance_light",
        "appearance_dark",
    }
)
REVIEW_ACTIONS = frozenset(s.name for s in ACTION_SPECS) - SHELL_ACTIONS

# Actions that change the project file: disabled while a read-only project is open.
WRITE_ACTIONS = frozenset(
    {
        *(f"confirm_{n}" for n in range(1, 6)),
        *(f"reject_{n}" for n in range(1, 6)),
        "confirm_marked",
        "reject_marked",
        *VERDICT_ACTIONS,
        "cycle_relation",
        "edit_note",
        "flag",
        "confirm_unchanged",
        "exclude_criterion",
        "bulk_confirm",
        "realign",
        "apply_refit",
        "export_positions",
        "import_positions",
        "update_reference",
        "update_partner",
    }
)
