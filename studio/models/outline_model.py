"""The manuscript outline as a Qt item model: parts at the top level, their scenes below.

The model keeps its own mirror of the tree (ids only). Each change the session
announces (kind, ids) is applied in small row steps by ``outline_updates``; only a
reload from disk compares whole trees (``sync``). Views keep their selection,
expansion and scroll position. Edits (rename, drop)
never touch the core directly: they push undo commands on the session's stack.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from studio.app import commands
from studio.app.changes import OutlineChange
from studio.app.session import ProjectSession
from studio.core.nodes import Part, Scene
from studio.core.stats import progress_text
from studio.core.wording import count
from studio.models import outline_mime
from studio.models.outline_drops import drop_command
from studio.models.outline_resync import resync
from studio.models.outline_style import status_icon, status_label
from studio.models.outline_updates import apply_change
from studio.models.posted_marks import POSTED_ROLE, PostedMarks
from studio.models.tree_diff import Arrangement

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
WORDS_ROLE = Qt.ItemDataRole.UserRole + 3
TARGET_ROLE = int(Qt.ItemDataRole.UserRole) + 5  # a part's or scene's word target (0: none)
TITLE_COLUMN, WORDS_COLUMN = 0, 1
HEADERS = ("Title", "Words")


def _flags(read_only: bool, title: bool, part: bool) -> Qt.ItemFlag:
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if not read_only:
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if title:
            flags |= Qt.ItemFlag.ItemIsEditable
        if part:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
    return flags


# (read-only, title column, part row) -> the row's flags
_FLAGS = {(r, t, p): _flags(r, t, p) for r in (False, True) for t in (False, True) for p in (False, True)}
# Plain ints, worked out once: views ask ``data()`` tens of thousands of times on a big project.
DISPLAY, EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
DECORATION, TOOLTIP = int(Qt.ItemDataRole.DecorationRole), int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT, FOREGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole)
FONT = int(Qt.ItemDataRole.FontRole)
ANSWERED_ROLES = frozenset(
    {
        int(ID_ROLE),
        KIND_ROLE,
        STATUS_ROLE,
        WORDS_ROLE,
        TARGET_ROLE,
        int(POSTED_ROLE),
        DISPLAY,
        EDIT,
        DECORATION,
        TOOLTIP,
        ALIGNMENT,
        FOREGROUND,
        FONT,
    }
)
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class OutlineModel(QAbstractItemModel):
    """Parts and scenes of ``session.project``; titles editable, rows draggable by id."""

    # The rows follow a change now (``OutlineChange``): views may act on their selection again.
    change_applied = Signal(object)

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._part_ids: list[str] = []
        self._scene_ids: dict[str, list[str]] = {}
        self._part_keys: dict[str, int] = {}
        self._key_parts: dict[int, str] = {}
        self._part_rows: dict[str, int] = {}
        self._scene_parts: dict[str, str] = {}
        self._nodes: dict[str, Part | Scene] = {}
        self._shown: dict[str, tuple] = {}
        self.drift_repairs = 0  # times a change had to be followed by a whole-tree comparison
        # True while rows follow a change in steps: between two steps the rows may still show ids
        # the project no longer has, so a view waits for ``change_applied`` before acting on them.
        self.following = False
        self._load()
        self.posted = PostedMarks(session, self)  # the marks of posted parts: as posted, or changed since
        self.posted.changed.connect(self._emit_changed)
        session.outline_changed.connect(self._follow)
        session.scene_changed.connect(self.refresh_node)
        session.scene_text_saved.connect(self.refresh_node)

    # -- the mirror -----------------------------------------------------------------
    @property
    def project(self):  # noqa: ANN201
        """The session's project."""
        return self.session.project

    def _arrangement(self) -> Arrangement:
        return [(p.id, [s.id for s in p.scenes]) for p in self.project.parts]

    def _mirror(self) -> Arrangement:
        return [(pid, list(self._scene_ids[pid])) for pid in self._part_ids]

    def _set_mirror(self, arrangement: Arrangement) -> None:
        self._part_ids = [pid for pid, _ in arrangement]
        self._scene_ids = {pid: list(scenes) for pid, scenes in arrangement}
        self._reindex()

    def _reindex(self) -> None:
        self._part_rows = {pid: row for row, pid in enumerate(self._part_ids)}
        self._scene_parts = {sid: pid for pid in self._part_ids for sid in self._scene_ids[pid]}
        for pid in self._part_ids:
            if pid not in self._part_keys:
                key = len(self._part_keys) + 1
                self._part_keys[pid], self._key_parts[key] = key, pid

    def _load(self) -> None:
        self._nodes = {p.id: p for p in self.project.parts}
        self._nodes.update({s.id: s for s in self.project.iter_scenes()})
        self._set_mirror(self._arrangement())
        self._shown = {nid: self._signature(node) for nid, node in self._nodes.items()}

    def reload(self) -> None:
        """Rebuild everything (only for a project replaced or reloaded as a whole)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    # -- Qt model API ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt override: the index of a part (top level) or a scene (under its part)."""
        # hasIndex() without its two calls back into Python: the view asks for every row in each layout
        if row < 0 or not 0 <= column < len(HEADERS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, id=0) if row < len(self._part_ids) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        part_id = self._part_ids[parent.row()]
        if row >= len(self._scene_ids[part_id]):
            return QModelIndex()
        return self.createIndex(row, column, id=self._part_keys[part_id])

    # Qt for Python's tree-model pattern: this one name answers QAbstractItemModel::parent(index); the stubs
    # also put QObject.parent() (no argument) under it, which a Python override cannot honour both ways.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Qt override: a scene's part, or nothing for a part."""
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        part_id = self._key_parts.get(index.internalId())
        row = self._part_rows.get(part_id, -1) if part_id else -1
        return self.createIndex(row, 0, id=0) if row >= 0 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override: parts at the top, scenes under a part, nothing under a scene."""
        if not parent.isValid():
            return len(self._part_ids)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._scene_ids[self._part_ids[parent.row()]])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override: title and word count."""
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        """Qt override: column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        """Qt override: title, words, status icon, tooltip and ids."""
        if role not in ANSWERED_ROLES:
            return None  # size hints, check states, backgrounds…: asked for every row, never set
        node = self._node_fast(index)
        if node is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return "part" if isinstance(node, Part) else "scene"
        if role == WORDS_ROLE:
            return node.words
        if role == TARGET_ROLE:
            return node.target
        if role == STATUS_ROLE:
            return node.status if isinstance(node, Scene) else None
        if role in (DISPLAY, EDIT):
            if column == WORDS_COLUMN:
                return f"{node.words:,}" if role == DISPLAY else node.words
            return node.title if node.title or role == EDIT else "(untitled)"
        if role == DECORATION and column == TITLE_COLUMN:
            return status_icon(node.status) if isinstance(node, Scene) else self.posted.icon(node.id)
        if role == POSTED_ROLE:
            return self.posted.state(node.id) if isinstance(node, Part) else None
        if role == TOOLTIP:
            if column == WORDS_COLUMN and node.target:
                return progress_text(node.words, node.target)  # "434 / 1,000 (43 %)"
            return self._tooltip(node)
        if role == ALIGNMENT and column == WORDS_COLUMN:
            return RIGHT_ALIGNED
        if role == FOREGROUND and column == WORDS_COLUMN and isinstance(node, Scene):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == FONT and isinstance(node, Part):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _node_fast(self, index: Index) -> Part | Scene | None:
        """``node()`` for ``data()``: Qt only passes this model's valid indexes there."""
        key, row = index.internalId(), index.row()
        ids = self._part_ids if key == 0 else self._scene_ids.get(self._key_parts.get(key, ""), ())
        return self._nodes.get(ids[row]) if 0 <= row < len(ids) else None

    def _tooltip(self, node: Part | Scene) -> str:
        if isinstance(node, Part):
            posted = self.posted.tooltip(node.id)
            words = f"{node.title or '(untitled)'}: {count(len(node.scenes), 'scene')}, {node.words:,} words"
            if node.group:  # the book or volume this part opens
                words = f"{node.group}\n{words}"
            return f"{words}\n{posted}" if posted else words
        lines = [f"{node.title or '(untitled)'}: {node.words:,} words, {status_label(node.status)}"]
        if node.pov:
            lines.append(f"POV: {node.pov}")
        if node.synopsis:
            lines.append(node.synopsis)
        return "\n".join(lines)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt override: renaming pushes an undoable ``RenameCommand`` (nothing changes directly)."""
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or index.column() != TITLE_COLUMN:
            return False
        title = str(value).strip()
        if not title or title == node.title or self.session.read_only:
            return False
        self.session.push(commands.RenameCommand(self.session, node.id, title))
        return node.title == title

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt override: parts take drops (appending scenes); scenes never do."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        # From a table made once: the view asks for every row in each layout, and combining
        # enum flags in Python costs more than the rest of the call.
        return _FLAGS[(self.session.read_only, index.column() == TITLE_COLUMN, index.internalId() == 0)]

    # -- ids -------------------------------------------------------------------------
    def node_id(self, index: Index) -> str | None:
        """The id of the part or scene at ``index``."""
        if not index.isValid() or index.model() is not self:
            return None
        if index.internalId() == 0:
            return self._part_ids[index.row()] if index.row() < len(self._part_ids) else None
        scenes = self._scene_ids.get(self._key_parts.get(index.internalId(), ""), [])
        return scenes[index.row()] if index.row() < len(scenes) else None

    def node(self, index: Index) -> Part | Scene | None:
        """The core node at ``index``."""
        node_id = self.node_id(index)
        return self._nodes.get(node_id) if node_id else None

    def is_part(self, index: Index) -> bool:
        """Whether ``index`` is a part row."""
        return index.isValid() and index.internalId() == 0

    def index_for_id(self, node_id: str, column: int = 0) -> QModelIndex:
        """The index of a part or scene by id (invalid if it is not in the manuscript)."""
        if node_id in self._part_rows:
            return self.createIndex(self._part_rows[node_id], column, id=0)
        part_id = self._scene_parts.get(node_id)
        if part_id is None:
            return QModelIndex()
        row = self._scene_ids[part_id].index(node_id)
        return self.createIndex(row, column, id=self._part_keys[part_id])

    def ids_in_order(self, node_ids: Sequence[str]) -> list[str]:
        """The given ids (those in the manuscript) in manuscript order, a part before its scenes."""
        order: dict[str, int] = {}
        for pid in self._part_ids:
            order[pid] = len(order)
            for sid in self._scene_ids[pid]:
                order[sid] = len(order)
        return sorted({i for i in node_ids if i in order}, key=order.__getitem__)

    def part_id_of(self, scene_id: str) -> str | None:
        """The id of the part whose row holds this scene (None if it is not shown)."""
        return self._scene_parts.get(scene_id)

    def scene_ids_of(self, part_id: str) -> list[str]:
        """The scenes shown under a part, top to bottom."""
        return list(self._scene_ids.get(part_id, ()))

    def scene_after(self, scene_id: str) -> str | None:
        """The scene shown right after this one in its part, if any."""
        scenes = self._scene_ids.get(self._scene_parts.get(scene_id, ""), [])
        row = scenes.index(scene_id) if scene_id in scenes else len(scenes)
        return scenes[row + 1] if row + 1 < len(scenes) else None

    # -- keeping up with the core -------------------------------------------------------
    def _follow(self, change: OutlineChange) -> None:
        self.following = True
        try:
            apply_change(self, change)
        finally:
            self.following = False
        self.change_applied.emit(change)

    def sync(self) -> None:
        """Bring the model in line with the project after a reload from disk, in the smallest steps."""
        self._nodes = {p.id: p for p in self.project.parts}
        self._nodes.update({s.id: s for s in self.project.iter_scenes()})
        resync(self, self._arrangement())
        self._refresh_changed()

    # -- data changes ----------------------------------------------------------------------
    @staticmethod
    def _signature(node: Part | Scene) -> tuple:
        if isinstance(node, Part):
            return (node.title, node.words, node.target)
        return (node.title, node.words, node.status, node.pov, node.synopsis, node.target)

    def _refresh_changed(self) -> None:
        shown = {}
        for nid, node in self._nodes.items():
            shown[nid] = signature = self._signature(node)
            if self._shown.get(nid) != signature:
                self._emit_changed(nid)
        self._shown = shown

    def _emit_changed(self, node_id: str) -> None:
        first = self.index_for_id(node_id, TITLE_COLUMN)
        if first.isValid():
            self.dataChanged.emit(first, self.index_for_id(node_id, WORDS_COLUMN))

    def part_ids(self) -> list[str]:
        """The parts shown, top to bottom."""
        return list(self._part_ids)

    def refresh_if_changed(self, node_id: str) -> None:
        """Repaint a part or scene whose title, words or fields differ from what is shown."""
        node = self._nodes.get(node_id)
        if node is not None and self._shown.get(node_id) != (signature := self._signature(node)):
            self._shown[node_id] = signature
            self._emit_changed(node_id)

    def refresh_node(self, scene_id: str) -> None:
        """Show a scene's new title, status or word count, and its part's total."""
        for nid in (scene_id, self._scene_parts.get(scene_id)):
            if not nid:
                continue
            node = self._nodes.get(nid)
            if node is not None:
                self._shown[nid] = self._signature(node)
                self._emit_changed(nid)

    # -- drag and drop -------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        """Qt override: rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Qt override: rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """Qt override: the one outline MIME type."""
        return [outline_mime.OUTLINE_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Qt override: the dragged ids in manuscript order, and whether they are parts or scenes."""
        ids = self.ids_in_order([nid for nid in (self.node_id(i) for i in indexes) if nid])
        kinds = {"part" if nid in self._part_rows else "scene" for nid in ids}
        kind = kinds.pop() if len(kinds) == 1 else "mixed"
        return outline_mime.encode(outline_mime.DragPayload(kind, ids, str(self.project.root)))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Qt override: whether a drop there follows the outline's rules."""
        return drop_command(self, data, action, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Qt override: push the move on the undo stack; return False so no view removes rows itself."""
        command = drop_command(self, data, action, row, parent)
        if command is not None:
            self.session.push(command)
        return False
