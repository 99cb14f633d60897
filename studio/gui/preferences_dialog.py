"""Preferences: the editor's font, size and paragraph look, the theme (following the system by default).

The theme, the font, its size and the paragraph look are previewed as they are chosen (the
window applies a copy of the settings through ``preview``); OK keeps them, Cancel (or Esc, or
closing the dialog) puts back what was there before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from studio.gui.settings import PARAGRAPH_LOOKS, THEMES, AppSettings

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
PREFERENCE_FIELDS = (
    "editor_font_family",
    "editor_font_size",
    "theme",
    "paragraph_look",
    "backup_interval_minutes",
    "backups_kept",
)
FONT_SIZES = (4, 400)  # points; every size the settings hold shows as it is (never clamped)
LOOK_LABELS = {"web": "Web: a gap between paragraphs", "manuscript": "Manuscript: first-line indent, no gap"}


class PreferencesDialog(QDialog):
    """Edits an ``AppSettings``; on accept the settings are updated and saved."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        preview: Callable[[AppSettings], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.font_combo = QFontComboBox()
        self.font_combo.setObjectName("fontCombo")
        from studio.gui.editor.editor import default_font_family

        self.font_combo.setCurrentFont(QFont(settings.editor_font_family or default_font_family()))
        self.size_spin = QSpinBox(minimum=FONT_SIZES[0], maximum=FONT_SIZES[1], suffix=" pt")
        self.size_spin.setObjectName("fontSizeSpin")
        self.size_spin.setValue(settings.editor_font_size)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("themeCombo")
        for theme in THEMES:
            self.theme_combo.addItem(THEME_LABELS[theme], theme)
        self.theme_combo.setCurrentIndex(THEMES.index(settings.theme))
        self.look_combo = QComboBox()
        self.look_combo.setObjectName("paragraphLookCombo")
        for look in PARAGRAPH_LOOKS:
            self.look_combo.addItem(LOOK_LABELS[look], look)
        self.look_combo.setCurrentIndex(PARAGRAPH_LOOKS.index(settings.paragraph_look))
        self.look_combo.setToolTip("How the editor shows paragraphs; the scene files are the same either way")
        self.backup_minutes_spin = QSpinBox(minimum=1, maximum=240, suffix=" min of writing")
        self.backup_minutes_spin.setObjectName("backupMinutesSpin")
        self.backup_minutes_spin.setValue(settings.backup_interval_minutes)
        self.backup_minutes_spin.setToolTip("A zipped backup after this long, and on close")
        self.backups_kept_spin = QSpinBox(minimum=1, maximum=500)
        self.backups_kept_spin.setObjectName("backupsKeptSpin")
        self.backups_kept_spin.setValue(settings.backups_kept)
        self.backups_kept_spin.setToolTip("The newest backups kept for each project; older ones are deleted")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Editor font", self.font_combo)
        form.addRow("Font size", self.size_spin)
        form.addRow("Paragraphs", self.look_combo)
        form.addRow("Theme", self.theme_combo)
        form.addRow("Back up every", self.backup_minutes_spin)
        form.addRow("Backups kept", self.backups_kept_spin)
        form.addRow(buttons)
        self._preview = preview
        self._previewed = False
        self._shown = self._widget_values()  # what each field showed at first: only a change is kept
        self.font_combo.currentFontChanged.connect(lambda _font: self._on_look_changed())
        self.size_spin.valueChanged.connect(lambda _size: self._on_look_changed())
        self.theme_combo.currentIndexChanged.connect(lambda _index: self._on_look_changed())
        self.look_combo.currentIndexChanged.connect(lambda _index: self._on_look_changed())

    def _widget_values(self) -> dict[str, object]:
        return {
            "editor_font_family": self.font_combo.currentFont().family(),
            "editor_font_size": self.size_spin.value(),
            "theme": self.theme_combo.currentData(),
            "paragraph_look": self.look_combo.currentData(),
            "backup_interval_minutes": self.backup_minutes_spin.value(),
            "backups_kept": self.backups_kept_spin.value(),
        }

    def choices(self) -> AppSettings:
        """A copy of the settings with the fields the writer changed (the settings themselves unchanged).

        A field left alone keeps the stored value, even one the field cannot show as it is
        (the default font, "" in the settings, shows as the font it stands for).
        """
        changed = {name: value for name, value in self._widget_values().items() if value != self._shown[name]}
        return replace(self.settings, **changed)  # type: ignore[arg-type]

    def _on_look_changed(self) -> None:
        if self._preview is not None:
            self._previewed = True
            self._preview(self.choices())

    def accept(self) -> None:
        """Store the choices in the settings file, then close."""
        chosen = self.choices()
        for name in PREFERENCE_FIELDS:
            setattr(self.settings, name, getattr(chosen, name))
        self.settings.save()
        super().accept()

    def reject(self) -> None:
        """Close without keeping anything: a previewed look goes back to the stored settings."""
        if self._preview is not None and self._previewed:
            self._preview(self.settings)
        super().reject()
