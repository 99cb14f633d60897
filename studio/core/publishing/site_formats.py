"""The exporters a site profile renders with: paste-ready HTML and forum BBCode.

``SiteHtmlExporter`` is the HTML exporter with a site's scene break (a centred paragraph
``<p align="center">`` holding the writer's separator, or a rule ``<hr />``) and no ``style``
attribute; ``BBCodeExporter`` writes ``[i]``, ``[b]``, ``[center]`` and ``[hr][/hr]`` for the
XenForo forums (SpaceBattles, Sufficient Velocity, Questionable Questing).
"""

from __future__ import annotations

from typing import Literal

from studio.core.emphasis import plain_spans
from studio.core.publishing.exporting import Exporter, HtmlExporter
from studio.core.publishing.options import ExportOptions

SceneBreak = Literal["centred", "rule"]
BBCODE_TAGS = {"em": "i", "strong": "b"}


class SiteHtmlExporter(HtmlExporter):
    """HTML for a posting site: ``<p>`` paragraphs, the scene break the site keeps."""

    def __init__(self, options: ExportOptions, scene_break: SceneBreak = "centred") -> None:
        super().__init__(options)
        self.scene_break = scene_break

    def heading_block(self, text: str) -> str:
        """An ``<h2>``, with ``<br />`` between lines."""
        return "<h2>" + "<br />".join(self.escape(x) for x in text.split("\n") if x.strip()) + "</h2>"

    def scene_joiner(self) -> str:
        """A rule for blank lines (or always, for sites that strip symbol lines), else the mark centred."""
        mark = self.options.separator.strip()
        if not mark:
            return "\n"
        if self.options.blank_separator_lines() is not None or self.scene_break == "rule":
            return "\n<hr />\n"
        return f'\n<p align="center">{self.escape(mark)}</p>\n'

    def rule(self) -> str:
        """What sets notes apart from the chapter."""
        return "<hr />"


def bbcode_of(text: str) -> str:
    """Return a paragraph's text with emphasis as ``[i]``/``[b]`` (markers and escapes removed)."""
    plain, spans = plain_spans(text)
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for span in spans:
        tag = BBCODE_TAGS[span.kind]
        opens.setdefault(span.start, []).append(f"[{tag}]")
        closes.setdefault(span.end, []).insert(0, f"[/{tag}]")
    pieces: list[str] = []
    last = 0
    for cut in sorted(opens.keys() | closes.keys() | {len(plain)}):
        pieces += [plain[last:cut], *closes.get(cut, []), *opens.get(cut, [])]
        last = cut
    return "".join(pieces)


class BBCodeExporter(Exporter):
    """Forum BBCode: paragraphs with a blank line between, ``[b]`` headings, ``[center]`` breaks."""

    extension = "txt"

    def header_block(self, lines: list[str]) -> str:
        """The title in bold, then the other lines."""
        return "\n".join([f"[b]{lines[0]}[/b]", *(line for line in lines[1:] if line.strip())])

    def heading_block(self, text: str) -> str:
        """A bold heading."""
        return "[b]" + "\n".join(x for x in text.split("\n") if x.strip()) + "[/b]"

    def paragraph_block(self, paragraphs: list[str]) -> str:
        """A blank line between paragraphs (forums show single newlines as they are)."""
        return "\n\n".join(paragraphs)

    def scene_joiner(self) -> str:
        """``[hr][/hr]`` for blank lines, else the separator centred."""
        mark = self.options.separator.strip()
        if not mark:
            return "\n\n"
        if self.options.blank_separator_lines() is not None:
            return "\n\n[hr][/hr]\n\n"
        return f"\n\n[center]{mark}[/center]\n\n"

    def scene_paragraph(self, text: str) -> str:
        """Emphasis as ``[i]`` and ``[b]``."""
        return bbcode_of(text)
