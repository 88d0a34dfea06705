"""Control chips and the box's buttons and knob: louder, quieter, play/pause, skip, stop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from homeassistant.components.media_player import (
    ATTR_MEDIA_VOLUME_LEVEL,
    MediaPlayerState,
)
from homeassistant.exceptions import HomeAssistantError

from ..const import LOGGER, VOLUME_STEP, Block, ControlAction
from ..sounds import Sound

if TYPE_CHECKING:
    from ..chips.model import ControlChip
    from ..rules import HouseRules
    from .feedback import Feedback
    from .queue import ChipQueue
    from .sleep_timer import SleepTimer
    from .speaker import Speakers
    from .volume import Volume


class Controls:
    """Changes the music that plays as a control chip, a button or the knob says."""

    def __init__(
        self,
        *,
        speakers: Speakers,
        volume: Volume,
        queue: ChipQueue,
        sleep_timer: SleepTimer,
        rules: HouseRules,
        feedback: Feedback,
        target: Callable[[], str],
        active: Callable[[], str | None],
    ) -> None:
        """Control the speaker ``target`` names (it raises if there is none).

        ``active`` is the speaker the reader played on last, if any: the one
        that hears the feedback sounds.
        """
        self._speakers = speakers
        self._volume = volume
        self._queue = queue
        self._sleep_timer = sleep_timer
        self._rules = rules
        self._feedback = feedback
        self._target = target
        self._active = active

    async def act(self, chip: ControlChip, *, sound: bool = True) -> Block | None:
        """Do what ``chip`` says if the house rules let it; return why not, if not.

        ``sound``: a control chip is recognised with a sound, a button is not
        (its click is enough); a blocked one sounds either way.
        """
        if not self.pauses(chip) and (block := self._rules.may_start(chip)):
            LOGGER.debug("%s does nothing (%s)", chip.name, block)
            await self._feedback.announce(Sound.BLOCKED, self._active())
            return block
        await self.run(chip)
        if sound:
            await self._feedback.announce(Sound.RECOGNISED, self._active())
        return None

    async def turn_knob(self, position: float) -> Block | None:
        """Set the volume to ``position`` (0..1) of the house rules' volume range."""
        if (block := self._rules.may_control()) is not None:
            LOGGER.debug("The volume knob does nothing (%s)", block)
            return block
        floor, ceiling = self._rules.volume_range()
        await self._volume.set(self._target(), floor + position * (ceiling - floor))
        return None

    def pauses(self, chip: ControlChip) -> bool:
        """Return whether ``chip`` would only pause music (which the rules allow)."""
        if chip.action is not ControlAction.PLAY_PAUSE:
            return False
        try:
            player = self._target()
        except HomeAssistantError:
            return False
        state = self._speakers.get(player)
        return state is not None and state.state == MediaPlayerState.PLAYING

    async def run(self, chip: ControlChip) -> None:
        """Do what ``chip`` says to the speaker that plays the reader's music."""
        if chip.action in (ControlAction.SLEEP_TIMER, ControlAction.SLEEP_AFTER_TRACK):
            self._sleep_timer.toggle(chip, self._target)
            return
        player = self._target()
        state = self._speakers.state(player)
        match chip.action:
            case ControlAction.VOLUME_UP | ControlAction.VOLUME_DOWN:
                current = float(state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) or 0.0)
                step = (
                    VOLUME_STEP
                    if chip.action is ControlAction.VOLUME_UP
                    else -VOLUME_STEP
                )
                await self._volume.set(player, current + step)
            case ControlAction.NEXT | ControlAction.PREVIOUS:
                forward = chip.action is ControlAction.NEXT
                # The track changes: the sleep timer waits for the end of the new one.
                self._sleep_timer.track_changed()
                folder = self._queue.current
                if folder is not None and folder.player == player:
                    await self._queue.skip(folder, state, forward=forward)
                else:
                    await self._speakers.skip(player, forward=forward)
            case ControlAction.STOP:
                self._queue.stop()
                await self._speakers.stop(player)
                return
            case ControlAction.PLAY_PAUSE if state.state == MediaPlayerState.PLAYING:
                await self._speakers.pause(player)
                return
        # Lifting the music chip to put this one on paused the music: play on, so
        # the child hears what the chip did (play/pause does just that). In quiet
        # hours paused music stays paused: no button or chip starts it then.
        if (
            self._speakers.state(player).state == MediaPlayerState.PAUSED
            and not self._rules.quiet_hours
        ):
            await self._speakers.play(player)
        self._queue.follow_on(player)  # it plays on without its chip
