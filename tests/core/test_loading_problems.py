"""Every bad input the loader meets gets a clear message, and nothing on disk changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from studio.core import load_project
from studio.core.errors import FormatTooNewError, ManifestError, ReadOnlyError, StudioError

from .helpers import make_project


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".studio" not in p.parts
    }


def edit_manifest(root: Path, change) -> None:
    document = json.loads((root / "story.json").read_text("utf-8"))
    change(document)
    (root / "story.json").write_text(json.dumps(document), "utf-8")


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", {"A": ["alpha beta", "gamma"], "B": []}).root


@pytest.mark.parametrize("bad_id", ["../../x", "a/b", "a\\b", "..", "/etc/passwd", "", "x" * 65, 7])
def test_unsafe_ids_are_refused_naming_the_entry(project_root: Path, bad_id) -> None:
    def change(doc):
        doc["parts"][0]["scenes"][1]["id"] = bad_id

    edit_manifest(project_root, change)
    before = snapshot(project_root)
    with pytest.raises(ManifestError, match=r"parts\[0\]\.scenes\[1\]\.id: unsafe or missing id"):
        load_project(project_root)
    assert snapshot(project_root) == before


@pytest.mark.parametrize(
    "bad_file", ["../outside.txt", "sub/x.txt", "a\\b.txt", "/tmp/x.txt", ".hidden.txt", "..", "C:x"]
)
def test_unsafe_file_names_are_refused(project_root: Path, bad_file: str) -> None:
    edit_manifest(project_root, lambda doc: doc["parts"][0]["scenes"][0].__setitem__("file", bad_file))
    with pytest.raises(ManifestError, match=r"parts\[0\]\.scenes\[0\]\.file: unsafe"):
        load_project(project_root)


def test_link_leading_outside_is_refused(project_root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("not yours")
    scene_file = json.loads((project_root / "story.json").read_text())["parts"][0]["scenes"][0]["file"]
    target = project_root / "scenes" / scene_file
    target.unlink()
    os.symlink(outside, target)
    with pytest.raises(ManifestError, match="leads outside the project folder"):
        load_project(project_root)


def test_duplicate_ids_are_refused(project_root: Path) -> None:
    def change(doc):
        doc["parts"][1]["id"] = doc["parts"][0]["id"]

    edit_manifest(project_root, change)
    with pytest.raises(ManifestError, match="duplicate id"):
        load_project(project_root)


def test_truncated_manifest_gives_file_and_position(project_root: Path) -> None:
    raw = (project_root / "story.json").read_bytes()
    (project_root / "story.json").write_bytes(raw[: len(raw) // 2])
    before = snapshot(project_root)
    with pytest.raises(ManifestError) as caught:
        load_project(project_root)
    message = str(caught.value)
    assert "story.json: line " in message and "column" in message and "\n" not in message
    assert snapshot(project_root) == before


def test_newer_format_is_refused(project_root: Path) -> None:
    edit_manifest(project_root, lambda doc: doc.__setitem__("format", 99))
    with pytest.raises(FormatTooNewError, match="format 99 is newer"):
        load_project(project_root)


def test_unknown_keys_are_kept_on_save(project_root: Path) -> None:
    def change(doc):
        doc["future_top"] = {"x": 1}
        doc["parts"][0]["colour"] = "blue"
        doc["parts"][0]["scenes"][0]["label"] = "draft-2"

    edit_manifest(project_root, change)
    project = load_project(project_root)
    project.rename_part(project.parts[1].id, "Renamed")
    saved = json.loads((project_root / "story.json").read_text())
    assert saved["future_top"] == {"x": 1}
    assert saved["parts"][0]["colour"] == "blue"
    assert saved["parts"][0]["scenes"][0]["label"] == "draft-2"


def test_missing_scene_file_is_kept_and_flagged(project_root: Path) -> None:
    project = load_project(project_root)
    gone = project.parts[0].scenes[0]
    (project_root / "scenes" / gone.file).unlink()
    reloaded = load_project(project_root)
    scene = reloaded.scene(gone.id)
    assert scene.missing
    assert any("is missing" in p for p in reloaded.problems)
    assert [s.id for s in reloaded.parts[0].scenes] == [s.id for s in project.parts[0].scenes]


def test_unlisted_scene_files_are_offered_as_recovered(project_root: Path) -> None:
    (project_root / "scenes" / "stray-notes.txt").write_text("found words here", "utf-8")
    (project_root / "scenes" / ".stray.txt.abc.tmp").write_text("temp", "utf-8")
    project = load_project(project_root)
    assert project.recovered == ["stray-notes.txt"]
    assert any("stray-notes.txt is not in the manifest" in p for p in project.problems)
    part = project.recover_files()
    assert part is not None and part.title == "Recovered scenes"
    assert project.scene_text(part.scenes[0].id) == "found words here"
    assert load_project(project_root).recovered == []


def test_non_utf8_scene_opens_read_only_and_is_never_rewritten(project_root: Path) -> None:
    project = load_project(project_root)
    scene = project.parts[0].scenes[0]
    path = project_root / "scenes" / scene.file
    path.write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    reloaded = load_project(project_root)
    again = reloaded.scene(scene.id)
    assert again.read_only
    assert any("not valid UTF-8" in p for p in reloaded.problems)
    assert "caf" in reloaded.scene_text(scene.id)
    with pytest.raises(ReadOnlyError):
        reloaded.set_scene_text(scene.id, "new")
    assert path.read_bytes() == "caf\xe9 cr\xe8me".encode("latin-1")
    # the word-count cache remembers it: a second load is read-only too
    assert load_project(project_root).scene(scene.id).read_only


def test_outside_change_is_never_overwritten(project_root: Path) -> None:
    from studio.core.errors import ExternalChangeError

    project = load_project(project_root)
    scene = project.parts[0].scenes[0]
    project.scene_text(scene.id)
    (project_root / "scenes" / scene.file).write_text("edited elsewhere", "utf-8")
    with pytest.raises(ExternalChangeError):
        project.set_scene_text(scene.id, "mine")
    assert (project_root / "scenes" / scene.file).read_text() == "edited elsewhere"
    (project_root / "story.json").write_text((project_root / "story.json").read_text() + " ")
    with pytest.raises(ExternalChangeError):
        project.rename_part(project.parts[0].id, "X")


def test_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match="not a Story Studio project"):
        load_project(tmp_path)
    with pytest.raises(StudioError, match="no such project folder"):
        load_project(tmp_path / "nope")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("[]", "top level: expected an object"),
        ('{"title": "x"}', "format: missing"),
        ('{"format": 1, "parts": {}}', "parts: expected a list"),
        ('{"format": 1, "parts": [3]}', r"parts\[0\]: expected an object"),
        ('{"format": 1, "title": 5}', "title: expected text"),
        (
            '{"format": 1, "characters": [{"id": "c", "name": "n", "file": "n.txt", "aliases": "x"}]}',
            "aliases",
        ),
        ('{"format": 1, "trash": [{"kind": "alien"}]}', "unknown kind"),
    ],
)
def test_malformed_structures_name_the_entry(tmp_path: Path, document: str, message: str) -> None:
    (tmp_path / "story.json").write_text(document)
    with pytest.raises(ManifestError, match=message):
        load_project(tmp_path)


def test_non_utf8_manifest(tmp_path: Path) -> None:
    (tmp_path / "story.json").write_bytes(b'{"format": 1, "title": "\xff"}')
    with pytest.raises(ManifestError, match="not valid UTF-8 at byte"):
        load_project(tmp_path)
