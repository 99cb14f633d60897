"""What the writer chose for proofreading (checks on, underlines, scope), kept in settings.ini.

Stored under ``proofreading/`` in the application's settings file, beside (not inside) the
typed ``AppSettings``; an unreadable value falls back to the default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from studio.core.proofreading.findings import CHECKS, ProofOptions
from studio.gui.settings import AppSettings

SCOPES = ("scene", "part", "project")
_KEYS = ("checks", "underlines", "scope")


@dataclass
class ProofPreferences:
    """The checks turned on, whether the editor underlines findings, and the panel's scope."""

    checks: list[str] = field(default_factory=lambda: list(CHECKS))
    underlines: bool = True
    scope: str = "scene"

    @classmethod
    def load(cls) -> ProofPreferences:
        """Read the preferences, defaults for anything missing or malformed."""
        store = AppSettings.qsettings()
        found = cls()
        raw: dict[str, object] = {}
        for key in _KEYS:
            value = store.value(f"proofreading/{key}")
            try:
                raw[key] = json.loads(value) if isinstance(value, str) else None
            except ValueError:
                raw[key] = None
        checks = raw["checks"]
        if isinstance(checks, list):
            found.checks = [name for name in CHECKS if name in checks]
        if isinstance(raw["underlines"], bool):
            found.underlines = raw["underlines"]
        if raw["scope"] in SCOPES:
            found.scope = str(raw["scope"])
        return found

    def save(self) -> None:
        """Write the preferences now."""
        store = AppSettings.qsettings()
        store.setValue("proofreading/checks", json.dumps(self.checks))
        store.setValue("proofreading/underlines", json.dumps(self.underlines))
        store.setValue("proofreading/scope", json.dumps(self.scope))
        store.sync()

    def options(self) -> ProofOptions:
        """The core options for the checks turned on."""
        return ProofOptions(checks=frozenset(self.checks))
