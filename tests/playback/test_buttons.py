"""The box's buttons and volume knob: Home Assistant entities that press the card's buttons."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.event import EventEntity
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, State
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import (
    CONF_FEEDBACK,
    CONF_MAX_VOLUME,
    CONF_MIN_VOLUME,
    CONF_QUIET_HOURS,
    CONF_VOLUME_KNOB,
)
from custom_components.nfc_jukebox.playback.buttons import is_press, knob_position
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.test_rules import BEDTIME, bedtime_schedule, go_to, local

from .support import (
    BACK,
    LOUDER,
    LULLABY,
    QUIETER,
    SKIP,
    WaitUntil,
    paused,
    place,
    player,
    playing,
)
from .test_feedback import AnnouncingSpeaker, sound

__all__ = ["bedtime_schedule"]  # a fixture of the house rules' tests, used here

BUTTONS = {
    "play_pause": "binary_sensor.play_pause",
    "next": "input_button.next",
    "previous": "button.previous",
    "volume_up": "event.louder",
    "volume_down": "input_button.quieter",
}
KNOB = "input_number.knob"
SENSOR_KNOB = "sensor.knob"


class RemoteButton(EventEntity):
    """A remote's button: an event entity that fires when it is pressed."""

    _attr_name = "Louder"
    _attr_event_types = ["press"]  # noqa: RUF012 - Home Assistant's own attribute
    _attr_should_poll = False

    def press(self) -> None:
        """Fire, as the remote does when its button is pressed."""
        self._trigger_event("press")
        self.async_write_ha_state()


@pytest.fixture
async def speaker(hass: HomeAssistant) -> AnnouncingSpeaker:
    """Return the kids' speaker; it announces the sounds of a blocked button."""
    await hass.config.async_update(internal_url="http://homeassistant.local:8123")
    speaker = AnnouncingSpeaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


@pytest.fixture
async def remote(hass: HomeAssistant) -> RemoteButton:
    """Set up the box's buttons and knob: helpers, template entities, a remote."""
    remote = RemoteButton()
    setup_test_component_platform(hass, "event", [remote])
    assert await async_setup_component(hass, "event", {"event": {"platform": "test"}})
    assert await async_setup_component(
        hass, "input_button", {"input_button": {"next": {}, "quieter": {}}}
    )
    assert await async_setup_component(
        hass, "input_boolean", {"input_boolean": {"held": {}}}
    )
    assert await async_setup_component(
        hass,
        "input_number",
        {
            "input_number": {
                "knob": {"min": 0, "max": 10, "initial": 5},
                "encoder": {"min": 0, "max": 1000, "initial": 50},
            }
        },
    )
    assert await async_setup_component(
        hass,
        "template",
        {
            "template": [
                {
                    "binary_sensor": [
                        {
                            "name": "Play pause",
                            "state": "{{ is_state('input_boolean.held', 'on') }}",
                        }
                    ],
                    "button": [{"name": "Previous", "press": []}],
                    "sensor": [
                        {
                            "name": "Knob",
                            "state": "{{ states('input_number.encoder') }}",
                        }
                    ],
                }
            ]
        },
    )
    await hass.async_block_till_done()
    return remote


