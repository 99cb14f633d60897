"""Emphasis in scene text: the marker rules, plain text with its offset map, rewriting, HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core.emphasis import (
    PlainSpan,
    html_of,
    parse,
    plain_spans,
    plain_text,
    removed_ranges,
    rewrite,
    to_markers,
)

SENTENCE = "She thought *it’s never fair* and said **stop**."


def emphasised(text: str) -> list[tuple[str, str]]:
    """(kind, emphasised plain text) for each span, outer first."""
    plain, spans = plain_spans(text)
    return [(s.kind, plain[s.start : s.end]) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCE, [("em", "it’s never fair"), ("strong", "stop")]),
        ("_italic_ and __bold__", [("em", "italic"), ("strong", "bold")]),
        ("***both***", [("em", "both"), ("strong", "both")]),
        ("**a *b* c**", [("strong", "a b c"), ("em", "b")]),
        ("*Titanic*’s crew", [("em", "Titanic")]),
        ('*"Stop!"* she said', [("em", '"Stop!"')]),
        ("(*aside*)", [("em", "aside")]),
        ("*a _b* c_", [("em", "a _b")]),  # the pairs may not cross: the inner opener stays literal
    ],
)
def test_emphasis_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert emphasised(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "snake_case and my_long_name",  # underscores inside a word
        "sh*t and f*ck",  # markers inside words never pair
        "un*believ*able",
        "f*** this and f*** that",
        "* * *",
        "a * b * c",
        "an *unmatched marker",
        "*across\nlines*",  # emphasis stays inside one paragraph (line)
        "*across\n\nparagraphs*",
        "# a line that is prose",
        "- not a list",
        "1. not a list either",
        "2 * 3 = 6",
        "",
    ],
)
def test_literal_text_is_not_emphasis(text: str) -> None:
    assert parse(text) == []
    assert plain_text(text)[0] == text.replace("\\", "")


def test_escapes() -> None:
    assert plain_text(r"a \*star\* and \_under\_ and \\ one")[0] == r"a *star* and _under_ and \ one"
    assert parse(r"\*not*") == []
    assert emphasised(r"*a \* star*") == [("em", "a * star")]
    assert plain_text("C:\\Users")[0] == "C:\\Users"  # a backslash before anything else stays


def test_offset_map_points_at_the_letters_as_written() -> None:
    plain, offsets = plain_text(SENTENCE)
    assert plain == "She thought it’s never fair and said stop."
    for word in ("it’s", "fair", "stop", "."):
        start = plain.index(word)
        source_start, source_end = offsets.source_range(start, start + len(word))
        assert SENTENCE[source_start:source_end] == word
    start = plain.index("never")
    assert offsets.to_source(start) == SENTENCE.index("never")


def test_spans_and_removed_ranges() -> None:
    [em, strong] = parse(SENTENCE)
    assert SENTENCE[em.start : em.open_end] == "*" and SENTENCE[em.close_start : em.end] == "*"
    assert SENTENCE[strong.start : strong.open_end] == "**"
    assert removed_ranges(SENTENCE) == [(12, 13), (28, 29), (39, 41), (45, 47)]


def test_rewrite_styles() -> None:
    text = "_Quiet_, __now__. Keep snake_case and \\*this\\*."
    assert rewrite(text, "markers") == text
    assert rewrite(text, "asterisks") == "*Quiet*, **now**. Keep snake_case and \\*this\\*."
    assert rewrite(SENTENCE, "underscores") == "She thought _it’s never fair_ and said __stop__."
    assert rewrite(text, "strip") == "Quiet, now. Keep snake_case and *this*."
    # one marker character only would change what is emphasised: kept as written
    assert rewrite("*a*_b_", "asterisks") == "*a*_b_"


def test_html() -> None:
    assert html_of(SENTENCE) == "She thought <em>it’s never fair</em> and said <strong>stop</strong>."
    assert html_of("***x*** & <y> \\*") == "<em><strong>x</strong></em> &amp; &lt;y&gt; *"
    assert html_of("*a*_b_") == "<em>a</em><em>b</em>"


# -- properties --------------------------------------------------------------------------------

ANY_TEXT = st.text(alphabet=st.sampled_from("ab *_\\\n.,’'\"—-1é "), max_size=60) | st.text(max_size=40)


@settings(max_examples=400)
@given(ANY_TEXT)
def test_parse_never_raises_and_plain_text_keeps_every_other_character(text: str) -> None:
    spans = parse(text)
    for span in spans:
        assert span.start < span.open_end <= span.close_start < span.end
        assert "\n" not in text[span.start : span.end]
    plain, offsets = plain_text(text)
    removed = {i for start, end in removed_ranges(text) for i in range(start, end)}
    kept = [text[i] for i in range(len(text)) if i not in removed]
    assert plain == "".join(kept)
    assert all(text[i] in "*_\\" for i in removed)
    for index, char in enumerate(plain):
        assert text[offsets.to_source(index)] == char
    walk = offsets.walker()  # the fast form for increasing ranges agrees with source_range
    for start in range(0, len(plain), 3):
        assert walk(start, start + 2) == offsets.source_range(start, start + 2)


@given(st.text(alphabet=st.characters(blacklist_characters="*_\\")))
def test_text_without_markers_maps_to_itself(text: str) -> None:
    plain, offsets = plain_text(text)
    assert plain is text
    assert offsets.is_identity
    assert all(offsets.to_source(i) == i for i in range(len(text) + 1))
    assert rewrite(text, "asterisks") == text == rewrite(text, "strip")


WORDS = st.sampled_from(["rain", "she", "it’s", "Wren", "night", "don't", "a*b", "snake_case", "1920s"])
GAPS = st.sampled_from([" ", " ", ", ", ". ", " — "])
LITERALS = st.sampled_from(["*", "_", "\\", "* *", "x*", "'", '"'])


@st.composite
def marked_up(draw: st.DrawFn) -> tuple[str, list[PlainSpan]]:
    """Plain text with emphasis over whole runs of words, nested one level at most."""
    pieces: list[str] = []
    spans: list[PlainSpan] = []
    length = 0
    for _ in range(draw(st.integers(1, 6))):
        if pieces:
            gap = draw(GAPS)
            pieces.append(gap)
            length += len(gap)
        if draw(st.integers(0, 5)) == 0:
            literal = draw(LITERALS)
            pieces.append(literal)
            length += len(literal)
            continue
        words = draw(st.lists(WORDS, min_size=1, max_size=4))
        phrase = " ".join(words)
        kind = draw(st.sampled_from(["em", "strong", None]))
        if kind is not None:
            spans.append(PlainSpan(kind, length, length + len(phrase)))
            if len(words) > 2 and draw(st.booleans()):
                inner = "strong" if kind == "em" else "em"
                inner_end = length + len(phrase) - len(words[-1]) - 1
                spans.append(PlainSpan(inner, length + len(words[0]) + 1, inner_end))
        pieces.append(phrase)
        length += len(phrase)
    return "".join(pieces), spans


@settings(max_examples=300)
@given(marked_up(), st.sampled_from(["*", "_"]))
def test_to_markers_round_trips(generated: tuple[str, list[PlainSpan]], marker: str) -> None:
    plain, spans = generated
    written = to_markers(plain, spans, marker)
    assert plain_spans(written) == (plain, spans)
    for style in ("asterisks", "underscores"):
        again = rewrite(written, style)
        assert plain_spans(again) == (plain, spans)
        assert rewrite(again, style) == again
    assert rewrite(written, "strip") == plain
