"""Italics and bold in the editor: shown as you type, toggled with Ctrl+I / Ctrl+B.

The markers stay visible but quiet (dimmed and smaller), so the screen and the file stay
in step: what you see is what is saved, and a marker can be deleted like any character.
``EmphasisHighlighter`` is a ``QSyntaxHighlighter``: Qt re-highlights only the blocks that
change, and emphasis never crosses a line of the scene file (a block), so per block is exact.
Its formats live in the blocks' layouts, never in the document: no undo step, no change to
the text, and the spelling underlines and find results (extra selections) paint over them.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from studio.core.emphasis import Kind, may_have_markers, parse, plain_spans, plain_text, removed_ranges
from studio.core.html_to_markers import marked_text, spans_of_styles

MARKER_ALPHA = 0.45  # markers are drawn in the text colour at this opacity
MARKER_SCALE = 0.8  # and at this fraction of the text size
CACHE_SIZE = 20_000  # paragraphs whose format runs are remembered
WORD_JOINERS = "'’"  # inside a word (don’t), they belong to it


def _escapes(text: str) -> list[int]:
    """Offsets of escaping backslashes (``\\*``, ``\\_``, ``\\\\``), read left to right as the parser does."""
    found, index, size = [], 0, len(text)
    while index < size - 1:
        if text[index] == "\\" and text[index + 1] in "*_\\":
            found.append(index)
            index += 2
        else:
            index += 1
    return found


class EmphasisHighlighter(QSyntaxHighlighter):
    """Shows ``*italic*`` in italics and ``**bold**`` in bold, with quiet markers."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._formats: dict[tuple[bool, bool], QTextCharFormat] = {}
        self._marker = QTextCharFormat()
        # Paragraph text -> its format runs: a layout change (margins, paragraph look) makes Qt
        # re-highlight every block, and then nothing is parsed again.
        self._cache: dict[str, list[tuple[int, int, tuple[bool, bool] | None]]] = {}
        self.blocks_highlighted = 0  # for tests: Qt re-highlights only the blocks that change
        self.update_formats(palette, document.defaultFont(), rehighlight=False)

    def update_formats(self, palette: QPalette, font: QFont, rehighlight: bool = True) -> None:
        """Follow the theme's text colour and the editor's font size."""
        for italic in (False, True):
            for bold in (False, True):
                fmt = QTextCharFormat()
                fmt.setFontItalic(italic)
                if bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                self._formats[(italic, bold)] = fmt
        marker = QTextCharFormat()
        color = QColor(palette.color(QPalette.ColorRole.Text))
        color.setAlphaF(MARKER_ALPHA)
        marker.setForeground(color)
        size = font.pointSizeF()
        if size > 0:
            marker.setFontPointSize(round(size * MARKER_SCALE, 1))
        self._marker = marker
        if rehighlight:
            self.rehighlight()

    def attach(self, document: QTextDocument) -> None:
        """Watch ``document`` again and highlight all of it now (not after the first paint)."""
        self.setDocument(document)
        self.rehighlight()

    def clear_cache(self) -> None:
        """Forget the parsed paragraphs (benchmarks measure a cold open with it)."""
        self._cache.clear()

    def marker_format(self) -> QTextCharFormat:
        """The format of the markers (dimmed, smaller)."""
        return self._marker

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Format one paragraph: emphasised text, then its markers and escapes."""
        self.blocks_highlighted += 1
        if not may_have_markers(text):
            return
        runs = self._cache.get(text)
        if runs is None:
            runs = self._cache[text] = _format_runs(text)
            if len(self._cache) > CACHE_SIZE:  # a layout change re-highlights every block: keep them all
                self._cache = {text: runs}
        formats = self._formats
        for start, length, style in runs:
            self.setFormat(start, length, self._marker if style is None else formats[style])


def _format_runs(text: str) -> list[tuple[int, int, tuple[bool, bool] | None]]:
    """(start, length, (italic, bold)) for emphasised text, then (start, length, None) for markers."""
    runs: list[tuple[int, int, tuple[bool, bool] | None]] = []
    spans = parse(text)
    if spans:
        cuts = sorted({edge for span in spans for edge in (span.open_end, span.close_start)})
        for left, right in zip(cuts, cuts[1:], strict=False):
            italic = bold = False
            for span in spans:
                if span.open_end <= left and right <= span.close_start:
                    italic = italic or span.kind == "em"
                    bold = bold or span.kind == "strong"
            if italic or bold:
                runs.append((left, right - left, (italic, bold)))
        for span in spans:
            runs.append((span.start, span.open_end - span.start, None))
            runs.append((span.close_start, span.end - span.close_start, None))
    if "\\" in text:
        runs.extend((offset, 1, None) for offset in _escapes(text))
    if not text.isascii() and any(ord(ch) > 0xFFFF for ch in text):  # Qt counts an emoji as 2
        runs = [
            (units(text[:start]), units(text[start : start + length]), style) for start, length, style in runs
        ]
    return runs


# -- toggling ---------------------------------------------------------------------------------
class Toggle(NamedTuple):
    """A paragraph's new text, and the plain range that was toggled (to select it again)."""

    text: str
    plain_start: int
    plain_end: int


def to_plain(text: str, source: int) -> int:
    """The plain offset (markers removed) of source offset ``source`` of ``text``."""
    ranges = removed_ranges(text)
    removed = 0
    for start, end in ranges[: bisect_right(ranges, (source, len(text) + 1))]:
        removed += min(end, source) - start
    return source - removed


