"""New-comparison wizard: pick and check both spreadsheets, name the programs, choose where to save.

Pages: reference program, partner program (each: file, sheet, preview of the
first rows with a role chooser above every column, what was understood and
the import warnings, name and version label), then the project file. Finish
imports, creates and aligns in a Worker with a progress bar and Cancel;
``projectCreated(path)`` is emitted when the file is ready.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.gui import jobs
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.style import muted_color
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.resources import sample_path

__all__ = [
    "IGNORE",
    "ROLE_LABELS",
    "NewComparisonWizard",
    "ProgramPage",
    "SavePage",
    "SourceCheck",
    "check_source",
    "column_letter",
    "column_number",
    "without_roles",
]

IGNORE = "ignore"
ROLE_LABELS: dict[str, str] = {
    "ref": "Ref (ID)",
    "text": "Criterion text",
    "section": "Section",
    "level": "Must / Should",
    "guidance": "Guidance",
    IGNORE: "— ignore —",
}
SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.xlsm *.csv *.tsv *.txt);;All files (*)"
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".csv", ".tsv", ".txt", ".xls"})
PREVIEW_ROWS = 12
REQUIRED_ROLES = ("ref", "text")
OPTIONAL_ROLES = frozenset({"section", "level", "guidance"})


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class SourceCheck:
    """What one read of a spreadsheet found: its sheets, a preview and the import result or error."""

    path: Path
    sheets: tuple[str, ...]
    preview: Any
    result: Any | None
    error: str | None


def column_number(letters: str) -> int:
    """0-based index of spreadsheet column letters (A -> 0, AA -> 26)."""
    n = 0
    for ch in letters.strip().upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def without_roles(result: Any, roles: frozenset[str]) -> Any:
    """``result`` with the optional ``roles`` (section, level, guidance) blanked out of every criterion."""
    roles = roles & OPTIONAL_ROLES
    if not roles or not (roles & set(result.columns)):
        return result
    blank: dict[str, Any] = {}
    if "section" in roles:
        blank["section"] = ""
    if "level" in roles:
        blank["level"] = None
    if "guidance" in roles:
        blank["guidance"] = ""
    return dataclasses.replace(
        result,
        criteria=tuple(dataclasses.replace(c, **blank) for c in result.criteria),
        columns={r: h for r, h in result.columns.items() if r not in roles},
        column_letters={r: x for r, x in result.column_letters.items() if r not in roles},
    )


def check_source(
    path: Path,
    sheet: str | None,
    columns: Mapping[str, str] | None,
    ignored: frozenset[str],
    progress: ProgressCallback,
    cancel: CancelCheck,
) -> SourceCheck:
    """Preview and import one spreadsheet (run in a worker); user errors become ``error``.

    ``ignored`` optional roles are removed from the result even where the
    importer would detect them, so "ignore" in the wizard means ignore.
    """
    from criteria_compare.importing import preview, read_criteria

    progress(0, 2, f"Reading {path.name}…")
    pre = preview(path, sheet=sheet, max_rows=PREVIEW_ROWS)
    sheets = tuple(pre.sheets)
    progress(1, 2, f"Importing {path.name}…")
    try:
        result = read_criteria(path, sheet=pre.sheet, columns=columns)
    except CriteriaCompareError as exc:
        return SourceCheck(path, sheets, pre, None, str(exc))
    return SourceCheck(path, sheets, pre, without_roles(result, ignored), None)


def _default_name(path: Path, side: str) -> str:
    if path == sample_path(jobs.SAMPLE_REFERENCE):
        return "CTPAT MSC (Importers)"
    if path == sample_path(jobs.SAMPLE_PARTNER):
        return "Meridia AEO"
    if path == sample_path("partner_oea_es.csv"):
        return "Valdoria OEA"
    stem = re.sub(r"[_\-]+", " ", path.stem).strip()
    return stem[:1].upper() + stem[1:] if stem else side.capitalize()


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), muted_color(label))
    label.setPalette(palette)
    return label


def _unused(path: Path) -> Path:
    """``path``, or "name (2).ccproj", "name (3).ccproj"... if it already exists."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _describe(page: ProgramPage) -> str:
    name = page.name_edit.text().strip()
    version = page.version_edit.text().strip()
    check = page.check
    if check is None or check.result is None:
        return name
    result = check.result
    sections = len([s for s in result.sections if s])
    where = f"{result.file}, sheet '{result.sheet}'" if result.sheet else result.file
    title = f"{name} ({version})" if version else name
    warnings = f", {len(result.warnings)} import warnings" if result.warnings else ""
    return (
        f"{title}\n{len(result.criteria)} criteria in {sections} sections{warnings}\nfrom {where}"
    )


