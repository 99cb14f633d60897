"""The Characters feature: the cast panel, appearances and rename everywhere."""
