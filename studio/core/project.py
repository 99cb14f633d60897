"""The story project: its tree of parts and scenes, its characters, and every operation on them.

Structural operations change the tree in memory and then rewrite the manifest (only
the manifest: scene files never move). Each returns what its inverse needs, so the
application's undo commands can call the operation and its inverse.
"""

from __future__ import annotations

from typing import Any

from studio.core.cast_operations import CastOperations
from studio.core.errors import ReadOnlyError
from studio.core.label_operations import LabelOperations
from studio.core.manifest import ManifestData
from studio.core.note_operations import NoteOperations
from studio.core.operations import TreeOperations
from studio.core.storage import WORDLIST_NAME


class Project(TreeOperations, CastOperations, LabelOperations, NoteOperations):
    """An open story project: the manifest's data plus the folder it lives in, and every operation."""

    def replace_structure(self, data: ManifestData) -> None:
        """Take the tree of a manifest re-read from disk; keep cached texts whose file is the same."""
        old_files = self._files_by_id()
        self.title, self.author, self.language = data.title, data.author, data.language
        self.parts, self.characters, self.trash = data.parts, data.characters, data.trash
        self.settings, self.extra = data.settings, data.extra
        self.labels, self.notes = data.labels, data.notes
        new_files = self._files_by_id()
        for scene_id in list(self._texts):
            if new_files.get(scene_id) != old_files.get(scene_id):
                self.forget_text(scene_id)
        self._scene_index = {}
        self.problems = []
        self._check_files()

    def _files_by_id(self) -> dict[str, str]:
        files = {s.id: s.file for s in self.iter_trash_scenes()}
        files.update({s.id: s.file for s in self.iter_scenes()})
        return files

    def save_word_list(self) -> None:
        """Write the project word list: one word per line, sorted.

        Words added to the file outside the app meanwhile are merged in, never lost;
        a file that is not valid UTF-8 is refused, never overwritten.
        """
        path = self.root / WORDLIST_NAME
        words = list(self.word_list)
        if path.exists() and not self.store.is_own_content(path) or str(path) in self._unreadable:
            text, clean = self.store.read_text(path)
            if not clean:
                self._unreadable.add(str(path))
                raise ReadOnlyError(f"{WORDLIST_NAME} is not valid UTF-8; not overwritten")
            self._unreadable.discard(str(path))
            words += text.splitlines()
        self.word_list = sorted({w.strip() for w in words if w.strip()})
        body = "".join(f"{w}\n" for w in self.word_list)
        self.store.write_text(path, body, force=True)

    def set_setting(self, key: str, value: Any) -> None:
        """Store one project setting (export options, spelling, ...) in the manifest."""
        with self.batch():
            self.settings[key] = value
            self._changed()

    def set_info(
        self, title: str | None = None, author: str | None = None, language: str | None = None
    ) -> None:
        """Change the project's title, author or language."""
        with self.batch():
            if title is not None:
                self.title = title
            if author is not None:
                self.author = author
            if language is not None:
                self.language = language
            self._changed()

    def mark_scene_missing(self, scene_id: str, problem: str) -> None:
        """Flag a scene whose file is gone (deleted outside the app); its text stays in memory."""
        scene = self.scene(scene_id)
        scene.missing = True
        scene.problem = problem

    def clear_scene_problem(self, scene_id: str) -> None:
        """Forget the problem noted on a scene (its file is back, or was written again)."""
        self.scene(scene_id).problem = ""

    def offer_recovered(self, names: list[str]) -> list[str]:
        """Offer scene files found outside the manifest for recovery; return those not offered yet."""
        fresh = [name for name in names if name not in self.recovered]
        self.recovered.extend(fresh)
        return fresh
