"""Qt item models over the open project (QtCore/QtGui only, no widgets)."""

from studio.gui.qt_workarounds import keep_bools_alive

keep_bools_alive()
