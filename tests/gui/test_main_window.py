"""The main window: automation contract, menus, panels, features, status bar, title, state."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMenu

from studio.core.errors import StudioError
from studio.gui import main_window, open_window
from studio.gui.settings import AppSettings
from tests.gui.window_helpers import make_story, open_test_window


def test_open_window_shows_project_and_first_scene(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    first = next(project.iter_scenes())
    assert window.session.project.title == "The Lighthouse"
    assert window.editor.current_scene_id() == first.id
    assert window.editor.objectName() == "sceneEditor"
    assert window.inspector.objectName() == "sceneInspector"
    assert window.outline_view.objectName() == "outlineTree"
    assert window.findChild(QLabel, "saveState").text() == "Saved"
    assert "The wind came off the sea" in window.editor.toPlainText()
    assert window.windowTitle() == "The Lighthouse[*] — Story Studio"


def test_not_a_project_raises_clear_error(tmp_path):
    with pytest.raises(StudioError, match="not a Story Studio project"):
        open_window(tmp_path)


def test_menus_and_panels(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    for name in ("file", "edit", "view", "scene", "tools", "help"):
        assert isinstance(window.menu(name), QMenu)
    panel = QLabel("hello")
    dock = window.add_panel(panel, "Notes", "right", "notesDock")
    assert dock.objectName() == "notesDock"
    assert dock.widget() is panel
    assert dock.toggleViewAction() in window.menu("view").actions()
    qtbot.waitUntil(lambda: dock in window.tabifiedDockWidgets(window.inspector_dock))  # one column, tabs
    assert window.inspector_dock.isVisible()
    left = window.add_panel(QLabel("notes"), "Notes", "left", "leftNotesDock")
    assert window.dockWidgetArea(left) == window.dockWidgetArea(left).LeftDockWidgetArea
    names = {a.objectName() for a in window.findChildren(type(dock.toggleViewAction()))}
    assert {"exportAction", "importAction", "saveAction", "undoAction", "redoAction", "findAction"} <= names


def test_feature_installers_are_called_and_missing_ones_skipped(qtbot, tmp_path, monkeypatch):
    import sys
    import types

    calls = []
    module = types.ModuleType("studio_fake_feature")
    module.install = lambda window: calls.append(window)
    monkeypatch.setitem(sys.modules, "studio_fake_feature", module)
    monkeypatch.setattr(
        main_window,
        "FEATURE_INSTALLERS",
        ["studio.gui.no_such_feature:install", "studio_fake_feature:install"],
    )
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    assert calls == [window]
    assert window.features == ["studio_fake_feature"]


def test_broken_feature_import_is_not_hidden(qtbot, tmp_path, monkeypatch):
    import sys
    import types

    module = types.ModuleType("studio_broken_feature")

    def install(window):
        import studio_definitely_missing_dependency  # noqa: F401

    module.install = install
    monkeypatch.setitem(sys.modules, "studio_broken_feature", module)
    monkeypatch.setattr(main_window, "FEATURE_INSTALLERS", ["studio_broken_feature:install"])
    make_story(tmp_path / "story")
    with pytest.raises(ModuleNotFoundError):
        open_window(tmp_path / "story")


def test_status_bar_word_counts_follow_typing(qtbot, tmp_path):
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    label = window.words_label
    assert label.text() == "Scene 19   ·   Part 23   ·   Project 25 words"
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " one two three")
    qtbot.waitUntil(lambda: label.text() == "Scene 22   ·   Part 26   ·   Project 28 words")


def test_window_state_and_last_scene_are_remembered(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    third = list(project.iter_scenes())[2]
    window = open_test_window(qtbot, tmp_path / "story")
    window.show_scene(third.id)
    window.resize(700, 500)
    window.close()
    settings = AppSettings.load()
    assert settings.last_project == str(tmp_path / "story")
    assert settings.recent_projects[0] == str(tmp_path / "story")
    assert settings.last_scenes[str(tmp_path / "story")] == third.id
    again = open_test_window(qtbot, tmp_path / "story")
    assert again.editor.current_scene_id() == third.id
    assert again.size().width() == 700


def test_problems_are_listed_and_recovered_files_offered(qtbot, tmp_path, monkeypatch):
    from studio.gui import messages

    project = make_story(tmp_path / "story")
    (project.root / "scenes" / "stray.txt").write_text("found words\n", "utf-8")
    (project.root / "scenes" / list(project.iter_scenes())[1].file).write_bytes(b"bad \xff bytes")
    shown, asked = [], []
    monkeypatch.setattr(
        messages, "inform", lambda parent, title, text, details="", warning=True: shown.append(details)
    )
    monkeypatch.setattr(messages, "ask", lambda parent, title, text, on_yes, details="": asked.append(on_yes))
    window = open_test_window(qtbot, tmp_path / "story")
    qtbot.waitUntil(lambda: bool(shown) and bool(asked))
    assert "not valid UTF-8" in shown[0]
    asked[0]()
    assert window.session.project.parts[-1].title == "Recovered scenes"
    assert [s.title for s in window.session.project.parts[-1].scenes] == ["stray"]


def test_read_only_project(qtbot, tmp_path):
    project = make_story(tmp_path / "story")
    before = (project.root / "story.json").read_bytes()
    window = open_window(project.root, read_only=True)
    qtbot.addWidget(window)
    window.show()
    assert window.editor.isReadOnly()
    assert window.read_only_bar.isVisible()
    assert "(read-only)" in window.windowTitle()
    assert not window.inspector.title_edit.isEnabled()
    qtbot.keyClicks(window.editor, "nope")
    window.close()
    assert "nope" not in window.editor.toPlainText()
    assert (project.root / "story.json").read_bytes() == before


def test_placeholder_actions_can_be_taken_over(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "FEATURE_INSTALLERS", [])  # before publishing takes it over
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    window.export_action.trigger()
    assert "coming soon" in window.statusBar().currentMessage()
    calls = []
    window.set_action_handler(window.export_action, lambda: calls.append("export"))
    window.statusBar().clearMessage()
    window.export_action.trigger()
    assert calls == ["export"]
    assert window.statusBar().currentMessage() == ""
