"""Scene files that vanished on disk (one, or the whole scenes folder) while the window was open.

Only texts this window really holds can be written back: the project's cached texts
(read or written by the app) and the editor's unsaved text. A scene whose file vanished
before its text was ever read is *gone*: it is flagged, made read-only (so no save can
put an empty file in its place), and offered back from its newest snapshot or, failing
that, the newest backup that holds it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from studio.core.errors import ExternalChangeError, StudioError
from studio.core.safety import backups, snapshots
from studio.core.safety.watcher import held_text
from studio.gui.safety.outside_change_bar import DELETED, OutsideChangeBar

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

HELD_PROBLEM = "its file was deleted outside Story Studio; the text is kept in memory"
GONE_PROBLEM = (
    "its file was deleted outside Story Studio before its text was read here; "
    "restore it from a snapshot or a backup"
)
MAX_TITLES = 6


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` after a count."""
    return one if count == 1 else many


class VanishedScenes(QObject):
    """The scenes whose files vanished: which are held here, which are gone, and the bar's choices."""

    def __init__(
        self, window: MainWindow, bar: OutsideChangeBar, backup_folder: Callable[[], str | None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.bar = bar
        self.backup_folder = backup_folder
        self.held: list[str] = []  # scene ids, in the order they vanished
        self.gone: list[str] = []
        bar.write_back_requested.connect(lambda _scene_id: self.write_back())
        bar.restore_requested.connect(self.restore)
        window.session.scene_text_saved.connect(self._saved)

    @property
    def project(self):  # noqa: ANN201
        """The open project."""
        return self.window.session.project

    # -- what vanished --------------------------------------------------------------------
    def holds(self, scene_id: str) -> bool:
        """Whether this window has the scene's text: unsaved in the editor, or read from its file."""
        editor = self.window.editor
        if editor.autosave.pending_text(scene_id) is not None:
            return True
        if editor.current_scene_id() == scene_id:
            return True  # the editor shows the text it loaded (and any edits on top)
        return held_text(self.project, scene_id) is not None

    def add(self, scene_ids: list[str]) -> None:
        """Flag scenes whose files vanished, sorted into held and gone, and show the bar."""
        store = self.project.store
        for scene_id in scene_ids:
            try:
                scene = self.project.scene(scene_id)
            except StudioError:
                continue
            if scene_id in self.held or scene_id in self.gone:
                continue
            # The app now knows the file as absent: a save may create it again, but never
            # over a file that reappears with other content (storage refuses that).
            store.known_digests[str(store.scene_path(scene))] = None
            if self.holds(scene_id):
                self.project.mark_scene_missing(scene_id, HELD_PROBLEM)
                self.held.append(scene_id)
            else:
                self.project.mark_scene_missing(scene_id, GONE_PROBLEM)
                scene.read_only = True
                self.gone.append(scene_id)
            self.window.session.scene_changed.emit(scene_id)
        self.show()

    def came_back(self, scene_id: str) -> None:
        """The scene's file is on disk again (written elsewhere): it is no longer vanished."""
        if scene_id in self.gone:
            self.project.scene(scene_id).read_only = False
        self._drop(scene_id)

    def _saved(self, scene_id: str) -> None:
        if scene_id in self.held:
            self._drop(scene_id)

    def _drop(self, scene_id: str) -> None:
        if scene_id not in self.held and scene_id not in self.gone:
            return
        for group in (self.held, self.gone):
            if scene_id in group:
                group.remove(scene_id)
        with contextlib.suppress(StudioError):  # the scene itself was removed meanwhile
            self.project.clear_scene_problem(scene_id)
        self.show()

    # -- the bar --------------------------------------------------------------------------
    def _titles(self, scene_ids: list[str]) -> str:
        names = []
        for scene_id in scene_ids[:MAX_TITLES]:
            try:
                names.append(f"“{self.project.scene(scene_id).title or 'Untitled'}”")
            except StudioError:
                names.append(f"“{scene_id}”")
        more = len(scene_ids) - MAX_TITLES
        return ", ".join(names) + (f" and {more} more" if more > 0 else "")

    def restorable(self) -> dict[str, tuple[str, str]]:
        """Gone scenes that can come back: scene id → (text, where it comes from)."""
        found: dict[str, tuple[str, str]] = {}
        folder = self.backup_folder()
        for scene_id in self.gone:
            try:
                scene = self.project.scene(scene_id)
                kept = snapshots.list(self.project, scene_id)
                if kept:
                    found[scene_id] = (snapshots.read(kept[-1]), f"the snapshot of {kept[-1].local_time()}")
                    continue
            except (OSError, StudioError):
                continue
            backed_up = backups.newest_scene_text(self.project.root, scene.file, folder)
            if backed_up is not None:
                text, info = backed_up
                found[scene_id] = (text, f"the backup of {info.time:%Y-%m-%d %H:%M}")
        return found

    def message(self, restorable: int) -> str:
        """The bar's sentence: how many vanished, which are held, which are gone."""
        held, gone = len(self.held), len(self.gone)
        total = held + gone
        text = f"{total} scene {plural(total, 'file was', 'files were')} deleted on disk: "
        parts = []
        if held:
            parts.append(
                f"{held} {plural(held, 'is', 'are')} still held here ({self._titles(self.held)}) "
                "and can be written back"
            )
        if gone:
            gone_text = f"{gone} {plural(gone, 'is', 'are')} gone ({self._titles(self.gone)})"
            if restorable:
                gone_text += f"; {restorable} can be restored from a snapshot or a backup"
            else:
                gone_text += "; no snapshot or backup holds them"
            parts.append(gone_text)
        return text + "; ".join(parts) + "."

    def show(self) -> None:
        """Show the bar for what is vanished now (hide it when nothing is)."""
        if not self.held and not self.gone:
            if self.bar.mode == DELETED:
                self.bar.dismiss()
            return
        restorable = len(self.restorable()) if self.gone else 0
        can_write = bool(self.held) and not self.window.session.read_only
        can_restore = bool(restorable) and not self.window.session.read_only
        self.bar.show_deleted(self.message(restorable), can_write, can_restore)

    # -- the choices ------------------------------------------------------------------------

    def _write(self, scene_id: str, text: str) -> str:
        """Write one scene's text (creating the scenes folder); return "" or the problem."""
        try:
            self.project.store.scenes_dir.mkdir(parents=True, exist_ok=True)
            self.project.set_scene_text(scene_id, text)
        except ExternalChangeError:
            return f"{self._titles([scene_id])} reappeared on disk with other text; not overwritten"
        except (OSError, StudioError) as error:
            return f"{self._titles([scene_id])} not written: {error}"
        self.window.editor.autosave.discard(scene_id)
        return ""

    def write_back(self) -> list[str]:
        """Write every held text to its file again; return the problems (one line each)."""
        self.window.editor.autosave.stash_current()
        problems = []
        for scene_id in list(self.held):
            problem = self._write(scene_id, self.window.editor.latest_text(scene_id))
            if problem:
                problems.append(problem)
                continue
            self.held.remove(scene_id)
            self.project.clear_scene_problem(scene_id)
            self.window.session.scene_text_saved.emit(scene_id)
            self.window.session.scene_changed.emit(scene_id)
        self._report(problems)
        self.show()
        return problems

    def restore(self) -> list[str]:
        """Put back every gone scene that a snapshot or a backup holds; return the problems."""
        problems = []
        for scene_id, (text, source) in self.restorable().items():
            scene = self.project.scene(scene_id)
            scene.read_only = False
            problem = self._write(scene_id, text)
            if problem:
                scene.read_only = True
                problems.append(problem)
                continue
            self.gone.remove(scene_id)
            self.project.clear_scene_problem(scene_id)
            self.window.statusBar().showMessage(f"Restored {self._titles([scene_id])} from {source}.", 6000)
            if scene_id == self.window.editor.current_scene_id():
                self.window.set_read_only(self.window.session.read_only)
            self.window.session.scene_text_replaced.emit(scene_id)
            self.window.session.scene_changed.emit(scene_id)
        self._report(problems)
        self.show()
        return problems

    def _report(self, problems: list[str]) -> None:
        if problems:
            self.window.statusBar().showMessage("; ".join(problems), 10000)
