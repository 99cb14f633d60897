"""``studio export`` and ``studio import``: publish a part, or bring in an existing story."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio.core import load_project
from studio.core.atomic import atomic_write
from studio.core.errors import StudioError
from studio.core.naming import slugify
from studio.core.publishing.exporting import (
    ExportScope,
    export_parts_to_files,
    export_text,
    find_part,
    gather,
)
from studio.core.publishing.options import FORMATS, ExportOptions
from studio.core.publishing.profiles import SITES, render_for_site, site_document, site_profile
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
    export.add_argument(
        "--format", help=f"{', '.join(ALL_FORMATS)} (default: the saved option; docx/epub need --output)"
    )
    export.add_argument(
        "--site",
        metavar="SITE",
        help=f"one part ready to post on a site: {', '.join(SITES)} (needs --part)",
    )
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
        help="import a story from text, Markdown, HTML (AO3 downloads too), .docx or a novelWriter project",
        description="Import text, Markdown, HTML or Word files, or a novelWriter project folder: into a new "
        "project, or appended to an existing one. The reader is chosen from each file's content.",
    )
    imp.add_argument(
        "files", nargs="+", metavar="FILE", help="files (or novelWriter project folders) to import, in order"
    )
    imp.add_argument("--into", metavar="DIR", help="new or existing project folder")
    imp.add_argument("--title", help="the story's title (default: found in the file, or its name)")
    imp.add_argument("--encoding", help="the files' encoding when not UTF-8 (e.g. cp1252)")
    imp.add_argument(
        "--again",
        action="store_true",
        help="import a second copy of files already imported into the project",
    )
    imp.set_defaults(func=run_import)


ALL_FORMATS = (*FORMATS, "docx", "epub")


def run_export(args: argparse.Namespace) -> int:
    """Export and write the text to a file or standard output."""
    if args.format and args.format not in ALL_FORMATS:
        raise StudioError(f"unknown format {args.format!r}; choose one of {', '.join(ALL_FORMATS)}")
    if args.site:
        return _export_for_site(args)
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
    if args.format in ("docx", "epub"):
        if not args.output:
            raise StudioError(f"--format {args.format} needs --output FILE")
        from studio.core.publishing.documents import docx_bytes, epub_bytes  # lazy: python-docx, ebooklib

        document = gather(project, scope, options)
        data = (
            docx_bytes(document, options)
            if args.format == "docx"
            else epub_bytes(document, options, project.language)
        )
        return _write_output(args.output, data, f"{len(data)} bytes")
    text = export_text(project, options, scope, args.format)
    # The words of the scenes written, as the app counts them (known from the word-count cache:
    # splitting the 6 MB text of a 1M-word export again took a tenth of the command's time).
    scenes = project.part(scope.part_id).scenes if scope.kind == "part" else project.iter_scenes()
    return _write_output(args.output, text.encode("utf-8"), f"{sum(s.words for s in scenes)} words")


def _export_for_site(args: argparse.Namespace) -> int:
    """``--site``: one part rendered for a posting site (FanFiction.net: .docx unless --output x.html)."""
    from studio.core.publishing.documents import docx_bytes  # lazy: python-docx, ebooklib

    profile = site_profile(args.site)
    if not args.part:
        raise StudioError("--site needs --part N")
    project = load_project(args.dir, read_only=True)
    part_id = find_part(project, args.part)
    as_html = bool(args.output) and str(args.output).lower().endswith((".html", ".htm"))
    if profile.file_format == "docx" and not as_html:
        if not args.output or args.output == "-":
            raise StudioError(f"--site {profile.key} writes a .docx: give --output FILE.docx (or FILE.html)")
        document, options = site_document(project, profile, part_id)
        return _write_output(args.output, docx_bytes(document, options, rule_breaks=True), "docx")
    render = render_for_site(project, profile, part_id=part_id)
    if profile.notes_apart and (render.notes_begin or render.notes_end or render.summary):
        print(f"The summary and notes go in {profile.name}'s own fields (not in this text).", file=sys.stderr)
    return _write_output(args.output, render.body.encode("utf-8"), f"{len(render.plain.split())} words")


def _write_output(output: str | None, data: bytes, size: str) -> int:
    """Write to standard output (none or ``-``) or atomically to a file."""
    if not output or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    target = Path(output).expanduser()
    if target.is_dir():
        raise StudioError(f"{target}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise StudioError(f"{target.parent}: no such folder")
    atomic_write(target, data)
    print(f"Wrote {target} ({size})", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Read the files, create or extend the project and say where; on stderr, what was left out."""
    from studio.core.importing.apply import DuplicateImportError, apply_plan, is_project_folder
    from studio.core.importing.reader import ImportOptions
    from studio.core.importing.sources import plan_from_paths  # lazy: mammoth, python-docx

    plan = plan_from_paths(args.files, ImportOptions(encoding=args.encoding, title=args.title or ""))
    target = Path(args.into).expanduser() if args.into else _default_folder(plan.title)
    if target.exists() and not is_project_folder(target) and (not target.is_dir() or any(target.iterdir())):
        raise StudioError(f"{target}: exists and is not a Story Studio project; choose another --into")
    with holding_for_writing(target):
        try:
            project, created = apply_plan(target, plan, again=args.again)
        except DuplicateImportError as error:
            raise StudioError(f"{error}; use --again to import a second copy") from None
    verb = "Created" if created else "Appended to"
    # A new project holds just the import, its words counted as its scenes were written; the plan
    # would count them all again (a fifth of the processor time of a 1M-word import).
    words = project.words if created else plan.words
    print(
        f"{verb} {project.title!r} in {project.root}: {_count(len(plan.parts), 'part')}, "
        f"{_count(plan.scene_count, 'scene')}, {_count(words, 'word')}"
    )
    for item in plan.left_out:
        print(f"left out: {item}", file=sys.stderr)
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
