"""Split prose into the words a spellchecker should look at.

Fit for fiction: straight and curly apostrophes inside words (``it’s``, ``would've``,
``Spike’s``), leading elisions (``’cause``, ``’em``), trailing ones (``nothin’``,
``centuries’``). Hyphens, em and en dashes, ellipses and punctuation separate words,
so each part of ``well-known`` is checked on its own. Numbers and ordinals (``1st``,
``1920s``), URLs and e-mail addresses are skipped. Curly quotes around a word are not
part of it: ``‘`` always opens a quote, and a closing ``’`` is only kept where it can be
an elision or a plural possessive (the engine then accepts it either way).

Emphasis markers are not part of the text (``*it’s*``, ``*Titanic*’s``): words are found in
the text without them, and their offsets are mapped back to the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from studio.core.emphasis import may_have_markers, plain_text

APOSTROPHES = "'’"
# A word: letters or digits (with combining accents), joined by single apostrophes.
# Combining marks (accents, Arabic and Hebrew vowel signs) and the Persian zero-width non-joiner.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c"
_PART = rf"(?:[^\W_]+[{_MARKS}]*)++"
# One raw match: an optional apostrophe, the word, an optional apostrophe (trimmed by ``word_of``).
WORD_RUN = re.compile(rf"(?<![^\W_])['’]?{_PART}(?:['’]{_PART})*+(?:['’](?![^\W_]))?")
_DIGIT = re.compile(r"\d")
_SKIPPED = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
)
_SKIP_HINTS = ("://", "www.", "@")
_URL_TAIL = ".,;:!?)]}'’\""
_TRIMMED: dict[str, tuple[int, str] | None] = {}
_TRIM_CACHE_LIMIT = 500_000
_MISSING = object()

# After a straight apostrophe that could just as well open a quote, only these count as elisions.
LEADING_ELISIONS = frozenset(
    {
        "cause",
        "cos",
        "coz",
        "em",
        "sides",
        "til",
        "tis",
        "twas",
        "twere",
        "twould",
        "bout",
        "round",
        "nuff",
        "neath",
        "tween",
        "twixt",
        "fraid",
        "cept",
        "course",
        "kay",
        "spose",
        "scuse",
        "n",
        "im",
        "er",
        "ere",
        "ow",
        "ave",
        "alf",
        "ome",
        "appen",
        "un",
        "ello",
        "ey",
    }
)
# Words that end in an apostrophe in dialect: o’ (of), an’ (and), th’ (the), ol’ (old).
TRAILING_ELISIONS = frozenset({"o", "an", "th", "ol", "fo", "po", "ma", "pa", "tha", "yo"})


class Token(NamedTuple):
    """A word to check: its offset in the text, its length there, and the word without markers.

    ``length`` spans the word in the text as written, so it is longer than ``word`` when an
    emphasis marker sits inside it (``*Titanic*’s``).
    """

    start: int
    length: int
    word: str


def _keeps_trailing_apostrophe(core: str) -> bool:
    lower = core.lower()
    return lower.endswith(("in", "s", "z", "x")) or lower in TRAILING_ELISIONS


def _trim(raw: str) -> tuple[int, str] | None:
    lead = raw[0] in APOSTROPHES
    trail = raw[-1] in APOSTROPHES and len(raw) > 1 + lead
    core = raw[lead : len(raw) - trail]
    if not core.isalpha() and _DIGIT.search(core):
        return None  # numbers, ordinals, years, model names
    keep_lead = lead and (raw[0] == "’" or core.lower() in LEADING_ELISIONS)
    keep_trail = trail and _keeps_trailing_apostrophe(core)
    if lead == keep_lead and trail == keep_trail:
        return 0, raw
    return lead - keep_lead, raw[lead - keep_lead : len(raw) - trail + keep_trail]


def word_of(raw: str) -> tuple[int, str] | None:
    """Return (offset into ``raw``, word) for a raw match of ``WORD_RUN``, or None to skip it."""
    found = _TRIMMED.get(raw, _MISSING)
    if found is _MISSING:
        if len(_TRIMMED) > _TRIM_CACHE_LIMIT:
            _TRIMMED.clear()
        found = _TRIMMED[raw] = _trim(raw)
    return found  # type: ignore[return-value]


def skipped_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of URLs and e-mail addresses in ``text``."""
    if not any(hint in text for hint in _SKIP_HINTS):
        return []
    spans = []
    for match in _SKIPPED.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _URL_TAIL:
            end -= 1
        spans.append((start, end))
    return spans


def iter_tokens(text: str, offset: int = 0, only: set[str] | frozenset[str] | None = None) -> Iterator[Token]:
    """Yield the words of ``text`` to check, with offsets (plus ``offset``) into it.

    With ``only``, yield just the matches whose raw text (see ``WORD_RUN``, in the text
    without emphasis markers) is in it.
    """
    if may_have_markers(text):
        plain, offsets = plain_text(text)
        if not offsets.is_identity:
            source_range = offsets.walker()
            for token in _iter_plain_tokens(plain, 0, only):
                start, end = source_range(token.start, token.start + token.length)
                yield Token(start + offset, end - start, token.word)
            return
    yield from _iter_plain_tokens(text, offset, only)


def _iter_plain_tokens(text: str, offset: int, only: set[str] | frozenset[str] | None) -> Iterator[Token]:
    spans = skipped_spans(text)
    span_index = 0
    for match in WORD_RUN.finditer(text):
        raw = match.group()
        if only is not None and raw not in only:
            continue
        found = word_of(raw)
        if found is None:
            continue
        start = match.start()
        if spans:
            while span_index < len(spans) and spans[span_index][1] <= start:
                span_index += 1
            if span_index < len(spans) and spans[span_index][0] <= start:
                continue
        yield Token(start + found[0] + offset, len(found[1]), found[1])


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Return the words of ``text`` to check, in order (see ``iter_tokens``)."""
    return list(iter_tokens(text, offset))


def split_apostrophes(word: str) -> tuple[str, str, str]:
    """Split a token into (leading apostrophe, core, trailing apostrophe)."""
    lead = word[0] if len(word) > 1 and word[0] in APOSTROPHES else ""
    rest = word[len(lead) :]
    trail = rest[-1] if len(rest) > 1 and rest[-1] in APOSTROPHES else ""
    return lead, rest[: len(rest) - len(trail)], trail
