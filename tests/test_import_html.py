"""HTML import: an AO3 download by its layout, and generic pages (saved web pages, LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core.errors import StudioError
from studio.core.importing.apply import apply_plan
from studio.core.importing.html_reader import is_ao3, parse_html, plan_from_html
from studio.core.importing.reader import ImportOptions
from studio.core.importing.sources import plan_from_paths

DATA = Path(__file__).parent / "data" / "import_sources"
AO3 = (DATA / "ao3_lamp.html").read_text(encoding="utf-8")


def scene_text(plan) -> str:  # noqa: ANN001
    return "\n".join(s.text for p in plan.parts for s in p.scenes)


def test_ao3_title_author_and_work_notes() -> None:
    plan = plan_from_html(AO3)
    assert is_ao3(parse_html(AO3))
    assert (plan.title, plan.author) == ("The Lamp at Harrow Point", "quillandlamp")
    assert plan.summary == "A keeper, a storm, and a light that will *not* go out."
    assert plan.notes_begin == "Written for the autumn prompt exchange. Thanks to my beta!"
    assert plan.notes_end == "Thank you for reading! Kudos and comments keep the lamp lit."


def test_ao3_chapters_become_parts_with_their_notes() -> None:
    first, second = plan_from_html(AO3).parts
    assert (first.title, first.summary, first.notes_begin, first.notes) == (
        "The Storm",
        "Jess climbs the tower.",
        "This one is short, sorry!",
        "Next time: the boat.",
    )
    assert (second.summary, second.notes_begin, second.notes) == ("", "", "")
    assert [len(p.scenes) for p in (first, second)] == [2, 2]  # <hr /> and a centred * * *
    assert first.scenes[0].paragraphs[1] == "“It will hold,” she said. “It **has** to hold.”"
    assert "*one hundred and twelve*" in first.scenes[0].paragraphs[0]


def test_ao3_boilerplate_stays_out_of_the_text() -> None:
    text = scene_text(plan_from_html(AO3))
    for boilerplate in (
        "Archive",
        "Rating",
        "Teen And Up",
        "Slow Burn",
        "Stats",
        "Summary",
        "Kudos",
        "quillandlamp",
    ):
        assert boilerplate not in text
    assert "Chapter 1" not in text and "Next time" not in text


def test_ao3_chapter_headings_set_the_export_template() -> None:
    plan = plan_from_html(AO3)
    assert plan.export_settings["part_heading"] == "Chapter {number}: {title}"
    assert plan.export_settings["start_number"] == 1


def test_ao3_one_chapter_work_has_no_chapter_heading() -> None:
    page = AO3.split('<div id="chapters"')[0] + (
        '<div id="chapters" class="userstuff"><div class="userstuff"><p>Only <em>one</em> chapter.</p>'
        "</div></div></body></html>"
    )
    plan = plan_from_html(page)
    assert [(p.title, len(p.scenes)) for p in plan.parts] == [("The Lamp at Harrow Point", 1)]
    assert plan.parts[0].scenes[0].paragraphs == ["Only *one* chapter."]


def test_ao3_import_applies_end_notes(tmp_path: Path) -> None:
    project, created = apply_plan(tmp_path / "lamp", plan_from_html(AO3))
    assert created and project.parts[0].notes == "Next time: the boat."
    scene_file = project.root / "scenes" / project.parts[0].scenes[0].file
    assert scene_file.read_text(encoding="utf-8").startswith("The wind came off the sea")


def test_generic_page_headings_breaks_and_byline() -> None:
    page = """<!DOCTYPE html><html><head><title>Saved page</title><script>var x = 1;</script></head>
    <body><h1>The Harbour</h1><p>By M. Penrose</p>
    <h2>Chapter 1</h2><p>First <i>one</i>.</p><p align="center">* * *</p><p>Second.</p>
    <h2>Chapter 2</h2><p>Third <b>bold</b>.</p><hr><p>Fourth.</p><h3>Later</h3><p>Fifth.</p>
    </body></html>"""
    plan = plan_from_html(page)
    assert (plan.title, plan.author) == ("The Harbour", "M. Penrose")
    assert [(p.title, [s.title for s in p.scenes]) for p in plan.parts] == [
        ("Chapter 1", ["Scene 1", "Scene 2"]),
        ("Chapter 2", ["Scene 1", "Scene 2", "Later"]),
    ]
    assert plan.parts[0].scenes[0].paragraphs == ["First *one*."]
    assert "var x" not in scene_text(plan)
    assert plan.export_settings["part_heading"] == "Chapter {number}"


def test_page_without_headings_is_one_part_titled_by_its_title() -> None:
    plan = plan_from_html("<html><head><title>Short</title></head><body><p>One.</p><p>Two.</p></body></html>")
    assert [(p.title, p.scenes[0].paragraphs) for p in plan.parts] == [("Short", ["One.", "Two."])]


def test_fragment_with_paragraphs_only() -> None:
    plan = plan_from_html("<p>One <em>two</em>.</p><p>Three.</p>", "my-story")
    assert plan.title == "My Story"
    assert plan.parts[0].scenes[0].paragraphs == ["One *two*.", "Three."]


def test_meta_charset_is_used_when_the_bytes_are_not_utf8(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_bytes(
        '<!DOCTYPE html><html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u2014 done.</p>'
        "</body></html>".encode("cp1252")
    )
    plan = plan_from_paths([page])
    assert plan.parts[0].scenes[0].paragraphs == ["Caf\u00e9 \u2014 done."]
    assert plan.encodings == ["windows-1252"]


def test_undeclared_non_utf8_page_is_refused_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_bytes("<!DOCTYPE html><p>Caf\u00e9</p>".encode("cp1252"))
    with pytest.raises(StudioError, match="old.html: not UTF-8"):
        plan_from_paths([page])
    assert plan_from_paths([page], ImportOptions(encoding="cp1252")).parts[0].scenes[0].paragraphs == [
        "Caf\u00e9"
    ]


def test_unclosed_tags_and_entities() -> None:
    plan = plan_from_html("<html><body><h2>One</h2><p>A &amp; B<p>C <em>d</p><div>E &mdash; F</div>")
    assert plan.parts[0].scenes[0].paragraphs == ["A & B", "C *d*", "E \u2014 F"]
