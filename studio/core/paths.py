"""Where the app keeps per-user files: settings, the user word list, backups.

``STUDIO_CONFIG_DIR`` overrides the location (tests point it at a temp folder).
"""

from __future__ import annotations

import os
from pathlib import Path


def config_dir() -> Path:
    """Return the per-user configuration folder, creating it on first use."""
    override = os.environ.get("STUDIO_CONFIG_DIR")
    if override:
        folder = Path(override)
    else:
        base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
        folder = Path(base) / "story-studio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def user_word_list_path() -> Path:
    """Return the user-wide word list (one word per line)."""
    return config_dir() / "words.txt"


def default_backup_dir() -> Path:
    """Return the default folder for zipped project backups (outside any project)."""
    return config_dir() / "backups"


def sample_project_dir() -> Path | None:
    """Return the bundled sample project, if this is a source checkout."""
    root = Path(__file__).resolve().parents[2] / "projects"
    if root.is_dir():
        for child in sorted(root.iterdir()):
            if (child / "story.json").is_file():
                return child
    return None
