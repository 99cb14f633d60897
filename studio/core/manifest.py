"""Reading and writing the manifest (``story.json``): validation and deterministic output."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any, Protocol

from studio.core.errors import FormatTooNewError, ManifestError
from studio.core.manifest_fields import (
    SCENE_FIELD_KEYS,
    label_dict,
    note_dict,
    read_labels,
    read_note,
    read_notes,
    read_scene_fields,
    scene_field_dict,
)
from studio.core.nodes import Character, Label, Note, Part, Scene, TrashItem
from studio.core.stats import MAX_TARGET, is_release_date
from studio.core.validation import (
    DamagedValueError,
    ValueCleaner,
    check_language,
    check_settings,
    has_surrogate,
    loads_bounded,
    may_hold_surrogates,
    shown_key,
)

MANIFEST_NAME = "story.json"
FORMAT_VERSION = 1

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
FILE_PATTERN = re.compile(r"[^/\\\x00-\x1f]{1,120}")

_SCENE_KEYS = ("id", "title", "file", "status", "pov", "synopsis", "target", *SCENE_FIELD_KEYS)
_PART_KEYS = (
    *("id", "title", "group", "summary", "notes_begin", "notes_end", "notes", "target", "release"),
    "scenes",
)
_CHARACTER_KEYS = ("id", "name", "aliases", "role", "description", "file")
_TOP_KEYS = (
    *("format", "title", "author", "language", "parts", "characters", "trash", "settings"),
    *("labels", "notes"),
)


@dataclass
class ManifestData:
    """Everything the manifest holds, as plain nodes."""

    title: str
    author: str = ""
    language: str = "en"
    parts: list[Part] = field(default_factory=list)
    characters: list[Character] = field(default_factory=list)
    trash: list[TrashItem] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def is_safe_id(value: object) -> bool:
    """Tell whether ``value`` is a safe node id (letters, digits, ``-`` and ``_``)."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def is_safe_file_name(value: object) -> bool:
    """Tell whether ``value`` is a plain file name: no folders, no ``..``, no hidden file."""
    if not isinstance(value, str) or FILE_PATTERN.fullmatch(value) is None:
        return False
    if has_surrogate(value):  # no file can have such a name: the OS cannot encode it
        return False
    return not value.startswith(".") and value.strip() == value and ":" not in value


