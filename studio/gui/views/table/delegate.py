"""Editors of the outline table: a status or POV choice, a label checklist, a story date, a synopsis.

Every edit goes to the model's ``setData``, which pushes one undoable command. A story
date that is no real date is refused with one line (``problem``) and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.nodes import DEFAULT_STATUSES
from studio.models.labels_model import label_colour
from studio.models.scene_table_model import CHIPS_ROLE, COLUMN_KEYS, SceneTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
STORY_TIME_HINT = "2024-05-01, 2024-05-01T18:30, or a label such as Day 3, evening"


class LabelChecklist(QListWidget):
    """The project's labels with a tick on those the scene has; ``chosen()`` in the scene's order."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelChecklist")
        self.session = session
        self.setAccessibleName("Labels of the scene")
        self._given: list[str] = []

    def set_chosen(self, label_ids: list[str]) -> None:
        """Tick these labels (every project label is listed)."""
        self._given = list(label_ids)
        self.clear()
        for label in self.session.project.labels:
            item = QListWidgetItem(label.name)
            item.setData(Qt.ItemDataRole.UserRole, label.id)
            item.setData(Qt.ItemDataRole.DecorationRole, label_colour(label.colour))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if label.id in label_ids else Qt.CheckState.Unchecked)
            self.addItem(item)
        if not self.count():
            empty = QListWidgetItem("No labels in this project yet")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)

    def chosen(self) -> list[str]:
        """The ticked labels: those the scene had first (in their order), then the new ones."""
        listed = [str(self.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.count())]
        ticked = [i for row, i in enumerate(listed) if self.item(row).checkState() == Qt.CheckState.Checked]
        # an id no label defines (kept on load) is not listed, so it cannot be unticked: it stays
        kept = [i for i in self._given if i in ticked or i not in listed]
        return kept + [i for i in ticked if i not in self._given]


class TableDelegate(QStyledItemDelegate):
    """Editors per column, and label chips painted in the labels column."""

    problem = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt override: label chips in the labels column; the rest as usual."""
        chips = index.data(CHIPS_ROLE) if COLUMN_KEYS[index.column()] == "labels" else None
        if not chips:
            super().paint(painter, option, index)
            return
        blank = QStyleOptionViewItem(option)
        self.initStyleOption(blank, index)
        blank.text = ""
        option.widget.style().drawControl(
            QStyle.ControlElement.CE_ItemViewItem, blank, painter, option.widget
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(option.font)
        x, rect = option.rect.left() + 4, option.rect
        for name, colour in chips:
            width = min(metrics.horizontalAdvance(name) + 12, 120)
            if x + width > rect.right() - 2:
                break
            chip = QRect(x, rect.top() + 3, width, rect.height() - 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(chip, 7, 7)
            painter.setPen(QColor("#111111") if QColor(colour).lightnessF() > 0.6 else QColor("#ffffff"))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - 8)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Qt override: a choice for status and POV, a checklist for labels, a line otherwise."""
        key = COLUMN_KEYS[index.column()]
        if key in ("status", "pov"):
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems(self._status_choices() if key == "status" else self._pov_choices())
            combo.setObjectName(f"{key}Editor")
            return combo
        if key == "labels":
            checklist = LabelChecklist(self.session, parent)
            return checklist
        line = QLineEdit(parent)
        line.setObjectName(f"{key}Editor")
        if key == "story_time":
            line.setPlaceholderText(STORY_TIME_HINT)
            line.setToolTip(STORY_TIME_HINT)
        return line

    def _status_choices(self) -> list[str]:
        statuses = list(DEFAULT_STATUSES)
        for scene in self.session.project.iter_scenes():
            if scene.status and scene.status not in statuses:
                statuses.append(scene.status)
        return statuses

    def _pov_choices(self) -> list[str]:
        names = ["", *(c.name for c in self.session.project.characters)]
        for scene in self.session.project.iter_scenes():
            if scene.pov and scene.pov not in names:
                names.append(scene.pov)
        return names

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Qt override: the cell's value in the editor (never over what the writer typed)."""
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        if isinstance(editor, LabelChecklist):
            editor.set_chosen(list(value or []))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(value or ""))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Qt override: hand the value to the model (one undoable command), or say why not."""
        if isinstance(editor, LabelChecklist):
            value: object = editor.chosen()
        elif isinstance(editor, QComboBox):
            value = editor.currentText()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        source = _source(model, index)
        if source is not None:
            table, source_index = source
            problem = table.edit_problem(source_index, value)
            if problem:
                self.problem.emit(f"Story date not changed: {problem}")
                return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter keeps a typed cell at once (Qt's delegates keep it on the next turn of the loop)."""
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched.hasAcceptableInput():
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.SubmitModelCache)
                return True
        return super().eventFilter(watched, event)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt override: the checklist opens below the cell, tall enough for a few labels."""
        if isinstance(editor, LabelChecklist):
            rows = max(1, min(8, editor.count()))
            height = rows * (editor.sizeHintForRow(0) if editor.count() else 20) + 6
            rect = QRect(option.rect.left(), option.rect.top(), max(option.rect.width(), 200), height)
            editor.setGeometry(rect)
            return
        super().updateEditorGeometry(editor, option, index)


def _source(model: QAbstractItemModel, index: AnyIndex) -> tuple[SceneTableModel, QModelIndex] | None:
    """The table model under a proxy, and the index there."""
    if isinstance(model, QSortFilterProxyModel) and isinstance(model.sourceModel(), SceneTableModel):
        table = model.sourceModel()
        assert isinstance(table, SceneTableModel)
        return table, model.mapToSource(index)
    if isinstance(model, SceneTableModel):
        return model, model.index(index.row(), index.column())
    return None
