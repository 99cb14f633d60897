"""Reading a novelWriter project (a folder with ``nwProject.nwx`` and ``content/*.nwd``) into a plan.

The project file lists every item with its handle, parent, order, class (``NOVEL``,
``CHARACTER``…) and layout (``DOCUMENT`` or ``NOTE``); the novel is the active documents of
the ``NOVEL`` roots, depth first in that order. In the documents: ``#`` is the title (the first
one, before any chapter, titles the plan; a later one, a partition such as "Part One", goes in
the next part's notes before), ``##`` a chapter (a part), ``###`` a scene, ``####`` a section
(a new scene titled by it). ``%Synopsis:`` (or ``%short:``) is the synopsis of the scene above
it (of the part, or the work, when no scene has started); other ``%`` comments and ``[newpage]``
style commands are not manuscript text and are left out. ``@pov:`` and ``@char:`` give the
scene's POV and characters, named as the character notes (``@tag:``) name them. Emphasis
(``_italic_``, ``**bold**``) becomes ``*``/``**`` markers; ``~~strike~~`` and shortcodes stay
as written. Project files of novelWriter 1.x (``data_*/…_main.nwd``, items with child elements)
are read too.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from studio.core.emphasis import rewrite
from studio.core.errors import StudioError
from studio.core.importing.decoding import decode_bytes
from studio.core.importing.html_reader import part_heading
from studio.core.importing.parsing import is_separator, read_byline
from studio.core.importing.plan import (
    ImportedPart,
    ImportedScene,
    ImportPlan,
    SourceFile,
    choose_heading_template,
)

PROJECT_FILE = "nwProject.nwx"
HEADING = re.compile(r"^(#{1,4})(!?)\s+(.*?)\s*$")
SYNOPSIS = re.compile(r"^%\s*(synopsis|short)\s*:\s*(.*)$", re.IGNORECASE)
TAG = re.compile(r"^@(\w+)\s*:\s*(.*)$")
COMMAND = re.compile(r"^\[(new ?page|vspace(:\d+)?)\]$", re.IGNORECASE)
ALIGN_START = re.compile(r"^>{1,2}\s+")
ALIGN_END = re.compile(r"\s+<{1,2}$")


@dataclass
class _Item:
    handle: str
    parent: str
    order: int
    position: int
    kind: str
    cls: str
    layout: str
    name: str
    active: bool


def is_novelwriter_project(path: str | Path) -> bool:
    """Tell whether a folder holds a novelWriter project."""
    return Path(path).is_dir() and (Path(path) / PROJECT_FILE).is_file()


def _field(element: ET.Element, key: str) -> str:
    """An item's field: an attribute (format 1.4 and later) or a child element (1.3 and earlier)."""
    return (element.get(key) or element.findtext(key) or "").strip()


def _items(content: ET.Element) -> list[_Item]:
    items: list[_Item] = []
    for position, element in enumerate(content.findall("item")):
        name = element.find("name")
        flags = (name.get("active"), name.get("exported")) if name is not None else (None, None)
        active = flags[0] or flags[1] or _field(element, "exported")
        try:
            order = int(_field(element, "order") or 0)
        except ValueError:
            order = position
        parent = _field(element, "parent")
        items.append(
            _Item(
                _field(element, "handle"),
                "" if parent in ("", "None") else parent,
                order,
                position,
                _field(element, "type").upper(),
                _field(element, "class").upper(),
                _field(element, "layout").upper(),
                (name.text or "").strip() if name is not None else "",
                active.lower() not in ("no", "false"),
            )
        )
    return items


def _in_order(items: list[_Item], cls: str) -> list[_Item]:
    """The active files under the roots of class ``cls``, depth first in the project's order."""
    children: dict[str, list[_Item]] = {}
    for item in items:
        children.setdefault(item.parent, []).append(item)
    found: list[_Item] = []

    def visit(parent: str, depth: int) -> None:
        if depth > 50:  # a loop in the parent links (a damaged file): stop rather than recurse forever
            return
        for item in sorted(children.get(parent, []), key=lambda i: (i.order, i.position)):
            if item.kind == "FILE" and item.active and (cls != "NOVEL" or item.layout != "NOTE"):
                found.append(item)
            visit(item.handle, depth + 1)

    for root in sorted(children.get("", []), key=lambda i: (i.order, i.position)):
        if root.cls == cls:
            visit(root.handle, 0)
    return found


