"""``studio characters DIR [--json]`` and ``studio characters add DIR NAME ...``.

``characters`` takes an optional action, ``list`` (the default) or ``add``, so
``studio characters DIR`` lists; a project folder literally named ``add`` or
``list`` is reached with ``studio characters list ./add``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from studio.core import Project, load_project
from studio.core.characters import AppearanceIndex, appearances_summary
from studio.core.errors import StudioError
from studio.core.nodes import DEFAULT_ROLES
from studio.core.safety.locking import holding_for_writing
from studio.core.wording import count

USAGE = (
    "studio characters [list] DIR [--json]\n"
    "       studio characters add DIR NAME [--alias A]... [--role R] [--description D]"
)


if TYPE_CHECKING:
    _SubParsersAction = argparse._SubParsersAction[argparse.ArgumentParser]
else:  # not subscriptable at run time
    _SubParsersAction = argparse._SubParsersAction


class _OpenChoices(dict[str, argparse.ArgumentParser]):
    """A name-to-parser map that lets any first word through argparse's choice check."""

    def __contains__(self, key: object) -> bool:
        return True


class _ListByDefault(_SubParsersAction):
    """Sub-actions where an unknown first word means ``list`` (it is the project folder)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Sequence[Any] | str | None,
        option_string: str | None = None,
    ) -> None:
        values = list(values or [])
        if values and not dict.__contains__(self._name_parser_map, values[0]):
            values.insert(0, "list")
        super().__call__(parser, namespace, values, option_string)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``characters`` command with its ``list`` and ``add`` actions."""
    characters = commands.add_parser(
        "characters",
        help="list the characters and where they appear, or add one",
        description="List each character with the scenes it appears in, or add a character.",
        usage=USAGE,
    )
    characters.add_argument("--json", action="store_true", help="print JSON (a stable schema)")
    actions = characters.add_subparsers(
        dest="characters_action", metavar="{list,add}", action=_ListByDefault, required=True
    )
    listing = actions.add_parser(
        "list",
        prog="studio characters list",
        help="each character with its appearances (the default)",
        description="List characters.",
    )
    listing.add_argument("dir", help="project folder")
    listing.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON (a stable schema)"
    )
    listing.set_defaults(func=run_list)

    add = actions.add_parser(
        "add",
        prog="studio characters add",
        help="add a character",
        description="Add a character to a project.",
    )
    add.add_argument("dir", help="project folder")
    add.add_argument("name", help="the character's name, e.g. 'Jess Summers'")
    add.add_argument(
        "--alias", action="append", default=[], metavar="A", help="a nickname, surname or title (repeatable)"
    )
    add.add_argument("--role", default="", help=f"{', '.join(DEFAULT_ROLES)}, or your own")
    add.add_argument("--description", default="", help="a one-line description")
    add.set_defaults(func=run_add)
    # Only now (argparse refuses a name "already there" otherwise): let the folder through.
    actions.choices = actions._name_parser_map = _OpenChoices(actions._name_parser_map)


def run_list(args: argparse.Namespace) -> int:
    """Print each character with the scenes it appears in (and the count in each)."""
    project = load_project(args.dir, read_only=True)
    index = AppearanceIndex.for_project(project)
    summary = appearances_summary(project, index)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    if not summary:
        print(f"{project.title}: no characters yet (add one with 'studio characters add DIR NAME')")
        return 0
    for entry in summary:
        print_appearances(project, entry, f" ({entry['role']})" if entry["role"] else "")
    return 0


def print_appearances(project: Project, entry: dict[str, Any], detail: str) -> None:
    """Print a character, place or note (``detail`` after its name), its mentions, then each scene's."""
    aliases = f" — also {', '.join(entry['aliases'])}" if entry["aliases"] else ""
    total = sum(a["count"] for a in entry["appearances"])
    counted = f"{count(total, 'mention')} in {count(len(entry['appearances']), 'scene')}"
    print(f"{entry['name']}{detail}{aliases}: {counted}  [{entry['id']}]")
    for appearance in entry["appearances"]:
        scene = project.scene(appearance["scene_id"])
        print(f"   {project.part_of(scene.id).title} / {scene.title or scene.id}: {appearance['count']}")


def run_add(args: argparse.Namespace) -> int:
    """Add a character with its aliases, role and description."""
    name = " ".join(args.name.split())
    if not name:
        raise StudioError("a character needs a name")
    with holding_for_writing(args.dir):
        project = load_project(args.dir)
        if any(c.name == name for c in project.characters):
            raise StudioError(f"there is already a character named {name!r}")
        aliases = [" ".join(a.split()) for a in args.alias if a.strip()]
        character = project.add_character(
            name, aliases=aliases, role=args.role.strip(), description=args.description.strip()
        )
    print(f"Added {character.name!r} ({character.id}) to {project.title!r}")
    return 0
