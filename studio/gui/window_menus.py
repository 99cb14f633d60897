"""The main window's menus and their standard actions and shortcuts.

Undo/redo: Edit > Undo (Ctrl+Z) acts on the focused widget. In the scene editor
or a text field it undoes typing there; anywhere else (the outline tree, the
trash) it undoes the last structural change on the project undo stack, and is
named after it ("Undo Move Scene"). The
structural stack is also always reachable from Scene > Undo/Redo Structure Change
(Ctrl+Alt+Z / Ctrl+Alt+Shift+Z), whatever has the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit

from studio.app import commands
from studio.core.errors import NodeNotFoundError
from studio.gui.editor.format_menu import build_format_menu
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

Keys = QKeySequence.StandardKey
TextWidget = QTextEdit | QPlainTextEdit | QLineEdit


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    name: str,
    keys: list[QKeySequence | QKeySequence.StandardKey | str] | None = None,
    tip: str = "",
    icon_name: Icon | None = None,
) -> QAction:
    action = QAction(text, window)
    if icon_name is not None:
        action.setIcon(icon(icon_name))
    action.setObjectName(name)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


class WindowMenus:
    """The window's menus by name, the anchors features insert before, and the File menu's own actions."""

    def __init__(self) -> None:
        self.menus: dict[str, QMenu] = {}
        self.sections: dict[tuple[str, str], QAction] = {}
        self.recent_menu: QMenu | None = None
        self.save_action: QAction | None = None
        # Edit menu actions the toolbar shows too
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self.find_action: QAction | None = None
        self.preferences_action: QAction | None = None


def build_menus(window: MainWindow, menus: WindowMenus) -> None:
    """Create the File, Edit, View, Scene, Format, Tools and Help menus on ``window``, kept in ``menus``."""
    bar = window.menuBar()
    titles = {
        "file": "&File",
        "edit": "&Edit",
        "view": "&View",
        "scene": "&Scene",
        "format": "F&ormat",
        "tools": "&Tools",
        "help": "&Help",
    }
    for name, title in titles.items():
        menu = bar.addMenu(title)
        menu.setObjectName(f"{name}Menu")
        menus.menus[name] = menu
    _file_menu(window, menus)
    _edit_menu(window)
    _view_menu(window)
    _scene_menu(window)
    build_format_menu(window)
    # Help's entries (shortcuts, project format, About) are the help feature's (studio/gui/help/).
    window.editor.set_paragraph_look(window.settings.paragraph_look)


def _file_menu(window: MainWindow, menus: WindowMenus) -> None:
    from studio.gui import app

    menu = menus.menus["file"]
    _action(
        window,
        menu,
        "&New Project…",
        lambda: app.new_project_dialog(window),
        "newProjectAction",
        ["Ctrl+Shift+N"],
        "Create a new story project",
        Icon.NEW_PROJECT,
    )
    _action(
        window,
        menu,
        "&Open Project…",
        lambda: app.choose_project(window),
        "openProjectAction",
        [Keys.Open],
        "Open a project folder",
        Icon.OPEN_PROJECT,
    )
    recent = menus.recent_menu = menu.addMenu("Open &Recent")
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    _fill_recent(window, recent)
    menu.addSeparator()
    menus.save_action = _action(
        window,
        menu,
        "&Save",
        window.save_all,
        "saveAction",
        [Keys.Save],
        "Save the scene and the outline now",
        Icon.SAVE,
    )
    menu.addSeparator()
    # Import…/Export… (the publishing feature) go before this separator.
    menus.sections[("file", "publish")] = menu.addSeparator()
    quit_action = _action(
        window, menu, "&Quit", window.close, "quitAction", ["Ctrl+Q"], "Save and quit", Icon.QUIT
    )
    # Restore from Backup… (the safety feature) goes before Quit.
    menus.sections[("file", "restore")] = quit_action


def _fill_recent(window: MainWindow, recent: QMenu) -> None:
    from studio.gui import app

    recent.clear()
    current = str(window.project.root)
    paths = window.settings.recent_projects
    for path in paths if current in paths else [current, *paths]:
        action = recent.addAction(path)
        if path == current:
            # Listed (and ticked) so the menu is never empty while a project is open; already open here.
            action.setCheckable(True)
            action.setChecked(True)
            action.setStatusTip("This project (already open)")
            action.triggered.connect(lambda _checked=False, a=action: a.setChecked(True))
        else:
            action.triggered.connect(lambda _checked=False, p=path: app.open_project(p, window))
    recent.setEnabled(bool(recent.actions()))


def _focused_text_widget() -> TextWidget | None:
    widget = QApplication.focusWidget()
    return widget if isinstance(widget, (QTextEdit, QPlainTextEdit, QLineEdit)) else None


def _label(action: QAction, verb: str, text: str) -> None:
    if shiboken6.isValid(action):
        # a title may hold "&" (Salt & Sea): doubled, so it is shown and never taken for a mnemonic
        action.setText(f"{verb} {text.replace('&', '&&')}" if text else f"{verb} Structure Change")


def undo_focused(window: MainWindow) -> None:
    """Undo typing in the focused text widget, else the last structural change."""
    widget = _focused_text_widget()
    if widget is not None:
        widget.undo()
    else:
        undo_structure(window)


def redo_focused(window: MainWindow) -> None:
    """Redo typing in the focused text widget, else the next structural change."""
    widget = _focused_text_widget()
    if widget is not None:
        widget.redo()
    else:
        redo_structure(window)


def _on_text(edit: Callable[[TextWidget], object]) -> Callable[[], None]:
    def run() -> None:
        widget = _focused_text_widget()
        if widget is not None:
            edit(widget)

    return run


def _name_edit_undo(undo: QAction, redo: QAction, stack: QUndoStack) -> None:
    """Name Edit > Undo/Redo after what they would act on: typing, or the stack's next command."""
    if not (shiboken6.isValid(undo) and shiboken6.isValid(redo) and shiboken6.isValid(stack)):
        return  # a window closing: the stack or the actions may already be gone
    on_text = _focused_text_widget() is not None
    for action, verb, text in ((undo, "&Undo", stack.undoText()), (redo, "&Redo", stack.redoText())):
        action.setText(verb if on_text or not text else f"{verb} {text.replace('&', '&&')}")


