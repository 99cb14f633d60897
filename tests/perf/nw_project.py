"""novelWriter 26.2.2 for the launch benchmark: its own venv, and a Story Studio project in its format.

``ensure_novelwriter()`` makes a venv under ``~/.cache/story-studio-bench`` (or
``$STUDIO_BENCH_CACHE``) with ``novelwriter==26.2.2`` from PyPI (PyQt6 comes with it) and
returns its Python. ``convert(studio_dir, nw_dir)`` writes the same work as a novelWriter
project (format 1.6): ``nwProject.nwx`` and one ``content/<handle>.md`` per document (a TOML
header, then the text): a Novel root, one chapter document per part (``## title``; expanded
in the tree, as Story Studio shows its parts) holding one scene document per scene
(``### title`` and the scene's text), and a Characters root with a note per character.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from studio.core.storage import load_project  # noqa: E402

NOVELWRITER = "novelwriter==26.2.2"
HEX_VERSION = "0x260202f0"  # novelWriter 26.2.2
CACHE = Path(os.environ.get("STUDIO_BENCH_CACHE", Path.home() / ".cache" / "story-studio-bench"))
STATUS, IMPORTANCE = "s90e6c9", "ia857f0"


def ensure_novelwriter() -> Path:
    """Return the Python of a venv holding novelWriter 26.2.2, making it on first use."""
    venv = CACHE / "nw-venv"
    python = venv / "bin" / "python"
    done = venv / ".installed"
    if not done.exists():
        venv.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", NOVELWRITER], check=True)
        done.write_text(NOVELWRITER + "\n")
    return python


def write_config(config: Path) -> None:
    """A novelWriter config that shows no release notes and asks nothing on exit."""
    config.mkdir(parents=True, exist_ok=True)
    (config / "novelwriter.conf").write_text(
        f"[Main]\nlastnotes = {HEX_VERSION}\n\n[Project]\naskbeforeexit = no\n"
        "askbeforebackup = no\nbackuponclose = no\n",
        encoding="utf-8",
    )


def _item(
    handle: str,
    parent: str,
    root: str,
    order: int,
    kind: str,
    cls: str,
    layout: str,
    name: str,
    heading: str = "H0",
    words: int = 0,
) -> str:
    """One ``<item>``; a root or a chapter is expanded, as Story Studio shows its parts."""
    layout_attr = f' layout="{layout}"' if layout else ""
    expanded = "yes" if kind == "ROOT" or heading == "H2" else "no"
    meta = f'<meta expanded="{expanded}" heading="{heading}" wordCount="{words}" />'
    return (
        f'    <item handle="{handle}" parent="{parent}" root="{root}" order="{order}" type="{kind}" '
        f'class="{cls}"{layout_attr}>\n      {meta}\n'
        f'      <name status="{STATUS}" import="{IMPORTANCE}" active="yes">{escape(name)}</name>\n'
        "    </item>\n"
    )


def convert(studio_dir: Path, nw_dir: Path) -> Path:
    """Write ``studio_dir``'s manuscript and cast as a novelWriter project in ``nw_dir``; return it."""
    project = load_project(studio_dir, read_only=True)
    if nw_dir.exists():
        shutil.rmtree(nw_dir)
    content = nw_dir / "content"
    content.mkdir(parents=True)
    counter = iter(range(1, 10**9))

    def handle() -> str:
        return f"{next(counter):013x}"

    def write(doc: str, name: str, parent: str, kind: str, text: str) -> None:
        cls, layout = kind.split("/")
        header = (
            f'+++\nname = {json.dumps(name, ensure_ascii=False)}\nhandle = "{doc}"\n'
            f'parent = "{parent}"\nclass = "{cls}"\nlayout = "{layout}"\n+++\n'
        )
        (content / f"{doc}.md").write_text(header + text, encoding="utf-8")

    items: list[str] = []
    novel = handle()
    items.append(_item(novel, "None", novel, 0, "ROOT", "NOVEL", "", "Novel"))
    first_scene = ""
    for part_order, part in enumerate(project.parts):
        chapter = handle()
        items.append(_item(chapter, novel, novel, part_order, "FILE", "NOVEL", "DOCUMENT", part.title, "H2"))
        write(chapter, part.title, novel, "NOVEL/DOCUMENT", f"## {part.title}\n\n")
        for scene_order, scene in enumerate(part.scenes):
            doc = handle()
            first_scene = first_scene or doc
            text = project.scene_text(scene.id)
            items.append(
                _item(
                    doc,
                    chapter,
                    novel,
                    scene_order,
                    "FILE",
                    "NOVEL",
                    "DOCUMENT",
                    scene.title,
                    "H3",
                    scene.words,
                )
            )
            write(doc, scene.title, chapter, "NOVEL/DOCUMENT", f"### {scene.title}\n\n{text}")
    cast = handle()
    items.append(_item(cast, "None", cast, 1, "ROOT", "CHARACTER", "", "Characters"))
    for order, character in enumerate(project.characters):
        doc = handle()
        notes = project.store.read_text(project.store.character_path(character.file))[0]
        tags = " | ".join([character.name, *character.aliases])
        items.append(_item(doc, cast, cast, order, "FILE", "CHARACTER", "NOTE", character.name, "H1"))
        write(doc, character.name, cast, "CHARACTER/NOTE", f"# {character.name}\n\n@tag: {tags}\n\n{notes}")
    xml = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<novelWriterXML appVersion="26.2.2" hexVersion="{HEX_VERSION}" fileVersion="1.6" '
        'fileRevision="0" timeStamp="2026-12-01 12:00:00">\n'
        '  <project id="d0c4b3a2-1f00-4e00-8000-000000000001" saveCount="1" autoCount="0" editTime="0">\n'
        f"    <name>{escape(project.title)}</name>\n    <author>{escape(project.author)}</author>\n"
        "  </project>\n  <settings>\n    <doBackup>no</doBackup>\n    <language>en_GB</language>\n"
        '    <spellChecking auto="no">en_GB</spellChecking>\n'
        f'    <lastHandle>\n      <entry key="editor">{first_scene}</entry>\n    </lastHandle>\n'
        f'    <status>\n      <entry key="{STATUS}" count="0" color="yellow" shape="BARS_2">'
        "1st Draft</entry>\n"
        f'    </status>\n    <importance>\n      <entry key="{IMPORTANCE}" count="0" color="faded" '
        'shape="STAR">None</entry>\n    </importance>\n  </settings>\n'
        f"  <content items={quoteattr(str(len(items)))}>\n"
        + "".join(items)
        + "  </content>\n</novelWriterXML>\n"
    )
    (nw_dir / "nwProject.nwx").write_text(xml, encoding="utf-8")
    return nw_dir


if __name__ == "__main__":
    print(convert(Path(sys.argv[1]), Path(sys.argv[2])))
