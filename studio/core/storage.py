"""The project folder on disk: loading, creating, and reading and writing its files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from studio.core.atomic import atomic_write, check_within, make_folder
from studio.core.counting import count_words
from studio.core.errors import ExternalChangeError, ManifestError, StudioError
from studio.core.manifest import MANIFEST_NAME, ManifestData, parse_manifest, serialize_manifest
from studio.core.manifest_cache import SceneJsonCache
from studio.core.nodes import Part, Scene
from studio.core.validation import (
    MAX_JSON_BYTES,
    NotPlainFileError,
    UnreadableFileError,
    loads_bounded,
    read_plain_bytes,
)

if TYPE_CHECKING:
    from studio.core.project import Project

SCENES_DIR = "scenes"
CHARACTERS_DIR = "characters"
NOTES_DIR = "notes"  # the notes files of places, things and notes
WORDLIST_NAME = "words.txt"
HIDDEN_DIR = ".studio"
CACHE_NAME = "word-counts.json"
SCENE_SUFFIXES = (".txt", ".md")


def digest(data: bytes) -> str:
    """Return a short content fingerprint used to recognise our own writes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ProjectStore:
    """Reads and writes the files of one project folder, refusing to overwrite outside changes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.manifest_path = root / MANIFEST_NAME
        self.scenes_dir = root / SCENES_DIR
        self.characters_dir = root / CHARACTERS_DIR
        self.hidden_dir = root / HIDDEN_DIR
        self.known_digests: dict[str, str | None] = {}
        # Scene file -> (size, mtime_ns) when its words were counted (or taken from the cache).
        self.counted_keys: dict[str, tuple[int, int]] = {}
        self.manifest_bytes: bytes | None = None
        # What the last manifest read repaired (a lone surrogate, an odd language code).
        self.load_problems: list[str] = []
        # False while a new project is built in a staging folder that is synced once (``sync_tree``);
        # its folders are then checked once each (``checked_folders``), not on every write.
        self.durable = True
        self.checked_folders: set[Path] = set()
        self.scene_json = SceneJsonCache()  # each scene's story.json text, re-written only when it changes

    # -- the manifest -------------------------------------------------------------
    def read_manifest(self) -> ManifestData:
        """Read and validate the manifest; remember its bytes for change detection."""
        try:
            raw = read_plain_bytes(self.manifest_path, MAX_JSON_BYTES)
        except FileNotFoundError:
            raise StudioError(f"{self.root}: not a Story Studio project (no {MANIFEST_NAME})") from None
        except OSError as error:
            raise StudioError(f"{self.manifest_path}: cannot read: {error.strerror}") from None
        problems: list[str] = []
        data = parse_manifest(raw, str(self.manifest_path), problems)
        self.load_problems = problems
        self.manifest_bytes = raw
        return data

    def write_manifest(self, data: ManifestData, force: bool = False) -> bool:
        """Write the manifest if its bytes changed; return whether anything was written."""
        payload = serialize_manifest(data, self.scene_json)
        if payload == self.manifest_bytes:
            return False
        if not force:
            current = self.current_bytes(self.manifest_path)
            if self.manifest_bytes is not None and current != self.manifest_bytes:
                raise ExternalChangeError(str(self.manifest_path))
        self.require_root()
        self.check_plain_target(self.manifest_path)
        atomic_write(self.manifest_path, payload, within=self.root, sync=self.durable)
        self.manifest_bytes = payload
        return True

    # -- text files -----------------------------------------------------------------
    def scene_path(self, scene: Scene) -> Path:
        """Return the path of a scene's text file."""
        return self.scenes_dir / scene.file

    def character_path(self, file: str) -> Path:
        """Return the path of a character's notes file."""
        return self.characters_dir / file

    def read_text(self, path: Path) -> tuple[str, bool]:
        """Read a UTF-8 file; return its text and whether it decoded cleanly.

        A file that is not valid UTF-8 is returned decoded with replacement
        characters and ``False``, so the caller can open it read-only. A FIFO, socket,
        device or folder is refused (``NotPlainFileError``) without being opened.
        """
        try:
            raw = read_plain_bytes(path)
        except FileNotFoundError:
            raise
        except OSError as error:
            raise UnreadableFileError(f"{path}: cannot read: {error.strerror}") from None
        self.known_digests[str(path)] = digest(raw)
        try:
            return raw.decode("utf-8"), True
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace"), False

    def peek_text(self, path: Path) -> str | None:
        """Read a scene or notes file for a scan, from any thread; None if it cannot be read safely.

        Like ``read_text`` a FIFO, socket, device or folder is never opened (it would block), and a
        link leading outside the project is refused; unlike it, nothing is recorded, so a scan never
        makes an outside change look like the app's own.
        """
        try:
            if os.path.islink(path):
                self.check_inside(path, path.name)
            return read_plain_bytes(path).decode("utf-8", errors="replace")
        except (OSError, StudioError):
            return None

    def write_text(self, path: Path, text: str, force: bool = False) -> bool:
        """Write text atomically unless the file changed on disk since we knew it.

        Returns whether anything was written (identical content is skipped).
        """
        payload = text.encode("utf-8")
        key = str(path)
        new_digest = digest(payload)
        if not self.durable and key not in self.known_digests and path.parent in self.checked_folders:
            # A new file of a staging folder (an import): created exclusively, so nothing that
            # stands there, a file, a link or a FIFO, is ever opened or overwritten; if anything
            # does, the checks below say what it is.
            try:
                with open(path, "xb") as handle:
                    handle.write(payload)
            except FileExistsError:
                pass
            else:
                self.known_digests[key] = new_digest
                return True
        current = self.current_bytes(path)
        current_digest = digest(current) if current is not None else None
        if current_digest == new_digest:
            self.known_digests[key] = new_digest
            return False
        # A file changed on disk is never overwritten; one deleted on disk may be written again
        # (the app holds its text: the vanished-files bar decides what may be written back).
        if (
            not force
            and current is not None
            and key in self.known_digests
            and current_digest != self.known_digests[key]
        ):
            raise ExternalChangeError(str(path))
        self.require_root()
        self.check_plain_target(path)
        if path.parent not in self.checked_folders:
            make_folder(path.parent, self.root)
            if not self.durable:
                self.checked_folders.add(path.parent)
        if self.durable:
            atomic_write(path, payload, within=self.root)
        else:  # a staging folder no one sees until it is synced and renamed whole: no temp file each
            with open(path, "wb") as handle:
                handle.write(payload)
        self.known_digests[key] = new_digest
        return True

    def current_bytes(self, path: Path) -> bytes | None:
        """Return a file's bytes, or None when it is absent or not a plain file (never opened then)."""
        try:
            return read_plain_bytes(path)
        except (FileNotFoundError, NotPlainFileError):
            return None

    def check_plain_target(self, path: Path) -> None:
        """Refuse to write over a folder, FIFO, socket or device standing where a file belongs."""
        try:
            info = os.stat(path)
        except OSError:
            return  # absent (or a dangling link): the rename puts a file there
        if not stat.S_ISREG(info.st_mode):
            raise NotPlainFileError(f"{path}: not a plain file; not overwritten")

    def unchanged_since_counted(self, file: str, path: Path) -> bool:
        """Tell whether a scene file still has the size and time it had when its words were counted."""
        key = self.counted_keys.get(file)
        if key is None:
            return False
        try:
            info = os.stat(path)
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == key

    def is_own_content(self, path: Path) -> bool:
        """Tell whether the file on disk holds exactly what the app last read or wrote."""
        try:
            current = digest(read_plain_bytes(path))
        except (OSError, StudioError):
            current = None
        return self.known_digests.get(str(path), "unknown") == current

    def require_root(self) -> None:
        """Refuse to write when the project folder itself is gone (moved or deleted meanwhile)."""
        if not self.root.is_dir():
            raise StudioError(f"{self.root}: the project folder is gone (moved or deleted?); nothing written")

    def changed_on_disk(self, path: Path) -> bool:
        """Whether a file the app knows was changed by someone else since (a missing file is not)."""
        known = self.known_digests.get(str(path))
        if known is None:
            return False
        current = self.current_bytes(path)
        return current is not None and digest(current) != known

    def remove_file(self, path: Path) -> None:
        """Delete a file the app owns (used when a scene is removed for good); never one changed outside."""
        check_within(path.parent, self.root)
        if self.changed_on_disk(path):
            return  # someone else's words now: the file stays and is offered back as a recovered scene
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        self.known_digests.pop(str(path), None)

    def remove_files(self, paths: Iterable[Path]) -> None:
        """Delete several files the app owns."""
        for path in paths:
            self.remove_file(path)

    def restore_file(self, path: Path, payload: bytes | None) -> None:
        """Put a file back as it was before a failed change (``None``: it did not exist)."""
        if payload is None:
            self.remove_file(path)
            return
        atomic_write(path, payload, within=self.root)
        self.known_digests[str(path)] = digest(payload)

    # -- the hidden folder ----------------------------------------------------------
    def ensure_hidden_dir(self) -> Path:
        """Create the hidden folder (with a .gitignore that ignores it all) and return it."""
        self.make_folder(self.hidden_dir)
        ignore = self.hidden_dir / ".gitignore"
        if not os.path.lexists(ignore):
            atomic_write(ignore, "*\n", within=self.root)
        return self.hidden_dir

    def make_folder(self, folder: Path) -> None:
        """Create a folder of the project, refusing one that leads outside or is not a folder."""
        if folder in self.checked_folders:
            return
        try:
            make_folder(folder, self.root)
        except FileExistsError:
            raise NotPlainFileError(f"{folder}: not a folder") from None
        except OSError as error:  # a parent that is a file, no permission
            raise StudioError(f"{folder}: cannot create: {error.strerror}") from None

    def check_inside(self, path: Path, entry: str) -> None:
        """Refuse a file whose real location (after links) is outside the project folder."""
        real_root = os.path.realpath(self.root)
        real = os.path.realpath(path)
        if os.path.commonpath([real_root, real]) != real_root:
            raise ManifestError(
                f"{self.manifest_path}: {entry}: {path.name} leads outside the project folder"
            )


