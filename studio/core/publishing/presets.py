"""Export presets: the headings, scene breaks and title lines a writer picks by name.

Each preset is one value of an existing ``ExportOptions`` text key (``part_heading``,
``separator``, ``header``); choosing one sets that key, and a saved value that matches
no preset is shown as *Custom*. ``heading_sample`` and ``options_sample`` render a short
sample of what the choice gives, for the dialog's live sample.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.core.publishing.exporting import PlainTextExporter
from studio.core.publishing.options import ExportOptions
from studio.core.text_transforms import number_words, render_template, roman


@dataclass(frozen=True)
class Preset:
    """One named choice for a text option: the label a writer reads and the template it stands for."""

    label: str
    template: str


HEADING_PRESETS: tuple[Preset, ...] = (
    Preset("Part Five: The Title", "Part {number_words}: {title}"),
    Preset("Chapter Five: The Title", "Chapter {number_words}: {title}"),
    Preset("Chapter 5: The Title", "Chapter {number}: {title}"),
    Preset("Chapter 5", "Chapter {number}"),
    Preset("Part 5", "Part {number}"),
    Preset("5. The Title", "{number}. {title}"),
    Preset("V. The Title", "{roman}. {title}"),
    Preset("The Title", "{title}"),
    Preset("No heading", ""),
)
SEPARATOR_PRESETS: tuple[Preset, ...] = (
    Preset("* * *", "* * *"),
    Preset("***", "***"),
    Preset("#", "#"),
    Preset("~", "~"),
    Preset("—", "—"),
    Preset("A blank gap (two empty lines)", "2"),
    Preset("Nothing (scenes run on)", ""),
)
HEADER_PRESETS: tuple[Preset, ...] = (
    Preset("Title, then “By” the author", "{title}\nBy {author}"),
    Preset("Title only", "{title}"),
    Preset("None", ""),
)
SAMPLE_TITLE = "The Title"
SAMPLE_NUMBER = 5


def matching_preset(template: str, presets: tuple[Preset, ...]) -> Preset | None:
    """The preset whose template is ``template`` (spaces around it ignored), else None (custom)."""
    wanted = template.strip()
    return next((preset for preset in presets if preset.template.strip() == wanted), None)


def heading_sample(template: str, number: int = SAMPLE_NUMBER, title: str = SAMPLE_TITLE) -> str:
    """A part heading as the template writes it for part ``number`` titled ``title``."""
    values = {
        "title": title,
        "number": number,
        "number_words": number_words(number),
        "roman": roman(number),
    }
    return render_template(template, values).strip()


def options_sample(options: ExportOptions, title: str, author: str, part_title: str, part_number: int) -> str:
    """A few lines showing the title lines, one part heading and a scene break as exported."""
    exporter = PlainTextExporter(options)  # its own quotes, dashes and break, blank lines and all
    values = {"title": title, "author": author}
    header = render_template(options.header, values)
    blocks = ["\n".join(exporter.transform(line) for line in header.split("\n")).strip()]
    blocks.append(exporter.transform(heading_sample(options.part_heading, part_number, part_title)))
    blocks.append(f"…the end of one scene.{exporter.scene_joiner()}The next scene begins…")
    return "\n\n".join(block for block in blocks if block)
