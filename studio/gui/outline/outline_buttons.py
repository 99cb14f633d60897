"""Small flat buttons under the outline (add a scene or a part, move up or down, to the trash).

The buttons carry the outline's own actions, so they are enabled, named and undone exactly
as the Scene menu's entries; the actions get their icons here, once, for every place they show.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from studio.gui.icons import Icon, icon
from studio.gui.outline.view import OutlineView

BUTTON_ICON_SIZE = QSize(16, 16)


def give_outline_icons(view: OutlineView) -> None:
    """Give the outline's structure actions their icons (in menus, toolbar and buttons alike)."""
    for action, name in (
        (view.new_scene_action, Icon.NEW_SCENE),
        (view.new_part_action, Icon.NEW_PART),
        (view.rename_action, Icon.RENAME),
        (view.move_up_action, Icon.MOVE_UP),
        (view.move_down_action, Icon.MOVE_DOWN),
        (view.delete_action, Icon.TRASH),
        (view.merge_action, Icon.MERGE),
    ):
        action.setIcon(icon(name))


class OutlineButtons(QWidget):
    """The row of buttons under the outline tree; each triggers one of the tree's actions."""

    def __init__(self, view: OutlineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineButtons")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        groups = (
            (view.new_scene_action, view.new_part_action),
            (view.move_up_action, view.move_down_action),
            (view.delete_action,),
        )
        for number, group in enumerate(groups):
            if number:
                layout.addSpacing(8)
            for action in group:
                button = QToolButton(self)
                button.setDefaultAction(action)
                button.setIconSize(BUTTON_ICON_SIZE)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                button.setAutoRaise(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tree keeps the focus and selection
                layout.addWidget(button)
                self.buttons.append(button)
        layout.addStretch(1)


def outline_with_buttons(view: OutlineView) -> QWidget:
    """The outline tree with its buttons underneath, as one widget (the Manuscript tab)."""
    give_outline_icons(view)
    pane = QWidget()
    pane.setObjectName("outlinePane")
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(view, 1)
    layout.addWidget(OutlineButtons(view, pane))
    return pane
