"""Publishing in the window: File > Export… (Ctrl+E), File > Import… (undoable) and Import as New Project…"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from studio.core.errors import StudioError
from studio.gui import messages

if TYPE_CHECKING:  # the dialogs and the importer load on first use, not while the window opens
    from studio.core.importing.plan import ImportPlan
    from studio.gui.main_window import MainWindow
    from studio.gui.publishing.export_dialog import ExportDialog
    from studio.gui.publishing.import_dialog import ImportDialog


def current_part_id(window: MainWindow) -> str | None:
    """The part of the scene being edited, or of the current outline row."""
    project = window.project
    scene_id = window.editor.current_scene_id() if hasattr(window, "editor") else None
    outline = getattr(window, "outline_view", None)
    current = outline.current_id() if outline is not None and hasattr(outline, "current_id") else None
    for node_id in (current, scene_id):
        if not node_id:
            continue
        if any(part.id == node_id for part in project.parts):
            return node_id
        try:
            return project.part_of(node_id).id
        except Exception:  # noqa: BLE001 (a stale id: try the next one)
            continue
    return None


def selected_scene_ids(window: MainWindow) -> list[str]:
    """The scenes selected in the outline (parts stand for all their scenes)."""
    outline = getattr(window, "outline_view", None)
    ids = outline.selection_ids() if outline is not None and hasattr(outline, "selection_ids") else []
    project = window.project
    scenes: list[str] = []
    for node_id in ids:
        part = next((p for p in project.parts if p.id == node_id), None)
        scenes.extend(s.id for s in part.scenes) if part else scenes.append(node_id)
    return scenes


def open_export(window: MainWindow) -> ExportDialog:
    """Save what is typed, then show the Export dialog for the current part or selection."""
    from studio.gui.publishing.export_dialog import ExportDialog

    save_all = getattr(window, "save_all", None)
    if save_all is not None:
        save_all()
    old = getattr(window, "export_dialog", None)
    if old is not None:
        old.deleteLater()
    dialog = ExportDialog(window.project, current_part_id(window), selected_scene_ids(window), window)
    dialog.open()
    window.export_dialog = dialog
    return dialog


def open_import(window: MainWindow) -> ImportDialog:
    """Show the Import dialog; accepted parts are appended to the open project as one undoable step."""
    from studio.gui.publishing.import_dialog import ImportDialog

    old = getattr(window, "import_dialog", None)
    if old is not None:
        old.deleteLater()
    dialog = ImportDialog(window)
    window.import_dialog = dialog

    def accepted() -> None:
        if dialog.plan is None or window.session.read_only:
            return
        from studio.app.commands.imports import ImportPartsCommand

        command = ImportPartsCommand(window.session, dialog.plan)
        window.session.push(command)
        if command.part_ids and hasattr(window.outline_view, "select_ids"):
            window.outline_view.select_ids(command.part_ids[:1])
        window.statusBar().showMessage(f"Imported {dialog.plan.words:,} words", 5000)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def open_import_new_project(window: MainWindow) -> ImportDialog | None:
    """Ask for files, preview them, ask for a new folder, create the project there and open it."""
    from studio.gui.publishing import import_dialog

    files = import_dialog.choose_import_files(window)
    if not files:
        return None
    old = getattr(window, "import_dialog", None)
    if old is not None:
        old.deleteLater()
    dialog = import_dialog.ImportDialog(window, files, new_project=True)
    dialog.folder_hint = window.project.root.parent
    window.import_dialog = dialog

    def accepted() -> None:
        if dialog.plan is not None and dialog.target is not None:
            create_imported_project(window, dialog.plan, dialog.target)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def create_imported_project(window: MainWindow, plan: ImportPlan, target: Path) -> QWidget | None:
    """Create a project at ``target`` from ``plan`` and open it in place of ``window``."""
    from studio.core.importing.apply import apply_plan
    from studio.gui import app

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        apply_plan(target, plan)
    except (StudioError, OSError) as error:
        messages.inform(window, "Cannot create the project", str(error))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    opened = app.open_project(target, window)
    if opened is None:
        window.statusBar().showMessage(f"Created {target}; open it with File > Open Project…", 8000)
        return None
    opened.statusBar().showMessage(f"Imported {plan.words:,} words into a new project", 5000)  # type: ignore[attr-defined]
    return opened


def install(window: MainWindow) -> None:
    """Connect File > Export…, File > Import… and File > Import as New Project… in ``window``."""
    export_action = window.findChild(QAction, "exportAction")
    import_action = window.findChild(QAction, "importAction")
    if export_action is not None:
        _take_over(window, export_action, lambda: open_export(window))
        export_action.setToolTip("Publish the manuscript, this part or the selected scenes as text")
        export_action.setStatusTip(export_action.toolTip())
    if import_action is not None:
        _take_over(window, import_action, lambda: open_import(window))
        import_action.setToolTip("Import parts from plain text or Markdown files")
        import_action.setStatusTip(import_action.toolTip())
        import_action.setEnabled(not window.session.read_only)
    new_project_action = QAction("Import as &New Project…", window)
    new_project_action.setObjectName("importNewProjectAction")
    new_project_action.setToolTip("Make a new project from plain text or Markdown files")
    new_project_action.setStatusTip(new_project_action.toolTip())
    new_project_action.triggered.connect(lambda _checked=False: open_import_new_project(window))
    menu = window.menu("file")
    if export_action is not None:
        menu.insertAction(export_action, new_project_action)  # right after File > Import…
    else:
        menu.addAction(new_project_action)


def _take_over(window: MainWindow, action: QAction, slot: Callable[[], object]) -> None:
    setter = getattr(window, "set_action_handler", None)
    if setter is not None:
        setter(action, slot)
        return
    with contextlib.suppress(RuntimeError, TypeError):
        action.triggered.disconnect()
    action.triggered.connect(lambda _checked=False: slot())
