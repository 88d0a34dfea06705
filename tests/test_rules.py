"""House rules: jukebox on/off, quiet hours, volume range, daily limit, fade-out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any
from unittest.mock import patch

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError, Unauthorized
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    CLIENT_ID,
    MockConfigEntry,
    MockUser,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_DAILY_LIMIT,
    CONF_FADE_OUT,
    CONF_JUKEBOX_ON,
    CONF_MAX_VOLUME,
    CONF_MIN_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
    CONF_QUIET_HOURS,
    CONF_QUIET_HOURS_START,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.listening import ListeningStore
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator

from .playback.support import (
    LULLABY,
    QUIETER,
    SKIP,
    SLEEP,
    control,
    fade_until,
    music,
    paused,
    place,
    player,
    playing,
)
from .speaker import Speaker

type WaitUntil = Callable[..., Awaitable[None]]

# Time moves on (the reader runs on real timers) and tests jump it with move_to.
pytestmark = pytest.mark.freeze_time("2026-11-30 12:00:00+00:00", tick=True)

STORY = "04123456789ABC"
BEDTIME = "schedule.bedtime"
EVENT = "event.jukebox_chip"
WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def local(hour: int, minute: int = 0, second: int = 0) -> datetime:
    """Return today (a fixed Monday) at this local time, in UTC."""
    return dt_util.as_utc(
        datetime(
            2026,
            11,
            30,
            hour,
            minute,
            second,
            tzinfo=dt_util.get_default_time_zone(),
        )
    )


@pytest.fixture
def options() -> dict[str, Any]:
    """Return the reader's options (tests override it)."""
    return {}


@pytest.fixture
def mock_config_entry(options: dict[str, Any]) -> MockConfigEntry:
    """Return a simulated reader with a lullaby, a sleep story and control chips."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options=options,
        subentries_data=[
            music(LULLABY, "Lullabies", "media-source://lullabies"),
            music(STORY, "Sleep story", "media-source://story", bedtime=True),
            control(QUIETER, "Quieter", "volume_down"),
            control(SKIP, "Skip", "next"),
            control(SLEEP, "Sleep in a minute", "sleep_timer", minutes=1),
        ],
    )


@pytest.fixture
def expected_lingering_timers() -> bool:
    """Let the schedule helper keep its next switch-over timer after a test."""
    return True


@pytest.fixture
async def bedtime_schedule(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> str:
    """Set up a schedule helper that is on every evening from 19:00: quiet hours."""
    freezer.move_to(local(18, 59))
    evening = [{"from": "19:00:00", "to": "23:00:00"}]
    assert await async_setup_component(
        hass,
        "schedule",
        {"schedule": {"bedtime": {"name": "Bedtime", **dict.fromkeys(WEEK, evening)}}},
    )
    await hass.async_block_till_done()
    return BEDTIME


@pytest.fixture
def box(kids_speaker: Speaker, init_integration: MockConfigEntry) -> MockConfigEntry:
    """Return the reader entry, loaded, with the kids' speaker ready."""
    return init_integration


def last_uid(hass: HomeAssistant) -> str | None:
    """Return the UID of the chip last placed (its tag_placed event), if one lies there."""
    state = hass.states.get(EVENT)
    assert state is not None
    if state.attributes.get("event_type") != "tag_placed":
        return None
    return state.attributes.get("uid")


async def placed_event(hass: HomeAssistant, wait_until: WaitUntil) -> None:
    """Wait for the tag_placed event: it follows the music, once the chip was read."""

    def placed() -> bool:
        state = hass.states.get(EVENT)
        return state is not None and state.attributes.get("event_type") == "tag_placed"

    await wait_until(placed)


def blocked(hass: HomeAssistant) -> str | None:
    """Return what the last tag_placed event says blocked the chip."""
    state = hass.states.get(EVENT)
    assert state is not None
    reason: str | None = state.attributes["blocked"]
    return reason


async def place_blocked(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    uid: str,
    reason: str,
) -> None:
    """Place a chip the rules block: the event says why, and nothing plays."""
    before = hass.states.get(EVENT)
    assert before is not None
    place(emulator, uid)
    await wait_until(lambda: hass.states.get(EVENT).state != before.state)  # type: ignore[union-attr]
    assert blocked(hass) == reason
    await hass.async_block_till_done()


async def go_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: datetime
) -> None:
    """Move Home Assistant's clock to ``when`` and run what was due."""
    freezer.move_to(when)
    async_fire_time_changed(hass, when)
    await hass.async_block_till_done()


