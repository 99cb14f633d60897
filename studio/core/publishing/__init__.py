"""Publishing: export options and the exporters (plain text, Markdown, HTML)."""