class _Project:
    """The project folder: its XML, and the documents' text by handle (with the bytes read, hashed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.digest = hashlib.sha256()
        self.size = 0
        data = self._read(folder / PROJECT_FILE)
        try:
            self.xml = ET.fromstring(data)
        except ET.ParseError as error:
            raise StudioError(
                f"{folder.name}/{PROJECT_FILE}: not a readable novelWriter project ({error})"
            ) from None
        if self.xml.tag != "novelWriterXML" or self.xml.find("content") is None:
            raise StudioError(f"{folder.name}/{PROJECT_FILE}: not a novelWriter project file")

    def _read(self, path: Path) -> bytes:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise StudioError(f"{path}: cannot read: {error.strerror or error}") from None
        self.digest.update(data)
        self.size += len(data)
        return data

    def document(self, handle: str) -> str:
        """A document's text ("" when it was never written: novelWriter saves no empty file)."""
        if not re.fullmatch(r"[0-9a-f]{13}", handle):
            return ""  # a handle is 13 hex digits; anything else could name a path outside
        for path in (
            self.folder / "content" / f"{handle}.nwd",
            self.folder / f"data_{handle[0]}" / f"{handle[1:]}_main.nwd",
        ):
            if path.is_file():
                return decode_bytes(self._read(path), f"{self.folder.name}/{path.name}")[0]
        return ""


class _Builder:
    """Turns the novel's documents, in order, into parts and scenes."""

    def __init__(self, plan: ImportPlan, cast: dict[str, str]) -> None:
        self.plan = plan
        self.cast = cast
        self.part: ImportedPart | None = None
        self.scene: ImportedScene | None = None
        self.lines: list[str] = []
        self.pending: list[str] = []  # a partition heading and its text, for the next part
        self.level = 0  # the level of the last heading: text under a ``#`` is not scene text
        self.titled = False
        self.broken: ImportedScene | None = None

    def read(self, text: str, name: str) -> None:
        """Read one document; ``name`` (the item's label) titles text that has no heading above it."""
        for raw in text.replace("\r\n", "\n").split("\n"):
            line = raw.strip()
            if not line:
                self.end_paragraph(name)
            elif line.startswith("%"):
                match = SYNOPSIS.match(line) if not line.startswith(("%%", "%~")) else None
                if match:
                    self.synopsis(match.group(2).strip())
            elif match := HEADING.match(line):
                self.end_paragraph(name)
                self.heading(len(match.group(1)), match.group(3))
            elif match := TAG.match(line):
                self.tag(match.group(1).lower(), match.group(2))
            elif not COMMAND.match(line):
                self.lines.append(ALIGN_END.sub("", ALIGN_START.sub("", line)))
        self.end_paragraph(name)

    def heading(self, level: int, text: str) -> None:
        """Start a title, chapter, scene or section."""
        self.level = min(level, 3)
        if level == 1:
            if self.titled or self.plan.parts:
                self.pending.append(text)
            else:
                self.plan.title, self.titled = text, True
            self.scene = None
            return
        if level == 2:
            self.new_part(text)
            return
        previous, part = self.scene, self.ensure_part(text)
        self.scene = ImportedScene(text)
        if level == 4 and previous is not None:  # a section: the scene goes on, with its POV and cast
            self.scene.pov, self.scene.characters = previous.pov, list(previous.characters)
        part.scenes.append(self.scene)

    def new_part(self, title: str) -> ImportedPart:
        """Start a part, with any partition heading before it as its opening notes."""
        self.part = ImportedPart(title, heading=part_heading(title), source=str(self.plan.sources[0]))
        self.part.notes_begin, self.pending = "\n".join(self.pending), []
        self.plan.parts.append(self.part)
        self.scene = None
        return self.part

    def ensure_part(self, title: str) -> ImportedPart:
        """The current part, or a new one titled ``title`` when the novel has no chapter heading yet."""
        return self.part if self.part is not None else self.new_part(title)

    def end_paragraph(self, name: str) -> None:
        """Close the paragraph being read and put it where it belongs."""
        if not self.lines:
            return
        text = rewrite(" ".join(self.lines), "asterisks")
        self.lines = []
        if self.level == 1 and not self.pending:  # the title page: a byline, then front matter
            byline = read_byline(text)
            if byline:
                self.plan.author = self.plan.author or byline[1]
            else:
                self.plan.notes_begin = "\n".join(x for x in (self.plan.notes_begin, text) if x)
            return
        if self.level == 1:
            self.pending.append(text)
            return
        if is_separator(text):  # a break inside a scene: the next one keeps its POV and cast
            self.broken, self.scene = self.scene, None
            return
        if self.scene is None:
            part, self.scene = self.ensure_part(name), ImportedScene("")
            if self.broken is not None:
                self.scene.pov, self.scene.characters = self.broken.pov, list(self.broken.characters)
            part.scenes.append(self.scene)
        self.broken = None
        self.scene.paragraphs.append(text)

    def synopsis(self, text: str) -> None:
        """A synopsis belongs to the scene above it, else to the part, else to the work."""
        if self.scene is not None:
            self.scene.synopsis = self.scene.synopsis or text
        elif self.part is not None:
            self.part.summary = self.part.summary or text
        else:
            self.plan.summary = self.plan.summary or text

    def tag(self, key: str, value: str) -> None:
        """``@pov`` and ``@char`` of a scene; the names they give join the plan's cast."""
        if key not in ("pov", "char"):
            return
        names = [self.cast.get(tag.strip().lower(), tag.strip()) for tag in value.split(",") if tag.strip()]
        for name in names:
            if name not in self.plan.characters:
                self.plan.characters.append(name)
        if self.scene is None:
            return
        if key == "pov" and names:
            self.scene.pov = names[0]
        elif key == "char":
            self.scene.characters += [n for n in names if n not in self.scene.characters]


