"""One writer at a time: the project lock file ``.studio/lock``.

The lock is a small JSON file (host, pid, user, since). It is created with an
exclusive hard link of a fully written temp file, so another process never sees
a half-written lock. A lock left by a dead process on this same host is stale
and taken over silently; a lock held by a live process, or by another machine
(a synced folder), raises ``ProjectLockedError`` naming its holder.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from studio.core.atomic import atomic_write, check_within, fsync_folder
from studio.core.errors import StudioError
from studio.core.manifest import MANIFEST_NAME
from studio.core.validation import ValueCleaner, loads_bounded, read_plain_bytes

LOCK_NAME = "lock"
HIDDEN_DIR = ".studio"


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock: host name, process id, user name and since when (ISO 8601, UTC)."""

    host: str
    pid: int
    user: str
    since: str
    token: str = ""  # tells apart two holders of the same process (a take-over)

    def since_local(self) -> str:
        """When the lock was taken, as a local date and time (the raw text if unreadable)."""
        try:
            return datetime.fromisoformat(self.since).astimezone().strftime("%Y-%m-%d %H:%M")
        except (ValueError, TypeError):
            return self.since or "an unknown time"

    def describe(self) -> str:
        """Return a one-line, human description of the holder."""
        who = self.user or "someone"
        where = self.host or "an unknown computer"
        return f"{who} on {where} (process {self.pid}) since {self.since_local()}"

    def is_this_host(self) -> bool:
        """Whether the holder runs on this computer."""
        return self.host == this_host()


class ProjectLockedError(StudioError):
    """The project is open for writing elsewhere; ``holder`` says who holds it."""

    def __init__(self, root: Path, holder: LockInfo | None, advice: str = "") -> None:
        who = holder.describe() if holder else "another Story Studio (the lock file cannot be read)"
        super().__init__(f"{root.name} is already open by {who}{advice}")
        self.root = root
        self.holder = holder


def this_host() -> str:
    """Return this computer's name."""
    return socket.gethostname()


def current_user() -> str:
    """Return the name of the user running the app (empty when unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def my_info() -> LockInfo:
    """Return the lock details of this process."""
    since = datetime.now(UTC).replace(microsecond=0).isoformat()
    return LockInfo(this_host(), os.getpid(), current_user(), since, secrets.token_hex(6))


def pid_alive(pid: int) -> bool:
    """Tell whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to someone else
    except (OSError, OverflowError):  # OverflowError: a damaged lock's pid no process can have
        return False
    return True


def lock_path(project_root: str | os.PathLike[str]) -> Path:
    """Return the lock file of a project folder."""
    return Path(project_root) / HIDDEN_DIR / LOCK_NAME


def read_lock(project_root: str | os.PathLike[str]) -> LockInfo | None:
    """Return the holder written in the lock file, or None when absent or unreadable."""
    try:
        data = loads_bounded(read_plain_bytes(lock_path(project_root), 65536).decode("utf-8"))
        cleaner = ValueCleaner()  # a lone surrogate would crash the dialog that names the holder
        return LockInfo(
            cleaner.text(str(data["host"])[:200], "host"),
            int(data["pid"]),
            cleaner.text(str(data["user"])[:200], "user"),
            cleaner.text(str(data["since"])[:100], "since"),
            str(data.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, StudioError):
        return None


def is_stale(info: LockInfo) -> bool:
    """A lock is stale when its process, on this very host, is gone."""
    return info.is_this_host() and not pid_alive(info.pid)


class Lock:
    """A held project lock; ``release()`` (or closing the context) removes the lock file."""

    def __init__(self, project_root: Path, info: LockInfo) -> None:
        self.root = project_root
        self.info = info
        self.path = lock_path(project_root)
        self.released = False

    def still_mine(self) -> bool:
        """Whether the lock file still names this holder (nobody took it over)."""
        return read_lock(self.root) == self.info

    def release(self) -> None:
        """Remove the lock file, if it is still ours; safe to call twice."""
        if self.released:
            return
        self.released = True
        if self.still_mine():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _create_exclusive(path: Path, payload: bytes) -> bool:
    """Create ``path`` with ``payload`` only if it does not exist; return whether we created it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:
            return _create_with_excl(path, payload)  # a file system without hard links
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    fsync_folder(path.parent)
    return True


def _create_with_excl(path: Path, payload: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _payload(info: LockInfo) -> bytes:
    return (json.dumps(asdict(info), indent=2) + "\n").encode("utf-8")


def _make_lock_folder(root: Path, folder: Path) -> None:
    """Create the hidden folder the lock lives in; refuse one leading outside, or a file in its place."""
    check_within(folder, root)
    try:
        folder.mkdir(exist_ok=True)
    except FileExistsError:
        raise StudioError(f"{folder}: not a folder; the project cannot be locked") from None
    except OSError as error:
        raise StudioError(
            f"{folder}: cannot create: {error.strerror}; the project cannot be locked"
        ) from None


def acquire(project_root: str | os.PathLike[str]) -> Lock:
    """Take the project's lock, or raise ``ProjectLockedError`` naming who holds it.

    A stale lock (its process is dead on this same host) is taken over silently.
    """
    root = Path(project_root).absolute()
    path = lock_path(root)
    _make_lock_folder(root, path.parent)
    info = my_info()
    for _attempt in range(3):
        if _create_exclusive(path, _payload(info)):
            return Lock(root, info)
        holder = read_lock(root)
        if holder is None:
            if path.exists():
                raise ProjectLockedError(root, None)
            continue  # released between our two looks: try again
        if not is_stale(holder):
            raise ProjectLockedError(root, holder)
        atomic_write(path, _payload(info), within=root)  # a dead process's lock: ours now
        if read_lock(root) == info:
            return Lock(root, info)
    raise ProjectLockedError(root, read_lock(root))


def take_over(project_root: str | os.PathLike[str]) -> Lock:
    """Take the lock whoever holds it (the writer chose to); return it."""
    root = Path(project_root).absolute()
    path = lock_path(root)
    _make_lock_folder(root, path.parent)
    info = my_info()
    atomic_write(path, _payload(info), within=root)
    return Lock(root, info)


WRITE_ADVICE = "; close it there first (reading commands such as info, check and export still work)"


@contextlib.contextmanager
def holding_for_writing(project_root: str | os.PathLike[str]) -> Iterator[Lock | None]:
    """Hold the project's lock while a command writes to it, then let go.

    Raises ``ProjectLockedError`` (one line naming the holder's host, process and
    since when) when a live process, or another computer, holds the lock; a stale
    lock (a dead process on this host) is taken over silently and removed after.
    A folder that holds no project is left untouched (the load that follows says so).
    """
    if not (Path(project_root) / MANIFEST_NAME).is_file():
        yield None
        return
    try:
        lock = acquire(project_root)
    except ProjectLockedError as error:
        raise ProjectLockedError(error.root, error.holder, WRITE_ADVICE) from None
    try:
        yield lock
    finally:
        lock.release()
