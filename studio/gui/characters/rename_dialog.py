"""Rename a character everywhere: the new name, which aliases to replace too, and a preview per scene.

Applying writes every changed scene (each atomically; all or none) and renames the
character, as ONE step on the project undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.app.commands.characters import RenameEverywhereCommand, SetCharacterFieldsCommand
from studio.app.session import ProjectSession
from studio.core.characters import RenamePlan, apply_rename, plan_rename
from studio.core.errors import NodeNotFoundError, StudioError
from studio.core.wording import count
from studio.gui.elided import FullTextDelegate


class RenameCharacterDialog(QDialog):
    """Preview and apply a rename across the manuscript; ``renamed(character_id)`` once done."""

    renamed = Signal(str)

    def __init__(
        self, session: ProjectSession, character_id: str, new_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("renameCharacterDialog")
        self.session = session
        self.character_id = character_id
        character = session.project.character(character_id)
        self.setWindowTitle(f"Rename {character.name}")
        self.plans: list[RenamePlan] = []
        self.name_edit = QLineEdit(new_name or character.name)
        self.name_edit.setObjectName("renameNewName")
        self.name_edit.selectAll()
        self.aliases_list = QListWidget()
        self.aliases_list.setObjectName("renameAliases")
        self.aliases_list.setToolTip("Checked aliases are replaced by the new name too")
        for alias in character.aliases:
            item = QListWidgetItem(alias)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.aliases_list.addItem(item)
        self.aliases_list.setMaximumHeight(90)
        self.aliases_list.setVisible(bool(character.aliases))
        self.preview = QTreeWidget()
        self.preview.setObjectName("renamePreview")
        self.preview.setHeaderLabels(["Scene", "Replacements"])
        self.preview.setRootIsDecorated(False)
        self.preview.setItemDelegate(FullTextDelegate(self.preview))  # "The Lamp at … › Tea with…"
        self.preview.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setObjectName("renameSummary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.everywhere_button = QPushButton("Rename Everywhere")
        self.everywhere_button.setObjectName("renameEverywhere")
        self.everywhere_button.setDefault(True)
        self.only_button = QPushButton("Rename Character Only")
        self.only_button.setObjectName("renameOnly")
        self.only_button.setToolTip("Change the name in the character notes; leave the manuscript as it is")
        buttons.addButton(self.everywhere_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.only_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.everywhere_button.clicked.connect(self.rename_everywhere)
        self.only_button.clicked.connect(self.rename_only)
        form = QFormLayout()
        form.addRow("New name", self.name_edit)
        if character.aliases:
            form.addRow("Also replace", self.aliases_list)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Replace “{character.name}” in the manuscript with the new name:"))
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(480, 420)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.update_preview)
        self.name_edit.textChanged.connect(lambda _t: self._timer.start())
        self.aliases_list.itemChanged.connect(lambda _i: self._timer.start())
        self.update_preview()

    def chosen_aliases(self) -> list[str]:
        """The aliases whose mentions are replaced too."""
        items = (self.aliases_list.item(i) for i in range(self.aliases_list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_alias_checked(self, alias: str, checked: bool = True) -> None:
        """Choose whether an alias is replaced too."""
        for item in self.aliases_list.findItems(alias, Qt.MatchFlag.MatchExactly):
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def new_name(self) -> str:
        """The new name, white space tidied."""
        return " ".join(self.name_edit.text().split())

    def update_preview(self) -> None:
        """List each scene that would change, with its number of replacements."""
        self._timer.stop()
        project = self.session.project
        self.preview.clear()
        self.plans = []
        name = self.new_name()
        current = project.character(self.character_id).name
        if not name or name == current:
            self.summary.setText("Type the new name." if not name else "The name is unchanged.")
            self.everywhere_button.setEnabled(False)
            self.only_button.setEnabled(False)
            return
        try:
            self.plans = plan_rename(project, self.character_id, name, self.chosen_aliases())
        except StudioError as error:
            self.summary.setText(str(error))
            self.everywhere_button.setEnabled(False)
            return
        for plan in self.plans:
            item = QTreeWidgetItem([self._scene_label(plan.scene_id), str(plan.count)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, plan.scene_id)
            self.preview.addTopLevelItem(item)
        total = sum(p.count for p in self.plans)
        if self.plans:
            self.summary.setText(
                f"{count(total, 'replacement')} in {count(len(self.plans), 'scene')}. You can undo this."
            )
        else:
            self.summary.setText("No mentions to replace: only the character is renamed.")
        self.everywhere_button.setEnabled(not self.session.read_only)
        self.only_button.setEnabled(not self.session.read_only)

    def rename_everywhere(self) -> bool:
        """Apply the previewed rename as one undoable step; return whether it was done."""
        self.update_preview()
        name = self.new_name()
        if not name:
            return False
        try:
            record = apply_rename(self.session.project, self.character_id, name, self.plans)
            self.session.run(RenameEverywhereCommand(self.session, record))
        except (StudioError, OSError) as error:
            self.summary.setText(f"Not renamed: {error}")
            return False
        self.renamed.emit(self.character_id)
        self.accept()
        return True

    def rename_only(self) -> bool:
        """Rename the character without touching the manuscript."""
        name = self.new_name()
        if not name:
            return False
        try:
            self.session.run(SetCharacterFieldsCommand(self.session, self.character_id, name=name))
        except StudioError as error:
            self.summary.setText(f"Not renamed: {error}")
            return False
        self.renamed.emit(self.character_id)
        self.accept()
        return True

    def _scene_label(self, scene_id: str) -> str:
        project = self.session.project
        try:
            return f"{project.part_of(scene_id).title} › {project.scene(scene_id).title or 'Untitled scene'}"
        except NodeNotFoundError:
            return scene_id
