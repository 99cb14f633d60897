"""Help: the shortcuts list is read from the window, the project format is the README's, a real About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence

from studio import __version__
from studio.gui.help.about_dialog import AboutDialog, icon_credits
from studio.gui.help.feature import HelpFeature
from studio.gui.help.format_dialog import FORMAT_PATH, ProjectFormatDialog
from studio.gui.help.shortcuts_dialog import OTHER, ShortcutsDialog, plain_text
from tests.conftest import REPO
from tests.gui.window_helpers import make_story, open_test_window

README_NOTE = "*Also in the app: Help › Project Format."


def test_help_menu_entries_and_dialogs_are_built_only_when_opened(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    help_feature = HelpFeature.instance(window)
    names = [a.objectName() for a in window.menu("help").actions() if not a.isSeparator()]
    assert names == ["keyboardShortcutsAction", "projectFormatAction", "aboutAction"]
    assert help_feature.dialogs == {}  # nothing built while the window opened
    help_feature.about_action.trigger()
    assert (
        isinstance(help_feature.dialogs["about"], AboutDialog) and help_feature.dialogs["about"].isVisible()
    )
    help_feature.dialogs["about"].reject()


def test_shortcuts_list_every_action_with_keys_read_from_the_window(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    help_feature = HelpFeature.instance(window)
    assert help_feature.shortcuts_action.shortcut() == QKeySequence("Ctrl+/")
    help_feature.shortcuts_action.trigger()
    dialog = help_feature.dialogs["shortcuts"]
    assert isinstance(dialog, ShortcutsDialog)
    rows = dialog.shown_rows()
    listed = {(text, keys) for text, keys, _menu in rows}
    recent = window.menus.recent_menu
    with_keys = [
        a
        for a in window.findChildren(QAction)
        if a.shortcuts() and a.parent() is not recent and plain_text(a)
    ]
    assert len(with_keys) > 30
    for action in with_keys:  # every action the window answers keys for is listed with them
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        assert (plain_text(action), keys) in listed, plain_text(action)
    assert ("Export…", "Ctrl+E", "File") in rows and ("Keyboard Shortcuts…", "Ctrl+/", "Help") in rows
    assert not any(menu.startswith("File › Open Recent") for _t, _k, menu in rows)  # places, not actions
    dialog.search.setText("ctrl+e")
    assert {text for text, _k, _m in dialog.shown_rows()} >= {"Export…"}
    assert all("ctrl+e" in f"{t} {k} {m}".lower() for t, k, m in dialog.shown_rows())
    assert "match “ctrl+e”" in dialog.count_label.text()
    dialog.search.setText("scene")
    assert all("scene" in f"{t} {k} {m}".lower() for t, k, m in dialog.shown_rows())
    assert any(m == "Scene" for _t, _k, m in dialog.shown_rows())
    dialog.reject()
    late = QAction("Count Sheep", window)  # not in any hand-kept list: read afresh at the next open
    late.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.menu("tools").addAction(late)
    hidden = QAction("Secret Handshake", window)
    hidden.setShortcut(QKeySequence("Ctrl+Alt+H"))
    window.addAction(hidden)
    dialog.search.clear()
    help_feature.open_shortcuts()
    rows = dialog.shown_rows()
    assert ("Count Sheep", "Ctrl+Alt+J", "Tools") in rows and (
        "Secret Handshake",
        "Ctrl+Alt+H",
        OTHER,
    ) in rows
    dialog.reject()


def test_the_shortcut_models_pass_the_model_tester(qtbot, qtmodeltester, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_test_window(qtbot, make_story(tmp_path / "story").root)
    dialog = HelpFeature.instance(window).open_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    dialog.search.setText("undo")
    qtmodeltester.check(dialog.proxy)
    dialog.reject()


def readme_section() -> str:
    text = (REPO / "README.md").read_text("utf-8")
    section = text[text.index("## The project on disk\n") : text.index("## Command line\n")]
    body = section.split("\n", 1)[1].lstrip("\n")
    assert body.startswith(README_NOTE)
    return body.split("\n\n", 1)[1].rstrip("\n")  # less the note that points here


def test_project_format_is_the_readme_section_shown_as_markdown(qtbot) -> None:  # noqa: ANN001
    shipped = FORMAT_PATH.read_text("utf-8")
    heading, body = shipped.split("\n", 1)
    assert heading == "# The project on disk"
    # one text in two places: after editing the README's section, copy it into the file (less the note)
    assert body.strip("\n") == readme_section(), f"README's project format section differs from {FORMAT_PATH}"
    dialog = ProjectFormatDialog()
    qtbot.addWidget(dialog)
    shown = dialog.browser.toPlainText()
    assert "story.json" in shown and "Stable ids" in shown and "```" not in shown  # rendered, not raw
    assert "| on disk |" not in shown  # the table is a table


def test_about_box_names_version_licence_and_keeps_one_action_whole(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.name_label.text() == "Story Studio" and __version__ in dialog.version_label.text()
    description = dialog.description_label.text()
    assert "one\u2011action" in description and "one-action" not in description  # never broken at the hyphen
    assert "MIT" in dialog.licence_label.text()
    assert "PySide6" in dialog.credits_label.text()
    sets = tmp_path / "resources" / "icons"
    (sets / "feathers").mkdir(parents=True)
    (sets / "feathers" / "LICENSE").write_text("\nISC License\n\nCopyright…\n", "utf-8")
    (sets / "no-licence").mkdir()
    assert icon_credits(sets) == [
        "Icons: Feathers, an open-licensed icon set, ISC License (see resources/icons/feathers/LICENSE)."
    ]
    assert icon_credits(tmp_path / "nowhere") == []
