"""Never lose a word: the outside-change bar, snapshots, history and backups.

The lock and the watcher belong to the open project, not to this feature: the window's
``ProjectGuard`` holds them. ``SafetyFeature`` adds the parts the writer sees:

- the bar above the editor for outside changes, applied by ``OutsideWatch`` from the
  guard's ``outside_changes`` (vanished scene files: ``VanishedScenes``);
- the bar saying another window or process took the lock over (the guard's
  ``lock_taken``): unsaved text is kept as a snapshot, then the window turns read-only;
- snapshots before split, merge, replace-all, an outside reload and a restore
  (through ``Project.before_text_change``), and on demand (Scene > Take Snapshot,
  Ctrl+Alt+S); the History panel (View > History) restores them undoably, as a
  ``QUndoCommand`` on the project's undo stack;
- zipped backups once a close is accepted and every N minutes of writing (N and K in
  the settings), and File > Restore from Backup….
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QWidget

from studio.app.changes import CastChangeKind, OutlineChangeKind
from studio.app.commands.snapshots import RestoreSnapshotCommand
from studio.core.errors import StudioError
from studio.core.safety import backups, snapshots
from studio.core.safety.locking import LockInfo
from studio.core.safety.watcher import reload_structure
from studio.gui import messages
from studio.gui.features import WindowFeature
from studio.gui.icons import Icon, icon
from studio.gui.safety.dialogs import BackupDialog
from studio.gui.safety.lock_bar import LockTakenBar
from studio.gui.safety.outside_change_bar import OutsideChangeBar
from studio.gui.safety.outside_watch import OutsideWatch

if TYPE_CHECKING:  # the panel loads when first shown, not while the window opens
    from studio.gui.main_window import MainWindow
    from studio.gui.safety.history_panel import HistoryPanel


class SafetyFeature(WindowFeature):
    """What keeps the writer's words safe in one window: the bar, snapshots, history, backups."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.dirty = False
        self.closed = False
        self.last_backup: Path | None = None
        self.backup_dialog: BackupDialog | None = None
        self.bar = OutsideChangeBar()
        self.lock_bar = LockTakenBar()
        self._insert_bar(self.lock_bar)
        self._insert_bar(self.bar)
        self.watch = OutsideWatch(window, self.bar)
        self._history_panel: HistoryPanel | None = None
        self.history_dock = window.add_lazy_panel(
            self._build_history_panel, "History", "right", "historyDock"
        )
        if not window.settings.window_state:
            self.history_dock.hide()
        self._build_actions()
        self._connect()
        self.project.before_text_change.append(self.before_text_change)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(max(1, window.settings.backup_interval_minutes) * 60_000)
        self.backup_timer.timeout.connect(self.backup_if_written)
        self.backup_timer.start()

    @property
    def project(self):  # noqa: ANN201
        """The open project."""
        return self.session.project

    @property
    def history_panel(self) -> HistoryPanel:
        """The History panel, built on first use (the dock builds it when first shown)."""
        self.history_dock.content()
        assert self._history_panel is not None
        return self._history_panel

    # -- building -----------------------------------------------------------------------
    def _build_history_panel(self) -> HistoryPanel:
        from studio.gui.safety.history_panel import HistoryPanel

        editor = self.window.editor
        panel = self._history_panel = HistoryPanel(self.session, editor.scene_text)
        panel.take_requested.connect(self.take_snapshot)
        panel.restore_requested.connect(self.restore_snapshot)
        panel.show_scene(editor.current_scene_id() or "")
        return panel

    def _insert_bar(self, bar: QWidget) -> None:
        editor = self.window.editor
        pane = editor.parentWidget()
        # the editor pane's layout is the window's QVBoxLayout (main_window builds it)
        layout = cast("QBoxLayout | None", pane.layout() if pane is not None else None)
        if layout is not None:
            layout.insertWidget(layout.indexOf(editor), bar)

    def _build_actions(self) -> None:
        window = self.window
        self.take_action = QAction("Take &Snapshot", window)
        self.take_action.setObjectName("takeSnapshotAction")
        self.take_action.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.take_action.setToolTip("Keep this scene's text as it is now (see View > History)")
        self.take_action.triggered.connect(self.take_snapshot)
        self.take_action.setIcon(icon(Icon.SNAPSHOT))
        scene_menu = window.menu("scene")
        scene_menu.addSeparator()
        scene_menu.addAction(self.take_action)
        window.addAction(self.take_action)
        self.restore_action = QAction("Restore from &Backup…", window)
        self.restore_action.setObjectName("restoreBackupAction")
        self.restore_action.setToolTip("Pick one of the project's zipped backups and restore it")
        self.restore_action.triggered.connect(self.show_backups)
        self.restore_action.setIcon(icon(Icon.RESTORE_BACKUP))
        file_menu, anchor = window.menu("file"), window.menu_section("file", "restore")
        file_menu.insertAction(anchor, self.restore_action)
        file_menu.insertSeparator(anchor)

    def _connect(self) -> None:
        session, window = self.session, self.window
        for signal in (session.scene_text_saved, session.scene_changed):
            signal.connect(self._mark_written)
        session.outline_changed.connect(self._mark_written)
        session.cast_changed.connect(self._mark_written)
        window.editor.scene_shown.connect(self._scene_shown)
        session.scene_text_saved.connect(self._text_saved)

        def refresh_history_when_shown(shown: bool) -> None:
            if shown:
                self.history_panel.refresh()

        self.history_dock.visibilityChanged.connect(refresh_history_when_shown)
        window.editor.read_only_changed.connect(self._read_only_changed)
        self.watch.snapshot_taken.connect(self._snapshot_taken)
        window.close_accepted.connect(self.on_close)
        window.guard.lock_taken.connect(self.on_lock_taken)
        # Look at the lock right before a save writes (one stat), so a window whose lock was just
        # taken over never writes into the other holder's project.
        window.editor.autosave.about_to_save.connect(window.guard.check_lock)

    def _mark_written(self, *_args: object) -> None:
        self.dirty = True

    def _scene_shown(self, scene_id: str) -> None:
        panel = self._history_panel
        if panel is not None:
            panel.show_scene(scene_id)

    def _read_only_changed(self, _read_only: bool) -> None:
        panel = self._history_panel
        if panel is not None and panel.isVisible():
            panel.refresh()

    def _snapshot_taken(self, scene_id: str) -> None:
        panel = self._history_panel
        if panel is not None and scene_id == panel.scene_id:
            panel.refresh()

    def _text_saved(self, scene_id: str) -> None:
        panel = self._history_panel
        if panel is not None and scene_id == panel.scene_id and panel.isVisible():
            panel.show_selected()

    # -- the lock taken over elsewhere -------------------------------------------------------
    def on_lock_taken(self, holder: LockInfo | None) -> None:
        """Another window or process holds the lock now: keep unsaved text, turn read-only, say who."""
        editor = self.window.editor
        unsaved = dict(editor.autosave.pending)
        current = editor.current_scene_id()
        if current and editor.document().isModified():
            unsaved[current] = editor.scene_text()
        kept: list[str] = []
        for scene_id, text in unsaved.items():
            try:
                snapshots.take(
                    self.project, scene_id, "unsaved when another window took the project", text=text
                )
            except (OSError, StudioError) as error:
                self.window.statusBar().showMessage(f"Snapshot not kept: {error}", 8000)
                continue
            kept.append(scene_id)
            self.watch.snapshot_taken.emit(scene_id)
        self.window.set_read_only(True)
        self.lock_bar.show_taken(holder, len(kept))
        for scene_id in kept:  # kept as snapshots, they no longer wait to be saved
            editor.autosave.discard(scene_id)
        self.watch.vanished.show()  # no Write Back or Restore offered any more

    # -- snapshots ------------------------------------------------------------------------
    def before_text_change(self, scene_id: str, reason: str) -> None:
        """Core hook: keep the scene's text before split, merge, replace-all or restore."""
        if self.session.read_only:
            return
        try:
            snapshots.take(self.project, scene_id, reason)
        except (OSError, StudioError) as error:
            self.window.statusBar().showMessage(f"Snapshot not kept: {error}", 8000)
            return
        panel = self._history_panel
        if panel is not None and scene_id == panel.scene_id:
            QTimer.singleShot(0, panel.refresh)

    def take_snapshot(self) -> None:
        """Keep the text in the editor as a snapshot (Scene > Take Snapshot)."""
        editor = self.window.editor
        scene_id = editor.current_scene_id()
        if not scene_id or self.session.read_only:
            return
        try:
            shot = snapshots.take(self.project, scene_id, "taken by you", text=editor.scene_text())
        except (OSError, StudioError) as error:
            self.window.statusBar().showMessage(f"Snapshot not kept: {error}", 8000)
            return
        self.window.statusBar().showMessage(f"Snapshot kept ({shot.words:,} words).", 4000)
        panel = self._history_panel
        if panel is not None:
            panel.refresh()

    def restore_snapshot(self, shot: snapshots.Snapshot) -> None:
        """Put a snapshot back as an undoable command (the text now is kept as a snapshot first)."""
        editor = self.window.editor
        if self.session.read_only or shot.scene_id != editor.current_scene_id():
            return
        if not editor.save_now():
            self.window.statusBar().showMessage("Save the scene before restoring a snapshot.", 6000)
            return
        try:
            text = snapshots.read(shot)
        except OSError as error:
            self.window.statusBar().showMessage(f"Cannot read the snapshot: {error.strerror}", 6000)
            return
        self.session.push(RestoreSnapshotCommand(self.session, shot.scene_id, text, shot.local_time()))
        panel = self._history_panel
        if panel is not None:
            panel.refresh()

    # -- backups --------------------------------------------------------------------------
    def backup_folder(self) -> str | None:
        """The backup folder chosen in the settings (None: the default one)."""
        return self.window.settings.backup_folder or None

    def backup_now(self) -> Path | None:
        """Zip the project now; return the backup (None, with a status message, on failure)."""
        try:
            path = backups.create_backup(
                self.project.root, self.backup_folder(), keep=max(1, self.window.settings.backups_kept)
            )
        except (OSError, StudioError) as error:
            self.window.statusBar().showMessage(f"Backup failed: {error}", 8000)
            return None
        self.dirty = False
        self.last_backup = path
        return path

    def backup_if_written(self) -> None:
        """The backup timer: back up if anything was written since the last backup."""
        self.backup_timer.setInterval(max(1, self.window.settings.backup_interval_minutes) * 60_000)
        if self.dirty and not self.session.read_only and not self.scenes_missing():
            self.backup_now()

    def scenes_missing(self) -> bool:
        """Whether scene files vanished on disk and are not resolved (no backup is made meanwhile)."""
        vanished = self.watch.vanished
        return bool(vanished.held or vanished.gone)

    def show_backups(self) -> None:
        """File > Restore from Backup…: list the backups and offer both kinds of restore."""
        folder = backups.backup_folder(self.project.root, self.backup_folder())
        dialog = BackupDialog(
            self.window, backups.list_backups(self.project.root, self.backup_folder()), str(folder)
        )
        dialog.restore_new_requested.connect(lambda info: self._ask_new_folder(dialog, info))
        dialog.restore_over_requested.connect(lambda info: self._confirm_over(dialog, info))
        self.backup_dialog = dialog
        dialog.open()

    def _ask_new_folder(self, dialog: BackupDialog, info: backups.BackupInfo) -> None:
        parent = QFileDialog.getExistingDirectory(
            dialog, "Where to Put the Restored Project", str(Path.home())
        )
        if parent:
            self.restore_into_new_folder(info, Path(parent) / self.restored_name(info))

    def restored_name(self, info: backups.BackupInfo) -> str:
        """The folder name for a backup restored beside other projects."""
        return f"{self.project.root.name} (restored {info.time:%Y-%m-%d %H.%M})"

    def restore_into_new_folder(self, info: backups.BackupInfo, target: Path) -> Path | None:
        """Unpack a backup into ``target`` and offer to open it."""
        from studio.gui import app

        try:
            folder = backups.restore_to_new_folder(info.path, target)
        except (OSError, StudioError) as error:
            messages.inform(self.window, "Cannot restore the backup", str(error))
            return None

        def open_restored() -> None:
            app.open_project(folder)

        messages.ask(
            self.window,
            "Backup restored",
            f"The backup was restored into {folder}. Open it now?",
            open_restored,
        )
        return folder

    def _confirm_over(self, dialog: BackupDialog, info: backups.BackupInfo) -> None:
        def restore() -> None:
            self.restore_over(info)

        messages.ask(
            dialog,
            "Restore over this project?",
            f"Put back the project as it was at {info.time:%Y-%m-%d %H:%M}?",
            restore,
            "The project as it is now is backed up first, so nothing is lost.",
        )

    def restore_over(self, info: backups.BackupInfo) -> bool:
        """Back up the project as it is, put the backup's files back, and reload everything."""
        window = self.window
        if self.session.read_only:
            return False
        window.save_all()
        try:
            backups.restore_over_project(
                self.project.root, info.path, self.backup_folder(), keep=max(1, window.settings.backups_kept)
            )
        except (OSError, StudioError) as error:
            messages.inform(window, "Cannot restore the backup", str(error))
            return False
        self.reload_everything()
        window.statusBar().showMessage(f"Restored the backup of {info.time:%Y-%m-%d %H:%M}.", 6000)
        return True

    def reload_everything(self) -> None:
        """Re-read the manifest and every scene text after the files were replaced."""
        project = self.project
        try:
            reload_structure(project)
        except StudioError as error:
            messages.inform(self.window, "Cannot reload the project", str(error))
            return
        for scene in [*project.iter_scenes(), *project.iter_trash_scenes()]:
            project.forget_text(scene.id)
        self.session.undo_stack.clear()
        self.session.announce(OutlineChangeKind.RELOADED)
        self.session.announce_cast(CastChangeKind.RELOADED)
        current = self.window.editor.current_scene_id()
        if current:
            self.window.editor.autosave.discard(current)
            self.session.scene_text_replaced.emit(current)
        self.window.update_title()

    # -- closing ----------------------------------------------------------------------------
    def on_close(self) -> None:
        """Once the close is accepted: back up if anything was written (or no backup exists yet)."""
        self.closed = True
        self.backup_timer.stop()
        if self.scenes_missing():
            pass  # a backup now could rotate out the last ones that hold the missing scenes
        elif not self.session.read_only and (
            self.dirty or not backups.list_backups(self.project.root, self.backup_folder())
        ):
            self.backup_now()
        if self.before_text_change in self.project.before_text_change:
            self.project.before_text_change.remove(self.before_text_change)
