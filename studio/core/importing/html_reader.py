"""Reading HTML into an import plan: a saved web page, LibreOffice or mammoth output, an AO3 download.

Generic HTML: the top heading level that repeats makes the parts (a lone ``<h1>`` above them is
the title), a deeper heading starts a titled scene, ``<hr>`` or a paragraph that is only a
break mark (``* * *``, centred or not) separates scenes. An Archive of Our Own download is read
by its layout instead: the preface gives title, author, the work's summary and notes (kept in
the plan's ``summary``/``notes_begin``, its end notes in ``notes_end``), each chapter becomes a
part with its summary and notes in the part's fields, and the tags block, the "downloaded
from…" message and the afterword's boilerplate stay out of the text. Paragraphs and emphasis
go through ``html_to_markers``, so italics and bold land as ``*``/``**`` markers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from studio.core.emphasis import may_have_markers, strip_markers
from studio.core.html_to_markers import BLOCK_TAGS, SKIPPED_TAGS, VOID_TAGS, html_to_markers, marked_text
from studio.core.importing.parsing import Heading, is_separator, parse_heading, read_byline
from studio.core.importing.plan import (
    ImportedPart,
    ImportedScene,
    ImportPlan,
    choose_heading_template,
    renumber_scenes,
)

HEADINGS = {f"h{level}": level for level in range(1, 7)}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
AO3_MARKS = ("archive of our own", "archiveofourown.org")


@dataclass
class Node:
    """An element of the parsed page: tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def has_class(self, name: str) -> bool:
        """Tell whether the element's ``class`` attribute lists ``name``."""
        return name in self.attrs.get("class", "").split()

    def elements(self) -> Iterator[Node]:
        """The child elements, in order."""
        return (child for child in self.children if isinstance(child, Node))

    def walk(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.elements():
            yield from child.walk()

    def find(self, tag: str = "", ident: str = "", cls: str = "") -> Node | None:
        """The first element inside (or this one) with that tag, id and class (each optional)."""
        for node in self.walk():
            tag_fits = not tag or node.tag == tag
            if tag_fits and (not ident or node.attrs.get("id") == ident) and (not cls or node.has_class(cls)):
                return node
        return None

    def text(self) -> str:
        """The element's text, white space collapsed."""
        pieces: list[str] = []

        def gather(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    pieces.append(child)
                elif child.tag not in SKIPPED_TAGS:
                    pieces.append(" ")
                    gather(child)

        gather(self)
        return " ".join("".join(pieces).split())

    def markup(self) -> str:
        """The element written back as HTML (for ``html_to_markers``)."""
        attrs = "".join(f' {name}="{html.escape(value)}"' for name, value in self.attrs.items())
        inner = "".join(
            html.escape(child, quote=False) if isinstance(child, str) else child.markup()
            for child in self.children
        )
        if self.tag == "#root":
            return inner
        if self.tag in VOID_TAGS:
            return f"<{self.tag}{attrs}>"
        return f"<{self.tag}{attrs}>{inner}</{self.tag}>"


class _TreeBuilder(HTMLParser):
    """Builds a ``Node`` tree, closing what a browser would close (a ``<p>`` before a block)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element (void elements have no children)."""
        if tag in BLOCK_TAGS and self.stack[-1].tag == "p":
            self.stack.pop()
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (``<hr />``, ``<br/>``)."""
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of this name; a stray end tag is ignored."""
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        """Add text to the open element."""
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    """Parse HTML into a ``Node`` tree (never fails: html.parser recovers from anything)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def declared_charset(data: bytes) -> str | None:
    """The encoding a ``<meta charset>`` near the top declares, if any."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


# -- blocks: headings, breaks and paragraphs in reading order ---------------------------------
@dataclass
class Block:
    """One piece of the page: a heading (``level`` > 0), a scene break, or a paragraph."""

    kind: str  # "heading", "title" (a heading of class ``title``), "break" or "paragraph"
    text: str = ""
    level: int = 0


def _has_blocks(node: Node) -> bool:
    return any(n.tag in BLOCK_TAGS or n.tag in HEADINGS for n in node.walk() if n is not node)


def blocks(node: Node, headings: bool = True) -> Iterator[Block]:
    """The blocks inside ``node``; with ``headings`` False a heading reads as a paragraph."""
    inline: list[str] = []

    def flush() -> Iterator[Block]:
        if inline:
            markup = "".join(inline)
            if not markup.isspace():  # the white space between two blocks makes no paragraph
                yield from _paragraphs(markup)
            inline.clear()

    for child in node.children:
        if isinstance(child, str):
            inline.append(html.escape(child, quote=False))
        elif child.tag in SKIPPED_TAGS:
            continue
        elif child.tag in HEADINGS and headings:
            yield from flush()
            if child.text():
                kind = "title" if child.has_class("title") else "heading"
                yield Block(kind, child.text(), HEADINGS[child.tag])
        elif child.tag == "hr":
            yield from flush()
            yield Block("break")
        elif child.tag in BLOCK_TAGS or child.tag in HEADINGS or _has_blocks(child):
            yield from flush()
            if _has_blocks(child):
                yield from blocks(child, headings)
            else:
                bare = _bare_text(child)
                yield from _paragraphs(child.markup()) if bare is None else _marked_blocks(bare)
        else:
            inline.append(child.markup())
    yield from flush()


def _bare_text(node: Node) -> str | None:
    """A block of text alone, with no style of its own, as scene text (no second parse); else None.

    What ``html_to_markers`` makes of it: white space collapsed, no emphasis, literal markers escaped.
    """
    if node.tag == "pre" or "style" in node.attrs or not all(isinstance(c, str) for c in node.children):
        return None
    text = " ".join("".join(node.children).split())  # type: ignore[arg-type]
    return marked_text(text, []) if may_have_markers(text) else text  # no marker: the text as it is


def _paragraphs(markup: str) -> Iterator[Block]:
    return _marked_blocks(html_to_markers(markup))


def _marked_blocks(marked: str) -> Iterator[Block]:
    for paragraph in marked.split("\n\n"):
        if paragraph.strip():
            kind = "break" if is_separator(paragraph) else "paragraph"
            yield Block(kind, paragraph.strip() if kind == "break" else paragraph)


def scenes_of(items: list[Block]) -> tuple[list[ImportedScene], str]:
    """Split blocks into scenes at breaks and headings; return them and the first break mark seen."""
    scenes: list[ImportedScene] = []
    mark = ""
    current = ImportedScene("")
    for block in items:
        if block.kind == "paragraph":
            current.paragraphs.append(block.text)
            continue
        mark = mark or (block.text if block.kind == "break" else "")
        if current.paragraphs:
            scenes.append(current)
        current = ImportedScene(block.text if block.kind == "heading" else "")
    if current.paragraphs:
        scenes.append(current)
    for number, scene in enumerate(scenes, 1):
        scene.title = scene.title or f"Scene {number}"
    return scenes, mark


def part_heading(text: str) -> Heading:
    """Read a part's heading (``Chapter 3: The Storm``, or any title) for the heading template."""
    return parse_heading(text, True, False) or Heading(text, title=text)


# -- generic pages ---------------------------------------------------------------------------------
def plan_from_html(text: str, name: str = "story") -> ImportPlan:
    """Turn an HTML page into a plan; ``name`` titles it when the page has no title."""
    root = parse_html(text)
    if is_ao3(root):
        return _plan_from_ao3(root, name)
    body = root.find("body") or root
    items = list(blocks(body))
    plan = ImportPlan()
    titles = [i for i, block in enumerate(items) if block.kind == "title"]
    if titles:  # Word's Title style (mammoth writes it as ``<h1 class="title">``)
        plan.title = items.pop(titles[0]).text
    for block in items:
        block.kind = "heading" if block.kind == "title" else block.kind
    levels = [block.level for block in items if block.kind == "heading"]
    lone_top = bool(levels) and levels[0] == min(levels) and levels.count(levels[0]) == 1
    if not titles and lone_top and len(levels) > 1:  # a lone top heading over the parts: the title
        first = next(i for i, block in enumerate(items) if block.kind == "heading")
        plan.title = items.pop(first).text
        levels.pop(0)
    title_element = root.find("title")
    page_title = title_element.text() if title_element else ""
    _take_front(plan, items, page_title)
    if not plan.author:
        meta = next((n for n in root.walk() if n.tag == "meta" and n.attrs.get("name") == "author"), None)
        plan.author = meta.attrs.get("content", "").strip() if meta else ""
    top = min(levels) if levels else 0
    separator = ""
    cuts = [i for i, block in enumerate(items) if block.kind == "heading" and block.level == top]
    for begin, end in zip([0, *cuts], [*cuts, len(items)], strict=False):
        chunk = items[begin:end]
        heading = chunk[0] if chunk and chunk[0].kind == "heading" and chunk[0].level == top else None
        scenes, mark = scenes_of(chunk[1:] if heading else chunk)
        if heading is None and not scenes:
            continue
        part = ImportedPart(heading.text if heading else "", scenes)
        part.heading = part_heading(heading.text) if heading else None
        plan.parts.append(part)
        separator = separator or mark
    plan.export_settings["separator"] = separator
    plan.title = plan.title or page_title or _name_title(name)
    _finish(plan)
    return plan


def _take_front(plan: ImportPlan, items: list[Block], page_title: str) -> None:
    """A title paragraph (the page's ``<title>``, or a short line over a byline) and a ``By <author>``."""
    first = items[0] if items and items[0].kind == "paragraph" else None
    if first is not None and not plan.title and strip_markers(first.text).strip() == page_title:
        plan.title = page_title
        del items[0]
    for index, block in enumerate(items[:2]):
        byline = read_byline(block.text) if block.kind == "paragraph" else None
        if byline is None:
            continue
        plan.author = byline[1]
        del items[index]
        if index == 1 and not plan.title and len(items[0].text) <= 80 and items[0].kind == "paragraph":
            plan.title = strip_markers(items.pop(0).text).strip()
        return


def _name_title(name: str) -> str:
    return name.replace("_", " ").replace("-", " ").strip().title() or "Imported story"


def _finish(plan: ImportPlan) -> None:
    """Title untitled parts, choose the heading template, set export options that fit."""
    for part in plan.parts:
        part.title = part.title or plan.title
    template, start = choose_heading_template(plan.parts)
    separator = plan.export_settings.get("separator") or "* * *"
    plan.export_settings = {
        "part_heading": template or "{title}",
        "start_number": start,
        "separator": separator,
        "paragraphs": "blank",
        "format": "html",
        "header": "{title}\nBy {author}" if plan.author else "{title}",
    }


# -- Archive of Our Own downloads ---------------------------------------------------------------
def is_ao3(root: Node) -> bool:
    """Tell whether a page is an AO3 download: a preface whose message names the Archive."""
    preface = root.find("div", ident="preface")
    message = preface.find("p", cls="message") if preface else None
    return message is not None and any(mark in message.markup().lower() for mark in AO3_MARKS)


def _labelled_notes(container: Node) -> dict[str, str]:
    """``<p>Summary</p><blockquote>…</blockquote>`` pairs (AO3's layout) as label → text."""
    found: dict[str, str] = {}
    label = ""
    for child in container.elements():
        if child.tag == "blockquote" and label:
            text = "\n".join(b.text for b in blocks(child, headings=False) if b.kind != "heading")
            found[label] = "\n".join(x for x in (found.get(label, ""), text) if x)
        elif child.tag == "p":
            label = child.text().rstrip(":").strip().lower()
        elif child.tag in ("div", "section") and not child.has_class("userstuff"):
            for key, value in _labelled_notes(child).items():
                found[key] = "\n".join(x for x in (found.get(key, ""), value) if x)
    return found


def _plan_from_ao3(root: Node, name: str) -> ImportPlan:
    plan = ImportPlan()
    preface = root.find("div", ident="preface") or root
    title = preface.find("h1")
    plan.title = title.text() if title else _name_title(name)
    byline = preface.find(cls="byline")
    if byline is not None:
        authors = [a.text() for a in byline.walk() if a.tag == "a" and a.attrs.get("rel") == "author"]
        plan.author = ", ".join(authors) or byline.text().removeprefix("by ").strip()
    meta = preface.find(cls="meta") or preface
    notes = _labelled_notes(meta)
    plan.summary, plan.notes_begin = notes.get("summary", ""), notes.get("notes", "")
    chapters = root.find("div", ident="chapters")
    if chapters is not None:
        plan.parts = _ao3_chapters(chapters, plan.title)
    afterword = root.find("div", ident="afterword")
    if afterword is not None:
        plan.notes_end = _labelled_notes(afterword).get("end notes", "")
    _finish(plan)
    return plan


def _ao3_chapters(chapters: Node, work_title: str) -> list[ImportedPart]:
    """Each chapter's heading, summary, notes and text; a one-chapter work may have no heading."""
    parts: list[ImportedPart] = []
    items = list(chapters.elements())
    if not any(node.has_class("userstuff") or node.has_class("meta") for node in items):
        items = [Node("div", {"class": "userstuff"}, chapters.children)]
    for node in items:
        if node.has_class("chapter"):  # some downloads wrap each chapter in its own div
            parts.extend(_ao3_chapters(node, work_title))
            continue
        heading = node.find("h2", cls="heading") or node.find("h2")
        if heading is not None and not node.has_class("userstuff"):
            parts.append(ImportedPart(heading.text(), heading=part_heading(heading.text())))
        if not parts:
            parts.append(ImportedPart(work_title))
        part = parts[-1]
        if node.has_class("userstuff"):
            part.scenes.extend(scenes_of(list(blocks(node, headings=False)))[0])
            renumber_scenes(part)
        elif node.has_class("meta"):
            notes = _labelled_notes(node)
            part.summary = part.summary or notes.get("chapter summary", "")
            part.notes_begin = part.notes_begin or notes.get("chapter notes", "")
            part.notes = part.notes or notes.get("chapter end notes", "")
    return [part for part in parts if part.scenes or part.notes or part.notes_begin]
