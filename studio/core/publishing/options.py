"""Export options: the stable keys saved in the project and set with ``studio export --set``.

The options live in the manifest under ``settings["export"]``. Text options are
templates: ``{title}``, ``{author}``, ``{number}``, ``{number_words}``, ``{roman}``,
``{next_number}``, ``{next_number_words}``, ``{next_roman}``, ``{next_title}`` are
filled in; an unknown ``{name}`` is left as written. A line of a template whose
placeholders are all empty (``By {author}`` with no author) is left out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from studio.core.errors import StudioError

FORMATS = ("txt", "md", "html")
CHOICES: dict[str, tuple[str, ...]] = {
    "paragraphs": ("blank", "newline"),
    "quotes": ("keep", "straight", "curly"),
    "dashes": ("keep", "em", "double-hyphen"),
    "emphasis": ("markers", "asterisks", "underscores", "strip"),
    "line_endings": ("lf", "crlf"),
    "part_notes": ("omit", "include"),
    "format": FORMATS,
}
TEXT_KEYS = ("header", "part_heading", "separator", "closing", "footer")
NUMBER_KEYS = {"wrap": (0, 10_000), "start_number": (0, 1_000_000)}
MAX_BLANK_LINES = 20


@dataclass
class ExportOptions:
    """How a manuscript is turned into posted text; every field is a stable settings key.

    ``separator`` is the line put between scenes: any text (``* * *``, ``#``, ``~``),
    or a number alone (``"2"``) for that many blank lines, or empty for no mark at all
    (the scenes then run on with the usual paragraph gap).
    """

    header: str = "{title}\nBy {author}"
    part_heading: str = "Part {number_words}: {title}"
    separator: str = "* * *"
    paragraphs: str = "blank"
    quotes: str = "keep"
    dashes: str = "keep"
    emphasis: str = "markers"  # plain text only: markers as written, asterisks, underscores, strip
    wrap: int = 0
    line_endings: str = "lf"
    closing: str = ""
    footer: str = ""
    part_notes: str = "omit"
    start_number: int = 1
    format: str = "txt"

    @classmethod
    def keys(cls) -> list[str]:
        """Return every option key, in a stable order."""
        return [f.name for f in fields(cls)]

    @classmethod
    def from_settings(cls, settings: object) -> ExportOptions:
        """Build options from a project's saved ``export`` settings; bad or unknown values fall back.

        Settings that are not an object (a hand-edited string or list) give the defaults.
        """
        options = cls()
        if not isinstance(settings, dict):
            return options
        for key, value in settings.items():
            if key not in cls.keys() or type(value) not in (str, int):  # noqa: SIM118 (a classmethod)
                continue
            try:
                options.apply_override(key, value if isinstance(value, str) else str(value), raw=True)
            except StudioError:
                continue  # an old or hand-edited bad value: keep the default
        return options

    def to_settings(self) -> dict[str, Any]:
        """Return the options as a plain dict for the manifest."""
        return asdict(self)

    def apply_override(self, key: str, value: str, raw: bool = False) -> None:
        """Set one option from text, as ``--set KEY=VALUE`` gives it.

        ``\\n`` in the value becomes a line break (unless ``raw``); an empty value turns
        a text option off. An unknown key or a value not allowed raises ``StudioError``.
        """
        if key not in self.keys():  # noqa: SIM118
            raise StudioError(f"unknown export option {key!r}; known: {', '.join(self.keys())}")
        if key in TEXT_KEYS:
            text = value if raw else value.replace("\\n", "\n")
            if key == "separator":
                text = _check_separator(text)
            setattr(self, key, text)
        elif key in NUMBER_KEYS:
            setattr(self, key, _parse_number(key, value))
        else:
            allowed = CHOICES[key]
            choice = value.strip().lower()
            if choice not in allowed:
                raise StudioError(f"export option {key!r} must be one of {', '.join(allowed)}; got {value!r}")
            setattr(self, key, choice)

    def blank_separator_lines(self) -> int | None:
        """Return the number of blank lines the separator stands for, or None for a text mark."""
        return _whole_number(self.separator)


def _whole_number(text: str) -> int | None:
    """The number written in ASCII digits 0-9 (None for anything else: ², ٣ and "* * *" are marks)."""
    stripped = text.strip()
    return int(stripped) if stripped.isascii() and stripped.isdigit() else None


def _parse_number(key: str, value: str) -> int:
    low, high = NUMBER_KEYS[key]
    number = _whole_number(value.strip() or "0")
    if number is None or not low <= number <= high:
        raise StudioError(f"export option {key!r} must be a whole number from {low} to {high}; got {value!r}")
    return number


def _check_separator(text: str) -> str:
    stripped = text.strip()
    lines = _whole_number(stripped)
    if lines is not None and not 1 <= lines <= MAX_BLANK_LINES:
        raise StudioError(
            f"export option 'separator' as blank lines must be 1 to {MAX_BLANK_LINES}; got {text!r}"
        )
    if "\n" in stripped:
        raise StudioError("export option 'separator' must be one line")
    return stripped