def count_scene_words(
    store: ProjectStore, parts: list[Part], trash_scenes: list[Scene], write_cache: bool = True
) -> bool:
    """Fill in each scene's word count and flags, using the cache where files are unchanged.

    Returns whether the cache needed updating.
    """
    cache_path = store.hidden_dir / CACHE_NAME
    cache = read_count_cache(cache_path)
    fresh: dict[str, list[int]] = {}
    store.check_inside(store.scenes_dir, "scenes folder")
    scenes = [s for p in parts for s in p.scenes] + trash_scenes
    folder = os.fspath(store.scenes_dir) + os.sep  # plain strings: a Path per scene costs more than its stat
    for scene in scenes:
        name = folder + scene.file
        try:
            info = os.lstat(name)
            if stat.S_ISLNK(info.st_mode):
                store.check_inside(Path(name), f"scene {scene.id}")
                info = os.stat(name)
        except FileNotFoundError:
            scene.missing = True
            scene.words = 0
            scene.problem = f"{SCENES_DIR}/{scene.file} is missing; the scene is kept, empty"
            continue
        except OSError as error:  # a link loop, or scenes/ is not a folder
            _unreadable_scene(scene, f"cannot be read ({error.strerror})")
            continue
        if not stat.S_ISREG(info.st_mode):
            _unreadable_scene(scene, "is not a plain file")
            continue
        key = scene.file
        store.counted_keys[key] = (info.st_size, info.st_mtime_ns)
        entry = cache.get(key)
        if entry is not None and entry[:2] == [info.st_size, info.st_mtime_ns]:
            scene.words = max(entry[2], 0)
            if entry[2] < 0:
                scene.read_only = True
                scene.problem = f"{SCENES_DIR}/{scene.file} is not valid UTF-8; opened read-only"
            fresh[key] = entry
            continue
        try:
            text, clean = store.read_text(store.scene_path(scene))
        except (OSError, StudioError) as error:  # no permission, or swapped for a FIFO meanwhile
            _unreadable_scene(scene, f"cannot be read ({getattr(error, 'strerror', None) or error})")
            continue
        scene.words = count_words(text)
        if not clean:
            scene.read_only = True
            scene.problem = f"{SCENES_DIR}/{scene.file} is not valid UTF-8; opened read-only"
        fresh[key] = [info.st_size, info.st_mtime_ns, scene.words if clean else -1]
    if fresh != cache and write_cache:
        try:
            store.ensure_hidden_dir()
            atomic_write(cache_path, json.dumps(fresh, sort_keys=True), within=store.root)
        except (OSError, StudioError):
            pass  # a read-only folder still opens; the cache is only a speed-up
        return True
    return False