def _word_bounds(plain: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space, then widen ``start:end`` to whole words (a caret: the word it touches)."""
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1

    size = len(plain)

    def in_word(index: int) -> bool:
        if not 0 <= index < size:
            return False
        char = plain[index]
        if char.isalnum():
            return True
        return (
            char in WORD_JOINERS
            and 0 < index < size - 1
            and plain[index - 1].isalnum()
            and plain[index + 1].isalnum()
        )

    if start == end:
        if not in_word(start):
            if not in_word(start - 1):
                return start, start
            start -= 1
        end = start + 1
    while start > 0 and in_word(start - 1) and in_word(start):
        start -= 1
    while end < size and in_word(end) and in_word(end - 1):
        end += 1
    return start, end


def plan_toggle(text: str, start: int, end: int, kind: Kind, on: bool | None = None) -> Toggle | None:
    """Emphasise (``on``), un-emphasise, or toggle (None) source range ``start:end`` of one paragraph.

    The range is widened to whole words; None when there is no word there or the result
    could not be written with markers.
    """
    plain, spans = plain_spans(text)
    first, last = _word_bounds(plain, to_plain(text, start), to_plain(text, end))
    if first >= last:
        return None
    italic = [False] * len(plain)
    bold = [False] * len(plain)
    for span in spans:
        flags = italic if span.kind == "em" else bold
        flags[span.start : span.end] = [True] * (span.end - span.start)
    target = italic if kind == "em" else bold
    if on is None:
        on = not all(target[first:last])
    target[first:last] = [on] * (last - first)
    new_text = marked_text(plain, spans_of_styles(plain, italic, bold))
    _, found = plain_spans(new_text)
    covered = [False] * len(plain)
    for span in found:
        if span.kind == kind:
            covered[span.start : span.end] = [True] * (span.end - span.start)
    if any(covered[i] != on for i in range(first, last) if not plain[i].isspace()):
        return None
    return Toggle(new_text, first, last)


def covered(text: str, start: int, end: int, kind: Kind) -> bool:
    """Whether the words of source range ``start:end`` are all emphasised as ``kind`` already."""
    plain, spans = plain_spans(text)
    first, last = _word_bounds(plain, to_plain(text, start), to_plain(text, end))
    if first >= last:
        return False
    flags = [False] * len(plain)
    for span in spans:
        if span.kind == kind:
            flags[span.start : span.end] = [True] * (span.end - span.start)
    return all(flags[i] for i in range(first, last) if not plain[i].isspace())


def units(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, as Qt counts positions (an emoji counts 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def index_at(text: str, position: int) -> int:
    """The ``str`` index of a Qt position (UTF-16 units) inside ``text``."""
    if text.isascii():
        return min(position, len(text))
    count = 0
    for index, ch in enumerate(text):
        if count >= position:
            return index
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _replace_changed(cursor: QTextCursor, block_start: int, old: str, new: str) -> None:
    """Replace only the part of a paragraph that differs (the rest, and its formats, stay)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    cursor.setPosition(block_start + units(old[:prefix]))
    cursor.setPosition(block_start + units(old[: len(old) - suffix]), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new[prefix : len(new) - suffix])


def toggle_emphasis(editor: QTextEdit, kind: Kind) -> bool:
    """Toggle ``kind`` on the editor's selection (or the word at the caret) as one undo step.

    With no word at the caret, a pair of markers goes in with the caret between them (and
    an empty pair is taken out again). Return whether the text changed.
    """
    if editor.isReadOnly():
        return False
    document = editor.document()
    cursor = editor.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first_block, last_block = document.findBlock(start), document.findBlock(end)
    pieces = []  # (block start, text, start in block, end in block), last block first
    block = last_block
    while block.isValid():
        text = block.text()
        low = max(start, block.position()) - block.position()
        high = min(end, block.position() + units(text)) - block.position()
        pieces.append((block.position(), text, index_at(text, low), index_at(text, high)))
        if block == first_block:
            break
        block = block.previous()
    wanted = [p for p in pieces if p[2] < p[3] or start == end]
    on = not all(covered(text, low, high, kind) for _, text, low, high in wanted if text.strip())
    plans = [(pos, text, plan_toggle(text, low, high, kind, on)) for pos, text, low, high in wanted]
    if start == end and plans and plans[0][2] is None:
        return _toggle_empty_pair(editor, kind)
    edit = QTextCursor(cursor)  # an edit block starts where undo puts the caret back
    edit.clearSelection()
    edit.beginEditBlock()
    selection: list[int] = []  # the new selection's start, and its end counted from the document's end
    for position, text, plan in plans:  # from the last block up: earlier positions stay valid
        if plan is None:
            continue
        _replace_changed(edit, position, text, plan.text)
        offsets = plain_text(plan.text)[1]
        source_start, source_end = offsets.source_range(plan.plain_start, plan.plain_end)
        if not selection:
            selection = [0, document.characterCount() - (position + units(plan.text[:source_end]))]
        selection[0] = position + units(plan.text[:source_start])
    edit.endEditBlock()
    if not selection:
        return False
    if start != end:
        cursor.setPosition(selection[0])
        cursor.setPosition(document.characterCount() - selection[1], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    return True


def _toggle_empty_pair(editor: QTextEdit, kind: Kind) -> bool:
    marker = "**" if kind == "strong" else "*"
    cursor = editor.textCursor()
    block = cursor.block()
    text = block.text()
    column = index_at(text, cursor.positionInBlock())
    cursor.beginEditBlock()
    if text[column - len(marker) : column] == marker and text[column : column + len(marker)] == marker:
        at = block.position() + units(text[:column])
        cursor.setPosition(at - len(marker))
        cursor.setPosition(at + len(marker), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
    else:
        cursor.insertText(marker * 2)
        cursor.setPosition(cursor.position() - len(marker))
    cursor.endEditBlock()
    editor.setTextCursor(cursor)
    return True
