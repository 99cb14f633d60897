"""The timeline: scenes in story-time order, a lane per POV character."""
