"""An empty list or tree says so, and says what to do next: a hint (and a button) over its viewport.

``EmptyState(view, hint)`` puts a centred, wrapped, quiet hint (and, given ``action``, a button)
over ``view`` while its model has no rows, and hides it as soon as a row appears. ``hint``
may be a callable, so the text can follow the situation (no characters / none match the filter).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QVBoxLayout, QWidget

Hint = str | Callable[[], str]
HINT_WIDTH = 440  # px: a hint reads as a short paragraph, not one line across a wide view


class EmptyState(QWidget):
    """A hint with a next step, shown over an item view while it has no rows."""

    def __init__(
        self,
        view: QAbstractItemView,
        hint: Hint,
        action: tuple[str, Callable[[], object]] | None = None,
        name: str = "",
    ) -> None:
        super().__init__(view.viewport())
        self.setObjectName(name or f"{view.objectName()}EmptyState")
        self.view, self._hint = view, hint
        self.label = QLabel()
        self.label.setObjectName(f"{self.objectName()}Hint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action is not None:
            text, slot = action
            self.button = QPushButton(text)
            self.button.setObjectName(f"{self.objectName()}Button")
            self.button.clicked.connect(lambda _checked=False: slot())
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        model = view.model()  # set before: the hint follows this model's rows
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Show the hint (with its text now) when the view has no rows, else hide it."""
        empty = self.view.model().rowCount() == 0
        if empty:
            self.label.setText(self._hint() if callable(self._hint) else self._hint)
            self._fit()
        self.setVisible(empty)

    def _fit(self) -> None:
        """Cover the viewport; the hint wraps at a reading width (a fixed width, so its height follows)."""
        area = self.view.viewport().rect()
        width = max(80, min(HINT_WIDTH, area.width() - 32))
        self.label.setFixedWidth(width)
        self.label.setMinimumHeight(max(0, self.label.heightForWidth(width)))  # all its lines, never cut
        self.setGeometry(area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override: follow the viewport's size."""
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit()
        return False
