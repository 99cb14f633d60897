"""The per-user cache of merged word lists: where it is, and reading it safely.

``STUDIO_CACHE_DIR`` overrides the folder; otherwise it is the platform's user cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS,
``%LOCALAPPDATA%`` on Windows) with ``story-studio`` inside. Never the project folder.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import sys
from pathlib import Path

from studio.core.atomic import atomic_write

log = logging.getLogger("studio.spelling")


def cache_dir() -> Path:
    """Return the per-user cache folder, creating it on first use."""
    override = os.environ.get("STUDIO_CACHE_DIR")
    if override:
        folder = Path(override)
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "story-studio"
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        folder = Path(base) / "story-studio" / "Cache"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "story-studio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_cached(path: Path, check: type) -> object | None:
    """The value marshalled in ``path`` if it is a ``check``; None when missing.

    A file that is there but damaged is reported in one line and removed, so that it is
    built again.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("spelling: cannot read the cached word list %s (%s); building it again", path, error)
        return None
    try:
        value = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        value = None
    if isinstance(value, check):
        return value
    log.warning("spelling: the cached word list %s was damaged; building it again", path.name)
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def write_cached(path: Path, value: object, stale_pattern: str) -> None:
    """Store ``value`` in ``path`` (atomically), removing older files matching ``stale_pattern``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(stale_pattern):
            if stale != path:
                stale.unlink()
        atomic_write(path, marshal.dumps(value))  # type: ignore[arg-type]
    except OSError as error:
        log.warning("spelling: could not cache the word list in %s (%s)", path.parent, error)
