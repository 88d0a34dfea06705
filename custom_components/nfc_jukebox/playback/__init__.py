"""Playback: what a reader's chips do to its speakers, one concern per module.

jukebox (a chip event to music or controls) → session (the music on a speaker) →
queue (which track of a chip with several plays; listing says what its tracks
are) → resume (bookmarks, progress); beside them volume, feedback, controls and
sleep_timer, and remote (the kids view's buttons); speaker is the only code that calls media player services, tracks
holds the pure helpers.
"""

from .jukebox import Jukebox
from .remote import Button
from .resume import Progress

__all__ = ["Button", "Jukebox", "Progress"]
