"""The Export dialog: options saved in the project, a live preview, copy to the clipboard or save a file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.core.atomic import atomic_write
from studio.core.errors import StudioError
from studio.core.project import Project
from studio.core.publishing.exporting import ExportScope, export_parts_to_files, scene_ids_in_order
from studio.core.publishing.options import ExportOptions
from studio.gui.dialog_size import fit_to_screen
from studio.gui.publishing.export_form import ExportOptionsForm
from studio.gui.publishing.export_worker import ExportRun, ExportSignals, TaskRun, TaskSignals, start_export

PREVIEW_LIMIT = 200_000
DEBOUNCE_MS = 250
SCOPES = (("manuscript", "Whole manuscript"), ("part", "Current part"), ("scenes", "Selected scenes"))
FORMAT_NAMES = (("txt", "Plain text"), ("md", "Markdown"), ("html", "HTML"))


class ExportDialog(QDialog):
    """Choose what and how to publish; see the result live; copy it or save it."""

    preview_updated = Signal()
    exported = Signal(str)  # what was done: "copied" or the path written

    def __init__(
        self,
        project: Project,
        part_id: str | None = None,
        scene_ids: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self.project = project
        self.default_scope = "scenes" if len(scene_ids) > 1 else "part" if part_id else "manuscript"
        self.part_id = part_id or (project.parts[0].id if project.parts else None)
        self.scene_ids = scene_ids_in_order(project, scene_ids)
        self.options = ExportOptions.from_settings(project.settings.get("export"))
        self.text = ""
        self._generation = 0
        self._done_generation = -1
        self._pending: list[Callable[[str], None]] = []
        self.signals = ExportSignals()  # no parent: a run in flight may outlive the dialog
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._load_options()
        fit_to_screen(self, 1000, 660)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.form = ExportOptionsForm()
        self.fields = self.form.fields
        form = self.form.rows
        self.scope_box = self._combo("exportScope", SCOPES)
        scopes = cast(QStandardItemModel, self.scope_box.model())  # a plain QComboBox's own model
        scopes.item(1).setEnabled(self.part_id is not None)
        scopes.item(2).setEnabled(bool(self.scene_ids))
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(self.default_scope)))
        self.format_box = self._combo("exportFormat", FORMAT_NAMES)
        form.insertRow(0, "&Export:", self.scope_box)
        form.insertRow(1, "&Format:", self.format_box)
        self.form.changed.connect(self._changed)
        self.scope_box.currentIndexChanged.connect(self._update_sample_source)
        left = QScrollArea()
        left.setObjectName("exportOptionsScroll")
        left.setWidget(self.form)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setMinimumWidth(self.form.sizeHint().width() + left.verticalScrollBar().sizeHint().width() + 4)

        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setObjectName("exportPreview")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # on screen only
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(14)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.progress)
        right.addWidget(self.status)
        top = QHBoxLayout()
        top.addWidget(left)
        top.addLayout(right, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton("&Copy to Clipboard")
        self.copy_button.setObjectName("exportCopy")
        self.copy_button.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_button.setToolTip("Copy the whole export, ready to paste into a posting form")
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button = QPushButton("&Save to File…")
        self.save_button.setObjectName("exportSave")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self._choose_file)
        self.parts_button = QPushButton("Save &Each Part…")
        self.parts_button.setObjectName("exportSaveParts")
        self.parts_button.setToolTip("Write one file per part into a folder")
        self.parts_button.clicked.connect(self._choose_folder)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.parts_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)

    def _combo(self, name: str, items: Sequence[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for value, label in items:
            box.addItem(label, value)
        box.currentIndexChanged.connect(self._changed)
        return box

    # -- options ---------------------------------------------------------------------------
    def _load_options(self) -> None:
        self.form.load(self.options)
        self.format_box.blockSignals(True)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(self.options.format)))
        self.format_box.blockSignals(False)
        self._update_sample_source()

    def _update_sample_source(self, *_args: object) -> None:
        project = self.project
        scope = self.scope()
        part_id = scope.part_id or (project.part_of(scope.scene_ids[0]).id if scope.scene_ids else "")
        part = next(
            (p for p in project.parts if p.id == part_id), project.parts[0] if project.parts else None
        )
        index = project.parts.index(part) if part is not None else 0
        self.form.set_sample_source(project.title, project.author, part.title if part else "", index)

    def set_field(self, key: str, value: str) -> None:
        """Put text in a text option's field (``\\n`` stands for a line break)."""
        self.form.set_field(key, value)

    def read_options(self) -> ExportOptions:
        """Return the options the form shows (an invalid text is reported and the old value kept)."""
        options, problems = self.form.read(self.options)
        for problem in problems:
            self.status.setText(problem)
        options.format = self.format_box.currentData()
        return options

    def scope(self) -> ExportScope:
        """Return what the scope box asks for."""
        kind = self.scope_box.currentData()
        if kind == "part" and self.part_id:
            return ExportScope("part", self.part_id)
        if kind == "scenes" and self.scene_ids:
            return ExportScope("scenes", scene_ids=self.scene_ids)
        return ExportScope()

    def _changed(self, *_args: object) -> None:
        self._timer.start()

    # -- running -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Save the options in the project and start a fresh export for the preview."""
        self._timer.stop()
        self.options = self.read_options()
        self._save_options()
        self._generation += 1
        self.progress.setValue(0)
        QTimer.singleShot(300, self, lambda g=self._generation: self._show_progress(g))
        start_export(ExportRun(self.signals, self._generation, self.project, self.options, self.scope(),
                               self.options.format))  # fmt: skip

    def _save_options(self) -> None:
        settings = self.options.to_settings()
        saved = ExportOptions.from_settings(self.project.settings.get("export", {})).to_settings()
        if self.project.read_only or saved == settings:
            return  # nothing changed: opening the dialog must not rewrite story.json
        try:
            self.project.set_setting("export", settings)
        except StudioError as error:
            self.status.setText(f"Options not saved: {error}")

    def _show_progress(self, generation: int) -> None:
        if generation == self._generation and self._done_generation != generation:
            self.progress.setVisible(True)

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _on_finished(self, generation: int, text: str) -> None:
        if generation != self._generation:
            return  # a newer run is on its way
        self._done_generation = generation
        self.text = text
        self.progress.setVisible(False)
        shown = text if len(text) <= PREVIEW_LIMIT else text[:PREVIEW_LIMIT]
        self.preview.setPlainText(shown.replace("\r\n", "\n"))
        words = len(text.split())
        note = f" — preview shows the first {PREVIEW_LIMIT:,} characters" if len(text) > PREVIEW_LIMIT else ""
        self.status.setText(f"{words:,} words, {len(text):,} characters{note}")
        pending, self._pending = self._pending, []
        for action in pending:
            action(text)
        self.preview_updated.emit()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._done_generation = generation
            self.progress.setVisible(False)
            self.status.setText(message)
            self._pending = []
            self.preview_updated.emit()

    def is_current(self) -> bool:
        """Whether the preview shows the options as they stand (no run or change pending)."""
        return self._done_generation == self._generation and not self._timer.isActive()

    def _when_ready(self, action: Callable[[str], None]) -> None:
        if self.is_current():
            action(self.text)
            return
        self._pending.append(action)
        if self._timer.isActive():
            self.refresh()

    # -- results ---------------------------------------------------------------------------
    def copy_to_clipboard(self) -> None:
        """Put the whole export on the clipboard."""

        def copy(text: str) -> None:
            QGuiApplication.clipboard().setText(text)
            self.status.setText(f"Copied {len(text.split()):,} words to the clipboard")
            self.exported.emit("copied")

        self._when_ready(copy)

    def save_to(self, path: str | Path) -> None:
        """Write the whole export to ``path`` (atomically)."""

        def save(text: str) -> None:
            try:
                atomic_write(Path(path), text.encode("utf-8"))
            except OSError as error:
                self.status.setText(f"Not saved: {error.strerror or error}")
                return
            self.status.setText(f"Saved {path}")
            self.exported.emit(str(path))

        self._when_ready(save)

    def _choose_file(self) -> None:
        ext = self.format_box.currentData()
        name = f"{self.project.root.name}.{ext}"
        filters = f"{self.format_box.currentText()} (*.{ext});;All files (*)"
        path, _ = QFileDialog.getSaveFileName(self, "Save Export", str(Path.home() / name), filters)
        if path:
            self.save_to(path)

    def save_parts_to(self, folder: str | Path) -> None:
        """Write one file per part into ``folder`` in the background; ``exported`` when done."""
        options, target = self.read_options(), Path(folder)
        self.task_signals = TaskSignals()
        self.task_signals.progress.connect(self._on_task_progress)
        self.task_signals.finished.connect(lambda paths: self._parts_saved(target, paths))
        self.task_signals.failed.connect(lambda message: self.status.setText(f"Not saved: {message}"))
        self.progress.setVisible(True)
        start_export(TaskRun(self.task_signals, lambda progress: export_parts_to_files(
            self.project, target, options, options.format, progress)))  # fmt: skip

    def _on_task_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _parts_saved(self, folder: Path, paths: object) -> None:
        self.progress.setVisible(False)
        count = len(paths) if isinstance(paths, list) else 0
        self.status.setText(f"Saved {count} files in {folder}")
        self.exported.emit(str(folder))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save Each Part In", str(Path.home()))
        if folder:
            self.save_parts_to(folder)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        """Qt override: Escape closes; nothing else is special."""
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
