"""How loud a reader's music plays: the house rules' volume range, and the fade-out."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Final

from homeassistant.components.media_player import (
    ATTR_MEDIA_VOLUME_LEVEL,
    MediaPlayerEntityFeature,
    MediaPlayerState,
)

from ..const import CONF_FADE_OUT, DEFAULT_FADE_OUT

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import State

    from ..rules import HouseRules
    from .speaker import Speakers

#: A fade-out lowers the volume in at most this many steps.
FADE_STEPS: Final = 10
#: Volumes closer than this are the same (volumes are set to two decimals).
VOLUME_TOLERANCE: Final = 0.005


class Volume:
    """Keeps a reader's speakers in its volume range, and fades them out to pause."""

    def __init__(
        self, entry: ConfigEntry, speakers: Speakers, rules: HouseRules
    ) -> None:
        """Set volumes for the reader ``entry``, in the range its ``rules`` give."""
        self.entry = entry
        self._speakers = speakers
        self._rules = rules

    def in_range(self, level: float) -> float:
        """Return ``level`` moved into the house rules' volume range."""
        floor, ceiling = self._rules.volume_range()
        return round(max(floor, min(level, ceiling)), 2)

    async def set(self, player: str, level: float) -> None:
        """Set a speaker to ``level``, or to the nearest level in the range."""
        await self._speakers.set_volume(player, self.in_range(level))

    async def cap(self, state: State, start_percent: int | None) -> None:
        """Move a player into the volume range; apply a tag's start volume, in it."""
        if not self._speakers.supports(
            state.entity_id, MediaPlayerEntityFeature.VOLUME_SET
        ):
            return
        current = state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL)
        if start_percent is not None:
            target: float | None = start_percent / 100
        elif current is not None:
            target = current
        else:
            target = None
        if target is None:
            return
        # Players report fractions (0.333) that a set volume rounds: only a real
        # difference is a change.
        if current is None or abs(self.in_range(target) - current) >= VOLUME_TOLERANCE:
            await self.set(state.entity_id, target)

    async def pause(self, player: str, *, fade: bool) -> None:
        """Pause ``player`` if it plays; a fade lowers it first, then restores it."""
        state = self._speakers.state(player)
        if state.state != MediaPlayerState.PLAYING:
            return
        volume = state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL)
        seconds = int(self.entry.options.get(CONF_FADE_OUT, DEFAULT_FADE_OUT))
        if (
            not fade
            or not seconds
            or volume is None
            or not self._speakers.supports(player, MediaPlayerEntityFeature.VOLUME_SET)
        ):
            await self._speakers.pause(player)
            return
        steps = min(seconds, FADE_STEPS)
        for step in range(1, steps + 1):
            await asyncio.sleep(seconds / steps)
            if self._speakers.state(player).state != MediaPlayerState.PLAYING:
                break  # lifted or paused meanwhile: nothing left to fade
            await self.set(player, volume * (1 - step / steps))
        if self._speakers.state(player).state == MediaPlayerState.PLAYING:
            await self._speakers.pause(player)
        await self.set(player, volume)  # for next time
