"""Dialogs of the safety feature: who holds the lock, and restoring from a backup."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.safety.backups import BackupInfo
from studio.core.safety.locking import ProjectLockedError

READ_ONLY, TAKE_OVER, CANCEL = "read-only", "take-over", "cancel"


class LockDialog(QMessageBox):
    """The project is open elsewhere: Open Read-Only, Take Over, or Cancel; ``chosen(choice)``."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None, error: ProjectLockedError) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Project already open")
        self.setText(f"“{error.root.name}” is already open for writing elsewhere.")
        holder = error.holder
        if holder is not None:
            details = (
                f"Computer: {holder.host}\nProcess: {holder.pid}\nUser: {holder.user or 'unknown'}\n"
                f"Since: {holder.since_local()}"
            )
        else:
            details = "The lock file cannot be read."
        self.setInformativeText(
            details + "\n\nOpen it read-only, or take over (the other window can no longer save safely)."
        )
        self.read_only_button = self.addButton("Open &Read-Only", QMessageBox.ButtonRole.AcceptRole)
        self.read_only_button.setObjectName("lockReadOnly")
        self.take_over_button = self.addButton("&Take Over", QMessageBox.ButtonRole.DestructiveRole)
        self.take_over_button.setObjectName("lockTakeOver")
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("lockCancel")
        self.setDefaultButton(self.read_only_button)
        self.finished.connect(self._finished)

    def _finished(self, _result: int) -> None:
        clicked = self.clickedButton()
        if clicked is self.take_over_button:
            self.chosen.emit(TAKE_OVER)
        elif clicked is self.read_only_button:
            self.chosen.emit(READ_ONLY)
        else:
            self.chosen.emit(CANCEL)


class BackupDialog(QDialog):
    """Lists the project's backups; restore one into a new folder or over the project."""

    restore_new_requested = Signal(object)  # BackupInfo
    restore_over_requested = Signal(object)  # BackupInfo

    def __init__(self, parent: QWidget | None, backups: list[BackupInfo], folder: str) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle("Restore from Backup")
        self.resize(520, 420)
        intro = QLabel(f"Backups of this project, newest first, in {folder}:")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for info in backups:
            item = QListWidgetItem(info.label())
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("No backups yet: one is made on close and every few minutes of writing.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.new_button = QPushButton("Restore to &New Folder…")
        self.new_button.setObjectName("restoreNewFolder")
        self.new_button.setToolTip(
            "Unpack the backup into a new folder and open it; this project is untouched"
        )
        self.over_button = QPushButton("Restore &Over This Project")
        self.over_button.setObjectName("restoreOver")
        self.over_button.setToolTip("Back up the project as it is now, then put the backup's files back")
        for button in (self.new_button, self.over_button):
            button.setEnabled(bool(backups))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(lambda: self._emit(self.restore_new_requested))
        self.over_button.clicked.connect(lambda: self._emit(self.restore_over_requested))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def selected(self) -> BackupInfo | None:
        """The backup selected in the list."""
        # None when nothing is current: PySide6's stubs leave that out of currentItem()'s type
        item: QListWidgetItem | None = self.list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return data if isinstance(data, BackupInfo) else None

    def _emit(self, signal: SignalInstance) -> None:
        info = self.selected()
        if info is not None:
            signal.emit(info)
