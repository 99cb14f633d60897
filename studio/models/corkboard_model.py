"""The corkboard as a flat list model: a header row per part, then a card row per scene.

A card answers its title, synopsis, status, POV, words, target and labels through roles;
the delegate paints it. The synopsis is the card's edit value: setting it pushes an
undoable ``SetSceneFieldsCommand``. Drags carry ids in the outline's MIME type, so a card
dropped on the outline (or a row of the outline dropped on the board) moves the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from studio.app import commands
from studio.core.nodes import Part, Scene
from studio.core.wording import count
from studio.models import outline_mime
from studio.models.label_look import LabelChip, label_chips
from studio.models.outline_style import status_label
from studio.models.story_rows_model import KIND_ROLE, AnyIndex, StoryRowsModel

_ROLE = int(Qt.ItemDataRole.UserRole)
STATUS_ROLE = _ROLE + 50
POV_ROLE = _ROLE + 51
SYNOPSIS_ROLE = _ROLE + 52
WORDS_ROLE = _ROLE + 53
TARGET_ROLE = _ROLE + 54
CHIPS_ROLE = _ROLE + 55  # [(label name, colour)]
COUNT_ROLE = _ROLE + 56  # a part's number of scenes
CARD_ROLE = _ROLE + 57  # everything a card shows, in one ``Card`` (one call per card painted)
DISPLAY, EDIT, TOOLTIP = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.EditRole),
    int(Qt.ItemDataRole.ToolTipRole),
)


@dataclass(frozen=True)
class Card:
    """What a scene's card shows."""

    title: str
    status: str
    pov: str
    synopsis: str
    words: int
    target: int
    chips: list[LabelChip]


class CorkboardModel(StoryRowsModel):
    """Parts as header rows and scenes as card rows, in manuscript order."""

    with_parts = True
    headers = ("Card",)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override: the card's fields by role (a header: the part's title, words and scenes)."""
        node = self.node_at(index.row()) if index.isValid() else None
        if node is None:
            return None
        if role == KIND_ROLE:  # first: the delegate's size hint asks it of every row at each layout
            return "part" if isinstance(node, Part) else "scene"
        if role == DISPLAY:
            return node.title or "(untitled)"
        if role == WORDS_ROLE:
            return node.words
        if role == TARGET_ROLE:
            return node.target
        if isinstance(node, Part):
            if role == COUNT_ROLE:
                return len(node.scenes)
            if role == TOOLTIP:
                return (
                    f"{node.title or '(untitled)'}: {count(len(node.scenes), 'scene')}, {node.words:,} words"
                )
            return self.common_data(node, role)
        return self._scene_data(node, role)

    def _scene_data(self, scene: Scene, role: int) -> Any:
        if role == CARD_ROLE:
            chips = label_chips(self.project.labels, scene.labels)
            title = scene.title or "(untitled)"
            return Card(title, scene.status, scene.pov, scene.synopsis, scene.words, scene.target, chips)
        if role in (EDIT, SYNOPSIS_ROLE):
            return scene.synopsis
        if role == STATUS_ROLE:
            return scene.status
        if role == POV_ROLE:
            return scene.pov
        if role == CHIPS_ROLE:
            return label_chips(self.project.labels, scene.labels)
        if role == TOOLTIP:
            lines = [f"{scene.title or '(untitled)'}: {scene.words:,} words, {status_label(scene.status)}"]
            if scene.pov:
                lines.append(f"POV: {scene.pov}")
            lines.append("Double-click to open · F2 to edit the synopsis · drag to move")
            return "\n".join(lines)
        return self.common_data(scene, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Qt override: cards are selectable, draggable and (their synopsis) editable; headers take drops."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self.node_at(index.row())
        flags = Qt.ItemFlag.ItemIsEnabled
        writable = not self.session.read_only
        if isinstance(node, Scene):
            flags |= Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
            if writable:
                flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable
        elif writable:
            flags |= Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt override: a new synopsis is an undoable command (nothing changes directly)."""
        node = self.node_at(index.row()) if index.isValid() else None
        if not isinstance(node, Scene) or role != EDIT or self.session.read_only:
            return False
        text = str(value)
        if text == node.synopsis:
            return False
        self.session.push(commands.SetSceneFieldsCommand(self.session, node.id, synopsis=text))
        return node.synopsis == text

    # -- drag and drop -------------------------------------------------------------------
    def supportedDragActions(self) -> Qt.DropAction:
        """Qt override: cards are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        """Qt override: cards are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """Qt override: the outline's MIME type (ids only)."""
        return [outline_mime.OUTLINE_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Qt override: the dragged scenes' ids in manuscript order."""
        wanted = {self.node_id(i) for i in indexes}
        ids = [sid for sid in self.scene_ids() if sid in wanted]
        return outline_mime.encode(outline_mime.DragPayload("scene", ids, str(self.project.root)))

    def dropped_scene_ids(self, data: QMimeData | None) -> list[str]:
        """The scenes a drag carries, if it is a drag of scenes of this project (else [])."""
        payload = outline_mime.decode(data)
        if payload is None or payload.kind != "scene" or payload.project != str(self.project.root):
            return []
        if self.session.read_only or any(self.row_of(i) < 0 for i in payload.ids):
            return []
        return payload.ids

    def move_command(self, scene_ids: Sequence[str], part_id: str, index: int) -> commands.ProjectCommand:
        """The outline's undoable move of ``scene_ids`` to ``index`` of a part (counted before the move)."""
        return commands.MoveScenesCommand(self.session, list(scene_ids), part_id, index)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Qt override: scenes of this project may be dropped; the view works out where."""
        return action == Qt.DropAction.MoveAction and bool(self.dropped_scene_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Qt override: a drop on a header appends to that part, between rows goes there.

        Pushes the move and returns False, so no view removes rows itself.
        """
        ids = self.dropped_scene_ids(data) if action == Qt.DropAction.MoveAction else []
        if not ids:
            return False
        target = self._drop_place(row, parent)
        if target is not None:
            self.session.push(self.move_command(ids, *target))
        return False

    def _drop_place(self, row: int, parent: AnyIndex) -> tuple[str, int] | None:
        if parent.isValid():  # on a header
            part = self.node_at(parent.row())
            return (part.id, len(part.scenes)) if isinstance(part, Part) else None
        if row < 0 or row >= len(self.id_rows):
            last = self.project.parts[-1] if self.project.parts else None
            return (last.id, len(last.scenes)) if last else None
        return self.place_before_row(row)

    def place_before_row(self, row: int) -> tuple[str, int] | None:
        """(part id, index in that part) of the gap just before ``row`` (a header: its part's start)."""
        node = self.node_at(row)
        if isinstance(node, Part):
            if row == 0:
                return (node.id, 0)
            before = self.node_at(row - 1)
            if isinstance(before, Part):
                return (before.id, 0)
            part = self._nodes[self.part_id_of(before.id)] if before else None
            return (part.id, len(part.scenes)) if isinstance(part, Part) else None
        if isinstance(node, Scene):
            return (self.part_id_of(node.id), self.index_in_part(node.id))
        return None
