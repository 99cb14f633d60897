"""Attacks on the export presets (issue 19): the live sample against `studio export`, Custom templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from studio.core import load_project
from studio.gui.publishing.export_dialog import ExportDialog
from studio.gui.publishing.export_form import CUSTOM
from tests.conftest import run_cli

SAMPLE = Path(__file__).resolve().parents[2] / "projects" / "the-lamplighters-daughter"


def open_dialog(qtbot, root: Path) -> ExportDialog:  # noqa: ANN001
    shutil.copytree(SAMPLE, root)
    project = load_project(root)
    dialog = ExportDialog(project, project.parts[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    return dialog


def test_sample_title_line_is_what_export_writes_with_straight_quotes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Promise (issue 19 §3): a live sample of what the choice gives. Steps: the sample project
    (title "The Lamplighter’s Daughter"), Quotes = Straight; the sample's first line keeps the
    curly ’ while `studio export DIR --set quotes=straight` writes "The Lamplighter's Daughter".
    Suspected: studio/core/publishing/presets.py options_sample (never calls Exporter.transform)."""
    dialog = open_dialog(qtbot, tmp_path / "story")
    quotes = dialog.form.fields["quotes"]
    quotes.setCurrentIndex(quotes.findData("straight"))
    sample_first = dialog.form.sample.text().split("\n")[0]
    done = run_cli("export", str(tmp_path / "story"), "--part", "1", "--set", "quotes=straight")
    assert done.returncode == 0, done.stderr
    assert sample_first == done.stdout.split("\n")[0]


def test_custom_then_a_preset_then_custom_again_keeps_the_typed_template(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Promise (COMMON: nothing lost): a writer types a custom heading under Advanced, tries a
    preset from the list, then picks Custom again; the typed template is gone for good (the field
    keeps the preset's template). Suspected: studio/gui/publishing/export_form.py _on_preset
    (Custom does not restore the last custom text)."""
    dialog = open_dialog(qtbot, tmp_path / "story")
    form = dialog.form
    form.set_advanced_shown(True)
    typed = "Book {roman} ~ {title} ~"
    form.fields["part_heading"].setText(typed)
    box = form.presets["part_heading"]
    assert box.currentText() == CUSTOM
    box.setCurrentIndex(box.findText("Chapter 5"))
    assert form.fields["part_heading"].text() == "Chapter {number}"
    box.setCurrentIndex(box.findText(CUSTOM))
    assert form.fields["part_heading"].text() == typed


def test_a_long_saved_footer_survives_changing_another_option(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Promise (COMMON: nothing lost): a footer of 40,000 characters saved in story.json (a long
    author's note) is cut to 32,767 when the dialog shows it (QLineEdit's default maxLength), and
    changing Quotes saves the cut footer over the writer's. Suspected:
    studio/gui/publishing/export_form.py _template_field (no setMaxLength) / load."""
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    story = root / "story.json"
    data = json.loads(story.read_text(encoding="utf-8"))
    footer = "Thanks for reading! " * 2000  # 40,000 characters
    data.setdefault("settings", {}).setdefault("export", {})["footer"] = footer
    story.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    project = load_project(root)
    dialog = ExportDialog(project, project.parts[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    quotes = dialog.form.fields["quotes"]
    quotes.setCurrentIndex(quotes.findData("straight"))
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    saved = load_project(root).settings["export"]
    assert saved["quotes"] == "straight"  # the change was saved
    assert saved["footer"] == footer, len(saved["footer"])


def test_a_saved_footer_with_a_backslash_n_survives_changing_another_option(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Promise (COMMON: nothing lost): the footer "Art: C:\\new art\\notes.txt" saved in
    story.json (a literal backslash before n) is shown as-is, read back with "\\n" taken for a
    line break, and saved so when Quotes changes: the footer now spans three lines. Suspected:
    studio/gui/publishing/export_form.py load/read (\\n escaping not reversible: a backslash is
    not escaped)."""
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    story = root / "story.json"
    data = json.loads(story.read_text(encoding="utf-8"))
    footer = "Art: C:\\new art\\notes.txt"
    data.setdefault("settings", {}).setdefault("export", {})["footer"] = footer
    story.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    project = load_project(root)
    dialog = ExportDialog(project, project.parts[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    quotes = dialog.form.fields["quotes"]
    quotes.setCurrentIndex(quotes.findData("straight"))
    qtbot.waitUntil(dialog.is_current, timeout=5000)
    saved = load_project(root).settings["export"]
    assert saved["quotes"] == "straight"  # the change was saved
    assert saved["footer"] == footer


def test_a_superscript_digit_as_scene_break_is_a_mark_not_a_traceback(tmp_path: Path) -> None:
    """Promise (COMMON: bad input gives one clear line, never a traceback): `studio export DIR
    --set separator=²` prints a Python traceback (ValueError: invalid literal for int()), as does
    typing ² as the Break text in the dialog (the sample reads it at every key). Suspected:
    studio/core/publishing/options.py _check_separator / blank_separator_lines (str.isdigit is
    True for ², int() refuses it; use isdecimal or an ASCII check)."""
    root = tmp_path / "story"
    shutil.copytree(SAMPLE, root)
    done = run_cli("export", str(root), "--part", "1", "--set", "separator=²")
    assert "Traceback" not in done.stderr, done.stderr[-200:]
    assert done.returncode == 0 and "\n²\n" in done.stdout


def test_typing_a_superscript_digit_as_break_text_in_the_dialog(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Promise: as above, in the Export dialog: Advanced › Break text, type "²": the live
    sample's slot raises ValueError (pytest-qt reports the exception; a user's run prints a
    traceback and the sample stops updating). Suspected: studio/core/publishing/options.py
    _check_separator, reached from studio/gui/publishing/export_form.py read()."""
    dialog = open_dialog(qtbot, tmp_path / "story")
    dialog.form.set_advanced_shown(True)
    field = dialog.form.fields["separator"]
    field.clear()
    qtbot.keyClicks(field, "²")
    assert "\n²\n" in dialog.form.sample.text()
