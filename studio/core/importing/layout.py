"""How a text lays out its paragraphs and scene breaks: wrapping, indents, the gaps between blocks.

Scene breaks follow one rule, recorded in the plan: ``larger gaps`` (blank lines more than the
paragraph gap, and marker lines), ``marker lines`` only (``* * *``), or ``none``. Detected: when
every gap between paragraphs is the same, the blank lines separate paragraphs and nothing breaks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from studio.core.importing.parsing import indentation_marks_paragraphs, looks_hard_wrapped

NO_BREAKS, LARGER_GAPS, MARKER_LINES = "none", "larger gaps", "marker lines"
SCENE_BREAK_RULES = (NO_BREAKS, LARGER_GAPS, MARKER_LINES)
NEVER = 1 << 30


@dataclass
class Layout:
    """Wrapped lines or not, what starts a paragraph, the paragraph gap, and the scene-break rule."""

    wrapped: bool
    indent_paragraphs: bool
    newline_paragraphs: bool
    paragraph_gap: int = 1
    rule: str = LARGER_GAPS

    @property
    def break_blanks(self) -> int:
        """How many blank lines in a row break a scene (never, unless the rule is larger gaps)."""
        return self.paragraph_gap + 1 if self.rule == LARGER_GAPS else NEVER


def block_gaps(tokens: list[object]) -> tuple[list[int], list[int]]:
    """The runs of blank lines between two text lines, and the sizes of the text blocks."""
    gaps: list[int] = []
    sizes: list[int] = []
    blanks, size = 0, 0
    for token in tokens:
        if token == "":
            blanks += 1
            continue
        if isinstance(token, str):
            if blanks and size:
                gaps.append(blanks)
                sizes.append(size)
                size = 0
            size += 1
        else:  # a heading or a marker line: no gap is counted across it
            if size:
                sizes.append(size)
            size = 0
        blanks = 0
    if size:
        sizes.append(size)
    return gaps, sizes


def detect_layout(
    tokens: list[object], markdown: bool, max_wrap_width: int, rule: str, has_marks: bool
) -> Layout:
    """Read the text's layout and pick the scene-break rule (``rule``: one to force, or "")."""
    text_lines = [t if isinstance(t, str) else "" for t in tokens]
    gaps, sizes = block_gaps(tokens)
    if markdown:
        layout = Layout(True, False, False)
    else:
        wrapped = looks_hard_wrapped(text_lines, max_wrap_width)
        indent = wrapped and indentation_marks_paragraphs(text_lines)
        filled = [i for i, t in enumerate(text_lines) if t]
        adjacent = sum(1 for i in filled if i + 1 < len(text_lines) and text_lines[i + 1])
        newline = not wrapped and bool(filled) and adjacent >= 0.5 * len(filled)
        if newline and len(sizes) >= 20 and sum(sizes) < 8 * len(sizes):
            # many short blocks between blank lines: wrapped paragraphs, not scenes of lines
            wrapped, newline = True, False
        layout = Layout(wrapped, indent, newline)
    if layout.newline_paragraphs or layout.indent_paragraphs:
        layout.paragraph_gap = 0
    elif gaps:
        layout.paragraph_gap = Counter(gaps).most_common(1)[0][0]
    if rule in SCENE_BREAK_RULES:
        layout.rule = rule
    elif any(gap > layout.paragraph_gap for gap in gaps):
        layout.rule = LARGER_GAPS
    else:
        layout.rule = MARKER_LINES if has_marks else NO_BREAKS
    return layout
