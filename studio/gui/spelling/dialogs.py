"""Spelling settings: the word lists (project and user-wide), and the project's spelling language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.spelling.dictionary import available_languages, dictionary_code

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English (British and American)",
    "en-gb": "English (United Kingdom)",
    "en-us": "English (United States)",
    "es": "Spanish",
    "eu": "Basque",
    "fa": "Persian",
    "fr": "French",
    "it": "Italian",
    "lv": "Latvian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
}


SHORT_NAMES = {"en": "English", "en-gb": "English (UK)", "en-us": "English (US)"}


def short_language_label(code: str) -> str:
    """The name in the status bar, short enough for a narrow window: ``en-GB`` -> ``English (UK)``."""
    return SHORT_NAMES.get(dictionary_code(code)) or language_label(code)


def language_label(code: str) -> str:
    """The name shown for a language code: ``en-GB`` -> ``English (United Kingdom)``."""
    return LANGUAGE_NAMES.get(dictionary_code(code), code)


def project_code(code: str) -> str:
    """The code stored in the project for a dictionary code: ``en-gb`` -> ``en-GB``."""
    head, _, tail = code.partition("-")
    return f"{head}-{tail.upper()}" if tail else head


def _list_editor(name: str, words: list[str], read_only: bool) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setObjectName(name)
    editor.setPlainText("\n".join(words))
    editor.setReadOnly(read_only)
    return editor


def _lines(editor: QPlainTextEdit) -> list[str]:
    return sorted({line.strip() for line in editor.toPlainText().splitlines() if line.strip()})


class WordListDialog(QDialog):
    """Edits both word lists, one word per line: the project's and the user-wide dictionary."""

    def __init__(
        self,
        words: list[str],
        read_only: bool = False,
        parent: QWidget | None = None,
        user_words: list[str] | None = None,
        show_user: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wordListDialog")
        self.setWindowTitle("Word Lists")
        self.resize(380, 460)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("wordListTabs")
        project_page = QWidget()
        note = QLabel(
            "Words the spellchecker accepts in this project, one per line (kept in its words.txt). "
            "Characters’ names and aliases are known without being listed here."
        )
        note.setWordWrap(True)
        self.editor = _list_editor("wordListEditor", words, read_only)
        column = QVBoxLayout(project_page)
        column.addWidget(note)
        column.addWidget(self.editor, 1)
        user_page = QWidget()
        user_note = QLabel("Words the spellchecker accepts in every project: your own dictionary.")
        user_note.setWordWrap(True)
        self.user_editor = _list_editor("userWordListEditor", user_words or [], False)
        column = QVBoxLayout(user_page)
        column.addWidget(user_note)
        column.addWidget(self.user_editor, 1)
        self.tabs.addTab(project_page, "&Project Word List")
        self.tabs.addTab(user_page, "&Dictionary (All Projects)")
        self.tabs.setCurrentIndex(1 if show_user else 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def words(self) -> list[str]:
        """The project words typed, without blanks or repeats, sorted."""
        return _lines(self.editor)

    def user_words(self) -> list[str]:
        """The user-wide words typed, without blanks or repeats, sorted."""
        return _lines(self.user_editor)


class ClickableLabel(QLabel):
    """A status-bar label that acts as a button (it looks like the labels beside it)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Emit ``clicked`` for a left click released over the label."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class LanguageDialog(QDialog):
    """Chooses the project's spelling language among the dictionaries installed."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spellingLanguageDialog")
        self.setWindowTitle("Spelling Language")
        self.combo = QComboBox()
        self.combo.setObjectName("spellingLanguageCombo")
        for code in available_languages():
            self.combo.addItem(language_label(code), project_code(code))
        index = self.combo.findData(project_code(dictionary_code(current)))
        self.combo.setCurrentIndex(max(0, index))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Check spelling in", self.combo)
        form.addRow(buttons)

    def language(self) -> str:
        """The language code chosen."""
        return str(self.combo.currentData())
