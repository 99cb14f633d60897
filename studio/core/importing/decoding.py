"""Reading a file to import as text: its encoding is detected from a BOM or UTF-8, or given; never guessed."""

from __future__ import annotations

import codecs

from studio.core.errors import StudioError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SUGGESTIONS = ("cp1252", "latin-1")


class EncodingUnknownError(StudioError):
    """The file is not UTF-8 and has no BOM: its encoding must be given."""

    def __init__(self, name: str, detail: str, suggestion: str) -> None:
        self.name = name
        self.suggestion = suggestion
        super().__init__(
            f"{name}: not UTF-8 text ({detail}); say its encoding with --encoding, "
            f"for example --encoding {suggestion}"
        )


def detect_encoding(data: bytes) -> str | None:
    """Return the encoding a BOM or valid UTF-8 proves, or None when it cannot be known."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data[:4096]:
        return None  # UTF-16 or -32 without a BOM, or not text at all: ask
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding used)``.

    With no ``encoding``, only a BOM or valid UTF-8 is accepted; anything else raises
    ``EncodingUnknownError`` naming the file and a likely encoding.
    A given encoding that does not fit raises ``StudioError``.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise StudioError(f"unknown encoding {encoding!r}") from None
        if encoding.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise StudioError(
                f"{name}: cannot be read as {encoding} (byte {data[error.start]:#04x} at {error.start})"
            ) from None
    found = detect_encoding(data)
    if found is None:
        raise EncodingUnknownError(name, _describe(data), _suggest(data))
    return data.decode(found), found


def _describe(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        return "it holds zero bytes: UTF-16 without a BOM, or not a text file"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"byte {data[error.start]:#04x} at offset {error.start}"
    return "unknown"


def _suggest(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        return "utf-16-le"
    for candidate in SUGGESTIONS:
        try:
            data.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return "latin-1"
