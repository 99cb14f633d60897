"""The base of the views' flat models: one row per scene (and per part, if asked), kept by id.

Follows the session's signals: a structural change moves, removes or inserts only the
rows concerned (``IdRows``); a scene's new fields or words repaint its row (and its
part's); a reload from disk is followed the same way, never with a reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.app.session import ProjectSession
from studio.core.nodes import Part, Scene
from studio.models.id_rows import IdRows
from studio.models.table_model import AnyIndex, HeaderedTableModel

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 40
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 41  # "part" or "scene"
PART_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 42  # the part a scene stands in (a part: itself)
LABELS_ROLE = int(Qt.ItemDataRole.UserRole) + 43  # a scene's label ids (a part: [])
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 44  # a value sorting the column as the writer expects


class StoryRowsModel(HeaderedTableModel):
    """Rows for the manuscript's scenes in manuscript order (with their parts when ``with_parts``)."""

    with_parts = False
    headers: tuple[str, ...] = ("Scene",)

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.id_rows = IdRows(self)
        self._nodes: dict[str, Part | Scene] = {}
        self._part_of: dict[str, str] = {}
        self._index_in_part: dict[str, int] = {}
        self._looks: dict[str, tuple[Any, ...]] = {}  # what each scene's row shows, to see a reload's changes
        self._take_project()
        self.id_rows.follow(self._target_ids())
        session.outline_changed.connect(self._on_outline_changed)
        session.scene_changed.connect(self.scene_touched)
        session.scene_text_saved.connect(self.text_touched)
        session.scene_text_replaced.connect(self.text_touched)
        session.labels_changed.connect(self._on_labels_changed)

    # -- what the rows are ---------------------------------------------------------------
    @property
    def project(self):  # noqa: ANN201
        """The session's project."""
        return self.session.project

    def _take_project(self) -> None:
        self._nodes = {}
        self._part_of = {}
        self._index_in_part = {}
        for part in self.project.parts:
            self._nodes[part.id] = part
            self._part_of[part.id] = part.id
            for number, scene in enumerate(part.scenes):
                self._nodes[scene.id] = scene
                self._part_of[scene.id] = part.id
                self._index_in_part[scene.id] = number
        self._looks = {sid: self._look(sid) for sid in self._index_in_part}

    def _look(self, scene_id: str) -> tuple[Any, ...]:
        """A copy of what a scene's row may show (its fields, its part's title, its place)."""
        scene = self._nodes.get(scene_id)
        part = self._nodes.get(self._part_of.get(scene_id, ""))
        if scene is None:
            return ()
        fields = tuple(tuple(v) if isinstance(v, list) else repr(v) for v in vars(scene).values())
        return (*fields, part.title if part else "", self._index_in_part.get(scene_id, -1))

    def _target_ids(self) -> list[str]:
        ids: list[str] = []
        for part in self.project.parts:
            if self.with_parts:
                ids.append(part.id)
            ids.extend(scene.id for scene in part.scenes)
        return ids

    def node_at(self, row: int) -> Part | Scene | None:
        """The part or scene of a row."""
        ids = self.id_rows.ids
        return self._nodes.get(ids[row]) if 0 <= row < len(ids) else None

    def node_id(self, index: AnyIndex) -> str | None:
        """The id of the part or scene at ``index``."""
        ids = self.id_rows.ids
        return ids[index.row()] if index.isValid() and 0 <= index.row() < len(ids) else None

    def row_of(self, node_id: str) -> int:
        """The row of a part or scene (-1 when it is not in the manuscript)."""
        return self.id_rows.row_of(node_id)

    def part_id_of(self, node_id: str) -> str:
        """The id of the part a scene stands in (a part's own id)."""
        return self._part_of.get(node_id, "")

    def index_in_part(self, scene_id: str) -> int:
        """The position of a scene in its part."""
        return self._index_in_part.get(scene_id, -1)

    def scene_ids(self) -> list[str]:
        """Every scene shown, in manuscript order."""
        return [i for i in self.id_rows.ids if isinstance(self._nodes.get(i), Scene)]

    # -- Qt model API -------------------------------------------------------------------
    def row_total(self) -> int:
        """Rows: one per part and scene shown."""
        return len(self.id_rows)

    def common_data(self, node: Part | Scene, role: int) -> Any:
        """The roles every view asks for: id, kind, part and labels (None for others)."""
        if role == ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return "scene" if isinstance(node, Scene) else "part"
        if role == PART_ID_ROLE:
            return self._part_of.get(node.id, "")
        if role == LABELS_ROLE:
            return list(node.labels) if isinstance(node, Scene) else []
        return None

    # -- following the session -----------------------------------------------------------
    def _on_labels_changed(self, _change: object) -> None:
        """A label's name or colour changed (or labels came or went): every row may show it."""
        if self.id_rows.ids:
            last = self.index(len(self.id_rows) - 1, max(0, len(self.headers) - 1))
            self.dataChanged.emit(self.index(0, 0), last)

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.kind == OutlineChangeKind.RENAMED:  # a part's title shows on its scenes' rows too
            parts = [self._nodes.get(i) for i in change.ids]
            scenes = [s.id for p in parts if isinstance(p, Part) for s in p.scenes]
            self.refresh_ids([*change.ids, *scenes])
            return
        looks = self._looks
        self._take_project()
        self.id_rows.follow(self._target_ids())
        touched = set(change.ids)
        for node_id in change.ids:
            node = self._nodes.get(node_id)
            if isinstance(node, Part):
                touched.update(s.id for s in node.scenes)
        if change.kind == OutlineChangeKind.RELOADED:  # only the rows that differ: an open editor stays
            touched = {i for i, look in self._looks.items() if looks.get(i) != look}
        touched.update(p.id for p in self.project.parts)  # totals, positions in a part
        self.refresh_ids(touched)
        self.rows_followed(change)

    def rows_followed(self, change: OutlineChange) -> None:
        """Hook: the rows follow ``change`` now (subclasses refresh what depends on order)."""

    def text_touched(self, scene_id: str) -> None:
        """A scene's text was written (its words may differ): as a change of its fields, by default."""
        self.scene_touched(scene_id)

    def scene_touched(self, scene_id: str) -> None:
        """A scene's fields or text changed: repaint its row and its part's."""
        if scene_id in self._looks:
            self._looks[scene_id] = self._look(scene_id)
        self.refresh_ids([scene_id, self._part_of.get(scene_id, "")])

    def refresh_ids(self, node_ids: Any) -> None:
        """Repaint the rows of these ids (in runs of neighbouring rows)."""
        rows = sorted({r for r in (self.id_rows.row_of(i) for i in node_ids if i) if r >= 0})
        last_column = max(0, len(self.headers) - 1)
        start = 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            self.dataChanged.emit(self.index(rows[start], 0), self.index(rows[end], last_column))
            start = end + 1

    def refresh_column(self, column: int) -> None:
        """Repaint one column of every row (e.g. characters present after a rescan)."""
        if self.id_rows.ids and 0 <= column < len(self.headers):
            self.dataChanged.emit(self.index(0, column), self.index(len(self.id_rows) - 1, column))
