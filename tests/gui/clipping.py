"""Find clipped text: labels, buttons, fields and combo boxes whose text does not fit, spin boxes
without arrows, and item views that cut or wrap their rows instead of eliding them.

``clipped_widgets(root)`` walks every visible widget under ``root`` and measures its text with its
own font metrics against the rectangle the widget (and its style, style sheets included) draws
the text in. Each problem is one line naming the widget's class, its parent chain and its text.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QToolTip,
    QTreeView,
    QWidget,
)

from studio.gui.elided import ElidedLabel, ElidingStatusBar

SLACK = 1  # a pixel of rounding between font metrics and the painted glyphs


def describe(widget: QWidget) -> str:
    """``Class#name < Parent#name < …`` up to the window, for a failure message."""
    chain = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        chain.append(type(current).__name__ + (f"#{name}" if name else ""))
        if current.isWindow():
            break
        current = current.parentWidget()
    return " < ".join(chain)


def _problem(widget: QWidget, text: str, why: str) -> str:
    return f"{describe(widget)} text {text!r}: {why}"


def _plain(text: str) -> str:
    """A button's text as drawn: ``&&`` is one ampersand, a lone ``&`` marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _text_width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
    )


def check_label(label: QLabel) -> str | None:
    """Whether a label's text fits its contents rectangle (wrapped if it wraps)."""
    text = label.shown_text() if isinstance(label, ElidedLabel) else label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    seen = label.visibleRegion().boundingRect()
    if not seen.isEmpty():  # a label running under its parent's edge is cut there
        rect = rect & seen
    margin = label.margin()
    rect.adjust(margin, margin, -margin, -margin)
    metrics = label.fontMetrics()
    if label.buddy() is not None:  # "&Name:" shows as "Name:" with the N underlined
        text = _plain(text)
    if _is_rich(label):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(rect.width())
        need_w, need_h = doc.idealWidth(), doc.size().height()
    elif label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap) | int(label.alignment())
        bound = metrics.boundingRect(QRect(0, 0, rect.width(), 100000), flags, text)
        need_w, need_h = bound.width(), bound.height()
    else:
        need_w, need_h = _text_width(metrics, text), metrics.height() * (text.count("\n") + 1)
    if need_w > rect.width() + SLACK:
        return _problem(label, text, f"needs {need_w:.0f} px wide, has {rect.width()}")
    if need_h > rect.height() + SLACK:
        return _problem(label, text, f"needs {need_h:.0f} px high, has {rect.height()}")
    return None


def check_button(button: QAbstractButton) -> str | None:
    """Whether a button's text fits beside its icon (or check mark) inside its padding."""
    text = _plain(button.text())
    if not text.strip():
        return None
    metrics = button.fontMetrics()
    style = button.style()
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull():
            return None
        need = button.sizeHint().width()
        if button.width() + SLACK < need:
            return _problem(button, text, f"needs {need} px wide, has {button.width()}")
        return None
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QCheckBox):
        rect = style.subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, button)
    elif isinstance(button, QRadioButton):
        rect = style.subElementRect(QStyle.SubElement.SE_RadioButtonContents, option, button)
    elif isinstance(button, QPushButton):
        rect = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    else:
        rect = button.contentsRect()
    need = _text_width(metrics, text)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if need > rect.width() + SLACK:
        return _problem(button, text, f"needs {need} px wide, has {rect.width()}")
    if metrics.height() > rect.height() + SLACK + 2:
        return _problem(button, text, f"needs {metrics.height()} px high, has {rect.height()}")
    return None


