"""Choosing the reader for each thing to import by what it holds, not only by its name.

A folder with ``nwProject.nwx`` (or that file itself) is a novelWriter project; bytes that
start with ``PK`` and hold ``word/document.xml`` are a Word document; text that starts with
``<!DOCTYPE html`` or ``<html`` (after white space or a byte-order mark), or is dense with
``<p>``-like tags, is HTML; anything else goes to the text and Markdown reader. Whatever a
reader refuses (an old ``.doc``, an EPUB or ODT, a damaged file, a folder of something else)
is one ``StudioError`` line naming it.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from studio.core.errors import StudioError
from studio.core.importing.decoding import EncodingUnknownError, decode_bytes
from studio.core.importing.docx_reader import is_docx, plan_from_docx
from studio.core.importing.html_reader import declared_charset, plan_from_html
from studio.core.importing.novelwriter_reader import (
    PROJECT_FILE,
    is_novelwriter_project,
    plan_from_novelwriter,
)
from studio.core.importing.plan import ImportPlan, SourceFile, choose_heading_template
from studio.core.importing.reader import ImportOptions, importer_for, plan_import

Kind = Literal["novelwriter", "docx", "html", "text"]
SNIFF_BYTES = 65536
HTML_START = ("<!doctype html", "<html", "<?xml")
HTML_TAG = re.compile(r"<(?:p|div|br|h[1-6]|em|i|strong|b|span|hr|li)[\s>/]", re.IGNORECASE)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc (and .xls…) container


def _head_text(data: bytes) -> str:
    """The first bytes as text, for sniffing only (a BOM's encoding, else UTF-8, errors ignored)."""
    head = data[:SNIFF_BYTES]
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(codec, errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def looks_like_html(data: bytes) -> bool:
    """Tell whether bytes read as an HTML page or fragment rather than plain text or Markdown."""
    text = _head_text(data).lstrip()
    lowered = text[:200].lower()
    if lowered.startswith(HTML_START[:2]) or (lowered.startswith("<?xml") and "<html" in text[:2000].lower()):
        return True
    if not text.startswith("<"):
        return False
    tags = len(HTML_TAG.findall(text))
    lines = sum(1 for line in text.splitlines() if line.strip())
    return tags >= 3 and tags >= 0.3 * lines


def sniff(path: Path, data: bytes | None) -> Kind:
    """The reader a path needs: from the folder's files or the bytes, not the name alone."""
    if path.is_dir() or path.name == PROJECT_FILE:
        folder = path if path.is_dir() else path.parent
        if is_novelwriter_project(folder):
            return "novelwriter"
        raise StudioError(f"{path}: is a folder, and not a novelWriter project (no {PROJECT_FILE} in it)")
    content = data or b""
    if content.startswith(b"PK"):
        if is_docx(content):
            return "docx"
        raise StudioError(
            f"{path.name}: a ZIP archive that is not a Word document (.docx); save it as .docx or HTML"
        )
    if content.startswith(OLE_MAGIC):
        raise StudioError(f"{path.name}: an old Word .doc (or other Office) file; save it as .docx first")
    return "html" if looks_like_html(content) else "text"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise StudioError(f"{path}: no such file") from None
    except OSError as error:
        raise StudioError(f"{path}: cannot read: {error.strerror or error}") from None


def _decode_html(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode a page: the encoding given, else a BOM or UTF-8, else its ``<meta charset>``."""
    try:
        return decode_bytes(data, name, encoding)
    except EncodingUnknownError:
        declared = declared_charset(data)
        if encoding or not declared or declared.lower().replace("_", "-") in ("utf-8", "utf8"):
            raise
        return decode_bytes(data, name, declared)


def read_source(path: str | os.PathLike[str], options: ImportOptions | None = None) -> ImportPlan:
    """Read one file or folder into a plan with the reader its content calls for."""
    options = options or ImportOptions()
    source = Path(path)
    if not source.exists():
        raise StudioError(f"{source}: no such file")
    data = None if source.is_dir() or source.name == PROJECT_FILE else _read_bytes(source)
    kind = sniff(source, data)
    if kind == "text":
        return importer_for(source, options).read(source)
    if kind == "novelwriter" or data is None:
        plan = plan_from_novelwriter(source)
    else:
        try:
            if kind == "docx":
                plan, encoding = plan_from_docx(data, source.stem), "docx"
            else:
                text, encoding = _decode_html(data, source.name, options.encoding)
                plan = plan_from_html(text, source.stem)
        except RecursionError:
            raise StudioError(f"{source.name}: nested too deeply to read") from None
        plan.sources, plan.encodings = [str(source)], [encoding]
        plan.files = [SourceFile(source.name, len(data), hashlib.sha256(data).hexdigest())]
        for part in plan.parts:
            part.source = str(source)
    if not plan.parts:
        raise StudioError(f"{source.name}: no text to import")
    plan.title = options.title or plan.title
    return plan


def plan_from_paths(
    paths: Sequence[str | os.PathLike[str]], options: ImportOptions | None = None
) -> ImportPlan:
    """Read every file or folder, in order, into one plan, each with the reader its content needs."""
    if not paths:
        raise StudioError("no file to import")
    options = options or ImportOptions()
    sources = [Path(path) for path in paths]
    if all(_is_text(source) for source in sources):
        return plan_import(paths, options)  # the text reader's own merging, unchanged
    plans = [read_source(source, options) for source in sources]
    plan = plans[0]
    for other in plans[1:]:
        plan.author = plan.author or other.author
        plan.summary = plan.summary or other.summary
        plan.parts.extend(other.parts)
        plan.sources += other.sources
        plan.encodings += other.encodings
        plan.files += other.files
        plan.characters += [name for name in other.characters if name not in plan.characters]
    if len(plans) > 1:
        for part in plan.parts:
            part.title = part.title or Path(part.source).stem
        template, start = choose_heading_template(plan.parts)
        plan.export_settings.update(part_heading=template or "{title}", start_number=start)
    return plan


def _is_text(source: Path) -> bool:
    """Whether a path goes to the text reader (sniffing only the first bytes; errors say so later)."""
    if source.is_dir() or source.name == PROJECT_FILE or not source.is_file():
        return not source.exists()  # a missing file: the text reader names it
    try:
        with source.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return True
    return not head.startswith((b"PK", OLE_MAGIC)) and not looks_like_html(head)
