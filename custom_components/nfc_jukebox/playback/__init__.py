"""The jukebox: what placing and lifting chips does to a speaker."""

from .jukebox import Jukebox, Progress

__all__ = ["Jukebox", "Progress"]