class _EditUndoNamer(QObject):
    """Keeps Edit > Undo/Redo named; a child of the window, so it stops listening when the window goes."""

    def __init__(self, window: MainWindow, undo: QAction, redo: QAction) -> None:
        super().__init__(window)
        self.setObjectName("editUndoNamer")
        self._undo, self._redo, self._stack = undo, redo, window.session.undo_stack
        self._stack.undoTextChanged.connect(self._on_change)
        self._stack.redoTextChanged.connect(self._on_change)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_change)
        window.menu("edit").aboutToShow.connect(self._on_change)
        self._on_change()

    @Slot()
    def _on_change(self) -> None:
        _name_edit_undo(self._undo, self._redo, self._stack)


def _edit_menu(window: MainWindow) -> None:
    menu = window.menu("edit")
    undo = _action(
        window,
        menu,
        "&Undo",
        lambda: undo_focused(window),
        "undoAction",
        [Keys.Undo],
        "Undo typing in the editor, or the last change to the outline",
        Icon.UNDO,
    )
    redo = _action(
        window,
        menu,
        "&Redo",
        lambda: redo_focused(window),
        "redoAction",
        ["Ctrl+Shift+Z", "Ctrl+Y"],
        "Redo what was undone",
        Icon.REDO,
    )
    window.menus.undo_action, window.menus.redo_action = undo, redo
    _EditUndoNamer(window, undo, redo)
    menu.addSeparator()
    _action(window, menu, "Cu&t", _on_text(lambda w: w.cut()), "cutAction", [Keys.Cut], "", Icon.CUT)
    _action(window, menu, "&Copy", _on_text(lambda w: w.copy()), "copyAction", [Keys.Copy], "", Icon.COPY)
    _action(
        window, menu, "&Paste", _on_text(lambda w: w.paste()), "pasteAction", [Keys.Paste], "", Icon.PASTE
    )
    _action(
        window,
        menu,
        "Paste as Plain Te&xt",
        _on_text(_paste_plain),
        "pastePlainAction",
        ["Ctrl+Shift+V"],
        "Paste the clipboard's text without turning its italics and bold into markers",
        Icon.PASTE_PLAIN,
    )
    _action(
        window, menu, "Select &All", _on_text(lambda w: w.selectAll()), "selectAllAction", [Keys.SelectAll]
    )
    menu.addSeparator()
    window.menus.find_action = _action(
        window,
        menu,
        "&Find…",
        window.find_bar.open_bar,
        "findAction",
        [Keys.Find],
        "Find in this scene",
        Icon.FIND,
    )
    _action(window, menu, "Find &Next", window.find_bar.find_next, "findNextAction", [Keys.FindNext])
    _action(
        window,
        menu,
        "Find Pre&vious",
        window.find_bar.find_previous,
        "findPreviousAction",
        [Keys.FindPrevious],
    )
    menu.addSeparator()
    window.menus.preferences_action = _action(
        window,
        menu,
        "Pr&eferences…",
        lambda: open_preferences(window),
        "preferencesAction",
        ["Ctrl+,"],
        "The editor's font, the paragraph look and the theme",
        Icon.PREFERENCES,
    )


