"""What an open project cannot do without: its lock and its outside-change watcher.

A ``ProjectGuard`` takes the project lock (``.studio/lock``) when the project opens and
runs the watchdog watcher over its folder. A lock held elsewhere is reported through
``locked_elsewhere`` (the window asks: read-only, take over, or cancel). The watcher's
batches arrive on a timer thread; they are classified on the GUI thread and emitted as
``outside_changes``. Both are let go only by ``release()``, which the window calls
once a close was accepted, never when a close may still be cancelled.

The watcher ignores ``.studio/``, so the lock file is looked at once a second (one
``os.stat``; the file is read only when it changed). When another window or process
took the lock over, ``lock_taken`` says who, the project turns read-only, and the lock
is never released (deleted) by this window: it is no longer ours.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.safety.locking import (
    Lock,
    LockInfo,
    ProjectLockedError,
    acquire,
    lock_path,
    read_lock,
    take_over,
)
from studio.core.safety.watcher import ProjectWatcher, classify_changes

# Windows of this process on one project share its lock: the last one to close gives it back.
_HOLDERS: dict[Path, list[ProjectGuard]] = {}


class ProjectGuard(QObject):
    """Holds the lock and runs the watcher for one open project, from ``open()`` to ``release()``."""

    LOCK_CHECK_MS = 1000

    # The lock is held by another process: the ``ProjectLockedError`` (the project is now read-only).
    locked_elsewhere = Signal(object)
    # The lock or the watcher could not be set up: one line for the status bar.
    problem = Signal(str)
    # Another window or process took the lock over: its ``LockInfo`` (None when unreadable).
    # The project is read-only once the listeners have run (they keep unsaved text first).
    lock_taken = Signal(object)
    # A classified batch of outside changes (``studio.core.safety.watcher.Changes``), on the GUI thread.
    outside_changes = Signal(object)
    # Emitted (without arguments: PySide6 mishandles Python objects sent across threads)
    # on the watcher's thread; queued to ours, where the inbox is emptied.
    _paths_arrived = Signal()

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lock: Lock | None = None
        self._inbox: list[set[Path]] = []
        self._inbox_lock = threading.Lock()
        self._paths_arrived.connect(self._take_inbox, Qt.ConnectionType.QueuedConnection)
        self.watcher = ProjectWatcher(session.project.root, self._deliver)
        self.released = False
        self._lock_stamp: tuple[int, int, int, int] | None = None
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(self.LOCK_CHECK_MS)
        self.lock_timer.timeout.connect(self.check_lock)

    # -- opening ------------------------------------------------------------------------
    def open(self) -> None:
        """Take the lock (unless read-only) and start watching the folder."""
        self._take_lock()
        self._watch_lock()
        try:
            self.watcher.start()
        except OSError as error:
            self.problem.emit(f"Not watching the project folder: {error}")

    def _take_lock(self) -> None:
        if self.session.read_only:
            return
        root = self.session.project.root.resolve()
        held = next((guard.lock for guard in _HOLDERS.get(root, []) if guard.lock is not None), None)
        if held is not None and read_lock(self.session.project.root) == held.info:
            # another window of this app holds it (and the file still says so): share that lock
            self.lock = held
            _HOLDERS[root].append(self)
            return
        try:
            self.lock = acquire(self.session.project.root)
            _HOLDERS.setdefault(root, []).append(self)
        except ProjectLockedError as error:
            holder = error.holder
            if holder is not None and holder.pid == os.getpid() and holder.is_this_host():
                return  # held by this process for a project opened another way; saves still check disk
            self.session.set_read_only(True)
            self.locked_elsewhere.emit(error)
        except OSError as error:
            self.problem.emit(f"Project not locked: {error}")

    def take_over(self) -> None:
        """Take the lock from its holder and make the project writable; raise ``OSError`` on failure."""
        self.lock = take_over(self.session.project.root)
        _HOLDERS.setdefault(self.session.project.root.resolve(), []).append(self)
        self.session.set_read_only(False)
        self._watch_lock()

    # -- the lock taken over elsewhere ----------------------------------------------------
    def _stamp(self) -> tuple[int, int, int, int] | None:
        try:
            info = os.stat(lock_path(self.session.project.root))
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size, info.st_ctime_ns)

    def _watch_lock(self) -> None:
        if self.lock is None or self.released:
            return
        self._lock_stamp = self._stamp()
        self.lock_timer.start()

    def check_lock(self) -> None:
        """Look whether the lock file still names this window; if not, emit ``lock_taken``."""
        if self.lock is None or self.released:
            self.lock_timer.stop()
            return
        stamp = self._stamp()
        if stamp == self._lock_stamp and stamp is not None:
            return
        self._lock_stamp = stamp
        holder = read_lock(self.session.project.root)
        if holder == self.lock.info:
            return
        if stamp is None:  # the lock file was deleted: nobody else holds it, so hold it again
            try:
                self.lock = acquire(self.session.project.root)
            except ProjectLockedError as error:
                self._lost(error.holder)
            except (OSError, StudioError) as error:
                self.problem.emit(f"Project not locked: {error}")
            else:
                self._lock_stamp = self._stamp()
            return
        self._lost(holder)

    def _lost(self, holder: LockInfo | None) -> None:
        self.lock_timer.stop()
        if self.lock is not None:
            self.lock.released = True  # it is someone else's now: never delete it
            self.lock = None
        self.lock_taken.emit(holder)
        self.session.set_read_only(True)

    @property
    def watching(self) -> bool:
        """Whether the watcher is running."""
        return self.watcher.running

    # -- outside changes ------------------------------------------------------------------
    def _deliver(self, paths: set[Path]) -> None:
        """On the watcher's thread: queue the batch and wake the GUI thread."""
        with self._inbox_lock:
            self._inbox.append(paths)
        self._paths_arrived.emit()

    def _take_inbox(self) -> None:
        with self._inbox_lock:
            batches, self._inbox = self._inbox, []
        if batches and self.watcher.running:
            self.outside_changes.emit(classify_changes(self.session.project, set().union(*batches)))

    # -- closing --------------------------------------------------------------------------
    def release(self) -> None:
        """Stop watching and give the lock back (after an accepted close; safe to call twice)."""
        self.released = True
        self.lock_timer.stop()
        self.watcher.stop()
        root = self.session.project.root.resolve()
        sharing = _HOLDERS.get(root, [])
        if self in sharing:
            sharing.remove(self)
        lock, self.lock = self.lock, None
        if lock is None:
            return
        others = [guard for guard in sharing if guard.lock is lock]
        if not others:
            lock.release()
        if not sharing:
            _HOLDERS.pop(root, None)
