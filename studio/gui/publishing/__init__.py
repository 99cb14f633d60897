"""The Publishing feature: export and import dialogs and their actions."""
