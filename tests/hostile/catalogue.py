"""A catalogue of hostile projects: each damages a real project and says the one line it must give.

Each entry's ``damage(root, outside)`` spoils the project at ``root`` (``outside`` is a sibling
folder that must never change). ``refused`` entries must raise ``StudioError`` whose one-line
message holds ``expect``; the others must open, with ``expect`` among the problems ("" when
the damage is silently repaired or ignored, as a bad cache is).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.core import create_project, load_project

Damage = Callable[[Path, Path], None]


@dataclass(frozen=True)
class Hostile:
    """One damaged project and what it must give."""

    name: str
    damage: Damage
    expect: str
    refused: bool


CATALOGUE: list[Hostile] = []


def refused(name: str, expect: str) -> Callable[[Damage], Damage]:
    """Register a damage that must be refused with ``expect`` in the one-line message."""

    def register(damage: Damage) -> Damage:
        CATALOGUE.append(Hostile(name, damage, expect, True))
        return damage

    return register


def opens(name: str, expect: str = "") -> Callable[[Damage], Damage]:
    """Register a damage the project opens with, noting ``expect`` among its problems."""

    def register(damage: Damage) -> Damage:
        CATALOGUE.append(Hostile(name, damage, expect, False))
        return damage

    return register


def make_base(root: Path) -> Path:
    """A small real project: two parts, three scenes, one character, a word list and a count cache."""
    project = create_project(root, "Hostile Story", "A. Writer")
    part = project.parts[0]
    project.set_scene_text(part.scenes[0].id, "The lamp was lit at dusk.")
    project.add_scene(part.id, title="Second", text="Jess climbed the stair.")
    project.add_character("Jess Summers", notes="keeper", aliases=["Jess"])
    project.word_list = ["Harrow"]
    project.save_word_list()
    load_project(root)  # writes .studio/word-counts.json
    return root


def build(entry: Hostile, template: Path, root: Path, outside: Path) -> None:
    """Copy the template to ``root`` (links kept as links) and damage it."""
    shutil.copytree(template, root, symlinks=True)
    entry.damage(root, outside)


# -- helpers ---------------------------------------------------------------------------------
def _doc(root: Path) -> dict[str, Any]:
    return json.loads((root / "story.json").read_text("utf-8"))


def _put(root: Path, document: Any) -> None:
    (root / "story.json").write_text(json.dumps(document), "utf-8")


def _edit(change: Callable[[dict[str, Any]], None]) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        document = _doc(root)
        change(document)
        _put(root, document)

    return damage


def _scene(d: dict[str, Any]) -> dict[str, Any]:
    return d["parts"][0]["scenes"][0]


def _raw(text: bytes) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        (root / "story.json").write_bytes(text)

    return damage


def _replace_with_fifo(relative: str) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        path = root / relative
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        os.mkfifo(path)

    return damage


def _replace_with_folder(relative: str) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        (root / relative).unlink()
        (root / relative).mkdir()

    return damage


def _link_outside(relative: str, is_folder: bool) -> Damage:
    def damage(root: Path, outside: Path) -> None:
        path = root / relative
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        target = outside / ("linked-folder" if is_folder else "linked.txt")
        if is_folder:
            target.mkdir(exist_ok=True)
        else:
            target.write_text("outside words\n", "utf-8")
        path.symlink_to(target, target_is_directory=is_folder)

    return damage


def _loop(relative: str) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        path = root / relative
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        path.symlink_to(path.name)  # points at itself

    return damage


def _cache(content: bytes) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        (root / ".studio" / "word-counts.json").write_bytes(content)

    return damage


def _cache_counts(value: Any) -> Damage:
    def damage(root: Path, _outside: Path) -> None:
        path = root / ".studio" / "word-counts.json"
        entries = json.loads(path.read_text("utf-8"))
        path.write_text(json.dumps({k: [v[0], v[1], value] for k, v in entries.items()}), "utf-8")

    return damage


def _first_scene_file(root: Path) -> str:
    return "scenes/" + _doc(root)["parts"][0]["scenes"][0]["file"]


def _on_first_scene(make: Callable[[str], Damage]) -> Damage:
    def damage(root: Path, outside: Path) -> None:
        make(_first_scene_file(root))(root, outside)

    return damage


DEEP = json.loads("[" * 900 + "]" * 900)

# -- the manifest as bytes -------------------------------------------------------------------
refused("empty manifest", "line 1 column 1")(_raw(b""))
refused("truncated manifest", "line")(lambda r, o: _raw((r / "story.json").read_bytes()[:50])(r, o))
refused("manifest not UTF-8", "not valid UTF-8")(_raw(b'{"format": 1, "title": "\xff"}'))
refused("manifest holds an encoded surrogate", "not valid UTF-8")(
    _raw(b'{"format": 1, "title": "\xed\xa0\x80"}')
)
refused("top level a list", "top level: expected an object")(_raw(b"[]"))
refused("nested 100,000 deep", "nested too deeply")(_raw(b"[" * 100_000 + b"]" * 100_000))
refused("a 5,000-digit number", "digits")(_raw(b'{"format": 1, "x": ' + b"9" * 5000 + b"}"))
refused("a 200-digit format", "digits")(_raw(b'{"format": ' + b"9" * 200 + b"}"))
refused("NUL bytes", "line")(_raw(b"\x00" * 64))
# -- the top level ---------------------------------------------------------------------------
refused("format missing", "format")(_edit(lambda d: d.pop("format")))
refused("format as text", "format")(_edit(lambda d: d.update(format="1")))
refused("format true", "format")(_edit(lambda d: d.update(format=True)))
refused("format newer", "newer than this Story Studio")(_edit(lambda d: d.update(format=99)))
refused("title a number", "title: expected text")(_edit(lambda d: d.update(title=3)))
refused("title a list", "title: expected text")(_edit(lambda d: d.update(title=["a"])))
refused("title of two million characters", "longer than")(_edit(lambda d: d.update(title="t" * 2_000_000)))
opens("title a lone surrogate", "title: a lone surrogate")(_edit(lambda d: d.update(title="A\ud800")))
opens("author a lone low surrogate", "author: a lone surrogate")(_edit(lambda d: d.update(author="\udfff")))
refused("language a number", "language: expected text")(_edit(lambda d: d.update(language=7)))
opens("language of 100,000 characters", "language:")(_edit(lambda d: d.update(language="x" * 100_000)))
opens("language a path", "not a language code")(_edit(lambda d: d.update(language="../../etc/passwd")))
opens("language with a NUL", "not a language code")(_edit(lambda d: d.update(language="en\x00")))
opens("language a lone surrogate", "language")(_edit(lambda d: d.update(language="\ud800")))
opens("language empty", "")(_edit(lambda d: d.update(language="")))
opens("unknown top-level key deep-ish", "")(_edit(lambda d: d.update(plugin={"a": [[[1]]]})))
refused("unknown top-level key 900 deep", "nested too deeply")(_edit(lambda d: d.update(plugin=DEEP)))
opens("unknown key named with a surrogate", "key")(_edit(lambda d: d.update({"\ud800x": 1})))
opens("NaN and Infinity in an unknown key", "")(
    lambda r, o: (r / "story.json").write_text(
        (r / "story.json").read_text("utf-8")[:-2] + ', "x": [NaN, Infinity, -Infinity]}', "utf-8"
    )
)
# -- settings --------------------------------------------------------------------------------
refused("settings a list", "settings: expected an object")(_edit(lambda d: d.update(settings=[1])))
refused("settings 900 nested lists", "nested too deeply")(_edit(lambda d: d.update(settings={"x": DEEP})))
refused("settings a 300-digit number", "digits")(_edit(lambda d: d.update(settings={"x": 10**300})))
opens("settings.export a string", "settings.export")(_edit(lambda d: d.update(settings={"export": "txt"})))
opens("settings.export a list", "settings.export")(_edit(lambda d: d.update(settings={"export": [1, 2]})))
opens("settings.export.wrap text", "")(_edit(lambda d: d.update(settings={"export": {"wrap": "abc"}})))
opens("settings.export.header an object", "")(_edit(lambda d: d.update(settings={"export": {"header": {}}})))
opens("settings.export.format unknown", "")(_edit(lambda d: d.update(settings={"export": {"format": "exe"}})))
opens("settings.imports a string", "settings.imports")(_edit(lambda d: d.update(settings={"imports": "x"})))
opens("settings.imports record with parts a number", "damaged record")(
    _edit(lambda d: d.update(settings={"imports": [{"parts": 3}]}))
)
opens("settings.spelling a list", "")(_edit(lambda d: d.update(settings={"spelling": [1]})))
opens("settings with a surrogate value", "settings.x: a lone surrogate")(
    _edit(lambda d: d.update(settings={"x": "\ud800"}))
)
# -- parts and scenes ------------------------------------------------------------------------
refused("parts an object", "parts: expected a list")(_edit(lambda d: d.update(parts={})))
refused("a part a string", "parts[0]: expected an object")(_edit(lambda d: d.update(parts=["p"])))
refused("scenes a string", "scenes: expected a list")(_edit(lambda d: d["parts"][0].update(scenes="s")))
refused("scene id missing", "unsafe or missing id")(_edit(lambda d: _scene(d).pop("id")))
refused("scene id a path", "unsafe or missing id")(_edit(lambda d: _scene(d).update(id="../../x")))
refused("scene id of 10,000 characters", "unsafe or missing id")(
    _edit(lambda d: _scene(d).update(id="s" * 10_000))
)
refused("duplicate ids", "duplicate id")(
    _edit(lambda d: d["parts"][0]["scenes"][1].update(id=_scene(d)["id"]))
)
refused("scene file a parent path", "unsafe or missing file name")(
    _edit(lambda d: _scene(d).update(file="../outside.txt"))
)
refused("scene file absolute", "unsafe or missing file name")(
    _edit(lambda d: _scene(d).update(file="/etc/passwd"))
)
refused("scene file hidden", "unsafe or missing file name")(_edit(lambda d: _scene(d).update(file=".x.txt")))
refused("scene file of 1,000 characters", "unsafe or missing file name")(
    _edit(lambda d: _scene(d).update(file="f" * 1000 + ".txt"))
)
refused("scene file a lone surrogate", "unsafe or missing file name")(
    _edit(lambda d: _scene(d).update(file="\ud800.txt"))
)
refused("scene file a number", "unsafe or missing file name")(_edit(lambda d: _scene(d).update(file=5)))
refused("scene file used twice", "used twice")(
    _edit(lambda d: d["parts"][0]["scenes"][1].update(file=_scene(d)["file"]))
)
opens("scene status a lone surrogate", "parts[0].scenes[0].status: a lone surrogate")(
    _edit(lambda d: _scene(d).update(status="\ud800"))
)
opens("scene title all surrogates", "parts[0].scenes[0].title")(
    _edit(lambda d: _scene(d).update(title="\udc00" * 50))
)
refused("scene pov a number", "pov: expected text")(_edit(lambda d: _scene(d).update(pov=1)))
refused("scene synopsis of two million characters", "longer than")(
    _edit(lambda d: _scene(d).update(synopsis="s" * 2_000_000))
)
refused("scene extra 900 deep", "nested too deeply")(_edit(lambda d: _scene(d).update(x=DEEP)))
opens("scene extra key a surrogate", "key")(_edit(lambda d: _scene(d).update({"\udfffk": 1})))
# -- characters and trash --------------------------------------------------------------------
refused("characters an object", "characters: expected a list")(_edit(lambda d: d.update(characters={})))
refused("aliases a string", "aliases")(_edit(lambda d: d["characters"][0].update(aliases="Jess")))
opens("alias a lone surrogate", "aliases[0]: a lone surrogate")(
    _edit(lambda d: d["characters"][0].update(aliases=["\ud800"]))
)
refused("character file a parent path", "unsafe or missing file name")(
    _edit(lambda d: d["characters"][0].update(file="../notes.txt"))
)
refused("trash kind unknown", "unknown kind")(_edit(lambda d: d.update(trash=[{"kind": "x", "node": {}}])))
refused("trash index negative", "index")(
    _edit(
        lambda d: d.update(
            trash=[{"kind": "scene", "index": -1, "node": dict(_scene(d), id="s-t", file="t.txt")}]
        )
    )
)
refused("trash parent a path", "unsafe id")(
    _edit(
        lambda d: d.update(
            trash=[{"kind": "scene", "parent": "../x", "node": dict(_scene(d), id="s-t", file="t.txt")}]
        )
    )
)
refused("trash node a list", "expected an object")(
    _edit(lambda d: d.update(trash=[{"kind": "part", "node": []}]))
)
# -- the files around the manifest -----------------------------------------------------------
refused("story.json missing", "not a Story Studio project")(lambda r, o: (r / "story.json").unlink())
refused("story.json a folder", "Is a directory")(_replace_with_folder("story.json"))
refused("story.json a FIFO", "not a plain file")(_replace_with_fifo("story.json"))
refused("story.json a link loop", "Too many levels of symbolic links")(_loop("story.json"))
refused("story.json a dangling link", "not a Story Studio project")(
    lambda r, o: ((r / "story.json").unlink(), (r / "story.json").symlink_to(o / "gone.json"))
)
opens("words.txt a FIFO", "words.txt is not a plain file")(_replace_with_fifo("words.txt"))
opens("words.txt a folder", "words.txt is not a plain file")(_replace_with_folder("words.txt"))
opens("words.txt not UTF-8", "words.txt is not valid UTF-8")(
    lambda r, o: (r / "words.txt").write_bytes(b"\xff\xfe")
)
opens("words.txt a link loop", "words.txt cannot be read")(_loop("words.txt"))
opens("a scene file a FIFO", "is not a plain file")(_on_first_scene(_replace_with_fifo))
opens("a scene file a folder", "is not a plain file")(_on_first_scene(_replace_with_folder))
opens("a scene file missing", "is missing")(lambda r, o: (r / _first_scene_file(r)).unlink())
opens("a scene file a link loop", "cannot be read")(_on_first_scene(_loop))
opens("a scene file not UTF-8", "not valid UTF-8")(
    lambda r, o: (r / _first_scene_file(r)).write_bytes(b"\xff")
)
refused("a scene file linked outside", "leads outside the project folder")(
    _on_first_scene(lambda rel: _link_outside(rel, False))
)
refused("scenes/ linked outside", "leads outside the project folder")(_link_outside("scenes", True))
opens("scenes/ a file", "cannot be read")(
    lambda r, o: (shutil.rmtree(r / "scenes"), (r / "scenes").write_text("x", "utf-8"))
)
opens("a stray scene file named in bytes that are not UTF-8", "")(
    lambda r, o: (r / "scenes" / os.fsdecode(b"\xff\xfe.txt")).write_text("x", "utf-8")
)
refused("characters/ linked outside", "leads outside the project folder")(_link_outside("characters", True))
refused("a character's notes linked outside", "leads outside the project folder")(
    lambda r, o: _link_outside("characters/" + _doc(r)["characters"][0]["file"], False)(r, o)
)
opens(".studio a file", "")(
    lambda r, o: (shutil.rmtree(r / ".studio"), (r / ".studio").write_text("x", "utf-8"))
)
opens(".studio linked outside", "")(_link_outside(".studio", True))
opens(".studio a link loop", "")(_loop(".studio"))
opens("word-count cache 'abc'", "")(_cache_counts("abc"))
opens("word-count cache null", "")(_cache_counts(None))
opens("word-count cache [1]", "")(_cache_counts([1]))
opens("word-count cache negative huge", "")(_cache_counts(-(10**30)))
opens("word-count cache a list", "")(_cache(b"[1, 2]"))
opens("word-count cache 100,000 deep", "")(_cache(b"[" * 100_000 + b"]" * 100_000))
opens("word-count cache not UTF-8", "")(_cache(b"\xff\xfe"))
opens("word-count cache a 5,000-digit number", "")(_cache(b'{"a": [1, 2, ' + b"9" * 5000 + b"]}"))
opens("word-count cache a FIFO", "")(_replace_with_fifo(".studio/word-counts.json"))
opens("lock with a surrogate host", "")(
    lambda r, o: (r / ".studio" / "lock").write_text(
        '{"host": "\\ud800", "pid": 1, "user": "u", "since": "x"}'
    )
)
