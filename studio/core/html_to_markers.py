"""Pasted HTML as scene text: italics and bold become ``*``/``**`` markers, blocks become paragraphs.

Word processors, browsers, Google Docs and AO3 put ``text/html`` on the clipboard. What a
scene keeps of it: emphasis (``<em>``, ``<i>``, ``<cite>``, ``<strong>``, ``<b>`` and the
``font-style``/``font-weight`` styles Google Docs writes on ``<span>``), and paragraphs (``<p>``,
``<div>``, headings, list items, ``<br>``) as the scene files have them: a blank line between
two. Everything else is plain text: scripts and styles are dropped, entities decoded, white
space collapsed as a browser would. Parsed with the standard library's ``html.parser``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from itertools import repeat

from studio.core.emphasis import PlainSpan, plain_spans, to_markers

ITALIC_TAGS = frozenset({"em", "i", "cite", "dfn"})
BOLD_TAGS = frozenset({"strong", "b"})
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"),
        *("blockquote", "section", "article", "header", "footer", "aside", "main", "nav"),
        *("pre", "hr", "table", "tr", "figure", "figcaption", "address", "center", "body"),
    }
)
SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "math"})
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"})
_WHITE_SPACE = re.compile(r"\s")
_MANY_SPACES = re.compile(" {2,}")
# Cells of a table row are kept apart by a space, not a paragraph.
CELL_TAGS = frozenset({"td", "th"})

Flags = tuple[bool | None, bool | None]  # (italic, bold): True, False (explicitly normal) or None


def _style_flags(style: str) -> Flags:
    """Read ``font-style`` and ``font-weight`` from an inline CSS declaration list."""
    italic: bool | None = None
    bold: bool | None = None
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip().lower().replace("!important", "").strip()
        if name == "font-style":
            italic = value in ("italic", "oblique") or value.startswith("oblique ")
        elif name == "font-weight":
            if value in ("bold", "bolder"):
                bold = True
            elif value in ("normal", "lighter"):
                bold = False
            elif value.isascii() and value.isdigit():
                bold = int(value) >= 600
    return italic, bold


def _element_flags(tag: str, attrs: Sequence[tuple[str, str | None]]) -> Flags:
    italic: bool | None = True if tag in ITALIC_TAGS else None
    bold: bool | None = True if tag in BOLD_TAGS else None
    style = next((value for name, value in attrs if name == "style" and value), "")
    if style:
        styled_italic, styled_bold = _style_flags(style)
        italic = styled_italic if styled_italic is not None else italic
        bold = styled_bold if styled_bold is not None else bold
    return italic, bold


class _Converter(HTMLParser):
    """Collects paragraphs as lists of characters with their (italic, bold) state."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[tuple[str, bool, bool]]] = [[]]
        self.styled: list[bool] = [False]  # per paragraph: whether any of its text is emphasised
        self.open: list[tuple[str, Flags]] = []
        self.skipping = 0
        self.pre = 0

    def _state(self) -> tuple[bool, bool]:
        italic: bool | None = None
        bold: bool | None = None
        for _, (element_italic, element_bold) in reversed(self.open):
            italic = element_italic if italic is None else italic
            bold = element_bold if bold is None else bold
        return bool(italic), bool(bold)

    def _break(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])
            self.styled.append(False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: a paragraph break for blocks, a style for emphasis."""
        if tag in SKIPPED_TAGS:
            self.skipping += 1
            return
        if tag in BLOCK_TAGS or tag == "br":
            self._break()
        if tag == "pre":
            self.pre += 1
        if tag in CELL_TAGS:
            self.handle_data(" ")
        if tag not in VOID_TAGS:
            self.open.append((tag, _element_flags(tag, attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (``<br/>``): only its break counts."""
        if tag in BLOCK_TAGS or tag == "br":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of this name (and any left open inside it)."""
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in BLOCK_TAGS:
            self._break()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:  # inline elements left open inside a block close with it
                del self.open[index : None if tag in BLOCK_TAGS else index + 1]
                break

    def handle_data(self, data: str) -> None:
        """Add text in the current style; white space collapses as in a browser."""
        if self.skipping:
            return
        italic, bold = self._state()
        data = data.replace("\r\n", "\n")
        lines = data.split("\n") if self.pre else [data]
        for number, line in enumerate(lines):
            if number:
                self._break()  # a line break inside <pre>
            spaced = _WHITE_SPACE.sub(" ", line)  # \s is str.isspace(), \xa0 included
            self.paragraphs[-1].extend(zip(spaced, repeat(italic), repeat(bold)))
            if spaced and (italic or bold):
                self.styled[-1] = True


def _word_extend(plain: str, flags: list[bool]) -> None:
    """Emphasis begins and ends at word boundaries: a part of a word marks the whole word."""
    size = len(plain)
    index = 0
    while index < size:
        if flags[index] and (index == 0 or not flags[index - 1]):
            start = index
            while start > 0 and plain[start - 1].isalnum() and plain[start].isalnum():
                start -= 1
            for position in range(start, index):
                flags[position] = True
        if flags[index] and (index + 1 == size or not flags[index + 1]):
            end = index + 1
            while end < size and plain[end].isalnum() and plain[end - 1].isalnum():
                end += 1
            for position in range(index + 1, end):
                flags[position] = True
            index = end
            continue
        index += 1


def _runs(plain: str, flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The maximal runs of set flags, without white space at either end."""
    runs: list[tuple[int, int]] = []
    index, size = 0, len(plain)
    while index < size:
        if not flags[index]:
            index += 1
            continue
        start = index
        while index < size and flags[index]:
            index += 1
        end = index
        while start < end and plain[start].isspace():
            start += 1
        while end > start and plain[end - 1].isspace():
            end -= 1
        if start < end:
            runs.append((start, end))
    return runs


def spans_of_styles(plain: str, italic: Sequence[bool], bold: Sequence[bool]) -> list[PlainSpan]:
    """Emphasis spans (outer before inner) for per-character italic and bold flags of ``plain``.

    Runs are widened to whole words and trimmed of white space; an italic run that crosses
    a bold one (neither holds the other) is cut where the bold begins or ends, so the spans nest.
    """
    italic_flags, bold_flags = list(italic), list(bold)
    _word_extend(plain, italic_flags)
    _word_extend(plain, bold_flags)
    bold_runs = _runs(plain, bold_flags)
    spans = [PlainSpan("strong", start, end) for start, end in bold_runs]
    for start, end in _runs(plain, italic_flags):
        crossing = [
            run for run in bold_runs if run[0] < start < run[1] < end or start < run[0] < end < run[1]
        ]
        cuts = sorted({edge for run in crossing for edge in run if start < edge < end})
        edges = [start, *cuts, end]
        for left, right in zip(edges, edges[1:], strict=False):
            piece = plain[left:right]
            trimmed_left = left + len(piece) - len(piece.lstrip())
            trimmed_right = right - (len(piece) - len(piece.rstrip()))
            if trimmed_left < trimmed_right:
                spans.append(PlainSpan("em", trimmed_left, trimmed_right))
    spans.sort(key=lambda span: (span.start, -span.end, span.kind != "strong"))
    return spans


def marked_text(plain: str, spans: Sequence[PlainSpan]) -> str:
    """Write ``plain`` with ``spans`` as ``*``/``**`` markers; spans that cannot be written are left out."""
    wanted = sorted(spans)
    text = to_markers(plain, spans)
    if _reads_as(text, plain, wanted):
        return text
    kept: list[PlainSpan] = []
    for span in spans:  # outer first: keep each span that still reads back as written
        trial = sorted([*kept, span], key=lambda s: (s.start, -s.end, s.kind != "strong"))
        if _reads_as(to_markers(plain, trial), plain, sorted(trial)):
            kept = trial
    return to_markers(plain, kept)


def _reads_as(text: str, plain: str, spans: list[PlainSpan]) -> bool:
    found_plain, found = plain_spans(text)
    return found_plain == plain and sorted(found) == spans


def html_to_markers(html: str) -> str:
    """Return pasted HTML as scene text: markers for emphasis, a blank line between paragraphs."""
    converter = _Converter()
    converter.feed(html)
    converter.close()
    paragraphs: list[str] = []
    for chars, styled in zip(converter.paragraphs, converter.styled, strict=True):
        plain = "".join([item[0] for item in chars])
        lead = len(plain) - len(plain.lstrip())
        plain = plain.strip()
        if not plain:
            continue
        if not styled:  # no emphasis: the text alone matters
            paragraphs.append(marked_text(_MANY_SPACES.sub(" ", plain), []))
            continue
        kept = chars[lead : lead + len(plain)]
        collapsed: list[tuple[str, bool, bool]] = []
        for item in kept:  # white space collapses to one space, as a browser shows it
            if item[0] == " " and collapsed and collapsed[-1][0] == " ":
                continue
            collapsed.append(item)
        text = "".join([item[0] for item in collapsed])
        spans = spans_of_styles(text, [i for _, i, _ in collapsed], [b for _, _, b in collapsed])
        paragraphs.append(marked_text(text, spans))
    return "\n\n".join(paragraphs)
