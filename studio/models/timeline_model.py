"""The timeline's model: every scene in manuscript order, with its place in story time.

``RANK_ROLE`` is the scene's position in story-time order (``story_time_key``, ties kept in
manuscript order; ``NO_TIME_RANK`` for a scene with no story time); ``BACKWARDS_ROLE`` is
True for a scene whose story time comes before an earlier scene's (a flashback), worked
out over the whole manuscript (``runs_backwards``), so a label filter never changes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from studio.app.changes import OutlineChange
from studio.app.session import ProjectSession
from studio.core.nodes import Scene
from studio.core.story_time import runs_backwards, story_time_key
from studio.models.story_rows_model import SORT_ROLE, AnyIndex, StoryRowsModel

_ROLE = int(Qt.ItemDataRole.UserRole)
POV_ROLE = _ROLE + 60
STORY_TIME_ROLE = _ROLE + 61  # the text the writer gave ("" for none)
RANK_ROLE = _ROLE + 62
NUMBER_ROLE = _ROLE + 63  # 1-based manuscript position
BACKWARDS_ROLE = _ROLE + 64
STATUS_ROLE = _ROLE + 65
NO_TIME_RANK = 10**9
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)


class TimelineModel(StoryRowsModel):
    """Scenes with their story time, story-time rank and flashback mark."""

    headers = ("Scene",)

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self._ranks: dict[str, int] | None = None
        self._backwards: set[str] = set()

    def _order(self) -> dict[str, int]:
        if self._ranks is None:
            scenes = [s for s in (self._nodes[i] for i in self.scene_ids()) if isinstance(s, Scene)]
            keyed = sorted(
                (story_time_key(s.story_time, s.story_order), number, s.id)
                for number, s in enumerate(scenes)
                if s.story_time
            )
            self._ranks = {sid: rank for rank, (_key, _number, sid) in enumerate(keyed)}
            self._backwards = runs_backwards((s.id, s.story_time, s.story_order) for s in scenes)
        return self._ranks

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override: title, POV, story time, rank, manuscript number and the flashback mark."""
        scene = self.node_at(index.row()) if index.isValid() else None
        if not isinstance(scene, Scene):
            return None
        if role == DISPLAY:
            return scene.title or "(untitled)"
        if role == POV_ROLE:
            return scene.pov
        if role == STORY_TIME_ROLE:
            return scene.story_time
        if role in (RANK_ROLE, SORT_ROLE):
            return self._order().get(scene.id, NO_TIME_RANK)
        if role == NUMBER_ROLE:
            return self.row_of(scene.id) + 1  # scenes only here: the row is the manuscript position
        if role == BACKWARDS_ROLE:
            self._order()
            return scene.id in self._backwards
        if role == STATUS_ROLE:
            return scene.status
        if role == TOOLTIP:
            return self._tooltip(scene)
        return self.common_data(scene, role)

    def _tooltip(self, scene: Scene) -> str:
        when = scene.story_time or "no story time"
        lines = [f"{self.row_of(scene.id) + 1}. {scene.title or '(untitled)'}", f"When: {when}"]
        if scene.pov:
            lines.append(f"POV: {scene.pov}")
        if self.data(self.index(self.row_of(scene.id), 0), BACKWARDS_ROLE):
            lines.append("Flashback: happens before a scene that comes earlier in the manuscript")
        return "\n".join(lines)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Qt override: scenes are enabled and selectable, nothing more."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def scene_touched(self, scene_id: str) -> None:
        """A scene changed: its story time may move others' ranks and marks, so every row repaints."""
        self._ranks = None
        self.refresh_column(0)

    def text_touched(self, scene_id: str) -> None:
        """A scene's text was saved: nothing the timeline shows depends on it (no repaint per autosave)."""

    def rows_followed(self, change: OutlineChange) -> None:
        """Rows moved or came and went: ranks, numbers and marks are worked out again."""
        self._ranks = None
        self.refresh_column(0)
