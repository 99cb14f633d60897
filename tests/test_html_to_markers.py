"""Pasted HTML as scene text: emphasis to markers, blocks to paragraphs, everything else plain."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.core.emphasis import PlainSpan, plain_spans
from studio.core.html_to_markers import html_to_markers, marked_text, spans_of_styles

DATA = Path(__file__).parent / "data" / "paste"
FRAGMENTS = sorted(DATA.glob("*.html"))


def test_the_fragments_are_there() -> None:
    names = {path.stem for path in FRAGMENTS}
    assert {"google_docs", "libreoffice", "ao3_chapter", "browser_article", "word"} <= names


@pytest.mark.parametrize("path", FRAGMENTS, ids=lambda p: p.stem)
def test_real_fragments_give_the_expected_scene_text(path: Path) -> None:
    expected = path.with_suffix(".expected.txt").read_text(encoding="utf-8")
    assert html_to_markers(path.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>She <em>knew</em>.</p>", "She *knew*."),
        ("<p>She <i>knew</i> and <b>said</b> <strong>so</strong>.</p>", "She *knew* and **said** **so**."),
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("a<br>b<br/><br>c", "a\n\nb\n\nc"),
        ("<h1>Title</h1>text<div>more</div>", "Title\n\ntext\n\nmore"),
        ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
        ("<p>x<script>alert('no')</script><style>p{}</style> y</p>", "x y"),
        ("<p>&lt;tag&gt; &amp; &quot;q&quot; &#8212; &hellip;</p>", '<tag> & "q" — …'),
        ("<p>  lots \n of\t space  </p>", "lots of space"),
        ('<span style="font-style:italic">it</span>', "*it*"),
        ('<span style="font-weight:700">b</span> <span style="font-weight:600">c</span>', "**b** **c**"),
        ('<span style="font-weight:500">not</span>', "not"),
        ('<span style="font-weight: bold !important">b</span>', "**b**"),
        ('<b style="font-weight:normal"><span>plain</span></b>', "plain"),
        ('<i><span style="font-style:normal">up</span> right</i>', "up *right*"),
        ("<em> spaced </em>word", "*spaced* word"),
        ("<p>un<em>believ</em>able</p>", "*unbelievable*"),
        ("<p>a *star* and \\ back</p>", "a \\*star\\* and \\ back"),
        ("<p><em>a <strong>b</strong> c</em></p>", "*a **b** c*"),
        ("<p><em><strong>both</strong></em></p>", "***both***"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("<pre>line one\nline two</pre>", "line one\n\nline two"),
        ("", ""),
        ("<p>&nbsp;</p>", ""),
    ],
)
def test_conversion_table(html: str, expected: str) -> None:
    assert html_to_markers(html) == expected


def test_markers_read_back_as_the_html_meant() -> None:
    text = html_to_markers("<p>She <em>knew</em>, and <strong>said <em>so</em></strong>.</p>")
    plain, spans = plain_spans(text)
    assert plain == "She knew, and said so."
    assert sorted((s.kind, plain[s.start : s.end]) for s in spans) == [
        ("em", "knew"),
        ("em", "so"),
        ("strong", "said so"),
    ]


def test_spans_of_styles_nests_and_cuts_crossing_runs() -> None:
    plain = "a b c d"
    italic = [c in "abc" and c != " " or i in (1, 3) for i, c in enumerate(plain)][:5] + [False, False]
    bold = [False, False, False, False, True, True, True]
    spans = spans_of_styles(plain, italic, bold)
    assert PlainSpan("strong", 4, 7) in spans
    assert all(not (s.start < 4 < s.end) for s in spans if s.kind == "em")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["word", "a", "*", "_", "\\", " ", "’s", ",", "x y"]),
            st.booleans(),
            st.booleans(),
        ),
        max_size=12,
    )
)
def test_whatever_the_styles_the_text_reads_back_with_the_same_plain_text(
    runs: list[tuple[str, bool, bool]],
) -> None:
    plain = "".join(text for text, _, _ in runs)
    italic = [i for text, i, _ in runs for _ in text]
    bold = [b for text, _, b in runs for _ in text]
    written = marked_text(plain, spans_of_styles(plain, italic, bold))
    assert plain_spans(written)[0] == plain
