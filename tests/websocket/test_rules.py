"""The card's house rules: changing them, more time, and who may."""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from custom_components.nfc_jukebox.const import (
    CONF_MAX_VOLUME,
    CONF_QUIET_HOURS,
)
from custom_components.nfc_jukebox.pn532.emulator import ntag

from .support import (
    LULLABY,
    PLAYER,
    Client,
    WaitUntil,
    call,
    emulator_of,
    next_state,
    state_where,
    subscribe,
)


async def test_the_house_rules_change_the_readers_options(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    answer = await call(
        client,
        "rules/set",
        entry_id=init_integration.entry_id,
        jukebox_on=False,
        daily_limit=45,
        min_volume=10,
        night_max_volume=30,
    )

    assert answer["success"]
    assert init_integration.options == {
        CONF_MAX_VOLUME: 60,
        "jukebox_on": False,
        "daily_limit": 45,
        "min_volume": 10,
        "night_max_volume": 30,
    }
    reader = await state_where(client, lambda r: r["rules"]["daily_limit"] == 45)
    assert reader["rules"] == {
        "jukebox_on": False,
        "quiet_hours": False,
        "daily_limit": 45,
        "minutes_left": 45,
        "min_volume": 10,
        "max_volume": 60,
        "night_max_volume": 30,
        "volume": [10, 60],
    }


async def test_a_chip_the_jukebox_refuses_says_why(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await call(
        client, "rules/set", entry_id=init_integration.entry_id, jukebox_on=False
    )
    await subscribe(client)
    await next_state(client)

    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    reader = await state_where(client, lambda reader: reader["chip"] is not None)
    assert reader["chip"]["blocked"] == "off"

    # switched on, the chip on the reader is no longer refused (placing it plays it)
    await call(client, "rules/set", entry_id=init_integration.entry_id, jukebox_on=True)
    reader = await state_where(client, lambda r: r["rules"]["jukebox_on"])
    assert reader["chip"]["blocked"] is None


async def test_quiet_hours_are_pushed_with_the_night_volume(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    hass.states.async_set("schedule.bedtime", "off")
    await call(
        client, "rules/set", entry_id=init_integration.entry_id, night_max_volume=25
    )
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, CONF_QUIET_HOURS: "schedule.bedtime"},
    )
    await hass.async_block_till_done()
    await subscribe(client)
    assert (await next_state(client))["readers"][0]["rules"]["quiet_hours"] is False

    hass.states.async_set("schedule.bedtime", "on")
    reader = await state_where(client, lambda r: r["rules"]["quiet_hours"])
    assert reader["rules"]["volume"] == [0, 25]

    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    reader = await state_where(client, lambda reader: reader["chip"] is not None)
    assert reader["chip"]["blocked"] == "quiet_hours"


async def test_a_chip_that_plays_when_quiet_hours_begin_is_not_refused(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    hass.states.async_set("schedule.bedtime", "off")
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, CONF_QUIET_HOURS: "schedule.bedtime"},
    )
    await hass.async_block_till_done()
    await subscribe(client)
    await next_state(client)
    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(
        lambda: hass.states.get(PLAYER).state == MediaPlayerState.PLAYING  # type: ignore[union-attr]
    )
    reader = await state_where(client, lambda reader: reader["chip"] is not None)
    assert reader["chip"]["blocked"] is None

    hass.states.async_set("schedule.bedtime", "on")
    reader = await state_where(client, lambda r: r["rules"]["quiet_hours"])

    assert reader["chip"]["blocked"] is None  # it plays on


async def test_more_time_adds_15_minutes_to_today(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await call(client, "rules/set", entry_id=init_integration.entry_id, daily_limit=30)
    await subscribe(client)
    assert (await next_state(client))["readers"][0]["rules"]["minutes_left"] == 30

    answer = await call(client, "rules/grant", entry_id=init_integration.entry_id)

    assert answer["result"] == {"minutes_left": 45}
    await state_where(client, lambda r: r["rules"]["minutes_left"] == 45)


@pytest.mark.parametrize(
    "setting",
    [{"min_volume": 101}, {"max_volume": 0}, {"daily_limit": -1}, {"jukebox_on": "x"}],
)
async def test_a_house_rule_out_of_range_is_refused(
    client: Client, init_integration: MockConfigEntry, setting: dict[str, Any]
) -> None:
    answer = await call(
        client, "rules/set", entry_id=init_integration.entry_id, **setting
    )

    assert answer["error"]["code"] == "invalid_format"
    assert init_integration.options == {CONF_MAX_VOLUME: 60}


async def test_a_minimum_volume_above_a_maximum_is_refused_like_the_options_form(
    client: Client, init_integration: MockConfigEntry
) -> None:
    entry_id = init_integration.entry_id
    above_day = await call(client, "rules/set", entry_id=entry_id, min_volume=61)
    await call(client, "rules/set", entry_id=entry_id, night_max_volume=20)
    above_night = await call(client, "rules/set", entry_id=entry_id, min_volume=30)

    assert above_day["result"] == {"errors": {"min_volume": "floor_above_ceiling"}}
    assert above_night["result"] == {"errors": {"min_volume": "floor_above_ceiling"}}
    assert init_integration.options == {CONF_MAX_VOLUME: 60, "night_max_volume": 20}


async def test_a_daily_limit_is_saved_though_the_stored_volumes_are_the_wrong_way_round(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    # What 0.3.0's number entities let through: a minimum of 90 over a maximum of 40.
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, "min_volume": 90, CONF_MAX_VOLUME: 40},
    )

    answer = await call(
        client, "rules/set", entry_id=init_integration.entry_id, daily_limit=45
    )

    assert answer["result"] == {}
    assert init_integration.options["daily_limit"] == 45


async def test_house_rules_of_an_unknown_reader_are_not_found(client: Client) -> None:
    answer = await call(client, "rules/grant", entry_id="nope")

    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "reader_not_found"


async def test_only_administrators_change_the_house_rules(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    entry_id = init_integration.entry_id
    options = {CONF_MAX_VOLUME: 60, "daily_limit": 30}
    hass.config_entries.async_update_entry(init_integration, options=options)
    changed = await call(child, "rules/set", entry_id=entry_id, jukebox_on=False)
    granted = await call(child, "rules/grant", entry_id=entry_id)

    assert changed["error"]["code"] == "unauthorized"
    assert granted["error"]["code"] == "unauthorized"
    assert init_integration.options == options
    assert init_integration.runtime_data.jukebox.rules.minutes_left == 30
