"""The manuscript outline tree: drag and drop, keyboard moves, rename, delete, new scene and part."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from studio.app import commands
from studio.app.session import ProjectSession
from studio.gui import messages
from studio.gui.outline.moves import step_down, step_up
from studio.gui.outline.title_delegate import OutlineTitleDelegate
from studio.models.outline_model import TITLE_COLUMN, WORDS_COLUMN, OutlineModel

Shortcuts = list[str]
TREE_ONLY = Qt.ShortcutContext.WidgetWithChildrenShortcut


class OutlineView(QTreeView):
    """Tree of parts and scenes over an ``OutlineModel``; every change goes through the undo stack."""

    scene_activated = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineTree")
        self.session = session
        self.outline_model = OutlineModel(session, self)
        self.setModel(self.outline_model)
        self._last_activated: str | None = None
        self._choosing = False  # a delete is choosing the next selection itself
        # Actions a feature adds for a part row (Post Chapter…, Show Changes Since Posted); they act
        # on the current row, which the right click made the part.
        self.part_actions: list[QAction] = []
        self._setup_look()
        self._setup_drag_and_drop()
        self._build_actions()
        self.outline_model.rowsInserted.connect(self._expand_new_parts)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.outline_model.change_applied.connect(self._after_change)
        self.update_actions()

    # -- set-up ----------------------------------------------------------------------
    def _setup_look(self) -> None:
        self.setHeaderHidden(True)
        self.setItemDelegateForColumn(TITLE_COLUMN, OutlineTitleDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Sized to its contents from the first show on (see ``showEvent``).
        header.setSectionResizeMode(WORDS_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setUniformRowHeights(True)
        self.setAnimated(False)
        self.setToolTip("")
        self.setAccessibleName("Manuscript outline")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """On the first show, expand every part, then let the words column follow its contents.

        Not before: each container the tree is put in lays out its rows again (five passes over
        every scene of the project), and sizing reads up to 1,000 rows each time.
        """
        header = self.header()
        if header.sectionResizeMode(WORDS_COLUMN) == QHeaderView.ResizeMode.Fixed:
            self.expandAll()  # before the words column sizes to its contents: one sizing pass, not three
            header.setSectionResizeMode(WORDS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        super().showEvent(event)

    def _setup_drag_and_drop(self) -> None:
        self.setDragEnabled(not self.session.read_only)
        self.setAcceptDrops(not self.session.read_only)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)

    def _action(
        self,
        text: str,
        name: str,
        slot: Callable[[], None],
        keys: Shortcuts,
        tip: str,
        context: Qt.ShortcutContext = TREE_ONLY,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(context)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        window = Qt.ShortcutContext.WindowShortcut
        self.new_scene_action = self._action(
            "&New Scene",
            "newSceneAction",
            self.new_scene,
            ["Ctrl+N"],
            "Add a scene after the current one",
            window,
        )
        self.new_part_action = self._action(
            "New &Part",
            "newPartAction",
            self.new_part,
            ["Ctrl+Alt+N"],
            "Add a part after the current one",
            window,
        )
        self.rename_action = self._action(
            "&Rename", "renameAction", self.rename_current, ["F2"], "Rename the current part or scene"
        )
        self.move_up_action = self._action(
            "Move &Up",
            "moveUpAction",
            self.move_up,
            ["Ctrl+Up", "Alt+Shift+Up"],
            "Move the selection up (into the previous part at the top of a part)",
        )
        self.move_down_action = self._action(
            "Move &Down",
            "moveDownAction",
            self.move_down,
            ["Ctrl+Down", "Alt+Shift+Down"],
            "Move the selection down (into the next part at the end of a part)",
        )
        self.delete_action = self._action(
            "Move to &Trash",
            "deleteAction",
            self.delete_selected,
            ["Del"],
            "Send the selected scenes or parts to the trash",
        )
        self.merge_action = self._action(
            "&Merge with Next",
            "outlineMergeAction",
            self.merge_with_next,
            [],
            "Append the next scene of this part to this one",
        )

    def actions_for_menu(self) -> list[QAction]:
        """The structure actions for the window's Scene menu (merge is the window's own)."""
        return [
            self.new_scene_action,
            self.new_part_action,
            self.rename_action,
            self.move_up_action,
            self.move_down_action,
            self.delete_action,
        ]

    def context_actions(self) -> list[QAction]:
        """The actions of the context menu."""
        return [*self.actions_for_menu()[:4], self.move_down_action, self.merge_action, self.delete_action]

    def update_actions(self) -> None:
        """Enable only what makes sense for the selection (nothing structural when read-only)."""
        writable = not self.session.read_only
        ids = self.selection_ids()
        scenes = [i for i in ids if not self._is_part_id(i)]
        parts = [i for i in ids if self._is_part_id(i)]
        movable = bool(ids) and not (scenes and parts) and len(parts) <= 1
        self.new_scene_action.setEnabled(writable)
        self.new_part_action.setEnabled(writable)
        self.rename_action.setEnabled(writable and self.currentIndex().isValid())
        self.move_up_action.setEnabled(writable and movable)
        self.move_down_action.setEnabled(writable and movable)
        self.delete_action.setEnabled(writable and bool(ids))
        self.merge_action.setEnabled(writable and self._next_scene_id() is not None)

    def _after_change(self, _change: object) -> None:
        """The rows follow a change: if the scene last opened left the manuscript, open the current one."""
        self.update_actions()
        gone = self._last_activated and not self.outline_model.index_for_id(self._last_activated).isValid()
        if gone and not self._choosing:
            self._activate_current()

    def _activate_current(self) -> None:
        current = self.current_id()
        if current and not self._is_part_id(current) and current != self._last_activated:
            self._last_activated = current
            self.scene_activated.emit(current)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Qt override: the structure actions, and on a part row the actions features added for parts."""
        menu = QMenu(self)
        menu.addActions(self.context_actions())
        index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
        if self.part_actions and self.outline_model.is_part(index):
            menu.addSeparator()
            menu.addActions(self.part_actions)
        menu.exec(event.globalPos())

    # -- selection -------------------------------------------------------------------------
    def _is_part_id(self, node_id: str) -> bool:
        return self.outline_model.is_part(self.outline_model.index_for_id(node_id))

    def current_id(self) -> str | None:
        """The id of the current row."""
        return self.outline_model.node_id(self.currentIndex())

    def selection_ids(self) -> list[str]:
        """The selected ids in manuscript order."""
        # Optional: Qt returns no selection model before a model is set (the stubs say it always does).
        selection: QItemSelectionModel | None = self.selectionModel()
        rows = selection.selectedRows(TITLE_COLUMN) if selection is not None else []
        return self.outline_model.ids_in_order([nid for nid in map(self.outline_model.node_id, rows) if nid])

    def select_ids(self, node_ids: Sequence[str]) -> None:
        """Select these rows; the first becomes the current row."""
        selection = QItemSelection()
        first = QModelIndex()
        for node_id in node_ids:
            index = self.outline_model.index_for_id(node_id)
            if index.isValid():
                self.expand(index.parent())
                selection.select(index, self.outline_model.index_for_id(node_id, WORDS_COLUMN))
                first = first if first.isValid() else index
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if first.isValid():
            self.selectionModel().setCurrentIndex(first, flags.NoUpdate)
            self.scrollTo(first)

    def select_scene(self, scene_id: str) -> None:
        """Make a scene current (used when the window opens a scene); no ``scene_activated`` echo."""
        if self.current_id() == scene_id:
            return
        self._last_activated = scene_id
        self.select_ids([scene_id])

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.outline_model.following:
            return  # a row between two steps of a change may be leaving: ``_after_change`` decides
        node_id = self.outline_model.node_id(current)
        if node_id and not self.outline_model.is_part(current) and node_id != self._last_activated:
            self._last_activated = node_id
            self.scene_activated.emit(node_id)
        self.update_actions()

    def _expand_new_parts(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.expand(self.outline_model.index(row, 0))

    # -- actions ---------------------------------------------------------------------------
    def _push(self, command: commands.ProjectCommand) -> bool:
        self.session.push(command)
        return not command.error

    def new_scene(self) -> None:
        """Add a scene after the current scene (or at the end of the current part) and rename it."""
        if self.session.read_only:
            return
        project, current = self.session.project, self.current_id()
        stack = self.session.undo_stack
        stack.beginMacro("New Scene")
        try:
            if not project.parts:
                self._push(commands.AddPartCommand(self.session, title="Part 1"))
            if current and self._is_part_id(current):
                part_id, index = current, None
            elif current:
                position = project.locate(current)
                part_id, index = position.part_id, position.index + 1
            else:
                part_id, index = project.parts[-1].id, None
            command = commands.AddSceneCommand(self.session, part_id, index)
            self._push(command)
        finally:
            stack.endMacro()
        if command.scene_id:
            self._select_and_edit(command.scene_id)

    def new_part(self) -> None:
        """Add a part after the current part and rename it."""
        if self.session.read_only:
            return
        project, current = self.session.project, self.current_id()
        index = None
        if current:
            part_id = current if self._is_part_id(current) else project.locate(current).part_id
            index = project.parts.index(project.part(part_id)) + 1
        command = commands.AddPartCommand(self.session, index, title=f"Part {len(project.parts) + 1}")
        if self._push(command) and command.part_id:
            self._select_and_edit(command.part_id)

    def _select_and_edit(self, node_id: str) -> None:
        self.select_ids([node_id])
        self.setFocus()
        self.edit(self.outline_model.index_for_id(node_id))

    def rename_current(self) -> None:
        """Start editing the current row's title."""
        index = self.currentIndex()
        if index.isValid():
            self.edit(index.siblingAtColumn(TITLE_COLUMN))

    def visible_selection_ids(self) -> list[str]:
        """The selected ids the writer can see (not those inside a collapsed part), in order."""
        model = self.outline_model
        return [
            i
            for i in self.selection_ids()
            if self._is_part_id(i) or self.isExpanded(model.index_for_id(model.part_id_of(i) or ""))
        ]

    def delete_selected(self) -> None:
        """Send the visible selection to the trash (asking first for a part that holds scenes)."""
        ids = self.visible_selection_ids()
        if not ids or self.session.read_only:
            return
        scenes = sum(len(self.outline_model.scene_ids_of(i)) for i in ids if self._is_part_id(i))
        if not scenes:
            self._trash(ids)
            return
        parts = [
            self.outline_model.node(self.outline_model.index_for_id(i)) for i in ids if self._is_part_id(i)
        ]
        named = f"the part “{parts[0].title}”" if len(parts) == 1 and parts[0] else f"{len(parts)} parts"
        messages.ask(
            self.window(),
            "Move to Trash",
            f"Move {named} and its {scenes} scene{'s' if scenes != 1 else ''} to the trash?",
            lambda: self._trash(ids),
            "You can restore them from the Trash tab, or undo.",
        )

    def _trash(self, ids: Sequence[str]) -> None:
        ids = self.outline_model.ids_in_order(ids)  # the tree may have changed while the question was open
        if not ids or self.session.read_only:
            return
        neighbour = self._neighbour_outside(ids)
        self._choosing = True
        try:
            done = self._push(commands.DeleteCommand(self.session, ids))
        finally:
            self._choosing = False
        if done and neighbour:
            self.select_ids([neighbour])
            self._activate_current()  # the row may have become current while the rows followed

    def _neighbour_outside(self, ids: Sequence[str]) -> str | None:
        """Where the selection goes after ``ids`` leave: a scene of the same part if one is left.

        The next scene of the first deleted scene's part, else its previous one, else that part
        (empty now); for a deleted part, the nearest scene after it, else before it, else a part.
        """
        model = self.outline_model
        gone = set(ids)
        gone.update(s for i in ids if self._is_part_id(i) for s in model.scene_ids_of(i))
        first = ids[0]
        part_id = model.part_id_of(first)
        if part_id is not None and part_id not in gone:
            scenes = model.scene_ids_of(part_id)
            row = scenes.index(first)
            same_part = [*scenes[row + 1 :], *scenes[:row][::-1]]
            return next((s for s in same_part if s not in gone), part_id)
        parts = model.part_ids()
        order = [n for p in parts for n in (p, *model.scene_ids_of(p))]
        at = order.index(first)
        scenes_after = [n for n in order[at:] if n not in gone and not self._is_part_id(n)]
        scenes_before = [n for n in order[:at][::-1] if n not in gone and not self._is_part_id(n)]
        parts_left = [p for p in order[at:] + order[:at][::-1] if p in parts and p not in gone]
        return next(iter(scenes_after + scenes_before + parts_left), None)

    def move_up(self) -> None:
        """Move the selected scenes (or part) up one step, across part boundaries."""
        self._step(step_up)

    def move_down(self) -> None:
        """Move the selected scenes (or part) down one step, across part boundaries."""
        self._step(step_down)

    def _step(self, planner: Callable) -> None:  # noqa: ANN401
        ids = self.selection_ids()
        if not ids or self.session.read_only:
            return
        command = planner(self.session, ids)
        if command is not None and self._push(command):
            self.select_ids(ids)

    def merge_with_next(self) -> None:
        """Merge the current scene with the next scene of its part."""
        current, following = self.current_id(), self._next_scene_id()
        if current and following:
            self._push(commands.MergeScenesCommand(self.session, current, following))
            self.select_ids([current])

    def _next_scene_id(self) -> str | None:
        """The scene after the current one in its part, as the rows show it (never asks the core)."""
        current = self.current_id()
        if not current or self._is_part_id(current):
            return None
        return self.outline_model.scene_after(current)

    def index_at_point(self, point: QPoint) -> QModelIndex:
        """The index under a viewport point (for tests and tools)."""
        return self.indexAt(point)
