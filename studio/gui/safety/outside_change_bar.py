"""A non-modal bar above the editor: a scene changed on disk while you had edits, or scene files vanished."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

CHANGED, DELETED = "changed", "deleted"  # DELETED: one or more scene files vanished


class OutsideChangeBar(QFrame):
    """Offers Reload / Keep Mine / Compare, or, for vanished files, Write Back / Restore / Dismiss."""

    reload_requested = Signal(str)
    keep_mine_requested = Signal(str)
    compare_requested = Signal(str)
    write_back_requested = Signal(str)
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outsideChangeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#outsideChangeBar { background: palette(tooltip-base); border-bottom: 1px solid palette(mid); }"
        )
        self.scene_id = ""
        self.mode = ""
        self.label = QLabel()
        self.label.setObjectName("outsideChangeText")
        self.label.setWordWrap(True)
        self.reload_button = self._button(
            "&Reload", "outsideReload", "Show the version on disk (yours is kept as a snapshot)"
        )
        self.keep_button = self._button(
            "&Keep Mine", "outsideKeepMine", "Save your version (the one on disk is kept as a snapshot)"
        )
        self.compare_button = self._button("&Compare…", "outsideCompare", "Show both versions side by side")
        self.write_back_button = self._button(
            "&Write Back", "outsideWriteBack", "Write the texts still held here to their files again"
        )
        self.restore_button = self._button(
            "Re&store…", "outsideRestore", "Put back the gone scenes from their newest snapshot or backup"
        )
        self.dismiss_button = self._button(
            "Dismiss", "outsideDismiss", "Hide this bar; the scenes stay flagged"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        for button in (
            self.reload_button,
            self.keep_button,
            self.compare_button,
            self.write_back_button,
            self.restore_button,
            self.dismiss_button,
        ):
            layout.addWidget(button)
        self.reload_button.clicked.connect(lambda: self.reload_requested.emit(self.scene_id))
        self.keep_button.clicked.connect(lambda: self.keep_mine_requested.emit(self.scene_id))
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.scene_id))
        self.write_back_button.clicked.connect(lambda: self.write_back_requested.emit(self.scene_id))
        self.restore_button.clicked.connect(self.restore_requested.emit)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button

    def show_changed(self, scene_id: str, title: str) -> None:
        """Say that the scene changed on disk while the editor holds unsaved edits."""
        self._show(scene_id, CHANGED, f"“{title}” changed on disk while you were editing it.")

    def show_deleted(self, text: str, can_write_back: bool, can_restore: bool) -> None:
        """Say which vanished scene files are still held here and which are gone."""
        self._show("", DELETED, text)
        self.write_back_button.setVisible(can_write_back)
        self.restore_button.setVisible(can_restore)

    def _show(self, scene_id: str, mode: str, text: str) -> None:
        self.scene_id, self.mode = scene_id, mode
        self.label.setText(text)
        for button in (self.reload_button, self.keep_button, self.compare_button):
            button.setVisible(mode == CHANGED)
        self.write_back_button.setVisible(mode == DELETED)
        self.restore_button.setVisible(mode == DELETED)
        self.dismiss_button.setVisible(mode == DELETED)
        self.show()

    def dismiss(self) -> None:
        """Hide the bar and forget its scene."""
        self.scene_id, self.mode = "", ""
        self.hide()
