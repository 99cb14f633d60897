"""What a killed import leaves behind, and how the next run (or the next open) clears it.

An import into a new folder builds the project in a hidden staging folder beside the target
(``.<name>.importing-<pid>-<token>``) and renames it into place at the end: a kill leaves
either nothing or that staging folder, removed by ``clean_staging_folders`` at the next
import into the same parent folder. An import into an existing project writes its scene
files, then the manifest; a journal (``.studio/import-journal.json``) written first names
the scene texts about to be written, so ``recover_interrupted_import`` can remove the scene
files a killed run wrote before its manifest (never a file the manifest lists, and never one
whose bytes are not the import's). ``clean_temp_files`` removes the atomic-write helper's
temp files (``.<name>.<random>.tmp``). Call these only while holding the project's lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from studio.core.atomic import atomic_write, fsync_folder
from studio.core.errors import StudioError
from studio.core.manifest import MANIFEST_NAME, parse_manifest
from studio.core.nodes import Part, Scene
from studio.core.storage import CHARACTERS_DIR, HIDDEN_DIR, SCENES_DIR

STAGING_MARK = ".importing-"
STAGING_NAME = re.compile(r"^\..+\.importing-(\d+)-[0-9a-f]+$")
# atomic.py: tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp"): eight random characters.
TEMP_FILE_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
JOURNAL_NAME = "import-journal.json"


def staging_folder(target: Path) -> Path:
    """Return a fresh hidden sibling of ``target`` to build a new project in."""
    token = secrets.token_hex(4)
    return target.parent / f".{target.name}{STAGING_MARK}{os.getpid()}-{token}"


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot ask about: leave its folder
    return True


def clean_staging_folders(parent: str | os.PathLike[str]) -> list[Path]:
    """Remove staging folders in ``parent`` left by imports whose process is gone; return them."""
    folder = Path(parent)
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = STAGING_NAME.match(name)
        path = folder / name
        if match is None or _process_alive(int(match.group(1))) or path.is_symlink() or not path.is_dir():
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            removed.append(path)
    if removed:
        fsync_folder(folder)
    return removed


def clean_temp_files(root: str | os.PathLike[str], older_than: float = 0.0) -> list[Path]:
    """Remove the atomic-write helper's stale temp files from a project; return them.

    Only the project folder and its own subfolders (scenes, characters, the hidden folder and
    the folders inside it) are searched; links are not followed. Holding the lock, every temp
    file is stale; without it, pass ``older_than`` (seconds) so a write in flight is spared.
    """
    deadline = time.time() - older_than
    base = Path(root)
    removed: list[Path] = []
    folders = [base, base / SCENES_DIR, base / CHARACTERS_DIR]
    hidden = base / HIDDEN_DIR
    if hidden.is_dir() and not hidden.is_symlink():
        folders += [Path(path) for path, _, _ in os.walk(hidden)]
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        found = False
        for entry in entries:
            if (
                TEMP_FILE_NAME.match(entry.name)
                and entry.is_file(follow_symlinks=False)
                and (not older_than or entry.stat(follow_symlinks=False).st_mtime < deadline)
            ):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
                found = True
        if found:
            fsync_folder(folder)
    return removed


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def journal_path(root: str | os.PathLike[str]) -> Path:
    """Where an append in progress keeps its journal."""
    return Path(root) / HIDDEN_DIR / JOURNAL_NAME


def begin_append(root: str | os.PathLike[str], texts: list[str]) -> None:
    """Record, before any scene file is written, what an append into the project will write."""
    base = Path(root)
    try:
        manifest = (base / MANIFEST_NAME).read_bytes()
    except OSError as error:
        raise StudioError(f"{base / MANIFEST_NAME}: cannot read: {error.strerror}") from None
    (base / HIDDEN_DIR).mkdir(exist_ok=True)
    record = {
        "pid": os.getpid(),
        "manifest_sha256": _sha256(manifest),
        "scenes": sorted({_sha256(text.encode("utf-8")) for text in texts}),
    }
    atomic_write(journal_path(base), json.dumps(record, indent=1) + "\n")


def end_append(root: str | os.PathLike[str]) -> None:
    """Drop the journal once the append is committed or rolled back."""
    path = journal_path(root)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        fsync_folder(path.parent)


def recover_interrupted_import(root: str | os.PathLike[str]) -> list[Path]:
    """Undo what a killed append left: its scene files written before the manifest; return them.

    Nothing is removed when the manifest changed since the journal was written (the append was
    committed, or the project was changed since): then only the journal goes. A journal whose
    process is still alive belongs to an append in progress and is left alone.
    """
    base = Path(root)
    path = journal_path(base)
    try:
        record = json.loads(path.read_bytes())
        manifest = (base / MANIFEST_NAME).read_bytes()
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        record, manifest = {}, b""
    removed: list[Path] = []
    pid = record.get("pid") if isinstance(record, dict) else None
    if isinstance(pid, int) and pid != os.getpid() and _process_alive(pid):
        return removed
    if (
        isinstance(record, dict)
        and record.get("manifest_sha256") == _sha256(manifest)
        and isinstance(record.get("scenes"), list)
    ):
        removed = _remove_unlisted(base, manifest, {str(item) for item in record["scenes"]})
    end_append(base)
    return removed


def _remove_unlisted(base: Path, manifest: bytes, digests: set[str]) -> list[Path]:
    try:
        data = parse_manifest(manifest, str(base / MANIFEST_NAME))
    except StudioError:
        return []
    listed = {scene.file.casefold() for part in data.parts for scene in part.scenes}
    for item in data.trash:
        if isinstance(item.node, Scene):
            listed.add(item.node.file.casefold())
        elif isinstance(item.node, Part):
            listed.update(scene.file.casefold() for scene in item.node.scenes)
    scenes = base / SCENES_DIR
    removed = []
    try:
        entries = list(os.scandir(scenes))
    except OSError:
        return []
    for entry in entries:
        if entry.name.casefold() in listed or not entry.is_file(follow_symlinks=False):
            continue
        try:
            content = Path(entry.path).read_bytes()
        except OSError:
            continue
        if _sha256(content) in digests:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
            removed.append(Path(entry.path))
    if removed:
        fsync_folder(scenes)
    return removed


def clean_project(root: str | os.PathLike[str], older_than: float = 0.0) -> list[Path]:
    """Clear what a killed run left inside a project: an interrupted append, stale temp files.

    Holding the project's lock, call it with ``older_than=0``; at an open that does not hold
    it yet, ``older_than=60`` spares another process's temp files still being written.
    """
    return recover_interrupted_import(root) + clean_temp_files(root, older_than)
