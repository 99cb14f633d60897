"""Attacks on the Places & Things panel and the views with real widgets (issue 17, viewscore/viewsgui)."""

from __future__ import annotations

import os

import pytest

from studio.app.session import ProjectSession
from studio.core import load_project
from studio.gui.notes.panel import NotesPanel
from studio.gui.notes.tracker import NotesTracker
from tests.gui.window_helpers import make_story

TEXTS = {"One": ["Mara walked to Harrow Point.", "The wind."], "Two": ["Rain at Harrow Point."]}


def test_a_place_whose_notes_file_links_outside_shows_in_the_panel_without_raising(qtbot, tmp_path):  # noqa: ANN001
    project = make_story(tmp_path / "story", TEXTS)
    note = project.add_note("Harrow Point", "place", text="mine")
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's file\n", "utf-8")
    path = project.note_path(note)
    path.unlink()
    os.symlink(outside, path)
    session = ProjectSession(load_project(project.root))
    tracker = NotesTracker(session)
    tracker.wait_idle()
    panel = NotesPanel(session, tracker)  # selects the first entry, as the window's panel does when shown
    qtbot.addWidget(panel)
    panel.select_entry(note.id)
    assert panel.name_edit.text() == "Harrow Point"
    assert "someone else" not in panel.notes_edit.toPlainText()
    assert outside.read_text("utf-8") == "someone else's file\n"


@pytest.mark.parametrize("kind", ["outside", "latin-1", "fifo"])
def test_a_notes_file_that_cannot_be_used_is_shown_read_only_with_one_line(qtbot, tmp_path, kind):  # noqa: ANN001
    project = make_story(tmp_path / "story", TEXTS)
    note = project.add_note("Harrow Point", "place", text="mine")
    path = project.note_path(note)
    path.unlink()
    if kind == "outside":
        (tmp_path / "outside.txt").write_text("someone else's file\n", "utf-8")
        os.symlink(tmp_path / "outside.txt", path)
    elif kind == "latin-1":
        path.write_bytes(b"Caf\xe9 by the harbour\n")
    else:
        os.mkfifo(path)
    session = ProjectSession(load_project(project.root))
    tracker = NotesTracker(session)
    tracker.wait_idle()
    panel = NotesPanel(session, tracker)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.message) as said:
        panel.select_entry(note.id)
    line = said.args[0]
    assert line.startswith("notes/harrow-point.txt ") and "\n" not in line
    assert panel.notes_edit.isReadOnly() and panel.notes_edit.toolTip() == line