def parse_manifest(
    raw: bytes, source: str = MANIFEST_NAME, problems: list[str] | None = None
) -> ManifestData:
    """Parse and validate manifest bytes; raise ``ManifestError`` with a one-line reason.

    Values repaired on the way (a lone surrogate, an odd language code) are named in
    ``problems``; deep, huge or over-long values are refused.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ManifestError(f"{source}: not valid UTF-8 at byte {error.start}") from None
    try:
        document = loads_bounded(text)
    except DamagedValueError as error:
        raise ManifestError(f"{source}: {error}") from None
    except json.JSONDecodeError as error:
        raise ManifestError(f"{source}: line {error.lineno} column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ManifestError(f"{source}: nested too deeply") from None
    except ValueError as error:  # e.g. a number too long to convert
        raise ManifestError(f"{source}: {str(error).split(':')[0]}") from None
    reader = _Reader(source, ValueCleaner(surrogates=may_hold_surrogates(text)))
    try:
        data = reader.read(document)
    except DamagedValueError as error:
        raise ManifestError(f"{source}: {error}") from None
    if problems is not None:
        problems.extend(f"{MANIFEST_NAME}: {problem}" for problem in reader.cleaner.problems)
    return data


class _Reader:
    """Walks a decoded manifest, checking every entry and naming it on failure."""

    def __init__(self, source: str, cleaner: ValueCleaner) -> None:
        self.source = source
        self.cleaner = cleaner
        self.ids: set[str] = set()
        self.scene_files: set[str] = set()
        self.character_files: set[str] = set()
        self.note_files: set[str] = set()
        self.label_ids: set[str] = set()

    def fail(self, where: str, message: str) -> ManifestError:
        return ManifestError(f"{self.source}: {where}: {message}")

    def read(self, document: Any) -> ManifestData:
        if not isinstance(document, dict):
            raise self.fail("top level", "expected an object")
        version = document.get("format")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("format", "missing or not a positive whole number")
        if version > FORMAT_VERSION:
            raise FormatTooNewError(
                f"{self.source}: format {version} is newer than this Story Studio knows "
                f"({FORMAT_VERSION}); update Story Studio to open it"
            )
        data = ManifestData(
            title=self.text(document, "title", "title"),
            author=self.text(document, "author", "author"),
        )
        language = self.text(document, "language", "language") or "en"
        data.language = check_language(language, self.cleaner.problems, "language")
        data.labels = read_labels(self, document.get("labels"))
        data.parts = [self.part(p, f"parts[{i}]") for i, p in enumerate(self.items(document, "parts"))]
        data.characters = [
            self.character(c, f"characters[{i}]") for i, c in enumerate(self.items(document, "characters"))
        ]
        data.notes = read_notes(self, document.get("notes"), self.note_files)
        data.trash = [self.trash_item(t, f"trash[{i}]") for i, t in enumerate(self.items(document, "trash"))]
        settings = document.get("settings", {})
        if not isinstance(settings, dict):
            raise self.fail("settings", "expected an object")
        data.settings = self.cleaner.value(settings, "settings")
        check_settings(data.settings, self.cleaner.problems, "settings")
        data.extra = self.extra(document, _TOP_KEYS, "")
        return data

    def extra(self, obj: dict[str, Any], known: tuple[str, ...], where: str) -> dict[str, Any]:
        """Return the unknown keys of an object (kept on save), checked all the way down."""
        prefix = f"{where}." if where else ""
        return {
            self.cleaner.text(k, f"{prefix}{shown_key(k)} key"): self.cleaner.value(
                v, f"{prefix}{shown_key(k)}"
            )
            for k, v in obj.items()
            if k not in known
        }

    def items(self, obj: dict[str, Any], key: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return value

    def text(self, obj: dict[str, Any], key: str, where: str) -> str:
        value = obj.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(where, "expected text")
        return self.cleaner.text(value, where)

    def whole(self, obj: dict[str, Any], key: str, where: str) -> int:
        value = obj.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_TARGET:
            raise self.fail(where, "expected a whole number")
        return value

    def date(self, obj: dict[str, Any], key: str, where: str) -> str:
        value = self.text(obj, key, where)
        if value and not is_release_date(value):
            raise self.fail(where, "expected a date (YYYY-MM-DD)")
        return value

    def node_id(self, obj: dict[str, Any], where: str) -> str:
        value = obj.get("id")
        if not is_safe_id(value):
            raise self.fail(f"{where}.id", f"unsafe or missing id {_shown(value)}")
        assert isinstance(value, str)
        if value in self.ids:
            raise self.fail(f"{where}.id", f"duplicate id {value!r}")
        self.ids.add(value)
        return value

    def file_name(self, obj: dict[str, Any], where: str, seen: set[str]) -> str:
        value = obj.get("file")
        if not is_safe_file_name(value):
            raise self.fail(f"{where}.file", f"unsafe or missing file name {_shown(value)}")
        assert isinstance(value, str)
        if value.casefold() in seen:
            raise self.fail(f"{where}.file", f"file {value!r} is used twice")
        seen.add(value.casefold())
        return value

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "expected an object")
        return value

    def scene(self, value: Any, where: str) -> Scene:
        obj = self.obj(value, where)
        scene = Scene(
            id=self.node_id(obj, where),
            title=self.text(obj, "title", f"{where}.title"),
            file=self.file_name(obj, where, self.scene_files),
            status=self.text(obj, "status", f"{where}.status") or "draft",
            pov=self.text(obj, "pov", f"{where}.pov"),
            synopsis=self.text(obj, "synopsis", f"{where}.synopsis"),
            extra=self.extra(obj, _SCENE_KEYS, where),
            target=self.whole(obj, "target", f"{where}.target"),
        )
        read_scene_fields(self, obj, scene, where)
        return scene

    def part(self, value: Any, where: str) -> Part:
        obj = self.obj(value, where)
        part = Part(
            id=self.node_id(obj, where),
            title=self.text(obj, "title", f"{where}.title"),
            notes=self.end_notes(obj, where),
            extra=self.extra(obj, _PART_KEYS, where),
            summary=self.text(obj, "summary", f"{where}.summary"),
            notes_begin=self.text(obj, "notes_begin", f"{where}.notes_begin"),
            target=self.whole(obj, "target", f"{where}.target"),
            release=self.date(obj, "release", f"{where}.release"),
            group=self.text(obj, "group", f"{where}.group"),
        )
        part.scenes = [self.scene(s, f"{where}.scenes[{i}]") for i, s in enumerate(self.items(obj, "scenes"))]
        return part

    def end_notes(self, obj: dict[str, Any], where: str) -> str:
        """A part's end notes: the older ``notes`` key's text, then ``notes_end`` (saved as that)."""
        older = self.text(obj, "notes", f"{where}.notes")
        newer = self.text(obj, "notes_end", f"{where}.notes_end")
        return "\n\n".join(n for n in dict.fromkeys((older, newer)) if n)

    def character(self, value: Any, where: str) -> Character:
        obj = self.obj(value, where)
        aliases = obj.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise self.fail(f"{where}.aliases", "expected a list of text")
        return Character(
            id=self.node_id(obj, where),
            name=self.text(obj, "name", f"{where}.name"),
            file=self.file_name(obj, where, self.character_files),
            aliases=[self.cleaner.text(a, f"{where}.aliases[{i}]") for i, a in enumerate(aliases)],
            role=self.text(obj, "role", f"{where}.role"),
            description=self.text(obj, "description", f"{where}.description"),
            extra=self.extra(obj, _CHARACTER_KEYS, where),
        )

    def trash_item(self, value: Any, where: str) -> TrashItem:
        obj = self.obj(value, where)
        kind = obj.get("kind")
        node_value = obj.get("node")
        node: Scene | Part | Character | Note
        if kind == "scene":
            node = self.scene(node_value, f"{where}.node")
        elif kind == "part":
            node = self.part(node_value, f"{where}.node")
        elif kind == "character":
            node = self.character(node_value, f"{where}.node")
        elif kind == "note":
            node = read_note(self, node_value, f"{where}.node", self.note_files)
        else:
            raise self.fail(f"{where}.kind", f"unknown kind {_shown(kind)}")
        parent = obj.get("parent")
        if parent is not None and not is_safe_id(parent):
            raise self.fail(f"{where}.parent", f"unsafe id {_shown(parent)}")
        index = obj.get("index", 0)
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise self.fail(f"{where}.index", "expected a whole number")
        return TrashItem(kind, node, parent, index, self.text(obj, "deleted_at", f"{where}.deleted_at"))


def _shown(value: object) -> str:
    """A value as a message shows it: ``repr``, cut short."""
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 60 else text[:60] + "…"


def scene_dict(scene: Scene) -> dict[str, Any]:
    """A scene as written in ``story.json``."""
    out: dict[str, Any] = {"id": scene.id, "title": scene.title, "file": scene.file, "status": scene.status}
    if scene.pov:
        out["pov"] = scene.pov
    if scene.synopsis:
        out["synopsis"] = scene.synopsis
    if scene.target:
        out["target"] = scene.target
    out.update(scene_field_dict(scene))
    out.update(sorted(scene.extra.items()))
    return out


def part_dict(part: Part) -> dict[str, Any]:
    """A part as written in ``story.json``, its scenes last."""
    out = part_head_dict(part)
    out["scenes"] = [scene_dict(s) for s in part.scenes]
    return out


def part_head_dict(part: Part) -> dict[str, Any]:
    """A part as written, without its ``scenes`` (which come last)."""
    out: dict[str, Any] = {"id": part.id, "title": part.title}
    if part.group:
        out["group"] = part.group
    if part.summary:
        out["summary"] = part.summary
    if part.notes_begin:
        out["notes_begin"] = part.notes_begin
    if part.notes:
        out["notes_end"] = part.notes
    if part.target:
        out["target"] = part.target
    if part.release:
        out["release"] = part.release
    out.update(sorted(part.extra.items()))
    return out


def _character_dict(character: Character) -> dict[str, Any]:
    out: dict[str, Any] = {"id": character.id, "name": character.name, "aliases": list(character.aliases)}
    if character.role:
        out["role"] = character.role
    if character.description:
        out["description"] = character.description
    out["file"] = character.file
    out.update(sorted(character.extra.items()))
    return out


def _trash_dict(item: TrashItem) -> dict[str, Any]:
    node: dict[str, Any]
    if isinstance(item.node, Scene):
        node = scene_dict(item.node)
    elif isinstance(item.node, Part):
        node = part_dict(item.node)
    elif isinstance(item.node, Note):
        node = note_dict(item.node)
    else:
        node = _character_dict(item.node)
    out: dict[str, Any] = {"kind": item.kind, "parent": item.parent_id, "index": item.index}
    if item.deleted_at:
        out["deleted_at"] = item.deleted_at
    out["node"] = node
    return out


class RawJson(str):
    """Text already written as indented JSON at its place in the document (spliced in as is)."""


# Where the parts go when a ``PartsWriter`` writes them: a NUL never appears in JSON text
# (``encode_basestring`` escapes it), so the document splits around it exactly once.
_PARTS_MARK = RawJson("\x00")


class PartsWriter(Protocol):
    """Writes the manifest's ``parts`` list at its place (``manifest_cache.SceneJsonCache``)."""

    def parts_json(self, parts: list[Part]) -> bytes:
        """The parts as ``dump_indented(parts, "  ")`` writes them, in UTF-8."""
        ...


