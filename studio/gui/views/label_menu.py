"""*Labels ›* in the views' context menus: tick a label on the selected scenes, or make a new one.

Each tick is one undoable ``SetSceneLabelsCommand``; *New Label…* defines the label and puts
it on the selected scenes as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from studio.app.commands.labels import AddLabelCommand, SetSceneLabelsCommand
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.labels import check_label_name
from studio.gui import messages
from studio.models.labels_model import label_colour


def labels_menu(
    session: ProjectSession,
    scene_ids: Callable[[], list[str]],
    parent: QWidget,
    manage: Callable[[], object] | None = None,
) -> QMenu:
    """The project's labels, ticked when every selected scene has it; *New Label…*, *Manage Labels…*."""
    menu = QMenu("&Labels", parent)
    menu.setObjectName("viewLabelsMenu")

    def fill() -> None:
        menu.clear()
        chosen = scene_ids()
        project = session.project
        writable = bool(chosen) and not session.read_only
        for label in project.labels:
            action = QAction(_swatch(label_colour(label.colour)), label.name, menu)
            action.setCheckable(True)
            action.setChecked(bool(chosen) and all(label.id in project.scene(i).labels for i in chosen))
            action.setEnabled(writable)
            action.toggled.connect(
                lambda on, label_id=label.id: session.push(
                    SetSceneLabelsCommand.toggled(session, scene_ids(), label_id, on)
                )
            )
            menu.addAction(action)
        if project.labels:
            menu.addSeparator()
        new = menu.addAction("&New Label…")
        new.setEnabled(writable)
        new.triggered.connect(lambda: _ask_new_label(session, scene_ids(), parent))
        if manage is not None:
            menu.addAction("&Manage Labels…", manage)

    menu.aboutToShow.connect(fill)
    fill()
    return menu


def add_new_label(session: ProjectSession, scene_ids: Sequence[str], name: str) -> str:
    """Define label ``name`` and put it on ``scene_ids``, as one undo step; "" or why it was refused."""
    try:
        check_label_name(name, session.project.labels)
    except StudioError as error:
        return str(error)
    stack = session.undo_stack
    stack.beginMacro(f"New Label “{' '.join(name.split())}”")
    try:
        add = AddLabelCommand(session, name)
        session.push(add)
        if add.label is not None and scene_ids:
            session.push(SetSceneLabelsCommand.toggled(session, list(scene_ids), add.label_id, True))
    finally:
        stack.endMacro()
    return add.error


def _ask_new_label(session: ProjectSession, scene_ids: list[str], parent: QWidget) -> None:
    name, ok = QInputDialog.getText(parent, "New Label", "Name of the label (a plot thread, a subplot…):")
    if ok and name.strip():
        problem = add_new_label(session, scene_ids, name)
        if problem:
            messages.inform(parent, "No new label", f"The label was not made: {problem}.")


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)