async def take_off(
    box: MockConfigEntry, emulator: Pn532Emulator, wait: WaitUntil
) -> None:
    """Take the chip off the reader and wait until the reader noticed."""
    emulator.remove()
    await wait(lambda: box.runtime_data.reader.present is None)


async def lift(hass: HomeAssistant, emulator: Pn532Emulator, wait: WaitUntil) -> None:
    """Lift the chip from the reader: the music pauses."""
    emulator.remove()
    await wait(lambda: paused(hass))


# Jukebox on and off ---------------------------------------------------------------


async def test_jukebox_off_blocks_chips_and_on_unblocks_them(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    switch = "switch.jukebox_jukebox"
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: switch}, blocking=True
    )
    assert hass.states.get(switch).state == "off"  # type: ignore[union-attr]
    assert box.options["jukebox_on"] is False

    await place_blocked(hass, emulator, wait_until, LULLABY, "off")
    assert not [call for call in kids_speaker.calls if call[0] == "play_media"]

    await take_off(box, emulator, wait_until)
    await hass.services.async_call(
        "switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True
    )
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await placed_event(hass, wait_until)
    assert blocked(hass) is None


async def test_lifting_a_chip_pauses_even_when_the_jukebox_is_off(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.jukebox_jukebox"}, blocking=True
    )

    await lift(hass, emulator, wait_until)


# Quiet hours ----------------------------------------------------------------------


