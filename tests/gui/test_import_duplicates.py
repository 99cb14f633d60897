"""The same file imported twice in the window: asked first; No adds nothing, Yes a second copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from studio.core import load_project
from studio.gui import messages
from studio.gui.publishing.feature import PublishingFeature
from tests.gui.window_helpers import make_story, open_test_window

POSTED = """The Long Road Home
By Jane Q. Writer

Part Five: The Last Night of the World

"Don't go," she said. *Not again,* he thought.

* * *

Morning came grey and cold over the *Marguerite*.
"""
IMPORTED = ["One", "Two", "The Last Night of the World"]


def import_file(window, source: Path) -> None:  # noqa: ANN001
    """Run File > Import… on ``source`` and accept the preview."""
    window.findChild(QAction, "importAction").trigger()
    dialog = PublishingFeature.instance(window).import_dialog
    dialog.set_files([source])
    dialog.accept()


def question() -> QMessageBox | None:
    """The open "Import Again?" box, if any."""
    return next((b for b in messages.open_boxes if isValid(b) and b.windowTitle() == "Import Again?"), None)


def titles(window) -> list[str]:  # noqa: ANN001
    return [part.title for part in window.project.parts]


def on_disk(root: Path) -> list[str]:
    return [part.title for part in load_project(root, read_only=True).parts]


def test_importing_the_same_file_again_asks_and_no_adds_nothing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    make_story(tmp_path / "story")
    source = tmp_path / "part5.txt"
    source.write_text(POSTED, encoding="utf-8")
    window = open_test_window(qtbot, tmp_path / "story")
    import_file(window, source)
    assert question() is None
    assert titles(window) == IMPORTED
    stack = window.session.undo_stack
    assert stack.count() == 1

    import_file(window, source)
    box = question()
    assert box is not None
    assert "part5.txt was already imported" in box.text()
    assert "The Last Night of the World" in box.informativeText()
    box.button(QMessageBox.StandardButton.No).click()
    assert question() is None
    assert titles(window) == IMPORTED
    assert on_disk(tmp_path / "story") == IMPORTED
    assert stack.count() == 1  # the refused import left nothing on the stack


def test_yes_imports_a_second_copy_and_undo_leaves_one(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    make_story(tmp_path / "story")
    source = tmp_path / "part5.txt"
    source.write_text(POSTED, encoding="utf-8")
    window = open_test_window(qtbot, tmp_path / "story")
    import_file(window, source)
    import_file(window, source)
    question().button(QMessageBox.StandardButton.Yes).click()
    twice = [*IMPORTED, "The Last Night of the World"]
    assert titles(window) == twice
    assert on_disk(tmp_path / "story") == twice
    second = window.project.parts[3]
    text = window.project.scene_text(second.scenes[0].id)
    assert "*Not again,* he thought." in text  # emphasis as written
    stack = window.session.undo_stack
    assert stack.count() == 2

    stack.undo()
    assert titles(window) == IMPORTED
    assert on_disk(tmp_path / "story") == IMPORTED
    stack.redo()  # puts the same parts back: no duplicate check on redo
    assert titles(window) == twice
    assert window.project.parts[3].id == second.id
    assert on_disk(tmp_path / "story") == twice
    stack.undo()
    stack.undo()
    assert titles(window) == ["One", "Two"]
    stack.redo()
    assert titles(window) == IMPORTED
    assert question() is None


def test_after_undo_the_same_file_imports_without_asking(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    make_story(tmp_path / "story")
    source = tmp_path / "part5.txt"
    source.write_text(POSTED, encoding="utf-8")
    window = open_test_window(qtbot, tmp_path / "story")
    import_file(window, source)
    window.session.undo_stack.undo()
    assert titles(window) == ["One", "Two"]
    import_file(window, source)  # only parts still in the manuscript count
    assert question() is None
    assert titles(window) == IMPORTED