def _paste_plain(widget: TextWidget) -> None:
    from studio.gui.editor import SceneEditor

    if isinstance(widget, SceneEditor):
        widget.paste_plain()
    else:
        widget.paste()  # other fields hold plain text only


def open_preferences(window: MainWindow) -> None:
    """Open the preferences (the window applies them when accepted)."""
    window.open_preferences()


def _view_menu(window: MainWindow) -> None:
    menu = window.menu("view")
    outline = QAction("&Outline", window, checkable=True)
    outline.setObjectName("toggleOutlineAction")
    outline.setShortcut(QKeySequence("Ctrl+Shift+O"))
    outline.toggled.connect(lambda on: window.set_panel_visible(window.left_tabs, on))
    menu.addAction(outline)
    window.view_toggles[window.left_tabs] = outline
    inspector = window.inspector_dock.toggleViewAction()
    inspector.setText("Scene &Inspector")
    inspector.setObjectName("toggleInspectorAction")
    inspector.setShortcut(QKeySequence("Ctrl+Shift+I"))
    menu.addAction(inspector)
    # View > Toolbar (the toolbar feature) goes before this separator.
    window.menus.sections[("view", "panels")] = menu.addSeparator()


def _scene_menu(window: MainWindow) -> None:
    menu = window.menu("scene")
    menu.addActions(window.outline_view.actions_for_menu())
    menu.addSeparator()
    _action(
        window,
        menu,
        "&Split at Cursor",
        lambda: split_at_cursor(window),
        "splitSceneAction",
        ["Ctrl+Shift+K"],
        "Split this scene in two at the cursor",
        Icon.SPLIT,
    )
    _action(
        window,
        menu,
        "&Merge with Next",
        lambda: merge_with_next(window),
        "mergeSceneAction",
        ["Ctrl+Shift+M"],
        "Append the next scene of this part to this one",
        Icon.MERGE,
    )
    menu.addSeparator()
    stack = window.session.undo_stack
    undo = _action(
        window,
        menu,
        "Undo Structure Change",
        lambda: undo_structure(window),
        "undoStructureAction",
        ["Ctrl+Alt+Z"],
        "Undo the last change to the outline",
        Icon.UNDO,
    )
    redo = _action(
        window,
        menu,
        "Redo Structure Change",
        lambda: redo_structure(window),
        "redoStructureAction",
        ["Ctrl+Alt+Shift+Z"],
        "Redo the next change to the outline",
        Icon.REDO,
    )
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    # The stack may outlive these actions while a window closes: label only live actions.
    stack.undoTextChanged.connect(lambda text: _label(undo, "Undo", text))
    stack.redoTextChanged.connect(lambda text: _label(redo, "Redo", text))


def undo_structure(window: MainWindow) -> None:
    """Save the editor's text, then undo the last structural change (not while the text is unsaved)."""
    if _saved_first(window):
        window.session.undo_stack.undo()


def redo_structure(window: MainWindow) -> None:
    """Save the editor's text, then redo the next structural change (not while the text is unsaved)."""
    if _saved_first(window):
        window.session.undo_stack.redo()


def _saved_first(window: MainWindow) -> bool:
    """Save the editor; say so in the status bar when the text could not be saved."""
    if window.editor.save_now():
        return True
    message = "Save the scene first: its text could not be saved, so nothing was undone."
    window.statusBar().showMessage(message, 8000)
    return False


def split_at_cursor(window: MainWindow) -> None:
    """Save, then split the shown scene at the cursor (undoable)."""
    editor, session = window.editor, window.session
    scene_id = editor.current_scene_id()
    if not scene_id or editor.isReadOnly():
        return
    if not editor.save_now():
        window.statusBar().showMessage("Save the scene before splitting it.", 5000)
        return
    offset = editor.textCursor().position()
    _push(window, commands.SplitSceneCommand(session, scene_id, offset))


def merge_with_next(window: MainWindow) -> None:
    """Save, then merge the shown scene with the next one in its part (undoable)."""
    editor, session = window.editor, window.session
    scene_id = editor.current_scene_id()
    if not scene_id:
        return
    try:
        position = session.project.locate(scene_id)
    except NodeNotFoundError:
        return
    scenes = session.project.part(position.part_id).scenes
    if position.index + 1 >= len(scenes):
        window.statusBar().showMessage("This is the last scene of its part: nothing to merge with.", 5000)
        return
    if not editor.save_now():
        window.statusBar().showMessage("Save the scene before merging it.", 5000)
        return
    next_id = scenes[position.index + 1].id
    _push(window, commands.MergeScenesCommand(session, scene_id, next_id))


def _push(window: MainWindow, command: commands.ProjectCommand) -> None:
    """Push a structural command; a failure shows in the status bar (the command reports it)."""
    window.session.push(command)
    if command.error:
        window.statusBar().showMessage(command.error, 6000)
