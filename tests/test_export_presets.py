"""Export presets (core): every preset is a valid option value, named by what it gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studio.core.publishing.options import ExportOptions
from studio.core.publishing.presets import (
    HEADER_PRESETS,
    HEADING_PRESETS,
    SEPARATOR_PRESETS,
    heading_sample,
    matching_preset,
    options_sample,
)
from tests.conftest import REPO, run_cli


def test_each_heading_preset_is_named_by_the_heading_it_writes_for_part_five() -> None:
    for preset in HEADING_PRESETS:
        assert heading_sample(preset.template) == (preset.label if preset.template else "")


@pytest.mark.parametrize(
    ("key", "presets"),
    [("header", HEADER_PRESETS), ("part_heading", HEADING_PRESETS), ("separator", SEPARATOR_PRESETS)],
)
def test_every_preset_is_accepted_as_an_option_and_found_again(key: str, presets: tuple) -> None:
    labels = [p.label for p in presets]
    assert len(set(labels)) == len(labels) and len({p.template for p in presets}) == len(presets)
    for preset in presets:
        options = ExportOptions()
        options.apply_override(key, preset.template, raw=True)
        assert matching_preset(getattr(options, key), presets) == preset


def test_a_template_of_ones_own_matches_no_preset() -> None:
    assert matching_preset("Episode {number}", HEADING_PRESETS) is None
    assert matching_preset("  * * *  ", SEPARATOR_PRESETS) == SEPARATOR_PRESETS[0]


def test_the_sample_shows_title_lines_heading_and_the_exporters_own_break() -> None:
    options = ExportOptions(part_heading="Chapter {number}", separator="#")
    sample = options_sample(options, "The Lamp", "Ann Roe", "Dark", 3)
    assert (
        sample == "The Lamp\nBy Ann Roe\n\nChapter 3\n\n…the end of one scene.\n\n#\n\nThe next scene begins…"
    )
    options = ExportOptions(header="", separator="", paragraphs="newline")
    assert options_sample(options, "T", "", "Dark", 1).startswith(
        "Part One: Dark\n\n…the end of one scene.\nThe"
    )


def test_the_sample_project_is_by_a_person(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(REPO / "projects" / "the-lamplighters-daughter", root)
    result = run_cli("export", str(root), "--part", "1", "--output", "-")
    assert result.returncode == 0, result.stderr
    byline = result.stdout.splitlines()[1]
    assert byline.startswith("By ") and "Story Studio" not in byline


def test_the_sample_converts_quotes_and_dashes_as_export_does() -> None:
    options = ExportOptions(header="{title}", part_heading="{title}", quotes="straight", dashes="em")
    sample = options_sample(options, "The Lamplighter’s Daughter", "", "Storm -- Rising", 1)
    assert sample.split("\n\n")[:2] == ["The Lamplighter's Daughter", "Storm — Rising"]
