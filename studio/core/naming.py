"""Fresh ids and recognisable file names for new nodes."""

from __future__ import annotations

import re
import secrets
import unicodedata


def new_id(prefix: str) -> str:
    """Return a fresh stable id such as ``s-3f9a2c1e``."""
    return f"{prefix}-{secrets.token_hex(4)}"


def slugify(title: str, fallback: str) -> str:
    """Turn a title into a file-name stem a person recognises: ``The Storm!`` → ``the-storm``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:40].strip("-")
    return slug or fallback
