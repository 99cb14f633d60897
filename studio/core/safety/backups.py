"""Zipped backups of a whole project (its hidden folder left out), kept outside the project.

Backups are named ``<project>-<YYYYmmdd-HHMMSS[-ffffff]>.zip`` in
``default_backup_dir()/<project>/`` unless another folder is given, and rotate:
the newest ``keep`` stay. Restoring goes into a new folder, or over the project
after a backup of its current state, so nothing is ever lost.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from studio.core.atomic import atomic_write, make_folder
from studio.core.errors import StudioError
from studio.core.paths import default_backup_dir
from studio.core.storage import HIDDEN_DIR, SCENES_DIR

DEFAULT_KEEP = 20
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: its path, when it was taken (local time) and its size in bytes."""

    path: Path
    time: datetime
    size: int

    def label(self) -> str:
        """A short line for lists: date, time and size."""
        kb = max(1, round(self.size / 1024))
        return f"{self.time:%Y-%m-%d %H:%M:%S}  ({kb:,} KB)"


def backup_folder(project_root: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder a project's backups go to (``folder`` or the default one)."""
    name = Path(project_root).absolute().name
    return Path(folder) if folder else default_backup_dir() / name


def project_files(project_root: Path) -> list[Path]:
    """Every file of the project, relative to it, the hidden folder and temp files left out."""
    files = []
    for folder, dirs, names in os.walk(project_root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not (here == project_root and d == HIDDEN_DIR))
        for name in sorted(names):
            if name.startswith(".") and name.endswith(".tmp"):
                continue
            path = here / name
            if path.is_file():
                files.append(path.relative_to(project_root))
    return files


def create_backup(
    project_root: str | os.PathLike[str],
    folder: str | os.PathLike[str] | None = None,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
) -> Path:
    """Zip the project into the backup folder, drop the oldest beyond ``keep``; return the zip."""
    root = Path(project_root).absolute()
    target_dir = backup_folder(root, folder)
    if os.path.commonpath([os.path.realpath(root), os.path.realpath(target_dir)]) == os.path.realpath(root):
        raise StudioError(f"{target_dir}: backups must go outside the project folder")
    target_dir.mkdir(parents=True, exist_ok=True)
    real_dir = os.path.realpath(target_dir)  # the writes below must land in this very folder
    moment = now or datetime.now()
    target = target_dir / f"{root.name}-{moment.strftime(STAMP_FORMAT)}.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in project_files(root):
            try:
                archive.write(root / relative, relative.as_posix())
            except FileNotFoundError:
                continue  # removed while we zipped: it is not part of this state any more
    atomic_write(target, buffer.getvalue(), within=real_dir, what="backup")
    rotate(root, target_dir, keep)
    return target


def list_backups(
    project_root: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None
) -> list[BackupInfo]:
    """Return the project's backups, newest first."""
    root = Path(project_root).absolute()
    target_dir = backup_folder(root, folder)
    prefix = f"{root.name}-"
    found = []
    try:
        names = os.listdir(target_dir)
    except FileNotFoundError:
        return []
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".zip")):
            continue
        try:
            moment = datetime.strptime(name[len(prefix) : -4], STAMP_FORMAT)
            size = (target_dir / name).stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(target_dir / name, moment, size))
    found.sort(key=lambda info: info.time, reverse=True)
    return found


def rotate(project_root: Path, folder: Path, keep: int) -> list[Path]:
    """Delete the oldest backups beyond the newest ``keep``; return what went."""
    doomed = [info.path for info in list_backups(project_root, folder)[max(1, keep) :]]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _members(archive: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The archive's files, refusing any name that would land outside the target folder."""
    members = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or not name.parts or ":" in name.parts[0]:
            raise StudioError(f"{archive.filename}: unsafe entry {info.filename!r}; not restored")
        members.append((info, name))
    return members


def _extract(backup: Path, target: Path) -> int:
    try:
        with zipfile.ZipFile(backup) as archive:
            members = _members(archive)
            if not any(name.as_posix() == "story.json" for _, name in members):
                raise StudioError(f"{backup.name}: not a Story Studio backup (no story.json)")
            for info, name in members:
                destination = target.joinpath(*name.parts)
                make_folder(destination.parent, target)
                atomic_write(destination, archive.read(info), within=target)
            return len(members)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
        raise StudioError(f"{backup.name}: damaged backup ({error})") from None


def restore_to_new_folder(backup: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Unpack a backup into a new (or empty) folder; return it."""
    folder = Path(target).absolute()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StudioError(f"{folder}: already exists and is not empty; choose a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    _extract(Path(backup), folder)
    return folder


def restore_over_project(
    project_root: str | os.PathLike[str],
    backup: str | os.PathLike[str],
    folder: str | os.PathLike[str] | None = None,
    keep: int = DEFAULT_KEEP,
) -> Path:
    """Back up the project as it is, then write the backup's files over it; return the safety backup.

    Files the backup does not hold are left in place (scene files among them come
    back as recovered scenes), so nothing is lost either way.
    """
    root = Path(project_root).absolute()
    source = Path(backup)
    with zipfile.ZipFile(source) if zipfile.is_zipfile(source) else _bad(source) as archive:
        _members(archive)  # check it before touching anything
    safety = create_backup(root, folder, keep=max(keep, len(list_backups(root, folder)) + 1))
    _extract(source, root)
    return safety


def _bad(path: Path) -> zipfile.ZipFile:
    raise StudioError(f"{path.name}: not a zip file or damaged; not restored")


def read_scene(backup: str | os.PathLike[str], file: str) -> str | None:
    """Return the text of ``scenes/<file>`` held in one backup (None: absent, damaged or not UTF-8)."""
    try:
        with zipfile.ZipFile(backup) as archive:
            raw = archive.read(f"{SCENES_DIR}/{file}")
    except (KeyError, OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def newest_scene_text(
    project_root: str | os.PathLike[str], file: str, folder: str | os.PathLike[str] | None = None
) -> tuple[str, BackupInfo] | None:
    """Return a scene file's text from the newest backup that holds it, with that backup (or None)."""
    for info in list_backups(project_root, folder):
        text = read_scene(info.path, file)
        if text is not None:
            return text, info
    return None