class ProgramPage(QWizardPage):
    """Choose and check one program's spreadsheet."""

    checked = Signal()  # a read finished (success or error)

    def __init__(self, side: str, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.settings = settings
        self.check: SourceCheck | None = None
        self._generation = 0
        self._worker: Worker | None = None
        self._name_touched = False
        self._roles_touched = False
        self._loading = False
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
        self.path_edit.setPlaceholderText("Choose or drop a .xlsx, .xlsm or .csv file…")
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setAccessibleName(f"Browse for the {side} file")
        self.sample_button = QPushButton(
            "Use the bundled CTPAT sample" if is_ref else "Use the bundled Meridia sample"
        )
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName("Sheet")
        self.sheet_combo.setMinimumContentsLength(18)
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
        form.addRow(sheet_label, self.sheet_combo)
        names = QGridLayout()
        names.addWidget(QLabel("Program &name:"), 0, 0)
        names.addWidget(self.name_edit, 0, 1)
        names.addWidget(QLabel("&Version:"), 0, 2)
        names.addWidget(self.version_edit, 0, 3)
        names.setColumnStretch(1, 3)
        names.setColumnStretch(3, 1)
        for i in range(names.count()):
            item = names.itemAt(i).widget()
            if isinstance(item, QLabel):
                item.setBuddy(self.name_edit if "name" in item.text() else self.version_edit)
        hint = _muted(
            QLabel(
                "First rows of the sheet. The row in bold is the header; "
                "the choosers above each column set what it holds."
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
        self.name_edit.textEdited.connect(self._name_edited)
        self.name_edit.textChanged.connect(self.completeChanged)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)

        self._show_warnings(())
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
        name = jobs.SAMPLE_REFERENCE if self.side == "reference" else jobs.SAMPLE_PARTNER
        self.set_path(sample_path(name))

    def set_path(self, path: Path, sheet: str | None = None) -> None:
        """Choose ``path`` (and optionally its sheet) and read it."""
        self.path_edit.setText(str(path))
        if path.parent != sample_path():
            self.settings.set_last_folder("spreadsheet", path)
        self._roles_touched = False
        self._loading = True
        self.sheet_combo.clear()
        if sheet:
            self.sheet_combo.addItem(sheet)
        self._loading = False
        if not self._name_touched:
            self.name_edit.setText(_default_name(path, self.side))
            if path.parent == sample_path() and not self.version_edit.text():
                is_ref = path.name == jobs.SAMPLE_REFERENCE
                self.version_edit.setText("2019" if is_ref else "sample")
        self.reload()

    def _path_edited(self) -> None:
        text = self.path_edit.text().strip()
        if text and (self.check is None or Path(text) != self.check.path):
            self.set_path(Path(text).expanduser())

    def _sheet_chosen(self, _index: int) -> None:
        self._roles_touched = False
        self.reload()

    def _name_edited(self, _text: str) -> None:
        self._name_touched = True

    # -- reading ---------------------------------------------------------------------------
    def path(self) -> Path | None:
        """The chosen file, if any."""
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def sheet(self) -> str | None:
        """The chosen sheet (None for CSV files or before the first read)."""
        text = self.sheet_combo.currentText()
        return text or None

    def columns(self) -> dict[str, str] | None:
        """role -> column letter as set in the choosers, or None to let the importer detect."""
        if not self._roles_touched:
            return None
        mapping: dict[str, str] = {}
        for index, combo in enumerate(self.role_combos):
            role = combo.currentData()
            if role and role != IGNORE:
                mapping[role] = column_letter(index)
        return mapping

    def ignored_roles(self) -> frozenset[str]:
        """Optional roles the user gave to no column (so they are not read at all)."""
        mapping = self.columns()
        if mapping is None:
            return frozenset()
        return frozenset(OPTIONAL_ROLES - set(mapping))

    def missing_roles(self) -> list[str]:
        """Required roles (ref, text) the user gave to no column."""
        mapping = self.columns()
        if mapping is None:
            return []
        return [ROLE_LABELS[r] for r in REQUIRED_ROLES if r not in mapping]

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
            self._generation += 1  # results still on their way are out of date
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
        self._generation += 1
        generation = self._generation
        self._set_status(f"Reading {path.name}…")
        worker = Worker(
            functools.partial(
                check_source, path, self.sheet(), self.columns(), self.ignored_roles()
            ),
            name="reading of the spreadsheet",
        )
        worker.signals.finished.connect(lambda result: self._checked(generation, result))
        worker.signals.failed.connect(lambda message: self._failed(generation, path, message))
        self._worker = worker
        self.check = None
        self.completeChanged.emit()
        worker.start(QThreadPool.globalInstance())
        return worker

    def _failed(self, generation: int, path: Path, message: str) -> None:
        if generation != self._generation:
            return
        self._worker = None
        self.check = SourceCheck(path, (), None, None, message)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        self.role_combos = []
        self._set_status(message, error=True)
        self._show_warnings(())
        self.completeChanged.emit()
        self.checked.emit()

    def _checked(self, generation: int, check: SourceCheck) -> None:
        if generation != self._generation:
            return
        self._worker = None
        self.check = check
        self._fill_sheets(check)
        self._fill_preview(check)
        if check.error:
            self._set_status(check.error, error=True)
            self._show_warnings(())
        else:
            self._set_status(self._summary(check.result))
            self._show_warnings([str(w) for w in check.result.warnings])
        self.completeChanged.emit()
        self.checked.emit()

    # -- showing ---------------------------------------------------------------------------
    def _fill_sheets(self, check: SourceCheck) -> None:
        self._loading = True
        current = check.preview.sheet if check.preview is not None else None
        self.sheet_combo.clear()
        for s in check.sheets:
            self.sheet_combo.addItem(s)
        if current:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.setEnabled(len(check.sheets) > 1)
        self.sheet_combo.setPlaceholderText(
            "" if check.sheets else "(a CSV file has a single table)"
        )
        self._loading = False

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
        width = max((len(cells) for _, cells in rows), default=0)
        table.setColumnCount(width)
        table.setRowCount(len(rows) + 1)
        table.setHorizontalHeaderLabels([column_letter(i) for i in range(width)])
        table.setVerticalHeaderLabels(["Role", *[str(n) for n, _ in rows]])
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
                if number == pre.header_row:
                    item.setFont(bold)
                table.setItem(r, col, item)
        metrics = table.fontMetrics()
        body = [cells for n, cells in rows if pre.header_row is None or n >= pre.header_row]
        for col in range(width):
            texts = [" ".join(cells[col].split()) for cells in body if col < len(cells)]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            combo_width = self.role_combos[col].sizeHint().width()
            table.setColumnWidth(col, min(max(widest + 24, combo_width, 110), 360))
        table.resizeRowToContents(0)

    def _current_roles(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.role_combos)}

    def _role_changed(self, _index: int) -> None:
        self._roles_touched = True
        self._debounce.start()

    def _summary(self, result: Any) -> str:
        n = len(result.criteria)
        sections = [s for s in result.sections if s]
        levels = result.levels
        parts = [f"{n} criteria", f"{len(sections)} sections"]
        for level in ("Must", "Should"):
            if levels.get(level):
                parts.append(f"{levels[level]} {level}")
        where = f"sheet '{result.sheet}', " if result.sheet else ""
        return f"Found {' · '.join(parts)} ({where}header on row {result.header_row})."

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(f"⚠ {text}" if error else text)
        font = self.status_label.font()
        font.setBold(error)
        self.status_label.setFont(font)

    def _show_warnings(self, warnings: list[str] | tuple[str, ...]) -> None:
        self.warnings_list.clear()
        self.warnings_list.addItems(list(warnings))
        self.warnings_list.setVisible(bool(warnings))
        self.warnings_label.setText(
            f"Import warnings ({len(warnings)}): check these rows in the file."
            if warnings
            else "Import warnings: none."
        )

    # -- QWizardPage --------------------------------------------------------------------------
    def initializePage(self) -> None:
        """Offer the bundled CTPAT sample as the default reference."""
        if self.side == "reference" and self.path() is None:
            self.use_sample()

    def isComplete(self) -> bool:
        """Ready when the file imported at least one criterion and the program has a name."""
        check = self.check
        return (
            check is not None
            and check.result is not None
            and len(check.result.criteria) > 0
            and bool(self.name_edit.text().strip())
        )

    def choice(self) -> jobs.SourceChoice:
        """What to import for this side."""
        assert self.check is not None and self.check.result is not None
        return jobs.SourceChoice(
            path=self.check.path,
            name=self.name_edit.text().strip(),
            version=self.version_edit.text().strip(),
            sheet=self.check.result.sheet,
            columns=self.columns(),
            imported=self.check.result,
        )


class SavePage(QWizardPage):
    """Where to save the project, then the creation itself with progress and Cancel."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._target_touched = False
        self.setTitle("Save the comparison")
        self.setSubTitle(
            "Every decision is written to this file as you make it. Finishing imports both "
            "programs and computes the match suggestions, which takes a few seconds."
        )
        self.reference_summary = QLabel()
        self.partner_summary = QLabel()
        for label in (self.reference_summary, self.partner_summary):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_steps = _muted(
            QLabel(
                "Create comparison imports both programs, writes the project file and ranks "
                "partner candidates for every reference criterion. You can cancel at any time; "
                "nothing is written until it is complete. You then land on the review screen."
            )
        )
        self.next_steps.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("Project file")
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setAccessibleName("Browse for the project file")
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Progress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.replace_check = QCheckBox(
            "Replace the existing file (the decisions recorded in it will be lost)"
        )
        self.replace_check.setAccessibleName("Replace the existing project file")
        self.replace_check.hide()

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(_bold(QLabel("Reference:")), self.reference_summary)
        form.addRow(_bold(QLabel("Partner:")), self.partner_summary)
        form.setVerticalSpacing(10)
        save_form = QFormLayout()
        file_label = QLabel("Project &file:")
        file_label.setBuddy(self.path_edit)
        save_form.addRow(file_label, row)
        save_form.addRow("", self.replace_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(16)
        layout.addLayout(save_form)
        layout.addSpacing(8)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)

        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textEdited.connect(self._edited)
        self.path_edit.textChanged.connect(self._target_changed)
        self.replace_check.toggled.connect(self.completeChanged)

    def _wizard(self) -> NewComparisonWizard:
        wizard = self.wizard()
        assert isinstance(wizard, NewComparisonWizard)
        return wizard

    def initializePage(self) -> None:
        """Summarise both programs and suggest a file name from them."""
        w = self._wizard()
        ref, partner = w.reference_page, w.partner_page
        ref_name, partner_name = ref.name_edit.text().strip(), partner.name_edit.text().strip()
        self.reference_summary.setText(_describe(ref))
        self.partner_summary.setText(_describe(partner))
        if not self._target_touched:
            safe = re.sub(r'[\\/:*?"<>|]+', " ", f"{partner_name} vs {ref_name}").strip()
            folder = Path(self.settings.last_folder("project"))
            self.path_edit.setText(str(_unused(folder / f"{' '.join(safe.split())}.ccproj")))

    def _edited(self, _text: str) -> None:
        self._target_touched = True

    def browse(self) -> None:
        """Ask where to save the project."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the comparison as",
            self.path_edit.text(),
            "criteria-compare projects (*.ccproj)",
        )
        if path:
            self._target_touched = True
            self.path_edit.setText(path)
            # the file dialog has already asked whether to replace an existing file
            self.replace_check.setChecked(self.target().exists())

    def _target_changed(self, _text: str) -> None:
        exists = bool(self.path_edit.text().strip()) and self.target().is_file()
        self.replace_check.setVisible(exists)
        if not exists:
            self.replace_check.setChecked(False)
        self.completeChanged.emit()

    def open_elsewhere(self) -> bool:
        """True when the target is the project open in the main window (never replaced)."""
        window = self._wizard().parentWidget()
        project = getattr(window, "project", None)
        if project is None:
            return False
        try:
            return Path(project.path).resolve() == self.target().resolve()
        except OSError:
            return False

    def target(self) -> Path:
        """The project file to write (``.ccproj`` added if missing)."""
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix.lower() == ".ccproj" else path.with_name(path.name + ".ccproj")

    def isComplete(self) -> bool:
        """Ready when a file name is given and an existing file may be replaced."""
        if not self.path_edit.text().strip() or self._wizard().running:
            return False
        if self.target().is_file():
            return self.replace_check.isChecked() and not self.open_elsewhere()
        return True

    def on_progress(self, done: int, total: int, message: str) -> None:
        """Show the creation's progress."""
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if message:
            self.progress_label.setText(message)


