"""The house rules of one reader: on/off, quiet hours, volume range, daily limit."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, Protocol

from homeassistant.components.media_player import (
    MediaPlayerState,
)
from homeassistant.const import STATE_ON
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import (
    async_call_later,
    async_track_state_change_event,
    async_track_time_change,
    async_track_time_interval,
)
from homeassistant.util import dt as dt_util

from .chips.model import Chip, ControlChip
from .chips.validation import as_whole_number
from .const import (
    CONF_DAILY_LIMIT,
    CONF_JUKEBOX_ON,
    CONF_MAX_VOLUME,
    CONF_MIN_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
    CONF_QUIET_HOURS,
    CONF_QUIET_HOURS_START,
    DEFAULT_DAILY_LIMIT,
    DEFAULT_MAX_VOLUME,
    DEFAULT_MIN_VOLUME,
    Block,
    ControlAction,
    QuietHoursStart,
)
from .listeners import Listeners
from .listening import Listening, ListeningStore
from .tracks import track_of

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry


class RulesActions(Protocol):
    """What the house rules ask of the jukebox that plays the music."""

    def async_keep_volume_in_range(self) -> None:
        """Bring the speaker's volume into the volume range (it changed)."""

    def async_pause_music(self, *, fade: bool) -> None:
        """Pause the music the chips started, fading it out first if asked."""


#: the number settings' values before a parent changes them
NUMBER_DEFAULTS: Final[dict[str, float]] = {
    CONF_MIN_VOLUME: DEFAULT_MIN_VOLUME,
    CONF_MAX_VOLUME: DEFAULT_MAX_VOLUME,
    CONF_DAILY_LIMIT: DEFAULT_DAILY_LIMIT,
}


#: the volume settings: a change of any of them may put the minimum above a maximum
VOLUMES: Final = (CONF_MIN_VOLUME, CONF_MAX_VOLUME, CONF_NIGHT_MAX_VOLUME)


def floor_above_ceiling(options: Mapping[str, Any]) -> bool:
    """Return whether a reader's minimum volume is above its day or night maximum."""
    ceiling = options.get(CONF_MAX_VOLUME, DEFAULT_MAX_VOLUME)
    night = options.get(CONF_NIGHT_MAX_VOLUME) or ceiling
    return bool(options.get(CONF_MIN_VOLUME, DEFAULT_MIN_VOLUME) > min(ceiling, night))


def rules_error(
    options: Mapping[str, Any], changed: Iterable[str]
) -> tuple[str, str] | None:
    """Return the field and the error of a change of the house rules, or None if fine.

    The one check of the options form, the card and the entities: each changed number
    is whole, and no volume change puts the minimum above a maximum (a daily limit
    alone is never refused for a pair of volumes stored before this check).
    """
    changed = tuple(changed)
    for key in changed:
        if key not in NUMBER_DEFAULTS and key != CONF_NIGHT_MAX_VOLUME:
            continue
        if (value := options.get(key)) is None:
            if key == CONF_NIGHT_MAX_VOLUME:
                continue  # no night maximum: the day's holds
            return key, "not_whole_number"
        try:
            as_whole_number(value)
        except TypeError, ValueError:
            return key, "not_whole_number"
    volumes = [key for key in changed if key in VOLUMES]
    if volumes and floor_above_ceiling(options):
        return (CONF_MIN_VOLUME if CONF_MIN_VOLUME in volumes else volumes[0]), (
            "floor_above_ceiling"
        )
    return None


def chip_may_play_at_bedtime(chip: Chip) -> bool:
    """Return whether quiet hours let ``chip`` start: a control chip, or a bedtime one."""
    return isinstance(chip, ControlChip) or chip.bedtime


def _today() -> str:
    return dt_util.now().date().isoformat()