def _line_edit_text_rect(edit: QLineEdit) -> QRect:
    """The rectangle QLineEdit::paintEvent draws its text in."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    rect.adjust(margins.left() + 2, margins.top(), -margins.right() - 2, -margins.bottom())
    for action in edit.actions():  # the clear button and other trailing icons take room
        for child in action.associatedObjects():
            if isinstance(child, QWidget) and child.parent() is edit and child.isVisible():
                if child.x() > rect.center().x():
                    rect.setRight(min(rect.right(), child.x()))
                else:
                    rect.setLeft(max(rect.left(), child.geometry().right()))
    return rect


def check_line_edit(edit: QLineEdit) -> str | None:
    """Whether a field is tall enough for its text, and shows the start of a text too long for it."""
    text = edit.text() or edit.placeholderText()
    if not text:
        return None
    if edit.echoMode() != QLineEdit.EchoMode.Normal:
        return None
    rect = _line_edit_text_rect(edit)
    metrics = edit.fontMetrics()
    if metrics.height() > rect.height() + SLACK:
        return _problem(
            edit, text, f"cut top and bottom: needs {metrics.height()} px high, has {rect.height()}"
        )
    fits = metrics.horizontalAdvance(text) <= rect.width() + SLACK
    if not fits and edit.text() and edit.cursorPosition() != 0 and not edit.hasFocus():
        return _problem(edit, text, f"shows the end of a text too long for its {rect.width()} px")
    if not fits and not edit.text():
        return _problem(
            edit, text, f"placeholder needs {metrics.horizontalAdvance(text)} px, has {rect.width()}"
        )
    return None


def check_combo(combo: QComboBox) -> str | None:
    """Whether a combo box's current text fits its edit field."""
    text = combo.currentText()
    if not text or combo.isEditable():  # an editable combo's line edit is checked as a field
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    option.currentText = text
    option.subControls = QStyle.SubControl.SC_All
    rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > rect.width() + SLACK:
        return _problem(combo, text, f"needs {need} px wide, has {rect.width()}")
    return None


def check_status_bar(bar: QStatusBar) -> str | None:
    """Whether the status bar's message fits left of its permanent widgets (or is elided)."""
    message = bar.currentMessage()
    if not message:
        return None
    if isinstance(bar, ElidingStatusBar):
        left, right = bar.message_rect()
        shown = bar.shown_text()
        middle = QPoint((left + right) // 2, bar.height() // 2)
        if shown != message and _tooltip(bar, middle) != message:
            return _problem(bar, message, "is elided without the whole message as its tooltip")
    else:
        left, right, shown = 6, min([bar.width() - 6, *_permanent_lefts(bar)]), message
    need = bar.fontMetrics().horizontalAdvance(shown)
    if need > right - left + SLACK:
        return _problem(bar, message, f"message needs {need} px wide, has {right - left}")
    return None


def _permanent_lefts(bar: QStatusBar) -> list[int]:
    children = bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [c.x() - 6 for c in children if c.isVisible() and c.x() > 0]


def check_spin_box(spin: QAbstractSpinBox) -> str | None:
    """Whether a spin box shows its up and down buttons."""
    if isinstance(spin, QDateTimeEdit) and spin.calendarPopup():
        return None  # a drop-down arrow for the calendar instead of steps
    if spin.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons:
        return _problem(spin, spin.text(), "has no arrow buttons (NoButtons)")
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.buttonSymbols = spin.buttonSymbols()
    option.frame = spin.hasFrame()
    option.subControls = QStyle.SubControl.SC_All
    image = spin.grab().toImage()
    steps = spin.stepEnabled()
    for part, name in ((QStyle.SubControl.SC_SpinBoxUp, "up"), (QStyle.SubControl.SC_SpinBoxDown, "down")):
        rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, spin)
        if rect.width() < 8 or rect.height() < 5:
            return _problem(spin, spin.text(), f"{name} button is {rect.width()}x{rect.height()} px")
        enabled = (
            QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
            if name == "up"
            else (QAbstractSpinBox.StepEnabledFlag.StepDownEnabled)
        )
        if steps & enabled and _ink(image, rect) < 3:
            return _problem(
                spin, spin.text(), f"{name} button draws no arrow in its {rect.width()}x{rect.height()} px"
            )
    return None