def serialize_manifest(data: ManifestData, parts_writer: PartsWriter | None = None) -> bytes:
    """Return the manifest as deterministic UTF-8 JSON: fixed key order, ``\\n``, trailing newline.

    ``parts_writer`` (a cache of each part's JSON) writes the ``parts`` list: the same bytes, faster.
    """
    document: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "title": data.title,
        "author": data.author,
        "language": data.language,
    }
    document.update(sorted(data.extra.items()))
    document["settings"] = _sorted_settings(data.settings)
    if data.labels:
        document["labels"] = [label_dict(label) for label in data.labels]
    document["characters"] = [_character_dict(c) for c in data.characters]
    if data.notes:
        document["notes"] = [note_dict(note) for note in data.notes]
    written = parts_writer is not None and bool(data.parts)
    document["parts"] = _PARTS_MARK if written else [part_dict(p) for p in data.parts]
    document["trash"] = [_trash_dict(t) for t in data.trash]
    text = dump_indented(document) + "\n"
    if not written:
        return text.encode("utf-8")
    assert parts_writer is not None
    before, after = text.split(_PARTS_MARK)
    return b"".join((before.encode("utf-8"), parts_writer.parts_json(data.parts), after.encode("utf-8")))


def _sorted_settings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_settings(value[k]) for k in sorted(value)}
    return value


def dump_indented(value: Any, pad: str = "") -> str:
    """Return exactly ``json.dumps(value, ensure_ascii=False, indent=2)``, faster for plain data.

    The standard encoder is pure Python when indenting (Python 3.11); this one handles the
    manifest's plain dicts, lists, strings, ints, booleans and ``None`` directly (strings
    through the same C escaper) and hands anything else to ``json.dumps``, re-indented.
    """
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = pad + "  "
        items = []
        for key, item in value.items():
            if type(key) is not str:
                return _standard_dump(value, pad)
            items.append(encode_basestring(key) + ": " + dump_indented(item, inner))
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + pad + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = pad + "  "
        items = [dump_indented(item, inner) for item in value]
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + pad + "]"
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is RawJson:
        return str.__str__(value)
    return _standard_dump(value, pad)


def _standard_dump(value: Any, pad: str) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
