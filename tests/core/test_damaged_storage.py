"""The store and the lock against damaged folders: files where folders belong, unreadable files, links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.atomic import atomic_write, check_within
from studio.core.errors import OutsideFolderError, StudioError
from studio.core.safety import locking
from studio.core.storage import ProjectStore
from studio.core.validation import (
    MAX_PROBLEMS,
    NotPlainFileError,
    UnreadableFileError,
    ValueCleaner,
    read_plain_bytes,
)
from tests.core.helpers import make_project


def test_a_folder_where_a_scene_file_belongs_is_never_written_over(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    scene = project.parts[0].scenes[0]
    path = project.store.scene_path(scene)
    path.unlink()
    path.mkdir()
    with pytest.raises(NotPlainFileError, match="not a plain file; not overwritten"):
        project.store.write_text(path, "new", force=True)
    assert path.is_dir()


def test_a_file_where_a_folder_belongs_is_refused_in_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    (project.root / "notes").write_text("x", "utf-8")
    with pytest.raises(NotPlainFileError, match="not a folder"):
        project.store.make_folder(project.root / "notes")
    with pytest.raises(StudioError, match="Not a directory; nothing written"):
        project.store.make_folder(project.root / "notes" / "inner")


def test_a_folder_that_cannot_be_made_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "story")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StudioError, match="cannot create: Permission denied"):
        project.store.make_folder(project.root / "new")


def test_a_scene_that_cannot_be_read_is_kept_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "story"
    make_project(root)
    (root / ".studio" / "word-counts.json").unlink(missing_ok=True)

    original = ProjectStore.read_text

    def refuse(self: ProjectStore, path: Path) -> tuple[str, bool]:
        if path.parent.name != "scenes":
            return original(self, path)
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("studio.core.storage.ProjectStore.read_text", refuse)
    project = load_project(root)
    scene = project.parts[0].scenes[0]
    assert scene.read_only and "cannot be read (Permission denied)" in scene.problem


def test_a_word_list_that_cannot_be_read_is_never_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root)
    (root / "words.txt").unlink()
    (root / "words.txt").symlink_to("words.txt")
    project = load_project(root)
    assert "words.txt cannot be read; ignored and never overwritten" in project.problems
    with pytest.raises(UnreadableFileError, match="Too many levels of symbolic links"):
        project.save_word_list()
    assert (root / "words.txt").is_symlink()


def test_the_lock_refuses_a_hidden_folder_that_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root)
    for child in (root / ".studio").iterdir():
        child.unlink()
    (root / ".studio").rmdir()
    (root / ".studio").write_text("x", "utf-8")
    with pytest.raises(StudioError, match="not a folder; the project cannot be locked"):
        locking.acquire(root)
    with pytest.raises(StudioError, match="not a folder; the project cannot be locked"):
        locking.take_over(root)


def test_the_lock_says_why_its_folder_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "story"
    make_project(root)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StudioError, match="cannot create: Permission denied; the project cannot be locked"):
        locking.acquire(root)


def test_the_lock_folder_linked_outside_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "story"
    make_project(root)
    outside = tmp_path / "outside"
    outside.mkdir()
    for child in (root / ".studio").iterdir():
        child.unlink()
    (root / ".studio").rmdir()
    (root / ".studio").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutsideFolderError, match="leads outside the project folder"):
        locking.acquire(root)
    assert os.listdir(outside) == []


def test_atomic_write_refuses_a_link_loop_and_an_outside_folder(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(OutsideFolderError, match="Too many levels"):
        atomic_write(tmp_path / "loop" / "x.txt", "x", within=tmp_path)
    with pytest.raises(OutsideFolderError, match="leads outside the backup folder"):
        check_within(tmp_path.parent, tmp_path, "backup")


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.json").write_text("[1, 2, 3]", "utf-8")
    with pytest.raises(NotPlainFileError, match="too large"):
        read_plain_bytes(tmp_path / "big.json", limit=4)


def test_many_repairs_are_noted_in_a_short_list() -> None:
    cleaner = ValueCleaner()
    cleaned = cleaner.value({"x": ["\ud800"] * 50}, "settings")
    assert cleaned == {"x": ["\ufffd"] * 50}
    assert len(cleaner.problems) == MAX_PROBLEMS + 1 and cleaner.problems[-1].startswith("…")


def test_a_scan_reads_through_peek_text_which_never_opens_a_fifo_nor_follows_a_link_outside(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "story")
    first, second = project.parts[0].scenes[:2]
    store = project.store
    plain = store.scene_path(first)
    plain.write_bytes("Caf\u00e9 at dusk.\n".encode() + b"\xff")
    fifo = store.scene_path(second)
    fifo.unlink()
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's words\n", "utf-8")
    linked = store.scenes_dir / "linked.txt"
    linked.symlink_to(outside)
    known = dict(store.known_digests)
    assert store.peek_text(plain) == "Caf\u00e9 at dusk.\n\ufffd"
    assert store.peek_text(fifo) is None
    assert store.peek_text(linked) is None
    assert store.peek_text(store.scenes_dir / "absent.txt") is None
    assert store.known_digests == known  # a scan never makes an outside change look like the app's own