@pytest.mark.parametrize("options", [{CONF_QUIET_HOURS: BEDTIME}])
async def test_quiet_hours_block_a_chip_and_allow_a_bedtime_chip(
    hass: HomeAssistant,
    bedtime_schedule: str,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    place(emulator, LULLABY)  # 18:59: before quiet hours
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await lift(hass, emulator, wait_until)

    quiet = "binary_sensor.jukebox_quiet_hours"
    assert hass.states.get(quiet).state == "off"  # type: ignore[union-attr]
    await go_to(hass, freezer, local(19, 0, 1))
    assert hass.states.get(bedtime_schedule).state == "on"  # type: ignore[union-attr]
    assert hass.states.get(quiet).state == "on"  # type: ignore[union-attr]
    calls = len(kids_speaker.calls)
    await place_blocked(hass, emulator, wait_until, LULLABY, "quiet_hours")
    assert kids_speaker.calls[calls:] == []
    assert paused(hass)  # put back, it does not resume either

    await take_off(box, emulator, wait_until)
    place(emulator, STORY)
    await wait_until(lambda: playing(hass, "media-source://story"))
    await placed_event(hass, wait_until)
    assert blocked(hass) is None


@pytest.mark.parametrize(
    "options",
    [{CONF_QUIET_HOURS: BEDTIME, CONF_MAX_VOLUME: 80, CONF_NIGHT_MAX_VOLUME: 30}],
)
async def test_the_night_maximum_applies_when_quiet_hours_begin(
    hass: HomeAssistant,
    bedtime_schedule: str,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    await kids_speaker.async_set_volume_level(0.7)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    assert player(hass).attributes["volume_level"] == 0.7  # by day, 80 % is fine

    await go_to(hass, freezer, local(19, 0, 1))

    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.3)
    assert playing(hass)  # quiet hours keep it playing unless told otherwise


@pytest.mark.parametrize(
    "options",
    [{CONF_QUIET_HOURS: BEDTIME, CONF_QUIET_HOURS_START: "pause_after_track"}],
)
async def test_quiet_hours_can_pause_the_music_after_the_current_track(
    hass: HomeAssistant,
    bedtime_schedule: str,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await go_to(hass, freezer, local(19, 0, 1))
    assert playing(hass)  # the track plays to its end

    await kids_speaker.async_media_next_track()  # the next track begins

    await wait_until(lambda: paused(hass))


@pytest.mark.parametrize(
    "options",
    [{CONF_QUIET_HOURS: BEDTIME, CONF_QUIET_HOURS_START: "pause_after_track"}],
)
async def test_a_bedtime_chip_plays_on_when_quiet_hours_begin(
    hass: HomeAssistant,
    bedtime_schedule: str,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    place(emulator, STORY)
    await wait_until(lambda: playing(hass, "media-source://story"))
    await go_to(hass, freezer, local(19, 0, 1))

    await kids_speaker.async_media_next_track()  # the next chapter begins
    await hass.async_block_till_done()

    assert playing(hass, "media-source://story")
    assert ("media_pause", None) not in kids_speaker.calls


# Volume range ---------------------------------------------------------------------


@pytest.mark.parametrize("options", [{CONF_MIN_VOLUME: 30}])
async def test_the_minimum_volume_holds_against_a_volume_down_chip(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await kids_speaker.async_set_volume_level(0.45)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    def volume_sets() -> int:
        return [name for name, _ in kids_speaker.calls].count("volume_set")

    for _ in range(3):
        before = volume_sets()
        place(emulator, QUIETER)
        await wait_until(lambda before=before: volume_sets() > before)
        await wait_until(lambda: playing(hass))
        place(emulator, LULLABY)
        await wait_until(lambda: last_uid(hass) == LULLABY and playing(hass))

    assert player(hass).attributes["volume_level"] == 0.3
    assert min(v for name, v in kids_speaker.calls if name == "volume_set") == 0.3


@pytest.mark.parametrize("options", [{CONF_MIN_VOLUME: 20}])
async def test_a_speaker_turned_to_zero_is_raised_to_the_minimum_before_playing(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await kids_speaker.async_set_volume_level(0.0)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert player(hass).attributes["volume_level"] == 0.2


@pytest.mark.parametrize(
    ("entity_id", "value", "translation_key"),
    [
        ("number.jukebox_minimum_volume", 90, "floor_above_ceiling"),
        ("number.jukebox_maximum_volume", 10, "floor_above_ceiling"),
        ("number.jukebox_maximum_volume_at_night", 10, "floor_above_ceiling"),
        ("number.jukebox_maximum_volume", 55.7, "not_whole_number"),
        ("number.jukebox_daily_listening_limit", 12.5, "not_whole_number"),
    ],
)
@pytest.mark.parametrize("options", [{CONF_MIN_VOLUME: 20, CONF_MAX_VOLUME: 40}])
async def test_a_volume_number_is_checked_as_the_options_form_checks_it(
    hass: HomeAssistant,
    box: MockConfigEntry,
    entity_id: str,
    value: float,
    translation_key: str,
) -> None:
    before = dict(box.options)

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            "number",
            "set_value",
            {ATTR_ENTITY_ID: entity_id, "value": value},
            blocking=True,
        )

    assert raised.value.translation_key == translation_key
    assert dict(box.options) == before


async def test_the_volume_numbers_are_the_readers_options(
    hass: HomeAssistant, box: MockConfigEntry
) -> None:
    reader = box.runtime_data.reader
    await hass.services.async_call(
        "number",
        "set_value",
        {ATTR_ENTITY_ID: "number.jukebox_minimum_volume", "value": 25},
        blocking=True,
    )

    assert box.options[CONF_MIN_VOLUME] == 25
    state = hass.states.get("number.jukebox_minimum_volume")
    assert state is not None
    assert state.state == "25.0"
    night = hass.states.get("number.jukebox_maximum_volume_at_night")
    assert night is not None
    assert night.state == "100.0"  # unset: the same as by day
    assert box.runtime_data.reader is reader  # a setting does not reload the reader


# Daily limit ----------------------------------------------------------------------


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 1, CONF_FADE_OUT: 0}])
async def test_a_used_up_daily_limit_pauses_and_blocks_and_more_time_unblocks(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    left = "sensor.jukebox_listening_time_left"
    freezer.move_to(local(10))
    assert hass.states.get(left).state == "1"  # type: ignore[union-attr]
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    await go_to(hass, freezer, local(10, 1, 1))

    await wait_until(lambda: paused(hass))
    assert hass.states.get(left).state == "0"  # type: ignore[union-attr]
    await take_off(box, emulator, wait_until)
    await place_blocked(hass, emulator, wait_until, LULLABY, "limit")
    assert paused(hass)

    await take_off(box, emulator, wait_until)
    await hass.services.async_call(
        "button",
        "press",
        {ATTR_ENTITY_ID: "button.jukebox_add_15_minutes"},
        blocking=True,
    )
    assert hass.states.get(left).state == "15"  # type: ignore[union-attr]
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 1, CONF_FADE_OUT: 0}])
async def test_15_more_minutes_after_the_limit_faded_out_show_15_minutes_left(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    left = "sensor.jukebox_listening_time_left"
    freezer.move_to(local(10))
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    # The music goes on past the limit while it fades out (here: 90 seconds).
    box.runtime_data.jukebox.rules._limit_reached = lambda _now: None
    await go_to(hass, freezer, local(10, 2, 30))
    await take_off(box, emulator, wait_until)
    await wait_until(lambda: not playing(hass))

    await hass.services.async_call(
        "button",
        "press",
        {ATTR_ENTITY_ID: "button.jukebox_add_15_minutes"},
        blocking=True,
    )

    assert hass.states.get(left).state == "15"  # type: ignore[union-attr]


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 1, CONF_FADE_OUT: 0}])
async def test_play_now_with_the_listening_time_used_up_plays_nothing_and_says_why(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_user: MockUser,
) -> None:
    freezer.move_to(local(10))
    refresh = await hass.auth.async_create_refresh_token(hass_read_only_user, CLIENT_ID)
    child = await hass_ws_client(hass, hass.auth.async_create_access_token(refresh))
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await go_to(hass, freezer, local(10, 1, 1))
    await wait_until(lambda: paused(hass))
    await take_off(box, emulator, wait_until)
    chip = next(s for s in box.subentries.values() if s.unique_id == LULLABY)

    await child.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/play",
            "entry_id": box.entry_id,
            "subentry_id": chip.subentry_id,
        }
    )
    answer = await child.receive_json()

    assert answer["error"]["translation_key"] == "blocked_limit"
    assert paused(hass)


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 1, CONF_FADE_OUT: 0}])
async def test_a_new_day_brings_new_listening_time(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    left = "sensor.jukebox_listening_time_left"
    freezer.move_to(local(23, 58))
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await go_to(hass, freezer, local(23, 59, 30))
    await wait_until(lambda: paused(hass))
    await take_off(box, emulator, wait_until)

    await go_to(hass, freezer, local(23, 59, 59) + timedelta(seconds=2))

    assert hass.states.get(left).state == "1"  # type: ignore[union-attr]
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))


