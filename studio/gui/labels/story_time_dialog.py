"""*Scene › Story Time…*: when the scene happens in the story (a date, date and time, or label and order)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.app.commands.labels import SetStoryTimeCommand
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.story_time import MAX_STORY_ORDER, parse_story_time, story_time_problem

KIND_TEXT = {
    "none": "No story time: the scene is left out of the timeline's order.",
    "date": "A date.",
    "datetime": "A date and a time.",
    "label": "A free label: the order below places it among the others.",
}


class StoryTimeDialog(QDialog):
    """Edits one scene's story time and order; OK is one undo step (*Set Story Time*)."""

    def __init__(self, session: ProjectSession, scene_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyTimeDialog")
        self.session, self.scene_id = session, scene_id
        scene = session.project.scene(scene_id)
        self.setWindowTitle(f"Story Time of “{scene.title or 'Untitled scene'}”")
        self.time_edit = QLineEdit(scene.story_time)
        self.time_edit.setObjectName("storyTimeEdit")
        self.time_edit.setPlaceholderText("2024-05-01, 2024-05-01T18:30, or Day 3, evening")
        metrics = self.time_edit.fontMetrics()  # the whole example shows
        self.time_edit.setMinimumWidth(metrics.horizontalAdvance(self.time_edit.placeholderText()) + 24)
        self.order_check = QCheckBox("Order")
        self.order_check.setObjectName("storyOrderCheck")
        self.order_check.setToolTip(
            "Places free labels (and equal dates) among each other: smaller comes first"
        )
        self.order_spin = QSpinBox()
        self.order_spin.setObjectName("storyOrderSpin")
        self.order_spin.setRange(-MAX_STORY_ORDER, MAX_STORY_ORDER)
        self.order_check.setChecked(scene.story_order is not None)
        self.order_spin.setValue(scene.story_order or 0)
        self.hint = QLabel()
        self.hint.setObjectName("storyTimeHint")
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("When", self.time_edit)
        form.addRow(self.order_check, self.order_spin)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.time_edit.textChanged.connect(self._check)
        self.order_check.toggled.connect(self._check)
        self.order_spin.valueChanged.connect(self._check)
        self._check()

    def order(self) -> int | None:
        """The order chosen (None when not given)."""
        return self.order_spin.value() if self.order_check.isChecked() else None

    def accept(self) -> None:
        """Qt override: set the story time (one undo step); a refusal keeps the dialog open."""
        try:
            self.session.run(
                SetStoryTimeCommand(self.session, self.scene_id, self.time_edit.text(), self.order())
            )
        except StudioError as error:
            self.hint.setText(str(error))
            return
        super().accept()

    def _check(self) -> None:
        self.order_spin.setEnabled(self.order_check.isChecked())
        text = self.time_edit.text()
        problem = story_time_problem(text, self.order())
        self.hint.setText(problem or KIND_TEXT[parse_story_time(text).kind])
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem and not self.session.read_only)
