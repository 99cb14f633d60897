"""The one helper through which the app writes every file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from studio.core.errors import OutsideFolderError


def check_within(folder: str | os.PathLike[str], root: str | os.PathLike[str], what: str = "project") -> None:
    """Refuse ``folder`` unless its real location (after every link) is inside ``root``'s.

    A folder not there yet is judged by where it would be created; a link loop is refused.
    """
    real_root = os.path.realpath(root)
    try:
        real = os.path.realpath(folder, strict=True)
    except FileNotFoundError:
        real = os.path.realpath(folder)
    except OSError as error:
        raise OutsideFolderError(f"{folder}: {error.strerror}; nothing written") from None
    if os.path.commonpath([real_root, real]) != real_root:
        raise OutsideFolderError(f"{folder}: leads outside the {what} folder; nothing written")


def make_folder(folder: str | os.PathLike[str], root: str | os.PathLike[str], what: str = "project") -> None:
    """Create ``folder`` (and its parents) after checking it stays inside ``root``."""
    check_within(folder, root, what)
    Path(folder).mkdir(parents=True, exist_ok=True)


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes | str,
    within: str | os.PathLike[str] | None = None,
    what: str = "project",
    sync: bool = True,
) -> None:
    """Write ``data`` to ``path`` so that the file is either its old or its new version.

    The data goes to a hidden temp file in the same folder, is flushed and fsynced,
    then renamed over the target with ``os.replace``; the folder is fsynced last so
    the rename itself survives a power loss. With ``within``, the write is refused
    (``OutsideFolderError``) unless the file's real folder is inside that folder.
    ``sync=False`` skips both fsyncs, for a folder that is synced once as a whole (``sync_tree``).
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent
    if within is not None:
        check_within(folder, within, what)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    if sync:
        fsync_folder(folder)


def sync_tree(folder: str | os.PathLike[str]) -> None:
    """Flush a whole folder written with ``sync=False`` to disk: one ``sync`` where the platform has it."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for parent, _folders, files in os.walk(folder):  # Windows: no sync(), each file and folder
        for name in files:
            with open(os.path.join(parent, name), "rb+") as handle:
                os.fsync(handle.fileno())
        fsync_folder(parent)


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries to disk (a no-op where the platform cannot)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
