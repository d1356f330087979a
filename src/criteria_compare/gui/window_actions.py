"""The main window's menus and its share of the action table (``actions.SHELL_ACTIONS``)."""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from criteria_compare.gui.actions import (
    MENU_LAYOUT,
    PROJECT_ACTIONS,
    REVIEW_ACTIONS,
    SHELL_ACTIONS,
    SUBMENUS,
)
from criteria_compare.gui.appearance import APPEARANCE_ACTIONS
from criteria_compare.model import Side

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow

__all__ = [
    "build_menus",
    "connect_shell_actions",
    "disconnect_review_actions",
    "set_project_actions_enabled",
]


def build_menus(bar: QMenuBar, actions: Mapping[str, QAction]) -> tuple[dict[str, QMenu], QMenu]:
    """Fill ``bar`` from MENU_LAYOUT (SUBMENUS grouped); returns the menus by title and the Open
    recent submenu."""
    menus: dict[str, QMenu] = {}
    recent: QMenu | None = None
    grouped = {members[0]: (title, members) for title, members in SUBMENUS}
    inside = {name for _, members in SUBMENUS for name in members[1:]}
    for title, names in MENU_LAYOUT:
        menu = bar.addMenu(title)
        menu.setObjectName(f"menu_{_plain(title)}")
        menus[title.replace("&", "")] = menu
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name in grouped:
                sub_title, members = grouped[name]
                sub = menu.addMenu(sub_title)
                sub.setObjectName(f"menu_{_plain(sub_title)}")
                for member in members:
                    sub.addAction(actions[member])
            elif name not in inside:
                menu.addAction(actions[name])
            if name == "open_project":
                recent = menu.addMenu("Open &recent")
                recent.setObjectName("menu_recent")
    if recent is None:
        raise ValueError("MENU_LAYOUT has no open_project entry to put Open recent after")
    return menus, recent


def _plain(title: str) -> str:
    return title.replace("&", "").lower().replace(" ", "_")


def connect_shell_actions(window: MainWindow) -> None:
    """Connect each of SHELL_ACTIONS to the window command it runs."""
    files, aligner = window.file_menu, window.aligner_menu
    slots: dict[str, Callable[[], object]] = {
        "new_comparison": files.new_comparison,
        "open_project": files.choose_project,
        "open_sample": files.open_sample,
        "save_copy": files.save_copy,
        "merge_copy": window.merge_menu.merge_copy,
        "merge_conflicts": window.merge_menu.show_conflicts,
        "export_report": files.export_report,
        "export_oscal": window.interop_menu.export_oscal,
        "export_ciso": window.interop_menu.export_ciso,
        "export_positions": window.exchange_menu.export_positions,
        "import_positions": window.exchange_menu.import_positions,
        "update_reference": functools.partial(window.update_menu.update_program, Side.REFERENCE),
        "update_partner": functools.partial(window.update_menu.update_program, Side.PARTNER),
        "close_project": window.close_project,
        "quit": window.close,
        "realign": aligner.realign,
        "refit": aligner.refit,
        "apply_refit": aligner.apply_offer,
        "set_reviewer": window.reviewer_gate.ask_name,
        "shortcuts_help": window.show_shortcuts,
        "about": window.show_about,
        "import_warnings": window.show_import_warnings,
        "undo": window.undo.undo,
        "redo": window.undo.redo,
    }
    slots.update(
        {
            name: functools.partial(window.appearance.choose, choice)
            for choice, name in APPEARANCE_ACTIONS.items()
        }
    )
    if slots.keys() != SHELL_ACTIONS:
        raise ValueError(f"window slots differ from SHELL_ACTIONS: {set(slots) ^ SHELL_ACTIONS}")
    for name, slot in slots.items():
        window.actions_by_name[name].triggered.connect(slot)


def set_project_actions_enabled(
    actions: Mapping[str, QAction], enabled: bool, *, has_undo_stack: bool
) -> None:
    """Enable the actions that need an open project; undo/redo stay off without a stack."""
    for name in PROJECT_ACTIONS:
        actions[name].setEnabled(enabled)
    if not enabled or not has_undo_stack:
        actions["undo"].setEnabled(False)
        actions["redo"].setEnabled(False)


def disconnect_review_actions(actions: Mapping[str, QAction]) -> None:
    """Cut the review screen's connections (it is going away; the actions stay)."""
    for name in REVIEW_ACTIONS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            with contextlib.suppress(RuntimeError, TypeError):
                actions[name].triggered.disconnect()
