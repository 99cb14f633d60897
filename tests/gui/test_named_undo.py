"""Edit › Undo and Redo say what they undo: after a real drag, and for every kind of outline change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from studio.app import commands
from studio.app.commands.base import ProjectCommand, quoted
from studio.app.commands.characters import AddCharacterCommand, DeleteCharacterCommand
from studio.app.commands.structure import MovePartCommand, SetPartFieldsCommand
from studio.app.session import ProjectSession
from tests.gui.window_helpers import make_story, open_test_window

REPO = Path(__file__).resolve().parents[2]


def shown(action: QAction) -> str:
    """The action's text as the menu shows it (without the mnemonic's ampersand)."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_after_a_real_mouse_drag_edit_undo_reads_move_scene_and_redo_after_undo(tmp_path: Path) -> None:
    """A drag with real mouse events in the real window (a subprocess: QDrag runs a real drag loop)."""
    make_story(tmp_path / "story")
    env = dict(os.environ, QT_QPA_PLATFORM="minimal", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests/gui/named_undo_drag.py"),
            str(tmp_path / "story"),
            "One 1",
            "One 3",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["events"] == ["drag loop running"]
    assert report["outline"][0] == ["One", ["One 2", "One 1", "One 3"]]
    assert report["after_drag"] == ["&Undo Move Scene “One 1”", "&Redo"]
    assert report["after_undo"] == ["&Undo", "&Redo Move Scene “One 1”"]


def _ids(session: ProjectSession) -> tuple[list[str], list[str]]:
    project = session.project
    return [p.id for p in project.parts], [s.id for s in project.iter_scenes()]


# Each case: what the command is made of (from the session), and what Edit › Undo then reads.
CASES: list[tuple[str, Callable[[ProjectSession], ProjectCommand], str]] = [
    ("new scene", lambda s: commands.AddSceneCommand(s, _ids(s)[0][0]), "New Scene"),
    ("new part", lambda s: commands.AddPartCommand(s), "New Part"),
    (
        "rename",
        lambda s: commands.RenameCommand(s, _ids(s)[1][0], "The Storm"),
        "Rename “One 1” to “The Storm”",
    ),
    (
        "status",
        lambda s: commands.SetSceneFieldsCommand(s, _ids(s)[1][1], status="final"),
        "Set Status of “One 2”",
    ),
    (
        "synopsis",
        lambda s: commands.SetSceneFieldsCommand(s, _ids(s)[1][1], synopsis="x"),
        "Edit Synopsis of “One 2”",
    ),
    ("part fields", lambda s: SetPartFieldsCommand(s, _ids(s)[0][1], summary="y"), "Edit Part “Two”"),
    (
        "move one",
        lambda s: commands.MoveScenesCommand(s, _ids(s)[1][:1], _ids(s)[0][1], 0),
        "Move Scene “One 1”",
    ),
    ("move two", lambda s: commands.MoveScenesCommand(s, _ids(s)[1][:2], _ids(s)[0][1], 0), "Move 2 Scenes"),
    ("move part", lambda s: MovePartCommand(s, _ids(s)[0][1], 0), "Move Part “Two”"),
    ("delete one", lambda s: commands.DeleteCommand(s, _ids(s)[1][2:3]), "Delete “One 3”"),
    ("delete two", lambda s: commands.DeleteCommand(s, _ids(s)[1][1:3]), "Delete 2 Items"),
    ("split", lambda s: commands.SplitSceneCommand(s, _ids(s)[1][1], 5), "Split “One 2”"),
    ("merge", lambda s: commands.MergeScenesCommand(s, *_ids(s)[1][1:3]), "Merge “One 2” and “One 3”"),
    ("new character", lambda s: AddCharacterCommand(s, "Mara"), "New Character “Mara”"),
]


@pytest.mark.parametrize(("case", "make", "label"), CASES, ids=[c[0] for c in CASES])
def test_every_outline_change_names_edit_undo_and_redo(qtbot, tmp_path: Path, case, make, label) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.outline_view.setFocus()
    undo, redo = window.findChild(QAction, "undoAction"), window.findChild(QAction, "redoAction")
    session = window.session
    session.push(make(session))
    assert session.undo_stack.count() == 1, case
    window.menu("edit").aboutToShow.emit()
    assert (shown(undo), shown(redo)) == (f"Undo {label}", "Redo")
    undo.trigger()
    window.menu("edit").aboutToShow.emit()
    assert (shown(undo), shown(redo)) == ("Undo", f"Redo {label}")


def test_restore_from_trash_and_delete_character_are_named(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    character = project.add_character("Jess Summers")
    window = open_test_window(qtbot, project.root)
    session = window.session
    scene = session.project.parts[0].scenes[0]
    session.push(commands.DeleteCommand(session, [scene.id]))
    restore = commands.RestoreCommand(session, [scene.id])
    assert restore.text() == "Restore “One 1”"
    session.push(restore)
    assert DeleteCharacterCommand(session, character.id).text() == "Delete Character “Jess Summers”"


def test_a_long_title_is_cut_short_in_the_menu() -> None:
    assert (
        quoted("A Title Far Too Long to Read in a Menu Comfortably") == "“A Title Far Too Long to Read in…”"
    )
    assert quoted("  ") == "“Untitled”"


def test_a_title_with_an_ampersand_shows_whole_in_both_menus(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    project = make_story(tmp_path / "story")
    window = open_test_window(qtbot, project.root)
    window.outline_view.setFocus()
    session = window.session
    session.push(commands.RenameCommand(session, session.project.parts[0].scenes[0].id, "Salt & Sea"))
    window.menu("edit").aboutToShow.emit()
    assert shown(window.findChild(QAction, "undoAction")) == "Undo Rename “One 1” to “Salt & Sea”"
    assert shown(window.findChild(QAction, "undoStructureAction")) == "Undo Rename “One 1” to “Salt & Sea”"
