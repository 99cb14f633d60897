"""Typography as you type: curly quotes, em dashes and ellipses, each its own undo step.

A project setting (``typography`` in ``story.json``); until it is set, it follows the text
already written: a project with curly quotes in it gets them as you type. The replacement
is made after Qt has inserted the typed character, in an edit block of its own, so one
Ctrl+Z right after it brings back just what was typed (``"`` instead of ``“``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor

from studio.core.errors import StudioError
from studio.core.typography import typed_replacement, uses_curly_quotes

if TYPE_CHECKING:
    from studio.gui.editor.editor import SceneEditor

SETTING = "typography"
SAMPLED_SCENES = 12  # files read at most to decide the default
COMMAND_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class TypographyInput:
    """Applies ``core.typography.typed_replacement`` after each typed character of an editor."""

    def __init__(self, editor: SceneEditor) -> None:
        self.editor = editor
        self._default: dict[int, bool] = {}  # per project object: what the text already uses

    def enabled(self) -> bool:
        """Whether typography as you type is on for the editor's project."""
        project = self.editor.session.project
        value = project.settings.get(SETTING)
        if isinstance(value, bool):
            return value
        key = id(project)
        if key not in self._default:
            self._default = {key: self._project_uses_curly()}
        return self._default[key]

    def _project_uses_curly(self) -> bool:
        """Look at the scene being written, the texts already read, and at most a few more files.

        (Reading every scene of a 1,000-scene project on the first quote typed took 260 ms.)
        """
        project = self.editor.session.project
        texts = [self.editor.scene_text()]
        unread = []
        for scene in project.iter_scenes():
            cached = project.cached_text(scene.id)
            if cached is not None:
                texts.append(cached)
            else:
                unread.append(scene.id)
        for scene_id in unread[:SAMPLED_SCENES]:
            try:
                texts.append(project.scene_text(scene_id))
            except (StudioError, OSError):
                continue
        return uses_curly_quotes(texts)

    def set_enabled(self, on: bool) -> None:
        """Turn typography as you type on or off for the project (kept in ``story.json``)."""
        project = self.editor.session.project
        try:
            project.set_setting(SETTING, on)
        except (StudioError, OSError):
            project.settings[SETTING] = on  # read-only: for this session only

    def after_key(self, event: QKeyEvent) -> bool:
        """Replace what the key just typed, if typography wants to; return whether it did."""
        typed = event.text()
        editor = self.editor
        if len(typed) != 1 or event.modifiers() & COMMAND_KEYS or editor.isReadOnly():
            return False
        cursor = editor.textCursor()
        if cursor.hasSelection():
            return False
        block, column = cursor.block(), cursor.positionInBlock()
        line = block.text()
        if line[column - 1 : column] != typed:
            return False
        replacement = typed_replacement(line, column)
        if replacement is None or line[replacement.start : replacement.end] == replacement.text:
            return False
        if not self.enabled():  # asked last: the first time, it reads the project's text
            return False
        edit = QTextCursor(cursor)  # an edit block starts where undo puts the caret back
        edit.beginEditBlock()
        edit.setPosition(block.position() + replacement.start)
        edit.setPosition(block.position() + replacement.end, QTextCursor.MoveMode.KeepAnchor)
        edit.insertText(replacement.text)
        edit.endEditBlock()
        return True
