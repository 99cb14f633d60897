"""A small dialog for the import preview: pick the paragraph where a scene splits in two."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

PREVIEW_WORDS = 14


def paragraph_preview(paragraph: str, words: int = PREVIEW_WORDS) -> str:
    """A paragraph's first words, with an ellipsis when there are more."""
    found = paragraph.split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "")


class SplitSceneDialog(QDialog):
    """Lists a scene's paragraphs; the one chosen begins the new scene (``paragraph_index``)."""

    def __init__(self, title: str, paragraphs: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSplitSceneDialog")
        self.setWindowTitle("Split Scene")
        explain = QLabel(
            f"Split “{title}” in two: the paragraph you choose begins the new scene.", wordWrap=True
        )
        self.list = QListWidget()
        self.list.setObjectName("importSplitParagraphs")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        for number, paragraph in enumerate(paragraphs, 1):
            item = QListWidgetItem(f"{number}.  {paragraph_preview(paragraph)}")
            item.setToolTip(paragraph[:600])
            if number == 1:  # the first paragraph already begins this scene
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Split Here")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_ok)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 380)
        if len(paragraphs) > 1:
            self.choose(len(paragraphs) // 2)
        self._update_ok()

    @property
    def paragraph_index(self) -> int:
        """The chosen paragraph (0-based), or -1 when none that can start a scene is chosen."""
        row = self.list.currentRow()
        return row if row > 0 and self.list.currentItem().isSelected() else -1

    def choose(self, paragraph_index: int) -> None:
        """Choose the paragraph that begins the new scene."""
        self.list.setCurrentRow(paragraph_index)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.paragraph_index > 0)

    def accept(self) -> None:
        """Close only when a paragraph that can begin a scene is chosen."""
        if self.paragraph_index > 0:
            super().accept()
