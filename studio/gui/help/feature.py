"""*Help › Keyboard Shortcuts…*, *Help › Project Format*, *Help › About Story Studio*.

The dialogs are built when first opened (nothing of them loads while the window starts) and
kept, so a second open shows the same dialog in front.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from studio.gui.features import WindowFeature
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

SHORTCUTS_KEYS = "Ctrl+/"


class HelpFeature(WindowFeature):
    """The Help menu's entries and their dialogs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.dialogs: dict[str, QDialog] = {}
        menu = window.menu("help")
        self.shortcuts_action = self._action(
            "&Keyboard Shortcuts…",
            "keyboardShortcutsAction",
            "Every action and its keys",
            self.open_shortcuts,
        )
        self.shortcuts_action.setShortcut(QKeySequence(SHORTCUTS_KEYS))
        self.format_action = self._action(
            "&Project Format",
            "projectFormatAction",
            "How a project is kept on disk: story.json, scenes, characters",
            self.open_project_format,
        )
        self.about_action = self._action(
            "&About Story Studio", "aboutAction", "Version, licence and credits", self.open_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.setIcon(icon(Icon.INFO))
        self.format_action.setIcon(icon(Icon.QUESTION))
        menu.addActions([self.shortcuts_action, self.format_action])
        menu.addSeparator()
        menu.addAction(self.about_action)

    def _action(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _show(self, key: str, build: Callable[[], QDialog]) -> QDialog:
        dialog = self.dialogs.get(key)
        if dialog is None:
            dialog = self.dialogs[key] = build()
        dialog.show()
        dialog.activateWindow()
        return dialog

    def open_shortcuts(self) -> QDialog:
        """Show the searchable list of every action and its keys (collected afresh each time)."""
        from studio.gui.help.shortcuts_dialog import ShortcutsDialog

        dialog = self._show("shortcuts", lambda: ShortcutsDialog(self.window))
        assert isinstance(dialog, ShortcutsDialog)
        dialog.collect()
        return dialog

    def open_project_format(self) -> QDialog:
        """Show the project format, the same text as the README's section."""
        from studio.gui.help.format_dialog import ProjectFormatDialog

        return self._show("format", lambda: ProjectFormatDialog(self.window))

    def open_about(self) -> QDialog:
        """Show the About box."""
        from studio.gui.help.about_dialog import AboutDialog

        return self._show("about", lambda: AboutDialog(self.window))
