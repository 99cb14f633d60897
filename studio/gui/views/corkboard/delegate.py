"""Paints the corkboard: index cards (status strip, title, POV, synopsis, labels, words) and part headers.

One delegate for every row, so a thousand cards cost only the few painted. The synopsis
is edited in place (F2, or a click on the synopsis of the selected card): Enter keeps it,
Shift+Enter starts a new line, Esc gives up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from studio.core.stats import progress_text
from studio.models.corkboard_model import CARD_ROLE, COUNT_ROLE, TARGET_ROLE, WORDS_ROLE, Card
from studio.models.outline_style import status_colour, status_label
from studio.models.story_rows_model import ID_ROLE, KIND_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
CARD_SIZE = QSize(220, 150)
HEADER_HEIGHT = 38
PAD = 10
STRIP = 5  # the status colour along the card's left edge
DONE_COLOUR = QColor("#4f8a5b")
UNDER_COLOUR = QColor("#c9a227")


@dataclass(frozen=True)
class CardFonts:
    """The fonts of a card and their metrics, made once per view font (not once per card)."""

    normal: QFontMetrics
    bold_font: QFont
    bold: QFontMetrics
    small_font: QFont
    small: QFontMetrics

    @classmethod
    def of(cls, font: QFont) -> CardFonts:
        """The card fonts for the view's ``font``."""
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return cls(QFontMetrics(font), bold, QFontMetrics(bold), small, QFontMetrics(small))


class CardDelegate(QStyledItemDelegate):
    """Cards for scenes and full-width headers for parts; ``row_width`` gives the board's width."""

    def __init__(self, row_width: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.row_width = row_width
        self._font_cache: dict[str, CardFonts] = {}
        self.open_scene = ""  # the scene open in the editor: its card carries an accent along its top
        self.open_scene = ""  # the scene open in the editor: its card carries an accent

    # -- sizes -----------------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Qt override: a card, or a header as wide as the board (so it starts a line of its own)."""
        if index.data(KIND_ROLE) == "part":
            return QSize(max(CARD_SIZE.width(), self.row_width()), HEADER_HEIGHT)
        return CARD_SIZE

    def synopsis_rect(self, card: QRect) -> QRect:
        """Where the synopsis is drawn (and edited) on a card."""
        metrics = QFontMetrics(QFont())
        top = card.top() + PAD + metrics.height() * 2 + 6
        bottom = card.bottom() - PAD - metrics.height() - 8
        return QRect(card.left() + STRIP + PAD, top, card.width() - STRIP - 2 * PAD, bottom - top)

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt override: a header or a card."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(KIND_ROLE) == "part":
            self._paint_header(painter, option, index)
        else:
            self._paint_card(painter, option, index)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title_rect = rect.adjusted(4, 0, -4, -6)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        title = QFontMetrics(font).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, rect.width() // 2
        )
        painter.drawText(title_rect, flags, title)
        scenes, words = index.data(COUNT_ROLE) or 0, index.data(WORDS_ROLE) or 0
        detail = f"{scenes} scene{'s' if scenes != 1 else ''} · {words:,} words"
        target = index.data(TARGET_ROLE) or 0
        if target:
            detail += f" · {progress_text(words, target)}"
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, detail)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.left() + 4, rect.bottom() - 2, rect.right() - 4, rect.bottom() - 2)

    def _fonts(self, font: QFont) -> CardFonts:
        key = font.key()
        if key not in self._font_cache:
            self._font_cache[key] = CardFonts.of(font)
        return self._font_cache[key]

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        fonts = self._fonts(option.font)
        rect = option.rect.adjusted(1, 1, -1, -1)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = palette.color(QPalette.ColorRole.Base)
        # The theme's accent (the style sheet gives list views a quiet beige selection, too faint
        # for a card's edge), whether the board has the focus or not.
        highlight = QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        edge = highlight if selected else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(edge, 2 if selected else 1))
        painter.setBrush(_blend(base, highlight, 0.12) if selected else base)
        painter.drawRoundedRect(rect, 5, 5)
        strip = QRect(rect.left() + 1, rect.top() + 3, STRIP, rect.height() - 6)
        painter.fillRect(strip, status_colour(card.status))
        if index.data(ID_ROLE) == self.open_scene:  # the scene open in the editor
            painter.fillRect(QRect(rect.left() + 12, rect.top() + 1, rect.width() - 24, 3), highlight)
        inner = rect.adjusted(STRIP + PAD, PAD - 2, -PAD, -PAD + 2)
        text_colour = palette.color(QPalette.ColorRole.Text)
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        line = fonts.normal.height()
        painter.setFont(fonts.bold_font)
        painter.setPen(text_colour)
        title = fonts.bold.elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), 0, title)
        painter.setFont(option.font)
        painter.setPen(quiet)
        second = status_label(card.status) + (f" · POV {card.pov}" if card.pov else "")
        second = fonts.normal.elidedText(second, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), inner.top() + line + 2, inner.width(), line), 0, second)
        area = self.synopsis_rect(option.rect)
        if card.synopsis:
            painter.setPen(text_colour)
            _draw_wrapped(painter, card.synopsis, option.font, area)
        else:
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, "No synopsis yet")
        footer = QRect(inner.left(), inner.bottom() - line - 4, inner.width(), line + 4)
        self._paint_footer(painter, palette, fonts, card, footer)

    def _paint_footer(
        self, painter: QPainter, palette: QPalette, fonts: CardFonts, card: Card, rect: QRect
    ) -> None:
        words, target = card.words, card.target
        metrics = fonts.small
        painter.setFont(fonts.small_font)
        count = f"{words:,} / {target:,}" if target else f"{words:,} words"
        count_width = metrics.horizontalAdvance(count)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect.adjusted(0, 0, 0, -4), right, count)
        if target:
            track = QRect(rect.right() - count_width, rect.bottom() - 2, count_width, 2)
            painter.fillRect(track, palette.color(QPalette.ColorRole.Midlight))
            done = min(1.0, words / target)
            bar = QRect(track.left(), track.top(), int(track.width() * done), 2)
            painter.fillRect(bar, DONE_COLOUR if done >= 1 else UNDER_COLOUR)
        x = rect.left()
        limit = rect.right() - count_width - 8
        for name, colour in card.chips:
            width = min(metrics.horizontalAdvance(name) + 10, 110)
            if x + width > limit:
                break
            chip = QRect(x, rect.top() + 1, width, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(chip, 6, 6)
            painter.setPen(_readable_on(QColor(colour)))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - 8)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4

    # -- editing the synopsis --------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Qt override: a plain text box over the card's synopsis."""
        editor = QPlainTextEdit(parent)
        editor.setObjectName("cardSynopsisEditor")
        editor.setFrameShape(QPlainTextEdit.Shape.Box)
        editor.setTabChangesFocus(True)
        editor.setPlaceholderText("What happens in this scene")
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Qt override: the synopsis, with the caret at its end (never over what the writer typed)."""
        if isinstance(editor, QPlainTextEdit) and not editor.document().isModified():
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model, index: AnyIndex) -> None:  # noqa: ANN001
        """Qt override: hand the text to the model (which pushes the undoable edit)."""
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Qt override: over the synopsis area of the card."""
        editor.setGeometry(self.synopsis_rect(option.rect).adjusted(-4, -4, 4, 4))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter keeps the synopsis (Shift+Enter: a new line); the rest as Qt's delegates do."""
        if isinstance(watched, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)