def _cast(project: _Project, items: list[_Item]) -> dict[str, str]:
    """Character tags (lower case) → names, from the character notes: ``@tag: Jane | Jane Smith``."""
    cast: dict[str, str] = {}
    for item in _in_order(items, "CHARACTER"):
        text = project.document(item.handle)
        heading = next((m.group(3) for m in map(HEADING.match, text.splitlines()) if m), "")
        for line in text.splitlines():
            match = TAG.match(line.strip())
            if match and match.group(1).lower() == "tag":
                tag, _, display = match.group(2).partition("|")
                cast[tag.strip().lower()] = display.strip() or heading or item.name or tag.strip()
    return cast


def plan_from_novelwriter(folder: str | Path) -> ImportPlan:
    """Read a novelWriter project folder into a plan."""
    path = Path(folder)
    if path.name == PROJECT_FILE:
        path = path.parent
    project = _Project(path)
    content = project.xml.find("content")
    items = _items(content) if content is not None else []
    meta = project.xml.find("project")
    plan = ImportPlan(sources=[str(path)], encodings=["utf-8"])
    if meta is not None:
        plan.title = (meta.findtext("title") or meta.findtext("name") or "").strip()
        plan.author = ", ".join(a.text.strip() for a in meta.findall("author") if a.text and a.text.strip())
    cast = _cast(project, items)
    plan.characters = list(dict.fromkeys(cast.values()))
    builder = _Builder(plan, cast)
    for item in _in_order(items, "NOVEL"):
        builder.read(project.document(item.handle), item.name)
    if not plan.parts:
        raise StudioError(f"{path.name}: the novelWriter project has no novel text to import")
    plan.parts = [part for part in plan.parts if part.scenes or part.summary or part.notes_begin]
    for part in plan.parts:
        for number, scene in enumerate(part.scenes, 1):
            scene.title = scene.title or f"Scene {number}"
    template, start = choose_heading_template(plan.parts)
    plan.export_settings = {
        "part_heading": template or "{title}",
        "start_number": start,
        "separator": "* * *",
        "paragraphs": "blank",
        "header": "{title}\nBy {author}" if plan.author else "{title}",
    }
    plan.files = [SourceFile(path.name, project.size, project.digest.hexdigest())]
    return plan
