"""Fuzz the manifest loader: any bytes or JSON structure loads or gives a StudioError."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.core import Project, create_project, load_project
from studio.core.errors import StudioError

SAFE_NAMES = st.sampled_from(
    ["a.txt", "b.txt", "odd-dir.txt", "scene-1.txt", "x.md", "../up.txt", ".hidden", "", "a/b.txt"]
)
IDS = st.sampled_from(["s1", "s2", "p1", "c1", "", "../x", "dup", 3, None])
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


def scene() -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {"id": IDS, "file": SAFE_NAMES},
        optional={"title": SCALARS, "status": SCALARS, "pov": SCALARS, "synopsis": SCALARS, "more": JSON},
    )


def part() -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {"id": IDS},
        optional={"title": SCALARS, "notes": SCALARS, "scenes": st.lists(scene(), max_size=3) | JSON},
    )


def character() -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {"id": IDS, "name": SCALARS, "file": SAFE_NAMES},
        optional={"aliases": st.lists(SCALARS, max_size=2) | JSON, "role": SCALARS},
    )


def trash() -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["scene", "part", "character", "other", 1]),
            "node": scene() | part() | JSON,
        },
        optional={"parent": IDS, "index": SCALARS, "deleted_at": SCALARS},
    )


MANIFESTS = st.fixed_dictionaries(
    {"format": st.sampled_from([1, 1, 1, 0, 2, "1", True, None, 10**5000 if False else 7])},
    optional={
        "title": SCALARS,
        "author": SCALARS,
        "language": SCALARS,
        "parts": st.lists(part(), max_size=3) | JSON,
        "characters": st.lists(character(), max_size=2) | JSON,
        "trash": st.lists(trash(), max_size=2) | JSON,
        "settings": JSON,
        "custom": JSON,
    },
)

_TEMPLATE: list[Path] = []


def template() -> Path:
    """A project folder with scene files named like the fuzzer's, made once."""
    if not _TEMPLATE:
        root = Path(tempfile.mkdtemp(prefix="fuzz-template-")) / "story"
        create_project(root, "Fuzz")
        for name in ("a.txt", "b.txt", "x.md"):
            (root / "scenes" / name).write_text("Some words here.\n", "utf-8")
        (root / "scenes" / "odd-dir.txt").mkdir()  # a folder where a file is expected
        (root / "characters" / "a.txt").write_bytes(b"\xff\xfe not utf-8")
        _TEMPLATE.append(root)
    return _TEMPLATE[0]


def load_bytes(raw: bytes) -> None:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        root = folder / "story"
        shutil.copytree(template(), root)
        (root / "story.json").write_bytes(raw)
        try:
            project = load_project(root)
        except StudioError as error:
            assert str(error) and "\n" not in str(error)
            return
        assert isinstance(project, Project)
        for scene in project.iter_scenes():
            with contextlib.suppress(StudioError):
                project.scene_text(scene.id)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(MANIFESTS)
def test_structured_manifests_load_or_fail_cleanly(document):
    load_bytes(json.dumps(document).encode("utf-8"))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_load_or_fail_cleanly(raw):
    load_bytes(raw)


@FUZZ
@given(JSON)
def test_any_json_value_loads_or_fails_cleanly(value):
    load_bytes(json.dumps(value).encode("utf-8"))


def test_known_nasty_inputs():
    for raw in (
        b"1" * 5000,  # longer than Python converts to an int
        b"[" * 100000,
        b'{"format": 1, "parts": [{"id": "p", "scenes": [{"id": "s", "file": "odd-dir.txt"}]}]}',
        b"\xef\xbb\xbf{}",
        b'{"format": 1e999}',
    ):
        load_bytes(raw)
