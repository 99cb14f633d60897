"""Messages to the user that never block: tests replace ``inform`` and ``ask`` if they need to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

# Every box shown, newest last (tests look at these; closed boxes are removed).
open_boxes: list[QMessageBox] = []


def _show(box: QMessageBox) -> QMessageBox:
    open_boxes.append(box)
    box.finished.connect(lambda _result: open_boxes.remove(box) if box in open_boxes else None)
    box.open()
    return box


def inform(
    parent: QWidget | None, title: str, text: str, details: str = "", warning: bool = True
) -> QMessageBox:
    """Show a window-modal message without waiting for it."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    return _show(box)


def ask(
    parent: QWidget | None, title: str, text: str, on_yes: Callable[[], None], details: str = ""
) -> QMessageBox:
    """Ask a yes/no question without waiting; call ``on_yes`` if the answer is yes."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    if details:
        box.setInformativeText(details)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)

    def answered(_result: int) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            on_yes()

    box.finished.connect(answered)
    return _show(box)
