"""The New Project dialog: a title, an author and where to put the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from studio.core.errors import StudioError
from studio.core.naming import slugify
from studio.core.storage import create_project


class NewProjectDialog(QDialog):
    """Asks for a title, author and parent folder; ``created_path`` is set after accept."""

    def __init__(self, parent: QWidget | None = None, parent_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle("New Project")
        self.created_path: Path | None = None
        self.title_edit = QLineEdit(placeholderText="My Serial")
        self.title_edit.setObjectName("newProjectTitle")
        self.author_edit = QLineEdit()
        self.author_edit.setObjectName("newProjectAuthor")
        self.folder_edit = QLineEdit(str(parent_folder or Path.home()))
        self.folder_edit.setObjectName("newProjectFolder")
        self.folder_edit.setMinimumWidth(320)
        self.folder_edit.setCursorPosition(0)  # a long path shows where it starts
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.error_label = QLabel()
        self.error_label.setObjectName("newProjectError")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Title", self.title_edit)
        form.addRow("Author", self.author_edit)
        form.addRow("Create in", row)
        form.addRow(self.error_label)
        form.addRow(buttons)

    def target(self) -> Path:
        """The folder the project will be created in."""
        return Path(self.folder_edit.text()).expanduser() / slugify(self.title_edit.text(), "story")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Create the project in", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)
            self.folder_edit.setCursorPosition(0)

    def accept(self) -> None:
        """Create the project; stay open with the reason if that fails."""
        try:
            create_project(self.target(), self.title_edit.text(), self.author_edit.text())
        except (StudioError, OSError) as error:
            self.error_label.setText(str(error))
            return
        self.created_path = self.target()
        super().accept()
