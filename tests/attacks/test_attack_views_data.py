"""Attacks on the story bible data (issue 17, viewscore): hostile notes files, label undo, the lock."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from studio.app.commands.labels import AddLabelCommand, RemoveLabelCommand, SetSceneLabelsCommand
from studio.app.commands.notes import DeleteNoteCommand
from studio.core import load_project
from studio.core.safety.locking import acquire
from tests.conftest import run_cli
from tests.gui.outline_helpers import make_session, manifest

TEXTS = {"One": ["Mara walked to Harrow Point.", "The wind."], "Two": ["Rain at Harrow Point."]}
LATIN1_NOTES = b"Caf\xe9 by the harbour; the keeper's notes, written elsewhere in Latin-1.\n"


def test_deleting_a_place_with_a_non_utf8_notes_file_then_undo_gives_its_bytes_back(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", TEXTS)
    project = session.project
    note = project.add_note("Harrow Point", "place", text="placeholder")
    path = project.note_path(note)
    path.write_bytes(LATIN1_NOTES)  # written by another editor, in Latin-1
    session.run(DeleteNoteCommand(session, note.id))
    session.undo_stack.undo()
    assert path.read_bytes() == LATIN1_NOTES


def test_removing_a_label_then_undo_is_byte_exact_with_unknown_and_repeated_ids(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", TEXTS)
    project = session.project
    for name in ("Ghost", "Love", "Debt"):
        session.run(AddLabelCommand(session, name))
    ghost, love, debt = (label.id for label in project.labels)
    first, second, third = (s.id for s in project.iter_scenes())
    session.run(SetSceneLabelsCommand(session, {first: [debt, ghost, love], second: [ghost], third: [love]}))
    # A scene that names a label no one defines, and names one twice (hand-edited story.json).
    doc = json.loads(manifest(project.root))
    doc["parts"][0]["scenes"][1]["labels"] = ["gone-label", ghost, ghost]
    (project.root / "story.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    session = make_session_on(project.root)
    before = manifest(project.root)
    session.run(RemoveLabelCommand(session, ghost))
    assert ghost not in (manifest(project.root)).decode()
    session.undo_stack.undo()
    assert manifest(project.root) == before
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert manifest(project.root) == before


def make_session_on(root: Path):  # noqa: ANN201
    """A session over the project at ``root`` as it is on disk now (saved once in its own format)."""
    from studio.app.session import ProjectSession

    project = load_project(root)
    title = project.title
    project.set_info(title=title + " (saved)")
    project.set_info(title=title)
    return ProjectSession(project)


def test_notes_add_is_refused_while_the_window_holds_the_lock_and_changes_nothing(tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", TEXTS)
    root = session.project.root
    before = manifest(root)
    lock = acquire(root)
    try:
        result = run_cli("notes", "add", str(root), "Bell Tower", "--kind", "place")
    finally:
        lock.release()
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert manifest(root) == before
    assert not (root / "notes").exists() or not any((root / "notes").iterdir())


def test_the_sample_project_is_byte_identical_after_open_and_a_save(tmp_path):  # noqa: ANN001
    sample = Path(__file__).resolve().parents[2] / "projects" / "the-lamplighters-daughter"
    root = tmp_path / "sample"
    shutil.copytree(sample, root, ignore=shutil.ignore_patterns(".studio"))
    files = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    project = load_project(root)
    title = project.title
    project.set_info(title=title + " (saved)")
    project.set_info(title=title)  # two manifest writes through the current writer
    for rel, payload in files.items():
        assert (root / rel).read_bytes() == payload, rel
    assert load_project(root).labels == [] and load_project(root).notes == []


def test_a_places_notes_file_linked_outside_is_never_written_through(tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", TEXTS)
    project = session.project
    note = project.add_note("Harrow Point", "place", text="mine")
    outside = tmp_path / "outside.txt"
    outside.write_text("not the project's\n", "utf-8")
    path = project.note_path(note)
    path.unlink()
    os.symlink(outside, path)
    project = load_project(project.root)
    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal will do, as long as nothing is written
        project.set_note_text(note.id, "overwritten")
    assert outside.read_text("utf-8") == "not the project's\n"


def test_a_deleted_place_with_notes_can_still_be_restored_after_the_app_closes(qtbot, tmp_path):  # noqa: ANN001
    session = make_session(tmp_path / "p", TEXTS)
    project = session.project
    note = project.add_note("Harrow Point", "place", text="Three winters of notes on the lamp.\n")
    session.run(DeleteNoteCommand(session, note.id))
    reopened = load_project(project.root)  # the app closed; its undo stack is gone
    in_trash = [item for item in reopened.trash if item.node.id == note.id]
    assert in_trash or (project.notes_dir / note.file).exists()  # the characters' Delete goes to the Trash
