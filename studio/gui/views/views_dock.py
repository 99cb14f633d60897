"""The views' dock: one title line (a tab per view, the label filter, a count, float, close) over the view.

One dock holds the three views, one shown at a time, so the window's saved layout has a
single dock to restore. Each view is built the first time its tab is chosen. A drag on the
bar's empty space moves (or undocks) the dock, as a plain dock title does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

from studio.gui.views.label_filter import LabelFilter, LabelFilterCombo

ViewFactory = Callable[[], QWidget]


class ViewsTitleBar(QWidget):
    """[Corkboard | Outline Table | Timeline] · Label [combo] · "12 of 40 scenes" · extras · float · close."""

    def __init__(self, dock: QDockWidget, label_filter: LabelFilter, titles: list[str]) -> None:
        super().__init__(dock)
        self.setObjectName("viewsTitleBar")
        self.dock = dock
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("viewsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        for title in titles:
            self.tabs.addTab(title)
        self.combo = LabelFilterCombo(label_filter)
        self.note = QLabel()
        self.note.setObjectName("viewNote")
        self.extras = QHBoxLayout()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.tabs)
        layout.addSpacing(14)
        layout.addWidget(QLabel("Label"))
        layout.addWidget(self.combo)
        layout.addSpacing(8)
        layout.addWidget(self.note, 1)
        layout.addLayout(self.extras)
        self.float_button = self._button(QStyle.StandardPixmap.SP_TitleBarNormalButton, "Float or dock")
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = self._button(QStyle.StandardPixmap.SP_TitleBarCloseButton, "Close")
        self.close_button.clicked.connect(dock.close)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setAccessibleName(tip)
        return button


class ViewsPanel(QStackedWidget):
    """The views, one page each, built on first show; ``shown`` says which is in front."""

    shown = Signal(int)

    def __init__(self, factories: list[ViewFactory]) -> None:
        super().__init__()
        self.setObjectName("viewsPanel")
        self._factories: list[ViewFactory | None] = list(factories)
        for _factory in factories:
            self.addWidget(QWidget())  # a placeholder until the view is first shown
        self.currentChanged.connect(self.page)

    def page(self, number: int) -> QWidget:
        """The view of page ``number``, built now if it never was."""
        factory = self._factories[number]
        if factory is not None:
            self._factories[number] = None
            placeholder = self.widget(number)
            assert placeholder is not None
            view = factory()
            current = self.currentIndex()
            self.blockSignals(True)  # swapping the placeholder is not a change of page
            self.removeWidget(placeholder)
            self.insertWidget(number, view)
            self.setCurrentIndex(current)
            self.blockSignals(False)
            placeholder.deleteLater()
        if number == self.currentIndex():
            self.shown.emit(number)
        shown = self.widget(number)
        assert shown is not None
        return shown

    def built(self, number: int) -> bool:
        """Whether the view of page ``number`` was built."""
        return self._factories[number] is None
