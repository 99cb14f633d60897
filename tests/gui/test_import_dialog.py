"""The Import dialog: preview, merge and split, encodings, and an undoable import into the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

from studio.core import load_project
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.publishing.import_dialog import ImportDialog
from tests.gui.window_helpers import make_story, open_test_window

POSTED = """The Long Road Home
By Jane Q. Writer

Part Five: The Last Night of the World

"Don't go," she said.

* * *

Morning came grey and cold.

Part Six: The Morning After

Light over the harbour.
"""


def test_preview_shows_title_parts_and_scenes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "story.txt"
    source.write_text(POSTED, encoding="utf-8")
    dialog = ImportDialog(files=[source])
    qtbot.addWidget(dialog)
    assert "The Long Road Home" in dialog.summary.text() and "Jane Q. Writer" in dialog.summary.text()
    tree = dialog.tree
    assert tree.topLevelItemCount() == 2
    first = tree.topLevelItem(0)
    assert first.text(0) == "The Last Night of the World" and first.childCount() == 2
    assert first.child(0).text(2).startswith('"Don\'t go," she said')
    assert first.child(0).text(1) == "4"
    dialog.select(0)
    dialog.merge_selected()
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).childCount() == 3
    dialog.select(0, 1)
    dialog.split_selected()
    assert tree.topLevelItemCount() == 2
    dialog.select(1, 0)
    assert not dialog.split_button.isEnabled() and dialog.merge_button.isEnabled()


def test_unknown_encoding_is_asked(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "old.txt"
    source.write_bytes("Caf\u00e9 \u201cnoir\u201d.\n".encode("cp1252"))
    dialog = ImportDialog(files=[source])
    qtbot.addWidget(dialog)
    assert dialog.plan is None
    assert "old.txt is not UTF-8" in dialog.summary.text() and "cp1252" in dialog.summary.text()
    assert not dialog.buttons.buttons()[0].isEnabled() or dialog.plan is None
    dialog.set_encoding("cp1252")
    assert dialog.plan is not None
    assert dialog.plan.parts[0].scenes[0].paragraphs == ["Caf\u00e9 \u201cnoir\u201d."]


def test_import_into_the_open_project_is_undoable(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    make_story(tmp_path / "story")
    source = tmp_path / "more.txt"
    source.write_text(POSTED, encoding="utf-8")
    window = open_test_window(qtbot, tmp_path / "story")
    window.findChild(QAction, "importAction").trigger()
    dialog = PublishingFeature.instance(window).import_dialog
    dialog.set_files([source])
    dialog.accept()
    titles = [p.title for p in window.project.parts]
    assert titles == ["One", "Two", "The Last Night of the World", "The Morning After"]
    assert [p.title for p in load_project(tmp_path / "story", read_only=True).parts] == titles
    stack = window.session.undo_stack
    stack.undo()
    assert [p.title for p in window.project.parts] == ["One", "Two"]
    assert [p.title for p in load_project(tmp_path / "story", read_only=True).parts] == ["One", "Two"]
    stack.redo()
    reopened = load_project(tmp_path / "story", read_only=True)
    assert [p.title for p in reopened.parts] == titles
    scene = reopened.parts[2].scenes[1]
    assert reopened.scene_text(scene.id) == "Morning came grey and cold.\n"
