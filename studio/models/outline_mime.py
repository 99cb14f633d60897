"""The drag payload of the outline: node ids (never text) under a custom MIME type."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QMimeData

OUTLINE_MIME_TYPE = "application/x-story-studio-nodes"


@dataclass(frozen=True)
class DragPayload:
    """What is being dragged: ``kind`` is "scene", "part" or "mixed"; ids in manuscript order."""

    kind: str
    ids: list[str]
    project: str


def encode(payload: DragPayload) -> QMimeData:
    """Pack a payload into MIME data."""
    data = QMimeData()
    body = {"kind": payload.kind, "ids": payload.ids, "project": payload.project}
    data.setData(OUTLINE_MIME_TYPE, json.dumps(body).encode("utf-8"))
    return data


def decode(data: QMimeData | None) -> DragPayload | None:
    """Unpack a payload, or None when the data is not a well-formed outline drag."""
    if data is None or not data.hasFormat(OUTLINE_MIME_TYPE):
        return None
    try:
        body = json.loads(bytes(data.data(OUTLINE_MIME_TYPE).data()).decode("utf-8"))
        kind, ids, project = body["kind"], body["ids"], body["project"]
    except (ValueError, KeyError, TypeError):
        return None
    if kind not in ("scene", "part", "mixed") or not isinstance(ids, list) or not ids:
        return None
    if not all(isinstance(i, str) for i in ids) or not isinstance(project, str):
        return None
    return DragPayload(kind, ids, project)
