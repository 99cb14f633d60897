"""Dialogs of the Story Studio window."""
