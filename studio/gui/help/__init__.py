"""Help: the keyboard shortcuts, the project format and the About box (HelpFeature)."""
