"""What the posting dialog does with a render: clipboard, files, *Mark as Posted…*, changes since posted."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QMimeData
from PySide6.QtGui import QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.core.atomic import atomic_write
from studio.core.errors import StudioError
from studio.core.publishing.documents import docx_bytes, epub_bytes
from studio.core.publishing.posting import posted_records, posted_render
from studio.core.publishing.profiles import SITES, SiteRender, render_for_site, site_document
from studio.gui.safety.diff_view import CompareDialog

if TYPE_CHECKING:
    from studio.core.project import Project

KIND_LABELS = {
    "empty-paragraph": "Empty line",
    "symbol-break": "Symbol line",
    "link": "Link",
    "unmatched-emphasis": "Stray marker",
    "mixed-quotes": "Quotes",
    "double-space": "Double space",
    "unknown-word": "Spelling",
    "near-name": "Name?",
    "tab": "Tab",
    "leading-space": "Indent",
}
FIELD_NAMES = {
    "title": "title",
    "summary": "summary",
    "notes_begin": "notes before",
    "notes_end": "notes after",
}
FILE_FILTERS = {
    "html": "Web page (*.html)",
    "docx": "Word document (*.docx)",
    "epub": "EPUB e-book (*.epub)",
    "txt": "Plain text (*.txt)",
    "md": "Markdown (*.md)",
}


def plain_of_html(html: str) -> str:
    """The text of an HTML fragment, as a plain-text paste would get it."""
    return QTextDocumentFragment.fromHtml(html).toPlainText() if html else ""


def copy_to_clipboard(text: str, html: bool) -> None:
    """Put ``text`` on the clipboard: for HTML, rich (text/html and its plain text), else plain."""
    data = QMimeData()
    if html:
        data.setHtml(text)
        data.setText(plain_of_html(text))
    else:
        data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


def copy_render(render: SiteRender) -> None:
    """Copy the chapter for its site: HTML with the render's own plain text, or BBCode/Markdown as text."""
    data = QMimeData()
    if render.html is not None:
        data.setHtml(render.html)
        data.setText(render.plain)
    else:
        data.setText(render.body)
    QGuiApplication.clipboard().setMimeData(data)


def file_formats(site: str) -> list[str]:
    """The formats *Save As…* offers for a site: the site's own first, then Word and EPUB."""
    own = SITES[site].file_format
    return list(dict.fromkeys([own, "html" if SITES[site].markup == "html" else own, "docx", "epub"]))


def file_bytes(
    project: Project,
    site: str,
    fmt: str,
    render: SiteRender,
    part_id: str | None,
    scene_ids: list[str] | None,
) -> bytes:
    """The file of a render in ``fmt`` (html, txt, md: the render; docx, epub: built from the document)."""
    if fmt in ("docx", "epub"):
        document, options = site_document(project, site, part_id, scene_ids)
        if fmt == "docx":
            return docx_bytes(document, options, rule_breaks=SITES[site].scene_break == "rule")
        return epub_bytes(document, options, project.language)
    text = render.html if fmt == "html" and render.html is not None else render.body
    return text.encode("utf-8")


def choose_file(parent: QWidget, start: Path, formats: list[str]) -> tuple[Path, str] | None:
    """Ask where to save and in which of ``formats``; None if the writer cancels."""
    filters = [FILE_FILTERS[f] for f in formats]
    name, chosen = QFileDialog.getSaveFileName(
        parent, "Save Chapter", f"{start}.{formats[0]}", ";;".join(filters)
    )
    if not name:
        return None
    return Path(name), formats[filters.index(chosen)] if chosen in filters else formats[0]


def labelled_column(label: QLabel, widget: QWidget) -> QWidget:
    """A label over a widget that takes the rest of the height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return column


def save_file(path: Path, data: bytes) -> None:
    """Write the file the writer chose, atomically (it may be outside the project)."""
    atomic_write(path, data)


def posted_on(project: Project, part_id: str, site: str) -> str | None:
    """When the part was posted on the site (ISO date), or None."""
    return next((r.date for r in posted_records(project) if (r.part_id, r.site) == (part_id, site)), None)


def latest_post_site(project: Project, part_id: str) -> str | None:
    """The site the part was last posted on (for *Show Changes Since Posted* from the outline)."""
    records = sorted((r for r in posted_records(project) if r.part_id == part_id), key=lambda r: r.date)
    return records[-1].site if records else None


def show_changes(parent: QWidget, project: Project, part_id: str, site: str) -> CompareDialog | None:
    """Open a window comparing what was posted on ``site`` with today's render (plain text)."""
    try:
        old = posted_render(project, part_id, site).plain
        new = render_for_site(project, site, part_id=part_id).plain
    except StudioError as error:
        from studio.gui import messages

        messages.inform(parent, "Cannot compare", str(error))
        return None
    when = (posted_on(project, part_id, site) or "")[:10]
    title = f"{project.part(part_id).title}: changes since posted to {SITES[site].name}"
    dialog = CompareDialog(parent, title, old, new, f"Posted {when}".strip(), "Now")
    dialog.setObjectName("postedChangesDialog")
    dialog.show()
    return dialog


class MarkPostedDialog(QDialog):
    """Asks when (today by default) and where (an optional address) a part was posted on a site."""

    def __init__(self, parent: QWidget | None, part_title: str, site: str) -> None:
        super().__init__(parent)
        self.setObjectName("markPostedDialog")
        self.setWindowTitle("Mark as Posted")
        self.site = site
        intro = QLabel(f"Record that “{part_title}” was posted on {SITES[site].name}.")
        intro.setWordWrap(True)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("postedDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("postedUrl")
        self.url_edit.setPlaceholderText("https://… (optional)")
        self.url_edit.setMinimumWidth(360)
        form = QFormLayout()
        form.addRow("Posted on", self.date_edit)
        form.addRow("Address", self.url_edit)
        note = QLabel("A copy of exactly what is rendered now is kept, to show what changes later.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mark as Posted")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def when(self) -> datetime:
        """Now, if the date is today; else noon (local time) of the chosen day."""
        chosen = self.date_edit.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        now = datetime.now().astimezone()
        if day == now.date():
            return now.astimezone(UTC)
        return datetime.combine(day, time(12, 0)).astimezone().astimezone(UTC)

    def url(self) -> str:
        """The address typed, trimmed."""
        return self.url_edit.text().strip()


def short_name(site: str) -> str:
    """A short name for a button: ``Copy for AO3``."""
    return {
        "ao3": "AO3",
        "ffn": "FFN",
        "royalroad": "Royal Road",
        "bbcode": "Forums",
        "markdown": "Markdown",
    }.get(site, SITES[site].name.split(",")[0])
