"""*File › Post Chapter…*: one part (or the chosen scenes) ready for a site, with a pre-flight list.

The writer picks what to post and the site; the preview shows what the site gets (HTML as it
will look, BBCode or Markdown as typed) and the pre-flight list what to fix first (a double
click opens the place in the editor). The render and the check run on the worker thread; a
result for an older choice is dropped. The dialog is not modal: fix a finding, save, and the
preview and the list follow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.publishing.posting import mark_posted
from studio.core.publishing.preflight import Finding, preflight
from studio.core.publishing.profiles import SITES, SiteRender, render_for_site
from studio.gui import messages, workers
from studio.gui.dialog_size import fit_to_screen
from studio.gui.elided import ElidedLabel, FullTextDelegate
from studio.gui.publishing import posting_actions as actions

SCENES = "scenes"
SCOPE_WIDTH = 300  # px the part chooser may ask for, at most


class PostingDialog(QDialog):
    """Preview, pre-flight, copy, save and mark as posted one part for one site."""

    rendered = Signal()  # the preview and the pre-flight list show the current choice
    posted = Signal(str, str)  # part_id, site: a post was recorded

    def __init__(
        self,
        session: ProjectSession,
        part_id: str | None = None,
        scene_ids: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("postingDialog")
        self.setWindowTitle("Post Chapter")
        self.session = session
        self.scene_ids = list(scene_ids or [])
        self.site_render: SiteRender | None = None
        self.findings: list[Finding] = []
        self._generation = 0
        self._shown = -1
        self._timer = QTimer(self, singleShot=True, interval=120)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("postingScope")
        self.site_list = QListWidget()
        self.site_list.setObjectName("postingSites")
        self.site_list.setWordWrap(True)
        self.site_list.setSpacing(5)
        self.site_list.setItemDelegate(FullTextDelegate(self.site_list))  # no sideways scroll bar
        self.site_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key, profile in SITES.items():
            item = QListWidgetItem(f"{profile.name}\n{profile.produces}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{profile.produces}: {profile.why}")
            self.site_list.addItem(item)
        self.why_label = QLabel()
        self.why_label.setObjectName("postingWhy")
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet("color: palette(placeholder-text);")
        self.preview = QTextBrowser()
        self.preview.setObjectName("postingPreview")
        self.preview.setOpenLinks(False)
        self.preview_label = ElidedLabel("Preview")  # a long profile line is elided, whole in its tooltip
        self.checks = QTreeWidget()
        self.checks.setObjectName("preflightList")
        self.checks.setHeaderLabels(["Kind", "What", "Scene"])
        self.checks.setRootIsDecorated(False)
        self.checks.setItemDelegate(FullTextDelegate(self.checks))  # elided in the middle, whole in a tooltip
        self.checks.setToolTip("Double-click to open the place in the editor")
        self.checks.itemActivated.connect(self._open_finding)
        self.checks_label = QLabel("Pre-flight")
        self._build_buttons()
        self._lay_out()
        self._fill_scopes(part_id)
        self.site_list.setCurrentRow(0)
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.schedule())
        self.site_list.currentRowChanged.connect(lambda _r: self.schedule())
        self._timer.timeout.connect(self.start_render)
        session.scene_text_saved.connect(lambda _id: self._timer.start())
        session.outline_changed.connect(self._on_outline_changed)
        self.start_render()

    # -- layout ------------------------------------------------------------------------------
    def _button(self, text: str, name: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def _build_buttons(self) -> None:
        self.copy_button = self._button(
            "Copy", "copyForSite", "Copy the chapter as the site takes it", self.copy
        )
        self.copy_title_button = self._button("Copy Title", "copyTitle", "Copy the title", self.copy_field)
        self.copy_summary_button = self._button(
            "Copy Summary", "copySummary", "Copy the part's summary", lambda: self.copy_field("summary")
        )
        self.copy_notes_button = QPushButton("Copy Notes")
        self.copy_notes_button.setObjectName("copyNotes")
        self.copy_notes_button.setToolTip("Copy the notes before or after the chapter")
        notes_menu = QMenu(self.copy_notes_button)
        notes_menu.addAction("Notes Before", lambda: self.copy_field("notes_begin"))
        notes_menu.addAction("Notes After", lambda: self.copy_field("notes_end"))
        self.copy_notes_button.setMenu(notes_menu)
        self.save_button = self._button("Save As…", "saveAs", "Save the chapter as a file", self.save_as)
        self.mark_button = self._button(
            "Mark as Posted…",
            "markPosted",
            "Record that this part is posted on the site",
            self.ask_mark_posted,
        )
        self.changes_button = self._button(
            "Changes Since Posted",
            "changesSincePosted",
            "Compare what was posted with now",
            self.show_changes,
        )
        self.close_button = self._button("Close", "closePosting", "Close", self.close)

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Post"))
        left_layout.addWidget(self.scope_combo)
        left_layout.addSpacing(6)
        left_layout.addWidget(QLabel("On"))
        left_layout.addWidget(self.site_list, 1)
        left_layout.addWidget(self.why_label)
        self.scope_combo.currentTextChanged.connect(self.scope_combo.setToolTip)  # a long part title in full
        middle = actions.labelled_column(self.preview_label, self.preview)
        right = actions.labelled_column(self.checks_label, self.checks)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for widget in (left, middle, right):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 640, 330])
        buttons = QHBoxLayout()
        for button in (
            self.copy_button,
            self.copy_title_button,
            self.copy_summary_button,
            self.copy_notes_button,
        ):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.changes_button)
        buttons.addWidget(self.mark_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1240, 720)

    def _fill_scopes(self, part_id: str | None) -> None:
        wanted = self.scope_combo.currentData() if self.scope_combo.count() else part_id
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for number, part in enumerate(self.session.project.parts, 1):
            self.scope_combo.addItem(f"Part {number}: {part.title or '(untitled)'}", part.id)
        if self.scene_ids:
            count = len(self.scene_ids)
            self.scope_combo.addItem(f"The selected scene{'s' if count != 1 else ''} ({count})", SCENES)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(wanted)))
        self.scope_combo.blockSignals(False)
        # wide enough for a usual part title; a longer one is in the tooltip
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope_combo.setMinimumWidth(min(self.scope_combo.sizeHint().width(), SCOPE_WIDTH))

    # -- the current choice --------------------------------------------------------------------
    def site(self) -> str:
        """The chosen site's key."""
        row = self.site_list.currentRow()
        return list(SITES)[row] if row >= 0 else "ao3"

    def set_site(self, site: str) -> None:
        """Choose a site by key."""
        keys = list(SITES)
        self.site_list.setCurrentRow(keys.index(site))

    def part_id(self) -> str | None:
        """The chosen part (None when the selected scenes are chosen)."""
        data = self.scope_combo.currentData()
        return None if data in (None, SCENES) else str(data)

    def set_part(self, part_id: str) -> None:
        """Choose a part by id."""
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(part_id))

    def chosen_scenes(self) -> list[str] | None:
        """The chosen scenes, when the selected scenes are posted."""
        return self.scene_ids if self.scope_combo.currentData() == SCENES else None

    def is_current(self) -> bool:
        """Whether the preview and the list show the current choice."""
        return self._shown == self._generation and not self._timer.isActive()

    # -- rendering -----------------------------------------------------------------------------
    def schedule(self) -> None:
        """Render again after a short pause (a burst of changes costs one render)."""
        self._generation += 1
        self._update_buttons()
        self._timer.start()

    def start_render(self) -> None:
        """Render the current choice and check it, on the worker thread."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        project, site, part_id, scenes = (
            self.session.project,
            self.site(),
            self.part_id(),
            self.chosen_scenes(),
        )
        profile = SITES[site]
        self.why_label.setText(f"Why: {profile.why}.")
        self.copy_button.setText(f"Copy for {actions.short_name(site)}")
        self.preview_label.setText(f"Preview: {profile.produces}")

        def work() -> tuple[int, SiteRender | str, list[Finding]]:
            try:
                render = render_for_site(project, site, part_id=part_id, scene_ids=scenes)
                return generation, render, preflight(project, site, part_id=part_id, scene_ids=scenes)
            except (StudioError, OSError) as error:
                return generation, str(error), []

        workers.run_in_worker(work, self._on_rendered, lambda: generation == self._generation)

    def _on_rendered(self, result: tuple[int, SiteRender | str, list[Finding]] | None) -> None:
        if result is None or result[0] != self._generation:
            return  # an older choice: a newer render is on its way
        generation, render, findings = result
        self._shown = generation
        if isinstance(render, str):
            self.site_render, self.findings = None, []
            self.preview.setPlainText(render)
        else:
            self.site_render, self.findings = render, findings
            self._show_preview(render)
        self._show_findings()
        self._update_buttons()
        self.rendered.emit()

    def _show_preview(self, render: SiteRender) -> None:
        scroll = self.preview.verticalScrollBar().value()
        if render.html is not None:
            self.preview.setFont(self.font())
            self.preview.setHtml(render.html)
        else:
            self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.preview.setPlainText(render.body)
        self.preview.verticalScrollBar().setValue(scroll)

    def _show_findings(self) -> None:
        project = self.session.project
        titles = {scene.id: scene.title for scene in project.iter_scenes()}
        self.checks.clear()
        for finding in self.findings:
            item = QTreeWidgetItem([actions.KIND_LABELS.get(finding.kind, finding.kind), finding.message, ""])
            item.setText(2, titles.get(finding.scene_id, "") or "(untitled)")
            item.setToolTip(1, finding.message)
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            self.checks.addTopLevelItem(item)
        count = len(self.findings)
        self.checks_label.setText(
            f"Pre-flight: {count} thing{'s' if count != 1 else ''} to look at"
            if count
            else "Pre-flight: all clear"
        )
        self.checks.resizeColumnToContents(0)
        self.checks.setColumnWidth(
            1, max(160, self.checks.viewport().width() - self.checks.columnWidth(0) - 110)
        )

    def _update_buttons(self) -> None:
        ready = self.site_render is not None and self.is_current()
        part = self.part_id()
        for button in (self.copy_button, self.copy_title_button, self.save_button):
            button.setEnabled(ready)
        self.copy_summary_button.setEnabled(ready and bool(self.site_render and self.site_render.summary))
        notes = bool(self.site_render and (self.site_render.notes_begin or self.site_render.notes_end))
        self.copy_notes_button.setEnabled(ready and notes)
        self.mark_button.setEnabled(ready and part is not None and not self.session.read_only)
        self.mark_button.setToolTip(
            "The project is open read-only"
            if self.session.read_only
            else "Record that this part is posted on the site (a whole part only)"
        )
        posted = part is not None and actions.posted_on(self.session.project, part, self.site()) is not None
        self.changes_button.setEnabled(posted)

    def _on_outline_changed(self, _change: object) -> None:
        self._fill_scopes(None)
        self._timer.start()

    # -- actions -----------------------------------------------------------------------------
    def _open_finding(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding: Finding = item.data(0, Qt.ItemDataRole.UserRole)
        self.session.open_scene_requested.emit(finding.scene_id, finding.start, finding.length)

    def copy(self) -> None:
        """Copy the chapter for the site (rich for HTML sites, text for BBCode and Markdown)."""
        if self.site_render is not None:
            actions.copy_render(self.site_render)
            self._say(f"Copied for {SITES[self.site()].name}")

    def copy_field(self, field: str = "title") -> None:
        """Copy the title, or the summary or notes (``notes_begin``, ``notes_end``) in the site's markup."""
        if self.site_render is not None:
            rich = field != "title" and self.site_render.html is not None
            actions.copy_to_clipboard(getattr(self.site_render, field), html=rich)
            self._say(f"Copied the {actions.FIELD_NAMES[field]}")

    def save_as(self, path: Path | None = None, fmt: str | None = None) -> Path | None:
        """Save the chapter as a file in the site's format (or Word, EPUB); asks where unless told."""
        if self.site_render is None:
            return None
        site = self.site()
        formats = actions.file_formats(site)
        if path is None:
            start = self.session.project.root.parent / (self.site_render.title or "chapter")
            chosen = actions.choose_file(self, start, formats)
            if chosen is None:
                return None
            path, fmt = chosen
        fmt = fmt or (path.suffix.lstrip(".") if path.suffix.lstrip(".") in formats else formats[0])
        try:
            data = actions.file_bytes(
                self.session.project, site, fmt, self.site_render, self.part_id(), self.chosen_scenes()
            )
            actions.save_file(path, data)
        except (StudioError, OSError) as error:
            messages.inform(self, "Cannot save the chapter", str(error))
            return None
        self._say(f"Saved {path.name}")
        return path

    def ask_mark_posted(self) -> actions.MarkPostedDialog | None:
        """Ask when and where, then record the post."""
        part = self.part_id()
        if part is None or self.session.read_only:
            return None
        title = self.session.project.part(part).title
        dialog = actions.MarkPostedDialog(self, title, self.site())
        dialog.accepted.connect(lambda: self.mark_posted(dialog.url(), dialog))
        dialog.open()
        return dialog

    def mark_posted(self, url: str = "", dialog: actions.MarkPostedDialog | None = None) -> bool:
        """Record the chosen part as posted on the chosen site now (or on the dialog's date)."""
        part, site = self.part_id(), self.site()
        if part is None or self.session.read_only:
            return False
        try:
            mark_posted(self.session.project, part, site, url=url, when=dialog.when() if dialog else None)
        except (StudioError, OSError) as error:
            messages.inform(self, "Cannot mark as posted", str(error))
            return False
        self._say(f"Marked as posted on {SITES[site].name}")
        self._update_buttons()
        self.posted.emit(part, site)
        return True

    def show_changes(self) -> QDialog | None:
        """Compare what was posted on the site with today's render."""
        part = self.part_id()
        return actions.show_changes(self, self.session.project, part, self.site()) if part else None

    def _say(self, text: str) -> None:
        self.preview_label.setToolTip(text)
        parent = self.parentWidget()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(text, 4000)
