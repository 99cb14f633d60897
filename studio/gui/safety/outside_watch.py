"""React to outside changes in the open project: reload, flag, offer, or ask through the bar.

The window's ``ProjectGuard`` runs the watcher and hands over each classified batch on
the GUI thread (``outside_changes``); this applies it. Character notes changed on disk
are the characters feature's business (it listens to the guard itself).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.app.changes import CastChangeKind, OutlineChangeKind
from studio.core.errors import StudioError
from studio.core.safety import snapshots
from studio.core.safety.watcher import Changes, classify_changes, reload_structure, reload_word_list
from studio.gui import messages
from studio.gui.safety.diff_view import CompareDialog
from studio.gui.safety.outside_change_bar import OutsideChangeBar
from studio.gui.safety.vanished import VanishedScenes

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow


class OutsideWatch(QObject):
    """Applies each batch of outside changes the window's guard reports."""

    handled = Signal(object)  # the Changes of each batch, once applied (tests and benchmarks wait on it)
    snapshot_taken = Signal(str)  # a scene's text was kept as a snapshot (the history panel listens)

    def __init__(self, window: MainWindow, bar: OutsideChangeBar) -> None:
        super().__init__(window)
        self.window = window
        self.bar = bar
        self.offered: set[str] = set()
        self.compare_dialog: CompareDialog | None = None
        self.vanished = VanishedScenes(window, bar, lambda: window.settings.backup_folder or None)
        window.guard.outside_changes.connect(self.apply_changes)
        bar.reload_requested.connect(self.reload_theirs)
        bar.keep_mine_requested.connect(self.keep_mine)
        bar.compare_requested.connect(self.compare)

    @property
    def project(self):  # noqa: ANN201
        """The open project."""
        return self.window.session.project

    # -- applying a batch ---------------------------------------------------------------
    def apply_paths(self, paths: set[Path]) -> None:
        """Classify a batch of touched paths and act on it."""
        self.apply_changes(classify_changes(self.project, paths))

    def apply_changes(self, changes: Changes) -> None:
        """Act on a classified batch of outside changes."""
        if changes.manifest_changed:
            self._reload_manifest()
        for scene_id in changes.scenes_changed:
            self._scene_changed(scene_id)
        if changes.scenes_deleted:
            self.vanished.add(changes.scenes_deleted)
        if changes.new_files:
            self._offer_new_files(changes.new_files)
        if changes.word_list_changed:
            self._reload_word_list()
        self.handled.emit(changes)

    def _reload_word_list(self) -> None:
        problem = reload_word_list(self.project)
        if problem:
            self.window.statusBar().showMessage(problem, 8000)
            return
        self.window.session.word_list_changed.emit()

    def _has_unsaved(self, scene_id: str) -> bool:
        editor = self.window.editor
        if editor.autosave.pending_text(scene_id) is not None:
            return True
        return editor.current_scene_id() == scene_id and editor.document().isModified()

    def _snapshot(self, scene_id: str, reason: str, text: str) -> None:
        if self.window.session.read_only:
            return
        try:
            snapshots.take(self.project, scene_id, reason, text=text)
        except (OSError, StudioError) as error:
            self.window.statusBar().showMessage(f"Snapshot not kept: {error}", 8000)
        self.snapshot_taken.emit(scene_id)

    def _scene_changed(self, scene_id: str) -> None:
        try:
            scene = self.project.scene(scene_id)
        except StudioError:
            return
        self.vanished.came_back(scene_id)  # its file is on disk again, if it had vanished
        if self._has_unsaved(scene_id):
            self.bar.show_changed(scene_id, scene.title or "Untitled")
            return
        self._snapshot(scene_id, "before outside reload", self.project.scene_text(scene_id))
        self._reload(scene_id)

    def _reload(self, scene_id: str) -> None:
        project = self.project
        project.forget_text(scene_id)
        try:
            project.scene_text(scene_id)
        except StudioError as error:
            self.window.statusBar().showMessage(str(error), 8000)
            return
        self.window.editor.autosave.discard(scene_id)
        self.window.session.scene_text_replaced.emit(scene_id)
        self.window.session.scene_changed.emit(scene_id)

    def _offer_new_files(self, names: list[str]) -> None:
        fresh = self.project.offer_recovered([n for n in names if n not in self.offered])
        if not fresh:
            return
        self.offered.update(fresh)
        if self.window.session.read_only:
            return
        messages.ask(
            self.window,
            "New scene files",
            f"{len(fresh)} new text file(s) appeared in the scenes folder. Add them as recovered scenes?",
            lambda: self._recover(fresh),
            "\n".join(fresh),
        )

    def _recover(self, names: list[str]) -> None:
        wanted = [n for n in names if n in self.project.recovered]
        try:
            part = self.project.recover_files(wanted)
        except (OSError, StudioError) as error:
            messages.inform(self.window, "Cannot add the recovered scenes", str(error))
            return
        if part is not None:
            self.window.session.announce(OutlineChangeKind.ADDED, [part.id])

    def _reload_manifest(self) -> None:
        window = self.window
        window.editor.save_now()  # the scene's text first: a scene gone from the outline keeps its file
        current = window.editor.current_scene_id()
        pending = window.editor.autosave.pending_text(current) if current else None
        if current and pending is not None:
            self._snapshot(current, "unsaved when the outline changed on disk", pending)
        try:
            reload_structure(self.project)
        except StudioError as error:
            window.statusBar().showMessage(f"story.json changed on disk but cannot be read: {error}", 10000)
            return
        window.session.undo_stack.clear()  # its commands point at nodes the new outline replaced
        window.session.announce(OutlineChangeKind.RELOADED)
        window.session.announce_cast(CastChangeKind.RELOADED)
        window.update_title()
        if current:
            try:
                self.project.scene(current)
            except StudioError:
                return
            window.outline_view.select_scene(current)

    # -- the bar's choices ----------------------------------------------------------------
    def reload_theirs(self, scene_id: str) -> None:
        """Show the version on disk; keep the writer's version as a snapshot."""
        self.window.editor.autosave.stash_current()
        self._snapshot(
            scene_id,
            "your version, before reloading the one on disk",
            self.window.editor.latest_text(scene_id),
        )
        self.window.editor.autosave.discard(scene_id)
        self._reload(scene_id)
        self.bar.dismiss()
        self.vanished.show()  # scenes still vanished get the bar back

    def keep_mine(self, scene_id: str) -> None:
        """Save the writer's version over the one on disk; keep that one as a snapshot."""
        editor = self.window.editor
        editor.autosave.stash_current()
        mine = self.window.editor.latest_text(scene_id)
        path = self.project.store.scene_path(self.project.scene(scene_id))
        theirs = self.project.store.peek_text(path)  # never opens a FIFO standing there now
        if theirs is not None:
            self._snapshot(scene_id, "version on disk, replaced by yours", theirs)
        try:
            self.project.set_scene_text(scene_id, mine, force=True)
        except (OSError, StudioError) as error:
            self.window.set_save_state(f"Not saved: {error}")
            return
        editor.autosave.discard(scene_id)
        self.window.session.scene_text_saved.emit(scene_id)
        self.bar.dismiss()
        self.vanished.show()  # scenes still vanished get the bar back

    def compare(self, scene_id: str) -> None:
        """Open a window comparing the version on disk with the writer's."""
        path = self.project.store.scene_path(self.project.scene(scene_id))
        theirs = self.project.store.peek_text(path) or ""  # never opens a FIFO standing there now
        dialog = CompareDialog(
            self.window,
            "Compare Versions",
            theirs,
            self.window.editor.latest_text(scene_id),
            "On disk",
            "Yours (unsaved)",
        )
        self.compare_dialog = dialog
        dialog.show()
