"""The views of the story: corkboard, outline table and timeline, with their label filter."""
