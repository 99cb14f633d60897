"""The state of an open project and its one change protocol: queries, scene texts, transactions.

``ProjectState`` holds the manifest's data, the folder, the cached texts and the
``batch()`` transaction every operation runs in; ``TreeOperations`` and
``CastOperations`` build on it and ``Project`` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from studio.core.counting import count_words
from studio.core.errors import NodeNotFoundError, ReadOnlyError, StudioError
from studio.core.manifest import ManifestData
from studio.core.naming import new_id, slugify
from studio.core.nodes import Character, Label, Note, Part, Scene, ScenePosition, TrashItem
from studio.core.storage import (
    SCENES_DIR,
    WORDLIST_NAME,
    ProjectStore,
    count_scene_words,
    find_unlisted_scene_files,
)
from studio.core.validation import NotPlainFileError, UnreadableFileError


@dataclass
class _Captured:
    """The project's state in memory before a change, to put back if the change fails."""

    lists: tuple[list[Part], list[Character], list[TrashItem], list[str]]
    scenes: dict[int, tuple[Part, list[Scene]]]
    nodes: list[Part | Scene | Character | Label | Note]
    fields: list[dict[str, Any]]  # each node's fields (``vars``), in the order of ``nodes``
    bible: tuple[list[Label], list[Note]]
    info: tuple[str, str, str, dict[str, Any]]
    texts: dict[str, str]


