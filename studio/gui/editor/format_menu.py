"""The Format menu: Italic, Bold, Typography as You Type, Convert Quotes…."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from studio.core.emphasis import Kind
from studio.gui.editor.convert_quotes_dialog import ConvertQuotesDialog
from studio.gui.icons import Icon, icon

if TYPE_CHECKING:
    from studio.gui.main_window import MainWindow


def toggle_in_editor(window: MainWindow, kind: Kind) -> bool:
    """Toggle emphasis in the scene editor, unless another text field has the focus."""
    focused = QApplication.focusWidget()
    editor = window.editor
    if focused is not editor and isinstance(focused, (QTextEdit, QPlainTextEdit, QLineEdit)):
        return False
    if not editor.isEnabled() or editor.isReadOnly():
        return False
    if not editor.toggle_emphasis(kind):
        window.statusBar().showMessage("Emphasis starts and ends at word boundaries: nothing changed.", 4000)
        return False
    return True


def open_convert_quotes(window: MainWindow) -> ConvertQuotesDialog | None:
    """Save the scene shown, then open the Convert Quotes dialog (window-modal); None if it cannot save."""
    if not window.editor.save_now():  # converting would replace the unsaved text in the editor
        window.statusBar().showMessage("Save the scene before converting quotes.", 5000)
        return None
    dialog = ConvertQuotesDialog(window.session, window.editor.current_scene_id(), window)
    window.__dict__["convert_quotes_dialog"] = dialog  # kept alive while open
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _sync_check(window: MainWindow, action: QAction) -> None:
    """Show the project's setting (worked out from the text on first use, not at start-up)."""
    was = action.blockSignals(True)
    action.setChecked(window.editor.typography.enabled())
    action.blockSignals(was)


def build_format_menu(window: MainWindow) -> None:
    """Fill ``window.menu("format")``."""
    menu = window.menu("format")
    for text, kind, keys, name in (
        ("&Italic", "em", "Ctrl+I", "italicAction"),
        ("&Bold", "strong", "Ctrl+B", "boldAction"),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setIcon(icon(Icon.ITALIC if kind == "em" else Icon.BOLD))
        action.setStatusTip(
            f"Wrap the selection or the word at the cursor in {'*' if kind == 'em' else '**'}"
        )
        action.triggered.connect(lambda _checked=False, k=kind: toggle_in_editor(window, k))
        menu.addAction(action)
    menu.addSeparator()
    typography = QAction("&Typography as You Type", window, checkable=True)
    typography.setObjectName("typographyAction")
    typography.setStatusTip(
        "Curly quotes, -- to an em dash and ... to an ellipsis as you type (this project)"
    )
    typography.toggled.connect(window.editor.typography.set_enabled)
    menu.aboutToShow.connect(lambda: _sync_check(window, typography))
    menu.addAction(typography)
    convert = QAction("&Convert Quotes…", window)
    convert.setObjectName("convertQuotesAction")
    convert.setStatusTip("Make straight quotes curly in this scene or the whole project (one undo step)")
    convert.triggered.connect(lambda _checked=False: open_convert_quotes(window))
    menu.addAction(convert)
