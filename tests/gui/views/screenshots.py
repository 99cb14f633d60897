"""Screenshots of the corkboard, the outline table and the timeline (for the README): not a test.

Run: ``python tests/gui/views/screenshots.py OUT_FOLDER [--size 1280x800] [--theme light|dark]``.
Copies the sample project to a temp folder, gives its scenes three labels, story times (one
scene a flashback, one a memory years before) and one scene a word target, opens the real
window offscreen with each view shown in turn, and saves ``corkboard.png``,
``outline-table.png`` and ``timeline.png``.
The sample itself is never written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

LABELS = {  # scene title -> label names
    "The Night the Lamp Went Out": ["The lamp"],
    "Tea with the Captain": ["The lamp"],
    "Second Post": ["The letter", "Family"],
    "To Be Opened": ["The letter"],
    "What the Captain Kept": ["Family"],
    "The Seaward Window": ["The lamp", "The letter"],
    "Fresh Ink": ["The lamp"],
}
TIMES = {
    "The Night the Lamp Went Out": "1894-11-03T23:15",
    "Tea with the Captain": "1894-11-04T16:00",
    "Second Post": "1894-11-04T09:30",
    "To Be Opened": "1894-11-04T19:00",
    "What the Captain Kept": "1884-06-12",
    "The Seaward Window": "1894-11-05T02:00",
    "Fresh Ink": "1894-11-05T06:00",
}
COLOURS = {"The lamp": "#3b82c4", "The letter": "#e0524d", "Family": ""}
SHOTS = (("corkboard", "corkboard"), ("outline-table", "table"), ("timeline", "timeline"))


def prepare(folder: Path) -> Path:
    """A copy of the sample with labels and story times."""
    from studio.core import load_project

    root = folder / "the-lamplighters-daughter"
    shutil.copytree(REPO / "projects" / "the-lamplighters-daughter", root)
    project = load_project(root)
    labels = {name: project.add_label(name, colour).id for name, colour in COLOURS.items()}
    ids = {scene.title: scene.id for scene in project.iter_scenes()}
    project.set_scene_labels({ids[t]: [labels[n] for n in names] for t, names in LABELS.items() if t in ids})
    for title, when in TIMES.items():
        if title in ids:
            project.set_story_time(ids[title], when)
    if "The Night the Lamp Went Out" in ids:
        project.set_scene_fields(ids["The Night the Lamp Went Out"], target="500")  # a goal, with its bar
    return root


def main() -> None:
    """Save the three screenshots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    args = parser.parse_args()
    config = Path(tempfile.mkdtemp())
    os.environ["STUDIO_CONFIG_DIR"] = str(config)
    from studio.app.qt_workarounds import keep_singletons_alive

    keep_singletons_alive()
    from studio.gui import open_window
    from studio.gui.app import ensure_application, parse_size
    from studio.gui.characters.feature import CharactersFeature
    from studio.gui.settings import AppSettings
    from studio.gui.theme import apply_theme
    from studio.gui.views.feature import ViewsFeature

    app = ensure_application()
    settings = AppSettings.load()
    settings.theme = args.theme
    settings.save()
    apply_theme(args.theme)
    size = parse_size(args.size)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        root = prepare(Path(folder))
        for name, key in SHOTS:
            window = open_window(root)
            window.resize(size)
            window.show()
            feature = ViewsFeature.instance(window)
            feature.show_view(key)
            characters = CharactersFeature.installed(window)
            for _ in range(10):
                app.processEvents()
                if characters is not None:
                    characters.tracker.wait_idle()
            path = out / f"{name}.png"
            window.grab().save(str(path))
            print(path)
            if feature.dock.isFloating():  # a small window: the views have a window of their own
                floating = out / f"{name}-floating.png"
                feature.dock.grab().save(str(floating))
                print(floating)
            window.close()
            app.processEvents()
    shutil.rmtree(config, ignore_errors=True)


if __name__ == "__main__":
    main()
