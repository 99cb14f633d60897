"""The main window: outline on the left, the scene editor in the centre, the inspector on the right.

The outline and the editor share a splitter; the inspector is the first dock of the right
column, and feature panels added there become tabs beside it.

Features (spelling, characters, publishing, safety) plug in through
``FEATURE_INSTALLERS``: each ``install(window)`` may add menu actions with
``window.menu(name)``, docks with ``window.add_panel(...)`` and listen to
``window.session`` and ``window.editor``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib import import_module

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
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
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError, StudioError
from studio.gui import messages
from studio.gui.editor import SceneEditor
from studio.gui.editor.find_bar import FindBar
from studio.gui.outline.inspector import SceneInspector
from studio.gui.outline.trash_panel import TrashPanel
from studio.gui.outline.view import OutlineView
from studio.gui.settings import AppSettings
from studio.gui.theme import app_icon, apply_theme
from studio.gui.window_menus import build_menus

APP_NAME = "Story Studio"
MENU_NAMES = ("file", "edit", "view", "scene", "tools", "help")
FEATURE_INSTALLERS = [
    "studio.gui.spelling.feature:install",
    "studio.gui.characters.feature:install",
    "studio.gui.publishing.feature:install",
    "studio.gui.safety.feature:install",
]
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


class MainWindow(QMainWindow):
    """The writing window over one open project (one ``ProjectSession`` for its whole life)."""

    project_shown = Signal()

    def __init__(self, session: ProjectSession, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        if session.parent() is None:
            session.setParent(self)  # the session, and whatever features hang on it, die with the window
        self.settings = settings or AppSettings.load()
        self.features: list[str] = []
        self._menus: dict[str, QMenu] = {}
        self.view_toggles: dict[QWidget, QAction] = {}
        self._closing = False
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        self._build_central()
        self._build_status_bar()
        build_menus(self)
        self._connect_signals()
        self._restore_state()
        self._sync_view_toggles()
        self.settings.remember_project(str(session.project.root))
        self.settings.save()
        self.update_title()
        self._show_initial_scene()
        first_run = not self.settings.window_state
        self._install_features()
        if first_run:
            self.inspector_dock.raise_()
        QTimer.singleShot(0, self, self.report_problems)

    # -- public API used by features ----------------------------------------------------
    @property
    def project(self):  # noqa: ANN201
        """The open ``Project``."""
        return self.session.project

    def menu(self, name: str) -> QMenu:
        """Return the menu ``file``, ``edit``, ``view``, ``scene``, ``tools`` or ``help``."""
        return self._menus[name]

    def add_panel(
        self, widget: QWidget, title: str, area: str | Qt.DockWidgetArea = "right", object_name: str = ""
    ) -> QDockWidget:
        """Put ``widget`` in a dock (toggled from the View menu) and return the dock."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"{widget.objectName() or title.replace(' ', '')}Dock")
        dock.setWidget(widget)
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
        return dock

    def set_action_handler(self, action: QAction, slot: Callable[[], object]) -> None:
        """Replace an action's placeholder handler (e.g. ``export_action``) with ``slot`` and enable it."""
        with contextlib.suppress(RuntimeError, TypeError):
            action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(True)

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

    def apply_preferences(self) -> None:
        """Apply the editor font and theme from the settings."""
        self.editor.set_editor_font(self.settings.editor_font_family, self.settings.editor_font_size)
        apply_theme(self.settings.theme)

    # -- building -----------------------------------------------------------------------
    def _build_central(self) -> None:
        self.outline_view = OutlineView(self.session)
        self.trash_panel = TrashPanel(self.session)
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(self.outline_view, "Manuscript")
        self.left_tabs.addTab(self.trash_panel, "Trash")
        self.editor = SceneEditor(self.session)
        self.find_bar = FindBar(self.editor)
        self.read_only_bar = QLabel()
        self.read_only_bar.setObjectName("readOnlyBar")
        self.read_only_bar.setWordWrap(True)
        self.read_only_bar.hide()
        editor_pane = QWidget()
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
        bar = self.statusBar()
        self.words_label = QLabel()
        self.words_label.setObjectName("wordCounts")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        bar.addPermanentWidget(self.words_label)
        bar.addPermanentWidget(self.save_label)
        self.set_save_state("Saved")

    def _connect_signals(self) -> None:
        self.outline_view.scene_activated.connect(self.show_scene)
        self.editor.scene_shown.connect(self._on_scene_shown)
        self.editor.read_only_changed.connect(self._update_read_only_bar)
        self.editor.textChanged.connect(self._update_word_counts_soon)
        self.editor.autosave.state_changed.connect(self.set_save_state)
        self.session.outline_changed.connect(self._on_outline_changed)
        self.session.scene_text_saved.connect(lambda _sid: self._update_word_counts())
        self.session.open_scene_requested.connect(self._open_requested)
        self.session.save_error.connect(self._show_error_message)
        self.splitter.splitterMoved.connect(lambda *_: self._sync_view_toggles())
        self._count_timer = QTimer(self, singleShot=True, interval=400)
        self._count_timer.timeout.connect(self._update_word_counts)

    def _install_features(self) -> None:
        for dotted in FEATURE_INSTALLERS:
            module_name, _, function = dotted.partition(":")
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            getattr(module, function)(self)
            self.features.append(module_name)

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
        self._update_word_counts()
        QTimer.singleShot(0, self, self.project_shown.emit)

    def _restore_state(self) -> None:
        s = self.settings
        self.editor.set_editor_font(s.editor_font_family, s.editor_font_size)
        if s.geometry:
            self.restoreGeometry(QByteArray.fromHex(s.geometry.encode()))
        else:
            self.resize(1280, 800)
        if s.window_state:
            self.restoreState(QByteArray.fromHex(s.window_state.encode()))
        if len(s.splitter_sizes) == 2:
            self.splitter.setSizes(s.splitter_sizes)

    def store_state(self) -> None:
        """Put geometry, layout, the project and its open scene in the settings and save them."""
        s = self.settings
        s.geometry = bytes(self.saveGeometry().toHex()).decode()
        s.window_state = bytes(self.saveState().toHex()).decode()
        s.splitter_sizes = [int(x) for x in self.splitter.sizes()]
        root = str(self.project.root)
        s.remember_project(root)
        scene_id = self.editor.current_scene_id()
        if scene_id:
            s.last_scenes[root] = scene_id
        s.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save everything and remember the layout before closing; never drop unsaved text silently."""
        if not self.save_all() and not self._closing:
            event.ignore()
            messages.ask(
                self,
                "Not saved",
                "Some text could not be saved. Close anyway and lose the unsaved changes?",
                self._close_without_saving,
                self.save_label.text(),
            )
            return
        self.store_state()
        self._closing = True
        super().closeEvent(event)

    def _close_without_saving(self) -> None:
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

    def _update_word_counts_soon(self) -> None:
        if not self.editor.is_loading():
            self._count_timer.start()

    def _update_word_counts(self) -> None:
        project = self.project
        scene_id = self.editor.current_scene_id()
        parts = [f"Project {project.words:,} words"]
        if scene_id:
            scene_words = project.count(self.editor.scene_text())
            try:
                scene = project.scene(scene_id)
                part = project.part_of(scene_id)
                part_words = part.words - scene.words + scene_words
                project_words = project.words - scene.words + scene_words
                parts = [f"Scene {scene_words:,}", f"Part {part_words:,}", f"Project {project_words:,} words"]
            except NodeNotFoundError:
                parts = [f"Scene {scene_words:,}", f"Project {project.words:,} words"]
        self.words_label.setText("   ·   ".join(parts))

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.words_changed:
            self._update_word_counts()
        if change.kind == OutlineChangeKind.RELOADED:
            self.update_title()

    def _on_scene_shown(self, scene_id: str) -> None:
        self.inspector.show_scene(scene_id or None)
        self._update_word_counts()

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

    # -- problems -----------------------------------------------------------------------
    def report_problems(self) -> None:
        """List the loader's problems, and offer recovered scene files back."""
        project = self.project
        problems = [p for p in project.problems if "offered as a recovered scene" not in p]
        if problems:
            messages.inform(
                self,
                "Problems in this project",
                f"{project.title} opened, but some things need attention:",
                "\n".join(f"• {p}" for p in problems),
            )
        if project.recovered and not self.session.read_only:
            names = list(project.recovered)
            messages.ask(
                self,
                "Recovered scenes",
                f"{len(names)} scene file(s) are not in the outline. Add them to a 'Recovered scenes' part?",
                lambda: self._recover(names),
                "\n".join(names),
            )

    def _recover(self, names: list[str]) -> None:
        part = self.project.recover_files(names)
        if part is not None:
            self.session.announce(OutlineChangeKind.ADDED, [part.id])
