"""``studio scenes DIR``, ``studio notes DIR``, ``studio notes add DIR NAME`` and ``studio labels DIR``.

``notes`` and ``labels`` take an optional action (``list``, the default, or ``add``) as
``studio characters`` does; a folder literally named ``add`` is reached with ``list ./add``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from studio.cli.character_commands import _ListByDefault, _OpenChoices, print_appearances
from studio.core import Project, load_project
from studio.core.characters import AppearanceIndex
from studio.core.errors import StudioError
from studio.core.labels import label_names
from studio.core.nodes import NOTE_KINDS
from studio.core.notes import notes_index, notes_summary
from studio.core.safety.locking import holding_for_writing
from studio.core.wording import count

JSON_HELP = "print JSON (a stable schema)"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``scenes``, ``notes`` and ``labels`` commands."""
    scenes = commands.add_parser(
        "scenes",
        help="list every scene with all its fields",
        description="List every scene: part, title, status, POV, synopsis, words, labels, story time, "
        "the characters and places it mentions.",
    )
    scenes.add_argument("dir", help="project folder")
    scenes.add_argument("--json", action="store_true", help=JSON_HELP)
    scenes.set_defaults(func=run_scenes)
    _register_notes(commands)
    _register_labels(commands)


def _with_actions(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, usage: str, text: str
) -> tuple[argparse._SubParsersAction[argparse.ArgumentParser], argparse.ArgumentParser]:
    """A command with ``list`` (the default) and ``add`` actions; return its actions and its list parser."""
    parser = commands.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".", usage=usage)
    parser.add_argument("--json", action="store_true", help=JSON_HELP)
    actions = parser.add_subparsers(
        dest=f"{name}_action", metavar="{list,add}", action=_ListByDefault, required=True
    )
    listing = actions.add_parser("list", prog=f"studio {name} list", help="list them (the default)")
    listing.add_argument("dir", help="project folder")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=JSON_HELP)
    return actions, listing


def _register_notes(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    usage = (
        "studio notes [list] DIR [--json]\n"
        "       studio notes add DIR NAME --kind place|thing|note [--alias A]... [--description D]"
    )
    actions, listing = _with_actions(
        commands, "notes", usage, "list the places, things and notes and where they appear, or add one"
    )
    listing.set_defaults(func=run_notes)
    add = actions.add_parser("add", prog="studio notes add", help="add a place, thing or note")
    add.add_argument("dir", help="project folder")
    add.add_argument("name", help="its name, e.g. 'Sunnydale High'")
    add.add_argument(
        "--kind", choices=NOTE_KINDS, default="note", help="place, thing or note (default: note)"
    )
    add.add_argument("--alias", action="append", default=[], metavar="A", help="another name (repeatable)")
    add.add_argument("--description", default="", help="a one-line description")
    add.set_defaults(func=run_add_note)
    actions.choices = actions._name_parser_map = _OpenChoices(actions._name_parser_map)


def _register_labels(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    usage = "studio labels [list] DIR [--json]\n       studio labels add DIR NAME [--colour #rrggbb]"
    actions, listing = _with_actions(
        commands, "labels", usage, "list the labels and their scenes, or add one"
    )
    listing.set_defaults(func=run_labels)
    add = actions.add_parser("add", prog="studio labels add", help="define a label")
    add.add_argument("dir", help="project folder")
    add.add_argument("name", help="its name, e.g. 'Ghost plot'")
    add.add_argument("--colour", "--color", default="", help="#rrggbb (default: the next of the palette)")
    add.set_defaults(func=run_add_label)
    actions.choices = actions._name_parser_map = _OpenChoices(actions._name_parser_map)


def scenes_summary(project: Project) -> list[dict[str, Any]]:
    """Return the ``studio scenes --json`` document: every scene with all its fields."""
    cast = AppearanceIndex.for_project(project)
    bible = notes_index(project)
    names = {c.id: c.name for c in project.characters}
    notes = {n.id: n for n in project.notes}
    out = []
    for part in project.parts:
        for scene in part.scenes:
            mentioned = [notes[nid] for nid in bible.characters_in(scene.id)]
            out.append(
                {
                    "id": scene.id,
                    "part_id": part.id,
                    "title": scene.title,
                    "status": scene.status,
                    "pov": scene.pov,
                    "synopsis": scene.synopsis,
                    "words": scene.words,
                    "labels": label_names(project.labels, scene.labels),
                    "story_time": scene.story_time,
                    "story_order": scene.story_order,
                    "characters": [names[cid] for cid in cast.characters_in(scene.id)],
                    "places": [n.name for n in mentioned if n.kind == "place"],
                    "things": [n.name for n in mentioned if n.kind == "thing"],
                }
            )
    return out


def run_scenes(args: argparse.Namespace) -> int:
    """Print every scene with its fields."""
    project = load_project(args.dir, read_only=True)
    summary = scenes_summary(project)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    for entry in summary:
        details = [entry["status"], f"{entry['words']} words"]
        if entry["pov"]:
            details.append(f"POV {entry['pov']}")
        if entry["story_time"]:
            order = f" (#{entry['story_order']})" if entry["story_order"] is not None else ""
            details.append(f"when: {entry['story_time']}{order}")
        if entry["labels"]:
            details.append("labels: " + ", ".join(entry["labels"]))
        print(
            f"{entry['title'] or 'Untitled scene'}  [{entry['id']} in {entry['part_id']}]: "
            + "; ".join(details)
        )
        for key in ("synopsis", "characters", "places", "things"):
            value = entry[key]
            if value:
                print(f"   {key}: {value if isinstance(value, str) else ', '.join(value)}")
    return 0


def run_notes(args: argparse.Namespace) -> int:
    """Print each place, thing and note with the scenes it appears in."""
    project = load_project(args.dir, read_only=True)
    summary = notes_summary(project)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    if not summary:
        print(f"{project.title}: no places, things or notes yet (add one with 'studio notes add DIR NAME')")
        return 0
    for entry in summary:
        print_appearances(project, entry, f" ({entry['kind']})")
    return 0


def run_add_note(args: argparse.Namespace) -> int:
    """Add a place, thing or note (holding the project's lock)."""
    name = " ".join(args.name.split())
    if not name:
        raise StudioError("a place, thing or note needs a name")
    with holding_for_writing(args.dir):
        project = load_project(args.dir)
        if any(n.name == name for n in project.notes):
            raise StudioError(f"there is already a place, thing or note named {name!r}")
        note = project.add_note(name, args.kind, aliases=args.alias, description=args.description.strip())
    print(f"Added the {note.kind} {note.name!r} ({note.id}) to {project.title!r}")
    return 0


def run_labels(args: argparse.Namespace) -> int:
    """Print each label with its colour and the scenes that carry it."""
    project = load_project(args.dir, read_only=True)
    summary = [
        {
            "id": label.id,
            "name": label.name,
            "colour": label.colour,
            "scenes": [s.id for s in project.iter_scenes() if label.id in s.labels],
        }
        for label in project.labels
    ]
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    if not summary:
        print(f"{project.title}: no labels yet (add one with 'studio labels add DIR NAME')")
    for entry in summary:
        colour = entry["colour"] or "no colour"
        print(f"{entry['name']} ({colour}): {count(len(entry['scenes']), 'scene')}  [{entry['id']}]")
    return 0


def run_add_label(args: argparse.Namespace) -> int:
    """Define a label (holding the project's lock)."""
    with holding_for_writing(args.dir):
        project = load_project(args.dir)
        label = project.add_label(args.name, args.colour)
    print(f"Added the label {label.name!r} ({label.id}, {label.colour}) to {project.title!r}")
    return 0
