"""The box's buttons and volume knob: entities of Home Assistant that control the music.

A button is any entity that can be pressed: an input_button or button being
pressed, a binary_sensor turning on, an event entity firing. It presses what the
kids card's button of its name presses (remote.py), house rules included. The knob
is a number (or input_number) or a sensor; its position sets the volume within the
house rules' volume range.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from homeassistant.const import (
    STATE_OFF,
    STATE_ON,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_track_state_change_event

from ..const import CONF_VOLUME_KNOB, DOMAIN, LOGGER
from ..sounds import Sound
from .remote import Button

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from .jukebox import Jukebox

#: The box's buttons: each option, named after its button, names an entity.
BUTTONS: Final = tuple(button.value for button in Button)
#: The domains whose entities can be the box's buttons, and its knob.
BUTTON_DOMAINS: Final = ("binary_sensor", "button", "event", "input_button")
KNOB_DOMAINS: Final = ("input_number", "number", "sensor")
#: A sensor tells no range: a knob that is one turns from 0 to 100 (the README's).
SENSOR_KNOB_RANGE: Final = (0.0, 100.0)
_GONE: Final = (STATE_UNAVAILABLE, STATE_UNKNOWN)


def is_press(old: State | None, new: State | None) -> bool:
    """Return whether a button entity's state change is a press.

    A binary sensor is pressed when it turns on; a button, an input_button and
    an event entity show the time of their last press, so a new time is one.
    An entity that comes back (after a restart or a lost connection) is no press.
    """
    if old is None or new is None or old.state == STATE_UNAVAILABLE:
        return False
    if new.domain == "binary_sensor":
        return old.state == STATE_OFF and new.state == STATE_ON
    return new.state not in _GONE and new.state != old.state


def knob_position(state: State) -> float | None:
    """Return where a knob stands from 0 to 1, or None if its state is no number."""
    try:
        value = float(state.state)
    except ValueError:
        return None
    low, high = SENSOR_KNOB_RANGE
    if state.domain != "sensor":
        try:
            low = float(state.attributes["min"])
            high = float(state.attributes["max"])
        except KeyError, TypeError, ValueError:
            return None
    if high <= low:
        return None
    return max(0.0, min(1.0, (value - low) / (high - low)))


def box_controls(options: Mapping[str, Any]) -> dict[str, str]:
    """Return the entities the reader's options name as buttons and knob, by option."""
    keys = (*BUTTONS, CONF_VOLUME_KNOB)
    return {key: str(options[key]) for key in keys if options.get(key)}


class BoxButtons:
    """Follows a reader's buttons and knob, and hands each press to its jukebox."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, jukebox: Jukebox
    ) -> None:
        """Follow the buttons the options of ``entry`` name; call async_start."""
        self.hass = hass
        self.entry = entry
        self._jukebox = jukebox
        self._unfollow: CALLBACK_TYPE | None = None
        #: the knob's newest position, while a volume change waits its turn
        self._knob: float | None = None

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the buttons (again, whenever the options change); return the stop."""
        self._follow()
        stop_updates = self.entry.add_update_listener(self._async_entry_updated)

        @callback
        def stop() -> None:
            stop_updates()
            self._stop_following()

        return stop

    async def _async_entry_updated(
        self, _hass: HomeAssistant, _entry: ConfigEntry
    ) -> None:
        self._follow()

    @callback
    def _follow(self) -> None:
        self._stop_following()
        controls = box_controls(self.entry.options)
        if not controls:
            return
        by_entity: dict[str, list[str]] = {}
        for key, entity_id in controls.items():
            by_entity.setdefault(entity_id, []).append(key)
        self._unfollow = async_track_state_change_event(
            self.hass, list(by_entity), partial(self._changed, by_entity)
        )

    @callback
    def _stop_following(self) -> None:
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    @callback
    def _changed(
        self, by_entity: dict[str, list[str]], event: Event[EventStateChangedData]
    ) -> None:
        old, new = event.data["old_state"], event.data["new_state"]
        for key in by_entity.get(event.data["entity_id"], ()):
            if key == CONF_VOLUME_KNOB:
                self._knob_moved(old, new)
            elif is_press(old, new):
                self._press(key, event.data["entity_id"])

    @callback
    def _press(self, key: str, entity_id: str) -> None:
        LOGGER.debug("%s: button %s (%s) pressed", self.entry.title, key, entity_id)
        self.entry.async_create_background_task(
            self.hass, self._async_press(Button(key)), f"{DOMAIN} button {key}"
        )

    async def _async_press(self, button: Button) -> None:
        jukebox = self._jukebox
        try:
            block = await jukebox.remote.press(button)
        except HomeAssistantError as err:
            # A button pressed without a speaker to move: nothing to do, no failure.
            LOGGER.info("%s: button %s did nothing: %s", self.entry.title, button, err)
            return
        if block is not None:
            LOGGER.debug(
                "%s: button %s does nothing (%s)", self.entry.title, button, block
            )
            await jukebox.feedback.announce(Sound.BLOCKED, jukebox.active_player)

    @callback
    def _knob_moved(self, old: State | None, new: State | None) -> None:
        if (
            old is None
            or new is None
            or old.state in _GONE
            or new.state == old.state
            or (position := knob_position(new)) is None
        ):
            return  # no turn: the knob came back, or told no number
        waiting = self._knob is not None
        self._knob = position
        if not waiting:
            # A quick turn is many changes: the volume follows the newest of them.
            self.entry.async_create_background_task(
                self.hass, self._turn_knob(), f"{DOMAIN} volume knob"
            )

    async def _turn_knob(self) -> None:
        # Taken when its turn comes: the speaker actions before it ran first.
        async with self._jukebox.actions.lock:
            position, self._knob = self._knob, None
        if position is None:
            return
        try:
            block = await self._jukebox.remote.turn_knob(position)
        except HomeAssistantError as err:
            LOGGER.info("%s: the volume knob did nothing: %s", self.entry.title, err)
            return
        if block is not None:
            # No "blocked" sound: one turn is many steps, each would sound.
            LOGGER.debug(
                "%s: the volume knob does nothing (%s)", self.entry.title, block
            )
