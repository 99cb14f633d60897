"""Choosing the reader by content: each sample against the truth beside it; the CLI routes through it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from studio.cli import main
from studio.core import load_project
from studio.core.emphasis import plain_spans
from studio.core.errors import StudioError
from studio.core.importing.reader import ImportOptions
from studio.core.importing.sources import looks_like_html, plan_from_paths, read_source, sniff

DATA = Path(__file__).parent / "data" / "import_sources"
TRUTHS = sorted(DATA.glob("*.truth.json"))


@pytest.mark.parametrize("truth_file", TRUTHS, ids=[t.name.removesuffix(".truth.json") for t in TRUTHS])
def test_source_matches_its_truth(truth_file: Path) -> None:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    source = DATA / truth["source"]
    data = None if source.is_dir() else source.read_bytes()
    assert sniff(source, data) == truth["reader"]
    plan = plan_from_paths([source])
    assert plan.title == truth["title"]
    assert plan.author == truth["author"]
    assert [{"title": p.title, "scenes": len(p.scenes)} for p in plan.parts] == truth["parts"]
    assert plan.parts[0].scenes[0].words == truth["first_scene_words"]
    has_emphasis = any(plain_spans(s.text)[1] for p in plan.parts for s in p.scenes)
    assert has_emphasis == truth["emphasis"]
    assert plan.files and plan.files[0].size > 0


def test_every_sample_has_a_truth() -> None:
    sources = {p.name for p in DATA.iterdir() if not p.name.endswith(".truth.json")}
    assert sources == {json.loads(t.read_text(encoding="utf-8"))["source"] for t in TRUTHS}


def test_content_decides_not_the_extension(tmp_path: Path) -> None:
    page = tmp_path / "chapter.txt"
    shutil.copy(DATA / "ao3_lamp.html", page)
    word = tmp_path / "manuscript.bin"
    shutil.copy(DATA / "word_lamp.docx", word)
    text = tmp_path / "notes.html"
    text.write_text("Chapter 1\n\nShe said <3 and meant it.\n", encoding="utf-8")
    assert sniff(page, page.read_bytes()) == "html"
    assert sniff(word, word.read_bytes()) == "docx"
    assert sniff(text, text.read_bytes()) == "text"
    assert read_source(page).author == "quillandlamp"
    assert read_source(word).title == "The Lamp at Harrow Point"


def test_html_is_recognised_by_doctype_bom_or_dense_tags() -> None:
    assert looks_like_html(b"\xef\xbb\xbf  \n<!DOCTYPE html><p>x</p>")
    assert looks_like_html("<html><body>x</body></html>".encode("utf-16"))
    assert looks_like_html(b"<p>One.</p>\n<p>Two <em>three</em>.</p>\n<p>Four.</p>")
    assert not looks_like_html(b"# A title\n\nShe wrote <p> on the board, then <em>.\n\nAnd more text.")
    assert not looks_like_html(b"Plain story text.\n")


def test_novelwriter_folder_or_its_project_file(tmp_path: Path) -> None:
    folder = DATA / "novelwriter_lamp"
    assert read_source(folder).title == read_source(folder / "nwProject.nwx").title


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("book.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old Word .doc"),
        ("book.epub", None, "not a Word document"),
        ("empty.html", b"<!DOCTYPE html><html><body></body></html>", "no text to import"),
        ("broken.docx", b"PK\x03\x04word/document.xml and then nothing", "not a Word document"),
    ],
)
def test_refused_files_give_one_line(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/epub+zip")
            archive.writestr("OEBPS/chapter.xhtml", "<html><body><p>x</p></body></html>")
    else:
        path.write_bytes(content)
    with pytest.raises(StudioError, match=message) as caught:
        plan_from_paths([path])
    assert "\n" not in str(caught.value) and name in str(caught.value)


def test_a_folder_that_is_not_novelwriter_is_refused(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    with pytest.raises(StudioError, match="not a novelWriter project"):
        plan_from_paths([tmp_path])


def test_deep_nesting_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<!DOCTYPE html><body>" + "<div>" * 5000 + "<p>Deep.</p></body>", encoding="utf-8")
    try:
        plan = plan_from_paths([page])
    except StudioError as error:
        assert "deep.html" in str(error)
    else:
        assert plan.parts[0].scenes[0].paragraphs == ["Deep."]


def test_mixed_sources_make_one_plan_in_order(tmp_path: Path) -> None:
    text = tmp_path / "epilogue.txt"
    text.write_text("Epilogue\n\nThe lamp is still lit.\n", encoding="utf-8")
    plan = plan_from_paths([DATA / "ao3_lamp.html", text], ImportOptions(title="Harrow"))
    assert plan.title == "Harrow"
    assert [p.title for p in plan.parts][-1] == "Epilogue"
    assert len(plan.files) == 2 and plan.author == "quillandlamp"


def test_only_text_files_go_through_the_text_reader_unchanged(tmp_path: Path) -> None:
    from studio.core.importing.reader import plan_import

    story = tmp_path / "story.txt"
    story.write_text("Title\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n", encoding="utf-8")
    assert plan_from_paths([story]) == plan_import([story])


def test_cli_imports_an_ao3_download_and_a_novelwriter_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "lamp"
    assert main(["import", str(DATA / "ao3_lamp.html"), "--into", str(target)]) == 0
    project = load_project(target, read_only=True)
    assert [p.title for p in project.parts] == ["The Storm", "The Boat"]
    assert project.parts[0].notes == "Next time: the boat."
    assert project.author == "quillandlamp"
    second = tmp_path / "nw"
    assert main(["import", str(DATA / "novelwriter_lamp"), "--into", str(second)]) == 0
    assert [p.title for p in load_project(second, read_only=True).parts] == ["The Storm", "The Boat"]
    assert "Created" in capsys.readouterr().out


def test_cli_refusal_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert main(["import", str(old), "--into", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "old.doc" in err
    assert not (tmp_path / "x").exists()
