"""Run by test_corkboard_drag in a subprocess under the "minimal" Qt platform, whose drag and drop is real.

(The "offscreen" platform's QDrag.exec returns at once without a drag loop.) Clicks the
first card given, Ctrl+clicks the others, then drags them with real mouse events onto the
left half of the target card; then presses Ctrl+Z on the board. Prints the outline after the
drop, the undo count, what was selected, and whether ``story.json`` came back byte for byte.
The whole window is opened, so Ctrl+Z goes through *Edit › Undo* as it does for a writer.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from studio.gui import open_window
from studio.gui.views.feature import ViewsFeature


def activate(window: QWidget) -> None:
    """Make ``window`` the active one (as a writer's click would), so the window's shortcuts reach it."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    if not QTest.qWaitForWindowActive(window):
        raise SystemExit(f"{window.objectName()} did not become the active window")


def main() -> None:
    """Drag ``argv[2:-1]`` (scene titles) onto the left half of ``argv[-1]`` in the project ``argv[1]``."""
    app = QApplication([])
    manifest = Path(sys.argv[1], "story.json")
    before = manifest.read_bytes()
    window = open_window(sys.argv[1])
    window.show()
    QTest.qWaitForWindowExposed(window)
    feature = ViewsFeature.instance(window)
    view = feature.show_view("corkboard")
    dock = feature.dock
    dock.setFloating(True)  # a window of its own at the screen's corner, where the platform's drag finds it
    dock.setGeometry(0, 0, 900, 700)
    QTest.qWaitForWindowExposed(dock)
    activate(dock)
    view.setFocus()
    session = window.session
    project = session.project
    by_title = {s.title: s.id for s in project.iter_scenes()}
    viewport = view.viewport()
    moving = sys.argv[2:-1]

    def centre(title: str) -> QPoint:
        return view.visualRect(view.index_for_id(by_title[title])).center()

    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(moving[0]))
    for title in moving[1:]:
        QTest.mouseClick(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, centre(title)
        )
    QTest.qWait(500)  # past the double-click interval: the next press starts a drag, not a double-click
    selected = [project.scene(i).title for i in view.selected_scene_ids()]
    target = view.visualRect(view.index_for_id(by_title[sys.argv[-1]]))
    drop_at = QPoint(target.left() + 20, target.center().y())
    events: list[str] = []

    def during_drag() -> None:
        events.append("drag loop running")
        QTest.mouseMove(viewport, drop_at - QPoint(1, 0))
        QTest.mouseMove(viewport, drop_at)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, drop_at)

    QTimer.singleShot(50, during_drag)
    start = centre(moving[-1])
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(0, 15))
    QTest.mouseMove(viewport, start + QPoint(0, 30))  # starts QDrag.exec: returns once dropped
    outline = [[p.title, [s.title for s in p.scenes]] for p in project.parts]
    undo = session.undo_stack.count()
    moved = manifest.read_bytes() != before
    activate(dock)  # the platform's drag loop leaves no window active
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    report = {
        "events": events,
        "selected": selected,
        "outline": outline,
        "undo": undo,
        "written": moved,
        "restored": manifest.read_bytes() == before,
    }
    window.close()
    print(json.dumps(report))
    app.quit()


if __name__ == "__main__":
    main()
