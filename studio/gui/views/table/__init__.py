"""The outline table: a row per scene, sortable and editable."""
