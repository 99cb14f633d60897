"""Start-up work that waits for the first paint: the big appearance scan, and the outline's cheap data()."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from studio.app.changes import CastChangeKind
from studio.app.session import ProjectSession
from studio.gui.characters.appearance_tracker import AppearanceTracker
from studio.gui.characters.feature import CharactersFeature
from studio.gui.first_paint import after_first_paint
from studio.models.outline_model import WORDS_COLUMN, OutlineModel
from tests.gui.window_helpers import make_story, open_test_window

BIG = AppearanceTracker.THREAD_THRESHOLD + 10


def big_story(root):  # noqa: ANN001, ANN201
    project = make_story(root, {"One": [f"Scene {n}: Jess waved." for n in range(BIG)]})
    jess = project.add_character("Jess")
    return project, jess


def test_a_held_scan_waits_for_release_and_keeps_only_the_newest(qtbot, tmp_path):
    project, jess = big_story(tmp_path / "big")
    session = ProjectSession(project)
    tracker = AppearanceTracker(session, hold_first_scan=True)
    assert tracker.busy
    qtbot.wait(50)  # a started scan would have had time to report; a held one never does
    assert tracker.busy and tracker.index.scenes_of(jess.id) == []
    project.update_character(jess.id, name="Jess", aliases=["Scene"])
    session.announce_cast(CastChangeKind.EDITED)  # the cast changes while held: only the newest scan runs
    with qtbot.waitSignal(tracker.updated, timeout=10000):
        tracker.release()
    assert not tracker.busy
    first = next(iter(project.iter_scenes())).id
    assert tracker.index.count(jess.id, first) == 2  # the name and the new alias: the newer cast
    assert len(tracker.index.scenes_of(jess.id)) == BIG


def test_a_small_project_is_still_scanned_at_once(tmp_path):
    project = make_story(tmp_path / "small", {"One": ["Jess waved."]})
    jess = project.add_character("Jess")
    tracker = AppearanceTracker(ProjectSession(project), hold_first_scan=True)
    assert not tracker.busy
    assert len(tracker.index.scenes_of(jess.id)) == 1


def test_after_first_paint_runs_once_after_the_widget_paints(qtbot):
    label = QLabel("hello")
    qtbot.addWidget(label)
    calls: list[int] = []
    after_first_paint(label, lambda: calls.append(1), fallback_ms=60_000)
    qtbot.wait(20)
    assert calls == []  # not shown, not painted: nothing yet
    label.show()
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    label.update()
    qtbot.wait(50)
    assert calls == [1]


def test_after_first_paint_falls_back_for_a_widget_never_shown(qtbot):
    label = QLabel("hidden")
    qtbot.addWidget(label)
    calls: list[int] = []
    after_first_paint(label, lambda: calls.append(1), fallback_ms=30)
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)


def test_the_window_indexes_a_big_project_after_it_is_shown(qtbot, tmp_path):
    _project, jess = big_story(tmp_path / "big")
    window = open_test_window(qtbot, tmp_path / "big")
    tracker = CharactersFeature.instance(window).tracker
    qtbot.waitUntil(lambda: not tracker.busy, timeout=10000)
    assert len(tracker.index.scenes_of(jess.id)) == BIG
    panel = CharactersFeature.instance(window).panel
    qtbot.waitUntil(lambda: panel.appearances.rowCount() == BIG, timeout=5000)
    window.session.undo_stack.clear()


def test_outline_data_answers_what_it_shows_and_nothing_else(qapp, tmp_path):
    project = make_story(tmp_path / "story", {"One": ["a b c"]})
    model = OutlineModel(ProjectSession(project))
    part = model.index(0, 0)
    scene = model.index(0, 0, part)
    scene_words = model.index(0, WORDS_COLUMN, part)
    assert model.data(scene) == "One 1"
    assert model.data(scene_words) == "3"
    assert model.data(scene_words, Qt.ItemDataRole.EditRole) == 3
    assert model.data(scene_words, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    font = model.data(part, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(scene, Qt.ItemDataRole.DecorationRole) is not None
    roles = Qt.ItemDataRole
    for role in (roles.SizeHintRole, roles.CheckStateRole, roles.BackgroundRole):
        assert model.data(scene, role) is None
    assert model.data(model.index(5, 0)) is None
