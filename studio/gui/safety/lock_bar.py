"""A bar above the editor: another window or process took the project's lock over."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from studio.core.safety.locking import LockInfo


class LockTakenBar(QFrame):
    """Names who took the lock over; this window stays read-only from then on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockTakenBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#lockTakenBar { background: palette(tooltip-base); border-bottom: 1px solid palette(mid); }"
        )
        self.label = QLabel()
        self.label.setObjectName("lockTakenText")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_taken(self, holder: LockInfo | None, kept: int) -> None:
        """Say who holds the lock now (host, process, user, since when) and what was kept."""
        if holder is None:
            who = "another Story Studio (its lock file cannot be read)"
        else:
            who = (
                f"{holder.user or 'someone'} on {holder.host or 'an unknown computer'} "
                f"(process {holder.pid}) at {holder.since_local()}"
            )
        text = f"This project was taken over by {who}. This window is now read-only."
        if kept:
            text += f" Your unsaved text was kept as a snapshot ({kept} scene{'s' if kept != 1 else ''})."
        self.label.setText(text)
        self.show()
