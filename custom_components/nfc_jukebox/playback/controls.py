"""Control chips: louder, quieter, next, previous, stop and the sleep timer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from homeassistant.components.media_player import (
    ATTR_MEDIA_VOLUME_LEVEL,
    MediaPlayerState,
)

from ..const import VOLUME_STEP, ControlAction

if TYPE_CHECKING:
    from ..chips.model import ControlChip
    from .queue import ChipQueue
    from .sleep_timer import SleepTimer
    from .speaker import Speakers
    from .volume import Volume


class Controls:
    """Changes the music that plays as a control chip says."""

    def __init__(
        self,
        *,
        speakers: Speakers,
        volume: Volume,
        queue: ChipQueue,
        sleep_timer: SleepTimer,
        target: Callable[[], str],
    ) -> None:
        """Control the speaker ``target`` names (it raises if there is none)."""
        self.speakers = speakers
        self.volume = volume
        self._queue = queue
        self._sleep_timer = sleep_timer
        self.target = target

    async def run(self, chip: ControlChip) -> None:
        """Do what ``chip`` says to the speaker that plays the reader's music."""
        if chip.action in (ControlAction.SLEEP_TIMER, ControlAction.SLEEP_AFTER_TRACK):
            self._sleep_timer.toggle(chip, self.target)
            return
        player = self.target()
        self.speakers.state(player)  # a speaker that is away: the error says so
        match chip.action:
            case ControlAction.VOLUME_UP | ControlAction.VOLUME_DOWN:
                up = chip.action is ControlAction.VOLUME_UP
                await self.step_volume(player, up=up)
            case ControlAction.NEXT | ControlAction.PREVIOUS:
                await self.skip(player, forward=chip.action is ControlAction.NEXT)
            case ControlAction.STOP:
                self._queue.stop()
                await self.speakers.stop(player)
                return
        # Lifting the music chip to put this one on paused the music: play on, so
        # the child hears what the chip did.
        await self.play_on(player)

    async def step_volume(self, player: str, *, up: bool) -> None:
        """Set ``player`` a step louder or quieter, within the house range."""
        state = self.speakers.state(player)
        current = float(state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) or 0.0)
        await self.volume.set(player, current + (VOLUME_STEP if up else -VOLUME_STEP))

    async def play_on(self, player: str) -> None:
        """Let the paused music of ``player`` play on, its chip's tracks followed."""
        if self.speakers.state(player).state == MediaPlayerState.PAUSED:
            await self.speakers.play(player)
        self._queue.follow_on(player)  # it plays on without its chip

    async def skip(self, player: str, *, forward: bool) -> None:
        """Move ``player`` to the next or previous track of what it plays."""
        # The track changes: the sleep timer waits for the end of the new one.
        self._sleep_timer.track_changed()
        folder = self._queue.current
        if folder is not None and folder.player == player:
            await self._queue.skip(folder, self.speakers.state(player), forward=forward)
        else:
            await self.speakers.skip(player, forward=forward)
