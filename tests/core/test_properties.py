"""Property tests: any sequence of edits keeps every word once in a valid tree; save → load is identity."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core import Project, load_project
from studio.core.counting import words_of
from studio.core.errors import StudioError
from studio.core.manifest import ManifestData, parse_manifest, serialize_manifest
from studio.core.nodes import Character, Part, Scene

from .helpers import make_project

WORDS = st.sampled_from(["moon", "don’t", "well-known", "Jess", "tide", "it's", "1920s", "café", "ghost"])
TEXTS = st.lists(WORDS, max_size=12).map(lambda ws: " ".join(ws) + ("\n" if ws else ""))
OPERATION = st.tuples(
    st.sampled_from(["move", "split", "merge", "delete", "restore", "move_part", "delete_part", "add"]),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 200),
)


def all_words(project: Project) -> Counter[str]:
    scenes = list(project.iter_scenes()) + list(project.iter_trash_scenes())
    return Counter(w for s in scenes for w in words_of(project.scene_text(s.id)))


def check_tree(project: Project) -> None:
    ids = [p.id for p in project.parts] + [s.id for s in project.iter_scenes()]
    ids += [s.id for s in project.iter_trash_scenes()] + [
        t.node.id for t in project.trash if isinstance(t.node, Part)
    ]
    assert len(ids) == len(set(ids)), "every node once"
    files = [s.file for s in project.iter_scenes()] + [s.file for s in project.iter_trash_scenes()]
    assert len(files) == len(set(files))
    for scene in project.iter_scenes():
        assert (project.root / "scenes" / scene.file).exists()


def apply(project: Project, op: tuple[str, int, int, int]) -> None:
    kind, a, b, c = op
    scenes = list(project.iter_scenes())
    parts = project.parts
    try:
        if kind == "move" and scenes and parts:
            chosen = [s.id for s in scenes[a % len(scenes) :: max(1, b % 3 + 1)]][: 1 + c % 3]
            target = parts[b % len(parts)]
            project.move_scenes(chosen, target.id, c % (len(target.scenes) + 1))
        elif kind == "split" and scenes:
            scene = scenes[a % len(scenes)]
            text = project.scene_text(scene.id)
            project.split_scene(scene.id, c % (len(text) + 1))
        elif kind == "merge" and parts:
            part = parts[a % len(parts)]
            if len(part.scenes) >= 2:
                i = b % (len(part.scenes) - 1)
                project.merge_scenes(part.scenes[i].id, part.scenes[i + 1].id)
        elif kind == "delete" and scenes:
            project.delete_scenes([scenes[a % len(scenes)].id])
        elif kind == "restore" and project.trash:
            project.restore([project.trash[a % len(project.trash)].node.id])
        elif kind == "move_part" and parts:
            project.move_part(parts[a % len(parts)].id, b % len(parts))
        elif kind == "delete_part" and len(parts) > 1:
            project.delete_part(parts[a % len(parts)].id)
        elif kind == "add" and parts:
            project.add_part(f"P{a}", index=b % (len(parts) + 1))
    except StudioError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(st.lists(TEXTS, max_size=4), min_size=1, max_size=3),
    operations=st.lists(OPERATION, max_size=15),
)
def test_edits_keep_every_word_exactly_once(texts: list[list[str]], operations) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        project = make_project(folder / "p", {f"Part{i}": t for i, t in enumerate(texts)})
        expected = all_words(project)
        for op in operations:
            apply(project, op)
            check_tree(project)
        assert all_words(project) == expected
        reloaded = load_project(project.root)
        assert all_words(reloaded) == expected
        assert serialize_manifest(reloaded) == serialize_manifest(project)
        assert reloaded.problems == []
    finally:
        shutil.rmtree(folder)


SAFE_TEXT = st.text(max_size=20)
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


@st.composite
def manifests(draw) -> ManifestData:
    ids = iter(draw(st.lists(IDS, min_size=40, max_size=40, unique=True)))
    files = iter(f"{n}.txt" for n in range(1000))
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        part = Part(next(ids), draw(SAFE_TEXT), notes=draw(SAFE_TEXT))
        for _ in range(draw(st.integers(0, 3))):
            part.scenes.append(
                Scene(
                    next(ids),
                    draw(SAFE_TEXT),
                    next(files),
                    status=draw(st.sampled_from(["draft", "final", "mine"])),
                    pov=draw(SAFE_TEXT),
                    synopsis=draw(SAFE_TEXT),
                    extra=draw(st.dictionaries(st.sampled_from(["x-a", "x-b"]), st.integers())),
                )
            )
        parts.append(part)
    characters = [
        Character(
            next(ids),
            draw(SAFE_TEXT),
            next(files),
            aliases=draw(st.lists(SAFE_TEXT, max_size=3)),
            role=draw(SAFE_TEXT),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return ManifestData(
        title=draw(SAFE_TEXT),
        author=draw(SAFE_TEXT),
        parts=parts,
        characters=characters,
        settings=draw(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5))),
    )


@settings(max_examples=150, deadline=None)
@given(data=manifests())
def test_manifest_serialise_parse_is_identity(data: ManifestData) -> None:
    raw = serialize_manifest(data)
    again = parse_manifest(raw)
    assert serialize_manifest(again) == raw
    assert [[s.id for s in p.scenes] for p in again.parts] == [[s.id for s in p.scenes] for p in data.parts]