@pytest.fixture
def box(
    remote: RemoteButton, speaker: AnnouncingSpeaker, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Return the reader entry with its buttons, loaded, with the speaker ready."""
    return init_integration


async def press(hass: HomeAssistant, entity_id: str) -> None:
    """Press an input_button or a button."""
    domain = entity_id.split(".", 1)[0]
    await hass.services.async_call(
        domain, "press", {ATTR_ENTITY_ID: entity_id}, blocking=True
    )


async def hold_play_pause(hass: HomeAssistant) -> None:
    """Press and let go of the play/pause button (a binary sensor)."""
    for service in ("turn_on", "turn_off"):
        await hass.services.async_call(
            "input_boolean", service, {ATTR_ENTITY_ID: "input_boolean.held"}
        )
        await hass.async_block_till_done()


async def turn(hass: HomeAssistant, entity_id: str, value: float) -> None:
    """Turn a knob (an input_number) to ``value``."""
    await hass.services.async_call(
        "input_number",
        "set_value",
        {ATTR_ENTITY_ID: entity_id, "value": value},
        blocking=True,
    )


@pytest.mark.parametrize("options", [BUTTONS])
async def test_box_buttons_skip_and_change_the_volume_as_control_chips_do(
    hass: HomeAssistant,
    box: MockConfigEntry,
    remote: RemoteButton,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    await press(hass, "input_button.next")
    await wait_until(lambda: player(hass).attributes.get("media_track") == 2)
    await press(hass, "button.previous")
    await wait_until(lambda: player(hass).attributes.get("media_track") == 1)
    remote.press()
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.6)
    await press(hass, "input_button.quieter")
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.5)
    assert playing(hass)


@pytest.mark.parametrize("options", [BUTTONS])
async def test_the_play_pause_button_pauses_and_plays_on(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    await hold_play_pause(hass)
    await wait_until(lambda: paused(hass))
    await hold_play_pause(hass)
    await wait_until(lambda: playing(hass))


@pytest.mark.parametrize("options", [{**BUTTONS, CONF_FEEDBACK: True}])
async def test_buttons_start_no_music_while_the_jukebox_is_off(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: AnnouncingSpeaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await hold_play_pause(hass)
    await wait_until(lambda: paused(hass))
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.jukebox_jukebox"}, blocking=True
    )
    calls = len(speaker.calls)

    await hold_play_pause(hass)
    await press(hass, "input_button.next")

    # Each button the rules block is answered with the "blocked" sound, in turn.
    await wait_until(lambda: speaker.calls[calls:] == [sound("blocked")] * 2)
    assert paused(hass)
    assert player(hass).attributes.get("media_track") == 1


async def push(hass: HomeAssistant, remote: RemoteButton, button: str) -> None:
    """Press the box's button ``button`` (an option's name), whatever entity it is."""
    entity_id = BUTTONS[button]
    if entity_id.startswith("binary_sensor."):
        await hold_play_pause(hass)
    elif entity_id.startswith("event."):
        remote.press()
    else:
        await press(hass, entity_id)


async def switch_off(hass: HomeAssistant) -> None:
    """Switch the jukebox off, as a parent does."""
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.jukebox_jukebox"}, blocking=True
    )


@pytest.mark.parametrize(
    ("button", "chip"),
    [
        ("next", SKIP),
        ("previous", BACK),
        ("volume_up", LOUDER),
        ("volume_down", QUIETER),
    ],
)
@pytest.mark.parametrize("options", [{**BUTTONS, CONF_FEEDBACK: True}])
async def test_with_the_jukebox_off_a_button_does_nothing_as_its_control_chip(
    hass: HomeAssistant,
    box: MockConfigEntry,
    remote: RemoteButton,
    speaker: AnnouncingSpeaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    button: str,
    chip: str,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await hold_play_pause(hass)
    await wait_until(lambda: paused(hass))
    await switch_off(hass)
    before = dict(player(hass).attributes)
    calls = len(speaker.calls)

    place(emulator, chip)  # the control chip that does what the button does
    await wait_until(lambda: speaker.calls[calls:] == [sound("blocked")])
    await push(hass, remote, button)

    # Both are answered with the "blocked" sound, in turn, and move nothing.
    await wait_until(lambda: speaker.calls[calls:] == [sound("blocked")] * 2)
    assert paused(hass)
    after = player(hass).attributes
    for key in ("volume_level", "media_track"):
        assert after.get(key) == before.get(key), key


@pytest.mark.parametrize("options", [{CONF_VOLUME_KNOB: KNOB, CONF_FEEDBACK: True}])
async def test_with_the_jukebox_off_the_knob_does_nothing_as_the_volume_chips(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: AnnouncingSpeaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await turn(hass, KNOB, 10)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 1.0)
    emulator.remove()  # lifted: paused
    await wait_until(lambda: paused(hass))
    await switch_off(hass)
    calls = len(speaker.calls)

    place(emulator, QUIETER)
    await wait_until(lambda: speaker.calls[calls:] == [sound("blocked")])
    caplog.set_level(logging.DEBUG, logger="custom_components.nfc_jukebox")
    await turn(hass, KNOB, 0)
    await wait_until(lambda: "the volume knob does nothing (off)" in caplog.text)

    # No sound for the knob: a turn is many steps, each would sound.
    assert speaker.calls[calls:] == [sound("blocked")]
    assert player(hass).attributes["volume_level"] == 1.0


@pytest.mark.freeze_time("2026-11-30 12:00:00+00:00", tick=True)
@pytest.mark.parametrize("expected_lingering_timers", [True])  # the schedule's
@pytest.mark.parametrize(
    "options", [{**BUTTONS, CONF_QUIET_HOURS: BEDTIME, CONF_FEEDBACK: True}]
)
async def test_in_quiet_hours_the_play_pause_button_pauses_but_plays_nothing_on(
    hass: HomeAssistant,
    bedtime_schedule: str,
    box: MockConfigEntry,
    speaker: AnnouncingSpeaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await go_to(hass, freezer, local(19, 0, 1))
    assert playing(hass)  # quiet hours let the music that plays play on

    await hold_play_pause(hass)
    await wait_until(lambda: paused(hass))  # pausing is always allowed
    calls = len(speaker.calls)
    await hold_play_pause(hass)

    await wait_until(lambda: speaker.calls[calls:] == [sound("blocked")])
    assert paused(hass)


@pytest.mark.parametrize(
    "options", [{CONF_VOLUME_KNOB: KNOB, CONF_MIN_VOLUME: 20, CONF_MAX_VOLUME: 60}]
)
async def test_the_volume_knob_sets_the_volume_within_the_house_range(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    await turn(hass, KNOB, 10)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.6)
    await turn(hass, KNOB, 0)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.2)
    await turn(hass, KNOB, 5)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.4)


@pytest.mark.parametrize("options", [{CONF_VOLUME_KNOB: SENSOR_KNOB}])
async def test_a_knob_that_is_a_sensor_turns_from_0_to_100(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    await turn(hass, "input_number.encoder", 25)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.25)
    await turn(hass, "input_number.encoder", 300)  # past its end: all the way up
    await wait_until(lambda: player(hass).attributes["volume_level"] == 1.0)


@pytest.mark.parametrize(
    "options",
    [{CONF_VOLUME_KNOB: KNOB, CONF_MIN_VOLUME: 10, CONF_MAX_VOLUME: 80}],
)
async def test_a_knob_turned_quickly_ends_at_its_last_position(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    for value in range(11):
        await turn(hass, KNOB, value)

    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.8)
    await turn(hass, KNOB, 0)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.1)


async def test_the_buttons_and_knob_are_set_in_the_readers_options(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    result = await hass.config_entries.options.async_init(box.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "on_remove": "pause",
            "resume_window": 30,
            "house_rules": {},
            "volume_range": {},
            "buttons": {"next": "input_button.next"},
            "volume_knob": {CONF_VOLUME_KNOB: KNOB},
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert box.options["next"] == "input_button.next"
    assert box.options[CONF_VOLUME_KNOB] == KNOB

    # The reader follows them at once, without a reload.
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await press(hass, "input_button.next")
    await wait_until(lambda: player(hass).attributes.get("media_track") == 2)


def _state(entity_id: str, state: str, **attributes: Any) -> State:
    return State(entity_id, state, attributes)


@pytest.mark.parametrize(
    ("old", "new", "pressed"),
    [
        ("2026-11-30T18:00:00+00:00", "2026-11-30T18:00:05+00:00", True),
        ("unknown", "2026-11-30T18:00:05+00:00", True),  # its first press
        ("unavailable", "2026-11-30T18:00:00+00:00", False),  # it came back
        ("2026-11-30T18:00:00+00:00", "unavailable", False),
    ],
)
def test_a_new_press_time_is_a_press_and_coming_back_is_not(
    old: str, new: str, *, pressed: bool
) -> None:
    for entity_id in ("input_button.next", "button.next", "event.remote"):
        assert is_press(_state(entity_id, old), _state(entity_id, new)) is pressed


def test_a_binary_sensor_is_pressed_when_it_turns_on() -> None:
    sensor = "binary_sensor.button"
    assert is_press(_state(sensor, "off"), _state(sensor, "on"))
    assert not is_press(_state(sensor, "on"), _state(sensor, "off"))
    assert not is_press(_state(sensor, "unavailable"), _state(sensor, "on"))
    assert not is_press(None, _state(sensor, "on"))  # Home Assistant started


def test_a_knob_position_is_its_value_in_its_range() -> None:
    assert knob_position(_state(KNOB, "2.5", min=0, max=10)) == 0.25
    assert knob_position(_state("number.knob", "-5", min=-10, max=10)) == 0.25
    assert knob_position(_state(SENSOR_KNOB, "75")) == 0.75
    assert knob_position(_state(SENSOR_KNOB, "-3")) == 0.0
    assert knob_position(_state(SENSOR_KNOB, "unavailable")) is None
    assert knob_position(_state(KNOB, "3", min=5, max=5)) is None