def _blend(one: QColor, other: QColor, amount: float) -> QColor:
    return QColor(
        round(one.red() * (1 - amount) + other.red() * amount),
        round(one.green() * (1 - amount) + other.green() * amount),
        round(one.blue() * (1 - amount) + other.blue() * amount),
    )


def _readable_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    return QColor("#111111") if colour.lightnessF() > 0.6 else QColor("#ffffff")


def _draw_wrapped(painter: QPainter, text: str, font: QFont, area: QRect) -> None:
    """Draw ``text`` wrapped in ``area``; the last line that fits ends in an ellipsis if more follows."""
    metrics = QFontMetrics(font)
    lines_fit = max(1, area.height() // metrics.lineSpacing())
    layout = QTextLayout(" ".join(text.split()), font)
    layout.beginLayout()
    shown: list[tuple[int, int]] = []
    while len(shown) <= lines_fit:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(area.width())
        shown.append((line.textStart(), line.textLength()))
    layout.endLayout()
    flat = layout.text()
    for number, (start, length) in enumerate(shown[:lines_fit]):
        piece = flat[start : start + length].rstrip()
        if number == lines_fit - 1 and len(shown) > lines_fit:
            piece = metrics.elidedText(flat[start:], Qt.TextElideMode.ElideRight, area.width())
        baseline = area.top() + number * metrics.lineSpacing() + metrics.ascent()
        painter.drawText(QPointF(area.left(), baseline), piece)
