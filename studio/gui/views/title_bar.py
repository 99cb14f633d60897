"""The title bar of a view's dock: its name, the label filter, a count of what is shown, float and close.

One slim line instead of a dock title above a filter row: the views get the height.
A drag on the bar moves (or undocks) the dock, as a plain dock title does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from studio.gui.views.label_filter import LabelFilter, LabelFilterCombo


class ViewTitleBar(QWidget):
    """``title`` · Label [combo] · "12 of 40 scenes" · extra widgets · float · close."""

    def __init__(
        self, dock: QDockWidget, label_filter: LabelFilter, extra: list[QWidget] | None = None
    ) -> None:
        super().__init__(dock)
        self.setObjectName("viewTitleBar")
        self.dock = dock
        title = QLabel(dock.windowTitle())
        title.setObjectName("viewTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.combo = LabelFilterCombo(label_filter)
        self.note = QLabel()
        self.note.setObjectName("viewNote")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addSpacing(14)
        layout.addWidget(QLabel("Label"))
        layout.addWidget(self.combo)
        layout.addSpacing(8)
        layout.addWidget(self.note, 1)
        for widget in extra or []:
            layout.addWidget(widget)
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
