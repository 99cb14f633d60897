"""Spelling in the window: underlines in the editor, the context menu, and the Tools menu actions.

The ``SpellEngine`` is built on the spelling worker thread (loading a dictionary takes
20-150 ms), then handed to the editor's ``SpellHighlighter``. A word added to the
project word list, or a character added or renamed, updates the engine and drops the
matching underlines at once; the whole scene is then checked again in the background.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import QMenu

from studio.core.errors import StudioError
from studio.core.spelling.checker import (
    SpellEngine,
    add_user_word,
    apostrophe_style,
    character_words,
    read_user_words,
    word_list_entry,
    write_user_words,
)
from studio.core.spelling.dictionary import dictionary_code, is_cached
from studio.gui import messages
from studio.gui.features import WindowFeature
from studio.gui.icons import Icon, icon
from studio.gui.spelling.dialogs import (
    ClickableLabel,
    LanguageDialog,
    WordListDialog,
    language_label,
    short_language_label,
)
from studio.gui.spelling.highlight import SpellHighlighter
from studio.gui.workers import run_in_worker

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

SETTING = "spelling"


def spelling_enabled(settings: dict[str, Any]) -> bool:
    """Whether spelling is on for a project (on unless turned off)."""
    value = settings.get(SETTING, True)
    if isinstance(value, dict):
        return bool(value.get("enabled", True))
    return bool(value)


class SpellingFeature(WindowFeature):
    """Spelling in a window: the project's engine, the editor's highlighter and the menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("spellingFeature")
        self.word_list_dialog: WordListDialog | None = None
        self.language_dialog: LanguageDialog | None = None
        self.session = window.session
        self.editor = window.editor
        self.engine: SpellEngine | None = None
        self.highlighter = SpellHighlighter(self.editor)
        self.highlighter.set_enabled(spelling_enabled(self.project.settings))
        self._build_actions()
        self._build_language_button()
        self.editor.add_context_menu_hook(self.extend_context_menu)
        self.session.word_list_changed.connect(self._on_word_list_changed)
        self.session.cast_changed.connect(self._on_cast_changed)
        self.session.notes_changed.connect(self._on_cast_changed)  # places and things are names too

    def after_first_paint(self) -> None:
        """Load the dictionary once the window has painted (it never delays opening a project)."""
        self.load_engine()

    @property
    def project(self):  # noqa: ANN201
        """The open project."""
        return self.session.project

    # -- the engine -------------------------------------------------------------------
    def load_engine(self) -> None:
        """Build the engine for the project's language on the worker thread."""
        language = self.project.language
        words, names = list(self.project.word_list), character_words(self.project)
        if not is_cached(language):
            self.window.statusBar().showMessage(
                f"Preparing the {language_label(language)} dictionary (only the first time)…", 15000
            )

        def build() -> SpellEngine | StudioError:
            try:
                engine = SpellEngine(language)
            except StudioError as error:
                return error
            engine.set_words("project", words)
            engine.set_words("characters", names)
            engine.set_words("user", read_user_words())
            return engine

        run_in_worker(build, self._engine_ready)

    def _engine_ready(self, engine: SpellEngine | StudioError | None) -> None:
        if engine is None:
            return  # the build failed (logged)
        if isinstance(engine, StudioError):
            self.window.statusBar().showMessage(f"Spelling is off: {engine}", 8000)
            return
        if engine.language != (dictionary_code(self.project.language) or "en"):
            return  # the language changed again meanwhile; a newer engine is on its way
        self.engine = engine
        self.highlighter.set_engine(engine)

    def _on_word_list_changed(self) -> None:
        if self.engine is not None:
            self.engine.set_words("project", self.project.word_list)
            self.highlighter.recheck_all()

    def _on_cast_changed(self, _change: object) -> None:
        if self.engine is not None:
            self.engine.set_words("characters", character_words(self.project))
            self.highlighter.recheck_all()

    # -- menus ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.window.menu("tools")
        self.toggle_action = self._make_toggle(self)
        menu.addAction(self.toggle_action)
        self.word_list_action = QAction("&Word Lists…", self)
        self.word_list_action.setObjectName("wordListAction")
        self.word_list_action.setStatusTip(
            "Edit the words the spellchecker accepts: in this project, and in all projects"
        )
        self.word_list_action.triggered.connect(self.edit_word_list)
        self.word_list_action.setIcon(icon(Icon.WORD_LIST))
        menu.addAction(self.word_list_action)
        self.language_action = QAction("Spelling &Language…", self)
        self.language_action.setObjectName("spellingLanguageAction")
        self.language_action.setStatusTip("Choose the dictionary for this project")
        self.language_action.triggered.connect(self.choose_language)
        self.language_action.setIcon(icon(Icon.LANGUAGE))
        menu.addAction(self.language_action)

    def _build_language_button(self) -> None:
        """The project's spelling language in the status bar; a click changes it."""
        self.language_button = ClickableLabel()
        self.language_button.setObjectName("spellingLanguageButton")
        self.language_button.clicked.connect(self.choose_language)
        self.window.statusBar().addPermanentWidget(self.language_button)
        self._show_language()

    def _show_language(self) -> None:
        language = self.project.language
        self.language_button.setText(short_language_label(language))
        self.language_button.setToolTip(
            f"Spelling language of this project: {language_label(language)}. Click to change it."
        )

    def _make_toggle(self, parent: QObject) -> QAction:
        action = QAction("Check &Spelling", parent)
        action.setObjectName("spellingToggleAction")
        action.setCheckable(True)
        action.setChecked(self.highlighter.enabled)
        action.setStatusTip("Underline unknown words in this project")
        action.toggled.connect(self.set_enabled)
        return action

    def set_enabled(self, enabled: bool) -> None:
        """Turn spelling on or off for the project (stored in its settings)."""
        if self.toggle_action.isChecked() != enabled:
            self.toggle_action.setChecked(enabled)
            return
        self.highlighter.set_enabled(enabled)
        if spelling_enabled(self.project.settings) == enabled:
            return
        if self.session.read_only:
            self.project.settings[SETTING] = enabled
            return
        try:
            self.project.set_setting(SETTING, enabled)
        except (StudioError, OSError) as error:
            messages.inform(self.window, "Spelling", "The spelling setting could not be saved.", str(error))

    def extend_context_menu(self, menu: QMenu, pos: QPoint) -> None:
        """Put suggestions, Add to Word List and Ignore at the top of the editor's menu."""
        first = menu.actions()[0] if menu.actions() else None
        mark = None
        if self.highlighter.enabled and self.engine is not None:
            mark = self.highlighter.misspelling_at(self.editor.cursorForPosition(pos).position())
        if mark is not None:
            actions = self._word_actions(menu, mark)
            if first is None:  # an empty menu: inserting before no action appends, as Qt does
                menu.addActions(actions)
                menu.addSeparator()
            else:
                for action in actions:
                    menu.insertAction(first, action)
                menu.insertSeparator(first)
        menu.addSeparator()
        menu.addAction(self._make_toggle(menu))

    def _word_actions(self, menu: QMenu, mark: QTextCursor) -> list[QAction]:
        assert self.engine is not None
        word = mark.selectedText()
        style = apostrophe_style(mark.block().text())
        suggestions = self.engine.suggest(word, apostrophe=style)
        can_edit = not self.editor.isReadOnly()
        actions = []
        bold = QFont(menu.font())
        bold.setBold(True)
        for index, suggestion in enumerate(suggestions):
            action = QAction(suggestion, menu)
            action.setObjectName(f"spellingSuggestion{index}")
            action.setFont(bold)
            action.setEnabled(can_edit)
            action.triggered.connect(partial(self._replace_from_menu, mark, suggestion))
            actions.append(action)
        if not suggestions:
            none = QAction("No Suggestions", menu)
            none.setObjectName("spellingNoSuggestions")
            none.setEnabled(False)
            actions.append(none)
        entry = word_list_entry(word)
        add = QAction(f"Add “{entry}” to Project Word List", menu)
        add.setObjectName("spellingAddWordAction")
        add.setEnabled(not self.session.read_only)
        add.triggered.connect(lambda _=False: self.add_to_word_list(entry))
        add_user = QAction(f"Add “{entry}” to Dictionary", menu)
        add_user.setObjectName("spellingAddToDictionaryAction")
        add_user.setStatusTip("Accept this word in every project (your own word list)")
        add_user.triggered.connect(lambda _=False: self.add_to_dictionary(entry))
        ignore = QAction("Ignore All", menu)
        ignore.setObjectName("spellingIgnoreAction")
        ignore.setStatusTip("Accept this word everywhere until the app closes (not stored)")
        ignore.triggered.connect(lambda _=False: self.ignore(word))
        return [*actions, add, add_user, ignore]

    # -- actions on words -------------------------------------------------------------
    def _replace_from_menu(self, mark: QTextCursor, replacement: str, _checked: bool = False) -> None:
        self.replace(mark, replacement)

    def replace(self, mark: QTextCursor, replacement: str) -> None:
        """Replace the word ``mark`` selects by ``replacement``, as one undoable edit."""
        if self.editor.isReadOnly() or not mark.hasSelection():
            return
        mark.beginEditBlock()
        mark.insertText(replacement)
        mark.endEditBlock()

    def add_to_word_list(self, word: str) -> None:
        """Add ``word`` to the project word list, save it, and un-flag it everywhere."""
        if not word or word in self.project.word_list:
            return
        self.project.word_list.append(word)
        self._save_word_list()

    def add_to_dictionary(self, word: str) -> None:
        """Add ``word`` to the user-wide word list (all projects) and un-flag it everywhere."""
        if not word:
            return
        try:
            words = add_user_word(word)
        except OSError as error:
            messages.inform(self.window, "Dictionary", "Your word list could not be saved.", str(error))
            return
        self._set_engine_user_words(words)

    def _set_engine_user_words(self, words: list[str]) -> None:
        if self.engine is not None:
            self.engine.set_words("user", words)
            self.highlighter.refilter()
            self.highlighter.recheck_all()

    def ignore(self, word: str) -> None:
        """Accept ``word`` for the rest of the session."""
        if self.engine is not None:
            self.engine.ignore(word)
            self.highlighter.refilter()

    def edit_word_list(self, show_user: bool = False) -> None:
        """Open the word-lists editor (project and user-wide); on OK save both and re-check."""
        dialog = WordListDialog(
            self.project.word_list,
            self.session.read_only,
            self.window,
            user_words=read_user_words(),
            show_user=show_user,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._set_word_lists(dialog.words(), dialog.user_words()))
        dialog.open()
        self.word_list_dialog = dialog

    def _set_word_lists(self, words: list[str], user_words: list[str]) -> None:
        try:
            if user_words != sorted(read_user_words(strict=True)):
                self._set_engine_user_words(write_user_words(user_words))
        except OSError as error:
            messages.inform(self.window, "Dictionary", "Your word list could not be saved.", str(error))
        if not self.session.read_only and words != sorted(self.project.word_list):
            self._set_word_list(words)

    def _set_word_list(self, words: list[str]) -> None:
        self.project.word_list = words
        self._save_word_list()

    def _save_word_list(self) -> None:
        try:
            self.project.save_word_list()
        except (StudioError, OSError) as error:
            messages.inform(self.window, "Word List", "The project word list could not be saved.", str(error))
        self.session.word_list_changed.emit()

    def choose_language(self) -> None:
        """Ask for the project's spelling language; on OK store it and reload the dictionary."""
        dialog = LanguageDialog(self.project.language, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_language(dialog.language()))
        dialog.open()
        self.language_dialog = dialog

    def set_language(self, language: str) -> None:
        """Store ``language`` in the manifest and check with its dictionary."""
        if language == self.project.language:
            return
        try:
            if self.session.read_only:
                self.project.language = language
            else:
                self.project.set_info(language=language)
        except (StudioError, OSError) as error:
            messages.inform(self.window, "Spelling", "The language could not be saved.", str(error))
            return
        self.window.statusBar().showMessage(f"Spelling language: {language_label(language)}", 4000)
        self._show_language()
        self.load_engine()