def _ink(image: QImage, rect: QRect) -> int:
    """Pixels in the middle of ``rect`` that stand out from its background (an arrow, not a frame)."""
    inner = rect.adjusted(rect.width() // 4, rect.height() // 4, -(rect.width() // 4), -(rect.height() // 4))
    colours = [
        image.pixelColor(x, y).lightness()
        for y in range(inner.top(), inner.bottom() + 1)
        for x in range(inner.left(), inner.right() + 1)
    ]
    if not colours:
        return 0
    background = max(set(colours), key=colours.count)
    return sum(1 for c in colours if abs(c - background) > 40)


def check_item_view(view: QAbstractItemView) -> str | None:
    """Whether a list, tree or table shows its rows on one line, elided in the middle with the whole
    text as the tooltip when cut, and never behind a sideways scroll bar."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return None
    rows = _visible_indexes(view)
    for index in rows:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = text.split("\n")
        if not text or not _row_is_cut(view, index, lines):
            continue
        if isinstance(view, QTableView | QTreeView | QListView) and view.wordWrap() and len(lines) == 1:
            return _problem(view, text, "wraps a row that should be elided (wordWrap is on)")
        delegate = view.itemDelegateForIndex(index)
        own_painter = type(delegate).paint is not QStyledItemDelegate.paint  # e.g. search hits, centred
        if view.textElideMode() != Qt.TextElideMode.ElideMiddle and not own_painter:
            return _problem(view, text, f"row cut with {view.textElideMode().name}, not elided in the middle")
        tip = tooltip_at(view, view.visualRect(index).center())
        if not all(line in tip for line in lines):
            return _problem(view, text, f"row elided without its whole text in the tooltip ({tip!r})")
    if view.horizontalScrollBar().isVisible() and not isinstance(view, QTableView):
        text = str(rows[0].data(Qt.ItemDataRole.DisplayRole) or "") if rows else ""
        return _problem(view, text, "rows hidden behind a horizontal scroll bar")
    return None


def _row_is_cut(view: QAbstractItemView, index: QModelIndex, lines: list[str]) -> bool:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    delegate = view.itemDelegateForIndex(index)
    if isinstance(delegate, QStyledItemDelegate):
        delegate.initStyleOption(option, index)
    room = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    room.adjust(3, 0, -3, 0)  # the style's text margin on either side
    metrics = QFontMetrics(option.font)
    if isinstance(view, QTableView | QTreeView | QListView) and view.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap)
        need = metrics.boundingRect(QRect(0, 0, room.width(), 100000), flags, "\n".join(lines))
        return need.height() > room.height() + SLACK or need.width() > room.width() + SLACK
    return max(metrics.horizontalAdvance(line) for line in lines) > room.width()


def tooltip_at(view: QAbstractItemView, point: QPoint) -> str:
    """The tooltip a view shows at a viewport point, asked as a hovering mouse asks it."""
    return _tooltip(view.viewport(), point)


def _tooltip(widget: QWidget, point: QPoint) -> str:
    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


def _visible_indexes(view: QAbstractItemView) -> list[QModelIndex]:
    model = view.model()
    found: list[QModelIndex] = []
    viewport = view.viewport().rect()

    def walk(parent: QModelIndex) -> None:
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount to itself: one column
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                if view.visualRect(index).intersects(viewport):
                    found.append(index)
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                walk(first)

    walk(QModelIndex())
    return found


def clipped_widgets(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` (itself included) whose text does not fit, one line each."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not shiboken6.isValid(widget):  # deleted meanwhile (a grab or a tooltip ran the event loop)
            continue
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            found = check_label(widget)
        elif isinstance(widget, QAbstractButton):
            found = check_button(widget)
        elif isinstance(widget, QLineEdit):
            found = check_line_edit(widget)
        elif isinstance(widget, QAbstractSpinBox):
            found = check_spin_box(widget)
        elif isinstance(widget, QComboBox):
            found = check_combo(widget)
        elif isinstance(widget, QAbstractItemView):
            found = check_item_view(widget)
        elif isinstance(widget, QStatusBar):
            found = check_status_bar(widget)
        else:
            continue
        if found:
            problems.append(found)
    return problems
