"""Posted parts carry a mark in the outline; an edit after posting turns it to "changed since"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from studio.core.publishing.posting import mark_posted
from studio.gui.publishing.feature import PublishingFeature
from studio.models.posted_marks import POSTED_ROLE
from tests.gui.window_helpers import make_story, open_test_window


def test_mark_as_posted_then_an_edit_shows_changed(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    part = project.parts[0]
    window = open_test_window(qtbot, project.root)
    model = window.outline_view.outline_model
    row = model.index_for_id(part.id)
    assert model.data(row, POSTED_ROLE) is None
    window.outline_view.select_ids([part.id])
    dialog = PublishingFeature.instance(window).open_posting()
    qtbot.waitUntil(lambda: dialog.is_current() and dialog.site_render is not None, timeout=8000)
    dialog.set_site("ao3")
    qtbot.waitUntil(lambda: dialog.is_current() and dialog.site_render is not None, timeout=8000)
    assert dialog.mark_posted("https://archiveofourown.org/works/1")
    assert model.data(row, POSTED_ROLE) == "posted"
    assert isinstance(model.data(row, Qt.ItemDataRole.DecorationRole), QIcon)
    tooltip = model.data(row, Qt.ItemDataRole.ToolTipRole)
    assert "Posted to AO3 on " in tooltip and "changed since" not in tooltip
    dialog.close()
    window.show_scene(part.scenes[0].id)
    window.editor.textCursor().insertText("Suddenly, ")
    window.save_all()
    qtbot.waitUntil(lambda: model.data(row, POSTED_ROLE) == "changed", timeout=5000)
    assert model.data(row, Qt.ItemDataRole.ToolTipRole).endswith(" · changed since")
    compare = PublishingFeature.instance(window).show_changes_since_posted(part.id)
    assert compare is not None and "Suddenly" in compare.view.browser.toPlainText()
    compare.close()
    assert model.data(model.index_for_id(project.parts[1].id), POSTED_ROLE) is None


def test_part_fields_change_the_mark_and_undo_brings_it_back(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    part = project.parts[1]
    mark_posted(project, part.id, "royalroad")
    window = open_test_window(qtbot, project.root)
    model = window.outline_view.outline_model
    row = model.index_for_id(part.id)
    assert model.data(row, POSTED_ROLE) is None  # worked out just after the window opens
    qtbot.waitUntil(lambda: model.data(row, POSTED_ROLE) == "posted", timeout=5000)
    view = window.outline_view
    view.setCurrentIndex(row)
    page = window.inspector.part_inspector
    page.edits["notes_end"].setPlainText("Next week: the storm.")
    page.commit_typed()
    qtbot.waitUntil(lambda: model.data(row, POSTED_ROLE) == "changed", timeout=5000)
    window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: model.data(row, POSTED_ROLE) == "posted", timeout=5000)
    assert PublishingFeature.instance(window).changes_action.isEnabled()
