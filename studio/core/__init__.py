"""The pure-Python core of Story Studio: project model, storage, spelling, import, export.

Nothing in this package imports Qt or shows a dialog; the GUI and the CLI are its clients.
"""

from studio.core.errors import StudioError
from studio.core.nodes import Character, Part, Scene, TrashItem
from studio.core.project import Project
from studio.core.storage import create_project, load_project

__all__ = [
    "Character",
    "Part",
    "Project",
    "Scene",
    "StudioError",
    "TrashItem",
    "create_project",
    "load_project",
]
