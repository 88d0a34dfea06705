"""The buttons of the card's kids view: play or pause, next, previous, louder, quieter.

Anyone may press them, so they do what a chip would, house rules included: nothing
starts music with the jukebox off, in quiet hours or with the time used up, and the
volume stays in the house range.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from homeassistant.components.media_player import (
    ATTR_MEDIA_VOLUME_LEVEL,
    MediaPlayerState,
)

from ..chips.model import ControlChip
from ..const import VOLUME_STEP, Block, ControlAction

if TYPE_CHECKING:
    from ..rules import HouseRules
    from .controls import Controls
    from .speaker import SpeakerActions


class Button(StrEnum):
    """A button of the kids view."""

    PLAY_PAUSE = "play_pause"
    NEXT = "next"
    PREVIOUS = "previous"
    VOLUME_UP = "volume_up"
    VOLUME_DOWN = "volume_down"


#: the control chip that does what a skip button does (its rules are the chip's)
_SKIP_CHIPS = {
    Button.NEXT: ControlChip(uid="", name="", action=ControlAction.NEXT),
    Button.PREVIOUS: ControlChip(uid="", name="", action=ControlAction.PREVIOUS),
}


class Remote:
    """Presses the kids view's buttons on the speaker a reader's control chips move."""

    def __init__(
        self, controls: Controls, rules: HouseRules, actions: SpeakerActions
    ) -> None:
        """Press through ``controls``, as ``rules`` allow, in turn with ``actions``."""
        self._controls = controls
        self._rules = rules
        self._actions = actions

    async def press(self, button: Button) -> Block | None:
        """Do what ``button`` says; return why the house rules refused it, if they did.

        It waits for the speaker actions before it (a chip just placed); a speaker
        that fails raises: the child's tablet says so, and it is no chip's failure.
        """
        async with self._actions.lock:
            return await self._press(button)

    async def turn_knob(self, position: float) -> None:
        """Set the volume to ``position`` (0..1) of the house rules' range: the box's knob.

        Like the volume buttons it starts nothing, and stays in the house range.
        """
        async with self._actions.lock:
            floor, ceiling = self._rules.volume_range()
            level = floor + position * (ceiling - floor)
            await self._controls.volume.set(self._controls.target(), level)

    async def _press(self, button: Button) -> Block | None:
        speakers, volume = self._controls.speakers, self._controls.volume
        player = self._controls.target()
        state = speakers.state(player)
        playing = state.state == MediaPlayerState.PLAYING
        if button in (Button.VOLUME_UP, Button.VOLUME_DOWN):
            current = float(state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) or 0.0)
            step = VOLUME_STEP if button is Button.VOLUME_UP else -VOLUME_STEP
            await volume.set(player, current + step)
            return None
        if button is Button.PLAY_PAUSE and playing:
            await speakers.pause(player)
            return None
        # What follows may start music: a paused speaker plays again.
        if (
            block := self._rules.may_start(_SKIP_CHIPS[button] if playing else None)
        ) is not None:
            return block
        if button is not Button.PLAY_PAUSE:
            await self._controls.skip(player, forward=button is Button.NEXT)
        if (now := speakers.state(player)).state == MediaPlayerState.PAUSED:
            await volume.cap(now, None)
        await self._controls.play_on(player)
        self._rules.async_track(player)  # its time counts, as a chip's does
        return None
