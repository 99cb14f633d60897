"""The Import dialog: choose files, preview the parts and scenes found, merge or split, then import.

Each file is read by the reader its content calls for (``plan_from_paths``): text and Markdown,
HTML (AO3 downloads too), Word ``.docx``, or a novelWriter project (its ``nwProject.nwx``).

The modal file dialogs go through ``choose_import_files`` and ``choose_project_folder``,
module functions that tests replace.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.errors import StudioError
from studio.core.importing.decoding import EncodingUnknownError
from studio.core.importing.layout import LARGER_GAPS, MARKER_LINES, NO_BREAKS
from studio.core.importing.plan import ImportPlan
from studio.core.importing.reader import ImportOptions
from studio.core.importing.sources import plan_from_paths
from studio.core.naming import slugify
from studio.gui.dialog_size import fit_to_screen
from studio.gui.elided import FullTextDelegate
from studio.gui.empty_state import EmptyState
from studio.gui.publishing.import_split import SplitSceneDialog

ENCODINGS = (
    ("", "Detect (UTF-8 or a BOM)"),
    ("cp1252", "Western (Windows-1252)"),
    ("latin-1", "Western (ISO 8859-1)"),
    ("mac-roman", "Western (Mac Roman)"),
    ("utf-16", "UTF-16"),
    ("cp1251", "Cyrillic (Windows-1251)"),
    ("shift_jis", "Japanese (Shift JIS)"),
    ("gb18030", "Chinese (GB 18030)"),
)
PART_ROLE = Qt.ItemDataRole.UserRole
FILE_FILTER = "Stories (*.txt *.md *.markdown *.html *.htm *.xhtml *.docx nwProject.nwx);;All files (*)"

SCENE_BREAK_CHOICES = (
    ("", "Detect"),
    (LARGER_GAPS, "Larger gaps and marker lines"),
    (MARKER_LINES, "Marker lines only"),
    (NO_BREAKS, "None (one scene per part)"),
)


def choose_import_files(parent: QWidget | None, start: str = "") -> list[str]:
    """Ask for the story files to import (empty when cancelled)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import Story", start or str(Path.home()), FILE_FILTER)
    return paths


def choose_project_folder(parent: QWidget | None, suggestion: Path) -> str:
    """Ask for the new project's folder, one that does not exist yet or is empty ("" when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "Create the Project Folder",
        str(suggestion),
        "",
        options=QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


def folder_problem(folder: Path) -> str:
    """Why a new project cannot be created in ``folder`` ("" when it can)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return f"{folder} already exists and is not empty: choose a new or empty folder."
    return ""


