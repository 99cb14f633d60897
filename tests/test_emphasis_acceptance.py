"""Issue 13: italics and bold in a scene file, through counting, spelling, characters, snapshots, export."""

from __future__ import annotations

import json
from pathlib import Path

from studio.core import Project, create_project, load_project
from studio.core.characters import AppearanceIndex, apply_rename, plan_rename
from studio.core.counting import count_words, words_of
from studio.core.publishing.exporting import export_text
from studio.core.publishing.options import ExportOptions
from studio.core.safety import snapshots
from studio.core.spelling.checker import SpellEngine
from studio.core.spelling.tokenize import tokenize
from tests.conftest import run_cli

SENTENCE = "She thought *it’s never fair* and said **stop**."
NO_FRAME = ("--set", "header=", "--set", "part_heading=")


def one_scene(root: Path, text: str) -> Project:
    """A project whose one scene file holds ``text``, written as the writer would on disk."""
    project = create_project(root, "Harbour Lights", "Ada Quill")
    scene = project.parts[0].scenes[0]
    (project.store.root / "scenes" / scene.file).write_text(text, encoding="utf-8")
    return load_project(root)


def test_the_sentence_exports_to_html_with_em_and_strong(tmp_path: Path) -> None:
    project = one_scene(tmp_path / "p", SENTENCE + "\n")
    html = export_text(project, ExportOptions(header="", part_heading=""), fmt="html")
    assert html == "<p>She thought <em>it’s never fair</em> and said <strong>stop</strong>.</p>\n"


def test_the_sentence_exports_without_markers_through_the_cli(tmp_path: Path) -> None:
    project = one_scene(tmp_path / "p", SENTENCE + "\n")
    result = run_cli("export", str(project.root), *NO_FRAME, "--set", "emphasis=strip")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "She thought it’s never fair and said stop.\n"
    styles = {
        "markers": SENTENCE,
        "asterisks": SENTENCE,
        "underscores": "She thought _it’s never fair_ and said __stop__.",
    }
    for style, expected in styles.items():
        result = run_cli("export", str(project.root), *NO_FRAME, "--set", f"emphasis={style}")
        assert result.stdout == expected + "\n", style
    markdown = run_cli("export", str(project.root), *NO_FRAME, "--format", "md")
    assert markdown.stdout == SENTENCE + "\n"
    wrong = run_cli("export", str(project.root), "--set", "emphasis=bold")
    assert wrong.returncode == 1 and "emphasis" in wrong.stderr


def test_the_sentence_counts_eight_words(tmp_path: Path) -> None:
    assert count_words(SENTENCE) == 8
    assert count_words("*don’t*") == 1
    assert count_words("*Titanic*’s crew") == 2  # the marker does not split the possessive
    assert words_of("_well_-known **1920s**") == ["well-known", "1920s"]
    project = one_scene(tmp_path / "p", SENTENCE + "\n")
    assert project.parts[0].scenes[0].words == 8
    info = run_cli("info", str(project.root), "--json")
    assert json.loads(info.stdout)["words"] == 8


def test_studio_check_flags_nothing_in_the_sentence(tmp_path: Path) -> None:
    project = one_scene(tmp_path / "p", SENTENCE + "\n*Titanic*’s crew said _nothin’_ at all.\n")
    result = run_cli("check", str(project.root), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_spelling_offsets_land_on_the_letters_as_written() -> None:
    text = "He said *teh* and **wrold**, and *Titanic*’s crew wept."
    engine = SpellEngine("en")
    unknown = engine.check(text)
    found = [(t.word, text[t.start : t.start + t.length]) for t in unknown]
    assert found == [("teh", "teh"), ("wrold", "wrold")]
    titanic = next(t for t in tokenize(text) if t.word == "Titanic’s")
    assert text[titanic.start : titanic.start + titanic.length] == "Titanic*’s"
    assert engine.check("snake_case", 10) == [t for t in engine.check("snake case", 10)]


def test_a_name_in_emphasis_is_a_mention_and_survives_a_rename(tmp_path: Path) -> None:
    project = one_scene(tmp_path / "p", "*Buffy* ran. **Buffy**’s stake. _Buffy_ won.\n")
    buffy = project.add_character("Buffy")
    scene_id = project.parts[0].scenes[0].id
    index = AppearanceIndex.for_project(project)
    assert index.count(buffy.id, scene_id) == 3
    assert index.first_mention(buffy.id, scene_id) == (1, 5)
    plans = plan_rename(project, buffy.id, "Anya")
    apply_rename(project, buffy.id, "Anya", plans)
    assert project.scene_text(scene_id) == "*Anya* ran. **Anya**’s stake. _Anya_ won.\n"


def test_snapshots_keep_the_markers_and_count_without_them(tmp_path: Path) -> None:
    project = one_scene(tmp_path / "p", SENTENCE + "\n")
    scene_id = project.parts[0].scenes[0].id
    snapshot = snapshots.take(project, scene_id, "test")
    assert snapshot.words == 8
    assert snapshots.read(snapshot) == SENTENCE + "\n"
    diff = snapshots.unified(SENTENCE, SENTENCE.replace("**stop**", "*stop*"))
    assert "-She thought *it’s never fair* and said **stop**." in diff


def test_a_scene_without_markers_is_unchanged(tmp_path: Path) -> None:
    text = "# Not a heading\n- not a list\n1. not a list\nsnake_case, sh*t and f*** it.\n"
    project = one_scene(tmp_path / "p", text)
    options = ExportOptions(header="", part_heading="", emphasis="strip")
    assert export_text(project, options) == text.replace("\n", "\n\n").rstrip("\n") + "\n"
    assert (project.store.root / "scenes" / project.parts[0].scenes[0].file).read_text("utf-8") == text
