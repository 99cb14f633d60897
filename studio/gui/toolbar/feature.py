"""The main toolbar: the everyday actions, with icons and tooltips that name their shortcuts.

The toolbar holds the other features' own actions (reached through their typed accessors),
so a button is enabled, named and undone exactly as the menu entry is. It can be hidden
from *View › Toolbar* or the window's context menu and moved to another edge; both are part
of the window's saved layout. Focus mode hides it with the other panels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from studio.gui.features import WindowFeature
from studio.gui.focus import FocusFeature
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.safety.feature import SafetyFeature
from studio.gui.search.feature import SearchFeature
from studio.gui.toolbar.tooltips import ShortcutTips

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

TOOLBAR_ICON_SIZE = QSize(20, 20)


class ToolbarFeature(WindowFeature):
    """The window's main toolbar (install it after the features whose actions it shows)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.tips = ShortcutTips(self)
        toolbar = self.toolbar = QToolBar("Toolbar", window)
        toolbar.setObjectName("mainToolbar")  # its place and visibility are saved under this name
        toolbar.setIconSize(TOOLBAR_ICON_SIZE)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.setFloatable(False)
        for number, group in enumerate(self._groups()):
            if number:
                toolbar.addSeparator()
            for action in group:
                self.tips.follow(action)
                toolbar.addAction(action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toggle_action = toolbar.toggleViewAction()
        self.toggle_action.setText("&Toolbar")
        self.toggle_action.setObjectName("toggleToolbarAction")
        self.toggle_action.setStatusTip("Show or hide the toolbar")
        window.menu("view").insertAction(window.menu_section("view", "panels"), self.toggle_action)
        self._restore_place()
        self._hidden_for_focus = False
        focus = FocusFeature.installed(window)
        if focus is not None:
            focus.focus_action.toggled.connect(self._on_focus_mode)

    def _groups(self) -> list[list[QAction]]:
        """The toolbar's actions, in groups between separators; each owner's typed action."""
        window, outline = self.window, self.window.outline_view
        menus = window.menus
        groups: list[list[QAction | None]] = [
            [outline.new_scene_action, outline.new_part_action],
            [outline.move_up_action, outline.move_down_action, outline.delete_action],
            [menus.undo_action, menus.redo_action],
            [menus.find_action],
        ]
        search = SearchFeature.installed(window)
        if search is not None:
            groups[-1].append(search.search_action)
        safety = SafetyFeature.installed(window)
        if safety is not None:
            groups.append([safety.take_action])
        publishing = PublishingFeature.installed(window)
        if publishing is not None:
            groups.append([publishing.import_action, publishing.export_action, publishing.post_action])
        groups.append([menus.preferences_action])
        return [[action for action in group if action is not None] for group in groups]

    def _restore_place(self) -> None:
        """Put the toolbar where the saved layout had it (the window restored it before it existed)."""
        state = self.window.settings.window_state
        if state:
            self.window.restoreState(QByteArray.fromHex(state.encode()))

    def _on_focus_mode(self, on: bool) -> None:
        if on and self.toolbar.isVisible():
            self._hidden_for_focus = True
            self.toolbar.hide()
        elif not on and self._hidden_for_focus:
            self._hidden_for_focus = False
            self.toolbar.show()
