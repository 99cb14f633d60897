"""Counts in words, as the window and the command line say them: ``1 scene``, ``4,178 words``."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """Return ``number`` with thousands separators and ``noun``, plural unless it is one."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {plural or noun + 's'}"
