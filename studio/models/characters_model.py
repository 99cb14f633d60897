"""The cast as a table (name, role, appearances) and a proxy that sorts it and filters as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from studio.core.characters import AppearanceIndex
from studio.core.errors import NodeNotFoundError
from studio.core.project import Project
from studio.core.wording import count
from studio.models.table_model import HeaderedTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME, ROLE, APPEARANCES = range(3)
HEADERS = ("Name", "Role", "Scenes")

AnyIndex = QModelIndex | QPersistentModelIndex


class CharactersModel(HeaderedTableModel):
    """One row per character of the project, in the project's order."""

    headers = HEADERS

    def row_total(self) -> int:
        """Number of rows."""
        return len(self._ids)

    def __init__(self, project: Project, index: AppearanceIndex | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.appearances = index or AppearanceIndex.build([], [])
        # scenes_of() walks every scene; data() asks it many times per row (sorting, painting),
        # so each character's answer is kept until the next index (issue 8: 1M-word open).
        self._scenes_of: dict[str, list[tuple[str, int]]] = {}
        self._ids = [c.id for c in self.entries()]  # the rows shown, kept in step by ``sync``

    # -- updating ---------------------------------------------------------------------
    def sync(self) -> None:
        """Follow the cast in small steps: rows removed, inserted, and changed rows repainted."""
        self._scenes_of.clear()
        target = [c.id for c in self.entries()]
        live = set(target)
        for row in range(len(self._ids) - 1, -1, -1):
            if self._ids[row] not in live:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        if [i for i in target if i in set(self._ids)] != self._ids:
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            ids = [self._ids[index.row()] for index in old]
            self._ids = [i for i in target if i in set(self._ids)]
            rows = {cid: row for row, cid in enumerate(self._ids)}
            new = [self.index(rows[i], x.column()) for i, x in zip(ids, old, strict=True)]
            self.changePersistentIndexList(old, new)
            self.layoutChanged.emit()
        for row, character_id in enumerate(target):
            if row >= len(self._ids) or self._ids[row] != character_id:
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, character_id)
                self.endInsertRows()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(HEADERS) - 1))

    def entries(self) -> list[Any]:
        """What the rows show, in order (the cast; places and things in ``NotesModel``)."""
        return self.project.characters

    def entry(self, entry_id: str) -> Any:
        """One row's character (``NodeNotFoundError`` when it is gone)."""
        return self.project.character(entry_id)

    def detail(self, entry: Any) -> str:
        """The second column's text: the character's role."""
        return str(entry.role)

    def set_appearances(self, index: AppearanceIndex) -> None:
        """Show the appearance counts of a new or updated index."""
        self.appearances = index
        self._scenes_of.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, APPEARANCES), self.index(len(self._ids) - 1, APPEARANCES))

    def _appearances_of(self, character_id: str) -> list[tuple[str, int]]:
        found = self._scenes_of.get(character_id)
        if found is None:
            found = self._scenes_of[character_id] = self.appearances.scenes_of(character_id)
        return found

    def row_of(self, character_id: str) -> int:
        """Return the row of a character, or -1."""
        return self._ids.index(character_id) if character_id in self._ids else -1

    # -- Qt model API -----------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, tooltips, sort keys, search text and the character id."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        try:
            character = self.entry(self._ids[index.row()])
        except NodeNotFoundError:
            return None
        column = index.column()
        if role == ID_ROLE:
            return character.id
        if role == SEARCH_ROLE:
            return " ".join([character.name, *character.aliases])
        scenes = self._appearances_of(character.id) if column == APPEARANCES else []
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return character.name
            if column == ROLE:
                return self.detail(character)
            return len(scenes)
        if role == SORT_ROLE:
            if column == APPEARANCES:
                return len(scenes)
            return (character.name if column == NAME else self.detail(character)).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == APPEARANCES:
                mentions = sum(count for _, count in scenes)
                return f"{count(mentions, 'mention')} in {count(len(scenes), 'scene')}"
            if column == NAME:
                also = f"\nAlso: {', '.join(character.aliases)}" if character.aliases else ""
                return f"{character.name}{also}\n{character.description}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == APPEARANCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable, not edited in place (the editor below does that)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CharactersFilterModel(QSortFilterProxyModel):
    """Sorts by any column and keeps the characters whose name or an alias contains the filter."""

    def __init__(self, source: CharactersModel, parent: QObject | None = None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        """Filter as you type: a plain substring, not a pattern."""
        self.setFilterFixedString(text.strip())
