"""Deduplication: syndicated and rewritten copies of one story grouped under one story id."""

from faultline.dedup.stories import StoryIndex

__all__ = ["StoryIndex"]