class ImportDialog(QDialog):
    """Reads files into an ``ImportPlan``, shows it, lets the writer adjust it; ``plan`` once accepted."""

    plan_changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, files: Sequence[str | Path] = (), new_project: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import as New Project" if new_project else "Import")
        self.files: list[Path] = []
        self.plan: ImportPlan | None = None
        self.new_project = new_project
        self.folder_hint = Path.home()  # where a new project's folder is first suggested
        self.target: Path | None = None  # the new project's folder, once chosen
        self.split_scene_dialog: SplitSceneDialog | None = None
        self._build()
        fit_to_screen(self, 820, 560)
        if files:
            self.set_files(files)

    def _build(self) -> None:
        self.files_label = QLabel("No files chosen yet", wordWrap=True)
        self.files_label.setObjectName("importFiles")
        choose = QPushButton("&Choose Files…")
        choose.setObjectName("importChoose")
        choose.clicked.connect(self._choose_files)
        self.encoding_box = QComboBox()
        self.encoding_box.setObjectName("importEncoding")
        for value, label in ENCODINGS:
            self.encoding_box.addItem(label, value)
        self.encoding_box.setToolTip("Files that are not UTF-8 need their encoding chosen here")
        self.encoding_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.breaks_box = QComboBox()
        self.breaks_box.setObjectName("importSceneBreaks")
        for value, label in SCENE_BREAK_CHOICES:
            self.breaks_box.addItem(label, value)
        self.breaks_box.setToolTip("What starts a new scene; the preview is read again at once")
        self.breaks_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("importSummary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("importTree")
        self.tree.setHeaderLabels(["Part / scene", "Words", "Begins"])
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 70)
        self.tree.setItemDelegate(FullTextDelegate(self.tree))  # long titles elided in the middle
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.merge_button = QPushButton("&Merge with Next")
        self.merge_button.setObjectName("importMerge")
        self.merge_button.setToolTip("Join the selected part or scene with the one after it")
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = QPushButton("&Split Part Here")
        self.split_button.setObjectName("importSplit")
        self.split_button.setToolTip("Start a new part at the selected scene")
        self.split_button.clicked.connect(self.split_selected)
        self.split_scene_button = QPushButton("Split S&cene Here…")
        self.split_scene_button.setObjectName("importSplitScene")
        self.split_scene_button.setToolTip("Split the selected scene in two at a paragraph you choose")
        self.split_scene_button.clicked.connect(self.split_scene_selected)
        self.error_label = QLabel(wordWrap=True)
        self.error_label.setObjectName("importError")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Create Project…" if self.new_project else "&Import")
        if self.new_project:
            ok.setToolTip("Choose a new folder and create a project holding these parts")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.files_label, 1)
        row.addWidget(choose)
        form.addRow("Files:", row)
        form.addRow("&Encoding:", self.encoding_box)
        form.addRow("Scene &breaks:", self.breaks_box)
        adjust = QHBoxLayout()
        adjust.addWidget(self.merge_button)
        adjust.addWidget(self.split_button)
        adjust.addWidget(self.split_scene_button)
        adjust.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(adjust)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.empty_state = EmptyState(self.tree, self._empty_hint, ("Choose Files…", self._choose_files))
        ok.setEnabled(False)  # until files are read into something to import
        self._update_buttons()

    def _empty_hint(self) -> str:
        if self.files:
            return "Nothing to import from these files (the reason is above). Choose other files?"
        return (
            "Choose the files to import: plain text, Markdown, HTML (AO3 downloads too), Word .docx "
            "or a novelWriter project. Their parts and scenes show here before anything is imported."
        )

    # -- reading ------------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths = choose_import_files(self, str(self.files[0].parent) if self.files else "")
        if paths:
            self.set_files(paths)

    def set_files(self, paths: Sequence[str | Path]) -> None:
        """Read these files (in order) and preview what they hold."""
        self.files = [Path(p) for p in paths]
        self.files_label.setText(", ".join(p.name for p in self.files))
        self.reload()

    def set_encoding(self, encoding: str) -> None:
        """Choose the files' encoding (empty: detect)."""
        index = self.encoding_box.findData(encoding)
        if index < 0:
            self.encoding_box.addItem(encoding, encoding)
            index = self.encoding_box.count() - 1
        self.encoding_box.setCurrentIndex(index)

    def reload(self) -> None:
        """Read the files again with the chosen encoding."""
        self.plan = None
        if self.files:
            options = ImportOptions(
                encoding=self.encoding_box.currentData() or None,
                scene_break_rule=self.breaks_box.currentData() or "",
            )
            try:
                self.plan = plan_from_paths(self.files, options)
            except EncodingUnknownError as error:
                self.summary.setText(
                    f"{error.name} is not UTF-8 text and has no byte-order mark, so its encoding "
                    f"cannot be known for sure. Choose it under Encoding (perhaps {error.suggestion})."
                )
                self.encoding_box.setFocus()
            except StudioError as error:
                self.summary.setText(str(error))
        self._fill_tree()

    # -- showing -------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        self.tree.clear()
        plan = self.plan
        if plan is not None:
            by = f" by {plan.author}" if plan.author else ""
            sizes = ((len(plan.parts), "part"), (plan.scene_count, "scene"), (plan.words, "word"))
            counts = ", ".join(_count(number, noun) for number, noun in sizes)
            detected = f"; scene breaks: {plan.scene_break_rule}" if plan.scene_break_rule else ""
            left_out = f"\nLeft out: {'; '.join(plan.left_out)}" if plan.left_out else ""
            self.summary.setText(f"“{plan.title}”{by}: {counts}{detected}{left_out}")
            for part_index, part in enumerate(plan.parts):
                item = QTreeWidgetItem([part.title or "(untitled)", f"{part.words:,}", ""])
                item.setData(0, PART_ROLE, (part_index, -1))
                shown = (part.group, part.summary, part.notes_begin, part.notes or part.title)
                item.setToolTip(0, "\n".join(t for t in shown if t))
                for scene_index, scene in enumerate(part.scenes):
                    child = QTreeWidgetItem([scene.title, f"{scene.words:,}", scene.first_words()])
                    child.setData(0, PART_ROLE, (part_index, scene_index))
                    item.addChild(child)
                if part.notes:
                    notes = QTreeWidgetItem(["Part notes", "", part.notes.split("\n", 1)[0][:80]])
                    notes.setToolTip(2, part.notes)
                    notes.setFlags(notes.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    italic = notes.font(0)
                    italic.setItalic(True)
                    for column in range(3):
                        notes.setFont(column, italic)
                    item.addChild(notes)
                self.tree.addTopLevelItem(item)
            self.tree.expandAll()
        self.empty_state.refresh()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(plan is not None)
        self._update_buttons()
        self.plan_changed.emit()

    def _selected(self) -> tuple[int, int] | None:
        items = self.tree.selectedItems()
        data = items[0].data(0, PART_ROLE) if items else None
        return tuple(data) if data else None

    def select(self, part_index: int, scene_index: int = -1) -> None:
        """Select a part (or one of its scenes) in the preview."""
        item = self.tree.topLevelItem(part_index)
        if item is not None and scene_index >= 0:
            item = item.child(scene_index)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _update_buttons(self) -> None:
        chosen = self._selected()
        plan = self.plan
        can_merge = can_split = can_split_scene = False
        if chosen is not None and plan is not None:
            part_index, scene_index = chosen
            if scene_index < 0:
                can_merge = part_index + 1 < len(plan.parts)
            else:
                can_merge = scene_index + 1 < len(plan.parts[part_index].scenes)
                can_split = scene_index > 0
                can_split_scene = len(plan.parts[part_index].scenes[scene_index].paragraphs) > 1
        self.merge_button.setEnabled(can_merge)
        self.split_button.setEnabled(can_split)
        self.split_scene_button.setEnabled(can_split_scene)

    # -- adjusting -----------------------------------------------------------------------
    def merge_selected(self) -> None:
        """Merge the selected part or scene with the next one."""
        chosen = self._selected()
        if chosen is None or self.plan is None:
            return
        part_index, scene_index = chosen
        if scene_index < 0:
            self.plan.merge_parts(part_index)
        else:
            self.plan.merge_scenes(part_index, scene_index)
        self._fill_tree()
        self.select(part_index, scene_index)

    def split_selected(self) -> None:
        """Start a new part at the selected scene."""
        chosen = self._selected()
        if chosen is None or self.plan is None or chosen[1] <= 0:
            return
        self.plan.split_part(chosen[0], chosen[1])
        self._fill_tree()
        self.select(chosen[0] + 1)

    def split_scene_selected(self) -> SplitSceneDialog | None:
        """Ask at which paragraph the selected scene splits, then split it there."""
        chosen = self._selected()
        if chosen is None or self.plan is None or chosen[1] < 0:
            return None
        part_index, scene_index = chosen
        scene = self.plan.parts[part_index].scenes[scene_index]
        if len(scene.paragraphs) < 2:
            return None
        if self.split_scene_dialog is not None:
            self.split_scene_dialog.deleteLater()
        dialog = SplitSceneDialog(scene.title, scene.paragraphs, self)
        dialog.accepted.connect(lambda: self.split_scene_at(part_index, scene_index, dialog.paragraph_index))
        self.split_scene_dialog = dialog
        dialog.open()
        return dialog

    def split_scene_at(self, part_index: int, scene_index: int, paragraph_index: int) -> None:
        """Start a new scene at a paragraph of a scene and select the new scene."""
        if self.plan is None:
            return
        try:
            self.plan.split_scene(part_index, scene_index, paragraph_index)
        except StudioError as error:
            self._show_error(str(error))
            return
        self._fill_tree()
        self.select(part_index, scene_index + 1)

    # -- finishing -----------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def accept(self) -> None:
        """Import; for a new project, first ask for its folder (a new or empty one)."""
        if self.plan is None:
            return
        if self.new_project:
            suggestion = self.folder_hint / slugify(self.plan.title, "imported-story")
            chosen = choose_project_folder(self, suggestion)
            if not chosen:
                return
            folder = Path(chosen).expanduser().absolute()
            problem = folder_problem(folder)
            if problem:
                self._show_error(problem)
                return
            self.target = folder
        self._show_error("")
        super().accept()


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
