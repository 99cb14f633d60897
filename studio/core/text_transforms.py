"""Text helpers for publishing: quotes, dashes, wrapping, numbers in words and Roman numerals."""

from __future__ import annotations

import re
from collections.abc import Mapping

ONES = [
    *("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"),
    *("Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"),
]
TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
ROMAN_PATTERN = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)


def number_words(number: int) -> str:
    """Spell a number in title-case words: 5 -> ``Five``, 21 -> ``Twenty-One``."""
    if number < 0:
        return f"Minus {number_words(-number)}"
    if number < 20:
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    for size, name in ((1_000_000, "Million"), (1000, "Thousand"), (100, "Hundred")):
        if number >= size:
            high, rest = divmod(number, size)
            return f"{number_words(high)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")


def words_to_number(text: str) -> int | None:
    """Read a number spelled as ``number_words`` writes it (any case); None if it is not one."""
    wanted = text.strip().casefold()
    if not wanted or len(wanted) > 60:
        return None
    return _WORDS_LOOKUP.get(wanted)


_WORDS_LOOKUP = {number_words(n).casefold(): n for n in range(0, 1000)}


def roman(number: int) -> str:
    """Return the Roman numeral for 1..4999 (the plain number otherwise)."""
    if not 0 < number < 5000:
        return str(number)
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def roman_to_number(text: str) -> int | None:
    """Read a Roman numeral (any case); None if ``text`` is not a well-formed one."""
    if not text or not ROMAN_PATTERN.fullmatch(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total, previous = 0, 0
    for char in reversed(text.upper()):
        value = values[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total or None


# -- templates -------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render_template(template: str, values: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders; drop a line whose placeholders are all empty; keep unknown ones."""
    lines = []
    for line in template.split("\n"):
        known = [n for n in PLACEHOLDER.findall(line) if n in values]
        empty = [n for n in known if str(values[n]) == ""]
        if known and len(empty) == len(known):
            continue
        rendered = PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), line)
        if empty and line.rstrip().endswith("}") and _last_placeholder(line) in empty:
            rendered = rendered.rstrip(" :-–—")
        lines.append(rendered)
    return "\n".join(lines)


def _last_placeholder(line: str) -> str:
    found = PLACEHOLDER.findall(line)
    return found[-1] if found else ""


# -- quotes and dashes -----------------------------------------------------------------
STRAIGHT_TABLE = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}
)
ELISIONS = (
    "em|cause|cos|cuz|tis|twas|til|till|bout|round|n|nother|kay|ere|ow|im|er|e|ello|allo|appen|s|"
    "scuse|sup|twere|twill|gainst|neath|fraid|nuff|course"
)
_LEADING_ELISION = re.compile(rf"(?:(?<=^)|(?<=[\s(\[—–-]))'(?=(?:{ELISIONS})\b|\d\ds\b|\d\d\b)", re.I | re.M)
_OPEN_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–\"“]))'", re.M)
_OPEN_DOUBLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–'‘]))\"(?=\S)", re.M)


def curly_quotes(text: str) -> str:
    """Turn straight quotes into typographic ones, as fiction wants them.

    ``'`` inside or after a word is an apostrophe or closing quote (’); before a known
    leading elision (’em, ’cause, ’tis, ’70s) it is an apostrophe too; at the start of a
    word it opens (‘). ``"`` opens (“) at the start of a line or after a space, bracket
    or dash when a character follows, and closes (”) everywhere else.
    """
    if "'" in text:
        text = _LEADING_ELISION.sub("’", text)
        text = _OPEN_SINGLE.sub("‘", text)
        text = text.replace("'", "’")
    if '"' in text:
        text = _OPEN_DOUBLE.sub("“", text)
        text = text.replace('"', "”")
    return text


def straight_quotes(text: str) -> str:
    """Turn typographic quotes and apostrophes into straight ones."""
    return text.translate(STRAIGHT_TABLE)


def convert_dashes(text: str, mode: str) -> str:
    """``em``: ``--`` becomes an em dash; ``double-hyphen``: an em dash becomes ``--``; ``keep``: nothing."""
    if mode == "em":
        return text.replace("--", "—")
    if mode == "double-hyphen":
        return text.replace("—", "--")
    return text


def wrap_paragraph(paragraph: str, width: int) -> str:
    """Break a paragraph into lines of at most ``width`` characters at spaces (long words stay whole)."""
    if width <= 0 or len(paragraph) <= width:
        return paragraph
    lines: list[str] = []
    current: list[str] = []
    length = -1
    for word in paragraph.split(" "):
        if not word:
            continue
        if current and length + 1 + len(word) > width:
            lines.append(" ".join(current))
            current, length = [], -1
        current.append(word)
        length += 1 + len(word)
    if current:
        lines.append(" ".join(current))
    return "\n".join(lines)
