"""A core operation changes memory and disk together or not at all (issue 11).

The manifest write is made to fail for real: story.json is changed on disk by
someone else, so the store refuses to overwrite it. Every operation must then
leave the tree in memory, the cached texts and every file exactly as they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core.errors import ExternalChangeError
from studio.core.manifest import serialize_manifest
from tests.core.helpers import make_project


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".studio" not in p.parts and p.name != "story.json"
    }


def _outside_edit(root: Path) -> None:
    manifest = root / "story.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"title": "Test Story"', b'"title": "Edited"'))


OPERATIONS = {
    "move scenes": lambda p: p.move_scenes([p.parts[0].scenes[0].id], p.parts[1].id, 1),
    "move part": lambda p: p.move_part(p.parts[0].id, 1),
    "add scene": lambda p: p.add_scene(p.parts[0].id, title="New", text="fresh words\n"),
    "add part": lambda p: p.add_part("New part"),
    "rename scene": lambda p: p.rename_scene(p.parts[0].scenes[0].id, "Renamed"),
    "scene fields": lambda p: p.set_scene_fields(p.parts[0].scenes[0].id, status="draft", pov="Ann"),
    "delete scenes": lambda p: p.delete_scenes([p.parts[0].scenes[1].id]),
    "delete part": lambda p: p.delete_part(p.parts[1].id),
    "split": lambda p: p.split_scene(p.parts[0].scenes[0].id, 6),
    "merge": lambda p: p.merge_scenes(p.parts[0].scenes[0].id, p.parts[0].scenes[1].id),
    "remove scene": lambda p: p.remove_scene(p.parts[0].scenes[1].id),
    "add character": lambda p: p.add_character("Ann", role="lead"),
    "setting": lambda p: p.set_setting("export", {"format": "md"}),
    "info": lambda p: p.set_info(title="Another"),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_a_failed_manifest_write_changes_nothing(tmp_path: Path, name: str) -> None:
    project = make_project(tmp_path / "story")
    before_manifest = serialize_manifest(project)
    before_files = _files(project.root)
    texts = {s.id: project.scene_text(s.id) for s in project.iter_scenes()}
    _outside_edit(project.root)

    with pytest.raises(ExternalChangeError):
        OPERATIONS[name](project)

    assert serialize_manifest(project) == before_manifest
    assert _files(project.root) == before_files
    assert {s.id: project.scene_text(s.id) for s in project.iter_scenes()} == texts
    assert b'"title": "Edited"' in (project.root / "story.json").read_bytes()


def test_a_failed_change_can_be_retried_once_the_disk_is_clear(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    manifest = project.root / "story.json"
    original = manifest.read_bytes()
    _outside_edit(project.root)
    scene_id = project.parts[0].scenes[0].id
    with pytest.raises(ExternalChangeError):
        project.split_scene(scene_id, 6)
    manifest.write_bytes(original)

    new_scene = project.split_scene(scene_id, 6)

    assert [s.id for s in project.parts[0].scenes][:2] == [scene_id, new_scene.id]
    assert project.scene_text(scene_id) == "alpha\n"
    assert (project.root / "scenes" / new_scene.file).read_text("utf-8") == "beta\n"


def test_removed_files_go_only_after_the_manifest_is_written(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    project.delete_scenes([project.parts[1].scenes[0].id])
    trashed = project.root / "scenes" / project.trash[0].node.file
    _outside_edit(project.root)

    with pytest.raises(ExternalChangeError):
        project.empty_trash()

    assert trashed.exists()
    assert len(project.trash) == 1
