"""The sleep timer a control chip starts: after some minutes, or at a track's end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from homeassistant.components.media_player import MediaPlayerState
from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.event import (
    async_call_later,
    async_track_state_change_event,
)
from homeassistant.util import dt as dt_util

from ..const import (
    CONF_FADE_OUT,
    DEFAULT_FADE_OUT,
    DOMAIN,
    EVENT_SLEEP_TIMER_ENDED,
    ControlAction,
)
from ..tracks import track_end, track_ended, track_of

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from ..chips.model import ControlChip
    from .queue import ChipQueue
    from .speaker import SpeakerActions, Speakers
    from .volume import Volume


class SleepTimer:
    """Pauses a reader's music when the time is up, or after the track that plays."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        *,
        speakers: Speakers,
        actions: SpeakerActions,
        volume: Volume,
        queue: ChipQueue,
        pause_music: Callable[[], None],
        notify: Callable[[], None],
    ) -> None:
        """Time the reader ``entry``; ``pause_music`` fades out what plays."""
        self.hass = hass
        self.entry = entry
        self._speakers = speakers
        self._actions = actions
        self._volume = volume
        self._queue = queue
        self._pause_music = pause_music
        self._notify = notify
        #: when the timer runs out (None: no timer, or not known yet)
        self.until: datetime | None = None
        self._cancel: CALLBACK_TYPE | None = None
        #: the track whose end the sleep timer waits for; None: the next that plays
        self._track: tuple[Any, ...] | None = None

    @callback
    def toggle(self, chip: ControlChip, target: Callable[[], str]) -> None:
        """Start the chip's sleep timer; placed while one runs, cancel it.

        ``target`` names the speaker whose track an end-of-track timer waits for.
        """
        if self._cancel is not None:
            self.stop()
            self.until = None
        elif chip.action is ControlAction.SLEEP_AFTER_TRACK:
            player = target()
            state = self._speakers.get(player)
            if state is not None and state.state in (
                MediaPlayerState.PLAYING,
                MediaPlayerState.PAUSED,
            ):
                self._track = track_of(state)
            self.until = track_end(state)
            self._cancel = async_track_state_change_event(
                self.hass, player, self._player_changed
            )
        else:
            self.until = dt_util.utcnow() + timedelta(minutes=chip.minutes)
            # The fade-out takes the timer's last seconds.
            fade = int(self.entry.options.get(CONF_FADE_OUT, DEFAULT_FADE_OUT))
            self._cancel = async_call_later(
                self.hass,
                max(0, chip.minutes * 60 - fade),
                self._expired,
            )
        self._notify()

    @callback
    def track_changed(self) -> None:
        """Wait for the end of the track that plays next (a chip changed the track)."""
        self._track = None

    @callback
    def stop(self) -> None:
        """Cancel the timer, saying nothing."""
        if self._cancel is not None:
            self._cancel()
            self._cancel = None
        self._track = None

    @callback
    def _player_changed(self, event: Event[EventStateChangedData]) -> None:
        """End the sleep timer when the track it waits for has ended."""
        old, new = event.data["old_state"], event.data["new_state"]
        if new is None:
            return
        if (
            old is None
            or old.state != MediaPlayerState.PLAYING
            or self._track is None
            or track_of(old) != self._track
        ):
            # Not (yet) the track it waits for: the track that plays from now is.
            if new.state == MediaPlayerState.PLAYING:
                self._track = track_of(new)
            self._ends_at(track_end(new))
            return
        if new.state == MediaPlayerState.PLAYING and track_of(new) != self._track:
            # The speaker went on to its next track: pause that one at once.
            player = new.entity_id
            self._ended()
            self._actions.schedule(
                partial(self._pause_for_the_night, player), "sleep timer"
            )
        elif track_ended(old, new):
            # Done by itself: the folder must not go on.
            self._queue.stop_on(new.entity_id)
            self._ended()
        else:
            self._ends_at(track_end(new))

    @callback
    def _ends_at(self, until: datetime | None) -> None:
        # The estimate moves with every report of the speaker: a second is news.
        if (until is None) != (self.until is None) or (
            until is not None
            and self.until is not None
            and abs((until - self.until).total_seconds()) >= 1
        ):
            self.until = until
            self._notify()

    async def _pause_for_the_night(self, player: str) -> None:
        """Pause the track after the one the sleep timer waited for, at its start."""
        await self._volume.pause(player, fade=False)
        # Placed again tomorrow, the folder goes on from this track.
        self._queue.bookmark_playing(player)

    @callback
    def _expired(self, _now: datetime) -> None:
        self._cancel = None
        self._ended()
        self._pause_music()

    @callback
    def _ended(self) -> None:
        """Say that the sleep timer ran out, rather than was cancelled."""
        self.stop()
        self.until = None
        self._notify()
        # The sensor only goes back to "no timer": the event (and the logbook
        # entry made of it) says that the timer ran out rather than was cancelled.
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, self.entry.entry_id), self.entry.entry_id
        )
        self.hass.bus.async_fire(
            EVENT_SLEEP_TIMER_ENDED,
            {
                "entry_id": self.entry.entry_id,
                ATTR_DEVICE_ID: device.id if device else None,
            },
        )
