"""What the editor puts on the clipboard, and what it takes from it.

Copy: ``text/plain`` with the markers (what the file holds), ``text/html`` with ``<em>``,
``<strong>`` and a ``<p>`` per paragraph (for a word processor or a mail), and the text
itself in the app's own type, so a paste between scenes is exact. Paste: the app's own
type first, then ``text/html`` turned into markers and paragraphs, else plain text.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QMimeData

from studio.core.emphasis import html_of
from studio.core.html_to_markers import html_to_markers

SCENE_MIME = "application/x-story-studio-scene-text"


def selection_mime(text: str) -> QMimeData:
    """The clipboard data for scene text ``text`` (markers and newlines as in the file)."""
    mime = QMimeData()
    mime.setText(text)
    paragraphs = [line for line in text.split("\n") if line.strip()]
    body = "".join(f"<p>{html_of(line)}</p>" for line in paragraphs)
    mime.setHtml(f'<meta charset="utf-8">{body}' if body else escape(text))
    mime.setData(SCENE_MIME, text.encode("utf-8"))
    return mime


def plain_of(mime: QMimeData) -> str:
    """The plain text of ``mime``, with its line ends as the scene files have them."""
    return mime.text().replace("\r\n", "\n").replace("\r", "\n") if mime.hasText() else ""


def pasted_text(mime: QMimeData) -> str | None:
    """The scene text a paste of ``mime`` inserts (None: nothing this editor can use)."""
    if mime.hasFormat(SCENE_MIME):
        return bytes(mime.data(SCENE_MIME).data()).decode("utf-8", errors="replace")
    if mime.hasHtml():
        text = html_to_markers(mime.html())
        if text:
            return text
    if mime.hasText():
        return plain_of(mime)
    return None