#: a change of the house rules through an entity, and the options it starts from
RULE_CHANGES = [
    ("switch", "turn_on", "switch.jukebox_jukebox", {}, {CONF_JUKEBOX_ON: False}),
    ("switch", "turn_off", "switch.jukebox_jukebox", {}, {CONF_JUKEBOX_ON: True}),
    (
        "number",
        "set_value",
        "number.jukebox_daily_listening_limit",
        {"value": 0},
        {CONF_DAILY_LIMIT: 30},
    ),
    (
        "number",
        "set_value",
        "number.jukebox_maximum_volume",
        {"value": 100},
        {CONF_MAX_VOLUME: 60},
    ),
    ("button", "press", "button.jukebox_add_15_minutes", {}, {CONF_DAILY_LIMIT: 30}),
]
RULE_CHANGE = ("domain", "service", "entity_id", "data", "options")


def _rules_now(box: MockConfigEntry) -> tuple[dict[str, Any], int | None]:
    return dict(box.options), box.runtime_data.jukebox.rules.minutes_left


@pytest.mark.parametrize(RULE_CHANGE, RULE_CHANGES)
async def test_a_user_who_is_not_an_administrator_cannot_change_the_house_rules(
    hass: HomeAssistant,
    box: MockConfigEntry,
    child_user: MockUser,
    domain: str,
    service: str,
    entity_id: str,
    data: dict[str, Any],
) -> None:
    before = _rules_now(box)

    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            domain,
            service,
            {ATTR_ENTITY_ID: entity_id, **data},
            blocking=True,
            context=Context(user_id=child_user.id),
        )

    assert _rules_now(box) == before


@pytest.mark.parametrize(RULE_CHANGE, RULE_CHANGES)
async def test_an_administrator_and_an_automation_change_the_house_rules(
    hass: HomeAssistant,
    box: MockConfigEntry,
    hass_admin_user: MockUser,
    domain: str,
    service: str,
    entity_id: str,
    data: dict[str, Any],
    options: dict[str, Any],
) -> None:
    for context in (Context(user_id=hass_admin_user.id), Context()):
        hass.config_entries.async_update_entry(box, options=options)
        await hass.async_block_till_done()
        before = _rules_now(box)

        await hass.services.async_call(
            domain,
            service,
            {ATTR_ENTITY_ID: entity_id, **data},
            blocking=True,
            context=context,
        )

        assert _rules_now(box) != before


