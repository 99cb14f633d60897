"""Replace All in the real window: one undo step for 50 hits in 20 scenes, files byte-identical after undo."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtGui import QAction

from studio.gui.search.feature import SearchFeature
from tests.gui.window_helpers import make_story, open_test_window


@pytest.fixture
def window(qtbot, tmp_path):
    texts = [
        f"Scene {n}: teh cat, " + ("Teh dog, TEH end" if n % 2 else "dog.\r\nLast *Teh* line")
        for n in range(20)
    ]
    make_story(tmp_path / "story", {"One": texts[:10], "Two": texts[10:]})
    window = open_test_window(qtbot, tmp_path / "story")
    yield window
    if shiboken6.isValid(window):
        window.session.undo_stack.clear()


def files(window) -> dict[str, bytes]:
    root = window.session.project.root
    return {p.name: p.read_bytes() for p in sorted((root / "scenes").iterdir())} | {
        "story.json": (root / "story.json").read_bytes()
    }


def open_dialog(window, pattern: str, new: str):
    feature = SearchFeature.instance(window)
    feature.panel.pattern_edit.setText(pattern)
    dialog = feature.open_replace_dialog()
    assert dialog is not None
    dialog.with_edit.setText(new)
    dialog.word_box.setChecked(True)
    dialog.keep_case_box.setChecked(True)
    dialog.update_preview()
    return dialog


def test_replace_all_of_50_hits_in_20_scenes_is_one_ctrl_z(qtbot, window):
    before = files(window)
    stack = window.session.undo_stack
    count = stack.count()
    dialog = open_dialog(window, "teh", "the")
    assert len(dialog.rows()) == 50
    assert dialog.preview.topLevelItemCount() == 20
    assert dialog.replace_all()
    assert stack.count() == count + 1
    after = files(window)
    assert after != before
    texts = [p.decode() for name, p in after.items() if name != "story.json"]
    assert all("teh" not in t.lower() for t in texts)
    assert any("The dog, THE end" in t for t in texts) and any("*The* line" in t for t in texts)
    window.outline_view.setFocus()
    qtbot.waitUntil(window.outline_view.hasFocus)
    window.findChild(QAction, "undoAction").trigger()  # Edit › Undo (Ctrl+Z) with the outline focused
    assert files(window) == before
    assert stack.count() == count + 1 and stack.index() == count
    window.findChild(QAction, "redoStructureAction").trigger()
    assert files(window) == after
    window.findChild(QAction, "undoStructureAction").trigger()  # Ctrl+Alt+Z from anywhere
    assert files(window) == before


def test_unchecked_hits_stay_and_the_editor_shows_the_result(qtbot, window):
    first = next(window.session.project.iter_scenes())
    window.show_scene(first.id)
    dialog = open_dialog(window, "teh", "the")
    dialog.set_row_checked(0, False)
    assert "49 of 50" in dialog.summary.text()
    assert dialog.replace_all()
    text = window.editor.toPlainText()
    assert text.startswith("Scene 0: teh cat, dog.") and "Last *The* line" in text


def test_a_scene_changed_on_disk_refuses_the_whole_replace(qtbot, window):
    before = files(window)
    dialog = open_dialog(window, "teh", "the")
    scene = list(window.session.project.iter_scenes())[5]
    path = window.session.project.root / "scenes" / scene.file
    path.write_text("Changed elsewhere: teh", encoding="utf-8")
    assert not dialog.replace_all()
    message = dialog.summary.text()
    assert message.startswith("Nothing replaced:") and scene.title in message and "\n" not in message
    assert files(window) == before | {scene.file: b"Changed elsewhere: teh"}
    dialog.reject()
