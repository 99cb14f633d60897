"""``studio new`` and ``studio info``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from studio.core import Project, create_project, load_project
from studio.core.wording import count


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``new`` and ``info`` subcommands."""
    new = commands.add_parser("new", help="create an empty project", description="Create an empty project.")
    new.add_argument("dir", help="folder to create (must not exist, or be empty)")
    new.add_argument("--title", required=True, help="the story's title")
    new.add_argument("--author", default="", help="the author's name")
    new.add_argument("--language", default="en", help="language code for spelling (default: en)")
    new.set_defaults(func=run_new)

    info = commands.add_parser(
        "info", help="print a project's parts and scenes", description="Print a project."
    )
    info.add_argument("dir", help="project folder")
    info.add_argument("--json", action="store_true", help="print JSON (a stable schema)")
    info.set_defaults(func=run_info)


def run_new(args: argparse.Namespace) -> int:
    """Create the project and say where."""
    project = create_project(args.dir, args.title, args.author, args.language)
    print(f"Created {project.title!r} in {project.root}")
    return 0


def project_summary(project: Project) -> dict[str, Any]:
    """Return the ``studio info --json`` document."""
    return {
        "title": project.title,
        "author": project.author,
        "language": project.language,
        "words": project.words,
        "parts": [
            {
                "id": part.id,
                "title": part.title,
                "words": part.words,
                "scenes": [
                    {"id": s.id, "title": s.title, "status": s.status, "words": s.words} for s in part.scenes
                ],
            }
            for part in project.parts
        ],
        "characters": [{"id": c.id, "name": c.name} for c in project.characters],
        "problems": list(project.problems),
    }


def run_info(args: argparse.Namespace) -> int:
    """Print the project as text or JSON."""
    project = load_project(args.dir, read_only=True)
    summary = project_summary(project)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    by = f" by {project.author}" if project.author else ""
    print(f"{project.title}{by} — {count(project.words, 'word')}, {count(len(project.parts), 'part')}")
    for number, part in enumerate(summary["parts"], 1):
        scenes = count(len(part["scenes"]), "scene")
        print(f"{number}. {part['title']} ({count(part['words'], 'word')}, {scenes})")
        for scene in part["scenes"]:
            words = count(scene["words"], "word")
            print(f"   - {scene['title']} [{scene['status']}] {words}  ({scene['id']})")
    if summary["characters"]:
        print("Characters: " + ", ".join(c["name"] for c in summary["characters"]))
    for problem in summary["problems"]:
        print(f"problem: {problem}")
    return 0
