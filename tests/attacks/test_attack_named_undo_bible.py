"""Attack across issue 19's named undo and issue 17's story bible: a long name in Edit › Undo."""

from __future__ import annotations

from PySide6.QtGui import QAction

from studio.app.commands.labels import AddLabelCommand
from studio.app.commands.notes import AddNoteCommand
from tests.gui.window_helpers import make_story, open_test_window

LONG = "The Lighthouse at the End of the Long Grey Causeway Beyond the Salt Marshes of Harrow " * 3


def test_undo_after_adding_a_place_with_a_long_name_reads_short(qtbot, tmp_path):  # noqa: ANN001
    project = make_story(tmp_path / "story", {"One": ["At the lighthouse."]})
    window = open_test_window(qtbot, project.root)
    session = window.session
    undo = window.findChild(QAction, "undoAction")
    window.outline_view.setFocus()
    session.run(AddNoteCommand(session, LONG, "place"))
    window.menu("edit").aboutToShow.emit()
    assert undo.text().startswith("&Undo New Place “The Lighthouse")
    assert len(undo.text()) <= 60, undo.text()
    session.run(AddLabelCommand(session, LONG[:80]))
    window.menu("edit").aboutToShow.emit()
    assert len(undo.text()) <= 60, undo.text()
