"""Errors the core raises; each carries a one-line message fit for a user."""

from __future__ import annotations


class StudioError(Exception):
    """A problem with the user's input or files, explained in one line."""


class ManifestError(StudioError):
    """The manifest cannot be read or contains something unsafe or invalid."""


class FormatTooNewError(ManifestError):
    """The manifest was written by a newer Story Studio."""


class ExternalChangeError(StudioError):
    """A file changed on disk since the app last read or wrote it."""

    def __init__(self, path: str, message: str | None = None) -> None:
        super().__init__(message or f"{path} changed on disk since it was last read; not overwritten")
        self.path = path


class ReadOnlyError(StudioError):
    """A write was refused because the scene or project is open read-only."""


class NodeNotFoundError(StudioError):
    """No part, scene or character has the given id."""


class OutsideFolderError(StudioError):
    """A write was refused because its folder leads (through a link) outside the project or backups."""
