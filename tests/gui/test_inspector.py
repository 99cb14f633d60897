"""The scene inspector: shows the selected scene, edits go to the project (and the undo stack)."""

from __future__ import annotations

from studio.core import load_project
from tests.gui.window_helpers import make_story, open_test_window


def test_inspector_shows_selected_scene(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    first, second = list(project.iter_scenes())[:2]
    project.set_scene_fields(second.id, status="revised", pov="Mara", synopsis="A storm.")
    project.add_character("Mara")
    project.add_character("Tobias")
    window = open_test_window(qtbot, project.root)
    inspector = window.inspector
    assert inspector.title_edit.text() == first.title
    assert inspector.where_label.text() == "One · scene 1 of 3"
    window.show_scene(second.id)
    assert inspector.title_edit.text() == second.title
    assert inspector.status_combo.currentText() == "revised"
    assert inspector.pov_combo.currentText() == "Mara"
    assert [inspector.pov_combo.itemText(i) for i in range(inspector.pov_combo.count())] == [
        "",
        "Mara",
        "Tobias",
    ]
    assert inspector.synopsis_edit.toPlainText() == "A storm."
    assert inspector.words_label.text() == "3"


def test_inspector_edits_reach_the_manifest(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    scene_id = next(project.iter_scenes()).id
    window = open_test_window(qtbot, project.root)
    inspector = window.inspector
    inspector.title_edit.setText("Arrival")
    inspector.title_edit.editingFinished.emit()
    inspector.status_combo.setEditText("needs work")
    inspector.status_combo.lineEdit().editingFinished.emit()
    inspector.pov_combo.setEditText("Tobias")
    inspector.pov_combo.lineEdit().editingFinished.emit()
    with qtbot.waitSignal(window.session.scene_changed, timeout=3000):
        qtbot.keyClicks(inspector.synopsis_edit, "Mara arrives.")
    on_disk = load_project(project.root).scene(scene_id)
    assert (on_disk.title, on_disk.status, on_disk.pov, on_disk.synopsis) == (
        "Arrival",
        "needs work",
        "Tobias",
        "Mara arrives.",
    )
    statuses = [inspector.status_combo.itemText(i) for i in range(inspector.status_combo.count())]
    assert statuses == ["draft", "revised", "final", "needs work"]
    stack = window.session.undo_stack
    assert stack.count() == 4
    stack.undo()  # the synopsis
    stack.undo()  # the POV
    on_disk = load_project(project.root).scene(scene_id)
    assert (on_disk.title, on_disk.status, on_disk.pov, on_disk.synopsis) == ("Arrival", "needs work", "", "")
    assert inspector.pov_combo.currentText() == ""
    assert inspector.synopsis_edit.toPlainText() == ""
    stack.undo()
    stack.undo()
    assert load_project(project.root).scene(scene_id).title == "One 1"
    assert inspector.title_edit.text() == "One 1"
    stack.redo()
    assert inspector.title_edit.text() == "Arrival"


def test_empty_title_is_refused(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    inspector = window.inspector
    inspector.title_edit.setText("   ")
    inspector.title_edit.editingFinished.emit()
    assert inspector.title_edit.text() == "One 1"
    assert load_project(project.root).parts[0].scenes[0].title == "One 1"


def test_inspector_toggles_from_view_menu(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    toggle = [a for a in window.menu("view").actions() if a.objectName() == "toggleInspectorAction"][0]
    toggle.trigger()
    assert window.inspector_dock.isHidden()
    window.close()
    again = open_test_window(qtbot, project.root)
    assert again.inspector_dock.isHidden()
    assert again.findChild(type(toggle), "toggleInspectorAction").isChecked() is False
