"""The views of the story: *View › Corkboard*, *View › Outline Table*, *View › Timeline*.

Each view is a lazy dock along the bottom of the window (tabbed together, floatable): nothing
of it is built until it is first shown. They share one label filter (a combo in each view and
*View › Filter by Label*); the outline dims the scenes the filter leaves out. Double-clicking a
scene in any view opens it in the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from studio.gui.features import WindowFeature
from studio.gui.views.label_filter import LabelFilter, dim_outline, filter_menu
from studio.gui.views.title_bar import ViewTitleBar
from studio.models.label_filter import LabelFilterProxy
from studio.models.story_rows_model import KIND_ROLE, StoryRowsModel

if TYPE_CHECKING:
    from studio.gui.characters.appearance_tracker import AppearanceTracker
    from studio.gui.main_window import LazyDock, MainWindow
    from studio.gui.views.corkboard.view import CorkboardView
    from studio.gui.views.table.view import OutlineTableView
    from studio.gui.views.timeline.view import TimelineView

SHARE_OF_HEIGHT = 0.55  # a view shown the first time takes this much of the window's height


class ViewsFeature(WindowFeature):
    """The corkboard, the outline table and the timeline, and their shared label filter."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.label_filter = LabelFilter(self.session, self)
        # The inspector's column keeps the full height: the views open under the outline and editor.
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._corkboard: CorkboardView | None = None
        self._table: OutlineTableView | None = None
        self._timeline: TimelineView | None = None
        self.corkboard_dock = self._dock(self._build_corkboard, "Corkboard", "corkboardDock", "Ctrl+Shift+B")
        self.table_dock = self._dock(self._build_table, "Outline Table", "outlineTableDock", "Ctrl+Shift+T")
        self.timeline_dock = self._dock(self._build_timeline, "Timeline", "timelineDock", "Ctrl+Shift+L")
        window.menu("view").addMenu(filter_menu(self.label_filter, window))
        dim_outline(window.outline_view, self.label_filter)
        self.session.outline_changed.connect(lambda _change: self.label_filter.forget_missing())
        self.session.labels_changed.connect(lambda _change: self.label_filter.forget_missing())

    def _dock(self, factory: Callable[[], QWidget], title: str, name: str, keys: str) -> LazyDock:
        dock = self.window.add_lazy_panel(factory, title, "bottom", name)
        if not (self.window.settings.window_state and self.window.restoreDockWidget(dock)):
            dock.hide()  # shown when asked for (a layout saved with it shown brings it back)
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(keys))
        toggle.setToolTip(f"Show or hide the {title.lower()} ({keys})")
        toggle.triggered.connect(lambda on: dock.raise_() if on else None)
        dock.visibilityChanged.connect(lambda visible: self._first_shown(dock) if visible else None)
        return dock

    def _first_shown(self, dock: QDockWidget) -> None:
        if dock.property("sized"):
            return
        dock.setProperty("sized", True)
        if not dock.isFloating():
            height = int(self.window.height() * SHARE_OF_HEIGHT)
            # once the dock has its place in the layout (it is shown before the window lays it out)
            QTimer.singleShot(
                0, dock, lambda: self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
            )

    def _open_scene(self, scene_id: str) -> None:
        self.session.open_scene_requested.emit(scene_id, 0, 0)

    # -- the views, built when first shown -------------------------------------------------------
    @property
    def corkboard(self) -> CorkboardView:
        """The corkboard (built now if its dock was never shown)."""
        self.corkboard_dock.content()
        assert self._corkboard is not None
        return self._corkboard

    def _build_corkboard(self) -> QWidget:
        from studio.gui.views.corkboard.view import CorkboardView

        view = self._corkboard = CorkboardView(self.session)
        view.scene_opened.connect(self._open_scene)
        self._follow_filter(view.proxy, ViewTitleBar(self.corkboard_dock, self.label_filter))
        return view

    @property
    def table(self) -> OutlineTableView:
        """The outline table (built now if its dock was never shown)."""
        self.table_dock.content()
        assert self._table is not None
        return self._table

    def _build_table(self) -> QWidget:
        from studio.gui.views.table.view import OutlineTableView

        view = self._table = OutlineTableView(self.session, self.window.settings, self._presence())
        view.scene_opened.connect(self._open_scene)
        view.message.connect(lambda text: self.window.statusBar().showMessage(text, 6000))
        self._follow_filter(
            view.proxy, ViewTitleBar(self.table_dock, self.label_filter, [view.export_button])
        )
        return view

    @property
    def timeline(self) -> TimelineView:
        """The timeline (built now if its dock was never shown)."""
        self.timeline_dock.content()
        assert self._timeline is not None
        return self._timeline

    def _build_timeline(self) -> QWidget:
        from studio.gui.views.timeline.view import TimelineView

        view = self._timeline = TimelineView(self.session)
        view.scene_opened.connect(self._open_scene)
        self._follow_filter(view.proxy, ViewTitleBar(self.timeline_dock, self.label_filter))
        return view

    def _follow_filter(self, proxy: LabelFilterProxy, bar: ViewTitleBar) -> None:
        """Put the bar on its dock; filter the view with the window's label; count what is shown."""
        bar.dock.setTitleBarWidget(bar)

        def show_count() -> None:
            model = proxy.sourceModel()
            assert isinstance(model, StoryRowsModel)
            total = len(model.scene_ids())
            shown = sum(
                1 for row in range(proxy.rowCount()) if proxy.index(row, 0).data(KIND_ROLE) == "scene"
            )
            bar.note.setText(
                f"{shown} of {total} scenes" if self.label_filter.label_id else f"{total} scenes"
            )

        def apply(label_id: str) -> None:
            proxy.set_label(label_id)
            show_count()

        self.label_filter.changed.connect(apply)
        proxy.rowsInserted.connect(show_count)
        proxy.rowsRemoved.connect(show_count)
        apply(self.label_filter.label_id)

    def _presence(self) -> AppearanceTracker | None:
        """Who is mentioned in which scene: the characters feature's tracker (None if not installed)."""
        from studio.gui.characters.feature import CharactersFeature

        characters = CharactersFeature.installed(self.window)
        return characters.tracker if characters is not None else None
