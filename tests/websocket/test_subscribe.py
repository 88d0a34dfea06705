"""The card's live state: a subscription pushes the readers, their chips and changes."""

from __future__ import annotations

import json
from datetime import timedelta
from types import MappingProxyType

from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import ntag

from .support import (
    BEDTIME,
    LOUDER,
    LULLABY,
    MEDIA,
    NEW,
    PLAYER,
    Client,
    call,
    emulator_of,
    next_state,
    state_where,
    subentry_id,
    subscribe,
)


async def test_subscribing_sends_the_reader_and_its_chips(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    state = await next_state(client)

    assert state["can_edit"] is True
    [reader] = state["readers"]
    assert reader["entry_id"] == init_integration.entry_id
    assert reader["title"] == "Jukebox"
    assert reader["available"] is True
    assert reader["chip"] is None
    assert reader["sleep_until"] is None
    assert reader["max_volume"] == 60
    assert reader["rules"] == {
        "jukebox_on": True,
        "quiet_hours": False,
        "daily_limit": None,
        "minutes_left": None,
        "min_volume": 0,
        "max_volume": 60,
        "night_max_volume": 60,
        "volume": [0, 60],
    }
    bedtime, louder, lullabies = reader["chips"]
    assert bedtime["minutes"] == 20
    assert louder == {
        "subentry_id": subentry_id(init_integration, LOUDER),
        "kind": "control",
        "name": "Louder",
        "uid": LOUDER,
        "picture": None,
        "own_picture": False,
        "action": "volume_up",
    }
    assert lullabies == {
        "subentry_id": subentry_id(init_integration, LULLABY),
        "kind": "music",
        "name": "Lullabies",
        "uid": LULLABY,
        "picture": None,
        "own_picture": False,
        "speaker": PLAYER,
        "play_on": None,
        "media": {**MEDIA, "media_content_id": "media-source://lullabies"},
        "playback": {"order": "shuffle"},
    }


async def test_placing_and_lifting_a_chip_is_pushed(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    reader = await state_where(client, lambda reader: reader["chip"] is not None)
    assert reader["chip"] == {
        "uid": LULLABY,
        "subentry_id": subentry_id(init_integration, LULLABY),
        "name": "Lullabies",
        "picture": None,
        "kind": "music",
        "assignable": True,
        "blocked": None,
    }
    assert reader["speaker"] == PLAYER

    emulator_of(init_integration).remove()
    reader = await state_where(client, lambda reader: reader["chip"] is None)
    assert reader["speaker"] == PLAYER  # what played last


async def test_the_sleep_timer_is_pushed_with_its_end(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
) -> None:
    await subscribe(client)
    await next_state(client)
    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await state_where(client, lambda reader: reader["chip"] is not None)

    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(BEDTIME)))
    reader = await state_where(client, lambda reader: reader["sleep_until"] is not None)

    assert reader["chip"]["kind"] == "control"
    assert reader["speaker"] == PLAYER  # the control chip acts on what played
    sleep_until = init_integration.runtime_data.jukebox.sleep_until
    assert reader["sleep_until"] == sleep_until.isoformat()
    assert sleep_until - dt_util.utcnow() > timedelta(minutes=19)


async def test_a_new_chip_on_the_reader_has_no_name(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(NEW)))
    reader = await state_where(client, lambda reader: reader["chip"] is not None)

    assert reader["chip"] == {
        "uid": NEW,
        "subentry_id": None,
        "name": None,
        "picture": None,
        "kind": None,
        "assignable": True,
        "blocked": None,
    }


async def test_a_subscription_can_follow_one_reader(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    other = MockConfigEntry(
        domain=DOMAIN,
        version=2,
        minor_version=2,
        title="Other",
        unique_id="simulated:other",
        data={CONF_CONNECTION: Connection.SIMULATED},
    )
    other.add_to_hass(hass)
    assert await hass.config_entries.async_setup(other.entry_id)
    await hass.async_block_till_done()

    await subscribe(client)
    assert [r["title"] for r in (await next_state(client))["readers"]] == [
        "Jukebox",
        "Other",
    ]
    await subscribe(client, entry_id=other.entry_id)
    assert [r["title"] for r in (await next_state(client))["readers"]] == ["Other"]
    await hass.config_entries.async_unload(other.entry_id)


async def test_a_reader_that_is_not_loaded_shows_its_chips_unavailable(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    await hass.config_entries.async_unload(init_integration.entry_id)
    reader = await state_where(client, lambda reader: not reader["available"])

    assert reader["chip"] is None
    assert reader["rules"] is None  # the card shows none: nothing follows them
    assert len(reader["chips"]) == 3


def _add_chips(hass: HomeAssistant, entry: MockConfigEntry, count: int) -> None:
    """Give the reader ``count`` more music chips, as a home of many chips has."""
    for number in range(count):
        uid = f"05{number:012X}"
        hass.config_entries.async_add_subentry(
            entry,
            ConfigSubentry(
                data=MappingProxyType(
                    {"uid": uid, "media": MEDIA, "playback": {}, "play_on": None}
                ),
                subentry_type="tag",
                title=f"Song {number:03d}",
                unique_id=uid,
            ),
        )


async def test_a_chip_saved_is_pushed_alone_however_many_chips_there_are(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    _add_chips(hass, init_integration, 300)
    await hass.async_block_till_done()
    await subscribe(client)
    first = await next_state(client)
    assert len(first["readers"][0]["chips"]) == 303
    client.pushed_raw.clear()

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LULLABY),
        uid=LULLABY,
        name="Sleepy songs",
        media=MEDIA,
    )
    assert answer["success"]
    reader = await state_where(
        client, lambda r: "Sleepy songs" in [chip["name"] for chip in r["chips"]]
    )

    pushed = client.pushed_raw
    assert len(reader["chips"]) == 303
    assert sum(len(json.dumps(event)) for event in pushed) <= 10_000
    changed = [
        chip["name"]
        for event in pushed
        for delta in event["chips"].values()
        for chip in delta["changed"]
    ]
    assert changed == ["Sleepy songs"]


async def test_a_deleted_chip_is_pushed_as_gone(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)
    client.pushed_raw.clear()
    louder = subentry_id(init_integration, LOUDER)

    assert (
        await call(
            client,
            "chip/delete",
            entry_id=init_integration.entry_id,
            subentry_id=louder,
        )
    )["success"]
    reader = await state_where(client, lambda r: len(r["chips"]) == 2)

    assert louder not in [chip["subentry_id"] for chip in reader["chips"]]
    assert [event["chips"] for event in client.pushed_raw if event["chips"]] == [
        {init_integration.entry_id: {"changed": [], "removed": [louder], "all": False}}
    ]


async def test_a_placement_is_pushed_without_the_chips(
    client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    reader = await state_where(client, lambda r: r["chip"] is not None)

    assert reader["chip"]["name"] == "Lullabies"
    assert len(reader["chips"]) == 3  # as the card keeps them
    assert len(client.pushed_raw) > 1
    assert all(event["chips"] == {} for event in client.pushed_raw[1:])
