"""The Labels dialog: add, rename, recolour and delete the project's labels (each one undo step)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.commands.labels import AddLabelCommand, EditLabelCommand, LabelCommand, RemoveLabelCommand
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.models.labels_model import LABEL_ID_ROLE, LabelsModel, label_colour


class LabelsDialog(QDialog):
    """Manages the labels; every change goes on the project's undo stack (Ctrl+Alt+Z undoes it)."""

    message = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.setWindowTitle("Labels")
        self.session = session
        self.model = LabelsModel(session, self)
        self.colour_dialog: QColorDialog | None = None
        self.list_view = QListView()
        self.list_view.setObjectName("labelsList")
        self.list_view.setModel(self.model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.name_edit = QLineEdit(placeholderText="Label name, e.g. Ghost plot")
        self.name_edit.setObjectName("labelName")
        self.name_edit.setToolTip("Type a name, then Add (a new label) or Rename (the selected one)")
        self.add_button = self._button("&Add", "addLabelButton", self.add_label)
        self.rename_button = self._button("&Rename", "renameLabelButton", self.rename_label)
        self.colour_button = self._button("&Colour…", "labelColourButton", self.choose_colour)
        self.delete_button = self._button("&Delete", "deleteLabelButton", self.delete_label)
        self.status = QLabel()
        self.status.setObjectName("labelsStatus")
        self.status.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.colour_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list_view, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_edit)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.name_edit.returnPressed.connect(self.add_label)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_: self._on_selected())
        self.model.rowsRemoved.connect(lambda *_: self._on_selected())
        self.resize(420, 360)
        self._on_selected()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- public API -------------------------------------------------------------------
    def selected_id(self) -> str | None:
        """The id of the selected label."""
        index = self.list_view.currentIndex()
        return index.data(LABEL_ID_ROLE) if index.isValid() else None

    def select(self, label_id: str) -> None:
        """Select a label in the list."""
        row = self.model.row_of(label_id)
        if row >= 0:
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def add_label(self) -> None:
        """Add a label named as typed (a colour from the palette) and select it."""
        command = AddLabelCommand(self.session, self.name_edit.text())
        if self._run(command):
            self.select(command.label_id)
            self.name_edit.clear()

    def rename_label(self) -> None:
        """Give the selected label the name typed."""
        label_id = self.selected_id()
        if label_id:
            self._run(EditLabelCommand(self.session, label_id, name=self.name_edit.text()))

    def set_colour(self, colour: QColor) -> None:
        """Give the selected label a colour."""
        label_id = self.selected_id()
        if label_id and colour.isValid():
            self._run(EditLabelCommand(self.session, label_id, colour=colour.name()))

    def choose_colour(self) -> None:
        """Open a colour chooser for the selected label (window-modal, never blocking)."""
        label_id = self.selected_id()
        if not label_id:
            return
        self.colour_dialog = QColorDialog(label_colour(self.session.project.label(label_id).colour), self)
        self.colour_dialog.setObjectName("labelColourDialog")
        self.colour_dialog.colorSelected.connect(self.set_colour)
        self.colour_dialog.open()

    def delete_label(self) -> None:
        """Delete the selected label (taken off every scene; one undo brings it all back)."""
        label_id = self.selected_id()
        if label_id and self._run(RemoveLabelCommand(self.session, label_id)):
            self.status.setText("Deleted; Ctrl+Alt+Z (Undo Structure Change) brings it back on its scenes.")

    # -- internals --------------------------------------------------------------------
    def _run(self, command: LabelCommand) -> bool:
        try:
            self.session.run(command)
        except (StudioError, OSError) as error:
            self.status.setText(str(error))
            self.message.emit(str(error))
            return False
        self.status.setText("")
        return True

    def _on_selected(self) -> None:
        label_id = self.selected_id()
        writable = not self.session.read_only
        for button in (self.rename_button, self.colour_button, self.delete_button):
            button.setEnabled(bool(label_id) and writable)
        self.add_button.setEnabled(writable)
        if label_id:
            self.name_edit.setText(self.session.project.label(label_id).name)
