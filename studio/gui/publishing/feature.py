"""Publishing in the window: File > Export… (Ctrl+E), File > Import… (undoable) and Import as New Project…"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from studio.core.errors import StudioError
from studio.gui import messages
from studio.gui.features import WindowFeature

if TYPE_CHECKING:  # the dialogs and the importer load on first use, not while the window opens
    from studio.core.importing.plan import ImportPlan
    from studio.gui.main_window import MainWindow
    from studio.gui.publishing.export_dialog import ExportDialog
    from studio.gui.publishing.import_dialog import ImportDialog


def current_part_id(window: MainWindow) -> str | None:
    """The part of the scene being edited, or of the current outline row."""
    project = window.project
    scene_id = window.editor.current_scene_id()
    current = window.outline_view.current_id()
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
    ids = window.outline_view.selection_ids()
    project = window.project
    scenes: list[str] = []
    for node_id in ids:
        part = next((p for p in project.parts if p.id == node_id), None)
        scenes.extend(s.id for s in part.scenes) if part else scenes.append(node_id)
    return scenes


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


class PublishingFeature(WindowFeature):
    """File > Import…, Import as New Project… and Export… (Ctrl+E), and their dialogs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.export_dialog: ExportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.import_action = self._action(
            "&Import…", "importAction", "Import parts from plain text or Markdown files", self.open_import
        )
        self.import_action.setEnabled(not window.session.read_only)
        self.import_new_project_action = self._action(
            "Import as &New Project…",
            "importNewProjectAction",
            "Make a new project from plain text or Markdown files",
            self.open_import_new_project,
        )
        self.export_action = self._action(
            "&Export…",
            "exportAction",
            "Publish the manuscript, this part or the selected scenes as text",
            self.open_export,
        )
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        anchor = window.menu_section("file", "publish")
        window.menu("file").insertActions(
            anchor, [self.import_action, self.import_new_project_action, self.export_action]
        )

    def _action(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _replace_import_dialog(self, dialog: ImportDialog) -> None:
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        self.import_dialog = dialog

    def open_export(self) -> ExportDialog:
        """Save what is typed, then show the Export dialog for the current part or selection."""
        from studio.gui.publishing.export_dialog import ExportDialog

        window = self.window
        window.save_all()
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        dialog = ExportDialog(window.project, current_part_id(window), selected_scene_ids(window), window)
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def open_import(self) -> ImportDialog:
        """Show the Import dialog; accepted parts are appended to the project as one undoable step."""
        from studio.gui.publishing.import_dialog import ImportDialog

        window = self.window
        dialog = ImportDialog(window)
        self._replace_import_dialog(dialog)

        def accepted() -> None:
            if dialog.plan is not None and not window.session.read_only:
                self.import_plan(dialog.plan)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def import_plan(self, plan: ImportPlan, again: bool = False) -> None:
        """Append ``plan`` as one undoable step; files imported here before only once the user agrees."""
        from studio.app.commands.imports import ImportPartsCommand

        window = self.window
        command = ImportPartsCommand(window.session, plan, again=again)
        try:
            window.session.run(command)
        except StudioError as error:
            duplicate = command.duplicate
            if duplicate is None:
                messages.inform(window, "Cannot import", str(error))
                return
            messages.ask(
                window,
                "Import Again?",
                f"{duplicate.source.name} was already imported on {duplicate.date}.",
                lambda: self.import_plan(plan, again=True),
                details=f"Its parts are still here: {', '.join(duplicate.titles)}. Import a second copy?",
            )
            return
        if command.part_ids:
            window.outline_view.select_ids(command.part_ids[:1])
        window.statusBar().showMessage(f"Imported {plan.words:,} words", 5000)

    def open_import_new_project(self) -> ImportDialog | None:
        """Ask for files, preview them, ask for a new folder, create the project there and open it."""
        from studio.gui.publishing import import_dialog

        window = self.window
        files = import_dialog.choose_import_files(window)
        if not files:
            return None
        dialog = import_dialog.ImportDialog(window, files, new_project=True)
        dialog.folder_hint = window.project.root.parent
        self._replace_import_dialog(dialog)

        def accepted() -> None:
            if dialog.plan is not None and dialog.target is not None:
                create_imported_project(window, dialog.plan, dialog.target)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog
