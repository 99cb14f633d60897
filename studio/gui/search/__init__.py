"""Search and replace across the project: the results panel, the replace dialog, the feature."""
