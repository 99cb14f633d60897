"""A tour of the window for the clipping test: every panel and every dialog, shown as a writer sees them.

``DIALOGS`` opens each dialog the app has the way its menu does (or builds it with the arguments
the app passes), without waiting for it. ``dialog_classes()`` lists every ``QDialog`` subclass in
``studio.gui``, so a dialog added later and missing from the tour is noticed (and opened with
its parent alone when that is all it needs).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

import studio.gui
from studio.app import commands

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow

LONG_PATH = "/home/writer/Documents/Stories/the-lamplighters-daughter/scenes/second-post.txt"
SAVE_CONFLICT = f"Not saved: {LONG_PATH} changed on disk since it was opened; your text is kept here"


def dialog_classes() -> set[type[QDialog]]:
    """Every QDialog subclass defined in the studio.gui package."""
    found: set[type[QDialog]] = set()
    for info in pkgutil.walk_packages(studio.gui.__path__, "studio.gui."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__.startswith("studio."):
                found.add(value)
    return found


def _export(window: MainWindow) -> QWidget:
    from studio.gui.publishing.feature import PublishingFeature

    return PublishingFeature.instance(window).open_export()


def _posting(window: MainWindow) -> QWidget:
    from studio.gui.publishing.feature import PublishingFeature

    return PublishingFeature.instance(window).open_posting()


def _mark_posted(window: MainWindow) -> QWidget:
    from studio.gui.publishing.feature import PublishingFeature

    posting = PublishingFeature.instance(window).open_posting()
    dialog = posting.ask_mark_posted()
    assert dialog is not None
    return dialog


def _import(window: MainWindow) -> QWidget:
    from studio.gui.publishing.feature import PublishingFeature

    return PublishingFeature.instance(window).open_import()


def _import_loaded(window: MainWindow) -> QWidget:
    from studio.gui.publishing.import_dialog import ImportDialog

    source = window.project.root.parent / "a-story-to-import.txt"
    source.write_text(
        "Chapter One: The Long Road Down to the Harbour at Harrow Point\n\n"
        "The wind came off the sea.\n\n* * *\n\nShe counted to ten.\n\n"
        "Chapter Two: What the Captain Kept in the Locked Drawer\n\nIt was late.\n",
        "utf-8",
    )
    dialog = ImportDialog(window, [source])
    dialog.open()
    return dialog


def _split_scene(window: MainWindow) -> QWidget:
    from studio.gui.publishing.import_split import SplitSceneDialog

    paragraphs = ["The wind came off the sea in long grey sheets.", "She counted to ten.", "Nothing."]
    dialog = SplitSceneDialog("What the Captain Kept in the Locked Drawer", paragraphs, window)
    dialog.open()
    return dialog


def _posted_changes(window: MainWindow) -> QWidget:
    from studio.gui.safety.diff_view import CompareDialog

    text = window.editor.toPlainText()
    dialog = CompareDialog(
        window, "The Lamp at Harrow Point: changes", text, text + "\n\nMore.", "Posted", "Now"
    )
    dialog.show()
    return dialog


def _preferences(window: MainWindow) -> QWidget:
    return window.open_preferences()


def _new_project(window: MainWindow) -> QWidget:
    from studio.gui.new_project_dialog import NewProjectDialog

    dialog = NewProjectDialog(window, window.project.root.parent)
    dialog.open()
    return dialog


def _backups(window: MainWindow) -> QWidget:
    from studio.gui.safety.feature import SafetyFeature

    feature = SafetyFeature.instance(window)
    feature.backup_now()
    feature.show_backups()
    return feature.backup_dialog


def _lock(window: MainWindow) -> QWidget:
    from studio.core.safety.locking import LockInfo, ProjectLockedError
    from studio.gui.safety.dialogs import LockDialog

    holder = LockInfo(host="writers-laptop.local", pid=4242, user="wren", since="2026-12-01T09:30:00")
    dialog = LockDialog(window, ProjectLockedError(window.project.root, holder))
    dialog.open()
    return dialog


def _statistics(window: MainWindow) -> QWidget:
    from studio.gui.goals.feature import GoalsFeature

    return GoalsFeature.instance(window).open_statistics()


def _project_target(window: MainWindow) -> QWidget:
    from studio.gui.goals.feature import GoalsFeature

    return GoalsFeature.instance(window).ask_project_target()


def _word_list(window: MainWindow) -> QWidget:
    from studio.gui.spelling.feature import SpellingFeature

    feature = SpellingFeature.instance(window)
    feature.edit_word_list()
    return feature.word_list_dialog


def _language(window: MainWindow) -> QWidget:
    from studio.gui.spelling.feature import SpellingFeature

    feature = SpellingFeature.instance(window)
    feature.choose_language()
    return feature.language_dialog


def _replace(window: MainWindow) -> QWidget:
    from studio.gui.search.feature import SearchFeature

    feature = SearchFeature.instance(window)
    feature.show_search()
    feature.panel.pattern_edit.setText("lamp")
    dialog = feature.open_replace_dialog()
    assert dialog is not None
    return dialog


def _convert_quotes(window: MainWindow) -> QWidget:
    from studio.gui.editor.format_menu import open_convert_quotes

    dialog = open_convert_quotes(window)
    assert dialog is not None
    return dialog


def _rename_character(window: MainWindow) -> QWidget:
    from studio.gui.characters.feature import CharactersFeature

    feature = CharactersFeature.instance(window)
    feature.show_panel()
    dialog = feature.panel.open_rename_dialog("Agnes Pell-Harrow")
    assert dialog is not None
    return dialog


def _proofreading_report(window: MainWindow) -> QWidget:
    from studio.gui.proofreading.feature import ProofreadingFeature

    feature = ProofreadingFeature.instance(window)
    feature.show_panel()
    return feature.panel.open_report()


def _about(window: MainWindow) -> QWidget:
    from studio.gui.help.feature import HelpFeature

    help_feature = HelpFeature.instance(window)
    help_feature.about_action.trigger()  # Help › About Story Studio: its own dialog
    return help_feature.dialogs["about"]


def _shortcuts(window: MainWindow) -> QWidget:
    from studio.gui.help.feature import HelpFeature

    return HelpFeature.instance(window).open_shortcuts()  # listed from the window's actions


def _message(window: MainWindow) -> QWidget:
    from studio.gui import messages

    return messages.ask(
        window,
        "Move to Trash",
        "Move the part “The Lamp at Harrow Point” and its 4 scenes to the trash?",
        lambda: None,
        "You can restore them from the Trash tab, or undo.",
    )


# name → opener; each returns the dialog it showed.
def _labels(window: MainWindow) -> QWidget:
    from studio.gui.labels.feature import LabelsFeature

    return LabelsFeature.instance(window).show_labels()


def _threads(window: MainWindow) -> QWidget:
    from studio.gui.labels.feature import LabelsFeature

    session = window.session
    if not session.project.labels:  # a thread in the matrix, so its cells are walked too
        session.run(commands.labels.AddLabelCommand(session, "The letters from the lighthouse"))
    scene_id = next(session.project.iter_scenes()).id
    session.run(commands.labels.SetSceneLabelsCommand(session, {scene_id: [session.project.labels[0].id]}))
    return LabelsFeature.instance(window).show_threads()


def _story_time(window: MainWindow) -> QWidget:
    from studio.gui.labels.feature import LabelsFeature

    dialog = LabelsFeature.instance(window).edit_story_time()
    assert dialog is not None
    return dialog


DIALOGS: dict[str, Callable[[MainWindow], QWidget]] = {
    "export": _export,
    "posting": _posting,
    "mark posted": _mark_posted,
    "import": _import,
    "import with a file": _import_loaded,
    "import: split scene": _split_scene,
    "changes since posted": _posted_changes,
    "preferences": _preferences,
    "new project": _new_project,
    "backups": _backups,
    "lock": _lock,
    "statistics": _statistics,
    "project target": _project_target,
    "word list": _word_list,
    "spelling language": _language,
    "replace": _replace,
    "convert quotes": _convert_quotes,
    "rename character": _rename_character,
    "proofreading report": _proofreading_report,
    "labels": _labels,
    "threads": _threads,
    "story time": _story_time,
    "about": _about,
    "keyboard shortcuts": _shortcuts,
    "question": _message,
}


class DialogTour:
    """Opens every dialog in turn: those of ``DIALOGS``, then any other ``QDialog`` class of studio.gui
    that needs nothing but its parent; ``missing`` names the classes it could not open."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.shown: set[type] = set()
        self.missing: list[str] = []

    def __iter__(self) -> Iterator[tuple[str, QWidget]]:
        """Yield (name, dialog) for each dialog, shown; the caller closes it."""
        for name, opener in DIALOGS.items():
            dialog = opener(self.window)
            self.shown.update(type(w) for w in [dialog, *dialog.findChildren(QDialog)])
            yield name, dialog
        for cls in sorted(dialog_classes(), key=lambda c: c.__qualname__):
            if any(issubclass(shown, cls) for shown in self.shown):
                continue
            if not _needs_only_a_parent(cls):  # add an opener to DIALOGS
                self.missing.append(cls.__qualname__)
                continue
            dialog = cls(self.window)
            dialog.show()
            self.shown.add(cls)
            yield cls.__qualname__, dialog


