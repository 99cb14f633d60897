"""The part inspector: title, summary and the notes before and after a part (what a posting form asks).

Every edit is a ``SetPartFieldsCommand`` on the project undo stack. The text fields commit
after a pause in typing, on leaving the field or the part, as the scene synopsis does, so a
sentence typed is one undo step rather than one per letter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from studio.app.changes import OutlineChange
from studio.app.commands.structure import SetPartFieldsCommand
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError
from studio.core.nodes import Part

TEXT_FIELDS = {
    "summary": ("Summary", "What this chapter is about, for the site's summary field"),
    "notes_begin": ("Notes before", "Author's notes shown before the chapter"),
    "notes_end": ("Notes after", "Author's notes shown after the chapter"),
}


class PartInspector(QFrame):
    """Shows and edits the title, summary and notes of one part."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partInspector")
        self.session = session
        self.part_id: str | None = None
        self._filling = False
        self._dirty: set[str] = set()
        self.where_label = QLabel()
        self.where_label.setObjectName("partInspectorWhere")
        self.where_label.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("partInspectorTitle")
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Title", self.title_edit)
        for field, (label, hint) in TEXT_FIELDS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(f"partInspector_{field}")
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(140)
            edit.textChanged.connect(lambda field=field: self._on_typed(field))
            self.edits[field] = edit
            form.addRow(label, edit)
        self.words_label = QLabel()
        self.words_label.setObjectName("partInspectorWords")
        form.addRow("Words", self.words_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(self.where_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self.commit_typed)
        self.title_edit.editingFinished.connect(self._commit_title)
        session.outline_changed.connect(self._on_outline_changed)
        self.show_part(None)

    def show_part(self, part_id: str | None) -> None:
        """Show the fields of ``part_id`` (None: empty and disabled)."""
        self.commit_typed()
        self.part_id = part_id
        self.refresh()

    def part(self) -> Part | None:
        """The part shown, if it is still in the project."""
        if self.part_id is None:
            return None
        try:
            return self.session.project.part(self.part_id)
        except NodeNotFoundError:
            return None

    def refresh(self) -> None:
        """Refill every field from the project."""
        part = self.part()
        self._filling = True
        try:
            self.title_edit.setText(part.title if part else "")
            for field, edit in self.edits.items():
                value = getattr(part, field) if part else ""
                if edit.toPlainText() != value:
                    edit.setPlainText(value)
            self.words_label.setText(f"{part.words:,} in {len(part.scenes)} scene(s)" if part else "—")
            self.where_label.setText(self._where(part))
            editable = part is not None and not self.session.read_only
            self.title_edit.setEnabled(editable)
            for edit in self.edits.values():
                edit.setEnabled(editable)
        finally:
            self._filling = False

    def _where(self, part: Part | None) -> str:
        if part is None:
            return "No part selected"
        parts = self.session.project.parts
        number = next((i for i, p in enumerate(parts, 1) if p.id == part.id), 0)
        return f"Part {number} of {len(parts)}"

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if self.part_id is not None and not self._dirty:
            self.refresh()  # a rename, a move of scenes (words), an undo of these fields

    def _on_typed(self, field: str) -> None:
        if not self._filling:
            self._dirty.add(field)
            self._timer.start()

    def _commit_title(self) -> None:
        title = self.title_edit.text().strip()
        part = self.part()
        if self._filling or part is None:
            return
        if not title:
            self.refresh()
        elif title != part.title:
            self._push({"title": title})

    def commit_typed(self) -> None:
        """Commit what was typed in the text fields so far (after a pause, or on leaving the part)."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        part = self.part()
        if part is None or not dirty:
            return
        fields = {f: self.edits[f].toPlainText() for f in sorted(dirty)}
        fields = {f: v for f, v in fields.items() if getattr(part, f) != v}
        if fields:
            self._push(fields)

    def _push(self, fields: dict[str, str]) -> None:
        if self.part_id is None or self.session.read_only:
            return
        # A failure is reported by the command (session.save_error); the fields refill from the project.
        self.session.push(SetPartFieldsCommand(self.session, self.part_id, **fields))
