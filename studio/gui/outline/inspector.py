"""The inspector: title, status, POV, synopsis and word count of the selected scene, or a part's fields.

Every edit is a ``SetSceneFieldsCommand`` (``SetPartFieldsCommand`` for a part) on the project
undo stack, so it can be undone. ``show_part`` turns to the part page (``part_inspector``);
``show_scene`` back to the scene.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.app.commands import SetSceneFieldsCommand
from studio.app.session import ProjectSession
from studio.core.errors import NodeNotFoundError
from studio.core.nodes import DEFAULT_STATUSES
from studio.core.stats import progress_text
from studio.gui.outline.part_inspector import PartInspector, target_spin_box


class SceneInspector(QFrame):
    """Shows and edits the metadata of one scene."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sceneInspector")
        self.session = session
        self.scene_id: str | None = None
        self._filling = False
        self._synopsis_dirty = False
        self.heading = QLabel("Scene")
        self.heading.setObjectName("inspectorHeading")
        self.where_label = QLabel()
        self.where_label.setObjectName("inspectorWhere")
        self.where_label.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("inspectorTitle")
        self.status_combo = QComboBox(editable=True)
        self.status_combo.setObjectName("inspectorStatus")
        self.pov_combo = QComboBox(editable=True)
        self.pov_combo.setObjectName("inspectorPov")
        self.synopsis_edit = QPlainTextEdit()
        self.synopsis_edit.setObjectName("inspectorSynopsis")
        self.synopsis_edit.setPlaceholderText("What happens in this scene?")
        self.synopsis_edit.setTabChangesFocus(True)
        self.synopsis_edit.setMaximumHeight(160)
        self.words_label = QLabel()
        self.words_label.setObjectName("inspectorWords")
        self.target_spin = target_spin_box("inspectorTarget")
        _line_edit(self.pov_combo).setPlaceholderText("Point of view")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Title", self.title_edit)
        status = QHBoxLayout()  # status and target share a row: the page still fits a small window
        status.addWidget(self.status_combo, 1)
        status.addWidget(QLabel("Target"))
        status.addWidget(self.target_spin, 1)
        form.addRow("Status", status)
        form.addRow("Point of view", self.pov_combo)
        form.addRow("Synopsis", self.synopsis_edit)
        form.addRow("Words", self.words_label)
        self.scene_page = QWidget()
        self.part_inspector = PartInspector(session)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.scene_page)
        self.pages.addWidget(self.part_inspector)
        layout = self.scene_layout = QVBoxLayout(self.scene_page)
        layout.setContentsMargins(16, 14, 16, 14)
        self.heading.hide()  # the inspector's tab already says "Scene"
        layout.addWidget(self.heading)
        layout.addWidget(self.where_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self.title_edit.editingFinished.connect(lambda: self._commit("title", self.title_edit.text()))
        self.status_combo.activated.connect(
            lambda _i: self._commit("status", self.status_combo.currentText())
        )
        _line_edit(self.status_combo).editingFinished.connect(
            lambda: self._commit("status", self.status_combo.currentText())
        )
        self.pov_combo.activated.connect(lambda _i: self._commit("pov", self.pov_combo.currentText()))
        _line_edit(self.pov_combo).editingFinished.connect(
            lambda: self._commit("pov", self.pov_combo.currentText())
        )
        self.target_spin.editingFinished.connect(self._commit_target)
        self._synopsis_timer = QTimer(self, singleShot=True, interval=800)
        self._synopsis_timer.timeout.connect(self._commit_synopsis)
        self.synopsis_edit.textChanged.connect(self._on_synopsis_typed)
        session.scene_changed.connect(self._on_scene_changed)
        session.outline_changed.connect(self._on_outline_changed)
        session.cast_changed.connect(lambda _change: self.refresh())
        session.scene_text_saved.connect(self._on_scene_changed)
        self.show_scene(None)

    def add_scene_section(self, heading: QLabel, widget: QWidget) -> None:
        """Add a feature's section (a heading and a widget) to the scene page, above its closing stretch."""
        at = max(0, self.scene_layout.count() - 1)
        self.scene_layout.insertWidget(at, heading)
        self.scene_layout.insertWidget(at + 1, widget)

    def show_scene(self, scene_id: str | None) -> None:
        """Show the fields of ``scene_id`` (None shows an empty, disabled inspector)."""
        self._commit_synopsis()
        if self.pages.currentWidget() is not self.scene_page:
            self.part_inspector.show_part(None)  # commits what was typed there
            self.pages.setCurrentWidget(self.scene_page)
        self.scene_id = scene_id
        self.refresh()

    def show_part(self, part_id: str) -> None:
        """Show a part's title, summary and notes (the scene fields wait until a scene is shown)."""
        self._commit_synopsis()
        self.part_inspector.show_part(part_id)
        self.pages.setCurrentWidget(self.part_inspector)

    def showing_part(self) -> bool:
        """Whether the part page is shown."""
        return self.pages.currentWidget() is self.part_inspector

    def refresh(self) -> None:
        """Refill every field from the project."""
        scene = None
        if self.scene_id:
            try:
                scene = self.session.project.scene(self.scene_id)
            except NodeNotFoundError:
                self.scene_id = None
        self._filling = True
        try:
            self._fill_choices(scene.status if scene else "", scene.pov if scene else "")
            self.title_edit.setText(scene.title if scene else "")
            self.status_combo.setCurrentText(scene.status if scene else "")
            self.pov_combo.setCurrentText(scene.pov if scene else "")
            if self.synopsis_edit.toPlainText() != (scene.synopsis if scene else ""):
                self.synopsis_edit.setPlainText(scene.synopsis if scene else "")
            self.words_label.setText(progress_text(scene.words, scene.target) if scene else "—")
            self.target_spin.setValue(scene.target if scene else 0)
            self.where_label.setText(self._where(scene.id) if scene else "No scene selected")
            editable = scene is not None and not self.session.read_only
            for widget in (
                self.title_edit,
                self.status_combo,
                self.pov_combo,
                self.synopsis_edit,
                self.target_spin,
            ):
                widget.setEnabled(editable)
        finally:
            self._filling = False

    def _on_outline_changed(self, change: OutlineChange) -> None:
        """Refill when the scene shown was renamed, removed or reloaded; else only its place."""
        if self.scene_id is None:
            return
        if change.touches(self.scene_id) and change.kind != OutlineChangeKind.MOVED:
            self.refresh()
        else:
            self.where_label.setText(self._where(self.scene_id))  # "part · scene i of n" may change

    def _where(self, scene_id: str) -> str:
        project = self.session.project
        try:
            position = project.locate(scene_id)
        except NodeNotFoundError:
            return "In the trash"
        part = project.part(position.part_id)
        return f"{part.title} · scene {position.index + 1} of {len(part.scenes)}"

    def _fill_choices(self, status: str, pov: str) -> None:
        statuses = list(DEFAULT_STATUSES)
        for scene in self.session.project.iter_scenes():
            if scene.status and scene.status not in statuses:
                statuses.append(scene.status)
        _set_items(self.status_combo, statuses)
        names = [c.name for c in self.session.project.characters]
        if pov and pov not in names:
            names.append(pov)
        _set_items(self.pov_combo, ["", *names])

    def _commit(self, field: str, value: str) -> None:
        if self._filling or not self.scene_id:
            return
        value = value.strip() if field != "synopsis" else value
        if field == "title" and not value:
            self.refresh()
            return
        try:
            scene = self.session.project.scene(self.scene_id)
        except NodeNotFoundError:
            return
        if getattr(scene, field) == value:
            return
        # A failure is reported by the command (session.save_error) and the fields refill.
        self.session.push(SetSceneFieldsCommand(self.session, self.scene_id, **{field: value}))

    def _commit_target(self) -> None:
        if self._filling or not self.scene_id:
            return
        try:
            scene = self.session.project.scene(self.scene_id)
        except NodeNotFoundError:
            return
        if scene.target != self.target_spin.value():
            self.session.push(
                SetSceneFieldsCommand(self.session, self.scene_id, target=str(self.target_spin.value()))
            )

    def _on_synopsis_typed(self) -> None:
        if not self._filling:
            self._synopsis_dirty = True
            self._synopsis_timer.start()

    def _commit_synopsis(self) -> None:
        """Commit the synopsis typed so far (after a pause, on leaving the field or the scene)."""
        self._synopsis_timer.stop()
        if self._synopsis_dirty:
            self._synopsis_dirty = False
            self._commit("synopsis", self.synopsis_edit.toPlainText())

    def _on_scene_changed(self, scene_id: str) -> None:
        if scene_id == self.scene_id:
            self.refresh()


def _line_edit(box: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (which always has one)."""
    line_edit = box.lineEdit()
    assert line_edit is not None, "the combo box is not editable"
    return line_edit


def _set_items(box: QComboBox, items: list[str]) -> None:
    """Give a combo box these items, touching its model only if they differ."""
    if [box.itemText(i) for i in range(box.count())] != items:
        box.clear()
        box.addItems(items)
