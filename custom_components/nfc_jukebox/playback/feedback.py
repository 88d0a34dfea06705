"""Feedback sounds: a placed chip is heard over the music, if the reader wants it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.media_player import MediaPlayerEntityFeature, MediaType

from ..const import CONF_FEEDBACK
from ..sounds import Sound, sound_url

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from .speaker import Speakers


class Feedback:
    """Announces what a placed chip did: recognised, unknown or blocked."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, speakers: Speakers
    ) -> None:
        """Announce on the speakers of the reader ``entry``, as its options say."""
        self.hass = hass
        self.entry = entry
        self._speakers = speakers

    async def announce(self, sound: Sound, player: str | None) -> None:
        """Play a feedback sound over the music, if the reader wants them.

        Only as an announcement: a speaker that cannot announce would stop the
        music for a beep.
        """
        if (
            not self.entry.options.get(CONF_FEEDBACK)
            or player is None
            or not self._speakers.supports(
                player, MediaPlayerEntityFeature.MEDIA_ANNOUNCE
            )
            or (url := sound_url(self.hass, sound)) is None
        ):
            return
        await self._speakers.try_announce(player, url)

    async def answer(self, sound: Sound, player: str) -> None:
        """Play a sound that is the chip's only answer: heard whatever the options say.

        Over the music where the speaker can announce; else instead of it, since
        the chip placed asks for the speaker anyway.
        """
        if (url := sound_url(self.hass, sound)) is None:
            return
        if self._speakers.supports(player, MediaPlayerEntityFeature.MEDIA_ANNOUNCE):
            await self._speakers.try_announce(player, url)
        else:
            await self._speakers.start_media(player, url, MediaType.MUSIC)
