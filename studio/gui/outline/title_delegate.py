"""The outline's titles: elided in the middle, and a rename box as tall as its text needs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from studio.gui.elided import FullTextDelegate


class OutlineTitleDelegate(FullTextDelegate):
    """Titles elided in the middle (the model's tooltip has them whole); F2 opens a box that fits."""

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt override: the row's width, and at least the box's own height, centred on the row."""
        super().updateEditorGeometry(editor, option, index)
        rect = QRect(editor.geometry())
        height = max(rect.height(), editor.sizeHint().height())
        rect.setTop(option.rect.center().y() - height // 2)
        rect.setHeight(height)
        editor.setGeometry(rect)
