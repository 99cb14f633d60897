"""The outline table: one row per scene, a column per field, sortable, some fields editable.

Status, POV and synopsis edits push ``SetSceneFieldsCommand``, labels ``SetSceneLabelsCommand``
and the story date ``SetStoryTimeCommand``: each is one undo step. ``SORT_ROLE`` gives every
column a plain value Qt compares quickly (the part column sorts in manuscript order).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt

from studio.app import commands
from studio.app.changes import OutlineChange
from studio.app.commands.labels import SetSceneLabelsCommand, SetStoryTimeCommand
from studio.app.session import ProjectSession
from studio.core.nodes import Scene
from studio.core.story_time import story_time_key, story_time_problem
from studio.models.label_look import label_chips
from studio.models.outline_style import status_icon
from studio.models.story_rows_model import SORT_ROLE, AnyIndex, StoryRowsModel

# (key, title) of each column, in order; keys are what the settings remember.
COLUMNS = (
    ("part", "Part"),
    ("title", "Title"),
    ("status", "Status"),
    ("pov", "POV"),
    ("synopsis", "Synopsis"),
    ("words", "Words"),
    ("target", "Target"),
    ("labels", "Labels"),
    ("characters", "Characters"),
    ("places", "Places & Things"),
    ("story_time", "Story Date"),
    ("edited", "Last Edited"),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
COLUMN = {key: number for number, key in enumerate(COLUMN_KEYS)}
EDITABLE = frozenset({"status", "pov", "synopsis", "labels", "story_time"})
NUMBERS = frozenset({"words", "target"})
DISPLAY, EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
TOOLTIP, ALIGNMENT = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.TextAlignmentRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
CHIPS_ROLE = int(Qt.ItemDataRole.UserRole) + 55  # [(label name, colour)] in the labels column
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NO_TIME_RANK = 10**9  # scenes with no story time sort after every dated or labelled one

# Who (or what) is mentioned in a scene: scene id -> names (empty until a scan says).
Presence = Callable[[str], list[str]]


class SceneTableModel(StoryRowsModel):
    """One row per scene of the manuscript, in manuscript order (a proxy sorts them)."""

    headers = tuple(title for _key, title in COLUMNS)

    def __init__(
        self,
        session: ProjectSession,
        presence: Presence | None = None,
        parent: QObject | None = None,
        places: Presence | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.presence = presence
        self.places = places
        self._edited: dict[str, float] = {}
        self._time_ranks: dict[str, int] | None = None
        session.scene_text_saved.connect(self._forget_edited)
        session.scene_text_replaced.connect(self._forget_edited)

    # -- values ------------------------------------------------------------------------
    def value(self, scene: Scene, key: str) -> Any:
        """The plain value of a field (what the cell shows, and what CSV writes)."""
        if key == "part":
            return self._nodes[self.part_id_of(scene.id)].title
        if key in ("title", "status", "pov", "synopsis", "words", "target", "story_time"):
            return getattr(scene, key)
        if key == "labels":
            return ", ".join(name for name, _colour in label_chips(self.project.labels, scene.labels))
        if key == "characters":
            return ", ".join(self.presence(scene.id)) if self.presence else ""
        if key == "places":
            return ", ".join(self.places(scene.id)) if self.places else ""
        stamp = self.edited_at(scene)
        return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M") if stamp else ""

    def edited_at(self, scene: Scene) -> float:
        """When the scene's file was last written (0 when it cannot be read)."""
        if scene.id not in self._edited:
            try:
                self._edited[scene.id] = os.stat(self.project.store.scene_path(scene)).st_mtime
            except OSError:
                self._edited[scene.id] = 0.0
        return self._edited[scene.id]

    def _forget_edited(self, scene_id: str) -> None:
        self._edited.pop(scene_id, None)
        self.refresh_ids([scene_id])

    def _sort_value(self, scene: Scene, key: str) -> Any:
        if key == "part":
            return self.row_of(scene.id)  # manuscript order
        if key in NUMBERS:
            return getattr(scene, key)
        if key == "edited":
            return self.edited_at(scene)
        if key == "story_time":
            return self._story_rank(scene.id)
        return str(self.value(scene, key)).casefold()

    def _story_rank(self, scene_id: str) -> int:
        if self._time_ranks is None:
            keyed = [
                (story_time_key(s.story_time, s.story_order), self.row_of(s.id), s.id)
                for s in (self._nodes[i] for i in self.scene_ids())
                if isinstance(s, Scene) and s.story_time
            ]
            self._time_ranks = {sid: rank for rank, (_key, _row, sid) in enumerate(sorted(keyed))}
        return self._time_ranks.get(scene_id, NO_TIME_RANK)

    # -- Qt model API ------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override: the field of the column, its sort value, chips for labels."""
        scene = self.node_at(index.row()) if index.isValid() else None
        if not isinstance(scene, Scene):
            return None
        key = COLUMN_KEYS[index.column()]
        if role == DISPLAY:
            value = self.value(scene, key)
            if key in NUMBERS:
                return f"{value:,}" if value or key == "words" else ""
            return value
        if role == EDIT:
            return list(scene.labels) if key == "labels" else self.value(scene, key)
        if role == SORT_ROLE:
            return self._sort_value(scene, key)
        if role == CHIPS_ROLE and key == "labels":
            return label_chips(self.project.labels, scene.labels)
        if role == ALIGNMENT and key in NUMBERS:
            return RIGHT
        if role == DECORATION and key == "status":
            return status_icon(scene.status)
        if role == TOOLTIP and key in ("synopsis", "characters", "places", "labels"):
            return str(self.value(scene, key)) or None
        return self.common_data(scene, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Qt override: every cell selectable; status, POV, synopsis, labels and story date editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if COLUMN_KEYS[index.column()] in EDITABLE and not self.session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt override: an edit is one undoable command; nothing changes directly."""
        scene = self.node_at(index.row()) if index.isValid() else None
        key = COLUMN_KEYS[index.column()] if index.isValid() else ""
        if not isinstance(scene, Scene) or role != EDIT or key not in EDITABLE or self.session.read_only:
            return False
        command = self._edit_command(scene, key, value)
        if command is None:
            return False
        self.session.push(command)
        return not command.error

    def _edit_command(self, scene: Scene, key: str, value: object) -> commands.ProjectCommand | None:
        if key == "labels":
            known = {label.id for label in self.project.labels}
            values = [str(i) for i in value] if isinstance(value, list | tuple) else []
            ids = [i for i in values if i in known or i in scene.labels]  # undefined ids kept on load stay
            return SetSceneLabelsCommand(self.session, {scene.id: ids}) if ids != scene.labels else None
        text = str(value if value is not None else "")
        if key == "story_time":
            if text.strip() == scene.story_time or story_time_problem(text, scene.story_order):
                return None
            return SetStoryTimeCommand(self.session, scene.id, text, scene.story_order)
        text = text if key == "synopsis" else text.strip()
        if text == getattr(scene, key):
            return None
        return commands.SetSceneFieldsCommand(self.session, scene.id, **{key: text})

    def edit_problem(self, index: AnyIndex, value: object) -> str:
        """Why an edit would be refused ("" when it would not): a story date that is no date."""
        scene = self.node_at(index.row()) if index.isValid() else None
        if isinstance(scene, Scene) and COLUMN_KEYS[index.column()] == "story_time":
            return story_time_problem(str(value), scene.story_order)
        return ""

    # -- following -------------------------------------------------------------------------
    def scene_touched(self, scene_id: str) -> None:
        """A scene's fields changed: story-time ranks may have moved too."""
        self._time_ranks = None
        super().scene_touched(scene_id)

    def rows_followed(self, change: OutlineChange) -> None:
        """Rows moved or came and went: ranks and file times are looked up again."""
        self._time_ranks = None
        self._edited.clear()

    def presence_changed(self) -> None:
        """The characters mentioned per scene were counted again."""
        self.refresh_column(COLUMN["characters"])

    def places_changed(self) -> None:
        """The places and things mentioned per scene were counted again."""
        self.refresh_column(COLUMN["places"])

    def scene_at(self, row: int) -> Scene | None:
        """The scene of a row."""
        node = self.node_at(row)
        return node if isinstance(node, Scene) else None
