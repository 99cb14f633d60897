"""Keeps the appearance index of the open project current, without making typing wait.

- While the writer types, the edited scene is rescanned 500 ms after the last key
  (one scene: well under a millisecond for 20,000 words).
- After a save, a text replacement or a structural change, the scene order is refreshed
  and changed scenes are rescanned.
- When the cast changes (or on open), every scene is rescanned on a ``QThreadPool``
  worker that reads the files itself; each run carries a generation number and a stale
  result (the cast or the text changed meanwhile) is dropped.
- With ``hold_first_scan`` the first big scan waits for ``release()`` (the window calls it
  after its first paint), so the worker never competes with opening the window.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from studio.app.changes import CastChange, OutlineChange, OutlineChangeKind
from studio.app.session import ProjectSession
from studio.core.characters import AppearanceIndex, CastMatcher, Named, SceneMention
from studio.core.errors import StudioError
from studio.core.nodes import Character

FileKey = tuple[int, int, int]  # size, mtime_ns, inode
ScanResult = dict[str, dict[str, SceneMention]]
ScanPayload = tuple[ScanResult, dict[str, FileKey | None]]  # what a scan job sends back


def file_key(path: Path) -> FileKey | None:
    """A fingerprint of a file on disk (None if it cannot be read)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (queued signal)."""

    done = Signal(int, object)


class _ScanJob(QRunnable):
    """Reads and scans scene files on a pool thread; reports ``(generation, results)``."""

    def __init__(
        self,
        generation: int,
        matcher: CastMatcher,
        files: list[tuple[str, Path]],
        overrides: dict[str, str],
        relay: _Relay,
        read: Callable[[Path], str | None],
    ) -> None:
        super().__init__()
        self.generation = generation
        self.matcher = matcher
        self.files = files  # [(scene_id, path)]
        self.read = read  # the store's safe reader: never opens a FIFO, never records anything
        self.overrides = overrides  # scene_id -> text not yet on disk (or already in memory)
        self.relay = relay

    def run(self) -> None:
        """Scan every scene; a file that cannot be read (a FIFO, a folder, no permission) counts as empty."""
        results: ScanResult = {}
        keys: dict[str, FileKey | None] = {}
        for scene_id, path in self.files:
            text = self.overrides.get(scene_id)
            if text is None:
                keys[scene_id] = file_key(path)
                text = self.read(path) or ""
            results[scene_id] = self.matcher.scan(text)
        payload: ScanPayload = (results, keys)
        self.relay.done.emit(self.generation, payload)


class AppearanceTracker(QObject):
    """The project's ``AppearanceIndex``, kept up to date; ``updated`` after each change."""

    updated = Signal()
    # Only the manuscript order of scenes changed (a move): counts are the same.
    reordered = Signal()
    DEBOUNCE_MS = 500
    # Below this many scenes a rescan of everything runs on the GUI thread (it takes a few ms).
    THREAD_THRESHOLD = 40

    def __init__(
        self,
        session: ProjectSession,
        live_text: Callable[[], tuple[str | None, str]] | None = None,
        hold_first_scan: bool = False,
    ):
        super().__init__(session)
        self.session = session
        self.live_text = live_text  # -> (scene id being edited, its text) for unsaved edits
        self.index = AppearanceIndex(CastMatcher(self.named()))
        self.generation = 0
        self.busy = False
        self._holding = hold_first_scan
        self._deferred = False  # a big first scan asked for while holding, not made yet
        self._pending_matcher: CastMatcher | None = None
        self._keys: dict[str, FileKey | None] = {}
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_scanned)
        self._typing_timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._typing_timer.timeout.connect(self.rescan_live_scene)
        session.outline_changed.connect(self._on_outline_changed)
        session.cast_changed.connect(self._on_cast_changed)
        session.scene_text_saved.connect(self.rescan_scene)
        session.scene_text_replaced.connect(self.rescan_scene)
        self.rebuild()

    # -- public API -------------------------------------------------------------------
    def named(self) -> list[Named]:
        """Copies of what is looked for (the cast), safe to hand to another thread; see ``NotesTracker``."""
        return list(_snapshot(self.session.project.characters))

    def text_edited(self) -> None:
        """The writer typed: rescan the live scene once typing pauses."""
        self._typing_timer.start()

    def rescan_live_scene(self) -> None:
        """Rescan the scene being edited from the editor's text."""
        if self.live_text is None:
            return
        scene_id, text = self.live_text()
        if scene_id and scene_id in self.index.scenes:
            self.index.update_scene(scene_id, text)
            self.updated.emit()

    def rescan_scene(self, scene_id: str) -> None:
        """Rescan one scene from the project's text (after a save or a replacement)."""
        project = self.session.project
        if scene_id not in {s.id for s in project.iter_scenes()}:
            self.refresh()  # a scene in the trash or gone
            return
        self.index.update_scene(scene_id, self._project_text(scene_id))
        self._keys[scene_id] = file_key(project.store.scene_path(project.scene(scene_id)))
        self._reorder()
        self.updated.emit()

    def refresh(self) -> None:
        """After a structural change: rescan new or changed scenes, forget removed ones, reorder."""
        project = self.session.project
        if self._cast_changed():
            self.rebuild()  # e.g. a character restored from the trash
            return
        stale = []
        for scene in project.iter_scenes():
            known = scene.id in self.index.scenes
            if not known or self._keys.get(scene.id) != file_key(project.store.scene_path(scene)):
                stale.append(scene)
        if len(stale) > self.THREAD_THRESHOLD:
            self.rebuild()
            return
        for scene in stale:
            self.index.update_scene(scene.id, self._current_text(scene.id))
            self._keys[scene.id] = file_key(project.store.scene_path(scene))
        self._reorder()
        self.updated.emit()

    def rebuild(self) -> None:
        """Rescan every scene against the current cast (off the GUI thread for big projects)."""
        project = self.session.project
        self.generation += 1
        scenes = list(project.iter_scenes())
        if self._holding and len(scenes) > self.THREAD_THRESHOLD:
            # the cast is compiled and the files listed on release, not while the window opens
            self.busy = self._deferred = True
            return
        matcher = CastMatcher(self.named())
        files = [(s.id, project.store.scene_path(s)) for s in scenes]
        overrides: dict[str, str] = {}
        live_id, live = self.live_text() if self.live_text else (None, "")
        if live_id:
            overrides[live_id] = live
        job = _ScanJob(self.generation, matcher, files, overrides, self._relay, project.store.peek_text)
        self._pending_matcher = matcher
        if len(scenes) <= self.THREAD_THRESHOLD:
            job.run()  # small project: the result arrives synchronously (same thread)
            return
        self.busy = True
        QThreadPool.globalInstance().start(job)

    def release(self) -> None:
        """Start the scan held back by ``hold_first_scan`` (if any); later scans start at once."""
        self._holding = False
        if self._deferred:  # only the newest scan asked for while holding is made
            self._deferred = False
            self.rebuild()

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Wait for background scans (used on close and by tests)."""
        self.release()
        return QThreadPool.globalInstance().waitForDone(msecs)

    # -- internals --------------------------------------------------------------------
    def _current_text(self, scene_id: str) -> str:
        if self.live_text is not None:
            live_id, live = self.live_text()
            if live_id == scene_id:
                return live
        return self._project_text(scene_id)

    def _project_text(self, scene_id: str) -> str:
        try:
            return self.session.project.scene_text(scene_id)
        except StudioError:  # a FIFO or a folder: the project's problems already name it; counts as empty
            return ""

    def _on_scanned(self, generation: int, payload: ScanPayload) -> None:
        if generation != self.generation:
            return  # a newer scan is on its way
        self.busy = False
        results, keys = payload
        assert self._pending_matcher is not None  # set with the job that sent this result
        self.index = AppearanceIndex(self._pending_matcher)
        self.index.scenes = dict(results)
        self._keys = dict(keys)
        self.refresh()  # scenes added or edited while the scan ran

    def _cast_changed(self) -> bool:
        if self.busy:
            pending = self._pending_matcher
            return pending is None or self._deferred or pending.signature != self._signature_now()
        return self.index.matcher.signature != self._signature_now()

    def _signature_now(self) -> tuple:
        return CastMatcher(self.named()).signature

    def _on_outline_changed(self, change: OutlineChange) -> None:
        """A move only reorders; scenes that came or went are scanned or dropped; a reload rescans."""
        kind = change.kind
        if kind == OutlineChangeKind.MOVED:
            self._reorder()
            self.reordered.emit()
        elif kind in (OutlineChangeKind.RELOADED, OutlineChangeKind.RESTORED):
            self.refresh()  # restored characters may come back too
        elif kind != OutlineChangeKind.RENAMED and kind != OutlineChangeKind.TRASH_EMPTIED:
            self._follow_scenes()

    def _follow_scenes(self) -> None:
        """Scan scenes new to the manuscript and forget those gone, without re-reading the others."""
        project = self.session.project
        live = [scene.id for scene in project.iter_scenes()]
        known = set(self.index.scenes)
        for scene_id in known.difference(live):
            self.index.remove_scene(scene_id)
            self._keys.pop(scene_id, None)
        for scene_id in (s for s in live if s not in known):
            self.index.update_scene(scene_id, self._current_text(scene_id))
            self._keys[scene_id] = file_key(project.store.scene_path(project.scene(scene_id)))
        self._reorder()
        self.updated.emit()

    def _on_cast_changed(self, _change: CastChange) -> None:
        if self._cast_changed():
            self.rebuild()
        elif not self.busy:
            self.updated.emit()  # a role, description or notes changed: no rescan needed

    def _reorder(self) -> None:
        self.index.set_order([s.id for s in self.session.project.iter_scenes()])


def _snapshot(characters: list[Character]) -> list[Character]:
    """Copies of the characters' names and aliases, safe to hand to another thread."""
    return [Character(c.id, c.name, c.file, aliases=list(c.aliases)) for c in characters]
