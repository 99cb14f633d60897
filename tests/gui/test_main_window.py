"""The main window: automation contract, menus, panels, features, status bar, title, state."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from studio.core.errors import StudioError
from studio.gui import open_window
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.settings import AppSettings
from tests.gui.window_helpers import make_story, open_test_window, track_window


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


def test_features_are_installed_in_order_one_object_per_window(qtbot, tmp_path):
    from studio.app.session import ProjectSession
    from studio.core import load_project
    from studio.gui.features import WindowFeature
    from studio.gui.main_window import MainWindow

    calls = []

    class First(WindowFeature):
        def __init__(self, window):
            super().__init__(window)
            calls.append("first")

    class Second(WindowFeature):
        def __init__(self, window):
            super().__init__(window)
            calls.append("second")
            self.first = First.instance(window)  # another feature, found by type

    make_story(tmp_path / "story")
    window = track_window(
        MainWindow(ProjectSession(load_project(tmp_path / "story")), features=(First, Second))
    )
    assert calls == ["first", "second"]
    first, second = First.instance(window), Second.instance(window)
    assert window.features == [first, second]
    assert isinstance(first, First) and second.first is first
    assert First.instance(window) is first  # one object per window
    assert Second.installed(window) is second


def test_a_broken_feature_is_not_hidden(qtbot, tmp_path):
    from studio.app.session import ProjectSession
    from studio.core import load_project
    from studio.gui.features import WindowFeature
    from studio.gui.main_window import MainWindow

    class Broken(WindowFeature):
        def __init__(self, window):
            super().__init__(window)
            raise ModuleNotFoundError("studio_definitely_missing_dependency")

    make_story(tmp_path / "story")
    session = ProjectSession(load_project(tmp_path / "story"))
    with pytest.raises(ModuleNotFoundError):
        MainWindow(session, features=(Broken,))
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.guard.release()  # the half-built window: let go of its lock and watcher
            window.deleteLater()


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
    window = open_test_window(qtbot, project.root, read_only=True)
    assert window.editor.isReadOnly()
    assert window.read_only_bar.isVisible()
    assert "(read-only)" in window.windowTitle()
    assert not window.inspector.title_edit.isEnabled()
    qtbot.keyClicks(window.editor, "nope")
    window.close()
    assert "nope" not in window.editor.toPlainText()
    assert (project.root / "story.json").read_bytes() == before


def test_file_actions_of_features_are_made_by_them_in_their_section(qtbot, tmp_path):
    from studio.app.session import ProjectSession
    from studio.core import load_project
    from studio.gui.main_window import MainWindow

    make_story(tmp_path / "story")
    bare = track_window(MainWindow(ProjectSession(load_project(tmp_path / "story"))))
    assert bare.findChild(QAction, "exportAction") is None  # no placeholder: the feature makes it
    bare.close()
    window = open_test_window(qtbot, tmp_path / "story")
    names = [a.objectName() or ("-" if a.isSeparator() else a.text()) for a in window.menu("file").actions()]
    assert names[names.index("saveAction") :] == [
        "saveAction",
        "-",
        "importAction",
        "importNewProjectAction",
        "exportAction",
        "postChapterAction",
        "-",
        "restoreBackupAction",
        "-",
        "quitAction",
    ]
    publishing = PublishingFeature.instance(window)
    assert window.findChild(QAction, "exportAction") is publishing.export_action
    assert publishing.export_action.shortcut().toString() == "Ctrl+E"
    publishing.export_action.trigger()
    assert publishing.export_dialog is not None and publishing.export_dialog.isVisible()
