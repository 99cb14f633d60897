"""Replace in the project: every hit listed with a checkbox, its line before and after; one undo step.

*Replace All* writes the checked hits as ONE ``ReplaceAllCommand`` on the project undo
stack (scene texts, titles, synopses and part notes in one batch: all or none). Character
notes are searched but not replaced. A scene changed on disk meanwhile refuses the whole
replace: the dialog shows the one-line reason and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.commands.replace import ReplaceAllCommand
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.replace import Replacement, edits_for, plan_replace
from studio.core.search import FIELD_LABELS, SearchOptions, SearchText, project_texts

REPLACEABLE = ("text", "title", "synopsis", "summary", "notes_begin", "notes_end")
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ReplaceDialog(QDialog):
    """Preview and apply a replace across the project; ``replaced(count)`` once done."""

    replaced = Signal(int)

    def __init__(
        self,
        session: ProjectSession,
        pattern: str = "",
        options: SearchOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replaceDialog")
        self.setWindowTitle("Replace in Project")
        options = options or SearchOptions()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self.session = session
        self.texts: list[SearchText] = []
        self.plans: list[Replacement] = []
        self.find_edit = QLineEdit(pattern)
        self.find_edit.setObjectName("replaceFind")
        self.with_edit = QLineEdit()
        self.with_edit.setObjectName("replaceWith")
        self.case_box = QCheckBox("Match case")
        self.case_box.setChecked(options.case)
        self.word_box = QCheckBox("Whole word")
        self.word_box.setChecked(options.word)
        self.regex_box = QCheckBox("Regular expression")
        self.regex_box.setChecked(options.regex)
        self.keep_case_box = QCheckBox("Keep case (teh → the, Teh → The)")
        self.keep_case_box.setObjectName("replaceKeepCase")
        self.preview = QTreeWidget()
        self.preview.setObjectName("replacePreview")
        self.preview.setHeaderLabels(["Hit", "Line"])
        self.preview.setColumnWidth(0, 560)
        self.before_label = QLabel()
        self.before_label.setObjectName("replaceBefore")
        self.after_label = QLabel()
        self.after_label.setObjectName("replaceAfter")
        for label in (self.before_label, self.after_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("replaceSummary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = QPushButton("Replace All")
        self.replace_button.setObjectName("replaceAllButton")
        self.replace_button.setDefault(True)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.replace_button.clicked.connect(self.replace_all)
        form = QFormLayout()
        form.addRow("Find", self.find_edit)
        form.addRow("Replace with", self.with_edit)
        boxes = QHBoxLayout()
        for box in (self.case_box, self.word_box, self.regex_box, self.keep_case_box):
            boxes.addWidget(box)
            box.toggled.connect(lambda _on: self._timer.start())
        boxes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(boxes)
        layout.addWidget(self.preview, 1)
        detail = QFormLayout()
        detail.addRow("Before:", self.before_label)
        detail.addRow("After:", self.after_label)
        layout.addLayout(detail)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self._timer.timeout.connect(self.update_preview)
        self.find_edit.textChanged.connect(lambda _t: self._timer.start())
        self.with_edit.textChanged.connect(lambda _t: self._timer.start())
        self.preview.currentItemChanged.connect(self._show_detail)
        self.preview.itemChanged.connect(self._on_item_changed)
        self.update_preview()

    def options(self) -> SearchOptions:
        """The options ticked."""
        return SearchOptions(self.case_box.isChecked(), self.word_box.isChecked(), self.regex_box.isChecked())

    def update_preview(self) -> None:
        """List every hit, grouped by scene (or part notes), each checked."""
        self._timer.stop()
        self.preview.clear()
        self.plans = []
        pattern = self.find_edit.text()
        if not pattern:
            self._set_summary("Type what to find.", enabled=False)
            return
        try:
            self.texts = project_texts(self.session.project, fields=REPLACEABLE)
            self.plans = plan_replace(
                self.texts, pattern, self.with_edit.text(), self.options(), self.keep_case_box.isChecked()
            )
        except StudioError as error:
            self._set_summary(str(error), enabled=False)
            return
        self.preview.blockSignals(True)
        owners: dict[str, QTreeWidgetItem] = {}
        for index, plan in enumerate(self.plans):
            owner = owners.get(plan.hit.owner_id)
            if owner is None:
                owner = owners[plan.hit.owner_id] = QTreeWidgetItem([self._owner_label(plan), ""])
                owner.setFlags(
                    owner.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                )
                self.preview.addTopLevelItem(owner)
                owner.setExpanded(True)
            field = "" if plan.hit.field == "text" else f"{FIELD_LABELS[plan.hit.field].capitalize()}: "
            row = QTreeWidgetItem([f"{field}{plan.hit.match} → {plan.new}", str(plan.hit.line)])
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, CHECKED)
            row.setData(0, Qt.ItemDataRole.UserRole, index)
            row.setToolTip(0, plan.after)
            owner.addChild(row)
        self.preview.blockSignals(False)
        self._update_count()

    def rows(self) -> list[QTreeWidgetItem]:
        """Every hit row, in order."""
        rows: list[QTreeWidgetItem] = []
        for i in range(self.preview.topLevelItemCount()):
            owner = self.preview.topLevelItem(i)
            if owner is not None:
                rows += [c for j in range(owner.childCount()) if (c := owner.child(j)) is not None]
        return rows

    def chosen(self) -> list[Replacement]:
        """The checked replacements."""
        return [
            self.plans[row.data(0, Qt.ItemDataRole.UserRole)]
            for row in self.rows()
            if row.checkState(0) == CHECKED
        ]

    def set_row_checked(self, index: int, checked: bool) -> None:
        """Check or uncheck the ``index``-th hit."""
        self.rows()[index].setCheckState(0, CHECKED if checked else UNCHECKED)

    def replace_all(self) -> bool:
        """Apply the checked replacements as one undoable step; return whether it was done."""
        chosen = self.chosen()
        if not chosen:
            return False
        try:
            edits = edits_for(self.texts, chosen)
            self.session.run(ReplaceAllCommand(self.session, edits, len(chosen)))
        except (StudioError, OSError) as error:
            self.summary.setText(f"Nothing replaced: {error}")
            return False
        self.replaced.emit(len(chosen))
        self.accept()
        return True

    def _on_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._update_count()

    def _update_count(self) -> None:
        chosen = self.chosen()
        if not self.plans:
            self._set_summary("No hits (character notes are not replaced).", enabled=False)
            return
        scenes = len({r.hit.owner_id for r in chosen})
        self._set_summary(
            f"{len(chosen)} of {len(self.plans)} hit(s) checked, in {scenes} scene(s) or note(s). "
            "Replace All is one step you can undo.",
            enabled=bool(chosen) and not self.session.read_only,
        )

    def _set_summary(self, text: str, enabled: bool) -> None:
        self.summary.setText(text)
        self.replace_button.setEnabled(enabled)

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(index, int):
            self.before_label.clear()
            self.after_label.clear()
            return
        plan = self.plans[index]
        self.before_label.setText(plan.before)
        self.after_label.setText(plan.after)

    def _owner_label(self, plan: Replacement) -> str:
        project = self.session.project
        try:
            part = project.part(plan.hit.part_id).title
            if plan.hit.kind == "part":
                return f"{part} › part notes"
            return f"{part} › {project.scene(plan.hit.owner_id).title or 'Untitled scene'}"
        except NodeNotFoundError:
            return plan.hit.owner_id
