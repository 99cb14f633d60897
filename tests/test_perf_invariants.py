"""Invariants that keep big projects fast (no timings): a reorder writes only the manifest,
and saving or reopening an unchanged project rewrites no byte."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.core import load_project
from studio.core.errors import NodeNotFoundError
from studio.core.manifest import MANIFEST_NAME, dump_indented, serialize_manifest

_SPEC = importlib.util.spec_from_file_location(
    "perf_generate", Path(__file__).parent / "perf" / "generate.py"
)
assert _SPEC is not None and _SPEC.loader is not None
generate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(generate)

FileState = tuple[int, int, int]  # inode, size, mtime_ns


def file_states(root: Path) -> dict[str, FileState]:
    """Every file under ``root`` (hidden folder included) with its inode, size and mtime."""
    states = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            info = path.stat()
            states[str(path.relative_to(root))] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return states


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project of 1,000 scenes (small ones, to keep the test quick)."""
    root = tmp_path_factory.mktemp("perf") / "story"
    generate.generate_project(root, words=20_000, seed=3, scenes=1000)
    load_project(root)  # the first open writes the word-count cache
    return root


def test_generated_project_has_the_asked_shape(big_project: Path) -> None:
    project = load_project(big_project)
    assert len(list(project.iter_scenes())) == 1000
    assert project.words == 20_000
    assert len(project.characters) == 50
    assert all(character.aliases for character in project.characters)
    assert not project.problems


def test_a_reorder_in_a_1000_scene_project_writes_only_the_manifest(big_project: Path) -> None:
    project = load_project(big_project)
    before = file_states(big_project)
    moving = project.parts[0].scenes[3]
    target = project.parts[-1]
    project.move_scenes([moving.id], target.id, 1)
    after = file_states(big_project)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed == {MANIFEST_NAME}
    reopened = load_project(big_project)
    assert reopened.locate(moving.id).part_id == target.id
    assert reopened.locate(moving.id).index == 1
    assert file_states(big_project) == after  # reopening rewrites nothing either


def test_saving_an_unchanged_project_rewrites_no_byte(big_project: Path) -> None:
    project = load_project(big_project)
    before = file_states(big_project)
    assert project.save() is False
    scene = project.parts[1].scenes[0]
    assert project.set_scene_text(scene.id, project.scene_text(scene.id)) is False
    with project.batch():
        project.rename_scene(scene.id, scene.title)
    project.save_word_list()
    assert file_states(big_project) == before
    load_project(big_project)
    assert file_states(big_project) == before


def test_changing_one_scene_rewrites_only_that_scene_and_the_count_cache(big_project: Path) -> None:
    project = load_project(big_project)
    scene = project.parts[2].scenes[4]
    project.set_scene_text(scene.id, project.scene_text(scene.id) + "One more line.\n")
    before = file_states(big_project)
    reopened = load_project(big_project)
    assert reopened.scene(scene.id).words == scene.words
    after = file_states(big_project)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed == {".studio/word-counts.json"}


JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=8) | st.integers(0, 9), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_fast_manifest_writer_gives_the_standard_bytes(value: object) -> None:
    assert dump_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_generated_manifest_is_byte_identical_to_the_standard_encoder(big_project: Path) -> None:
    raw = (big_project / MANIFEST_NAME).read_bytes()
    assert raw == (json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert serialize_manifest(load_project(big_project)) == raw


def test_reading_a_scene_changed_outside_since_load_recounts_it(tmp_path: Path) -> None:
    root = generate.generate_project(tmp_path / "story", words=2_000, seed=5, scenes=10)
    project = load_project(root)
    scene = project.parts[0].scenes[2]
    counted = scene.words
    project.scene_text(scene.id)
    assert scene.words == counted
    path = project.store.scene_path(scene)
    path.write_text("Three new words.\n", encoding="utf-8")
    project.forget_text(scene.id)
    assert project.scene_text(scene.id) == "Three new words.\n"
    assert scene.words == 3


def test_scene_lookup_follows_every_structural_change(tmp_path: Path) -> None:
    root = generate.generate_project(tmp_path / "story", words=2_000, seed=6, scenes=40)
    project = load_project(root)
    first, second = project.parts[0].scenes[0], project.parts[1].scenes[5]
    assert project.scene(first.id) is first
    project.move_scenes([first.id], project.parts[1].id, 3)
    assert project.scene(first.id) is first
    assert project.locate(first.id).part_id == project.parts[1].id
    items = project.delete_scenes([second.id])
    assert project.scene(second.id) is second  # found in the trash
    project.restore([item.node.id for item in items])
    assert project.scene(second.id) is second
    removed, position, text = project.remove_scene(second.id)
    with pytest.raises(NodeNotFoundError):
        project.scene(second.id)
    project.insert_scene(removed, position, text)
    assert project.scene(second.id) is removed
    assert project.scene(first.id) is first
