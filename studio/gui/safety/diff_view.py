"""Show the difference between two versions of a scene: side by side or inline."""

from __future__ import annotations

import html

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio.core.safety import snapshots

SIDE_BY_SIDE, INLINE = "Side by side", "Inline"


class DiffView(QWidget):
    """A mode chooser over a read-only browser showing the diff of ``old`` against ``new``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.old, self.new = "", ""
        self.old_title, self.new_title = "Snapshot", "Current"
        self.hint = ""  # what the empty view says to do next
        self.mode = QComboBox()
        self.mode.setObjectName("diffMode")
        self.mode.addItems([SIDE_BY_SIDE, INLINE])
        self.mode.setToolTip("Show the versions side by side, or one text with changes marked")
        self.browser = QTextBrowser()
        self.browser.setObjectName("diffBrowser")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode)
        layout.addWidget(self.browser, 1)
        self.mode.currentTextChanged.connect(lambda _text: self.redraw())

    def set_texts(self, old: str, new: str, old_title: str = "Snapshot", new_title: str = "Current") -> None:
        """Show the diff of two texts."""
        self.hint = ""
        self.old, self.new, self.old_title, self.new_title = old, new, old_title, new_title
        self.redraw()

    def clear(self, hint: str = "") -> None:
        """Show nothing but ``hint``, the next step (greyed and wrapped)."""
        self.old = self.new = ""
        self.hint = hint
        if not hint:
            self.browser.clear()
            return
        grey = QApplication.palette().color(QPalette.ColorRole.PlaceholderText).name()  # the theme's
        self.browser.setHtml(f'<p style="color: {grey};">{html.escape(hint)}</p>')

    def redraw(self) -> None:
        """Redraw in the chosen mode."""
        if self.old == self.new:
            self.browser.setHtml("<p><i>No differences.</i></p>")
        elif self.mode.currentText() == INLINE:
            self.browser.setHtml(snapshots.inline_html(self.old, self.new))
        else:
            self.browser.setHtml(
                snapshots.side_by_side_html(self.old, self.new, self.old_title, self.new_title)
            )


class CompareDialog(QDialog):
    """A non-modal window comparing two versions (e.g. the one on disk and yours)."""

    def __init__(
        self, parent: QWidget | None, title: str, old: str, new: str, old_title: str, new_title: str
    ):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(title)
        self.resize(900, 600)
        self.view = DiffView(self)
        self.view.set_texts(old, new, old_title, new_title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
