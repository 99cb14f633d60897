"""The Safety feature: lock dialogs, the outside-change bar, history and backups."""
