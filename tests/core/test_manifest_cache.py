"""The kept JSON of each part (``SceneJsonCache``) always writes the bytes of a full ``story.json`` write.

Random sequences of changes to the tree (every field a part or scene writes, labels and extras
changed in place, numbers swapped for booleans, scenes moved, parts added, removed and put back
as a failed change does) are saved through the cache after each step and compared with a full
serialisation of the same data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studio.core.errors import ExternalChangeError
from studio.core.manifest import ManifestData, serialize_manifest
from studio.core.manifest_cache import SceneJsonCache
from studio.core.nodes import Part, Scene
from tests.core.helpers import make_project

TEXTS = st.text(alphabet=st.sampled_from('ab é’"\\\n\x00\t😀'), max_size=6)
SCENE_TEXT_FIELDS = ("title", "file", "status", "pov", "synopsis", "story_time")
PART_TEXT_FIELDS = ("title", "group", "summary", "notes_begin", "notes", "release")


def _scene(number: int) -> Scene:
    return Scene(id=f"s{number}", title=f"Scene {number}", file=f"s{number}.txt")


def _data() -> ManifestData:
    parts = [
        Part(id=f"p{i}", title=f"Part {i}", scenes=[_scene(i * 10 + j) for j in range(3)]) for i in range(3)
    ]
    return ManifestData(title="Cached", parts=parts)


def _apply(data: ManifestData, step: tuple[int, int, int, str]) -> None:
    """One change to the tree, chosen and placed by the step's numbers."""
    kind, where, value, text = step
    scenes = [scene for part in data.parts for scene in part.scenes]
    part = data.parts[where % len(data.parts)] if data.parts else None
    scene = scenes[where % len(scenes)] if scenes else None
    if kind == 0 and scene:
        setattr(scene, SCENE_TEXT_FIELDS[value % len(SCENE_TEXT_FIELDS)], text)
    elif kind == 1 and scene:
        scene.labels.append(text)  # in place: the kept key holds a copy
    elif kind == 2 and scene:
        scene.target = [0, 1, True, value, False][value % 5]
    elif kind == 3 and scene:
        scene.story_order = [None, 0, 1, True, value][value % 5]
    elif kind == 4 and scene:
        scene.extra[text or "k"] = [1, True, 1.0, text][value % 4]  # in place
    elif kind == 5 and scene:
        scene.extra = {} if value % 2 else {"x": value}
    elif kind == 6 and part:
        setattr(part, PART_TEXT_FIELDS[value % len(PART_TEXT_FIELDS)], text)
    elif kind == 7 and part:
        part.target = [0, 1, True][value % 3]
    elif kind == 8 and part:
        part.extra["k"] = value  # in place
    elif kind == 9 and scene and data.parts:
        for holder in data.parts:
            if scene in holder.scenes:
                holder.scenes.remove(scene)
        target = data.parts[value % len(data.parts)]
        target.scenes.insert(value % (len(target.scenes) + 1), scene)
    elif kind == 10:
        data.parts.insert(
            value % (len(data.parts) + 1), Part(id=f"n{value}", title=text, scenes=[_scene(value)])
        )
    elif kind == 11 and part:
        data.parts.remove(part)
    elif kind == 12 and scene:
        before = dict(vars(scene))  # a failed change puts the fields back as the batch does
        scene.title, scene.words = text + "!", value
        vars(scene).clear()
        vars(scene).update(before)
    elif kind == 13 and scene:
        scene.labels = [text] if value % 2 else list(scene.labels)
    elif kind == 14 and scene:
        scene.words, scene.missing = value, not scene.missing  # not written: the text stays right


STEPS = st.lists(
    st.tuples(st.integers(0, 14), st.integers(0, 12), st.integers(0, 50), TEXTS),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(STEPS)
@example([(2, 0, 1, ""), (2, 0, 2, "")])  # a scene's target 1, then True: "true" is written
@example([(3, 0, 2, ""), (3, 0, 3, "")])  # its story order 1, then True
@example([(7, 0, 1, ""), (7, 0, 2, "")])  # a part's target 1, then True
@example([(1, 0, 0, "a"), (1, 0, 0, "b")])  # labels added in place
@example([(8, 0, 1, ""), (8, 0, 2, "")])  # a part's extras changed in place
def test_a_cached_write_is_byte_identical_to_a_full_write(steps: list[tuple[int, int, int, str]]) -> None:
    data = _data()
    cache = SceneJsonCache()
    assert serialize_manifest(data, cache) == serialize_manifest(data)
    for step in steps:
        _apply(data, step)
        cached = serialize_manifest(data, cache)
        assert cached == serialize_manifest(data)
    json.loads(serialize_manifest(data, cache))


def test_a_manifest_with_no_parts_is_written_whole() -> None:
    data = ManifestData(title="Empty")
    assert serialize_manifest(data, SceneJsonCache()) == serialize_manifest(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 9), TEXTS), min_size=1, max_size=8))
def test_saves_and_failed_changes_of_a_project_write_full_bytes(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, int, str]]
) -> None:
    project = make_project(tmp_path_factory.mktemp("cache") / "story")
    manifest = project.root / "story.json"
    for kind, where, text in steps:
        scenes = list(project.iter_scenes())
        scene = scenes[where % len(scenes)]
        part = project.parts[where % len(project.parts)]
        fail = where % 3 == 0
        if fail:  # someone else wrote story.json: the change is refused and rolled back
            manifest.write_bytes(manifest.read_bytes() + b" ")
        try:
            if kind == 0:
                project.rename_scene(scene.id, text.strip("\x00") or "t")
            elif kind == 1:
                project.move_scenes([scene.id], part.id, 0)
            elif kind == 2:
                project.set_scene_fields(scene.id, pov=text.replace("\x00", ""))
            else:
                project.rename_part(part.id, text.replace("\x00", "") or "p")
        except ExternalChangeError:
            assert fail
        if fail:  # refused, or nothing changed and nothing written: the other program's edit undone
            manifest.write_bytes(manifest.read_bytes()[:-1])
        on_disk = manifest.read_bytes()
        assert on_disk == serialize_manifest(project)  # memory and disk agree, written or rolled back
        assert project.store.manifest_bytes == on_disk


def _parts_of(raw: bytes) -> Any:
    return json.loads(raw)["parts"]


def test_the_cache_writes_the_scene_fields_a_full_write_does(tmp_path: Path) -> None:
    project = make_project(tmp_path / "story")
    scene = project.parts[0].scenes[0]
    project.rename_scene(scene.id, "First")
    project.set_scene_labels({scene.id: []})
    project.rename_scene(scene.id, "Second")
    assert _parts_of((project.root / "story.json").read_bytes())[0]["scenes"][0]["title"] == "Second"
