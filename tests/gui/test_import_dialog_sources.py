"""The Import dialog reads every kind of source by its content: AO3 HTML, Word .docx, novelWriter, text."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from studio.gui.publishing import import_dialog
from studio.gui.publishing.import_dialog import ImportDialog

SOURCES = Path(__file__).parent.parent / "data" / "import_sources"
NOVELS = Path(__file__).parent.parent / "data" / "novels"


def tree_outline(dialog: ImportDialog) -> list[tuple[str, int]]:
    tree = dialog.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(item.text(0), item.childCount()) for item in items]


def test_file_filter_offers_every_source() -> None:
    assert import_dialog.FILE_FILTER == (
        "Stories (*.txt *.md *.markdown *.html *.htm *.xhtml *.docx nwProject.nwx);;All files (*)"
    )


def test_previews_an_ao3_download(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    page = tmp_path / "lamp.html"
    shutil.copy(SOURCES / "ao3_lamp.html", page)
    dialog = ImportDialog(files=[page])
    qtbot.addWidget(dialog)
    assert dialog.plan is not None
    summary = dialog.summary.text()
    assert "The Lamp at Harrow Point" in summary and "quillandlamp" in summary and "2 parts" in summary
    assert tree_outline(dialog) == [("The Storm", 3), ("The Boat", 2)]  # The Storm: 2 scenes and its notes
    storm = dialog.tree.topLevelItem(0)
    assert storm.child(2).text(0) == "Part notes" and storm.child(2).text(2) == "Next time: the boat."
    assert "Jess climbs the tower." in storm.toolTip(0)
    assert dialog.plan.summary.startswith("A keeper, a storm")
    assert dialog.buttons.buttons()[0].isEnabled()


def test_previews_a_docx_built_with_python_docx(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    document = docx.Document()
    document.add_heading("Chapter 1: The Storm", level=1)
    first = document.add_paragraph("The wind came off the sea. ")
    first.add_run("One hundred and twelve").italic = True
    first.add_run(" steps, as always.")
    document.add_paragraph("By midnight the lamp was lit.")
    document.add_heading("Chapter 2: The Boat", level=1)
    document.add_paragraph("Morning came grey and quiet.")
    path = tmp_path / "manuscript.docx"
    document.save(str(path))
    dialog = ImportDialog(files=[path])
    qtbot.addWidget(dialog)
    assert dialog.plan is not None, dialog.summary.text()
    assert [part.title for part in dialog.plan.parts] == ["The Storm", "The Boat"]
    assert [title for title, _ in tree_outline(dialog)] == ["The Storm", "The Boat"]
    scene = dialog.plan.parts[0].scenes[0]
    assert "*One hundred and twelve*" in scene.text
    assert dialog.tree.topLevelItem(0).child(0).text(2).startswith("The wind came off the sea.")
    assert "2 parts" in dialog.summary.text()


def test_previews_a_novelwriter_project_by_its_project_file(qtbot) -> None:  # noqa: ANN001
    dialog = ImportDialog(files=[SOURCES / "novelwriter_lamp" / "nwProject.nwx"])
    qtbot.addWidget(dialog)
    assert tree_outline(dialog) == [("The Storm", 3), ("The Boat", 1)]
    assert dialog.plan is not None and dialog.plan.characters == ["Jess Summers", "Tom Harrow"]


def test_preview_says_what_was_left_out(qtbot) -> None:  # noqa: ANN001
    dialog = ImportDialog(files=[NOVELS / "the-lantern-of-harrow.txt"])
    qtbot.addWidget(dialog)
    assert "Left out: Project Gutenberg header (101 words)" in dialog.summary.text()


def test_a_refused_source_is_one_line_in_the_preview(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    dialog = ImportDialog(files=[old])
    qtbot.addWidget(dialog)
    assert dialog.plan is None
    assert "old.doc" in dialog.summary.text() and "\n" not in dialog.summary.text()
