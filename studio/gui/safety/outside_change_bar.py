"""A non-modal bar above the editor: the scene changed (or vanished) on disk while you had edits."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

CHANGED, DELETED = "changed", "deleted"


class OutsideChangeBar(QFrame):
    """Offers Reload / Keep Mine / Compare (or Write Back / Dismiss for a deleted file)."""

    reload_requested = Signal(str)
    keep_mine_requested = Signal(str)
    compare_requested = Signal(str)
    write_back_requested = Signal(str)

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
            "&Write Back", "outsideWriteBack", "Save the text you see to a new file"
        )
        self.dismiss_button = self._button(
            "Dismiss", "outsideDismiss", "Hide this bar; the scene stays flagged"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        for button in (
            self.reload_button,
            self.keep_button,
            self.compare_button,
            self.write_back_button,
            self.dismiss_button,
        ):
            layout.addWidget(button)
        self.reload_button.clicked.connect(lambda: self.reload_requested.emit(self.scene_id))
        self.keep_button.clicked.connect(lambda: self.keep_mine_requested.emit(self.scene_id))
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.scene_id))
        self.write_back_button.clicked.connect(lambda: self.write_back_requested.emit(self.scene_id))
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

    def show_deleted(self, scene_id: str, title: str) -> None:
        """Say that the scene's file was deleted on disk; its text is still here."""
        self._show(
            scene_id,
            DELETED,
            f"The file of “{title}” was deleted on disk. Its text is still here until you decide.",
        )

    def _show(self, scene_id: str, mode: str, text: str) -> None:
        self.scene_id, self.mode = scene_id, mode
        self.label.setText(text)
        for button in (self.reload_button, self.keep_button, self.compare_button):
            button.setVisible(mode == CHANGED)
        self.write_back_button.setVisible(mode == DELETED)
        self.dismiss_button.setVisible(mode == DELETED)
        self.show()

    def dismiss(self) -> None:
        """Hide the bar and forget its scene."""
        self.scene_id, self.mode = "", ""
        self.hide()
