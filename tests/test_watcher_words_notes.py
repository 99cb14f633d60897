"""The watcher sorts outside edits of words.txt and character notes (real observer, real files)."""

from __future__ import annotations

import pytest

from studio.core import create_project
from studio.core.safety.watcher import reload_word_list
from studio.core.storage import WORDLIST_NAME


@pytest.fixture
def project(tmp_path):
    project = create_project(tmp_path / "story", "Watched")
    project.add_character("Mara Quill", notes="Tall.\n")
    project.word_list = ["Quillon"]
    project.save_word_list()
    return project


def notes_path(project):
    return project.store.character_path(project.characters[0].file)


def test_outside_edits_of_word_list_and_notes_are_changes(project, watched):
    (project.root / WORDLIST_NAME).write_text("Quillon\nZorblax\n", "utf-8")
    notes_path(project).write_text("Tall. Sails.\n", "utf-8")
    assert watched.wait_for(lambda b: sum(len(x) for x in b) >= 2)
    changes = watched.classified()
    assert changes.word_list_changed and changes.notes_changed == [project.characters[0].id]
    assert not changes.scenes_changed and not changes.manifest_changed and changes
    assert reload_word_list(project) == ""
    assert project.word_list == ["Quillon", "Zorblax"]


def test_own_word_list_and_notes_writes_are_recognised_by_content(project, watched):
    project.word_list.append("Zorblax")
    project.save_word_list()
    project.set_character_notes(project.characters[0].id, "Written by the app.\n")
    marker = project.root / "scenes" / "marker.txt"
    marker.write_text("x", "utf-8")  # an outside event after ours: once seen, ours were seen too
    assert watched.wait_for(lambda b: any(marker in batch for batch in b))
    changes = watched.classified()
    assert not changes.word_list_changed and changes.notes_changed == []


def test_unreadable_word_list_keeps_the_list_in_memory(project):
    (project.root / WORDLIST_NAME).write_bytes(b"Zorbl\xe4x\n")
    assert "not valid UTF-8" in reload_word_list(project)
    assert project.word_list == ["Quillon"]
    (project.root / WORDLIST_NAME).unlink()
    assert reload_word_list(project) == ""
    assert project.word_list == []
