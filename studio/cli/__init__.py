"""The ``studio`` command line: subcommands over the core, or the window when none is given.

Exit codes: 0 success; 1 a problem with the user's input (one line on stderr, no
traceback); 2 wrong usage; 3 ``check`` found unknown words.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from studio import __version__
from studio.core.errors import StudioError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

# Each module registers its subcommands through ``register(subparsers)`` and
# sets ``func`` on them; none of them imports Qt.
COMMAND_MODULES = (
    "studio.cli.project_commands",
    "studio.cli.check_command",
    "studio.cli.publish_commands",
    "studio.cli.character_commands",
    "studio.cli.post_commands",
    "studio.cli.search_commands",
    "studio.cli.story_commands",
    "studio.cli.proofread_command",
)
# The module that registers each subcommand: a command imports its own module only, and the
# window none of them (a test checks this against what the modules register).
COMMANDS = {
    "new": "studio.cli.project_commands",
    "info": "studio.cli.project_commands",
    "check": "studio.cli.check_command",
    "export": "studio.cli.publish_commands",
    "import": "studio.cli.publish_commands",
    "characters": "studio.cli.character_commands",
    "post": "studio.cli.post_commands",
    "posted": "studio.cli.post_commands",
    "search": "studio.cli.search_commands",
    "replace": "studio.cli.search_commands",
    "scenes": "studio.cli.story_commands",
    "notes": "studio.cli.story_commands",
    "labels": "studio.cli.story_commands",
    "proofread": "studio.cli.proofread_command",
}
HELP_OPTIONS = ("-h", "--help", "--version")


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """Return the parser for the subcommands of ``modules`` (default: every one) and the window."""
    parser = argparse.ArgumentParser(
        prog="studio",
        description="Story Studio: write serial fiction. With no command, opens the window.",
        epilog="Run 'studio COMMAND --help' for a command's options, or 'studio window --help'.",
    )
    parser.add_argument("--version", action="version", version=f"Story Studio {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue  # that command has not landed yet
            raise
        module.register(commands)
    window = commands.add_parser("window", help="open the window (the default with no command)")
    add_window_arguments(window)
    return parser


def add_window_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of the window command."""
    parser.add_argument("project", nargs="?", help="project folder (default: the last one, or the sample)")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save a PNG of the window and exit")
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot (WIDTHxHEIGHT)")
    parser.add_argument("--read-only", action="store_true", help="open the project read-only")
    parser.set_defaults(func=run_window)


def run_window(args: argparse.Namespace) -> int:
    """Start the GUI (imported only here, so the other commands never load Qt)."""
    from studio.gui.app import run_app

    return run_app(args)


def _is_subcommand(argv: Sequence[str], parser: argparse.ArgumentParser) -> bool:
    if not argv:
        return False
    first = argv[0]
    if first.startswith("-"):
        return first in ("-h", "--help", "--version")
    choices = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    return first in choices


def _opens_window(argv: Sequence[str]) -> bool:
    """Whether the arguments surely open the window (then no command module need be imported)."""
    if not argv:
        return True
    first = argv[0]
    if first.startswith("-"):
        return first not in HELP_OPTIONS
    return first == "window" or (first not in COMMANDS and os.path.isdir(first))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = args_list[0] if args_list else ""
    if first in COMMANDS:
        parser = build_parser([COMMANDS[first]])
    elif _opens_window(args_list):
        parser = build_parser(())
    else:
        parser = build_parser()
    if not _is_subcommand(args_list, parser):
        args_list = ["window", *args_list]
    args = parser.parse_args(args_list)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return func(args)
    except StudioError as error:
        print(f"studio: {error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"studio: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT
    except UnicodeError:  # e.g. a name given in bytes that are not text in any encoding
        print("studio: text that is not valid Unicode; nothing written", file=sys.stderr)
        return EXIT_INPUT
