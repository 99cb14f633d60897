"""The scene editor: the text widget, its autosave and its find bar."""

from studio.gui.editor.editor import SceneEditor

__all__ = ["SceneEditor"]