def save_word_counts(store: ProjectStore, parts: list[Part]) -> None:
    """Write the word-count cache from the counts held in memory (a new project opens without re-reading)."""
    counts = {}
    for part in parts:
        for scene in part.scenes:
            info = os.lstat(store.scene_path(scene))
            counts[scene.file] = [info.st_size, info.st_mtime_ns, scene.words]
    store.ensure_hidden_dir()
    atomic_write(
        store.hidden_dir / CACHE_NAME,
        json.dumps(counts, sort_keys=True),
        within=store.root,
        sync=store.durable,
    )


def _unreadable_scene(scene: Scene, why: str) -> None:
    """Keep a scene whose file cannot be read: empty, flagged and read-only."""
    scene.missing = True
    scene.read_only = True
    scene.words = 0
    scene.problem = f"{SCENES_DIR}/{scene.file} {why}; the scene is kept, read-only"


def read_count_cache(path: Path) -> dict[str, list[int]]:
    """Return the word-count cache's valid entries (file → size, mtime, words); damage is ignored."""
    try:
        cache = loads_bounded(read_plain_bytes(path, MAX_JSON_BYTES).decode("utf-8"))
    except (OSError, ValueError, StudioError):
        return {}
    if not isinstance(cache, dict):
        return {}
    return {
        key: entry
        for key, entry in cache.items()
        if isinstance(entry, list) and len(entry) == 3 and all(type(number) is int for number in entry)
    }


