"""Tooltips that name an action and its shortcut ("New Scene (Ctrl+N)"), kept in step with it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def plain_text(action: QAction) -> str:
    """The action's text without its mnemonic ampersands or a trailing ellipsis."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").strip()


def shortcut_tip(action: QAction, description: str = "") -> str:
    """``Title (Keys)``, then ``description`` on a second line when there is one."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    title = f"{plain_text(action)} ({keys})" if keys else plain_text(action)
    return f"{title}\n{description}" if description and description != plain_text(action) else title


class ShortcutTips(QObject):
    """Keeps the tooltips of some actions as ``shortcut_tip``: renamed (Undo Move Scene) or rebound."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._descriptions: dict[QAction, str] = {}
        self._shown_for: dict[QAction, tuple[str, str]] = {}  # the text and keys each tip was made for

    def follow(self, action: QAction) -> None:
        """Give ``action`` its tooltip now and whenever its text or shortcut changes."""
        if action in self._descriptions:
            return
        # The owner's one-line description: the status tip, else a tooltip it set itself.
        own_tip = action.toolTip() if action.toolTip() != plain_text(action) else ""
        description = action.statusTip() or own_tip
        self._descriptions[action] = description
        action.changed.connect(lambda a=action: self._refresh(a))
        self._refresh(action)

    def _refresh(self, action: QAction) -> None:
        made_for = (action.text(), action.shortcut().toString())
        if self._shown_for.get(action) == made_for:
            return  # changed for another reason (enabled, checked), or by the line below
        self._shown_for[action] = made_for
        action.setToolTip(shortcut_tip(action, self._descriptions.get(action, "")))