async def test_grant_time_adds_minutes_and_is_for_administrators(
    hass: HomeAssistant,
    box: MockConfigEntry,
    hass_read_only_user: MockUser,
) -> None:
    hass.config_entries.async_update_entry(box, options={CONF_DAILY_LIMIT: 30})
    await hass.async_block_till_done()

    await hass.services.async_call(
        DOMAIN,
        "grant_time",
        {"config_entry_id": box.entry_id, "minutes": 10},
        blocking=True,
    )

    assert box.runtime_data.jukebox.rules.minutes_left == 40
    left = hass.states.get("sensor.jukebox_listening_time_left")
    assert left is not None
    assert left.state == "40"
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN,
            "grant_time",
            {"config_entry_id": box.entry_id},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 30}])
async def test_grant_time_refuses_a_fraction_of_a_minute_and_grants_nothing(
    hass: HomeAssistant, box: MockConfigEntry
) -> None:
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "grant_time",
            {"config_entry_id": box.entry_id, "minutes": 1.7},
            blocking=True,
        )

    assert raised.value.translation_key == "not_whole_minutes"
    assert raised.value.translation_placeholders == {"minutes": "1.7"}
    assert box.runtime_data.jukebox.rules.minutes_left == 30


def listening_key(entry: MockConfigEntry) -> str:
    """Return where the reader keeps today's listening time."""
    return f"{DOMAIN}.{entry.entry_id}.listening"


def stored_listening(**changes: Any) -> dict[str, Any]:
    """Return today's listening time as the store keeps it: ten minutes used."""
    record = {"day": dt_util.now().date().isoformat(), "used": 600.0, "granted": 0}
    record.update(changes)
    return {key: value for key, value in record.items() if value is not ...}


#: listening times not as this release writes them: a later release's or a hand edit's
#: (the file's version, its record, what the warning names)
BAD_LISTENING = {
    "unexpected_key": (1, stored_listening(paused=12), "paused"),
    "a_list": (1, [stored_listening()], "mapping"),
    "used_that_is_no_number": (1, stored_listening(used="abc"), "used"),
    "minutes_granted_in_fractions": (1, stored_listening(granted=1.5), "granted"),
    "no_day": (1, stored_listening(day=...), "day"),
    "a_later_major_version": (2, {"today": stored_listening()}, "version 2"),
}


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 30}])
@pytest.mark.parametrize("bad", BAD_LISTENING.values(), ids=BAD_LISTENING.keys())
async def test_a_listening_time_not_as_expected_counts_as_none_with_one_warning(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    bad: tuple[int, Any, str],
) -> None:
    version, record, what = bad
    key = listening_key(mock_config_entry)
    hass_storage[key] = {"version": version, "key": key, "data": record}
    mock_config_entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    left = hass.states.get("sensor.jukebox_listening_time_left")
    assert left is not None
    assert left.state == "30"
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and key in record.getMessage()
    ]
    assert len(warnings) == 1
    assert what in warnings[0]
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 30}])
async def test_a_chip_plays_after_a_listening_time_not_as_expected(
    hass: HomeAssistant,
    kids_speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    wait_until: WaitUntil,
) -> None:
    key = listening_key(mock_config_entry)
    hass_storage[key] = {"version": 1, "key": key, "data": stored_listening(used="abc")}
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert mock_config_entry.runtime_data.reader.available
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 30}])
@pytest.mark.parametrize(
    "version",
    [{"version": 1}, {"version": 1, "minor_version": 9}],
    ids=["written_by_0_3", "a_later_minor_version"],
)
async def test_a_listening_time_of_another_minor_version_loads_through_the_migration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    version: dict[str, int],
) -> None:
    key = listening_key(mock_config_entry)
    hass_storage[key] = {**version, "key": key, "data": stored_listening()}
    mock_config_entry.add_to_hass(hass)

    with patch.object(
        ListeningStore,
        "_async_migrate_func",
        autospec=True,
        side_effect=ListeningStore._async_migrate_func,
    ) as migrate:
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert migrate.called
    left = hass.states.get("sensor.jukebox_listening_time_left")
    assert left is not None
    assert left.state == "20"
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


# Fade-out -------------------------------------------------------------------------


