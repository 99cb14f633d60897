"""Importing a story from text, Markdown and posted parts into a plan, then into a project."""