class HouseRules:
    """Decides whether a chip may start music, and how loud and how long it plays.

    The settings are the reader's options (the options form and the entities both
    write them); the time listened today lives in a store of its own.
    """

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, actions: RulesActions
    ) -> None:
        """Prepare the rules of ``entry``; call async_load before use."""
        self.hass = hass
        self.entry = entry
        self._actions = actions
        self._store = ListeningStore(hass, entry.entry_id)
        self._listening = Listening(day=_today())
        self._listeners: Listeners[[]] = Listeners()
        #: the speaker whose playing counts: the one a chip started last
        self._player: str | None = None
        #: the music that plays is a bedtime chip's: quiet hours leave it alone
        self._bedtime_music = False
        self._since: datetime | None = None
        self._quiet = False
        self._pause_after: tuple[Any, ...] | None = None
        self._unsub_player: CALLBACK_TYPE | None = None
        self._unsub_schedule: CALLBACK_TYPE | None = None
        self._unsub_limit: CALLBACK_TYPE | None = None
        self._unsub_tick: CALLBACK_TYPE | None = None
        self._unsub_midnight: CALLBACK_TYPE | None = None

    async def async_load(self) -> None:
        """Load today's listening time and start following the quiet hours."""
        self._listening = await self._store.async_load_today(_today())
        self._unsub_midnight = async_track_time_change(
            self.hass, self._new_day, hour=0, minute=0, second=0
        )
        self._follow_quiet_hours()
        # A changed setting applies at once: the reader is not reloaded for it.
        self.entry.async_on_unload(
            self.entry.add_update_listener(self._async_entry_updated)
        )

    async def async_shutdown(self) -> None:
        """Stop listening and counting; save today's listening time."""
        self._stop_counting()
        for unsub in (self._unsub_player, self._unsub_schedule, self._unsub_midnight):
            if unsub is not None:
                unsub()
        self._unsub_player = self._unsub_schedule = self._unsub_midnight = None
        await self._store.async_save(asdict(self._listening))

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``listener`` when a rule or the time left changes."""
        return self._listeners.add(listener)

    @callback
    def _notify(self) -> None:
        self._listeners.notify()

    # Settings -------------------------------------------------------------------

    @property
    def jukebox_on(self) -> bool:
        """Return whether chips may start music at all."""
        return bool(self.entry.options.get(CONF_JUKEBOX_ON, True))

    @property
    def quiet_hours(self) -> bool:
        """Return whether the reader's quiet hours are on now."""
        schedule = self.entry.options.get(CONF_QUIET_HOURS)
        if not schedule:
            return False
        state = self.hass.states.get(schedule)
        return state is not None and state.state == STATE_ON

    @property
    def daily_limit(self) -> int | None:
        """Return the minutes of music a day, or None for no limit."""
        limit = int(self.entry.options.get(CONF_DAILY_LIMIT, DEFAULT_DAILY_LIMIT))
        return limit or None

    def option(self, key: str) -> float | None:
        """Return a number setting as the entities show it."""
        value = self.entry.options.get(key, NUMBER_DEFAULTS.get(key))
        if value is None and key == CONF_NIGHT_MAX_VOLUME:
            value = self.entry.options.get(CONF_MAX_VOLUME, DEFAULT_MAX_VOLUME)
        return None if value is None else float(value)

    @callback
    def async_set_option(self, key: str, value: float | None) -> None:
        """Change one setting (an entity did); the options form shows it too."""
        self.hass.config_entries.async_update_entry(
            self.entry, options={**self.entry.options, key: value}
        )

    @callback
    def async_set_jukebox_on(self, *, on: bool) -> None:
        """Let chips start music, or not."""
        self.async_set_option(CONF_JUKEBOX_ON, on)

    async def _async_entry_updated(
        self, _hass: HomeAssistant, _entry: ConfigEntry
    ) -> None:
        self.async_options_changed()

    @callback
    def async_options_changed(self) -> None:
        """Apply changed settings without reloading the reader."""
        self._follow_quiet_hours()
        self._schedule_limit()
        self._actions.async_keep_volume_in_range()
        self._notify()

    # The rules ------------------------------------------------------------------

    def may_start(self, chip: Chip | None) -> Block | None:
        """Return why ``chip`` (None: the paused music, played on) must start nothing."""
        if isinstance(chip, ControlChip) and chip.action is ControlAction.STOP:
            return None  # stopping the music is always allowed
        if not self.jukebox_on:
            return Block.OFF
        if (left := self.seconds_left) is not None and left <= 0:
            return Block.LIMIT
        bedtime = (
            self._bedtime_music if chip is None else chip_may_play_at_bedtime(chip)
        )
        if self.quiet_hours and not bedtime:
            return Block.QUIET_HOURS
        return None

    def volume_range(self) -> tuple[float, float]:
        """Return the quietest and the loudest volume NFC Jukebox may set now (0..1)."""
        ceiling = float(self.entry.options.get(CONF_MAX_VOLUME, DEFAULT_MAX_VOLUME))
        if (
            self.quiet_hours
            and (night := self.entry.options.get(CONF_NIGHT_MAX_VOLUME)) is not None
        ):
            ceiling = min(ceiling, float(night))
        floor = float(self.entry.options.get(CONF_MIN_VOLUME, DEFAULT_MIN_VOLUME))
        return min(floor, ceiling) / 100, ceiling / 100

    # Quiet hours ----------------------------------------------------------------

    @callback
    def _follow_quiet_hours(self) -> None:
        if self._unsub_schedule is not None:
            self._unsub_schedule()
            self._unsub_schedule = None
        self._quiet = self.quiet_hours
        if schedule := self.entry.options.get(CONF_QUIET_HOURS):
            self._unsub_schedule = async_track_state_change_event(
                self.hass, schedule, self._schedule_changed
            )

    @callback
    def _schedule_changed(self, _event: Event[EventStateChangedData]) -> None:
        quiet = self.quiet_hours
        if quiet == self._quiet:
            return
        self._quiet = quiet
        if not quiet:
            self._pause_after = None
        else:
            self._actions.async_keep_volume_in_range()
            start = self.entry.options.get(
                CONF_QUIET_HOURS_START, QuietHoursStart.KEEP_PLAYING
            )
            if (
                start == QuietHoursStart.PAUSE_AFTER_TRACK
                and not self._bedtime_music
                and (state := self._playing_state())
            ):
                self._pause_after = track_of(state)
        self._notify()

    # Listening time -------------------------------------------------------------

    @property
    def seconds_left(self) -> float | None:
        """Return the seconds of music left today, or None without a limit."""
        if (limit := self.daily_limit) is None:
            return None
        used = self._listening.used
        if self._since is not None:
            used += (dt_util.utcnow() - self._since).total_seconds()
        return max(0.0, (limit + self._listening.granted) * 60 - used)

    @property
    def minutes_left(self) -> int | None:
        """Return the whole minutes of music left today (a started one counts)."""
        left = self.seconds_left
        return None if left is None else math.ceil(left / 60)

    @callback
    def async_grant(self, minutes: int) -> None:
        """Add ``minutes`` to today's listening time (a parent said yes)."""
        if (limit := self.daily_limit) is not None and self._since is None:
            # What played past a used-up limit (its fade-out) is not taken out of them.
            allowed = (limit + self._listening.granted) * 60
            self._listening.used = min(self._listening.used, allowed)
        self._listening.granted += minutes
        self._save()
        self._schedule_limit()
        self._notify()

    @callback
    def async_track(self, player: str, *, bedtime: bool | None = None) -> None:
        """Count the time ``player`` plays: a chip just started music (None: played on)."""
        if bedtime is not None:
            self._bedtime_music = bedtime
        if player != self._player:
            self._stop_counting()
            if self._unsub_player is not None:
                self._unsub_player()
            self._player = player
            self._unsub_player = async_track_state_change_event(
                self.hass, player, self._player_changed
            )
        if self._playing_state() is not None:
            self._start_counting()

    def _playing_state(self) -> State | None:
        if self._player is None:
            return None
        state = self.hass.states.get(self._player)
        if state is None or state.state != MediaPlayerState.PLAYING:
            return None
        return state

    @callback
    def _player_changed(self, _event: Event[EventStateChangedData]) -> None:
        state = self._playing_state()
        if state is None:
            self._stop_counting()
            self._pause_after = None
            return
        self._start_counting()
        if self._pause_after is not None and track_of(state) != self._pause_after:
            # The track that played when quiet hours began has ended.
            self._pause_after = None
            self._actions.async_pause_music(fade=False)

    @callback
    def _start_counting(self) -> None:
        if self._since is not None:
            return
        self._since = dt_util.utcnow()
        self._unsub_tick = async_track_time_interval(
            self.hass, self._tick, timedelta(minutes=1)
        )
        self._schedule_limit()

    @callback
    def _stop_counting(self) -> None:
        if self._since is None:
            return
        self._listening.used += (dt_util.utcnow() - self._since).total_seconds()
        self._since = None
        for unsub in (self._unsub_tick, self._unsub_limit):
            if unsub is not None:
                unsub()
        self._unsub_tick = self._unsub_limit = None
        self._save()
        self._notify()

    @callback
    def _schedule_limit(self) -> None:
        if self._unsub_limit is not None:
            self._unsub_limit()
            self._unsub_limit = None
        if self._since is None or (left := self.seconds_left) is None:
            return
        self._unsub_limit = async_call_later(self.hass, left, self._limit_reached)

    @callback
    def _limit_reached(self, _now: datetime) -> None:
        self._unsub_limit = None
        self._notify()
        self._actions.async_pause_music(fade=True)

    @callback
    def _tick(self, _now: datetime) -> None:
        self._notify()

    @callback
    def _new_day(self, _now: datetime) -> None:
        counting = self._since is not None
        self._stop_counting()
        self._listening = Listening(day=_today())
        if counting:
            self._start_counting()
        self._save()
        self._notify()

    @callback
    def _save(self) -> None:
        self._store.async_delay_save(lambda: asdict(self._listening), 1)
