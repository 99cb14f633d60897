"""Site profiles: every profile's HTML within its allowlist, and no word lost or reordered (hypothesis)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core.counting import WORD_PATTERN
from studio.core.emphasis import strip_markers
from studio.core.errors import StudioError
from studio.core.publishing.profiles import SITES, render_for_site
from studio.core.storage import create_project


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def words(text: str) -> list[str]:
    return WORD_PATTERN.findall(text)


def html_words(html: str) -> tuple[list[str], _Tags]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return words("".join(parser.text)), parser


def bbcode_words(text: str) -> list[str]:
    return words(re.sub(r"\[/?(?:i|b|center|hr)\]", " ", text))


WORD = st.sampled_from(
    [
        "Jessica",
        "said",
        "don’t",
        "well-known",
        "1920s",
        "שלום",
        "עולם",
        "😀",
        "café",
        "naïve",
        "<b>",
        "&",
        "a&b",
        "x<y",
    ]
)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    items = draw(st.lists(WORD, min_size=1, max_size=8))
    out = []
    for item in items:
        style = draw(st.sampled_from(["", "", "*", "**"]))
        out.append(f"{style}{item}{style}" if style and item[0].isalnum() and item[-1].isalnum() else item)
    return " ".join(out) + draw(st.sampled_from([".", "!", "", " *", " 2 * 3"]))


SCENE = st.lists(paragraph(), min_size=1, max_size=4).map(lambda ps: "\n\n".join(ps) + "\n")
SEPARATOR = st.sampled_from(["* * *", "#", "~", "2", "", "<>&"])
NOTES = st.sampled_from(["", "A/N: *Thank you* for reading!", "עברית & <notes>"])


def story(tmp_path: Path, scenes: list[str], separator: str, notes: tuple[str, str], include: bool):  # noqa: ANN201
    project = create_project(tmp_path / "story", "Title <&>", "Author")
    part = project.parts[0]
    project.set_scene_text(part.scenes[0].id, scenes[0])
    for text in scenes[1:]:
        project.add_scene(part.id, text=text)
    project.set_part_fields(part.id, notes_begin=notes[0], notes_end=notes[1], summary="A *summary* & <more>")
    project.set_setting(
        "export", {"separator": separator, "part_notes": "include" if include else "omit", "part_heading": ""}
    )
    return project, part


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scenes=st.lists(SCENE, min_size=1, max_size=3),
    separator=SEPARATOR,
    notes=st.tuples(NOTES, NOTES),
    include=st.booleans(),
)
def test_every_profile_stays_in_its_allowlist_and_keeps_every_word(
    tmp_path_factory: pytest.TempPathFactory,
    scenes: list[str],
    separator: str,
    notes: tuple[str, str],
    include: bool,
) -> None:
    project, part = story(tmp_path_factory.mktemp("p"), scenes, separator, notes, include)
    story_words = [w for text in scenes for w in words(strip_markers(text))]
    for key, profile in SITES.items():
        render = render_for_site(project, key, part_id=part.id)
        notes_in_text = include and not profile.notes_apart
        expected = (
            words(strip_markers(notes[0])) + story_words + words(strip_markers(notes[1]))
            if notes_in_text
            else story_words
        )
        assert words(render.plain) == expected, key
        if render.html is not None:
            assert profile.allowlist is not None
            found, parser = html_words(render.html)
            assert found == expected, key
            assert parser.tags <= profile.allowlist.tags, key
            assert parser.attributes <= profile.allowlist.attributes, key
            assert "style" not in parser.attributes
            for field in (render.summary, render.notes_begin, render.notes_end):
                _, field_parser = html_words(field)
                assert field_parser.tags <= profile.allowlist.tags
        if render.bbcode is not None:
            assert bbcode_words(render.bbcode) == expected
        if render.markdown is not None:
            assert words(render.markdown) == expected


def test_ao3_centres_the_writers_separator_and_ffn_uses_a_rule(tmp_path: Path) -> None:
    project, part = story(tmp_path, ["One *two*.\n", "Three.\n"], "~", ("Before", "After"), False)
    ao3 = render_for_site(project, "ao3", part_id=part.id)
    assert ao3.html == '<p>One <em>two</em>.</p>\n<p align="center">~</p>\n<p>Three.</p>\n'
    assert (ao3.title, ao3.notes_begin, ao3.notes_end) == ("Part One", "<p>Before</p>", "<p>After</p>")
    assert ao3.summary == "<p>A <em>summary</em> &amp; &lt;more&gt;</p>"
    ffn = render_for_site(project, "ffn", part_id=part.id)
    assert ffn.html is not None and "<hr>" in ffn.html and "~" not in ffn.html


def test_bbcode_markdown_and_rich_clipboard(tmp_path: Path) -> None:
    project, part = story(tmp_path, ["One *two* **three**.\n", "Four.\n"], "2", ("", "End"), True)
    bb = render_for_site(project, "bbcode", part_id=part.id)
    assert (
        bb.html is None
        and bb.bbcode == "One [i]two[/i] [b]three[/b].\n\n[hr][/hr]\n\nFour.\n\n[hr][/hr]\n\nEnd\n"
    )
    md = render_for_site(project, "markdown", part_id=part.id)
    assert md.markdown is not None and md.markdown.startswith("One *two* **three**.")
    news = render_for_site(project, "newsletter", part_id=part.id)
    assert news.html is not None and news.plain.startswith("One *two* **three**.")
    royal = render_for_site(project, "royalroad", part_id=part.id)
    assert royal.html == "<p>One <em>two</em> <strong>three</strong>.</p>\n<hr>\n<p>Four.</p>\n"
    assert royal.notes_end == "<p>End</p>" and royal.body == royal.html


def test_a_selection_of_scenes_and_bad_requests(tmp_path: Path) -> None:
    project, part = story(tmp_path, ["One.\n", "Two.\n", "Three.\n"], "#", ("", ""), False)
    ids = [s.id for s in part.scenes]
    render = render_for_site(project, "wattpad", scene_ids=[ids[2], ids[0]])
    assert render.plain == "One.\n\n#\n\nThree.\n" and render.title == "Part One"
    with pytest.raises(StudioError, match="unknown site 'tumblr'; choose one of ao3, ffn"):
        render_for_site(project, "tumblr", part_id=part.id)
    with pytest.raises(StudioError, match="choose a part"):
        render_for_site(project, "ao3")
    with pytest.raises(StudioError, match="none of the chosen scenes"):
        render_for_site(project, "ao3", scene_ids=["s-nothere"])
