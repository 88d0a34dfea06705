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
from ..const import Block, ControlAction

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


#: the control chip that does what a button does: the button obeys its house rules
_CHIPS = {
    button: ControlChip(uid="", name="", action=ControlAction(button))
    for button in (Button.NEXT, Button.PREVIOUS, Button.VOLUME_UP, Button.VOLUME_DOWN)
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

    async def turn_knob(self, position: float) -> Block | None:
        """Set the volume to ``position`` (0..1) of the house rules' range: the box's knob.

        It obeys the rules of the volume chip that turns the same way, and starts
        nothing; return why the rules refused it, if they did.
        """
        async with self._actions.lock:
            floor, ceiling = self._rules.volume_range()
            level = floor + position * (ceiling - floor)
            player = self._controls.target()
            state = self._controls.speakers.state(player)
            current = float(state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) or 0.0)
            up = Button.VOLUME_UP if level >= current else Button.VOLUME_DOWN
            if (block := self._rules.may_start(_CHIPS[up])) is not None:
                return block
            await self._controls.volume.set(player, level)
            return None

    async def _press(self, button: Button) -> Block | None:
        speakers = self._controls.speakers
        player = self._controls.target()
        playing = speakers.state(player).state == MediaPlayerState.PLAYING
        if button is Button.PLAY_PAUSE and playing:
            await speakers.pause(player)  # pausing is always allowed
            return None
        chip = _CHIPS.get(button)
        if chip is not None and (block := self._rules.may_start(chip)) is not None:
            return block
        if button in (Button.VOLUME_UP, Button.VOLUME_DOWN):
            # As the chip does, but no chip was lifted: paused music stays paused.
            await self._controls.step_volume(player, up=button is Button.VOLUME_UP)
            return None
        # What follows plays the paused music on: its own rules count too.
        if not playing and (block := self._rules.may_start(None)) is not None:
            return block
        if button is not Button.PLAY_PAUSE:
            await self._controls.skip(player, forward=button is Button.NEXT)
        if (now := speakers.state(player)).state == MediaPlayerState.PAUSED:
            await self._controls.volume.cap(now, None)
        await self._controls.play_on(player)
        self._rules.async_track(player)  # its time counts, as a chip's does
        return None
