"""``studio export`` and ``studio import``: publish a part, or bring in an existing story."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio.core import load_project
from studio.core.atomic import atomic_write
from studio.core.errors import StudioError
from studio.core.importing.apply import DuplicateImportError, apply_plan, is_project_folder
from studio.core.importing.reader import ImportOptions, plan_import
from studio.core.naming import slugify
from studio.core.publishing.exporting import ExportScope, export_parts_to_files, export_text, find_part
from studio.core.publishing.options import FORMATS, ExportOptions
from studio.core.safety.locking import holding_for_writing


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` and ``import`` subcommands."""
    export = commands.add_parser(
        "export",
        help="publish the manuscript or one part as text, Markdown or HTML",
        description="Publish the manuscript or one part, with the project's saved export options.",
        epilog="Option keys: "
        + ", ".join(ExportOptions.keys())
        + ". Example: --set separator='* * *' --set header=",
    )
    export.add_argument("dir", help="project folder")
    export.add_argument("--part", metavar="N|TITLE", help="only this part (numbers count from 1)")
    export.add_argument("--format", choices=FORMATS, help="txt, md or html (default: the saved option)")
    export.add_argument("--output", "-o", metavar="FILE|-", help="output file (- or none: stdout)")
    export.add_argument("--each-part", metavar="FOLDER", help="write one file per part into FOLDER")
    export.add_argument(
        "--set",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="override one option for this run; \\n is a line break, an empty value turns it off",
    )
    export.set_defaults(func=run_export)

    imp = commands.add_parser(
        "import",
        help="import a story from plain text or Markdown files",
        description="Import text or Markdown files: into a new project, or appended to an existing one.",
    )
    imp.add_argument("files", nargs="+", metavar="FILE", help="files to import, in order")
    imp.add_argument("--into", metavar="DIR", help="new or existing project folder")
    imp.add_argument("--title", help="the story's title (default: found in the file, or its name)")
    imp.add_argument("--encoding", help="the files' encoding when not UTF-8 (e.g. cp1252)")
    imp.add_argument(
        "--again",
        action="store_true",
        help="import a second copy of files already imported into the project",
    )
    imp.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    """Export and write the text to a file or standard output."""
    project = load_project(args.dir, read_only=True)
    options = ExportOptions.from_settings(project.settings.get("export"))
    for item in args.set:
        key, equals, value = item.partition("=")
        if not equals:
            raise StudioError(f"--set needs KEY=VALUE; got {item!r}")
        options.apply_override(key.strip(), value)
    if args.each_part:
        paths = export_parts_to_files(project, Path(args.each_part).expanduser(), options, args.format)
        print(f"Wrote {_count(len(paths), 'file')} in {args.each_part}", file=sys.stderr)
        return 0
    scope = ExportScope("part", find_part(project, args.part)) if args.part else ExportScope()
    text = export_text(project, options, scope, args.format)
    if not args.output or args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    target = Path(args.output).expanduser()
    if target.is_dir():
        raise StudioError(f"{target}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise StudioError(f"{target.parent}: no such folder")
    atomic_write(target, text.encode("utf-8"))
    print(f"Wrote {target} ({len(text.split())} words)", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Read the files, then create or extend the project and say where."""
    plan = plan_import(args.files, ImportOptions(encoding=args.encoding, title=args.title or ""))
    target = Path(args.into).expanduser() if args.into else _default_folder(plan.title)
    if target.exists() and not is_project_folder(target) and (not target.is_dir() or any(target.iterdir())):
        raise StudioError(f"{target}: exists and is not a Story Studio project; choose another --into")
    with holding_for_writing(target):
        try:
            project, created = apply_plan(target, plan, again=args.again)
        except DuplicateImportError as error:
            raise StudioError(f"{error}; use --again to import a second copy") from None
    verb = "Created" if created else "Appended to"
    print(
        f"{verb} {project.title!r} in {project.root}: {_count(len(plan.parts), 'part')}, "
        f"{_count(plan.scene_count, 'scene')}, {_count(plan.words, 'word')}"
    )
    return 0


def _default_folder(title: str) -> Path:
    stem = slugify(title, "imported-story")
    candidate, number = Path.cwd() / stem, 1
    while candidate.exists():
        number += 1
        candidate = Path.cwd() / f"{stem}-{number}"
    return candidate


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
