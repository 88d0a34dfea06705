"""The reader's fallback speaker: where a chip plays while its own speaker cannot.

A speaker that is unavailable, unknown to Home Assistant, or off without a way to
turn it on cannot play; one that is off but can be turned on is turned on (the
session does that), so it is no reason to move.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..chips.model import speaker_for
from ..const import CONF_FALLBACK_PLAYER, LOGGER

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from ..chips.model import TagMapping
    from .speaker import Speakers


class Fallback:
    """Moves a placed chip to the reader's fallback speaker when its own cannot play."""

    def __init__(self, entry: ConfigEntry, speakers: Speakers) -> None:
        """Move the chips of the reader ``entry``, as its options say."""
        self._entry = entry
        self._speakers = speakers
        #: the chip that plays on the fallback speaker, and its own speaker
        self._moved: tuple[str, str] | None = None

    @property
    def speaker(self) -> str | None:
        """Return the reader's fallback speaker, if it has one."""
        return self._entry.options.get(CONF_FALLBACK_PLAYER) or None

    def place(self, mapping: TagMapping) -> TagMapping:
        """Return a placed chip as it plays now: on the fallback if its own cannot."""
        own = speaker_for(mapping, self._entry)
        fallback = self.speaker
        if (
            fallback is None
            or fallback == own
            or self._speakers.usable(own)
            or not self._speakers.usable(fallback)
        ):
            self._moved = None
            return mapping
        LOGGER.info(
            "%s: %s cannot play now; %s plays on %s",
            self._entry.title,
            own,
            mapping.name,
            fallback,
        )
        self._moved = (mapping.uid, own)
        return replace(mapping, play_on=fallback)

    def as_playing(self, mapping: TagMapping) -> TagMapping:
        """Return a chip as it was started: where its music is to pause or to show."""
        if (fallback := self.speaker) is not None and self.away(mapping.uid):
            return replace(mapping, play_on=fallback)
        return mapping

    def away(self, uid: str) -> str | None:
        """Return the own speaker of the chip ``uid`` if it plays on the fallback."""
        if self._moved is not None and self._moved[0] == uid:
            return self._moved[1]
        return None
