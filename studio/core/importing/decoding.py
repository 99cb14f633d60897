"""Reading a file to import as text: its encoding is detected from a BOM or UTF-8, or given; never guessed."""

from __future__ import annotations

import codecs
import warnings

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


def text_codec(encoding: str) -> str:
    """Return the canonical name of a text encoding; refuse unknown names and bytes-to-bytes codecs."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise StudioError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise StudioError(
            f"encoding {encoding!r} is not a text encoding ({info.name} turns bytes into bytes); "
            "give one such as utf-8 or cp1252"
        )
    return info.name


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding used)``.

    With no ``encoding``, only a BOM or valid UTF-8 is accepted; anything else raises
    ``EncodingUnknownError`` naming the file and a likely encoding.
    A given encoding that does not fit, or is not a text encoding, raises ``StudioError``.
    """
    if encoding:
        canonical = text_codec(encoding)
        if canonical == "utf-8" and data.startswith(codecs.BOM_UTF8):
            return _decode(data, name, "utf-8-sig", len(codecs.BOM_UTF8)), "utf-8-sig"
        return _decode(data, name, encoding, 0), encoding
    for bom, marked in BOMS:
        if data.startswith(bom):
            return _decode(data, name, marked, len(bom)), marked
    found = detect_encoding(data)
    if found is None:
        raise EncodingUnknownError(name, _describe(data), _suggest(data))
    return _decode(data, name, found, 0), found


def _decode(data: bytes, name: str, encoding: str, skip: int) -> str:
    """Decode ``data`` with ``encoding``; a failure names the file and the byte offset in the file.

    ``skip`` is the length of the BOM that chose the encoding (0: none), named in the message.
    """
    label = encoding if encoding.isprintable() else codecs.lookup(encoding).name
    try:
        with warnings.catch_warnings():  # unicode_escape warns of invalid escapes: not the writer's concern
            warnings.simplefilter("ignore")
            return data.decode(encoding)
    except UnicodeDecodeError as error:
        sig = codecs.lookup(encoding).name == "utf-8-sig" and data.startswith(codecs.BOM_UTF8)
        offset = error.start + (len(codecs.BOM_UTF8) if sig else 0)  # utf-8-sig counts after its BOM
        offset = min(offset, max(len(data) - 1, 0))
        byte = f"byte {data[offset]:#04x} at offset {offset}" if data else "at offset 0"
        marked = f" after its {_bom_name(data)} byte-order mark" if skip else ""
        raise StudioError(f"{name}: cannot be read as {label}{marked} ({byte})") from None
    except (UnicodeError, ValueError, LookupError, TypeError) as error:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise StudioError(f"{name}: cannot be read as {label} ({detail})") from None


def _bom_name(data: bytes) -> str:
    for bom, label in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF8, "UTF-8"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            return label
    return "byte-order"


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
