"""The Proofread panel and the style underlines in the editor."""
