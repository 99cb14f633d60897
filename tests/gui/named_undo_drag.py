"""Run by test_named_undo in a subprocess under the "minimal" Qt platform, whose drag and drop is real.

Opens the real window on the project ``argv[1]``, drags the scene titled ``argv[2]`` onto the
gap above ``argv[3]`` in the outline with real mouse events, then prints as JSON what
Edit › Undo reads, and what Edit › Redo reads once that undo is done.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def main() -> None:
    """Drag, read Edit › Undo, undo, read Edit › Redo; print the texts and the outline."""
    app = QApplication([])
    from studio.gui import open_window

    window = open_window(sys.argv[1])
    window.resize(1000, 700)
    window.show()
    QTest.qWaitForWindowExposed(window)
    view, project = window.outline_view, window.project
    model = view.outline_model
    by_title = {s.title: s.id for s in project.iter_scenes()}
    view.setFocus()
    view.select_ids([by_title[sys.argv[2]]])
    source = view.visualRect(model.index_for_id(by_title[sys.argv[2]]))
    target = view.visualRect(model.index_for_id(by_title[sys.argv[3]]))
    drop_at = QPoint(target.center().x(), target.top() + 2)
    viewport = view.viewport()
    events: list[str] = []

    def during_drag() -> None:
        events.append("drag loop running")
        QTest.mouseMove(viewport, drop_at - QPoint(0, 1))
        QTest.mouseMove(viewport, drop_at)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, drop_at)

    QTimer.singleShot(50, during_drag)
    start = source.center()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(0, 15))
    QTest.mouseMove(viewport, start + QPoint(0, 30))  # starts QDrag.exec: returns once dropped
    undo = window.findChild(QAction, "undoAction")
    redo = window.findChild(QAction, "redoAction")
    view.setFocus()
    window.menu("edit").aboutToShow.emit()  # as when the writer opens the menu
    after_drag = (undo.text(), redo.text())
    outline = [[p.title, [s.title for s in p.scenes]] for p in project.parts]
    undo.trigger()
    window.menu("edit").aboutToShow.emit()
    after_undo = (undo.text(), redo.text())
    print(
        json.dumps({"events": events, "outline": outline, "after_drag": after_drag, "after_undo": after_undo})
    )
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