class ProjectState(ManifestData):
    """An open project's data, folder, cached texts and change transaction (no operations)."""

    def __init__(self, store: ProjectStore, data: ManifestData, read_only: bool = False, fresh: bool = False):
        super().__init__(
            title=data.title,
            author=data.author,
            language=data.language,
            parts=data.parts,
            characters=data.characters,
            trash=data.trash,
            settings=data.settings,
            extra=data.extra,
            labels=data.labels,
            notes=data.notes,
        )
        self.store = store
        self.read_only = read_only
        self.problems: list[str] = []
        self.recovered: list[str] = []
        self._texts: dict[str, str] = {}
        self._scene_index: dict[str, tuple[Part, Scene]] = {}  # checked on every use; see ``scene``
        self._part_index: dict[str, Part] = {}  # likewise; see ``part``
        self._batch_depth = 0
        self._dirty = False
        self._journal: list[tuple[Path, bytes | None]] = []
        self._on_commit: list[Callable[[], None]] = []
        self.word_list: list[str] = []
        self._unreadable: set[str] = set()
        # Called as hook(scene_id, reason) before split, merge or replace-all changes a scene's
        # text (the safety feature takes a snapshot there); see ``announce_text_change``.
        self.before_text_change: list[Callable[[str, str], None]] = []
        if not fresh:
            self._check_files()

    # -- loading --------------------------------------------------------------------
    @property
    def root(self) -> Path:
        """The project folder."""
        return self.store.root

    def _check_files(self) -> None:
        self.problems.extend(self.store.load_problems)
        trash_scenes = [s for s in self.iter_trash_scenes()]
        count_scene_words(self.store, self.parts, trash_scenes, write_cache=not self.read_only)
        for scene in self.iter_scenes():
            if scene.problem:
                self.problems.append(f"scene {scene.title or scene.id!r}: {scene.problem}")
        listed = {s.file for s in self.iter_scenes()} | {s.file for s in trash_scenes}
        self.recovered = find_unlisted_scene_files(self.store, listed)
        for name in self.recovered:
            self.problems.append(f"{SCENES_DIR}/{name} is not in the manifest: offered as a recovered scene")
        for character in self.characters:
            self.store.check_inside(self.store.character_path(character.file), f"character {character.id}")
        self.word_list = self._read_word_list()

    def _read_word_list(self) -> list[str]:
        path = self.root / WORDLIST_NAME
        try:
            text, clean = self.store.read_text(path)
        except FileNotFoundError:
            return []
        except NotPlainFileError:
            self._unreadable.add(str(path))
            self.problems.append(f"{WORDLIST_NAME} is not a plain file; ignored and never overwritten")
            return []
        except UnreadableFileError:  # a link loop, no permission
            self._unreadable.add(str(path))
            self.problems.append(f"{WORDLIST_NAME} cannot be read; ignored and never overwritten")
            return []
        if not clean:
            self._unreadable.add(str(path))
            self.problems.append(f"{WORDLIST_NAME} is not valid UTF-8; ignored and never overwritten")
            return []
        return sorted({w.strip() for w in text.splitlines() if w.strip()})

    # -- queries --------------------------------------------------------------------
    def iter_scenes(self) -> Iterator[Scene]:
        """Every scene of the manuscript (not the trash), in manuscript order."""
        for part in self.parts:
            yield from part.scenes

    def iter_trash_scenes(self) -> Iterator[Scene]:
        """Every scene in the trash, including those of trashed parts."""
        for item in self.trash:
            if isinstance(item.node, Scene):
                yield item.node
            elif isinstance(item.node, Part):
                yield from item.node.scenes

    @property
    def words(self) -> int:
        """Total words of the manuscript (the trash not counted)."""
        return sum(part.words for part in self.parts)

    def part(self, part_id: str) -> Part:
        """Return the part with this id."""
        found = self._part_index.get(part_id)  # trusted while it is still in the manuscript, same id
        if found is not None and found.id == part_id and found in self.parts:
            return found
        for part in self.parts:
            if part.id == part_id:
                self._part_index[part_id] = part
                return part
        raise NodeNotFoundError(f"no part with id {part_id!r}")

    def locate(self, scene_id: str) -> ScenePosition:
        """Return where the scene with this id stands in the manuscript."""
        with suppress(NodeNotFoundError):
            self.scene(scene_id)  # the index, checked or rebuilt: then the position is found in C
        found = self._scene_index.get(scene_id)
        if found is not None and found[0] in self.parts and found[1] in found[0].scenes:
            return ScenePosition(scene_id, found[0].id, found[0].scenes.index(found[1]))
        for part in self.parts:
            for index, scene in enumerate(part.scenes):
                if scene.id == scene_id:
                    return ScenePosition(scene_id, part.id, index)
        raise NodeNotFoundError(f"no scene with id {scene_id!r} in the manuscript")

    def scene(self, scene_id: str) -> Scene:
        """Return the scene with this id (manuscript or trash)."""
        # An index of the manuscript, trusted only while the scene is still in its part and
        # the part still in the manuscript (identity checks in C); rebuilt on a miss.
        found = self._scene_index.get(scene_id)
        if found is not None and found[0] in self.parts and found[1] in found[0].scenes:
            return found[1]
        self._scene_index = {scene.id: (part, scene) for part in self.parts for scene in part.scenes}
        if scene_id in self._scene_index:
            return self._scene_index[scene_id][1]
        for scene in self.iter_trash_scenes():
            if scene.id == scene_id:
                return scene
        raise NodeNotFoundError(f"no scene with id {scene_id!r}")

    def part_of(self, scene_id: str) -> Part:
        """Return the part holding the scene."""
        return self.part(self.locate(scene_id).part_id)

    def character(self, character_id: str) -> Character:
        """Return the character with this id."""
        for character in self.characters:
            if character.id == character_id:
                return character
        raise NodeNotFoundError(f"no character with id {character_id!r}")

    def all_ids(self) -> set[str]:
        """Every id in use, trash included."""
        ids = (
            {p.id for p in self.parts} | {s.id for s in self.iter_scenes()} | {c.id for c in self.characters}
        )
        ids.update(label.id for label in self.labels)
        ids.update(note.id for note in self.notes)
        for item in self.trash:
            ids.add(item.node.id)
            if isinstance(item.node, Part):
                ids.update(s.id for s in item.node.scenes)
        return ids

    def _fresh_id(self, prefix: str) -> str:
        used = self.all_ids()
        while True:
            candidate = new_id(prefix)
            if candidate not in used:
                return candidate

    def _fresh_file(self, title: str, folder: Path, fallback: str, taken: Iterable[str]) -> str:
        used = {name.casefold() for name in taken}
        stem = slugify(title, fallback)
        candidate, number = f"{stem}.txt", 1
        while candidate.casefold() in used or (folder / candidate).exists():
            number += 1
            candidate = f"{stem}-{number}.txt"
        return candidate

    # -- scene text -----------------------------------------------------------------
    def scene_text(self, scene_id: str) -> str:
        """Return a scene's text, reading its file the first time."""
        if scene_id in self._texts:
            return self._texts[scene_id]
        scene = self.scene(scene_id)
        path = self.store.scene_path(scene)
        try:
            text, clean = self.store.read_text(path)
            scene.missing = False
        except FileNotFoundError:
            text, clean = "", True
            scene.missing = True
        except OSError as error:  # a folder, or no permission: say so, never a traceback
            raise StudioError(f"{SCENES_DIR}/{scene.file}: cannot read: {error.strerror}") from None
        if not clean:
            scene.read_only = True
            scene.problem = f"{SCENES_DIR}/{scene.file} is not valid UTF-8; opened read-only"
        if not (clean and self.store.unchanged_since_counted(scene.file, path)):
            scene.words = count_words(text)
        self._texts[scene_id] = text
        return text

    def set_scene_text(self, scene_id: str, text: str, force: bool = False) -> bool:
        """Save a scene's text to its file atomically; return whether anything was written.

        Refused for a read-only scene, and (unless ``force``) when the file changed on disk.
        """
        scene = self.scene(scene_id)
        if self.read_only or scene.read_only:
            raise ReadOnlyError(f"{SCENES_DIR}/{scene.file} is open read-only; not saved")
        self.scene_text(scene_id)  # make sure we know what is on disk before overwriting
        written = self._write_file(self.store.scene_path(scene), text, force=force)
        self._texts[scene_id] = text
        scene.words = count_words(text)
        scene.missing = False
        return written

    def announce_text_change(self, scene_id: str, reason: str) -> None:
        """Tell the ``before_text_change`` hooks that a scene's text is about to be replaced."""
        for hook in list(self.before_text_change):
            hook(scene_id, reason)

    def cached_text(self, scene_id: str) -> str | None:
        """The scene's text as last read or written by the app, or None if never read."""
        return self._texts.get(scene_id)

    def forget_text(self, scene_id: str) -> None:
        """Drop a scene's cached text so the next read comes from disk."""
        self._texts.pop(scene_id, None)

    # -- saving ---------------------------------------------------------------------
    def save(self, force: bool = False) -> bool:
        """Write the manifest if it changed; return whether anything was written."""
        if self.read_only:
            raise ReadOnlyError(f"{self.root.name} is open read-only; not saved")
        self._dirty = False
        return self.store.write_manifest(self, force=force)

    def _changed(self) -> None:
        if self._batch_depth:
            self._dirty = True
        else:
            self.save()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group operations into one change: the manifest is written once, at the end.

        Memory and disk change together or not at all: if anything inside fails, or the
        manifest cannot be written, the tree, the cached texts and every file written
        inside go back to what they were, and the error is raised.
        """
        if self._batch_depth:
            self._batch_depth += 1
            try:
                yield
            finally:
                self._batch_depth -= 1
            return
        before = self._capture()
        self._journal, self._on_commit, self._batch_depth = [], [], 1
        try:
            yield
            self._batch_depth = 0
            if self._dirty:
                self.save()
        except BaseException:
            self._batch_depth = 0
            self._rollback(before)
            raise
        finally:
            self._batch_depth, self._dirty = 0, False
            journal, self._journal = self._journal, []
            on_commit, self._on_commit = self._on_commit, []
        del journal
        for action in on_commit:
            action()

    def _capture(self) -> _Captured:
        """What ``_rollback`` needs to put memory back: lists, node fields, caches."""
        nodes: list[Part | Scene | Character | Label | Note] = [
            *self.parts,
            *self.characters,
            *self.labels,
            *self.notes,
        ]
        nodes.extend(chain.from_iterable(part.scenes for part in self.parts))
        trashed_parts = [item.node for item in self.trash if isinstance(item.node, Part)]
        nodes.extend(item.node for item in self.trash)
        nodes.extend(chain.from_iterable(part.scenes for part in trashed_parts))
        return _Captured(
            lists=(list(self.parts), list(self.characters), list(self.trash), list(self.recovered)),
            scenes={id(p): (p, list(p.scenes)) for p in (*self.parts, *trashed_parts)},
            nodes=nodes,
            fields=list(map(dict.copy, map(vars, nodes))),  # in C: 10,000 scenes are copied at every change
            info=(self.title, self.author, self.language, dict(self.settings)),
            texts=dict(self._texts),
            bible=(list(self.labels), list(self.notes)),
        )

    def _rollback(self, before: _Captured) -> None:
        for path, payload in reversed(self._journal):
            with suppress(OSError):  # best effort: the manifest never pointed at the new state
                self.store.restore_file(path, payload)
        parts, characters, trash, recovered = before.lists
        self.parts, self.characters, self.trash, self.recovered = (
            list(parts),
            list(characters),
            list(trash),
            list(recovered),
        )
        for node, values in zip(before.nodes, before.fields, strict=True):
            vars(node).clear()
            vars(node).update(values)
        for part, scenes in before.scenes.values():  # after the fields: they share the list object
            part.scenes = scenes
        self.title, self.author, self.language, self.settings = before.info
        self.labels, self.notes = list(before.bible[0]), list(before.bible[1])
        self._texts = before.texts
        self._scene_index = {}

    def _write_file(self, path: Path, text: str, force: bool = False) -> bool:
        """Write a project file through the store, journalled so a failed change can put it back."""
        self.store.check_plain_target(path)  # before the journal: a FIFO is never read nor removed
        if self._batch_depth:
            self._journal.append((path, self.store.current_bytes(path)))
        return self.store.write_text(path, text, force=force)

    def _after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` (a file removal) once the change is on disk; at once outside a batch."""
        if self._batch_depth:
            self._on_commit.append(action)
        else:
            action()

    @staticmethod
    def count(text: str) -> int:
        """Count words the one way the app counts them."""
        return count_words(text)

    @staticmethod
    def now() -> str:
        """The current time as an ISO 8601 string (UTC, seconds)."""
        return datetime.now(UTC).replace(microsecond=0).isoformat()

    def _guard(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.root.name} is open read-only")
