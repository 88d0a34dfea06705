"""The card's websocket API: live reader state, and adding, changing, playing chips."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.chips.notices import new_chip_issue_id
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MAX_VOLUME,
    CONF_QUIET_HOURS,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .speaker import Speaker

type WaitUntil = Callable[..., Awaitable[None]]
type Client = Any

PLAYER = "media_player.kids"
LULLABY = "04A1B2C3D4E5F6"
NEW = "04DEADBEEF0001"
LOUDER = "04AAAAAAAAAAAA"
BEDTIME = "04FFFFFFFFFFFF"
MEDIA = {
    "entity_id": PLAYER,
    "media_content_id": "media-source://rock",
    "media_content_type": "music",
}


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with a music chip and a control chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        version=2,
        minor_version=2,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={CONF_MAX_VOLUME: 60},
        subentries_data=[
            ConfigSubentryData(
                data={
                    "uid": LULLABY,
                    "media": {**MEDIA, "media_content_id": "media-source://lullabies"},
                    "playback": {"shuffle": True},
                },
                subentry_type="tag",
                title="Lullabies",
                unique_id=LULLABY,
            ),
            ConfigSubentryData(
                data={"uid": LOUDER, "action": "volume_up"},
                subentry_type="control",
                title="Louder",
                unique_id=LOUDER,
            ),
            ConfigSubentryData(
                data={"uid": BEDTIME, "action": "sleep_timer", "minutes": 20},
                subentry_type="control",
                title="Bedtime",
                unique_id=BEDTIME,
            ),
        ],
    )


@pytest.fixture
async def speaker(hass: HomeAssistant) -> Speaker:
    """Return the kids' speaker."""
    speaker = Speaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


@pytest.fixture
async def client(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    speaker: Speaker,
    init_integration: MockConfigEntry,
) -> Client:
    """Return a websocket client of an administrator, the reader loaded."""
    client = await hass_ws_client(hass)
    client.pushed = []
    return client


@pytest.fixture
async def child(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    speaker: Speaker,
    init_integration: MockConfigEntry,
) -> Client:
    """Return a websocket client of a user who is not an administrator."""
    client = await hass_ws_client(hass, hass_read_only_access_token)
    client.pushed = []
    return client


def emulator_of(entry: MockConfigEntry) -> Pn532Emulator:
    """Return the emulator behind the simulated reader."""
    emulator: Pn532Emulator | None = entry.runtime_data.reader.emulator
    assert emulator is not None
    return emulator


def subentry_id(entry: MockConfigEntry, uid: str) -> str:
    """Return the id of the chip ``uid``."""
    found: str = next(
        s.subentry_id for s in entry.subentries.values() if s.unique_id == uid
    )
    return found


async def subscribe(client: Client, **extra: Any) -> int:
    """Subscribe to the readers; return the subscription's id."""
    await client.send_json_auto_id({"type": "nfc_jukebox/subscribe", **extra})
    result = await client.receive_json()
    assert result["success"]
    return int(result["id"])


async def next_state(client: Client) -> dict[str, Any]:
    """Return the next pushed state (one that came before an answer, first)."""
    if client.pushed:
        pushed: dict[str, Any] = client.pushed.pop(0)
        return pushed
    message = await client.receive_json()
    assert message["type"] == "event"
    event: dict[str, Any] = message["event"]
    return event


