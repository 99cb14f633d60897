"""The posting dialog: each site renders, Copy for AO3 is rich, pre-flight opens the place, Mark as Posted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from studio.core import load_project
from studio.core.publishing.posting import posted_records
from studio.core.publishing.profiles import SITES
from studio.gui.publishing.feature import PublishingFeature
from studio.gui.publishing.posting_dialog import PostingDialog
from tests.gui.window_helpers import make_story, open_test_window

TEXTS = {
    "One": ["Mara walked *slowly* to the seperate door.", "She  waited."],
    "Two": ["The **end** of it."],
}


def wait_rendered(qtbot, dialog: PostingDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: dialog.is_current() and dialog.site_render is not None, timeout=8000)


def open_dialog(qtbot, tmp_path: Path, read_only: bool = False):  # noqa: ANN001, ANN201
    project = make_story(tmp_path / "story", TEXTS)
    window = open_test_window(qtbot, project.root, read_only=read_only)
    window.outline_view.select_ids([project.parts[0].id])
    dialog = PublishingFeature.instance(window).open_posting()
    wait_rendered(qtbot, dialog)
    return window, dialog


def test_every_site_renders_in_the_preview(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, dialog = open_dialog(qtbot, tmp_path)
    assert dialog.part_id() == window.project.parts[0].id
    for site in SITES:
        dialog.set_site(site)
        wait_rendered(qtbot, dialog)
        assert dialog.site_render is not None and dialog.site_render.site == site
        shown = dialog.preview.toPlainText()
        assert "Mara walked" in shown and "The end" not in shown, site
        if SITES[site].markup == "bbcode":
            assert "[i]slowly[/i]" in shown
        elif SITES[site].markup == "markdown":
            assert "*slowly*" in shown
        assert dialog.copy_button.text().startswith("Copy for ")
    dialog.close()


def test_copy_for_ao3_is_rich_html_with_emphasis(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    _window, dialog = open_dialog(qtbot, tmp_path)
    dialog.set_site("ao3")
    wait_rendered(qtbot, dialog)
    assert dialog.copy_button.text() == "Copy for AO3"
    dialog.copy_button.click()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and "<em>slowly</em>" in data.html()
    assert "Mara walked slowly" in data.text() and "<" not in data.text()
    dialog.set_site("bbcode")
    wait_rendered(qtbot, dialog)
    dialog.copy_button.click()
    data = QGuiApplication.clipboard().mimeData()
    assert not data.hasHtml() and "[i]slowly[/i]" in data.text()
    dialog.copy_title_button.click()
    assert QGuiApplication.clipboard().text() == "One"
    dialog.close()


def test_preflight_double_click_opens_the_place(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, dialog = open_dialog(qtbot, tmp_path)
    kinds = [f.kind for f in dialog.findings]
    assert "unknown-word" in kinds and "double-space" in kinds
    assert dialog.checks.topLevelItemCount() == len(dialog.findings)
    row = kinds.index("double-space")
    finding = dialog.findings[row]
    item = dialog.checks.topLevelItem(row)
    assert item.text(2) == "One 2" and item.text(0) == "Double space"
    dialog.checks.itemActivated.emit(item, 0)
    assert window.editor.current_scene_id() == finding.scene_id
    cursor = window.editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (finding.start, finding.start + finding.length)
    dialog.close()


def test_save_as_writes_the_sites_file(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    _window, dialog = open_dialog(qtbot, tmp_path)
    dialog.set_site("ao3")
    wait_rendered(qtbot, dialog)
    html = dialog.save_as(tmp_path / "out" / "one.html") if (tmp_path / "out").mkdir() is None else None
    assert html is not None and "<em>slowly</em>" in html.read_text(encoding="utf-8")
    docx = dialog.save_as(tmp_path / "out" / "one.docx", "docx")
    assert docx is not None and docx.read_bytes()[:2] == b"PK"
    dialog.close()


def test_mark_as_posted_records_and_read_only_disables(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, dialog = open_dialog(qtbot, tmp_path)
    dialog.set_site("royalroad")
    wait_rendered(qtbot, dialog)
    assert dialog.mark_button.isEnabled() and not dialog.changes_button.isEnabled()
    box = dialog.ask_mark_posted()
    assert box is not None
    box.url_edit.setText("https://example.org/ch1")
    box.accept()
    records = posted_records(load_project(window.project.root))
    assert [(r.part_id, r.site, r.url) for r in records] == [
        (window.project.parts[0].id, "royalroad", "https://example.org/ch1")
    ]
    assert dialog.changes_button.isEnabled()
    compare = dialog.show_changes()
    assert compare is not None and "No differences" in compare.view.browser.toPlainText()
    compare.close()
    dialog.close()
    window.close()
    _window, read_only = open_dialog(qtbot, tmp_path / "again", read_only=True)
    assert not read_only.mark_button.isEnabled()
    read_only.close()
