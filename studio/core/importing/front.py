"""What comes before and after a book's text: a Project Gutenberg header and licence, a title page,
a table of contents. Each is found on the lines of the file; what is left out is described."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studio.core.counting import count_words
from studio.core.importing.headings import fold
from studio.core.importing.parsing import BY_WORDS, DECORATION, parse_heading, read_byline

PG_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
PG_END = re.compile(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
FIELD = re.compile(r"^(?P<key>title|author|language)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
CONTENTS_LABEL = re.compile(
    r"^(?:table of )?contents|indice|table des matieres|table|sommaire|inhalt|inhaltsverzeichnis|sumario|"
    r"indice generale$"
)
PAGE_NUMBER = re.compile(r"(?:\s*\.{2,}\s*|\s+)(?:\d+|[ivxlc]+)$", re.IGNORECASE)
LANGUAGES = {"english": "en", "spanish": "es", "french": "fr", "german": "de", "italian": "it"}
LANGUAGES["portuguese"] = "pt"


@dataclass
class FrontMatter:
    """What the header said (title, author, language) and what was left out (description, text)."""

    title: str = ""
    author: str = ""
    language: str = ""
    by_prefix: str = "By"
    licence: tuple[str, str] | None = None
    left_out: list[tuple[str, str]] = field(default_factory=list)

    def leave_out(self, what: str, lines: list[str]) -> None:
        """Record lines left out of the story, described with their word count."""
        text = "\n".join(line for line in lines if line.strip())
        words = count_words(text)
        if words:
            self.left_out.append((f"{what} ({words} words)", text))


def strip_gutenberg(lines: list[str], front: FrontMatter) -> list[str]:
    """Leave out a Project Gutenberg header and licence; read Title/Author/Language from the header."""
    start = next((i for i, line in enumerate(lines) if PG_START.match(line)), None)
    if start is None:
        return lines
    end = next((i for i in range(start + 1, len(lines)) if PG_END.match(lines[i])), len(lines))
    read_fields(lines[:start], front)
    front.leave_out("Project Gutenberg header", lines[: start + 1])
    body = lines[start + 1 : end]
    front.leave_out("Project Gutenberg licence", lines[end:])
    if end < len(lines) and front.left_out[-1][0].startswith("Project Gutenberg licence"):
        front.licence = front.left_out.pop()  # listed last, after what the body leaves out
    return body


def read_fields(lines: list[str], front: FrontMatter) -> list[int]:
    """Read ``Title:``, ``Author:`` and ``Language:`` lines; return the indices used."""
    used = []
    for index, line in enumerate(lines):
        match = FIELD.match(line.strip())
        if not match:
            continue
        key, value = match.group("key").lower(), match.group("value").strip()
        if key == "language":
            front.language = front.language or LANGUAGES.get(value.split()[0].lower(), "")
        elif key == "title" and not front.title:
            front.title = value
        elif key == "author" and not front.author:
            front.author = value
        used.append(index)
    return used


def _key(line: str) -> str:
    """A heading reduced to its words, for matching a contents entry with the heading it names."""
    text = PAGE_NUMBER.sub("", line.strip())
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


NUMBERED_ENTRY = re.compile(r"^(?:[IVXLC]+|\d{1,3})\.?\s+\S", re.IGNORECASE)  # ``II. The Ledger``


def _heading_like(line: str) -> bool:
    text = PAGE_NUMBER.sub("", line.strip()) or line.strip()
    return (
        parse_heading(text, True, False) is not None or bool(NUMBERED_ENTRY.match(text)) and len(text) <= 80
    )


def strip_contents(lines: list[str], front: FrontMatter, limit: int = 2000) -> list[str]:
    """Leave out a table of contents: a run of heading-like lines whose headings come again later."""
    filled = [i for i, line in enumerate(lines[:limit]) if line.strip()]
    for position, index in enumerate(filled):
        labelled = CONTENTS_LABEL.fullmatch(_key(lines[index])) is not None
        if not labelled and not _heading_like(lines[index]):
            continue
        run = _entries(lines, filled[position + 1 if labelled else position :])
        if len(run) < 3:
            continue
        later = _later_keys(lines, run[-1] + 1)
        found = sum(1 for i in run if _key(lines[i]) in later)
        if found >= 0.5 * len(run) and (labelled or found >= 3):
            first, last = index, run[-1]
            front.leave_out("contents", lines[first : last + 1])
            return lines[:first] + lines[last + 1 :]
    return lines


def _entries(lines: list[str], filled: list[int]) -> list[int]:
    """Contents entries: heading-like lines at most one blank line apart, until one comes again."""
    run: list[int] = []
    seen: set[str] = set()
    for position, index in enumerate(filled):
        if run and index - run[-1] > 2:
            break
        if not _heading_like(lines[index]) and not (run and _is_title_line(lines[index])):
            break
        key = _key(lines[index])
        below = _key(lines[filled[position + 1]]) if position + 1 < len(filled) else ""
        if run and (key in seen or f"{key} {below}" in seen):
            break  # the first heading of the text itself
        seen.add(key)
        run.append(index)
    return run


def _is_title_line(line: str) -> bool:
    words = line.strip().strip(DECORATION).split()
    return 0 < len(words) <= 10 and sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words)


def _later_keys(lines: list[str], start: int) -> set[str]:
    keys: set[str] = set()
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip() or (index and lines[index - 1].strip()) or not _heading_like(line):
            continue
        heading = parse_heading(line, True, False)
        bare = _key(line[len(heading.label) :]) if heading is not None and heading.label else ""
        for key in {_key(line), bare} - {""}:
            keys.add(key)
            below = next(
                (lines[i] for i in range(index + 1, min(index + 3, len(lines))) if lines[i].strip()), ""
            )
            if below:  # ``CHAPTER I.`` over its title, or a blank line between them
                keys.add(f"{key} {_key(below)}")
    return keys


def read_title_page(lines: list[str], front: FrontMatter) -> tuple[str, str, int]:
    """Read a title page above the first heading: title, author (``by X``, ``by`` over a name, fields).

    Returns ``(title, author, start)``; the lines before ``start`` that gave neither are left out.
    Nothing is read (start 0) unless short lines only stand before a heading.
    """
    filled = [i for i, line in enumerate(lines[:400]) if line.strip()][:14]
    top = next((n for n, i in enumerate(filled) if _heading_like(lines[i])), None)
    if not top or any(len(lines[i].strip()) > 80 or lines[i].rstrip().endswith(".") for i in filled[:top]):
        return "", "", 0
    page = filled[:top]
    used = set(read_fields([lines[i] for i in page], front))
    signal = used or any(lines[i].strip().lower() in BY_WORDS or read_byline(lines[i]) for i in page)
    if not signal:
        return "", "", 0
    title, author, header_title = front.title, front.author, front.title
    rest = [i for n, i in enumerate(page) if n not in used]
    kept: list[int] = []
    n = 0
    while n < len(rest):
        line = lines[rest[n]].strip().strip(DECORATION)
        if line.lower() in BY_WORDS and n + 1 < len(rest):
            author = author or lines[rest[n + 1]].strip().strip(DECORATION)
            front.by_prefix = line
            n += 2
            continue
        byline = read_byline(line)
        if byline is not None:
            author, front.by_prefix = author or byline[1], byline[0]
        elif not title:
            title = line
        elif header_title and _key(line) == _key(header_title):
            header_title = ""  # the title the header named: given back by the export's header
        else:
            kept.append(rest[n])
        n += 1
    front.leave_out("title page", [lines[i] for i in kept])
    return title, author, page[-1] + 1 if page else 0
