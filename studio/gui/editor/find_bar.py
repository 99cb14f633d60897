"""The find bar under the editor: Ctrl+F, next/previous (F3, Shift+F3, Enter, Shift+Enter), Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Finds text in the editor's scene, case-insensitively, wrapping around."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in scene")
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        previous = _tool_button("‹", "Find previous (Shift+F3)")
        following = _tool_button("›", "Find next (F3)")
        close = _tool_button("×", "Close (Esc)")
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.field.setMaximumWidth(380)
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.textChanged.connect(self._search_from_start_of_selection)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), editor, context=Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._escape_in_editor)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the editor's selection (if any) as the search text, and focus it."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the focus back to the editor."""
        self.hide()
        self.editor.setFocus()

    def _escape_in_editor(self) -> None:
        if self.isVisible():
            self.close_bar()

    def find_next(self) -> bool:
        """Select the next match after the cursor (wrapping); return whether one was found."""
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        """Select the previous match before the cursor (wrapping)."""
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.setText("")
            return False
        document = self.editor.document()
        found = document.find(needle, self.editor.textCursor(), flags)
        if found.isNull():
            start = self.editor.textCursor()
            start.movePosition(
                start.MoveOperation.End
                if flags & QTextDocument.FindFlag.FindBackward
                else start.MoveOperation.Start
            )
            found = document.find(needle, start, flags)
        if found.isNull():
            self.status.setText("Not found")
            self.field.setProperty("notFound", True)
            self._repolish()
            return False
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        self.status.setText("")
        self.field.setProperty("notFound", False)
        self._repolish()
        return True

    def _search_from_start_of_selection(self) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.editor.setTextCursor(cursor)
        self.find_next()

    def _repolish(self) -> None:
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001
        """Enter/Shift+Enter search, Esc closes."""
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def _tool_button(text: str, tip: str) -> QToolButton:
    """A tool button showing ``text``, with ``tip`` as its tooltip."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    return button
