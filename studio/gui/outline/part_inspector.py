"""The part inspector: title, summary and the notes before and after a part (what a posting form asks).

Every edit is a ``SetPartFieldsCommand`` on the project undo stack. The text fields commit
after a pause in typing, on leaving the field or the part, as the scene synopsis does, so a
sentence typed is one undo step rather than one per letter. The word target and the release
date commit when their field is left; the words a day still needed to make the date show below.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.app.changes import OutlineChange
from studio.app.commands.structure import SetPartFieldsCommand
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError
from studio.core.nodes import Part
from studio.core.stats import MAX_TARGET, progress_text, words_per_day
from studio.core.wording import count

NO_DATE = QDate(2000, 1, 1)  # the release field's "No date" (its minimum)

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
            edit.setMinimumHeight(52)  # three lines: with the goal row the page still fits a small window
            edit.textChanged.connect(lambda field=field: self._on_typed(field))
            self.edits[field] = edit
            form.addRow(label, edit)
        self.words_label = QLabel()
        self.words_label.setObjectName("partInspectorWords")
        form.addRow("Words", self.words_label)
        self.target_spin = target_spin_box("partInspectorTarget")
        self.release_edit = QDateEdit()
        self.release_edit.setObjectName("partInspectorRelease")
        self.release_edit.setCalendarPopup(True)
        self.release_edit.setDisplayFormat("yyyy-MM-dd")
        self.release_edit.setMinimumDate(NO_DATE)
        self.release_edit.setSpecialValueText("No date")
        self.release_edit.setKeyboardTracking(False)
        self.pace_label = QLabel()
        self.pace_label.setObjectName("partInspectorPace")
        self.pace_label.setWordWrap(True)
        goal = QWidget()  # one row, so the page stays short enough for a small window
        goal_layout = QVBoxLayout(goal)
        goal_layout.setContentsMargins(0, 0, 0, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.target_spin, 1)
        dates.addWidget(QLabel("by"))
        dates.addWidget(self.release_edit, 1)
        goal_layout.addLayout(dates)
        goal_layout.addWidget(self.pace_label)
        form.addRow("Target and release", goal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(self.where_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self.commit_typed)
        self.title_edit.editingFinished.connect(self._commit_title)
        self.target_spin.editingFinished.connect(self._commit_goal)
        self.release_edit.editingFinished.connect(self._commit_goal)
        self.release_edit.dateChanged.connect(
            lambda _d: self._commit_goal() if not self.release_edit.hasFocus() else None
        )
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
            words = progress_text(part.words, part.target) if part else ""
            self.words_label.setText(f"{words} in {count(len(part.scenes), 'scene')}" if part else "—")
            self.target_spin.setValue(part.target if part else 0)
            release = QDate.fromString(part.release, "yyyy-MM-dd") if part and part.release else NO_DATE
            self.release_edit.setDate(release)
            self.pace_label.setText(self._pace(part))
            self.pace_label.setVisible(bool(self.pace_label.text()))
            self.where_label.setText(self._where(part))
            editable = part is not None and not self.session.read_only
            self.title_edit.setEnabled(editable)
            for widget in (*self.edits.values(), self.target_spin, self.release_edit):
                widget.setEnabled(editable)
        finally:
            self._filling = False

    def _where(self, part: Part | None) -> str:
        if part is None:
            return "No part selected"
        parts = self.session.project.parts
        number = next((i for i, p in enumerate(parts, 1) if p.id == part.id), 0)
        return f"Part {number} of {len(parts)}"

    @staticmethod
    def _pace(part: Part | None) -> str:
        if part is None:
            return ""
        needed = words_per_day(part.words, part.target, part.release, date.today())
        if needed is None:
            return ""
        if needed == 0:
            return "Target reached."
        days = (date.fromisoformat(part.release) - date.today()).days + 1
        if days <= 0:
            return f"Release date passed: {needed:,} words to go."
        return f"{needed:,} words a day to make it ({days} day{'s' if days != 1 else ''} left)."

    def _commit_goal(self) -> None:
        part = self.part()
        if self._filling or part is None:
            return
        chosen = self.release_edit.date()
        release = "" if chosen == NO_DATE else chosen.toString("yyyy-MM-dd")
        fields = {"target": str(self.target_spin.value()), "release": release}
        fields = {f: v for f, v in fields.items() if str(getattr(part, f)) != v}
        if fields:
            self._push(fields)

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


def target_spin_box(name: str) -> QSpinBox:
    """A word-target spin box (0 shows as "None"); it commits when editing is finished."""
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, MAX_TARGET)
    spin.setSingleStep(100)
    spin.setGroupSeparatorShown(True)
    spin.setSpecialValueText("None")
    spin.setKeyboardTracking(False)
    return spin
