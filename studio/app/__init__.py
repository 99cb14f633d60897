"""The application layer: Qt without widgets — the project session, its undo commands, lifecycle."""
