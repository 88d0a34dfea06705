"""Feedback sounds: a short announcement that says a chip was read, or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.media_player import (
    ATTR_MEDIA_ANNOUNCE,
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEntityFeature,
    MediaType,
)

from ..const import CONF_FEEDBACK
from ..sounds import Sound, sound_url

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from .speaker import Speaker


class Feedback:
    """Plays one reader's feedback sounds over the music, if it wants them."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, speaker: Speaker
    ) -> None:
        """Announce through ``speaker`` when ``entry``'s options ask for sounds."""
        self.hass = hass
        self.entry = entry
        self._speaker = speaker

    async def announce(self, sound: Sound, player: str | None) -> None:
        """Play a feedback sound over the music, if the reader wants them.

        Only as an announcement: a speaker that cannot announce would stop the
        music for a beep.
        """
        if (
            not self.entry.options.get(CONF_FEEDBACK)
            or player is None
            or not self._speaker.features(player)
            & MediaPlayerEntityFeature.MEDIA_ANNOUNCE
            or (url := sound_url(self.hass, sound)) is None
        ):
            return
        await self._speaker.try_call(
            SERVICE_PLAY_MEDIA,
            player,
            {
                ATTR_MEDIA_CONTENT_ID: url,
                ATTR_MEDIA_CONTENT_TYPE: MediaType.MUSIC,
                ATTR_MEDIA_ANNOUNCE: True,
            },
        )
