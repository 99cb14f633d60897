"""Watch a project folder for outside changes (another editor, a sync tool, ``git checkout``).

``ProjectWatcher`` runs a watchdog observer over the folder and collects the
paths touched; after ``delay`` seconds of quiet it hands the whole burst to one
callback (on a timer thread: a GUI marshals it to its own thread). Then
``classify_changes`` sorts the paths into what the app must do, recognising the
app's own writes by content (``ProjectStore.is_own_content``), never by timing.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from studio.core.storage import HIDDEN_DIR, SCENE_SUFFIXES, WORDLIST_NAME

if TYPE_CHECKING:
    from studio.core.project import Project

DEFAULT_DELAY = 0.12  # seconds of quiet that end a burst

# watchdog's inotify observer warns when a folder created inside the watched tree is
# registered twice (e.g. a new snapshot folder); harmless, and not for the writer's eyes.
warnings.filterwarnings("ignore", message="Callback with id", category=RuntimeWarning)


@dataclass
class Changes:
    """What changed outside the app in one burst."""

    scenes_changed: list[str] = field(default_factory=list)  # scene ids
    scenes_deleted: list[str] = field(default_factory=list)  # scene ids
    new_files: list[str] = field(default_factory=list)  # file names in scenes/
    manifest_changed: bool = False
    word_list_changed: bool = False  # words.txt
    notes_changed: list[str] = field(default_factory=list)  # ids of characters whose notes file changed

    def __bool__(self) -> bool:
        return bool(
            self.scenes_changed
            or self.scenes_deleted
            or self.new_files
            or self.manifest_changed
            or self.word_list_changed
            or self.notes_changed
        )


def is_ignored(root: Path, path: Path) -> bool:
    """Whether a path is none of our business: the hidden folder, temp and hidden files."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return True
    if not relative.parts or relative.parts[0] == HIDDEN_DIR:
        return True
    return any(part.startswith(".") for part in relative.parts) or path.name.endswith(("~", ".tmp", ".swp"))


class _Collector(FileSystemEventHandler):
    def __init__(self, watcher: ProjectWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        self.watcher.note([Path(p if isinstance(p, str) else p.decode()) for p in paths if p])


class ProjectWatcher:
    """Debounced watchdog observer: ``callback(paths)`` once a burst has been quiet ``delay`` s."""

    def __init__(
        self, root: Path, callback: Callable[[set[Path]], None], delay: float = DEFAULT_DELAY
    ) -> None:
        self.root = Path(root).absolute()
        self.callback = callback
        self.delay = delay
        self._lock = threading.Lock()
        self._pending: set[Path] = set()
        self._timer: threading.Timer | None = None
        self._observer: BaseObserver | None = None
        self._stopped = False

    def start(self) -> None:
        """Start watching the folder (recursively)."""
        observer = Observer()
        observer.daemon = True
        observer.schedule(_Collector(self), str(self.root), recursive=True)
        observer.start()
        self._observer = observer

    def stop(self) -> None:
        """Stop watching; pending changes are dropped."""
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            self._pending.clear()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=2)
            self._observer = None

    @property
    def running(self) -> bool:
        """Whether the observer is watching."""
        return self._observer is not None and not self._stopped

    def note(self, paths: Iterable[Path]) -> None:
        """Record touched paths and (re)start the quiet timer."""
        wanted = {p for p in paths if not is_ignored(self.root, p)}
        if not wanted:
            return
        with self._lock:
            if self._stopped:
                return
            self._pending |= wanted
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self._flush)
            self._timer.daemon = True
            self._timer.start()

    def _flush(self) -> None:
        with self._lock:
            if self._stopped or not self._pending:
                return
            batch, self._pending = self._pending, set()
            self._timer = None
        self.callback(batch)


def classify_changes(project: Project, paths: Iterable[Path]) -> Changes:
    """Sort touched paths into scene changes, deletions, new scene files, a manifest change,
    a word list change and character notes changes.

    A file holding exactly what the app last read or wrote is not a change.
    """
    store = project.store
    changes = Changes()
    notes_by_file = {c.file: c.id for c in project.characters}
    word_list_path = store.root / WORDLIST_NAME
    by_file = {s.file: s for s in project.iter_scenes()}
    for scene in project.iter_trash_scenes():
        by_file.setdefault(scene.file, scene)
    scenes_dir = store.scenes_dir
    touched = set(paths)
    if any(p == scenes_dir or p.parent == scenes_dir for p in touched) and not scenes_dir.is_dir():
        # The folder itself went (rm -r, a move, a sync tool): watchdog may report only the
        # folder, or only some of its files, so every listed scene file counts as touched.
        touched |= {scenes_dir / name for name in by_file}
    for path in sorted(touched):
        if path == store.manifest_path:
            try:
                changes.manifest_changed = path.read_bytes() != store.manifest_bytes
            except OSError:
                changes.manifest_changed = True
            continue
        if path == word_list_path:
            changes.word_list_changed = not store.is_own_content(path)
            continue
        if path.parent == store.characters_dir:
            if path.name in notes_by_file and not store.is_own_content(path):
                changes.notes_changed.append(notes_by_file[path.name])
            continue
        if path.parent != scenes_dir:
            continue
        listed = by_file.get(path.name)
        exists = path.is_file()
        if listed is not None:
            if not exists:
                if not listed.missing:
                    changes.scenes_deleted.append(listed.id)
            elif not store.is_own_content(path):
                changes.scenes_changed.append(listed.id)
        elif exists and path.name.endswith(SCENE_SUFFIXES) and path.name not in project.recovered:
            changes.new_files.append(path.name)
    return changes


def held_text(project: Project, scene_id: str) -> str | None:
    """The text of a scene the open project holds in memory (read or written by the app), or None.

    A scene whose file vanished before the app ever read it has no text here: nothing may
    be written back for it.
    """
    return project.cached_text(scene_id)


def reload_structure(project: Project) -> None:
    """Re-read the manifest changed outside and put its tree into the open project.

    Texts kept in memory stay for scenes whose file is unchanged; raises
    ``StudioError`` (leaving the project as it was) when the new manifest is bad.
    """
    project.replace_structure(project.store.read_manifest())


def reload_word_list(project: Project) -> str:
    """Re-read ``words.txt`` changed outside the app into ``project.word_list``.

    Returns "" or a one-line problem; when the file cannot be read (or is not UTF-8)
    the list in memory stays as it was.
    """
    path = project.root / WORDLIST_NAME
    try:
        text, clean = project.store.read_text(path)
    except FileNotFoundError:
        project.word_list = []
        return ""
    except OSError as error:
        return f"{WORDLIST_NAME} changed on disk but cannot be read: {error.strerror or error}"
    if not clean:
        return f"{WORDLIST_NAME} changed on disk but is not valid UTF-8; the word list was not reloaded"
    project.word_list = sorted({w.strip() for w in text.splitlines() if w.strip()})
    return ""
