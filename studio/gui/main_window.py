"""The main window: outline on the left, the scene editor in the centre, the inspector on the right.

The outline and the editor share a splitter; the inspector is the first dock of the right
column, and feature panels added there become tabs beside it.

Features (spelling, characters, publishing, safety) are ``WindowFeature`` classes the
launcher hands over; the window installs them in order and knows nothing else of them.
They add menu actions with ``window.menu(name)`` (at ``window.menu_section(...)``), docks
with ``window.add_panel(...)``, and listen to ``window.session``, ``window.editor`` and
``window.close_accepted``.

The lock and the outside-change watcher are no feature: the window's ``ProjectGuard``
holds them from the start until a close is accepted. Closing is one decision:
``close_accepted`` is emitted once the text is saved (or the writer chose to lose it),
and only then are the settings stored, the guard released and the window deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.app.project_guard import ProjectGuard
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.safety.locking import ProjectLockedError
from studio.gui import messages
from studio.gui.dialog_size import fit_to_screen
from studio.gui.editor import SceneEditor
from studio.gui.editor.find_bar import FindBar
from studio.gui.elided import ElidedLabel, ElidingStatusBar
from studio.gui.features import WindowFeature
from studio.gui.first_paint import after_first_paint
from studio.gui.outline.inspector import SceneInspector
from studio.gui.outline.outline_buttons import outline_with_buttons
from studio.gui.outline.trash_panel import TrashPanel
from studio.gui.outline.view import OutlineView
from studio.gui.preferences_dialog import PreferencesDialog
from studio.gui.problems import report_problems
from studio.gui.safety.dialogs import CANCEL, TAKE_OVER, LockDialog
from studio.gui.settings import AppSettings
from studio.gui.theme import app_icon, apply_theme, effective_theme
from studio.gui.window_menus import WindowMenus, build_menus
from studio.gui.word_counts import WordCountsLabel

APP_NAME = "Story Studio"
MENU_NAMES = ("file", "edit", "view", "scene", "tools", "help")
DOCK_FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)
DOCK_AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
}


class LazyDock(QDockWidget):
    """A dock that holds a placeholder until first shown, then builds its widget with ``factory``.

    ``content()`` builds it at once (for code that needs the panel before it was ever shown).
    """

    def __init__(self, title: str, parent: QWidget, factory: Callable[[], QWidget]) -> None:
        super().__init__(title, parent)
        self._factory: Callable[[], QWidget] | None = factory
        self.setWidget(QWidget())  # keeps the dock's place and size until the panel is built
        self.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def built(self) -> bool:
        """Whether the real widget was built."""
        return self._factory is None

    def content(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        factory, self._factory = self._factory, None
        if factory is not None:
            placeholder = self.widget()
            self.setWidget(factory())
            placeholder.deleteLater()
        return self.widget()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._factory is not None:
            self.content()


class MainWindow(QMainWindow):
    """The writing window over one open project (one ``ProjectSession`` for its whole life)."""

    project_shown = Signal()
    # The window is closing for good (its text saved, or given up by the writer): let go now.
    close_accepted = Signal()

    def __init__(
        self,
        session: ProjectSession,
        settings: AppSettings | None = None,
        features: Iterable[type[WindowFeature]] = (),
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a closed window is really freed
        self.session = session
        if session.parent() is None:
            session.setParent(self)  # the session, and whatever features hang on it, die with the window
        self.settings = settings or AppSettings.load()
        self.features: list[WindowFeature] = []
        self.view_toggles: dict[QWidget, QAction] = {}
        self.lock_dialog: LockDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self._closing = False
        self._closed = False
        self.guard = ProjectGuard(session, self)
        self.guard.locked_elsewhere.connect(self._on_locked_elsewhere)
        self.guard.problem.connect(self._show_problem_soon)
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        self._build_central()
        self._build_status_bar()
        self.menus = WindowMenus()
        build_menus(self, self.menus)
        self._connect_signals()
        self._restore_state()
        self._sync_view_toggles()
        self.settings.remember_project(str(session.project.root))
        self.settings.save()
        self.update_title()
        self._show_initial_scene()
        first_run = not self.settings.window_state
        self.guard.open()
        for feature in features:
            self.features.append(feature.instance(self))
        for installed in self.features:  # their slow start-up work waits for the first paint
            after_first_paint(self.editor.viewport(), installed.after_first_paint)
        if first_run:
            self.inspector_dock.raise_()
        # After the features' own close work (notes, backup): the lock goes last.
        self.close_accepted.connect(self.guard.release)
        QTimer.singleShot(0, self, lambda: report_problems(self))

    # -- public API used by features ----------------------------------------------------
    @property
    def project(self):  # noqa: ANN201
        """The open ``Project``."""
        return self.session.project

    def menu(self, name: str) -> QMenu:
        """Return the menu ``file``, ``edit``, ``view``, ``scene``, ``format``, ``tools`` or ``help``."""
        return self.menus.menus[name]

    def menu_section(self, menu: str, section: str) -> QAction:
        """The action a feature inserts its own actions before (``menu.insertAction(anchor, ...)``).

        Sections: ``("file", "publish")`` (Import…, Export…) and ``("file", "restore")`` (before Quit).
        """
        return self.menus.sections[(menu, section)]

    def add_panel(
        self, widget: QWidget, title: str, area: str | Qt.DockWidgetArea = "right", object_name: str = ""
    ) -> QDockWidget:
        """Put ``widget`` in a dock (toggled from the View menu) and return the dock."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"{widget.objectName() or title.replace(' ', '')}Dock")
        dock.setWidget(widget)
        self._place_dock(dock, area)
        return dock

    def add_lazy_panel(
        self,
        factory: Callable[[], QWidget],
        title: str,
        area: str | Qt.DockWidgetArea = "right",
        object_name: str = "",
    ) -> LazyDock:
        """Like ``add_panel``, but the widget is built by ``factory`` when the dock is first shown."""
        dock = LazyDock(title, self, factory)
        dock.setObjectName(object_name or f"{title.replace(' ', '')}Dock")
        self._place_dock(dock, area)
        return dock

    def _place_dock(self, dock: QDockWidget, area: str | Qt.DockWidgetArea) -> None:
        dock.setFeatures(DOCK_FEATURES)
        where = DOCK_AREAS[area] if isinstance(area, str) else area
        if where == Qt.DockWidgetArea.RightDockWidgetArea:
            dock.setTitleBarWidget(QWidget())  # the right column is named by its tabs
        self.addDockWidget(where, dock)
        if where == Qt.DockWidgetArea.RightDockWidgetArea:
            anchor: QDockWidget | None = self.inspector_dock
        else:
            others = [
                d for d in self.findChildren(QDockWidget) if d is not dock and self.dockWidgetArea(d) == where
            ]
            anchor = others[0] if others else None
        if anchor is not None:  # panels of one side share a column as tabs; the first stays in front
            self.tabifyDockWidget(anchor, dock)
            anchor.raise_()
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"{dock.objectName()}Toggle")
        self.menu("view").addAction(toggle)
        if self.settings.window_state:
            self.restoreDockWidget(dock)

    def show_scene(self, scene_id: str) -> None:
        """Open a scene in the editor and the inspector, and select it in the outline."""
        self.editor.show_scene(scene_id)
        self.outline_view.select_scene(scene_id)

    def set_panel_visible(self, widget: QWidget, visible: bool) -> None:
        """Show or hide the outline (restoring a collapsed width)."""
        widget.setVisible(visible)
        index = self.splitter.indexOf(widget)
        sizes = self.splitter.sizes()
        if visible and index >= 0 and sizes[index] == 0:
            sizes[index] = 260
            sizes[1] = max(300, sizes[1] - 260)
            self.splitter.setSizes(sizes)
        self._sync_view_toggles()

    def _sync_view_toggles(self) -> None:
        sizes = self.splitter.sizes()
        for widget, toggle in self.view_toggles.items():
            index = self.splitter.indexOf(widget)
            shown = not widget.isHidden() and (sizes[index] > 0 or not self.isVisible())
            if toggle.isChecked() != shown:
                toggle.blockSignals(True)
                toggle.setChecked(shown)
                toggle.blockSignals(False)

    def save_all(self) -> bool:
        """Save the scene text and the manifest at once; return whether all is on disk."""
        ok = self.editor.save_now()
        if not self.session.read_only:
            try:
                self.project.save()
            except (OSError, StudioError) as error:
                self.set_save_state(f"Not saved: {error}")
                return False
        return ok

    def open_preferences(self) -> PreferencesDialog:
        """Show the preferences dialog; apply and store the choices when accepted."""
        dialog = PreferencesDialog(self.settings, self, preview=self.apply_preferences)
        dialog.accepted.connect(self.apply_preferences)
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def set_read_only(self, read_only: bool) -> None:
        """Switch the open project between read-only and writable, and show it."""
        self.session.set_read_only(read_only)
        scene_id = self.editor.current_scene_id()
        scene_read_only = bool(scene_id) and self.project.scene(scene_id).read_only
        self.editor.setReadOnly(read_only or scene_read_only)
        self.editor.read_only_changed.emit(read_only or scene_read_only)
        self.update_title()

    def apply_preferences(self, settings: AppSettings | None = None) -> None:
        """Apply the editor font, the paragraph look and the theme (of ``settings``, else the window's)."""
        chosen = settings or self.settings
        app = QApplication.instance()
        if app is None or app.property("studioTheme") != effective_theme(chosen.theme):
            apply_theme(chosen.theme)  # first: a new style sheet re-polishes the widgets, fonts too
        self.editor.set_editor_font(chosen.editor_font_family, chosen.editor_font_size)
        self.editor.set_paragraph_look(chosen.paragraph_look)

    # -- building -----------------------------------------------------------------------
    def _build_central(self) -> None:
        self.outline_view = OutlineView(self.session)
        self.trash_panel = TrashPanel(self.session)
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(outline_with_buttons(self.outline_view), "Manuscript")
        self.left_tabs.addTab(self.trash_panel, "Trash")
        self.editor = SceneEditor(self.session)
        self.find_bar = FindBar(self.editor)
        self.read_only_bar = QLabel()
        self.read_only_bar.setObjectName("readOnlyBar")
        self.read_only_bar.setWordWrap(True)
        self.read_only_bar.hide()
        editor_pane = self.editor_pane = QWidget()  # features add to its layout (the scene title)
        editor_pane.setObjectName("editorPane")
        layout = QVBoxLayout(editor_pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_bar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(True)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(editor_pane)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 720])
        self.setCentralWidget(self.splitter)
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.inspector = SceneInspector(self.session)
        self.inspector_dock = QDockWidget("Scene", self)
        self.inspector_dock.setObjectName("inspectorDock")
        self.inspector_dock.setWidget(self.inspector)
        self.inspector_dock.setFeatures(DOCK_FEATURES)
        self.inspector_dock.setTitleBarWidget(QWidget())  # the right column is named by its tabs
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.resizeDocks([self.inspector_dock], [300], Qt.Orientation.Horizontal)

    def _build_status_bar(self) -> None:
        self.setStatusBar(bar := ElidingStatusBar())  # long messages elided in the middle, whole in a tooltip
        self.words_label = WordCountsLabel(self.session, self.editor)
        self.save_label = ElidedLabel()
        self.save_label.setMaximumWidth(360)  # a long save error leaves room for the counts and messages
        self.save_label.setObjectName("saveState")
        bar.addPermanentWidget(self.words_label)
        bar.addPermanentWidget(self.save_label)
        self.set_save_state("Saved")

    def _connect_signals(self) -> None:
        self.outline_view.scene_activated.connect(self.show_scene)
        self.editor.scene_shown.connect(self._on_scene_shown)
        self.editor.read_only_changed.connect(self._update_read_only_bar)
        self.editor.autosave.state_changed.connect(self.set_save_state)
        self.session.outline_changed.connect(self._on_outline_changed)
        self.session.open_scene_requested.connect(self._open_requested)
        self.session.save_error.connect(self._show_error_message)
        self.splitter.splitterMoved.connect(lambda *_: self._sync_view_toggles())

    # -- the lock ---------------------------------------------------------------------------
    def _on_locked_elsewhere(self, error: ProjectLockedError) -> None:
        self.set_read_only(True)
        self.lock_dialog = LockDialog(self, error)
        self.lock_dialog.chosen.connect(self._lock_choice)
        QTimer.singleShot(0, self.lock_dialog.open)

    def _lock_choice(self, choice: str) -> None:
        if choice == TAKE_OVER:
            try:
                self.guard.take_over()
            except OSError as error:
                messages.inform(self, "Cannot take over", f"The lock file cannot be written: {error}")
                return
            self.set_read_only(False)
        elif choice == CANCEL:
            QTimer.singleShot(0, self.close)

    def _show_problem_soon(self, text: str) -> None:
        QTimer.singleShot(0, self, lambda: self.statusBar().showMessage(text, 8000))

    # -- state --------------------------------------------------------------------------
    def _show_initial_scene(self) -> None:
        root = str(self.project.root)
        wanted = self.settings.last_scenes.get(root)
        ids = [scene.id for scene in self.project.iter_scenes()]
        if wanted not in ids:
            wanted = ids[0] if ids else None
        if wanted:
            self.show_scene(wanted)
            self.editor.setFocus()
        self.words_label.update_counts()
        QTimer.singleShot(0, self, self.project_shown.emit)

    def _restore_state(self) -> None:
        s = self.settings
        self.editor.set_editor_font(s.editor_font_family, s.editor_font_size)
        if s.geometry:
            self.restoreGeometry(QByteArray.fromHex(s.geometry.encode()))
        else:  # a first start: 1280 x 800, or what a smaller screen has room for
            fit_to_screen(self, 1280, 800)
        if s.window_state:
            self.restoreState(QByteArray.fromHex(s.window_state.encode()))
        if len(s.splitter_sizes) == 2:
            self.splitter.setSizes(s.splitter_sizes)

    def store_state(self) -> None:
        """Put geometry, layout, the project and its open scene in the settings and save them."""
        s = self.settings
        s.geometry = bytes(self.saveGeometry().toHex().data()).decode()
        s.window_state = bytes(self.saveState().toHex().data()).decode()
        s.splitter_sizes = [int(x) for x in self.splitter.sizes()]
        root = str(self.project.root)
        s.remember_project(root)
        scene_id = self.editor.current_scene_id()
        if scene_id:
            s.last_scenes[root] = scene_id
        s.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save everything before closing; never drop unsaved text silently.

        When the text cannot be saved the writer is asked, and the close is cancelled
        meanwhile: nothing is let go. Only an accepted close emits ``close_accepted``.
        """
        if self._closed:
            super().closeEvent(event)
            return
        if not self.save_all() and not self._closing:
            event.ignore()
            messages.ask(
                self,
                "Not saved",
                "Some text could not be saved. Close anyway and lose the unsaved changes?",
                self.close_without_saving,
                self.save_label.text(),
            )
            return
        self._closed = True
        self.store_state()
        self.close_accepted.emit()
        super().closeEvent(event)

    @property
    def closed(self) -> bool:
        """Whether a close was accepted (the window is on its way out)."""
        return self._closed

    def close_without_saving(self) -> None:
        """Close even though some text could not be saved (the writer chose to lose it)."""
        self._closing = True
        self.close()

    # -- status and title ----------------------------------------------------------------
    def set_save_state(self, state: str) -> None:
        """Show the save state ("Saved", "Saving…", "Unsaved" or an error) in the status bar."""
        self.save_label.setText(state)
        self.save_label.setProperty("error", state not in ("Saved", "Saving…", "Unsaved"))
        self.save_label.style().unpolish(self.save_label)
        self.save_label.style().polish(self.save_label)
        self.setWindowModified(state != "Saved")

    def update_title(self) -> None:
        """Set the title to ``<story title> — Story Studio`` with the unsaved marker."""
        suffix = " (read-only)" if self.session.read_only else ""
        self.setWindowTitle(f"{self.project.title}[*]{suffix} — {APP_NAME}")

    def _show_error_message(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 8000)

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.kind == OutlineChangeKind.RELOADED:
            self.update_title()

    def _on_scene_shown(self, scene_id: str) -> None:
        self.inspector.show_scene(scene_id or None)

    def _update_read_only_bar(self, read_only: bool) -> None:
        scene_id = self.editor.current_scene_id()
        text = ""
        if scene_id and self.session.read_only:
            text = "This project is open read-only: changes cannot be saved."
        elif scene_id and read_only:
            problem = self.project.scene(scene_id).problem
            text = f"Read-only: {problem or 'this scene cannot be saved.'}"
        self.read_only_bar.setText(text)
        self.read_only_bar.setVisible(bool(text))

    def _open_requested(self, scene_id: str, start: int, length: int) -> None:
        self.show_scene(scene_id)
        if length or start:
            cursor = self.editor.textCursor()
            cursor.setPosition(min(start, len(self.editor.toPlainText())))
            cursor.setPosition(
                min(start + length, len(self.editor.toPlainText())), cursor.MoveMode.KeepAnchor
            )
            self.editor.setTextCursor(cursor)
        self.editor.setFocus()
