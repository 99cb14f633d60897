"""Run by test_outline_drag in a subprocess under the "minimal" Qt platform, whose drag and drop is real.

(The "offscreen" platform's QDrag.exec returns at once without a drag loop.) Drags
the scenes given on the command line onto the gap above a target scene with real
mouse events, and prints the outline as JSON.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.app.session import ProjectSession
from studio.core import load_project
from studio.gui.outline.view import OutlineView


def main() -> None:
    """Drag ``argv[2:-1]`` (scene titles) to just above ``argv[-1]`` in the project ``argv[1]``."""
    app = QApplication([])
    session = ProjectSession(load_project(sys.argv[1]))
    view = OutlineView(session)
    view.resize(420, 480)
    view.show()
    QTest.qWaitForWindowExposed(view)
    project, model = session.project, view.outline_model
    by_title = {s.title: s.id for s in project.iter_scenes()}
    view.select_ids([by_title[t] for t in sys.argv[2:-1]])
    source = view.visualRect(model.index_for_id(by_title[sys.argv[2]]))
    target = view.visualRect(model.index_for_id(by_title[sys.argv[-1]]))
    drop_at = QPoint(target.center().x(), target.top() + 2)
    viewport = view.viewport()
    events: list[str] = []

    def during_drag() -> None:
        events.append("drag loop running")
        QTest.mouseMove(viewport, drop_at - QPoint(0, 1))
        QTest.mouseMove(viewport, drop_at)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, drop_at)

    QTimer.singleShot(50, during_drag)
    start = source.center()
    modifiers = Qt.KeyboardModifier.ControlModifier  # keep the multi-selection on press
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, start)
    QTest.mouseMove(viewport, start + QPoint(0, 15))
    QTest.mouseMove(viewport, start + QPoint(0, 30))  # starts QDrag.exec: returns once dropped
    outline = [[p.title, [s.title for s in p.scenes]] for p in project.parts]
    print(json.dumps({"events": events, "outline": outline, "undo": session.undo_stack.count()}))
    app.quit()


if __name__ == "__main__":
    main()
