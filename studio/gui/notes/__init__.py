"""Places, things and notes: the story bible beside the cast."""
