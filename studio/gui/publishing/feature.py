"""Publishing in the window: Export… (Ctrl+E), Post Chapter… (Ctrl+Shift+E), Import…, Import as New Project…

Posting also adds *Post Chapter…* and *Show Changes Since Posted* to the outline's menu on a part,
and shows a part's title, summary and notes in the inspector when a part is the outline's current row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from studio.core.errors import StudioError
from studio.gui import messages
from studio.gui.features import WindowFeature
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:  # the dialogs and the importer load on first use, not while the window opens
    from studio.core.importing.plan import ImportPlan
    from studio.gui.main_window import MainWindow
    from studio.gui.publishing.export_dialog import ExportDialog
    from studio.gui.publishing.import_dialog import ImportDialog
    from studio.gui.publishing.posting_dialog import PostingDialog
    from studio.gui.safety.diff_view import CompareDialog


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
        self.import_action.setIcon(icon(Icon.IMPORT))
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
        self.export_action.setIcon(icon(Icon.EXPORT))
        self.posting_dialog: PostingDialog | None = None
        self.post_action = self._action(
            "&Post Chapter…",
            "postChapterAction",
            "Ready this part for a site: preview, pre-flight check, copy, mark as posted",
            self.open_posting,
        )
        self.post_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.post_action.setIcon(icon(Icon.POST))
        anchor = window.menu_section("file", "publish")
        window.menu("file").insertActions(
            anchor, [self.import_action, self.import_new_project_action, self.export_action, self.post_action]
        )
        self.changes_action = self._action(
            "Show &Changes Since Posted",
            "postedChangesAction",
            "Compare what was last posted of this part with the text now",
            self.show_changes_since_posted,
        )
        self.changes_action.setIcon(icon(Icon.CHANGES))
        outline = window.outline_view
        outline.part_actions += [self.post_action, self.changes_action]
        outline.selectionModel().currentChanged.connect(self._on_outline_current)
        outline.outline_model.posted.changed.connect(lambda _id: self._update_changes_action())
        self._update_changes_action()

    def _action(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _on_outline_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A part made current shows its fields in the inspector; a scene brings the scene fields back."""
        model = self.window.outline_view.outline_model
        node_id = model.node_id(current)
        inspector = self.window.inspector
        if node_id and model.is_part(current):
            inspector.show_part(node_id)
        elif node_id and inspector.showing_part() and not model.following:
            inspector.show_scene(self.window.editor.current_scene_id() or node_id)
        self._update_changes_action()

    def _update_changes_action(self) -> None:
        part_id = self.window.outline_view.current_id()
        posted = bool(part_id) and bool(self.window.outline_view.outline_model.posted.posts(part_id or ""))
        self.changes_action.setEnabled(posted)

    def open_posting(self, part_id: str | None = None) -> PostingDialog:
        """Save what is typed, then show the posting dialog for ``part_id`` (default: the current part)."""
        from studio.gui.publishing.posting_dialog import PostingDialog

        window = self.window
        window.save_all()
        if self.posting_dialog is not None:
            self.posting_dialog.close()
            self.posting_dialog.deleteLater()
        part = part_id or current_part_id(window)
        parts = {p.id for p in window.project.parts}
        chosen = any(i not in parts for i in window.outline_view.selection_ids())
        scenes = selected_scene_ids(window) if chosen else []  # offered beside the parts
        dialog = PostingDialog(window.session, part, scenes, window)
        dialog.posted.connect(lambda _part, _site: window.outline_view.outline_model.posted.refresh_all())
        dialog.show()
        self.posting_dialog = dialog
        return dialog

    def show_changes_since_posted(self, part_id: str | None = None) -> CompareDialog | None:
        """Compare the part's last post (on the site it was last posted on) with its text now."""
        from studio.gui.publishing.posting_actions import latest_post_site, show_changes

        window = self.window
        window.save_all()
        part = part_id or window.outline_view.current_id()
        site = latest_post_site(window.project, part) if part else None
        if not part or not site:
            window.statusBar().showMessage("This part is not marked as posted", 4000)
            return None
        return show_changes(window, window.project, part, site)

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
