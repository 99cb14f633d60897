"""Italics and bold in scene text: Markdown-compatible emphasis markers in a plain UTF-8 file.

The rules (a simplified form of CommonMark's, fit for fiction):

- ``*italic*`` or ``_italic_``; ``**bold**`` or ``__bold__``; ``***both***``. The app writes
  ``*`` and ``**``; a marker closes only a marker of the same character.
- A run of markers can *open* when the next character is not white space and the previous one
  is not a letter or digit; it can *close* when the previous character is not white space and
  the next one is not a letter or digit. So emphasis starts and ends at word boundaries:
  ``snake_case``, ``sh*t and f*ck`` and ``un*believ*able`` are literal text, while
  ``*Titanic*’s`` and ``*“Stop!”*`` are emphasis.
- Openers and closers pair like brackets (the nearest opener of the same character), two
  markers at a time while both sides have two (bold), else one (italic); markers between a
  pair that found no partner are literal, as is any marker left unmatched.
- Emphasis stays inside one paragraph: one line of a scene file.
- A backslash escapes a literal ``*``, ``_`` or backslash (``\\*`` is a star).
- Nothing else of Markdown is read: a line starting with ``#``, ``-`` or ``1.`` is prose.

Offsets are source offsets (into the text as written) unless a name says ``plain``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

Kind = Literal["em", "strong"]
Style = Literal["markers", "asterisks", "underscores", "strip"]
STYLES: tuple[Style, ...] = ("markers", "asterisks", "underscores", "strip")
MARKER_CHARS = "*_\\"
_LITERAL = re.compile(r"[*_\\]")  # a character of MARKER_CHARS
# Runs of markers and escapes; the look-ahead lets the engine skip plain prose quickly.
_TOKENS = re.compile(r"(?=[\\*_])(?:\\[\\*_]|\*+|_+)")


class Span(NamedTuple):
    """One emphasis in the source: opening marker ``start:open_end``, closing marker ``close_start:end``."""

    kind: Kind
    start: int
    open_end: int
    close_start: int
    end: int


class PlainSpan(NamedTuple):
    """One emphasis over plain text (markers removed): ``start:end`` is the emphasised text."""

    kind: Kind
    start: int
    end: int


def may_have_markers(text: str) -> bool:
    """Tell quickly whether ``text`` can hold emphasis or escapes at all (False: it is plain already)."""
    return "*" in text or "_" in text or "\\" in text


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _is_word(char: str) -> bool:
    return bool(char) and char.isalnum()


class _Opener:
    """An open run of markers waiting for its partner: where it starts, how many are left, which."""

    __slots__ = ("char", "left", "start")

    def __init__(self, start: int, left: int, char: str) -> None:
        self.start, self.left, self.char = start, left, char


def _scan(text: str) -> tuple[list[Span], list[int]]:
    """Return the spans, and the offsets of escaping backslashes, of ``text``."""
    spans: list[Span] = []
    escapes: list[int] = []
    stack: list[_Opener] = []  # the open runs of the current line
    waiting = {"*": 0, "_": 0}  # how many of ``stack`` are of each character
    size = len(text)
    line_checked = 0  # the stack belongs to the line that holds this offset
    for match in _TOKENS.finditer(text):
        token = match.group()
        first = token[0]
        start = match.start()
        if first == "\\":
            escapes.append(start)
            continue
        if stack and text.find("\n", line_checked, start) != -1:
            stack.clear()  # emphasis never crosses a line break
            waiting["*"] = waiting["_"] = 0
        line_checked = start
        end = match.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < size else ""
        can_open = bool(after) and not after.isspace() and not before.isalnum()
        can_close = bool(before) and not before.isspace() and not after.isalnum()
        left = end - start
        if can_close and waiting[first]:
            left, start = _close(spans, stack, waiting, first, start, left)
        if left and can_open:
            stack.append(_Opener(start, left, first))
            waiting[first] += 1
    spans.sort(key=lambda span: (span.start, -span.end))
    return spans, escapes


def _close(
    spans: list[Span], stack: list[_Opener], waiting: dict[str, int], char: str, start: int, left: int
) -> tuple[int, int]:
    """Pair a closing run with open runs; return (markers left in it, where they start)."""
    while left and waiting[char]:
        index = len(stack) - 1
        while stack[index].char != char:
            index -= 1
        for dropped in stack[index + 1 :]:  # openers inside the pair stay literal
            waiting[dropped.char] -= 1
        del stack[index + 1 :]
        opener = stack[index]
        used = 2 if opener.left >= 2 and left >= 2 else 1
        kind: Kind = "strong" if used == 2 else "em"
        open_end = opener.start + opener.left
        spans.append(Span(kind, open_end - used, open_end, start, start + used))
        start += used
        left -= used
        opener.left -= used
        if not opener.left:
            stack.pop()
            waiting[char] -= 1
    return left, start


def parse(text: str) -> list[Span]:
    """Return the emphasis spans of ``text`` in source order (an outer span before the inner one)."""
    if not may_have_markers(text):
        return []
    return _scan(text)[0]


class OffsetMap:
    """Maps offsets in plain text back to the source it came from (markers and escapes removed)."""

    __slots__ = ("_plain_starts", "_shifts")

    def __init__(self, plain_starts: list[int] | None = None, shifts: list[int] | None = None) -> None:
        self._plain_starts = plain_starts or [0]
        self._shifts = shifts or [0]

    @property
    def is_identity(self) -> bool:
        """True when the plain text is the source itself."""
        return len(self._shifts) == 1

    def to_source(self, plain: int) -> int:
        """Return the source offset of the plain character at ``plain`` (or of the end)."""
        return plain + self._shifts[bisect_right(self._plain_starts, plain) - 1]

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the source range of the plain range ``start:end`` (no marker outside it)."""
        if end <= start:
            position = self.to_source(start)
            return position, position
        return self.to_source(start), self.to_source(end - 1) + 1

    def walker(self) -> Callable[[int, int], tuple[int, int]]:
        """Return a fast ``source_range`` for plain ranges asked for in increasing order."""
        starts, shifts = self._plain_starts, self._shifts
        last = len(starts) - 1
        index = 0

        def source_range(start: int, end: int) -> tuple[int, int]:
            nonlocal index
            while index < last and starts[index + 1] <= start:
                index += 1
            first = start + shifts[index]
            if end <= start:
                return first, first
            tail = index
            while tail < last and starts[tail + 1] <= end - 1:
                tail += 1
            return first, end - 1 + shifts[tail] + 1

        return source_range


def removed_ranges(text: str) -> list[tuple[int, int]]:
    """Return the sorted source ranges that plain text leaves out: markers and escaping backslashes."""
    spans, escapes = _scan(text) if may_have_markers(text) else ([], [])
    ranges = [(e, e + 1) for e in escapes]
    for span in spans:
        ranges.append((span.start, span.open_end))
        ranges.append((span.close_start, span.end))
    ranges.sort()
    return ranges


def plain_text(text: str) -> tuple[str, OffsetMap]:
    """Return ``text`` without markers and escaping backslashes, and the map back to source offsets."""
    ranges = removed_ranges(text)
    if not ranges:
        return text, OffsetMap()
    pieces: list[str] = []
    plain_starts, shifts = [0], [0]
    last = removed = 0
    for start, end in ranges:
        pieces.append(text[last:start])
        removed += end - start
        last = end
        plain_starts.append(end - removed)
        shifts.append(removed)
    pieces.append(text[last:])
    return "".join(pieces), OffsetMap(plain_starts, shifts)


def around_markers(text: str, change: Callable[[str], str]) -> str:
    """Apply a character-for-character ``change`` (such as curly quotes) to the text without markers.

    The markers stay where they were; a ``change`` that alters the length gets the text as written.
    """
    plain, offsets = plain_text(text) if may_have_markers(text) else (text, OffsetMap())
    changed = change(plain)
    if offsets.is_identity or len(changed) != len(plain):
        return changed if offsets.is_identity else change(text)
    chars = list(text)
    for index, (before, after) in enumerate(zip(plain, changed, strict=True)):
        if before != after:
            chars[offsets.to_source(index)] = after
    return "".join(chars)


def strip_markers(text: str) -> str:
    """Return ``text`` without emphasis markers and escaping backslashes."""
    return plain_text(text)[0] if may_have_markers(text) else text


