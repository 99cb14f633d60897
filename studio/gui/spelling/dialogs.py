"""Spelling settings: the project word list, and the project's spelling language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.core.spelling.dictionary import available_languages

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English (British and American)",
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


def language_label(code: str) -> str:
    """The name shown for a language code: ``English (British and American)``."""
    return LANGUAGE_NAMES.get(code, code)


class WordListDialog(QDialog):
    """Edits the project word list: one word per line."""

    def __init__(self, words: list[str], read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordListDialog")
        self.setWindowTitle("Project Word List")
        self.resize(360, 420)
        note = QLabel(
            "Words the spellchecker accepts in this project, one per line. "
            "Characters’ names and aliases are known without being listed here."
        )
        note.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("wordListEditor")
        self.editor.setPlainText("\n".join(words))
        self.editor.setReadOnly(read_only)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not read_only)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def words(self) -> list[str]:
        """The words typed, without blanks or repeats, sorted."""
        return sorted({line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()})


class LanguageDialog(QDialog):
    """Chooses the project's spelling language among the dictionaries installed."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spellingLanguageDialog")
        self.setWindowTitle("Spelling Language")
        self.combo = QComboBox()
        self.combo.setObjectName("spellingLanguageCombo")
        for code in available_languages():
            self.combo.addItem(language_label(code), code)
        index = self.combo.findData(current)
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
