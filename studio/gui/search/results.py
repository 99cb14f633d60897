"""The search results tree: part › scene › one line of context per hit, the match drawn in bold."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from studio.core.errors import NodeNotFoundError
from studio.core.project import Project
from studio.core.search import FIELD_LABELS, Hit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 1000  # hits listed in the tree; the counts always tell the whole number


def hit_html(hit: Hit, prefix: str = "") -> str:
    """The hit's context line as rich text with the match marked."""
    context = hit.context
    before, match, after = (
        context[: hit.context_start],
        context[hit.context_start : hit.context_end],
        context[hit.context_end :],
    )
    mark = "<b style='background-color:#ffe58a;color:#000000'>"
    label = f"<i>{escape(prefix)}</i> " if prefix else ""
    return f"{label}{escape(before)}{mark}{escape(match)}</b>{escape(after)}"


class HitDelegate(QStyledItemDelegate):
    """Paints a hit row as rich text (the match highlighted); other rows as usual."""

    def _document(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(1)
        document.setHtml(html)
        return document

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt override: draw the row's background, then the context with the match marked."""
        html = index.data(HIT_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = QApplication.style()  # the view's style (there is one per application)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(option, html)
        rect = option.rect
        painter.save()
        painter.translate(
            rect.left() + 2, rect.top() + max(0, (rect.height() - document.size().height()) / 2)
        )
        painter.setClipRect(QRectF(0, 0, rect.width() - 2, rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Qt override: one line of text."""
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 4))


class ResultsTree(QTreeWidget):
    """Hits grouped by part and scene (part notes under their part, character notes last)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("searchResults")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setItemDelegate(HitDelegate(self))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def show_hits(self, project: Project, hits: list[Hit]) -> None:
        """Replace the tree by these hits (at most ``MAX_SHOWN`` of them listed)."""
        self.setUpdatesEnabled(False)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        owners: dict[tuple[str, str], QTreeWidgetItem] = {}
        counts: dict[int, int] = {}
        for hit in hits[:MAX_SHOWN]:
            group_key = hit.part_id or "characters"
            group = groups.get(group_key)
            if group is None:
                group = groups[group_key] = QTreeWidgetItem([self._group_title(project, hit)])
                self.addTopLevelItem(group)
                group.setExpanded(True)
            owner_key = (hit.kind, hit.owner_id)
            owner = owners.get(owner_key)
            if owner is None:
                owner = owners[owner_key] = QTreeWidgetItem([self._owner_title(project, hit)])
                group.addChild(owner)
                owner.setExpanded(True)
            prefix = "" if hit.field in ("text", "notes") else f"{FIELD_LABELS[hit.field].capitalize()}:"
            row = QTreeWidgetItem([hit.context])
            row.setData(0, Qt.ItemDataRole.UserRole, hit)
            row.setData(0, HIT_ROLE, hit_html(hit, prefix))
            row.setToolTip(0, f"{hit.context}\nline {hit.line}, column {hit.column}")  # the row may be cut
            owner.addChild(row)
            for item in (group, owner):
                counts[id(item)] = counts.get(id(item), 0) + 1
        for item in [*groups.values(), *owners.values()]:
            item.setText(0, f"{item.text(0)}  ({counts[id(item)]})")
        self.setUpdatesEnabled(True)

    @staticmethod
    def _group_title(project: Project, hit: Hit) -> str:
        if hit.kind == "character":
            return "Character notes"
        try:
            return project.part(hit.part_id).title or "Untitled part"
        except NodeNotFoundError:  # removed since the search ran; the next search drops it
            return "(removed)"

    @staticmethod
    def _owner_title(project: Project, hit: Hit) -> str:
        try:
            if hit.kind == "character":
                return project.character(hit.owner_id).name
            if hit.kind == "part":
                return "Part notes"
            return project.scene(hit.owner_id).title or "Untitled scene"
        except NodeNotFoundError:
            return "(removed)"

    def hit_rows(self) -> list[QTreeWidgetItem]:
        """Every hit row, in order (for tests and keyboard walking)."""
        rows: list[QTreeWidgetItem] = []
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            owners = [group.child(o) for o in range(group.childCount())] if group is not None else []
            for owner in owners:
                if owner is not None:
                    rows += [c for h in range(owner.childCount()) if (c := owner.child(h)) is not None]
        return rows
