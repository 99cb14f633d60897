"""Typed application settings stored in an INI file in the config folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from PySide6.QtCore import QSettings

from studio.core.paths import config_dir

MAX_RECENT = 10
THEMES = ("system", "light", "dark")
PARAGRAPH_LOOKS = ("web", "manuscript")  # the editor's paragraphs: a gap between; or indented, no gap
ZOOM_RANGE = (-8, 24)  # points added to the editor font size by Ctrl+= / Ctrl+-


@dataclass
class AppSettings:
    """Everything the window remembers between runs."""

    editor_font_family: str = ""
    editor_font_size: int = 13
    theme: str = "system"
    paragraph_look: str = "web"  # how the editor shows paragraphs; the file is the same either way
    last_project: str = ""
    recent_projects: list[str] = field(default_factory=list)
    last_scenes: dict[str, str] = field(default_factory=dict)
    geometry: str = ""
    window_state: str = ""
    splitter_sizes: list[int] = field(default_factory=list)
    backup_interval_minutes: int = 10  # a zipped backup after this many minutes of writing
    backups_kept: int = 20  # the newest backups kept per project
    backup_folder: str = ""  # "" = the default folder, outside every project
    editor_zoom: int = 0  # points added to editor_font_size (Ctrl+= / Ctrl+- / Ctrl+0)
    typewriter_scrolling: bool = False  # the typed line stays at a fixed height
    dim_paragraphs: bool = False  # all but the current paragraph dimmed
    # The outline table's hidden columns (keys); [] once the writer shows them all.
    table_hidden_columns: list[str] = field(default_factory=lambda: ["target", "edited", "places"])
    views_shown: str = "corkboard"  # the view in front in the views' dock (corkboard, table, timeline)

    @staticmethod
    def qsettings() -> QSettings:
        """Return the QSettings object over ``config_dir()/settings.ini``."""
        return QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)

    @classmethod
    def load(cls) -> AppSettings:
        """Read the settings, falling back to defaults for anything missing or malformed."""
        store = cls.qsettings()
        result = cls()
        for item in fields(cls):
            raw = store.value(item.name)
            if raw is None:
                continue
            try:
                value = json.loads(raw) if isinstance(raw, str) else raw
            except ValueError:
                continue
            default = getattr(result, item.name)
            if isinstance(value, type(default)) and not (
                isinstance(default, int) and isinstance(value, bool) and not isinstance(default, bool)
            ):
                setattr(result, item.name, value)
        if result.theme not in THEMES:
            result.theme = "system"
        if result.paragraph_look not in PARAGRAPH_LOOKS:
            result.paragraph_look = "web"
        result.editor_zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], result.editor_zoom))
        return result

    def save(self) -> None:
        """Write every setting (as JSON values) and flush the file."""
        store = self.qsettings()
        for name, value in asdict(self).items():
            store.setValue(name, json.dumps(value))
        store.sync()

    def remember_project(self, path: str) -> None:
        """Make ``path`` the last project and the first of the recent ones."""
        self.last_project = path
        self.recent_projects = [path, *[p for p in self.recent_projects if p != path]][:MAX_RECENT]

    def as_dict(self) -> dict[str, Any]:
        """Return the settings as a plain dict."""
        return asdict(self)
