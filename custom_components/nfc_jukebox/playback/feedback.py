"""Feedback: a placed chip is heard over the music, as a sound or in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.media_player import MediaPlayerEntityFeature, MediaType

from ..chips.model import TagMapping
from ..const import CONF_FEEDBACK, CONF_SAY_NAME
from ..sounds import Sound, sound_url
from .speech import Voice, sound_of

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from ..chips.model import ControlChip
    from .speaker import Speakers
    from .speech import Cue


class Feedback:
    """Announces what a placed chip did: recognised, unknown or blocked."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, speakers: Speakers
    ) -> None:
        """Announce on the speakers of the reader ``entry``, as its options say."""
        self.hass = hass
        self.entry = entry
        self._speakers = speakers
        self.voice = Voice(hass, entry)

    def can_announce(self, player: str) -> bool:
        """Return whether ``player`` plays announcements over its music."""
        return self._speakers.supports(player, MediaPlayerEntityFeature.MEDIA_ANNOUNCE)

    async def announce(self, cue: Cue, player: str | None) -> None:
        """Tell ``cue`` over the music, if the reader wants feedback.

        Only as an announcement: a speaker that cannot announce would stop the
        music for a beep.
        """
        if (
            not self.entry.options.get(CONF_FEEDBACK)
            or player is None
            or not self.can_announce(player)
            or (media := await self._heard(cue)) is None
        ):
            return
        await self._speakers.try_announce(player, media)

    def says_names(self, player: str) -> bool:
        """Return whether chips' names are said on ``player`` before their music."""
        return bool(
            self.entry.options.get(CONF_SAY_NAME)
            and self.can_announce(player)
            and self.voice.entity_id is not None
        )

    async def say_name(self, chip: TagMapping, player: str) -> None:
        """Say a music chip's name, if the reader wants it; return once it was heard."""
        if self.says_names(player) and (media := self.voice.say(chip.name)):
            await self._speakers.announce(player, media)

    async def recognised(
        self, chip: TagMapping | ControlChip, player: str | None
    ) -> None:
        """Tell that ``chip`` was recognised, unless its name said so already."""
        if isinstance(chip, TagMapping) and player and self.says_names(player):
            return
        await self.announce(Sound.RECOGNISED, player)

    async def answer(self, cue: Cue, player: str) -> None:
        """Tell ``cue`` as the chip's only answer: heard whatever the options say.

        Over the music where the speaker can announce (in words, with a voice);
        else a sound instead of the music, since the chip placed asks for the
        speaker anyway.
        """
        if self.can_announce(player):
            if (media := await self._heard(cue)) is not None:
                await self._speakers.try_announce(player, media)
        elif (url := sound_url(self.hass, sound_of(cue))) is not None:
            await self._speakers.start_media(player, url, MediaType.MUSIC)

    async def _heard(self, cue: Cue) -> str | None:
        """Return what a speaker plays for ``cue``: its message, else its sound."""
        return await self.voice.message(cue) or sound_url(self.hass, sound_of(cue))