class NewComparisonWizard(QWizard):
    """Collects both programs and a file name, then creates and aligns the comparison."""

    projectCreated = Signal(Path)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.worker: Worker | None = None
        self.created: Path | None = None
        self.setWindowTitle("New comparison")
        self.setAccessibleName("New comparison")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Create comparison")
        self.resize(1000, 720)
        self.setMinimumSize(760, 560)
        self.reference_page = ProgramPage("reference", self.settings)
        self.partner_page = ProgramPage("partner", self.settings)
        self.save_page = SavePage(self.settings)
        self.addPage(self.reference_page)
        self.addPage(self.partner_page)
        self.addPage(self.save_page)

    @property
    def running(self) -> bool:
        """Whether the creation job is under way."""
        return self.worker is not None

    def request(self) -> jobs.ComparisonRequest:
        """What the user chose, ready for jobs.create_comparison."""
        return jobs.ComparisonRequest(
            reference=self.reference_page.choice(),
            partner=self.partner_page.choice(),
            target=self.save_page.target(),
            reviewer=self.settings.reviewer_name(),
        )

    def accept(self) -> None:
        """Finish starts the creation; the wizard closes when the project file is ready."""
        if self.running:
            return
        target = self.save_page.target()
        if self.save_page.open_elsewhere():
            self._show_failure(
                f"{target.name} is the project open in the main window; choose another name."
            )
            return
        if target.exists() and not self.save_page.replace_check.isChecked():
            self._show_failure(
                f"{target.name} already exists; tick Replace or choose another name."
            )
            return
        if not target.parent.is_dir():
            self._show_failure(
                f"The folder {target.parent} does not exist; choose an existing folder."
            )
            return
        self.settings.set_last_folder("project", target)
        worker = Worker(
            functools.partial(jobs.create_comparison, self.request()), name="comparison set-up"
        )
        worker.signals.progress.connect(self.save_page.on_progress)
        worker.signals.finished.connect(self._created)
        worker.signals.failed.connect(self._show_failure)
        worker.signals.cancelled.connect(self._cancelled)
        self.worker = worker
        self._set_running(True)
        self.save_page.on_progress(0, 100, "Starting…")
        worker.start(project_pool())

    def reject(self) -> None:
        """Cancel stops a running creation first; a second Cancel closes the wizard."""
        if self.worker is not None:
            self.worker.cancel()
            self.save_page.progress_label.setText("Cancelling…")
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.save_page.completeChanged.emit()  # QWizard re-evaluates its buttons here...
        self.save_page.progress_bar.setVisible(running)
        self.save_page.path_edit.setEnabled(not running)
        self.save_page.browse_button.setEnabled(not running)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not running)  # ...so after it
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def _finished_job(self) -> None:
        self.worker = None
        self._set_running(False)

    def _created(self, path: Path) -> None:
        self._finished_job()
        self.created = Path(path)
        self.projectCreated.emit(Path(path))
        super().accept()

    def _show_failure(self, message: str) -> None:
        self._finished_job()
        self.save_page.progress_label.setText(f"⚠ {message}")

    def _cancelled(self) -> None:
        self._finished_job()
        self.save_page.progress_label.setText("Cancelled; no project file was written.")

    def done(self, result: int) -> None:
        """Never close while the worker runs."""
        if self.worker is not None:
            return
        super().done(result)
