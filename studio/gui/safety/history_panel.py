"""The History panel: the current scene's snapshots, a diff against the text now, and restore."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.safety import snapshots
from studio.gui.elided import ElidedLabel, FullTextDelegate
from studio.gui.safety.diff_view import DiffView


class HistoryPanel(QWidget):
    """Lists the snapshots of the scene in the editor; diffs one against the current text."""

    take_requested = Signal()
    restore_requested = Signal(object)  # a snapshots.Snapshot

    def __init__(
        self, session: ProjectSession, current_text: Callable[[], str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.session = session
        self.current_text = current_text
        self.scene_id = ""
        self.heading = ElidedLabel("No scene")
        self.heading.setObjectName("historyHeading")
        self.list = QListWidget()
        self.list.setObjectName("snapshotList")
        self.list.setToolTip("Versions of this scene kept by Story Studio, newest first")
        self.list.setItemDelegate(FullTextDelegate(self.list))  # elided rows, never a sideways scroll
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.diff = DiffView()
        self.take_button = QPushButton("Take Snapshot")
        self.take_button.setObjectName("takeSnapshotButton")
        self.take_button.setToolTip("Keep the scene's text as it is now (Ctrl+Alt+S)")
        self.restore_button = QPushButton("Restore")
        self.restore_button.setObjectName("restoreSnapshotButton")
        self.restore_button.setToolTip("Put the selected version back (undoable; the text now is kept too)")
        self.restore_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([150, 350])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self.show_selected())
        self.take_button.clicked.connect(self.take_requested.emit)
        self.restore_button.clicked.connect(self._restore_clicked)

    def show_scene(self, scene_id: str) -> None:
        """List the snapshots of ``scene_id`` ("" for none)."""
        self.scene_id = scene_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the snapshot list, keeping the selection where possible."""
        selected = self.selected()
        self.list.blockSignals(True)
        self.list.clear()
        found: list[snapshots.Snapshot] = []
        if self.scene_id:
            try:
                scene = self.session.project.scene(self.scene_id)
                self.heading.setText(f"History of “{scene.title or 'Untitled'}”")
                found = snapshots.list(self.session.project, self.scene_id)
            except StudioError:
                self.scene_id = ""
        if not self.scene_id:
            self.heading.setText("No scene")
        for shot in reversed(found):
            reason = f" · {shot.reason}" if shot.reason else ""
            item = QListWidgetItem(f"{shot.local_time()} · {shot.words:,} words{reason}")
            item.setData(Qt.ItemDataRole.UserRole, shot)
            self.list.addItem(item)
            if selected is not None and shot.name == selected.name:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.take_button.setEnabled(bool(self.scene_id) and not self.session.read_only)
        self.show_selected()

    def selected(self) -> snapshots.Snapshot | None:
        """The snapshot selected in the list, if any."""
        # None when nothing is current: PySide6's stubs leave that out of currentItem()'s type
        item: QListWidgetItem | None = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_selected(self) -> None:
        """Diff the selected snapshot against the current text."""
        shot = self.selected()
        self.restore_button.setEnabled(shot is not None and not self.session.read_only)
        if shot is None:
            self.diff.clear(self._next_step())
            return
        try:
            old = snapshots.read(shot)
        except OSError as error:
            self.diff.browser.setPlainText(f"Cannot read this snapshot: {error.strerror}")
            return
        self.diff.set_texts(old, self.current_text(), f"Snapshot {shot.local_time()}", "Current text")

    def _next_step(self) -> str:
        """What to do to see a comparison, for the empty diff."""
        if not self.scene_id:
            return "Open a scene in the outline to see its history."
        if self.list.count() == 0:
            return (
                "No snapshots of this scene yet. Take Snapshot keeps its text as it is now, to compare later."
            )
        return "Select a snapshot to compare with the text now."

    def _restore_clicked(self) -> None:
        shot = self.selected()
        if shot is not None:
            self.restore_requested.emit(shot)
