"""Export presets in the dialog: headings and breaks by name, a live sample, templates under Advanced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit

from studio.core import load_project
from studio.gui.publishing.export_dialog import ExportDialog
from studio.gui.publishing.export_form import CUSTOM
from tests.gui.window_helpers import make_story


def open_dialog(qtbot, root: Path) -> ExportDialog:  # noqa: ANN001
    project = make_story(root)
    dialog = ExportDialog(project, project.parts[1].id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    return dialog


def choose(dialog: ExportDialog, key: str, label: str) -> None:
    box = dialog.form.presets[key]
    index = box.findText(label)
    assert index >= 0, f"no preset {label!r} for {key}"
    box.setCurrentIndex(index)


def test_templates_are_folded_away_and_no_raw_placeholder_is_on_show(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, tmp_path / "story")
    assert not dialog.form.advanced.isVisible()
    shown = [w for w in dialog.findChildren(QLineEdit) + dialog.findChildren(QLabel) if w.isVisible()]
    assert not any("{" in w.text() for w in shown)
    assert dialog.form.presets["header"].currentText() == "Title, then “By” the author"
    assert dialog.form.presets["part_heading"].currentText() == "Part Five: The Title"
    dialog.form.advanced_toggle.click()
    assert dialog.form.advanced.isVisible()
    assert dialog.fields["header"].text() == "{title}\\nBy {author}"


def test_a_heading_preset_changes_the_sample_at_once_and_the_preview_and_is_saved(
    qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, tmp_path / "story")
    assert "Part Two: Two" in dialog.form.sample.text()  # the part exported is the second
    choose(dialog, "part_heading", "Chapter 5")
    assert "Chapter 2" in dialog.form.sample.text() and "Part Two" not in dialog.form.sample.text()
    assert dialog.fields["part_heading"].text() == "Chapter {number}"
    dialog.fields["start_number"].setValue(5)
    assert "Chapter 6" in dialog.form.sample.text()
    qtbot.waitUntil(
        lambda: dialog.is_current() and "Chapter 6\n" in dialog.preview.toPlainText(), timeout=5000
    )
    assert load_project(tmp_path / "story").settings["export"]["part_heading"] == "Chapter {number}"


def test_break_and_title_presets_show_in_sample_and_preview(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, tmp_path / "story")
    choose(dialog, "separator", "~")
    assert "scene.\n\n~\n\nThe next" in dialog.form.sample.text()
    choose(dialog, "separator", "A blank gap (two empty lines)")
    assert "scene.\n\n\nThe next" in dialog.form.sample.text()
    choose(dialog, "header", "None")
    assert not dialog.form.sample.text().startswith("The Lighthouse")
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    text = dialog.preview.toPlainText()
    assert text.startswith("Part Two: Two\n") and "By A. Writer" not in text
    saved = load_project(tmp_path / "story").settings["export"]
    assert (saved["separator"], saved["header"]) == ("2", "")


def test_a_template_of_its_own_reads_custom_and_a_preset_comes_back_when_it_matches(
    qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    dialog = open_dialog(qtbot, tmp_path / "story")
    dialog.set_field("part_heading", "Episode {number}")
    box = dialog.form.presets["part_heading"]
    assert box.currentText() == CUSTOM
    assert "Episode 2" in dialog.form.sample.text()
    dialog.set_field("part_heading", "{title}")
    assert box.currentText() == "The Title"
    choose(dialog, "part_heading", CUSTOM)  # asks for the template: Advanced opens on it
    assert dialog.form.advanced.isVisible()
    assert dialog.fields["part_heading"].text() == "Episode {number}"  # the writer's own comes back


def test_saved_custom_options_open_as_custom(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    project.set_setting("export", {"separator": "oOo", "header": "{title}"})
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    assert dialog.form.presets["separator"].currentText() == CUSTOM
    assert dialog.form.presets["header"].currentText() == "Title only"
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    assert "\n\noOo\n\n" in dialog.preview.toPlainText()
