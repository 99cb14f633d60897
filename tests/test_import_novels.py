"""The novels corpus (tests/data/novels, made by make_novels.py): each import against its truth file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.atomic import atomic_write, sync_tree
from studio.core.counting import words_of
from studio.core.importing.apply import apply_plan
from studio.core.importing.layout import LARGER_GAPS, MARKER_LINES, NO_BREAKS
from studio.core.importing.reader import ImportOptions, TextImporter, plan_import
from studio.core.publishing.exporting import export_text

NOVELS = Path(__file__).parent / "data" / "novels"
CASES = sorted(path.stem for path in NOVELS.glob("*.txt"))


def truth_of(stem: str) -> dict[str, object]:
    return json.loads((NOVELS / f"{stem}.truth.json").read_text(encoding="utf-8"))


def test_the_corpus_has_every_kind() -> None:
    assert len(CASES) == 7
    assert {truth_of(stem)["language"] for stem in CASES} == {"en", "es", "fr", "de", "it", "pt"}


@pytest.mark.parametrize("stem", CASES)
def test_novel_matches_its_truth(stem: str) -> None:
    truth = truth_of(stem)
    plan = plan_import([NOVELS / f"{stem}.txt"])
    assert (plan.title, plan.author, plan.language) == (truth["title"], truth["author"], truth["language"])
    assert [part.title for part in plan.parts] == truth["chapters"]
    assert [part.group for part in plan.parts if part.group] == truth["groups"]
    assert [what.split(" (")[0] for what in plan.left_out] == truth["left_out"]
    assert all(what.endswith(" words)") for what in plan.left_out)
    assert all(part.scenes for part in plan.parts), "no part is empty"
    assert not any("\n" in part.title or "\n" in part.group for part in plan.parts)
    assert plan.scene_count <= 3 * len(plan.parts)


@pytest.mark.parametrize("stem", CASES)
def test_every_word_comes_back_in_order(stem: str, tmp_path: Path) -> None:
    source = NOVELS / f"{stem}.txt"
    plan = plan_import([source])
    apply_plan(tmp_path / "book", plan)
    exported = words_of(export_text(load_project(tmp_path / "book")))
    expected = words_of(source.read_text(encoding="utf-8"))
    for text in plan.left_out_text:  # what was left out is one run of words in the source
        cut = words_of(text)
        start = next(i for i in range(len(expected)) if expected[i : i + len(cut)] == cut)
        del expected[start : start + len(cut)]
    assert [w.casefold() for w in exported] == [w.casefold() for w in expected]


def test_export_then_import_keeps_books(tmp_path: Path) -> None:
    plan = plan_import([NOVELS / "the-lantern-of-harrow.txt"])
    apply_plan(tmp_path / "book", plan)
    project = load_project(tmp_path / "book")
    assert [p.group for p in project.parts if p.group] == ["BOOK I. THE HARBOUR", "BOOK II. THE HILL"]
    again = TextImporter().parse(export_text(project))
    assert [p.group for p in again.parts] == [p.group for p in plan.parts]
    assert [p.title for p in again.parts] == [p.title for p in plan.parts]


def test_the_posted_part_keeps_two_blank_lines_as_breaks() -> None:
    plan = plan_import([NOVELS / "posted-part.txt"])
    assert plan.scene_break_rule == LARGER_GAPS
    assert plan.scene_count == 3


def test_a_novel_with_one_gap_everywhere_has_no_breaks() -> None:
    plan = plan_import([NOVELS / "la-casa-del-faro.txt"])
    assert plan.scene_break_rule == NO_BREAKS
    assert plan.scene_count == len(plan.parts)


def test_re_plan_with_another_rule() -> None:
    path = NOVELS / "posted-part.txt"
    assert plan_import([path], ImportOptions(scene_break_rule=NO_BREAKS)).scene_count == 1
    english = NOVELS / "the-lantern-of-harrow.txt"
    assert plan_import([english]).scene_break_rule == MARKER_LINES
    assert plan_import([english], ImportOptions(scene_break_rule=NO_BREAKS)).scene_count == 8
    split = plan_import([english], ImportOptions(scene_break_rule=LARGER_GAPS))
    assert split.scene_break_rule == LARGER_GAPS


def test_a_heading_word_inside_a_paragraph_is_prose() -> None:
    text = (
        "Title\n\nCHAPTER I.\n\nShe read on.\n\nBook I. of the ledger was where her father wrote the names.\n"
    )
    plan = TextImporter().parse(text)
    assert [p.title for p in plan.parts] == ["CHAPTER I."]


@pytest.mark.parametrize(
    ("line", "number", "level"),
    [
        ("CHAPTER THE FIRST", 1, 2),
        ("PREMIÈRE PARTIE", 1, 1),
        ("PRIMERA PARTE", 1, 1),
        ("Erstes Kapitel", 1, 2),
        ("Siebentes Kapitel", 7, 2),
        ("CAPÍTULO XII", 12, 2),
        ("Capitolo primo", 1, 2),
        ("BOOK FIRST—THE HARBOUR", 1, 0),
        ("VOLUME II", 2, 0),
    ],
)
def test_headings_in_six_languages(line: str, number: int, level: int) -> None:
    from studio.core.importing.parsing import parse_heading

    heading = parse_heading(line, True, False)
    assert heading is not None
    assert (heading.number, heading.level) == (number, level)


def test_a_two_line_heading_is_one_title() -> None:
    text = "CHAPTER V.\nThe Lamp\n\nShe lit it.\n\nCHAPTER VI.\nThe Dark\n\nIt went out.\n\n"
    text += "PROLOGUE\n\nBefore.\n"
    plan = TextImporter().parse(text)
    assert [p.title for p in plan.parts] == ["CHAPTER V. The Lamp", "CHAPTER VI. The Dark", "PROLOGUE"]


def test_writes_without_sync_then_one_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    atomic_write(tmp_path / "a.txt", "a", sync=False)
    assert (tmp_path / "a.txt").read_text() == "a"
    sync_tree(tmp_path)
    monkeypatch.delattr(os, "sync")
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    sync_tree(tmp_path)
    assert len(synced) >= 2  # the file and its folder


def test_preview_switches_the_scene_break_rule(qtbot) -> None:  # noqa: ANN001
    from studio.gui.publishing.import_dialog import ImportDialog

    dialog = ImportDialog(files=[NOVELS / "the-lantern-of-harrow.txt"])
    qtbot.addWidget(dialog)
    assert "scene breaks: marker lines" in dialog.summary.text()
    assert "Left out: Project Gutenberg header (" in dialog.summary.text()
    assert dialog.plan is not None and dialog.plan.scene_count == 9
    dialog.breaks_box.setCurrentIndex(dialog.breaks_box.findData(NO_BREAKS))
    assert dialog.plan is not None and dialog.plan.scene_count == 8
    assert "scene breaks: none" in dialog.summary.text()
    assert dialog.tree.topLevelItem(1).toolTip(0).startswith("BOOK I. THE HARBOUR")


def test_the_outline_shows_a_parts_book(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    from studio.app.session import ProjectSession
    from studio.models.outline_model import OutlineModel

    apply_plan(tmp_path / "book", plan_import([NOVELS / "the-lantern-of-harrow.txt"]))
    model = OutlineModel(ProjectSession(load_project(tmp_path / "book")))
    tips = [model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    assert tips[1].startswith("BOOK I. THE HARBOUR\nCHAPTER I. THE STORM")
    assert not tips[2].startswith("BOOK")


def test_gutenberg_chapter_titles_a_blank_line_below() -> None:
    chapters = [("I", "THE BOY"), ("II", "THE GLASS"), ("III", "THE LETTERS")]
    text = "CONTENTS\n\n" + "\n".join(f"CHAPTER {n}. {t}" for n, t in chapters) + "\n\n\n"
    for number, title in chapters:
        text += f"CHAPTER {number}.\n\n{title}\n\nIt began one morning.\n\nIt ended that night.\n\n\n"
    plan = TextImporter().parse(text)
    assert [p.title for p in plan.parts] == [f"CHAPTER {n}. {t}" for n, t in chapters] or [
        p.title for p in plan.parts
    ] == [t for _, t in chapters]
    assert [w.split(" (")[0] for w in plan.left_out] == ["contents"]
    assert plan.scene_count == 3


def test_numbered_contents_and_bare_numerals_over_titles() -> None:
    text = "THE LEDGER\n\nby Ann Roe\n\n\nCONTENTS\n\n I. The Storm ........ 1\n II. The Ledger ....... 9\n"
    text += " III. A Visitor ....... 20\n\n\nPREFACE\n\nThis book was written in a cold winter.\n\n\n"
    text += "I.\n\nTHE STORM\n\nThe wind came.\n\nShe waited.\n\n\n"
    text += "II.\n\nTHE LEDGER\n\nHe wrote it all down.\n\n\n"
    text += "III.\n\nA VISITOR\n\nSomeone knocked.\n"
    plan = TextImporter().parse(text)
    assert (plan.title, plan.author) == ("THE LEDGER", "Ann Roe")
    assert plan.left_out == ["contents (13 words)"]
    assert [p.title for p in plan.parts] == ["PREFACE", "I. THE STORM", "II. THE LEDGER", "III. A VISITOR"]
    assert plan.scene_count == 4
