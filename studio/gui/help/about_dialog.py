"""*Help › About Story Studio*: the name, version, what it is for, the licence and the credits.

"one-action" is written with a non-breaking hyphen so the line never breaks inside it. The
icon credit is read from the icon sets in ``resources/icons`` (each folder with a licence
file), so a set added or changed there is credited without editing this dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio import APP_NAME, __version__
from studio.gui.theme import RESOURCES, app_icon

NB_HYPHEN = "\u2011"
DESCRIPTION = (
    "A desktop writing app for serial fiction: parts, scenes, characters, safe reorganising "
    f"and one{NB_HYPHEN}action publishing."
)
LICENCE = "Free software under the MIT licence."
BUILT_WITH = (
    "Built with Qt for Python (PySide6, LGPLv3), pyspellchecker, watchdog, nh3, python-docx, "
    "EbookLib and mammoth."
)
LICENCE_NAMES = ("LICENSE", "LICENCE", "LICENSE.txt", "LICENSE.md", "COPYING")


def icon_credits(icons: Path = RESOURCES / "icons") -> list[str]:
    """One line per icon set in ``icons`` that carries a licence file: its name and licence."""
    lines = []
    folders = sorted(p for p in icons.iterdir() if p.is_dir()) if icons.is_dir() else []
    for folder in folders:
        licence = next((folder / n for n in LICENCE_NAMES if (folder / n).is_file()), None)
        if licence is None:
            continue
        try:
            first = next((ln.strip() for ln in licence.read_text("utf-8").splitlines() if ln.strip()), "")
        except (OSError, UnicodeDecodeError):
            first = ""
        named = f"{first} (see {licence.relative_to(icons.parent.parent).as_posix()})" if first else ""
        lines.append(
            f"Icons: {folder.name.title()}, an open-licensed icon set{', ' + named if named else ''}."
        )
    return lines


class AboutDialog(QDialog):
    """The About box: icon, name and version, one line on what it is, licence, credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(app_icon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.name_label = QLabel(APP_NAME)
        self.name_label.setObjectName("aboutName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.version_label = QLabel(f"Version {__version__}")
        self.version_label.setObjectName("aboutVersion")
        self.description_label = self._text("aboutDescription", DESCRIPTION)
        self.licence_label = self._text("aboutLicence", LICENCE)
        credits = [BUILT_WITH, *icon_credits()]
        self.credits_label = self._text("aboutCredits", "\n".join(credits))
        self.credits_label.setStyleSheet("color: palette(placeholder-text);")
        text = QVBoxLayout()
        text.setSpacing(6)
        for widget in (self.name_label, self.version_label, self.description_label, self.licence_label):
            text.addWidget(widget)
        text.addSpacing(6)
        text.addWidget(self.credits_label)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 14)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @staticmethod
    def _text(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
