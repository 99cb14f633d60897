"""Convert Quotes…: preview, then make straight quotes curly in this scene or the whole project.

The conversion is one undoable project command (``ConvertQuotesCommand``): all scenes
change or none, and a scene changed on disk meanwhile is not overwritten.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.commands.convert_quotes import ConvertQuotesCommand
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.typography import QuotesPlan, changed_characters, plan_conversion
from studio.core.wording import count

PREVIEW_CHARS = 90


def _first_change(old: str, new: str) -> str:
    """A short excerpt of ``new`` around its first difference from ``old``."""
    index = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
    )
    start = max(0, new.rfind("\n", 0, index) + 1, index - PREVIEW_CHARS // 2)
    return new[start : start + PREVIEW_CHARS].split("\n")[0]


class ConvertQuotesDialog(QDialog):
    """Lists the scenes that would change, with an excerpt of each; Convert applies it as one step."""

    def __init__(self, session: ProjectSession, scene_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("convertQuotesDialog")
        self.setWindowTitle("Convert Quotes")
        self.session = session
        self.scene_id = scene_id
        self.plans: list[QuotesPlan] = []
        self.scene_choice = QRadioButton("This scene")
        self.scene_choice.setObjectName("convertSceneChoice")
        self.project_choice = QRadioButton("The whole project")
        self.project_choice.setObjectName("convertProjectChoice")
        (self.scene_choice if scene_id else self.project_choice).setChecked(True)
        self.scene_choice.setEnabled(bool(scene_id))
        self.dashes = QCheckBox("Also -- to an em dash (—) and ... to an ellipsis (…)")
        self.dashes.setObjectName("convertDashes")
        self.dashes.setChecked(True)
        self.preview = QTreeWidget()
        self.preview.setObjectName("convertPreview")
        self.preview.setHeaderLabels(["Scene", "Changes", "First change"])
        self.preview.setRootIsDecorated(False)
        self.summary = QLabel()
        self.summary.setObjectName("convertSummary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.convert_button = buttons.addButton("Convert", QDialogButtonBox.ButtonRole.AcceptRole)
        self.convert_button.setObjectName("convertButton")
        buttons.accepted.connect(self.convert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.scene_choice,
            self.project_choice,
            self.dashes,
            self.preview,
            self.summary,
            buttons,
        ):
            layout.addWidget(widget)
        for toggle in (self.scene_choice, self.project_choice, self.dashes):
            toggle.toggled.connect(self.update_preview)
        self.resize(720, 420)
        self.update_preview()

    def update_preview(self) -> None:
        """Work out and list what would change."""
        project = self.session.project
        if self.scene_choice.isChecked() and self.scene_id:
            ids = [self.scene_id]
        else:
            ids = [scene.id for scene in project.iter_scenes()]
        texts = []
        for scene_id in ids:
            try:
                texts.append((scene_id, project.scene_text(scene_id)))
            except (StudioError, OSError):
                continue
        self.plans = plan_conversion(texts, self.dashes.isChecked())
        self.preview.clear()
        for plan in self.plans:
            changed = changed_characters(plan.old_text, plan.new_text)
            excerpt = _first_change(plan.old_text, plan.new_text)
            self.preview.addTopLevelItem(
                QTreeWidgetItem([project.scene(plan.scene_id).title, str(changed), excerpt])
            )
        if self.plans:
            self.summary.setText(
                f"{count(len(self.plans), 'scene')} will change. You can undo this in one step."
            )
        else:
            self.summary.setText("Nothing to convert: the quotes are curly already.")
        self.convert_button.setEnabled(bool(self.plans) and not self.session.read_only)

    def convert(self) -> bool:
        """Apply the previewed conversion as one undoable step; return whether it was done."""
        if not self.plans:
            self.reject()
            return False
        try:
            self.session.run(ConvertQuotesCommand(self.session, self.plans))
        except (StudioError, OSError) as error:
            self.summary.setText(f"Not converted: {error}")
            return False
        self.accept()
        return True
