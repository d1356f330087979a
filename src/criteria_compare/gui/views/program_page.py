"""One wizard page per program: file, sheet, preview with a role chooser per column, warnings, name."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from criteria_compare.gui.settings import Settings
from criteria_compare.gui.style import mute
from criteria_compare.gui.views.import_warnings import gui_warning
from criteria_compare.gui.views.source_check import (
    IGNORE,
    OPTIONAL_ROLES,
    REQUIRED_ROLES,
    ROLE_LABELS,
    SPREADSHEET_FILTER,
    SPREADSHEET_SUFFIXES,
    SourceCheck,
    check_source,
    column_letter,
    column_number,
    default_name,
)
from criteria_compare.gui.workers import Worker
from criteria_compare.resources import sample_path
from criteria_compare.workflow.create import SourceChoice
from criteria_compare.workflow.sample import SAMPLE_PARTNER, SAMPLE_REFERENCE

if TYPE_CHECKING:
    from criteria_compare.importing import ImportResult

__all__ = ["ProgramPage"]


class ProgramPage(QWizardPage):
    """Choose and check one program's spreadsheet."""

    checked = Signal()  # a read finished (success or error)

    def __init__(self, side: str, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.settings = settings
        self.check: SourceCheck | None = None
        self._worker: Worker | None = None
        self._name_touched = False
        self._version_touched = False
        self._roles_touched = False
        self._language: str | None = None
        is_ref = side == "reference"
        self.setTitle("Reference program" if is_ref else "Partner program")
        self.setSubTitle(
            "The program compared against, usually the CTPAT Minimum Security Criteria. "
            "Check that each column has the right role."
            if is_ref
            else "The partner's AEO criteria. Check that each column has the right role."
        )

        # widgets
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(f"{side.capitalize()} file")
        self.path_edit.setPlaceholderText("Choose or drop a .xlsx, .csv, .docx or .pdf file…")
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setAccessibleName(f"Browse for the {side} file")
        self.sample_button = QPushButton(
            "Use the bundled CTPAT sample" if is_ref else "Use the bundled Meridia sample"
        )
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName("Sheet")
        self.sheet_combo.setMinimumContentsLength(18)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName("Language of the text")
        self.language_combo.setToolTip(
            "The file holds its criteria in several languages; choose the one to import."
        )
        self.language_label = QLabel("&Language:")
        self.language_label.setBuddy(self.language_combo)
        self.other: ProgramPage | None = None  # the other program's page, for its language
        self.preview_table = QTableWidget()
        self.preview_table.setAccessibleName(f"Preview of the {side} file")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(False)
        self.preview_table.setAlternatingRowColors(True)
        self.preview_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.status_label = QLabel(
            "No file chosen yet: use Browse…, or drop the spreadsheet onto this page."
        )
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Import result")
        self.warnings_label = QLabel("Import warnings")
        self.warnings_list = QListWidget()
        self.warnings_list.setAccessibleName("Import warnings")
        self.warnings_list.setMaximumHeight(96)
        self.warnings_list.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Program name")
        self.name_edit.setPlaceholderText("e.g. CTPAT MSC (Importers)" if is_ref else "e.g. EU AEO")
        self.version_edit = QLineEdit()
        self.version_edit.setAccessibleName("Version or date")
        self.version_edit.setPlaceholderText("e.g. 2019 or March 2024")
        self.role_combos: list[QComboBox] = []

        # layout
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.sample_button)
        form = QFormLayout()
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        sheet_label = QLabel("&Sheet:")
        sheet_label.setBuddy(self.sheet_combo)
        form.addRow(file_label, file_row)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo, 1)
        sheet_row.addWidget(self.language_label)
        sheet_row.addWidget(self.language_combo)
        form.addRow(sheet_label, sheet_row)
        names = QGridLayout()
        names.addWidget(QLabel("Program na&me:"), 0, 0)
        names.addWidget(self.name_edit, 0, 1)
        names.addWidget(QLabel("&Version:"), 0, 2)
        names.addWidget(self.version_edit, 0, 3)
        names.setColumnStretch(1, 3)
        names.setColumnStretch(3, 1)
        for i in range(names.count()):
            layout_item = names.itemAt(i)
            item = layout_item.widget() if layout_item is not None else None
            if isinstance(item, QLabel):
                item.setBuddy(self.name_edit if "name" in item.text() else self.version_edit)
        hint = mute(
            QLabel(
                "First and last rows of the sheet or document. The row in bold is the "
                "header; the choosers above each column set what it holds."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings_list)
        layout.addLayout(names)

        # connections
        self.browse_button.clicked.connect(self.browse)
        self.sample_button.clicked.connect(self.use_sample)
        self.path_edit.editingFinished.connect(self._path_edited)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.language_combo.activated.connect(self._language_chosen)
        self.name_edit.textEdited.connect(self._name_edited)
        self.version_edit.textEdited.connect(self._version_edited)
        self.name_edit.textChanged.connect(self.completeChanged)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)

        self._show_warnings(None)
        self._fill_languages(None)
        self.setAcceptDrops(True)

    # -- drag and drop ---------------------------------------------------------------------
    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls() or len(mime.urls()) != 1 or not mime.urls()[0].isLocalFile():
            return None
        path = Path(mime.urls()[0].toLocalFile())
        return path if path.suffix.lower() in SPREADSHEET_SUFFIXES else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one spreadsheet file."""
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Use the dropped spreadsheet."""
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.set_path(path)

    # -- choosing the file ---------------------------------------------------------------
    def browse(self) -> None:
        """Ask for the spreadsheet."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            f"Choose the {self.side} program",
            self.settings.last_folder("spreadsheet"),
            SPREADSHEET_FILTER,
        )
        if path:
            self.set_path(Path(path))

    def use_sample(self) -> None:
        """Use the bundled sample spreadsheet for this side."""
        name = SAMPLE_REFERENCE if self.side == "reference" else SAMPLE_PARTNER
        self.set_path(sample_path(name))

    def set_path(self, path: Path, sheet: str | None = None) -> None:
        """Choose ``path`` (and optionally its sheet) and read it."""
        self.path_edit.setText(str(path))
        if path.parent != sample_path():
            self.settings.set_last_folder("spreadsheet", path)
        self._roles_touched = False
        self._language = None
        self.sheet_combo.clear()
        if sheet:
            self.sheet_combo.addItem(sheet)
        if not self._name_touched:
            self.name_edit.setText(default_name(path, self.side))
        # The version is left to the file (a document's title may give one) or the reviewer.
        self.reload()

    def _path_edited(self) -> None:
        text = self.path_edit.text().strip()
        if text and (self.check is None or Path(text) != self.check.path):
            self.set_path(Path(text).expanduser())

    def _sheet_chosen(self, _index: int) -> None:
        self._roles_touched = False
        self._language = None
        self.reload()

    def _language_chosen(self, _index: int) -> None:
        self._language = self.language_combo.currentData() or None
        self.reload()

    def _name_edited(self, _text: str) -> None:
        self._name_touched = True

    def _version_edited(self, _text: str) -> None:
        self._version_touched = True

    # -- reading ---------------------------------------------------------------------------
    def path(self) -> Path | None:
        """The chosen file, if any."""
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def sheet(self) -> str | None:
        """The chosen sheet (None for CSV files or before the first read)."""
        text = self.sheet_combo.currentText()
        return text or None

    def columns(self) -> dict[str, str | None] | None:
        """role -> column letter as set in the choosers, or None to let the importer detect.

        Once the user has changed a chooser, the choosers are the whole truth: an
        optional role (section, level, guidance) given to no column maps to None,
        so the importer does not detect it in some other column either.
        """
        if not self._roles_touched:
            return None
        mapping: dict[str, str | None] = {}
        for index, combo in enumerate(self.role_combos):
            role = combo.currentData()
            if role and role != IGNORE:
                mapping[role] = column_letter(index)
        for role in sorted(OPTIONAL_ROLES - set(mapping)):
            mapping[role] = None
        return mapping

    def missing_roles(self) -> list[str]:
        """Required roles (ref, text) the user gave to no column."""
        mapping = self.columns()
        if mapping is None:
            return []
        return [ROLE_LABELS[r] for r in REQUIRED_ROLES if mapping.get(r) is None]

    def duplicate_roles(self) -> list[str]:
        """Roles chosen for more than one column."""
        seen: dict[str, int] = {}
        for combo in self.role_combos:
            role = combo.currentData()
            if role and role != IGNORE:
                seen[role] = seen.get(role, 0) + 1
        return [ROLE_LABELS[r] for r, n in seen.items() if n > 1]

    def reload(self) -> Worker | None:
        """Read the file again with the current sheet and column choices (in a worker)."""
        path = self.path()
        if path is None:
            return None
        if self._worker is not None:
            self._worker.cancel()
        duplicates, missing = self.duplicate_roles(), self.missing_roles()
        if duplicates or missing:
            self._worker = None  # results still on their way are out of date
            self.check = None
            self._set_status(
                f"{' and '.join(duplicates)} is chosen for more than one column; "
                "pick one column for each role."
                if duplicates
                else f"No column is chosen as {' or '.join(missing)}; "
                "pick the column that holds it.",
                error=True,
            )
            self.completeChanged.emit()
            return None
        self._set_status(f"Reading {path.name}…")
        other = self.other.check if self.other is not None else None
        worker = Worker(
            functools.partial(
                check_source,
                path,
                self.sheet(),
                self.columns(),
                language=self._language,
                other=other.result if other is not None else None,
            ),
            name="reading of the spreadsheet",
        )
        # Bound methods (not lambdas), so Qt drops the connection if the page goes away first.
        worker.signals.finished.connect(self._checked)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        self.check = None
        self.completeChanged.emit()
        worker.start(QThreadPool.globalInstance())
        return worker

    def _is_current(self) -> bool:
        """True when the signal being handled comes from the latest read (older ones are stale)."""
        worker = self._worker
        return worker is not None and self.sender() is worker.signals

    def _failed(self, message: str) -> None:
        if not self._is_current():
            return
        path = self.path() or Path()
        self._worker = None
        self.check = SourceCheck(path, (), None, None, message)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        self.role_combos = []
        self._set_status(message, error=True)
        self._show_warnings(None)
        self._fill_languages(None)
        self.completeChanged.emit()
        self.checked.emit()

    def _checked(self, check: SourceCheck) -> None:
        if not self._is_current():
            return
        self._worker = None
        self.check = check
        self._fill_sheets(check)
        self._fill_preview(check)
        self._fill_languages(check.result)
        if check.error or check.result is None:
            self._set_status(check.error or "", error=True)
            self._show_warnings(None)
        else:
            self._set_status(self._summary(check.result))
            self._show_warnings([gui_warning(w) for w in check.result.warnings])
            self._propose_title(check.result)
        self.completeChanged.emit()
        self.checked.emit()

    # -- showing ---------------------------------------------------------------------------
    def _fill_languages(self, result: ImportResult | None) -> None:
        """Offer the languages of a file that holds its text in several (hidden otherwise)."""
        self.language_combo.clear()
        if result is not None and len(result.languages) > 1:
            from criteria_compare.importing import language_label  # loaded by the first check

            for code in result.languages:
                self.language_combo.addItem(language_label(code), code)
        languages = result.languages if result is not None else ()
        if result is not None and result.language:
            self.language_combo.setCurrentIndex(
                max(0, self.language_combo.findData(result.language))
            )
        several = len(languages) > 1
        self.language_combo.setVisible(several)
        self.language_label.setVisible(several)

    def _propose_title(self, result: ImportResult) -> None:
        """Take the name and version the document gives, unless the user typed their own."""
        path = self.path()
        if path is None or path.parent == sample_path():
            return  # the bundled samples keep their short names
        if result.proposed_name and not self._name_touched:
            self.name_edit.setText(result.proposed_name)
        if result.proposed_version and not self._version_touched:
            self.version_edit.setText(result.proposed_version)

    def _fill_sheets(self, check: SourceCheck) -> None:
        current = check.preview.sheet if check.preview is not None else None
        self.sheet_combo.clear()
        for s in check.sheets:
            self.sheet_combo.addItem(s)
        if current:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.setEnabled(len(check.sheets) > 1)
        suffix = check.path.suffix.lower()
        self.sheet_combo.setPlaceholderText(
            ""
            if check.sheets
            else "(the document's tables are read one after another)"
            if suffix in (".docx", ".pdf")
            else "(the catalog's controls are read as one table)"
            if suffix in (".json", ".yaml", ".yml")
            else "(a CSV file has a single table)"
        )

    def _fill_preview(self, check: SourceCheck) -> None:
        pre = check.preview
        table = self.preview_table
        roles: dict[int, str] = dict(pre.roles) if pre is not None else {}
        if check.result is not None:  # show the columns the import really used
            roles = {column_number(x): r for r, x in check.result.column_letters.items()}
        elif self._roles_touched:  # keep the user's choice so they can correct it
            roles = self._current_roles()
        table.clear()
        rows = list(pre.rows) if pre is not None else []
        if pre is not None and pre.tail:  # the last rows, after a gap marker
            rows += [(0, ("…",)), *pre.tail]
        header_row = pre.header_row if pre is not None else None
        width = max((len(cells) for _, cells in rows), default=0)
        table.setColumnCount(width)
        table.setRowCount(len(rows) + 1)
        table.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
        places = pre.places if pre is not None else {}
        labels = [places.get(n, str(n)) if n else "…" for n, _ in rows]
        table.setVerticalHeaderLabels(["Role", *labels])
        self.role_combos = []
        for col in range(width):
            combo = QComboBox()
            combo.setAccessibleName(f"Role of column {column_letter(col)}")
            for role, label in ROLE_LABELS.items():
                combo.addItem(label, role)
            combo.setCurrentIndex(max(0, combo.findData(roles.get(col, IGNORE))))
            combo.currentIndexChanged.connect(self._role_changed)
            table.setCellWidget(0, col, combo)
            self.role_combos.append(combo)
        bold = QFont(table.font())
        bold.setBold(True)
        for r, (number, cells) in enumerate(rows, start=1):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                if number == header_row:
                    item.setFont(bold)
                table.setItem(r, col, item)
        metrics = table.fontMetrics()
        body = [cells for n, cells in rows if header_row is None or n >= header_row]
        for col in range(width):
            texts = [" ".join(cells[col].split()) for cells in body if col < len(cells)]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            combo_width = self.role_combos[col].sizeHint().width()
            col_role = roles.get(col)
            # Text columns get room; refs and levels stay narrow (section rows that sit in
            # the ref column are cut, their full text is in the tooltip).
            cap = (
                320
                if col_role in ("text", "guidance")
                else 130
                if col_role in ("ref", "level")
                else 180
            )
            table.setColumnWidth(col, min(max(widest + 24, combo_width, 110), cap))
        table.resizeRowToContents(0)

    def _current_roles(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.role_combos)}

    def _role_changed(self, _index: int) -> None:
        self._roles_touched = True
        self._debounce.start()

    def _summary(self, result: ImportResult) -> str:
        n = len(result.criteria)
        sections = [s for s in result.sections if s]
        levels = result.levels
        parts = [f"{n} criteria", f"{len(sections)} sections"]
        parts += [f"{levels[level]} {level}" for level in ("Must", "Should") if levels.get(level)]
        where = f"sheet '{result.sheet}', " if result.sheet else ""
        return f"Found {' · '.join(parts)} ({where}header on row {result.header_row})."

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(f"⚠ {text}" if error else text)
        font = self.status_label.font()
        font.setBold(error)
        self.status_label.setFont(font)

    def _show_warnings(self, warnings: list[str] | tuple[str, ...] | None) -> None:
        """The importer's warnings about the file read; None: no file was read (nothing shown)."""
        self.warnings_list.clear()
        self.warnings_list.addItems(list(warnings or ()))
        self.warnings_list.setVisible(bool(warnings))
        self.warnings_label.setVisible(warnings is not None)
        warnings = warnings or ()
        self.warnings_label.setText(
            f"Import warnings ({len(warnings)}): check these rows in the file."
            if warnings
            else "Import warnings: none."
        )

    # -- QWizardPage --------------------------------------------------------------------------
    def isComplete(self) -> bool:
        """Ready when the file imported at least one criterion and the program has a name."""
        check = self.check
        return (
            check is not None
            and check.result is not None
            and len(check.result.criteria) > 0
            and bool(self.name_edit.text().strip())
        )

    def choice(self) -> SourceChoice:
        """What to import for this side."""
        assert self.check is not None
        assert self.check.result is not None
        return SourceChoice(
            path=self.check.path,
            name=self.name_edit.text().strip(),
            version=self.version_edit.text().strip(),
            sheet=self.check.result.sheet,
            columns=self.columns(),
            imported=self.check.result,
        )
