"""*Help › Project Format*: the README's "The project on disk" section, shown in the app.

The README is not installed with the package, so the section lives in ``project_format.md``
beside this module (shipped with it); the README holds the same text, and a test keeps the
two equal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette, QTextCursor, QTextFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from studio.gui.dialog_size import fit_to_screen

FORMAT_PATH = Path(__file__).with_name("project_format.md")


def format_markdown() -> str:
    """The project format as Markdown (a one-line note if the file is missing)."""
    try:
        return FORMAT_PATH.read_text("utf-8")
    except OSError as error:
        return f"The project format could not be read ({FORMAT_PATH.name}: {error.strerror or error})."


def shade_code_blocks(browser: QTextBrowser) -> None:
    """Give fenced code blocks (the folder tree, the JSON) a quiet background and some room."""
    document = browser.document()
    shade = browser.palette().color(QPalette.ColorRole.AlternateBase)
    block = document.begin()
    cursor = QTextCursor(document)
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.hasProperty(QTextFormat.Property.BlockCodeFence):
            fmt.setBackground(shade)
            fmt.setLeftMargin(12)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
        block = block.next()


class ProjectFormatDialog(QDialog):
    """The project format, rendered from Markdown; links open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectFormatDialog")
        self.setWindowTitle("Project Format")
        self.browser = QTextBrowser()
        self.browser.setObjectName("projectFormatText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(format_markdown())
        shade_code_blocks(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 720)
