"""The floor of the launch benchmark: a bare PySide6 window of Story Studio's shape.

A tree and a text edit in a splitter, in a main window of 1280x800, nothing else. Prints
``STUDIO_READY <wall clock>`` on the first idle moment after both have painted, exactly as
the app does under ``$STUDIO_READY_MARK`` (run by ``launch.py``; SIGTERM ends it).
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextEdit, QTreeWidget, QTreeWidgetItem

TEXT = "\n\n".join(
    "The rain came off the harbour in grey sheets and Wren stood at the top of the stairs "
    "with the lamp. “I don’t know what you want from me,” Isaac said. " * 4
    for _ in range(12)
)


class PaintWatch(QObject):
    """Prints the ready mark from a zero timer once every watched widget has painted."""

    def __init__(self, widgets: list) -> None:
        super().__init__()
        self.waiting = {id(w) for w in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Note a first paint; on the last one, mark the next idle moment."""
        if event.type() == QEvent.Type.Paint and id(watched) in self.waiting:
            self.waiting.discard(id(watched))
            if not self.waiting:
                QTimer.singleShot(0, lambda: print(f"STUDIO_READY {time.time():.6f}", flush=True))
        return False


def main() -> int:
    """Build and show the window; run until terminated."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter()
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    for part in range(10):
        item = QTreeWidgetItem(tree, [f"Part {part + 1}"])
        for scene in range(5):
            QTreeWidgetItem(item, [f"Scene {scene + 1}"])
    tree.expandAll()
    editor = QTextEdit()
    editor.setPlainText(TEXT)
    splitter.addWidget(tree)
    splitter.addWidget(editor)
    splitter.setSizes([280, 1000])
    window.setCentralWidget(splitter)
    window.resize(1280, 800)
    watch = PaintWatch([tree.viewport(), editor.viewport()])
    window.show()
    code = app.exec()
    del watch
    return code


if __name__ == "__main__":
    sys.exit(main())