@pytest.mark.parametrize("options", [{CONF_FADE_OUT: 10}])
async def test_the_sleep_timer_fades_out_in_steps_then_restores_the_volume(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await kids_speaker.async_set_volume_level(0.5)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    place(emulator, SLEEP)
    await wait_until(lambda: box.runtime_data.jukebox.sleep_until is not None)
    place(emulator, LULLABY)
    await wait_until(lambda: last_uid(hass) == LULLABY and playing(hass))
    calls = len(kids_speaker.calls)

    # The fade takes the timer's last 10 seconds.
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=51))
    await fade_until(hass, wait_until, lambda: paused(hass))
    await wait_until(lambda: kids_speaker.calls[-1][0] == "volume_set")

    fade = [v for name, v in kids_speaker.calls[calls:] if name == "volume_set"]
    assert fade[:-1] == sorted(fade[:-1], reverse=True)
    assert len(fade[:-1]) == 10
    assert fade[-2] == 0.0
    names = [name for name, _ in kids_speaker.calls[calls:]]
    assert names[-2:] == ["media_pause", "volume_set"]
    assert player(hass).attributes["volume_level"] == 0.5  # ready for next time
    assert player(hass).state == MediaPlayerState.PAUSED


# Settings -------------------------------------------------------------------------


async def test_the_options_form_refuses_a_minimum_above_the_maximum(
    hass: HomeAssistant, box: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(box.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "on_remove": "pause",
            "resume_window": 30,
            "house_rules": {},
            "volume_range": {CONF_MIN_VOLUME: 50, CONF_MAX_VOLUME: 40},
        },
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"volume_range": "floor_above_ceiling"}


@pytest.mark.parametrize("options", [{CONF_MAX_VOLUME: 50}])
async def test_changing_a_setting_while_the_speaker_is_away_reports_nothing(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    issue_registry: ir.IssueRegistry,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    kids_speaker._attr_available = False
    kids_speaker.async_write_ha_state()

    await hass.services.async_call(
        "number",
        "set_value",
        {ATTR_ENTITY_ID: "number.jukebox_maximum_volume", "value": 30},
        blocking=True,
    )
    await hass.async_block_till_done()
    await asyncio.sleep(0.1)  # the jukebox checks the volume in the background

    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{box.entry_id}")
        is None
    )


@pytest.mark.parametrize("options", [{CONF_DAILY_LIMIT: 5}])
async def test_todays_listening_time_survives_a_restart(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    freezer: FrozenDateTimeFactory,
) -> None:
    freezer.move_to(local(10))
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    freezer.move_to(local(10, 2, 1))
    await lift(hass, emulator, wait_until)

    assert await hass.config_entries.async_unload(box.entry_id)
    assert await hass.config_entries.async_setup(box.entry_id)
    await hass.async_block_till_done()

    left = hass.states.get("sensor.jukebox_listening_time_left")
    assert left is not None
    assert left.state == "3"


async def test_the_options_form_shows_what_the_entities_set(
    hass: HomeAssistant, box: MockConfigEntry
) -> None:
    await hass.services.async_call(
        "number",
        "set_value",
        {ATTR_ENTITY_ID: "number.jukebox_daily_listening_limit", "value": 45},
        blocking=True,
    )
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.jukebox_jukebox"}, blocking=True
    )

    result = await hass.config_entries.options.async_init(box.entry_id)
    assert result["data_schema"] is not None

    rules = next(
        value.schema
        for key, value in result["data_schema"].schema.items()
        if key == "house_rules"
    )
    suggested = {
        str(key): key.description["suggested_value"]
        for key in rules.schema
        if key.description
    }
    assert suggested[CONF_DAILY_LIMIT] == 45
    assert suggested["jukebox_on"] is False


async def test_removing_a_reader_forgets_its_listening_time(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await lift(hass, emulator, wait_until)
    assert await hass.config_entries.async_unload(box.entry_id)
    key = f"{DOMAIN}.{box.entry_id}.listening"
    assert key in hass_storage

    await hass.config_entries.async_remove(box.entry_id)

    assert key not in hass_storage


async def test_a_speaker_within_the_range_keeps_its_own_volume(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await kids_speaker.async_set_volume_level(1 / 3)  # as a speaker reports it
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert [call for call in kids_speaker.calls if call[0] == "volume_set"] == [
        ("volume_set", 1 / 3)
    ]


async def test_house_rules_set_in_the_options_form_apply_at_once(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    reader = box.runtime_data.reader
    await kids_speaker.async_set_volume_level(0.8)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    result = await hass.config_entries.options.async_init(box.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "on_remove": "pause",
            "resume_window": 30,
            "house_rules": {"jukebox_on": False},
            "volume_range": {CONF_MAX_VOLUME: 50},
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY

    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.5)
    assert hass.states.get("switch.jukebox_jukebox").state == "off"  # type: ignore[union-attr]
    await lift(hass, emulator, wait_until)
    await place_blocked(hass, emulator, wait_until, LULLABY, "off")
    assert box.runtime_data.reader is reader
