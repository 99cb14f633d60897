"""Round trip: a story exported with some options, imported, and exported again with them is unchanged."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core import create_project
from studio.core.counting import words_of
from studio.core.importing.apply import apply_plan
from studio.core.importing.reader import plan_import
from studio.core.publishing.exporting import export_text
from studio.core.publishing.options import ExportOptions

VOCAB = " ".join(
    [
        "the rain fell on empty streets and she walked home alone while lights burned low in",
        "windows above a river that never slept quiet voices drifted from doors left open",
    ]
).split()
NAMES = ["Mara", "Tomas", "Ilse", "Jonah", "Wren"]
TITLE_WORDS = ["Night", "River", "Morning", "Letters", "Glass", "Harbour", "Winter", "Lanterns"]
counter = itertools.count()


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCAB), min_size=3, max_size=12))
    words[0] = words[0].capitalize()
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(NAMES)))
    if draw(st.integers(0, 2)) == 0:  # emphasis over a run of words: *a thought*, **stop**, _a name_
        start = draw(st.integers(0, len(words) - 1))
        end = draw(st.integers(start + 1, min(len(words), start + 4)))
        marker = draw(st.sampled_from(["*", "**", "_", "__", "***"]))
        words[start:end] = [marker + " ".join(words[start:end]) + marker]
    shape = draw(st.sampled_from(["plain", "dialogue", "apostrophe", "dash", "single"]))
    body = " ".join(words)
    if shape == "dialogue":
        return f'"{body}," {draw(st.sampled_from(NAMES))} said.'
    if shape == "apostrophe":
        return f"{body}, didn't she? They'd go 'round again."
    if shape == "dash":
        return f"{body} -- or so it seemed."
    if shape == "single":
        return f"'{body},' she whispered."
    return body + draw(st.sampled_from([".", "!", "?", "..."]))


# What a paragraph may start with: backslash escapes (kept as written), and line starts Markdown would
# read as markup (the Markdown exporter escapes them; the importer removes only that backslash).
ESCAPES = ["\\*not emphasis\\* ", "\\*sigh ", "\\_underscored\\_ ", "\\\\", "\\\\ ", "\\\\\\* "]
SINGLE_ESCAPES = ["\\*sigh ", "\\\\", "\\\\ "]  # the ones that survive ``emphasis=strip``
MARKUP = ["> ", "- ", "+ ", "* ", "1. ", "12) ", "-- "]
MARKDOWN_ONLY = ["# ", "## ", "#"]  # plain text reads a ``#`` line as a heading


def leads_for(options: ExportOptions) -> list[str]:
    """The paragraph starts a story exported with ``options`` gives back unchanged."""
    escapes = SINGLE_ESCAPES if options.emphasis == "strip" and options.format == "txt" else ESCAPES
    return escapes + MARKUP + (MARKDOWN_ONLY if options.format == "md" else [])


@st.composite
def paragraphs(draw: st.DrawFn, long: bool, leads: tuple[str, ...] = ()) -> str:
    text = " ".join(draw(st.lists(sentences(), min_size=4 if long else 1, max_size=7 if long else 4)))
    if leads and draw(st.integers(0, 3)) == 0:
        text = draw(st.sampled_from(leads)) + text
    return text


@st.composite
def stories(draw: st.DrawFn) -> tuple[list[tuple[str, list[list[str]]]], ExportOptions]:
    options = ExportOptions(closing="", footer="", format=draw(st.sampled_from(["txt", "txt", "md"])))
    options.paragraphs = draw(st.sampled_from(["blank", "newline"]))
    newline = options.paragraphs == "newline"
    options.wrap = 0 if newline else draw(st.sampled_from([0, 0, 60, 72]))
    separators = ["* * *", "#", "~", "***", "-", "—", "2", "3"] + (["1"] if newline else [])
    options.separator = draw(st.sampled_from(separators))
    options.line_endings = draw(st.sampled_from(["lf", "crlf"]))
    options.header = draw(st.sampled_from(["{title}\nBy {author}", "", "{title}\nby {author}"]))
    options.part_heading = draw(
        st.sampled_from(
            ["Part {number_words}: {title}", "Chapter {number}", "CHAPTER {roman}. {title}", "Part {number}"]
        )
    )
    options.start_number = draw(st.integers(1, 40))
    options.quotes = draw(st.sampled_from(["keep", "keep", "curly", "straight"]))
    options.dashes = draw(st.sampled_from(["keep", "em", "double-hyphen"]))
    options.emphasis = draw(st.sampled_from(["markers", "markers", "asterisks", "underscores", "strip"]))
    long = options.wrap > 0
    leads = tuple(leads_for(options))
    part_count = draw(st.integers(1, 4))
    parts = []
    for _ in range(part_count):
        title = " ".join(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=3)))
        scene_count = draw(st.integers(1, 3))
        scenes = [
            draw(st.lists(paragraphs(long, leads), min_size=2 if newline or long else 1, max_size=5))
            for _ in range(scene_count)
        ]
        if long:
            scenes = [s + [draw(paragraphs(True, leads)) for _ in range(2)] for s in scenes]
        parts.append((f"The {title}", scenes))
    return parts, options


def build_project(root: Path, parts: list[tuple[str, list[list[str]]]], options: ExportOptions):  # noqa: ANN201
    project = create_project(root, "The Harbour Lights", "Ada Quill")
    with project.batch():
        project.remove_scene(project.parts[0].scenes[0].id)
        project.remove_part(project.parts[0].id)
        for title, scenes in parts:
            part = project.add_part(title)
            for number, paras in enumerate(scenes, 1):
                project.add_scene(part.id, title=f"Scene {number}", text="\n".join(paras) + "\n")
        project.set_setting("export", options.to_settings())
    return project


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(story=stories())
def test_export_import_export_gives_the_same_text(tmp_path_factory: pytest.TempPathFactory, story) -> None:
    parts, options = story
    base = tmp_path_factory.mktemp(f"trip{next(counter)}")
    original = build_project(base / "original", parts, options)
    posted = export_text(original, options)
    source = base / f"posted.{options.format}"
    source.write_bytes(posted.encode("utf-8"))

    plan = plan_import([source])
    imported, created = apply_plan(base / "imported", plan)
    assert created
    again = export_text(imported, options)

    assert again == posted
    assert words_of(again) == words_of(posted)
    # the importer's own guess at the options gives the text back as well (line endings aside)
    guessed = ExportOptions.from_settings(imported.settings["export"])
    guessed.line_endings = options.line_endings
    assert export_text(imported, guessed) == posted
    if "{title}" in options.part_heading:
        assert [p.title for p in imported.parts] == [title for title, _ in parts]
    assert [len(p.scenes) for p in imported.parts] == [len(scenes) for _, scenes in parts]
