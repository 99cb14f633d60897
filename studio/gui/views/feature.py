"""The views of the story: *View › Corkboard*, *View › Outline Table*, *View › Timeline*.

The three views share one dock under the outline and the editor (floatable), a tab each in
its title line; nothing of a view is built until it is first shown, and the dock itself is
a lazy panel. (One dock rather than three tabbed ones: Qt leaves stray tab bars painted when
it restores tabbed docks added after the window's state.) The views share one label filter
(a list in the title line and *View › Filter by Label*); the outline dims the scenes the
filter leaves out. Double-clicking a card or a row (a click on the timeline) opens the scene.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QWidget

from studio.gui.features import WindowFeature
from studio.gui.views.label_filter import LabelFilter, dim_outline, filter_menu
from studio.gui.views.views_dock import ViewsPanel, ViewsTitleBar
from studio.models.label_filter import LabelFilterProxy
from studio.models.story_rows_model import KIND_ROLE, StoryRowsModel

if TYPE_CHECKING:
    from studio.gui.characters.appearance_tracker import AppearanceTracker
    from studio.gui.main_window import MainWindow
    from studio.gui.views.corkboard.view import CorkboardView
    from studio.gui.views.table.view import OutlineTableView
    from studio.gui.views.timeline.view import TimelineView

# The views' height when first shown: half the window's, leaving the editor (with the bars that
# may open above its text) at least EDITOR_ROOM. A window too small to leave VIEWS_ROOM as well
# gets the views in a window of their own (floating) instead.
SHARE_OF_HEIGHT, EDITOR_ROOM, VIEWS_ROOM = 0.5, 440, 280
# (key, title in the tab, *View* menu text, shortcut)
VIEWS = (
    ("corkboard", "Corkboard", "&Corkboard", "Ctrl+Shift+B"),
    ("table", "Outline Table", "Outline &Table", "Ctrl+Shift+T"),
    ("timeline", "Timeline", "Time&line", "Ctrl+Shift+L"),
)
KEYS = tuple(key for key, *_rest in VIEWS)


class ViewsFeature(WindowFeature):
    """The corkboard, the outline table and the timeline, and their shared label filter."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.label_filter = LabelFilter(self.session, self)
        # The inspector's column keeps the full height: the views open under the outline and editor.
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._views: dict[str, QWidget] = {}
        self._counts: dict[str, Callable[[], str]] = {}
        self._table: OutlineTableView | None = None
        self._wanted = ""  # the view asked for when the dock is first built
        self._panel: ViewsPanel | None = None
        self.bar: ViewsTitleBar | None = None
        self.dock = window.add_lazy_panel(self._build_panel, "Views", "bottom", "viewsDock")
        menu = window.menu("view")
        menu.removeAction(self.dock.toggleViewAction())  # the three entries below show and hide it
        if not (window.settings.window_state and window.restoreDockWidget(self.dock)):
            self.dock.hide()  # shown when asked for (a layout saved with it shown brings it back)
        self.view_actions: dict[str, QAction] = {}
        for key, tab, text, keys in VIEWS:
            action = QAction(text, window, checkable=True)
            action.setObjectName(f"{key}ViewAction")
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"Show the {tab.lower()} under the editor, or hide it ({keys})")
            action.setStatusTip(action.toolTip())
            action.triggered.connect(lambda on, chosen=key: self._toggle_view(chosen, on))
            menu.addAction(action)
            self.view_actions[key] = action
        menu.addMenu(filter_menu(self.label_filter, window, self._manage_labels()))
        self.dock.visibilityChanged.connect(self._on_visibility_changed)
        dim_outline(window.outline_view, self.label_filter)
        self.session.outline_changed.connect(lambda _change: self.label_filter.forget_missing())
        self.session.labels_changed.connect(lambda _change: self.label_filter.forget_missing())

    # -- showing ------------------------------------------------------------------------------
    def show_view(self, key: str) -> QWidget:
        """Show the views' dock with this view in front (building it now if needed); return the view."""
        self._wanted = key
        self.dock.show()
        self.dock.raise_()
        panel = self.panel
        panel.setCurrentIndex(KEYS.index(key))
        return self.view(key)

    def _toggle_view(self, key: str, on: bool) -> None:
        if on:
            self.show_view(key)
        else:
            self.dock.hide()

    def view(self, key: str) -> QWidget:
        """A view by key (built now if it never was, without bringing it to the front)."""
        self.panel.page(KEYS.index(key))
        return self._views[key]

    @property
    def panel(self) -> ViewsPanel:
        """The dock's pages (built now if the dock was never shown)."""
        self.dock.content()
        assert self._panel is not None
        return self._panel

    def current_key(self) -> str:
        """The view in front ("" while the dock is hidden)."""
        if self._panel is None or self.dock.isHidden():
            return ""
        return KEYS[self._panel.currentIndex()]

    def _on_visibility_changed(self, _visible: bool) -> None:
        self._sync_actions()
        if self.dock.isVisible() and not self.dock.property("sized"):
            self.dock.setProperty("sized", True)
            total = self.window.height()
            if self.dock.isFloating():
                return
            if total - EDITOR_ROOM < VIEWS_ROOM:  # a small window: the editor keeps its room
                self._float_over_window()
                return
            height = min(int(total * SHARE_OF_HEIGHT), total - EDITOR_ROOM)
            vertical = Qt.Orientation.Vertical
            # once the dock has its place in the layout (it is shown before the window lays it out)
            QTimer.singleShot(0, self.dock, lambda: self.window.resizeDocks([self.dock], [height], vertical))

    def _float_over_window(self) -> None:
        """Open the views in a window of their own over the lower part of the main window."""
        frame = self.window.geometry()
        self.dock.setFloating(True)
        width, height = min(frame.width() - 40, 1000), max(VIEWS_ROOM, min(frame.height() - 120, 560))
        self.dock.setGeometry(frame.left() + 20, frame.bottom() - height - 40, width, height)
        self.window.activateWindow()  # the keyboard stays where the writer was; the views float above

    def _sync_actions(self) -> None:
        current = self.current_key()
        for key, action in self.view_actions.items():
            action.setChecked(key == current)

    def _build_panel(self) -> QWidget:
        panel = self._panel = ViewsPanel([self._build_corkboard, self._build_table, self._build_timeline])
        bar = self.bar = ViewsTitleBar(self.dock, self.label_filter, [tab for _key, tab, *_rest in VIEWS])
        self.dock.setTitleBarWidget(bar)
        bar.tabs.currentChanged.connect(panel.setCurrentIndex)
        panel.currentChanged.connect(bar.tabs.setCurrentIndex)
        panel.currentChanged.connect(lambda _n: self._sync_actions())
        panel.shown.connect(self._on_view_shown)
        chosen = self._wanted or self.window.settings.views_shown  # asked for, else the last one shown
        panel.setCurrentIndex(KEYS.index(chosen) if chosen in KEYS else 0)
        panel.page(panel.currentIndex())
        return panel

    def _on_view_shown(self, number: int) -> None:
        key = KEYS[number]
        self.window.settings.views_shown = key  # saved with the window's layout
        if self.bar is not None:
            self.bar.note.setText(self._counts.get(key, lambda: "")())
            export = self._table.export_button if self._table is not None else None
            if export is not None:
                export.setVisible(key == "table")

    # -- the views, built when first shown -----------------------------------------------------
    @property
    def corkboard(self) -> CorkboardView:
        """The corkboard (built now if it never was)."""
        from studio.gui.views.corkboard.view import CorkboardView

        view = self.view("corkboard")
        assert isinstance(view, CorkboardView)
        return view

    @property
    def table(self) -> OutlineTableView:
        """The outline table (built now if it never was)."""
        from studio.gui.views.table.view import OutlineTableView

        view = self.view("table")
        assert isinstance(view, OutlineTableView)
        return view

    @property
    def timeline(self) -> TimelineView:
        """The timeline (built now if it never was)."""
        from studio.gui.views.timeline.view import TimelineView

        view = self.view("timeline")
        assert isinstance(view, TimelineView)
        return view

    def _build_corkboard(self) -> QWidget:
        from studio.gui.views.corkboard.view import CorkboardView

        view = CorkboardView(self.session)
        view.manage_labels = self._manage_labels()
        editor = self.window.editor
        view.mark_open_scene(editor.current_scene_id() or "")
        editor.scene_shown.connect(view.mark_open_scene)
        view.edit_story_time = self.edit_story_time
        view.scene_opened.connect(self._open_scene)
        self._share_selection(view, view.selected_scene_ids)
        return self._built("corkboard", view, view.proxy)

    def _build_table(self) -> QWidget:
        from studio.gui.views.table.view import OutlineTableView

        view = self._table = OutlineTableView(
            self.session, self.window.settings, self._presence(), self._places_tracker()
        )
        view.manage_labels = self._manage_labels()
        view.scene_opened.connect(self._open_scene)
        view.message.connect(lambda text: self.window.statusBar().showMessage(text, 6000))
        if self.bar is not None:
            self.bar.extras.addWidget(view.export_button)
        self._share_selection(view, view.selected_scene_ids)
        return self._built("table", view, view.proxy)

    def _build_timeline(self) -> QWidget:
        from studio.gui.views.timeline.view import TimelineView

        view = TimelineView(self.session)
        view.current_id = self.window.editor.current_scene_id() or ""  # the keyboard starts on the open scene
        self.window.editor.scene_shown.connect(view.set_current)
        view.edit_story_time = self.edit_story_time
        view.scene_opened.connect(self._open_scene)
        return self._built("timeline", view, view.proxy)

    def _built(self, key: str, view: QWidget, proxy: LabelFilterProxy) -> QWidget:
        self._views[key] = view
        self._follow_filter(key, proxy)
        return view

    def _share_selection(self, view: QAbstractItemView, selected: Callable[[], list[str]]) -> None:
        """The scenes chosen in a view become the outline's selection, so the outline's actions
        (*Move to Trash* on the toolbar, in the menu, or Del in the view) act on what the writer chose.

        The outline's current row (the scene open in the editor) stays: choosing a card does not open it.
        """
        outline = self.window.outline_view

        def share() -> None:
            ids = selected()
            if not ids:
                return  # the cards left (trashed, filtered out): the outline keeps its own
            model = outline.outline_model
            selection = QItemSelection()
            for scene_id in ids:
                index = model.index_for_id(scene_id)
                if index.isValid():
                    outline.expand(index.parent())
                    selection.select(index, index)
            flags = QItemSelectionModel.SelectionFlag
            outline.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)

        view.selectionModel().selectionChanged.connect(lambda *_: share())
        trash = QAction("Move to &Trash", view)  # Del on a card or row, as in the outline
        trash.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        trash.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        trash.triggered.connect(outline.delete_action.trigger)
        view.addAction(trash)

    def _open_scene(self, scene_id: str) -> None:
        self.session.open_scene_requested.emit(scene_id, 0, 0)

    def _follow_filter(self, key: str, proxy: LabelFilterProxy) -> None:
        """Filter the view with the window's label; count what it shows (on the bar when in front)."""

        def count() -> str:
            model = proxy.sourceModel()
            assert isinstance(model, StoryRowsModel)
            total = len(model.scene_ids())
            if not self.label_filter.label_id:
                return f"{total} scenes"
            shown = sum(1 for r in range(proxy.rowCount()) if proxy.index(r, 0).data(KIND_ROLE) == "scene")
            return f"{shown} of {total} scenes"

        def show_count() -> None:
            if self.bar is not None and self.current_key() in ("", key):
                self.bar.note.setText(count())

        def apply(label_id: str) -> None:
            proxy.set_label(label_id)
            show_count()

        self._counts[key] = count
        self.label_filter.changed.connect(apply)
        proxy.rowsInserted.connect(show_count)
        proxy.rowsRemoved.connect(show_count)
        apply(self.label_filter.label_id)

    def edit_story_time(self, scene_id: str) -> QWidget:
        """Open the story time dialog of a scene (window-modal; OK is one undo step)."""
        from studio.gui.labels.story_time_dialog import StoryTimeDialog

        dialog = StoryTimeDialog(self.session, scene_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _manage_labels(self) -> Callable[[], object] | None:
        """Opens the window's labels dialog (None without the labels feature)."""
        from studio.gui.labels.feature import LabelsFeature

        labels = LabelsFeature.installed(self.window)
        return labels.show_labels if labels is not None else None

    def _places_tracker(self) -> AppearanceTracker | None:
        """Which places and things are mentioned where: the notes feature's tracker (None if absent)."""
        from studio.gui.notes.feature import NotesFeature

        notes = NotesFeature.installed(self.window)
        return notes.tracker if notes is not None else None

    def _presence(self) -> AppearanceTracker | None:
        """Who is mentioned in which scene: the characters feature's tracker (None if not installed)."""
        from studio.gui.characters.feature import CharactersFeature

        characters = CharactersFeature.installed(self.window)
        return characters.tracker if characters is not None else None
