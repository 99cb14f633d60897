"""Recognising the pieces of a posted story: headings, bylines, scene breaks, wrapping, trailers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from studio.core.importing.headings import (
    CHAPTER_LEVEL,
    LABEL_FIRST,
    LABEL_LEVELS,
    NAMED_HEADING,
    ORDINAL_FIRST,
    fold,
    read_number_word,
)
from studio.core.text_transforms import roman_to_number, words_to_number

MAX_HEADING = 120
MAX_TITLE_WORDS = 12
REST = re.compile(r"^(?P<sep>\s*[:.\-–—]\s*|\s+[:\-–—]\s+)(?P<title>.*)$")
BARE_NUMBER = re.compile(r"^(?P<num>[IVXLCDM]+|\d{1,3})(?P<rest>\.?)$")
MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
SEPARATOR = re.compile(r"^\s*(?:[*#~•·=_\-—–]\s*){1,40}$")
BYLINE = re.compile(
    r"^(?P<prefix>by|written by|author:|por|escrito por|par|von|di|scritto da)\s+(?P<author>\S.{0,100})$",
    re.IGNORECASE,
)
BY_WORDS = ("by", "por", "par", "von", "di")
DECORATION = " \t*_~[](){}"
# A clause break or a sentence end after a lower-case word, or eight words: prose, not a name.
SENTENCE = re.compile(r"\b[a-z]{2,}(?:[,;:]\s|[.!?…]+['’\"”]?$)|\s\S+\s\S+\s\S+\s\S+\s\S+\s\S+\s")
TRAILER = re.compile(
    r"^(continued in\b|to be continued|tbc\b|next (time|chapter|part|week|up)\b|coming (up )?next|"
    r"a/n\b|an:|author['’]?s['’]? notes?\b|notes?:|thanks? (you )?(so much )?for reading|"
    r"please (review|comment|leave|let me know)|reviews? (are|is|would)|comments? (are|and|would)|"
    r"kudos\b|feedback\b|end of (part|chapter)\b|end notes?\b)",
    re.IGNORECASE,
)
TRAILER_WINDOW = 12
INDENTS = (" ", "\t", "\u3000")


@dataclass
class Heading:
    """A heading line read as label, number and title (each possibly empty)."""

    line: str
    label: str = ""
    number: int | None = None
    number_text: str = ""
    sep: str = ""
    title: str = ""
    markdown_level: int = 0
    level: int = CHAPTER_LEVEL

    @property
    def one_line(self) -> str:
        """The heading on one line: ``CHAPTER V.`` over ``The Title`` reads ``CHAPTER V. The Title``."""
        first, _, second = self.line.partition("\n")
        if not second:
            return first
        joiner = " " if first.rstrip()[-1:] in ".:-–—" else ": "
        return f"{first.rstrip()}{joiner}{second.strip()}"


def parse_heading(line: str, alone: bool, markdown: bool) -> Heading | None:
    """Read ``line`` as a part heading, or return None.

    ``alone`` tells whether blank lines (or the file's edges) surround it: a bare
    Roman numeral or number counts as a heading only then.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING:
        return None
    md = MD_HEADING.match(stripped) if stripped.startswith("#") else None
    if md:
        inner = parse_heading(md.group("text"), True, False)
        heading = inner or Heading(md.group("text"), title=md.group("text"))
        heading.line, heading.markdown_level = md.group("text"), len(md.group("hashes"))
        return heading
    labelled = _labelled(stripped)
    if labelled is not None:
        return labelled
    folded = fold(stripped)
    match = NAMED_HEADING.match(folded)
    if match and (alone or match.group("rest")):
        rest = REST.match(stripped[match.end("label") :]) if match.group("rest") else None
        if match.group("rest") and (rest is None or len(rest.group("title").split()) > MAX_TITLE_WORDS):
            return None
        label = stripped[: match.end("label")]
        return Heading(stripped, label=label, title=rest.group("title") if rest else "")
    match = BARE_NUMBER.match(stripped)
    if match and alone:
        number = _read_number(match.group("num"))
        single = len(match.group("num")) == 1 and match.group("num") not in "IVX123456789"
        if number is not None and number < 90 and not single:
            return Heading(stripped, number=number, number_text=match.group("num"), sep=match.group("rest"))
    return None


def _labelled(stripped: str) -> Heading | None:
    """Read ``Chapter 3: Title``, ``CAPÍTULO IV``, ``PREMIÈRE PARTIE``, ``Erstes Kapitel``."""
    folded = fold(stripped)
    for pattern in (LABEL_FIRST, ORDINAL_FIRST):
        match = pattern.match(folded)
        if match is None:
            continue
        num_text = stripped[match.start("num") : match.end("num")]
        number = _read_number(num_text)
        if number is None:
            continue
        rest_text = stripped[match.start("rest") :]
        rest = REST.match(rest_text) if rest_text else None
        if rest_text and (rest is None or len(rest.group("title").split()) > MAX_TITLE_WORDS):
            continue
        if rest is not None and rest.group("title")[:1].islower() and SENTENCE.search(rest.group("title")):
            continue  # ``Book I. of the ledger was where…``: a sentence, not a title
        first = pattern is LABEL_FIRST
        return Heading(
            stripped,
            label=stripped[: match.end("label")]
            if first
            else stripped[match.start("label") : match.end("label")],
            number=number,
            number_text=stripped[match.end("label") : match.end("num")].strip() if first else num_text,
            sep=rest.group("sep") if rest else "",
            title=rest.group("title").strip() if rest else "",
            level=LABEL_LEVELS[match.group("label")],
        )
    return None


def _read_number(text: str) -> int | None:
    if text.isascii() and text.isdigit():
        return int(text)
    if text.isupper() or text.islower():
        value = roman_to_number(text)
        if value is not None:
            return value
    return words_to_number(text) or read_number_word(fold(text))


def is_separator(line: str) -> bool:
    """Tell whether a line is a scene-break mark: ``*``, ``* * *``, ``#``, ``~``, ``-``, ``—``, ``***``."""
    return bool(SEPARATOR.match(line))


def read_byline(line: str) -> tuple[str, str] | None:
    """Return ``(prefix, author)`` of a ``By <author>`` line, or None."""
    match = BYLINE.match(line.strip().strip(DECORATION))
    if not match:
        return None
    author = match.group("author").strip().strip(DECORATION)
    if SENTENCE.search(author):  # ``*By the time she woke, it was gone.*`` is story text
        return None
    return match.group("prefix"), author


def is_trailer(paragraph: str) -> bool:
    """Tell whether a paragraph starts an end note: ``Continued in…``, ``To be continued``, ``A/N:``…"""
    return bool(TRAILER.match(paragraph.strip().strip(DECORATION)))


def split_trailer(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split a part's last paragraphs into story text and end notes."""
    start = max(0, len(paragraphs) - TRAILER_WINDOW)
    for index in range(start, len(paragraphs)):
        if is_trailer(paragraphs[index]):
            return paragraphs[:index], paragraphs[index:]
    return paragraphs, []


def looks_hard_wrapped(lines: list[str], max_width: int = 100) -> bool:
    """Tell whether text lines were broken at a width: every inner line was too full for the next word.

    ``lines`` holds the text lines with ``None``-like empty strings for blank lines.
    """
    inner = 0
    full = 0
    width = 0
    for line in lines:
        width = max(width, len(line))
    if width == 0 or width > max_width:
        return False
    for current, following in zip(lines, lines[1:], strict=False):
        if not current or not following or (following[:1] in INDENTS and current[:1] not in INDENTS):
            continue
        inner += 1
        next_word = following.split(None, 1)[0] if following.strip() else ""
        if len(current.rstrip()) + 1 + len(next_word) > width - 2:
            full += 1
    return inner >= 3 and full >= 0.85 * inner


def indentation_marks_paragraphs(lines: list[str]) -> bool:
    """Tell whether indented first lines, not blank lines, start paragraphs in wrapped text."""
    text_lines = [line for line in lines if line]
    indented = [
        i for i in range(1, len(lines)) if lines[i] and lines[i - 1] and lines[i][:1] in (" ", "\t", "\u3000")
    ]
    if not text_lines:
        return False
    fraction = sum(1 for line in text_lines if line[:1] in (" ", "\t", "\u3000")) / len(text_lines)
    return 0 < fraction < 0.5 and len(indented) >= 2