def find_unlisted_scene_files(store: ProjectStore, listed: set[str]) -> list[str]:
    """Return scene files on disk that no scene (nor trash item) lists, sorted."""
    try:
        names = os.listdir(store.scenes_dir)
    except OSError:  # absent, or not a folder
        return []
    folded = {name.casefold() for name in listed}
    return sorted(
        n
        for n in names
        if not n.startswith(".")
        and n.isprintable()  # a name in bytes that are not UTF-8 cannot be shown, nor listed
        and n.endswith(SCENE_SUFFIXES)
        and n.casefold() not in folded
        and (store.scenes_dir / n).is_file()
    )


def _clean_after_killed_runs(root: Path) -> None:
    """Best effort at open: temp files and half-made imports a killed run left; never fatal."""
    if any((root / name).is_symlink() for name in (HIDDEN_DIR, SCENES_DIR)):
        return  # a folder that may lead outside: the store refuses it when used; remove nothing here
    with contextlib.suppress(OSError, StudioError):
        import_cleanup.clean_project(root, older_than=60)


def load_project(root: str | os.PathLike[str], read_only: bool = False) -> Project:
    """Open the project folder at ``root``; raise ``StudioError`` with a one-line reason."""
    from studio.core.project import Project

    path = Path(root).expanduser().absolute()
    if not path.is_dir():
        raise StudioError(f"{path}: no such project folder")
    if not read_only:
        _clean_after_killed_runs(path)
    store = ProjectStore(path)
    data = store.read_manifest()
    return Project(store, data, read_only=read_only)


def create_project(
    root: str | os.PathLike[str], title: str, author: str = "", language: str = "en"
) -> Project:
    """Create a new project folder with one empty part holding one empty scene."""
    from studio.core.project import Project

    path = Path(root).expanduser().absolute()
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise StudioError(f"{path}: already exists and is not an empty folder")
    if not title.strip():
        raise StudioError("a project needs a title")
    path.mkdir(parents=True, exist_ok=True)
    store = ProjectStore(path)
    store.scenes_dir.mkdir()
    store.characters_dir.mkdir()
    store.ensure_hidden_dir()
    data = ManifestData(title=title.strip(), author=author.strip(), language=language)
    project = Project(store, data, fresh=True)
    part = project.add_part("Part One")
    project.add_scene(part.id, title="Scene 1")
    project.save_word_list()
    project.save()
    return project


# Last, after every name the clean-up reads from this module is defined (it imports storage).
from studio.core.importing import cleanup as import_cleanup  # noqa: E402
