"""Labels on scenes: the management dialog and the Threads view."""