def _needs_only_a_parent(cls: type) -> bool:
    """Whether ``cls(parent)`` is all it takes (every other argument has a default)."""
    required = [
        p
        for p in list(inspect.signature(cls.__init__).parameters.values())[1:]
        if p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]
    return [p.name for p in required] in ([], ["parent"])


def _find_bar(window: MainWindow) -> None:
    from PySide6.QtTest import QTest

    window.find_bar.open_bar()
    QTest.keyClicks(window.find_bar.field, "the pale arm of light")


def _outside_change(window: MainWindow) -> None:
    from studio.gui.safety.feature import SafetyFeature

    scene = next(window.project.iter_scenes())
    SafetyFeature.instance(window).bar.show_changed(scene.id, scene.title)


def _lock_taken(window: MainWindow) -> None:
    from studio.core.safety.locking import LockInfo
    from studio.gui.safety.feature import SafetyFeature

    holder = LockInfo(host="writers-laptop.local", pid=4242, user="wren", since="2026-12-01T09:30:00")
    SafetyFeature.instance(window).lock_bar.show_taken(holder, 2)


def _part_selected(window: MainWindow) -> None:
    window.inspector_dock.raise_()
    window.outline_view.select_ids([window.project.parts[0].id])


# name → what to show in the window (after the panels, before the dialogs); they add up.
WINDOW_STATES: dict[str, Callable[[MainWindow], None]] = {
    "find bar": _find_bar,
    "outside-change bar": _outside_change,
    "lock taken bar": _lock_taken,
    "a part selected": _part_selected,
}


def prepare_window(window: MainWindow) -> None:
    """Give every panel something to show: a snapshot, a scene in the trash, a long status message."""
    from studio.gui.safety.feature import SafetyFeature

    project = window.project
    last_part = project.parts[-1]
    window.session.push(commands.DeleteCommand(window.session, [last_part.scenes[-1].id]))
    SafetyFeature.instance(window).take_snapshot()
    window.set_save_state(SAVE_CONFLICT)
    window.statusBar().showMessage(f"The scene file changed on disk: {LONG_PATH}")
