"""Keeping words safe: the project lock, the file watcher, snapshots and backups."""
