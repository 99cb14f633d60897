"""The corkboard: scenes as index cards, grouped by part."""
