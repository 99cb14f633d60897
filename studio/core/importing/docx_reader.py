"""Reading a Word document (.docx) into an import plan: mammoth makes HTML, the HTML reader the plan.

mammoth keeps what a manuscript needs and nothing else: headings (Heading 1, 2… become ``<h1>``,
``<h2>``…), italics and bold, paragraphs; comments, tracked-change marks and page layout are
left out. Word's Title style becomes ``<h1 class="title">`` (the plan's title) and a page break
an ``<hr>``, a scene break when no heading follows it.
"""

from __future__ import annotations

import io
import zipfile

from studio.core.errors import StudioError
from studio.core.importing.html_reader import plan_from_html
from studio.core.importing.plan import ImportPlan

STYLE_MAP = "\n".join(
    (
        "p[style-name='Title'] => h1.title:fresh",
        "p[style-name='Subtitle'] => p.subtitle:fresh",
        "br[type='page'] => hr",
    )
)
DOCUMENT_PART = "word/document.xml"


def is_docx(data: bytes) -> bool:
    """Tell whether bytes are a Word document: a ZIP archive holding ``word/document.xml``."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCUMENT_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def docx_to_html(data: bytes, name: str) -> str:
    """The document as HTML; a damaged or foreign file is refused in one line naming it."""
    import mammoth  # type: ignore[import-untyped]  # lazy: 40 ms (urllib, http) no other import needs

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as error:
        raise StudioError(f"{name}: not a readable Word document ({error})") from None
    except Exception as error:  # noqa: BLE001 - mammoth parses untrusted XML; any failure is this file's
        raise StudioError(f"{name}: not a readable Word document ({type(error).__name__})") from None
    return str(result.value)


def plan_from_docx(data: bytes, name: str = "story") -> ImportPlan:
    """Turn a Word document's bytes into a plan; ``name`` titles it when the document has no title."""
    plan = plan_from_html(docx_to_html(data, name), name)
    plan.export_settings["format"] = "txt"
    return plan
