"""Qt item models over the open project (QtCore/QtGui only, no widgets)."""

from studio.app.qt_workarounds import keep_singletons_alive

keep_singletons_alive()
