"""Posted marks for the outline's part rows: posted as it stands, or changed since it was posted.

``posted_status`` renders every posted part to digest it, so ``PostedMarks`` keeps the answer per
part and works out again only the parts a change touched: the part of a saved scene
(``scene_text_saved``, ``scene_text_replaced``) or, for a change of the outline (a move, a rename,
a part's notes), the posted parts. The work waits for a short pause (one render of a part is a
few milliseconds; a burst of saves costs one), on opening too, so a window never waits for
renders to open; ``changed(part_id)`` tells the model which row to repaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from studio.app.changes import OutlineChange, OutlineChangeKind
from studio.app.session import ProjectSession
from studio.core.errors import StudioError
from studio.core.publishing.posting import PostRecord, posted_records
from studio.core.publishing.profiles import SITES, render_for_site

POSTED_ROLE = Qt.ItemDataRole.UserRole + 4  # "posted", "changed" or None, for a part row
POSTED_COLOUR, CHANGED_COLOUR = "#2e9e4f", "#e07b00"  # green: as posted; orange: changed since
SETTLE_MS = 150


@dataclass(frozen=True)
class SitePost:
    """One site a part was posted on, and whether the part changed since."""

    site: str
    date: str
    url: str
    changed: bool

    def describe(self) -> str:
        """``Posted to AO3 on 2026-12-01 · changed since``."""
        name = {"ao3": "AO3", "ffn": "FanFiction.net"}.get(self.site) or SITES[self.site].name
        return f"Posted to {name} on {_day(self.date)}" + (" · changed since" if self.changed else "")


def _day(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().date().isoformat()
    except ValueError:
        return iso[:10]


class PostedMarks(QObject):
    """Per part: the sites it was posted on and whether it changed since; kept up to date cheaply."""

    changed = Signal(str)  # a part's mark is different now

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._posts: dict[str, list[SitePost]] = {}
        self._dirty: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self.settle)
        self.schedule(set(self._records()))  # after the window opens: opening never waits for renders
        session.scene_text_saved.connect(self._on_scene_saved)
        session.scene_text_replaced.connect(self._on_scene_saved)
        session.outline_changed.connect(self._on_outline_changed)

    def posts(self, part_id: str) -> list[SitePost]:
        """The sites the part was posted on (none: an empty list)."""
        return self._posts.get(part_id, [])

    def state(self, part_id: str) -> str | None:
        """``"changed"`` if any post differs from today's render, ``"posted"``, or None."""
        posts = self._posts.get(part_id)
        if not posts:
            return None
        return "changed" if any(p.changed for p in posts) else "posted"

    def tooltip(self, part_id: str) -> str:
        """One line per site, for the part row's tooltip."""
        return "\n".join(p.describe() for p in self.posts(part_id))

    def icon(self, part_id: str) -> QIcon | None:
        """A green tick dot when posted as it stands, an orange dot when changed since; else None."""
        state = self.state(part_id)
        return _mark_icon(state) if state else None

    def refresh_all(self, notify: bool = True) -> None:
        """Work out every part's mark again (after a post is recorded, or the project reloaded)."""
        records = self._records()
        self._dirty = set(records) | set(self._posts)
        self.settle(notify)

    def schedule(self, part_ids: set[str] | list[str]) -> None:
        """Work these parts out again after a short pause."""
        self._dirty.update(part_ids)
        if self._dirty:
            self._timer.start()

    def settle(self, notify: bool = True) -> None:
        """Work out the parts waiting now."""
        self._timer.stop()
        dirty, self._dirty = self._dirty, set()
        if not dirty:
            return
        records = self._records()
        for part_id in dirty:
            before = self._posts.get(part_id, [])
            now = [self._post(r) for r in records.get(part_id, [])]
            if now:
                self._posts[part_id] = now
            else:
                self._posts.pop(part_id, None)
            if notify and now != before:
                self.changed.emit(part_id)

    def _records(self) -> dict[str, list[PostRecord]]:
        project = self.session.project
        in_manuscript = {part.id for part in project.parts}
        out: dict[str, list[PostRecord]] = {}
        for record in posted_records(project):
            if record.part_id in in_manuscript and record.site in SITES:
                out.setdefault(record.part_id, []).append(record)
        return out

    def _post(self, record: PostRecord) -> SitePost:
        try:
            digest = render_for_site(self.session.project, record.site, part_id=record.part_id).digest()
        except (StudioError, OSError):
            digest = ""
        return SitePost(record.site, record.date, record.url, digest != record.digest)

    def _on_scene_saved(self, scene_id: str) -> None:
        for part in self.session.project.parts:
            if any(scene.id == scene_id for scene in part.scenes):
                if part.id in self._posts:
                    self.schedule([part.id])
                return

    def _on_outline_changed(self, change: OutlineChange) -> None:
        if change.kind == OutlineChangeKind.RELOADED:
            self.schedule(set(self._records()) | set(self._posts))
        else:
            self.schedule(set(self._posts))  # only the posted parts: a handful, each a few ms


@lru_cache(maxsize=4)
def _mark_icon(state: str) -> QIcon:
    """A green badge with a tick (posted as it stands) or an orange one with "!" (changed since)."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = size * 0.1  # bigger than a status dot: a badge on the part, not a status
        rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
        colour = QColor(POSTED_COLOUR if state == "posted" else CHANGED_COLOUR)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(rect)
        pen = QPen(QColor("white"), max(1.5, size / 9))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        s = size / 16
        if state == "posted":
            painter.drawPolyline([p * s for p in _TICK])
        else:
            painter.drawLine(_BAR[0] * s, _BAR[1] * s)
            painter.drawPoint(_BAR[2] * s)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


_TICK = (QPointF(4.9, 8.3), QPointF(7.1, 10.5), QPointF(11.2, 5.9))  # on a 16-pixel grid
_BAR = (QPointF(8, 4.6), QPointF(8, 8.6), QPointF(8, 11.4))  # an exclamation mark: look again
