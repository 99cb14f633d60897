"""Import as New Project from the window, and splitting a scene in the import preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from studio.core import load_project
from studio.core.counting import words_of
from studio.gui import app as gui_app
from studio.gui.publishing import import_dialog
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.publishing.import_dialog import ImportDialog
from tests.gui.window_helpers import make_story, open_test_window

POSTED = """The Long Road Home
By Jane Q. Writer

Part Five: The Last Night of the World

"Don't go," she said.

He stood at the door a long while, the key cold in his hand.

"I have to," he said at last.

Outside, the rain had started again.

* * *

Morning came grey and cold.

Part Six: The Morning After

Light over the harbour.
"""

FIRST_SCENE = [
    '"Don\'t go," she said.',
    "He stood at the door a long while, the key cold in his hand.",
    '"I have to," he said at last.',
    "Outside, the rain had started again.",
]


def ok_button(dialog):  # noqa: ANN001, ANN201
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def posted(tmp_path: Path) -> Path:
    source = tmp_path / "long-road.txt"
    source.write_text(POSTED, encoding="utf-8")
    return source


def test_split_scene_in_preview_keeps_every_word_in_order(qtbot, posted: Path) -> None:  # noqa: ANN001
    dialog = ImportDialog(files=[posted])
    qtbot.addWidget(dialog)
    before = [words_of(p) for part in dialog.plan.parts for s in part.scenes for p in s.paragraphs]
    dialog.select(0)
    assert not dialog.split_scene_button.isEnabled()  # a part is selected
    dialog.select(0, 1)
    assert not dialog.split_scene_button.isEnabled()  # one paragraph: nothing to split
    dialog.select(0, 0)
    assert dialog.split_scene_button.isEnabled()
    dialog.split_scene_button.click()
    chooser = dialog.split_scene_dialog
    assert chooser is not None and chooser.isVisible()
    assert chooser.list.count() == 4
    assert chooser.list.item(1).text() == "2.  He stood at the door a long while, the key cold in his hand."
    chooser.choose(0)  # the first paragraph already begins the scene
    assert chooser.paragraph_index == -1 and not ok_button(chooser).isEnabled()
    chooser.choose(2)
    assert ok_button(chooser).isEnabled()
    ok_button(chooser).click()
    part = dialog.tree.topLevelItem(0)
    assert [part.child(i).text(0) for i in range(3)] == ["Scene 1", "Scene 2", "Scene 3"]
    assert part.child(1).text(2).startswith('"I have to," he said')
    assert dialog.tree.currentItem() is part.child(1)
    scenes = dialog.plan.parts[0].scenes
    assert scenes[0].paragraphs == FIRST_SCENE[:2] and scenes[1].paragraphs == FIRST_SCENE[2:]
    after = [words_of(p) for part in dialog.plan.parts for s in part.scenes for p in s.paragraphs]
    assert after == before


def test_import_as_new_project_creates_and_opens_it(qtbot, tmp_path: Path, posted: Path, monkeypatch) -> None:  # noqa: ANN001
    make_story(tmp_path / "story")
    window = open_test_window(qtbot, tmp_path / "story")
    names = [a.objectName() for a in window.menu("file").actions()]
    assert names.index("importNewProjectAction") == names.index("importAction") + 1
    assert names.index("exportAction") == names.index("importAction") + 2
    suggested: list[Path] = []
    answers = ["", str(tmp_path / "story")]  # cancel, then a folder that is not empty

    def choose_folder(_parent, suggestion: Path) -> str:  # noqa: ANN001
        suggested.append(suggestion)
        return answers.pop(0) if answers else str(suggestion)

    monkeypatch.setattr(import_dialog, "choose_import_files", lambda _parent, _start="": [str(posted)])
    monkeypatch.setattr(import_dialog, "choose_project_folder", choose_folder)
    window.findChild(QAction, "importNewProjectAction").trigger()
    dialog = PublishingFeature.instance(window).import_dialog
    assert dialog.windowTitle() == "Import as New Project" and dialog.isVisible()
    assert dialog.tree.topLevelItemCount() == 2
    dialog.select(0, 0)
    dialog.split_scene_button.click()
    dialog.split_scene_dialog.choose(3)
    ok_button(dialog.split_scene_dialog).click()

    ok_button(dialog).click()  # cancelled: still open, nothing made
    assert dialog.isVisible() and dialog.target is None
    ok_button(dialog).click()  # an existing project: refused with a reason
    assert dialog.isVisible() and "not empty" in dialog.error_label.text()
    assert [p.title for p in load_project(tmp_path / "story", read_only=True).parts] == ["One", "Two"]

    target = tmp_path / "the-long-road-home"
    assert suggested[-1] == target
    ok_button(dialog).click()
    opened = next(w for w in gui_app.WINDOWS if getattr(w, "project", None) and w.project.root == target)
    qtbot.addWidget(opened)
    assert not window.isVisible() and opened.isVisible()
    assert opened.windowTitle().startswith("The Long Road Home")

    project = load_project(target, read_only=True)
    assert (project.title, project.author) == ("The Long Road Home", "Jane Q. Writer")
    assert [p.title for p in project.parts] == ["The Last Night of the World", "The Morning After"]
    assert [len(p.scenes) for p in project.parts] == [3, 1]
    texts = [project.scene_text(s.id) for s in project.parts[0].scenes]
    first = "".join(f"{p}\n" for p in FIRST_SCENE[:3])
    assert texts == [first, FIRST_SCENE[3] + "\n", "Morning came grey and cold.\n"]
    assert project.settings["export"]["part_heading"] == "Part {number_words}: {title}"
    assert [p.title for p in opened.project.parts] == [p.title for p in project.parts]
    model = opened.outline_view.model()
    assert model.rowCount() == 2