def plain_spans(text: str) -> tuple[str, list[PlainSpan]]:
    """Return the plain text of ``text`` and its emphasis spans in plain offsets (outer before inner)."""
    if not may_have_markers(text):
        return text, []
    spans, escapes = _scan(text)
    ranges = sorted([(e, e + 1) for e in escapes] + [r for s in spans for r in _marker_ranges(s)])
    ends, removed, total = [0], [0], 0
    for start, end in ranges:
        total += end - start
        ends.append(end)
        removed.append(total)

    def to_plain(source: int) -> int:
        return source - removed[bisect_right(ends, source) - 1]

    plain = plain_text(text)[0]
    return plain, [PlainSpan(s.kind, to_plain(s.open_end), to_plain(s.close_start)) for s in spans]


def _marker_ranges(span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
    return (span.start, span.open_end), (span.close_start, span.end)


def _needs_escape(out: str, position: int) -> bool:
    """Whether a literal ``*``/``_`` at ``position`` of ``out`` could be read as a marker."""
    before = out[position - 1] if position else ""
    after = out[position + 1] if position + 1 < len(out) else ""
    return not (_is_word(before) and _is_word(after)) and not (_is_space(before) and _is_space(after))


def to_markers(plain: str, spans: Sequence[PlainSpan], marker: str = "*") -> str:
    """Write plain text with emphasis as marked-up text (``*`` or ``_`` markers), escaping literal markers.

    ``spans`` are listed outer before inner; they must nest (never cross), emphasise text
    that starts and ends with a non-space character at word boundaries, and two spans of
    the same kind must not touch end to start (``*a**b*`` reads differently).
    """
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for span in spans:
        mark = marker * (2 if span.kind == "strong" else 1)
        opens.setdefault(span.start, []).append(mark)
        closes.setdefault(span.end, []).insert(0, mark)
    pieces: list[str] = []
    literal: set[int] = set()
    length = previous = 0
    size = len(plain)
    for index in [*sorted(position for position in {*opens, *closes} if position <= size), None]:
        chunk = plain[previous:index]  # the text up to the next marker (the rest, at the end)
        if _LITERAL.search(chunk):
            literal.update(length + found.start() for found in _LITERAL.finditer(chunk))
        pieces.append(chunk)
        length += len(chunk)
        if index is None:
            break
        for mark in closes.get(index, []) + opens.get(index, []):
            pieces.append(mark)
            length += len(mark)
        previous = index
    out = "".join(pieces)
    if not literal:
        return out
    escaped: list[str] = []
    for index, char in enumerate(out):
        if index in literal and (
            (char == "\\" and out[index + 1 : index + 2] in ("*", "_", "\\"))
            or (char != "\\" and _needs_escape(out, index))
        ):
            escaped.append("\\")
        escaped.append(char)
    return "".join(escaped)


def rewrite(text: str, style: Style) -> str:
    """Return ``text`` with its emphasis written in ``style``: as written, ``*``, ``_``, or no markers.

    Changing the marker character keeps everything else as written; where that would
    change what is emphasised (rare: ``*a*_b_``), the text is written out afresh.
    """
    if style == "markers" or not may_have_markers(text):
        return text
    if style == "strip":
        return plain_text(text)[0]
    spans = parse(text)
    if not spans:
        return text
    char = "*" if style == "asterisks" else "_"
    chars = list(text)
    for span in spans:
        chars[span.start : span.open_end] = char * (span.open_end - span.start)
        chars[span.close_start : span.end] = char * (span.end - span.close_start)
    out = "".join(chars)
    if out == text:
        return text
    if plain_spans(out) == plain_spans(text):
        return out
    plain, found = plain_spans(text)
    fresh = to_markers(plain, found, char)
    return fresh if plain_spans(fresh) == (plain, found) else text


def html_of(
    text: str, escape: Sequence[tuple[str, str]] = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
) -> str:
    """Return ``text`` as HTML: ``<em>``/``<strong>`` for emphasis, everything else escaped."""
    plain, spans = plain_spans(text)
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for span in spans:
        opens.setdefault(span.start, []).append(f"<{span.kind}>")
        closes.setdefault(span.end, []).insert(0, f"</{span.kind}>")
    pieces: list[str] = []
    last = 0
    for cut in sorted(opens.keys() | closes.keys() | {len(plain)}):
        piece = plain[last:cut]
        for old, new in escape:
            piece = piece.replace(old, new)
        pieces += [piece, *closes.get(cut, []), *opens.get(cut, [])]
        last = cut
    return "".join(pieces)
