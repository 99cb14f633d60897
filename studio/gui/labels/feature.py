"""Labels and story time in the window: Tools › Labels…, View › Threads, Scene › Labels and Story Time…."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from studio.app.commands.labels import SetSceneLabelsCommand
from studio.gui.features import WindowFeature
from studio.models.labels_model import label_colour

if TYPE_CHECKING:
    from studio.gui.labels.dialog import LabelsDialog
    from studio.gui.labels.story_time_dialog import StoryTimeDialog
    from studio.gui.labels.threads import ThreadsView
    from studio.gui.main_window import MainWindow


class LabelsFeature(WindowFeature):
    """Opens the Labels dialog and the Threads view; labels the scene being edited."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.dialog: LabelsDialog | None = None
        self.threads: ThreadsView | None = None
        self.manage_action = window.menu("tools").addAction("&Labels…", self.show_labels)
        self.manage_action.setObjectName("manageLabelsAction")
        self.manage_action.setStatusTip("Add, rename, recolour and delete the labels (plot threads)")
        self.threads_action = window.menu("view").addAction("&Threads", self.show_threads)
        self.threads_action.setObjectName("threadsAction")
        self.threads_action.setStatusTip("Which label (plot thread) appears in which part")
        self.scene_menu = QMenu("&Labels", window)
        self.scene_menu.setObjectName("sceneLabelsMenu")
        self.scene_menu.aboutToShow.connect(self.fill_scene_menu)
        window.menu("scene").addMenu(self.scene_menu)
        self.story_time_action = window.menu("scene").addAction("Story &Time…", self.edit_story_time)
        self.story_time_action.setObjectName("storyTimeAction")
        self.story_time_action.setStatusTip("When this scene happens in the story (for the timeline)")
        self.story_time_dialog: StoryTimeDialog | None = None

    def show_labels(self) -> LabelsDialog:
        """Show the Labels dialog (one per window)."""
        if self.dialog is None:
            from studio.gui.labels.dialog import LabelsDialog

            self.dialog = LabelsDialog(self.session, self.window)
            self.dialog.message.connect(lambda text: self.window.statusBar().showMessage(text, 5000))
        self.dialog.show()
        return self.dialog

    def show_threads(self) -> ThreadsView:
        """Show the Threads view (one per window)."""
        if self.threads is None:
            from studio.gui.labels.threads import ThreadsView

            self.threads = ThreadsView(self.session, self.window)
        self.threads.show()
        return self.threads

    def edit_story_time(self) -> StoryTimeDialog | None:
        """Open the story time of the scene being edited (window-modal, never blocking)."""
        from studio.gui.labels.story_time_dialog import StoryTimeDialog

        scene_id = self.window.editor.current_scene_id()
        if not scene_id:
            self.window.statusBar().showMessage("Open a scene to give it a story time.", 5000)
            return None
        self.story_time_dialog = StoryTimeDialog(self.session, scene_id, self.window)
        self.story_time_dialog.open()
        return self.story_time_dialog

    def fill_scene_menu(self) -> None:
        """List the labels, checked for the scene being edited; choosing one toggles it."""
        self.scene_menu.clear()
        scene_id = self.window.editor.current_scene_id()
        project = self.session.project
        for label in project.labels:
            action = QAction(label.name, self.scene_menu)
            pixmap = QPixmap(12, 12)
            pixmap.fill(label_colour(label.colour))
            action.setIcon(QIcon(pixmap))
            action.setCheckable(True)
            action.setChecked(scene_id is not None and label.id in project.scene(scene_id).labels)
            action.setEnabled(bool(scene_id) and not self.session.read_only)
            action.toggled.connect(lambda on, lid=label.id: self.toggle(lid, on))
            self.scene_menu.addAction(action)
        if project.labels:
            self.scene_menu.addSeparator()
        self.scene_menu.addAction("Manage Labels…", self.show_labels)

    def toggle(self, label_id: str, on: bool) -> None:
        """Set or clear a label on the scene being edited (one undo step)."""
        scene_id = self.window.editor.current_scene_id()
        if scene_id:
            self.session.push(SetSceneLabelsCommand.toggled(self.session, [scene_id], label_id, on))
