"""The Export dialog: live preview, saved options, clipboard, file, and the window's Export action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication

from studio.core import load_project
from studio.gui.publishing.export_dialog import ExportDialog
from studio.gui.publishing.feature import PublishingFeature
from tests.gui.window_helpers import make_story, open_test_window


def wait_preview(qtbot, dialog: ExportDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(dialog.is_current, timeout=5000)


def test_preview_follows_the_options_and_they_are_saved(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    dialog = ExportDialog(project, project.parts[0].id)
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    assert dialog.preview.toPlainText().startswith("The Lighthouse\nBy A. Writer\n\nPart One: One\n")
    with qtbot.waitSignal(dialog.preview_updated, timeout=5000):
        dialog.set_field("separator", "~")
        dialog.set_field("header", "")
    wait_preview(qtbot, dialog)
    text = dialog.preview.toPlainText()
    assert text.startswith("Part One: One\n") and "\n\n~\n\n" in text
    assert "epsilon" not in text  # only the current part
    saved = load_project(tmp_path / "story").settings["export"]
    assert saved["separator"] == "~" and saved["header"] == ""


def test_copy_to_clipboard_and_save_to_file(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    dialog.fields["quotes"].setCurrentIndex(dialog.fields["quotes"].findData("curly"))
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.copy_to_clipboard()  # waits for the pending run with the new option
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.text and "epsilon zeta" in copied
    target = tmp_path / "out.txt"
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.save_to(target)
    assert target.read_text("utf-8") == copied


def test_html_and_selected_scenes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    ids = [project.parts[0].scenes[1].id, project.parts[1].scenes[0].id]
    dialog = ExportDialog(project, scene_ids=ids)
    qtbot.addWidget(dialog)
    assert dialog.scope_box.currentData() == "scenes"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    qtbot.waitUntil(lambda: dialog.is_current() and "<p>" in dialog.preview.toPlainText(), timeout=5000)
    text = dialog.preview.toPlainText()
    assert "<p>alpha beta gamma</p>" in text and "<p>epsilon zeta</p>" in text
    assert "delta" not in text


def test_window_export_action_opens_the_dialog(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    action = window.findChild(QAction, "exportAction")
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = PublishingFeature.instance(window).export_dialog
    qtbot.waitUntil(lambda: dialog.is_current() and dialog.preview.toPlainText() != "", timeout=5000)
    assert "Part One: One" in dialog.preview.toPlainText()
    dialog.reject()


def test_save_each_part_in_the_background(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.save_parts_to(tmp_path / "parts")
    names = sorted(p.name for p in (tmp_path / "parts").iterdir())
    assert names == ["01-one.txt", "02-two.txt"]
    assert "epsilon zeta" in (tmp_path / "parts" / "02-two.txt").read_text("utf-8")
    assert "Saved 2 files" in dialog.status.text()


def test_opening_the_dialog_rewrites_nothing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    before = (tmp_path / "story" / "story.json").read_bytes()
    dialog = ExportDialog(project, project.parts[0].id)
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    assert (tmp_path / "story" / "story.json").read_bytes() == before
