"""*Help › Keyboard Shortcuts…*: every action of the window with its keys, searchable.

The list is read from the window when the dialog opens — its menus (submenus included) and
the actions it holds outside them — never from a list kept by hand, so a new action shows
up by itself. Open Recent's entries (project paths) are left out: they are places, not actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
)

from studio.gui.dialog_size import fit_to_screen
from studio.gui.elided import FullTextDelegate

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

COLUMNS = ("Action", "Keys", "Menu")
OTHER = "Other"  # actions the window holds outside its menus


@dataclass(frozen=True)
class ActionEntry:
    """One action as the list shows it."""

    text: str
    keys: str
    menu: str
    tip: str
    icon: QIcon = field(default_factory=QIcon, compare=False)


def plain_text(action: QAction) -> str:
    """The action's text without its mnemonic ampersand (``&&`` stays one ``&``)."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_of(action: QAction) -> str:
    """The action's shortcuts as the platform writes them, joined with commas."""
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


def collect_actions(window: MainWindow) -> list[ActionEntry]:
    """Every named action of ``window``: its menus' in menu order, then the others it holds."""
    entries: list[ActionEntry] = []
    seen: set[int] = set()
    skipped = {id(window.menus.recent_menu)} if window.menus.recent_menu is not None else set()

    def add(action: QAction, where: str) -> None:
        if id(action) in seen or action.isSeparator() or not plain_text(action).strip():
            return
        seen.add(id(action))
        entries.append(
            ActionEntry(plain_text(action), keys_of(action), where, action.statusTip(), action.icon())
        )

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                seen.add(id(action))
                if id(submenu) not in skipped:
                    walk(submenu, f"{where} › {plain_text(action)}")
            else:
                add(action, where)

    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_text(action))
    for action in window.findChildren(QAction):
        parent = action.parent()
        if not (isinstance(parent, QMenu) and id(parent) in skipped) and action.shortcuts():
            add(action, OTHER)  # keys the window answers to though no menu shows them
    return entries


class ShortcutsDialog(QDialog):
    """A filter field over the window's actions: name, keys and menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.main_window = window
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # every column: a name, a key or a menu
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setObjectName("shortcutsSearch")
        self.search.setPlaceholderText("Search actions, keys or menus (e.g. undo, Ctrl+E, Scene)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.view = QTreeView()
        self.view.setObjectName("shortcutsList")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(False)
        self.view.setItemDelegate(
            FullTextDelegate(self.view)
        )  # "Undo Set Labels of “The…”", whole in a tooltip
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("shortcutsCount")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 620)

    def collect(self) -> list[ActionEntry]:
        """Read the window's actions again and list them; return what is listed."""
        entries = collect_actions(self.main_window)
        self.model.removeRows(0, self.model.rowCount())
        blank_pixmap = QPixmap(self.view.iconSize() if self.view.iconSize().isValid() else QSize(16, 16))
        blank_pixmap.fill(Qt.GlobalColor.transparent)
        blank = QIcon(blank_pixmap)  # keeps the names of actions without an icon in line
        for entry in entries:
            row = [
                QStandardItem(entry.icon if not entry.icon.isNull() else blank, entry.text),
                QStandardItem(entry.keys),
                QStandardItem(entry.menu),
            ]
            tip = f"{entry.text}\n{entry.tip}" if entry.tip and entry.tip != entry.text else entry.text
            for item in row:
                item.setToolTip(tip)  # the whole name first: a long one is elided in its row
                item.setEditable(False)
            self.model.appendRow(row)
        self._on_search(self.search.text())
        return entries

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """The rows the filter lets through: (action, keys, menu)."""
        proxy = self.proxy
        return [
            (proxy.index(r, 0).data(), proxy.index(r, 1).data(), proxy.index(r, 2).data())
            for r in range(proxy.rowCount())
        ]

    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            f"{total} actions" if shown == total else f"{shown} of {total} actions match “{text.strip()}”"
        )