async def state_where(
    client: Client, predicate: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    """Return the first pushed state of the reader for which ``predicate`` holds."""
    while True:
        reader: dict[str, Any] = (await next_state(client))["readers"][0]
        if predicate(reader):
            return reader


async def call(client: Client, command: str, **data: Any) -> dict[str, Any]:
    """Send a command; return the answer, keeping the states pushed meanwhile."""
    await client.send_json_auto_id({"type": f"nfc_jukebox/{command}", **data})
    while (answer := await client.receive_json())["type"] == "event":
        client.pushed.append(answer["event"])
    assert isinstance(answer, dict)
    return answer


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
        "action": "volume_up",
    }
    assert lullabies == {
        "subentry_id": subentry_id(init_integration, LULLABY),
        "kind": "music",
        "name": "Lullabies",
        "uid": LULLABY,
        "speaker": PLAYER,
        "play_on": None,
        "media": {**MEDIA, "media_content_id": "media-source://lullabies"},
        "playback": {"shuffle": True},
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


async def test_saving_a_new_chip_adds_it_like_the_settings_flow(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid="04:de:ad:be:ef:00:01",
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    subentry = init_integration.subentries[answer["result"]["subentry_id"]]
    assert subentry.subentry_type == "tag"
    assert subentry.title == "Rock"
    assert subentry.unique_id == NEW
    assert dict(subentry.data) == {
        "uid": NEW,
        "media": MEDIA,
        # the form's defaults, as the Settings flow stores them
        "playback": {
            "shuffle": False,
            "repeat": "off",
            "on_remove": "inherit",
            "mode": "music",
            "bedtime": False,
        },
    }
    reader = await state_where(client, lambda reader: len(reader["chips"]) == 4)
    assert "Rock" in [chip["name"] for chip in reader["chips"]]


async def test_saving_a_chip_changes_it(
    client: Client, init_integration: MockConfigEntry
) -> None:
    chip = subentry_id(init_integration, LULLABY)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        subentry_id=chip,
        uid=LULLABY,
        name="Sleepy songs",
        media=MEDIA,
        playback={"repeat": "all", "volume": 30},
    )

    assert answer["success"]
    assert answer["result"] == {"subentry_id": chip}
    subentry = init_integration.subentries[chip]
    assert subentry.title == "Sleepy songs"
    assert subentry.data["playback"]["repeat"] == "all"
    assert subentry.data["playback"]["volume"] == 30


@pytest.mark.parametrize(
    ("uid", "error", "named"),
    [
        ("04 A1 B2", "invalid_uid", {}),
        ("nonsense", "invalid_uid", {}),
        (LOUDER, "uid_taken_by_chip", {"placeholders": {"chip": "Louder"}}),
    ],
)
async def test_a_wrong_uid_is_refused_on_its_field(
    client: Client,
    init_integration: MockConfigEntry,
    uid: str,
    error: str,
    named: dict[str, Any],
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=uid,
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    assert answer["result"] == {"errors": {"uid": error}, **named}
    assert len(init_integration.subentries) == 3


async def test_music_without_a_speaker_is_refused(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media={"media_content_id": "x"},
    )

    assert answer["result"] == {"errors": {"base": "invalid_chip"}}
    assert len(init_integration.subentries) == 3


async def test_assigning_the_chip_on_the_reader_plays_it(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    await subscribe(client)
    await next_state(client)
    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(NEW)))
    await state_where(client, lambda reader: reader["chip"] is not None)
    issue = new_chip_issue_id(init_integration.entry_id, NEW)
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    state = hass.states.get(PLAYER)
    assert state
    assert state.state == MediaPlayerState.PLAYING
    assert state.attributes["media_content_id"] == "media-source://rock"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue) is None


async def test_play_now_plays_a_chips_music_for_anyone(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        child,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LULLABY),
    )

    assert answer["success"]
    state = hass.states.get(PLAYER)
    assert state
    assert state.state == MediaPlayerState.PLAYING
    assert state.attributes["media_content_id"] == "media-source://lullabies"
    assert state.attributes["volume_level"] <= 0.6


async def test_play_now_on_a_reader_that_is_not_running_says_so(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)

    answer = await call(
        client,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LULLABY),
    )

    assert answer["error"]["translation_key"] == "reader_not_loaded"
    assert answer["error"]["translation_placeholders"] == {"name": "Jukebox"}


async def test_a_control_chip_cannot_play_now(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LOUDER),
    )

    assert not answer["success"]
    assert answer["error"]["translation_key"] == "not_a_music_chip"


async def test_a_control_chip_is_not_changed_into_a_music_chip(
    client: Client, init_integration: MockConfigEntry
) -> None:
    chip = subentry_id(init_integration, LOUDER)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        subentry_id=chip,
        uid=LOUDER,
        name="Rock",
        media=MEDIA,
    )

    assert answer["error"]["translation_key"] == "not_a_music_chip"
    assert dict(init_integration.subentries[chip].data) == {
        "uid": LOUDER,
        "action": "volume_up",
    }


async def test_deleting_a_chip_removes_its_subentry(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/delete",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LOUDER),
    )

    assert answer["success"]
    assert [s.title for s in init_integration.subentries.values()] == [
        "Lullabies",
        "Bedtime",
    ]


@pytest.mark.parametrize(
    ("command", "data"),
    [
        ("chip/delete", {"subentry_id": "nope"}),
        ("chip/play", {"subentry_id": "nope"}),
        ("chip/save", {"subentry_id": "nope", "uid": NEW, "name": "R", "media": MEDIA}),
    ],
)
async def test_an_unknown_chip_is_not_found(
    client: Client,
    init_integration: MockConfigEntry,
    command: str,
    data: dict[str, Any],
) -> None:
    answer = await call(client, command, entry_id=init_integration.entry_id, **data)

    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "chip_not_found"


async def test_an_unknown_reader_is_not_found(client: Client) -> None:
    answer = await call(client, "chip/delete", entry_id="nope", subentry_id="nope")

    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "reader_not_found"


async def test_only_administrators_change_chips(
    child: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(child)
    assert (await next_state(child))["can_edit"] is False

    saved = await call(
        child,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media=MEDIA,
    )
    deleted = await call(
        child,
        "chip/delete",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LOUDER),
    )

    assert saved["error"]["code"] == "unauthorized"
    assert deleted["error"]["code"] == "unauthorized"
    assert len(init_integration.subentries) == 3


# House rules ---------------------------------------------------------------------


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
