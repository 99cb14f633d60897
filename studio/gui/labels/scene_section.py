"""The inspector's *Labels and story time* section for the scene being edited."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from studio.core.errors import NodeNotFoundError
from studio.core.labels import label_names
from studio.models.labels_model import label_colour

if TYPE_CHECKING:
    from studio.gui.labels.feature import LabelsFeature


class SceneLabelsSection(QWidget):
    """The scene's labels as coloured names and its story time, each with a button to change it."""

    def __init__(self, feature: LabelsFeature) -> None:
        super().__init__()
        self.setObjectName("sceneLabelsSection")
        self.feature = feature
        window = feature.window
        self.labels_text = QLabel()
        self.labels_text.setObjectName("sceneLabelsText")
        self.labels_text.setWordWrap(True)
        self.labels_button = QToolButton()
        self.labels_button.setObjectName("sceneLabelsButton")
        self.labels_button.setText("Labels")
        self.labels_button.setToolTip("Set or clear this scene's labels")
        self.labels_button.setMenu(feature.scene_menu)
        self.labels_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.time_text = QLabel()
        self.time_text.setObjectName("sceneStoryTimeText")
        self.time_text.setWordWrap(True)
        self.time_button = QToolButton()
        self.time_button.setObjectName("sceneStoryTimeButton")
        self.time_button.setText("When…")
        self.time_button.setToolTip("When this scene happens in the story (Scene › Story Time…)")
        self.time_button.clicked.connect(feature.edit_story_time)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.labels_text, 0, 0)
        grid.addWidget(self.labels_button, 0, 1)
        grid.addWidget(self.time_text, 1, 0)
        grid.addWidget(self.time_button, 1, 1)
        grid.setColumnStretch(0, 1)
        session = feature.session
        session.scene_changed.connect(self._on_scene_changed)
        session.labels_changed.connect(lambda _change: self.refresh())
        session.outline_changed.connect(lambda _change: self.refresh())
        window.editor.scene_shown.connect(lambda _sid: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show the labels and story time of the scene being edited."""
        scene_id = self.feature.window.editor.current_scene_id()
        project = self.feature.session.project
        try:
            scene = project.scene(scene_id) if scene_id else None
        except NodeNotFoundError:
            scene = None
        writable = scene is not None and not self.feature.session.read_only
        self.labels_button.setEnabled(writable)
        self.time_button.setEnabled(writable)
        if scene is None:
            self.labels_text.setText("")
            self.time_text.setText("")
            return
        colours = {label.id: label.colour for label in project.labels}
        chips = [
            f'<span style="color:{label_colour(colours.get(lid, "")).name()}">■</span>&nbsp;{escape(name)}'
            for lid, name in zip(scene.labels, label_names(project.labels, scene.labels), strict=True)
        ]
        self.labels_text.setText(" &nbsp; ".join(chips) if chips else "<i>No labels</i>")
        self.time_text.setText(
            f"When: {escape(scene.story_time)}" if scene.story_time else "<i>No story time</i>"
        )
        order = f"; order {scene.story_order}" if scene.story_order is not None else ""
        self.time_text.setToolTip(f"When the scene happens in the story{order}")

    def _on_scene_changed(self, scene_id: str) -> None:
        if scene_id == self.feature.window.editor.current_scene_id():
            self.refresh()
