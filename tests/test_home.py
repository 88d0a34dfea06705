"""Chips for the whole home: a chip set up on one reader plays on every reader."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.config_entries import SOURCE_USER, ConfigSubentryData
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.chips.registry import find_chip_subentry
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MEDIA_PLAYER,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .conftest import MEDIA, WaitUntil, offer_of, offers, start_chip_flow
from .speaker import Speaker

KIDS = "media_player.kids"
LIVING_ROOM = "media_player.living_room"
GARDEN = "media_player.garden"
LULLABY = "04A1B2C3D4E5F6"
SKIP = "04CCCCCCCCCCCC"
NEW = "04DEADBEEF0001"
#: a new chip placed after another: once it is offered, the one before would be too
WITNESS = "04BBBBBBBBBB01"


def music(uid: str, name: str, **data: Any) -> ConfigSubentryData:
    """Return a music chip whose music was picked with the kids' speaker."""
    return ConfigSubentryData(
        data={"uid": uid, "media": MEDIA, "playback": {}, **data},
        subentry_type="tag",
        title=name,
        unique_id=uid,
    )


def reader(
    title: str, speaker: str, chips: list[ConfigSubentryData] | None = None
) -> MockConfigEntry:
    """Return a simulated reader of today's release, with its speaker."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=title,
        unique_id=f"simulated:{title}",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={CONF_MEDIA_PLAYER: speaker},
        subentries_data=chips or [],
    )


@pytest.fixture
async def speakers(hass: HomeAssistant) -> dict[str, Speaker]:
    """Return three speakers: the kids' room, the living room and the garden."""
    speakers = {
        KIDS: Speaker("Kids"),
        LIVING_ROOM: Speaker("Living room"),
        GARDEN: Speaker("Garden"),
    }
    setup_test_component_platform(hass, "media_player", list(speakers.values()))
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    assert {speaker.entity_id for speaker in speakers.values()} == set(speakers)
    return speakers


@pytest.fixture
def kids_room() -> MockConfigEntry:
    """Return the kids' room reader: the lullaby chip was set up on it."""
    return reader("Kids room", KIDS, [music(LULLABY, "Lullabies")])


@pytest.fixture
def living_room() -> MockConfigEntry:
    """Return the living room reader, with no chips of its own."""
    return reader("Living room", LIVING_ROOM)


@pytest.fixture
async def home(
    hass: HomeAssistant,
    speakers: dict[str, Speaker],
    kids_room: MockConfigEntry,
    living_room: MockConfigEntry,
) -> AsyncIterator[tuple[MockConfigEntry, MockConfigEntry]]:
    """Set up both readers; unload them afterwards."""
    for entry in (kids_room, living_room):
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    yield kids_room, living_room
    for entry in (kids_room, living_room):
        if hass.config_entries.async_get_entry(entry.entry_id):
            await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


def emulator_of(entry: MockConfigEntry) -> Pn532Emulator:
    """Return the emulator behind a simulated reader."""
    emulator: Pn532Emulator | None = entry.runtime_data.reader.emulator
    assert emulator is not None
    return emulator


def played(speaker: Speaker) -> list[object]:
    """Return what a speaker was told to play."""
    return [value for name, value in speaker.calls if name == "play_media"]


async def test_one_chip_plays_on_the_speaker_of_each_reader_it_lies_on(
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    kids_room, living_room = home

    emulator_of(living_room).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: played(speakers[LIVING_ROOM]))
    emulator_of(living_room).remove()
    emulator_of(kids_room).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: played(speakers[KIDS]))

    assert played(speakers[LIVING_ROOM]) == [MEDIA["media_content_id"]]
    assert played(speakers[KIDS]) == [MEDIA["media_content_id"]]
    assert played(speakers[GARDEN]) == []


@pytest.mark.parametrize(
    "kids_room",
    [reader("Kids room", KIDS, [music(LULLABY, "Lullabies", play_on=GARDEN)])],
)
async def test_a_chip_that_names_a_speaker_plays_there_from_every_reader(
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    for entry in home:
        emulator_of(entry).place(ntag("ntag215", bytes.fromhex(LULLABY)))
        # the second reader resumes what the first one paused: the place is the home's
        await wait_until(lambda: speakers[GARDEN].state == MediaPlayerState.PLAYING)
        emulator_of(entry).remove()
        await wait_until(lambda: speakers[GARDEN].state == MediaPlayerState.PAUSED)

    assert [
        name
        for name, _ in speakers[GARDEN].calls
        if name in ("play_media", "media_play", "media_pause")
    ] == [
        "play_media",
        "media_pause",
        "media_play",
        "media_pause",
    ]

    assert played(speakers[KIDS]) == []
    assert played(speakers[LIVING_ROOM]) == []


@pytest.mark.parametrize(
    "kids_room",
    [
        reader(
            "Kids room",
            KIDS,
            [
                ConfigSubentryData(
                    data={"uid": SKIP, "action": "next"},
                    subentry_type="control",
                    title="Skip",
                    unique_id=SKIP,
                )
            ],
        )
    ],
)
async def test_a_control_chip_works_on_every_reader(
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    _, living_room = home

    emulator_of(living_room).place(ntag("ntag215", bytes.fromhex(SKIP)))

    await wait_until(lambda: ("next", None) in speakers[LIVING_ROOM].calls)
    assert speakers[KIDS].calls == []


async def test_a_chip_of_one_reader_raises_no_new_chip_offer_on_another(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    _, living_room = home

    emulator_of(living_room).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: living_room.runtime_data.reader.present is not None)
    await hass.async_block_till_done()

    assert not [i for i in issue_registry.issues.values() if i.domain == DOMAIN]
    assert living_room.runtime_data.jukebox.last_unknown_uid is None
    assert offers(hass) == []


async def test_a_uid_taken_on_one_reader_is_taken_on_every_reader(
    hass: HomeAssistant, home: tuple[MockConfigEntry, MockConfigEntry]
) -> None:
    _, living_room = home
    form = await start_chip_flow(hass, living_room, "tag")

    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": LULLABY, "name": "Again", "media": MEDIA}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"uid": "uid_taken_by_chip"}
    assert result["description_placeholders"] == {"chip": "Lullabies"}
    assert not living_room.subentries


async def test_the_card_refuses_a_uid_another_reader_has(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    hass_ws_client: WebSocketGenerator,
) -> None:
    _, living_room = home
    client = await hass_ws_client(hass)

    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/save",
            "entry_id": living_room.entry_id,
            "uid": LULLABY,
            "name": "Again",
            "media": MEDIA,
        }
    )
    response = await client.receive_json()

    assert response["result"] == {
        "errors": {"uid": "uid_taken_by_chip"},
        "placeholders": {"chip": "Lullabies"},
    }
    assert not living_room.subentries


async def test_a_new_chip_learned_on_one_reader_is_offered_on_another(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    kids_room, living_room = home
    emulator_of(living_room).place(ntag("ntag215", bytes.fromhex(NEW)))
    await wait_until(lambda: living_room.runtime_data.jukebox.last_unknown_uid == NEW)

    form = await start_chip_flow(hass, kids_room, "tag")

    uid = next(key for key in form["data_schema"].schema if str(key) == "uid")
    assert (uid.description or {}).get("suggested_value") == NEW


async def test_a_new_chip_placed_on_two_readers_is_offered_once(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    kids_room, living_room = home
    emulator_of(kids_room).place(ntag("ntag215", bytes.fromhex(NEW)))
    await wait_until(lambda: offer_of(hass, NEW) is not None)
    emulator = emulator_of(living_room)
    emulator.place(ntag("ntag215", bytes.fromhex(NEW)))
    await wait_until(lambda: living_room.runtime_data.jukebox.last_unknown_uid == NEW)
    emulator.remove()
    await wait_until(lambda: living_room.runtime_data.reader.present is None)
    # Once a chip placed after it is offered, a second offer would be there too.
    emulator.place(ntag("ntag215", bytes.fromhex(WITNESS)))
    await wait_until(lambda: offer_of(hass, WITNESS) is not None)

    readers = {
        offer["context"]["title_placeholders"]["uid"]: offer["context"]["entry_id"]
        for offer in offers(hass)
    }
    assert readers == {NEW: kids_room.entry_id, WITNESS: living_room.entry_id}
    assert len(offers(hass)) == 2


async def test_assigning_a_new_chip_withdraws_its_offer_on_every_reader(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    kids_room, living_room = home
    emulator_of(kids_room).place(ntag("ntag215", bytes.fromhex(NEW)))
    await wait_until(lambda: offer_of(hass, NEW) is not None)
    form = await start_chip_flow(hass, living_room, "tag")

    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": NEW, "name": "Rain", "media": MEDIA}
    )

    assert offers(hass) == []
    assert not [i for i in issue_registry.issues.values() if i.domain == DOMAIN]
    assert find_chip_subentry(hass, NEW, prefer=kids_room) is not None


async def test_the_card_lists_every_chip_of_the_home_with_where_it_plays(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    hass_ws_client: WebSocketGenerator,
) -> None:
    _, living_room = home
    client = await hass_ws_client(hass)

    await client.send_json_auto_id(
        {"type": f"{DOMAIN}/subscribe", "entry_id": living_room.entry_id}
    )
    assert (await client.receive_json())["success"]
    state = (await client.receive_json())["event"]

    [shown] = state["readers"]
    [chip] = state["chips"][shown["entry_id"]]["changed"]  # the first push: every chip
    assert state["chips"][shown["entry_id"]]["removed"] == []
    assert state["chips"][shown["entry_id"]]["all"]
    assert (chip["name"], chip["speaker"], chip["play_on"]) == (
        "Lullabies",
        LIVING_ROOM,
        None,
    )

    # Edited from the living room, it stays a chip of the kids' room.
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/save",
            "entry_id": living_room.entry_id,
            "subentry_id": chip["subentry_id"],
            "uid": LULLABY,
            "name": "Lullabies",
            "media": MEDIA,
            "play_on": GARDEN,
        }
    )
    response = await client.receive_json()
    while "result" not in response:
        response = await client.receive_json()
    assert response["result"] == {"subentry_id": chip["subentry_id"]}
    assert not living_room.subentries
    saved = find_chip_subentry(hass, LULLABY)
    assert saved is not None
    assert saved.data["play_on"] == GARDEN

    # Back to "this reader's speaker": the card sends no play_on.
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/save",
            "entry_id": living_room.entry_id,
            "subentry_id": chip["subentry_id"],
            "uid": LULLABY,
            "name": "Lullabies",
            "media": MEDIA,
        }
    )
    response = await client.receive_json()
    while "result" not in response:
        response = await client.receive_json()
    saved = find_chip_subentry(hass, LULLABY)
    assert saved is not None
    assert "play_on" not in saved.data


async def test_removing_a_reader_hands_its_chips_to_another(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    kids_room, living_room = home
    [chip] = kids_room.subentries.values()

    await hass.config_entries.async_remove(kids_room.entry_id)
    await hass.async_block_till_done()

    [moved] = living_room.subentries.values()
    assert (moved.subentry_id, moved.title, dict(moved.data)) == (
        chip.subentry_id,
        chip.title,
        dict(chip.data),
    )
    emulator_of(living_room).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: played(speakers[LIVING_ROOM]))


async def test_removing_the_last_reader_removes_its_chips(
    hass: HomeAssistant, speakers: dict[str, Speaker], kids_room: MockConfigEntry
) -> None:
    kids_room.add_to_hass(hass)
    assert await hass.config_entries.async_setup(kids_room.entry_id)
    await hass.async_block_till_done()

    await hass.config_entries.async_remove(kids_room.entry_id)
    await hass.async_block_till_done()

    assert not hass.config_entries.async_entries(DOMAIN)
    assert find_chip_subentry(hass, LULLABY) is None


async def test_a_new_reader_asks_for_its_speaker_and_suggests_the_homes(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "network"}
    )

    schema = result["data_schema"]
    assert schema is not None
    [speaker] = [key for key in schema.schema if str(key) == CONF_MEDIA_PLAYER]
    assert type(speaker).__name__ == "Required"
    assert (speaker.description or {}).get("suggested_value") == KIDS


async def test_a_simulated_reader_keeps_the_speaker_it_was_given(
    hass: HomeAssistant, speakers: dict[str, Speaker]
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "simulated"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_MEDIA_PLAYER: GARDEN}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].options == {CONF_MEDIA_PLAYER: GARDEN}
    await hass.config_entries.async_unload(result["result"].entry_id)


@pytest.mark.parametrize(
    "living_room",
    [
        reader(
            "Living room",
            LIVING_ROOM,
            [
                ConfigSubentryData(
                    data={
                        "uid": LULLABY,
                        "media": {**MEDIA, "media_content_id": "media-source://party"},
                        "playback": {},
                    },
                    subentry_type="tag",
                    title="Party",
                    unique_id=LULLABY,
                )
            ],
        )
    ],
)
async def test_a_uid_two_readers_gave_two_meanings_keeps_each_readers_own(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    wait_until: WaitUntil,
) -> None:
    kids_room, living_room = home

    for entry in home:
        emulator_of(entry).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: played(speakers[KIDS]) and played(speakers[LIVING_ROOM]))

    assert played(speakers[KIDS]) == [MEDIA["media_content_id"]]
    assert played(speakers[LIVING_ROOM]) == ["media-source://party"]
    # and each can still be edited without its UID counting as taken
    [party] = living_room.subentries.values()
    result = await living_room.start_subentry_reconfigure_flow(hass, party.subentry_id)
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"],
        {"uid": LULLABY, "name": "Dance", "media": dict(party.data["media"])},
    )
    assert result["type"] is FlowResultType.ABORT
    assert living_room.subentries[party.subentry_id].title == "Dance"
    assert [s.title for s in kids_room.subentries.values()] == ["Lullabies"]


async def test_a_chip_may_name_only_a_speaker_that_exists(
    hass: HomeAssistant, home: tuple[MockConfigEntry, MockConfigEntry]
) -> None:
    _, living_room = home
    form = await start_chip_flow(hass, living_room, "tag")
    typed = {"uid": NEW, "name": "Rain", "media": MEDIA}

    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {**typed, "play_on": "media_player.attic"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"play_on": "not_a_speaker"}

    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {**typed, "play_on": GARDEN}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    [chip] = living_room.subentries.values()
    assert chip.data["play_on"] == GARDEN
    assert chip.data["media"] == MEDIA


async def test_the_card_of_any_reader_deletes_and_plays_a_chip_of_another(
    hass: HomeAssistant,
    home: tuple[MockConfigEntry, MockConfigEntry],
    speakers: dict[str, Speaker],
    hass_ws_client: WebSocketGenerator,
) -> None:
    kids_room, living_room = home
    [chip] = kids_room.subentries.values()
    client = await hass_ws_client(hass)

    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/play",
            "entry_id": living_room.entry_id,
            "subentry_id": chip.subentry_id,
        }
    )
    assert (await client.receive_json())["success"]
    assert played(speakers[LIVING_ROOM]) == [MEDIA["media_content_id"]]

    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/delete",
            "entry_id": living_room.entry_id,
            "subentry_id": chip.subentry_id,
        }
    )
    assert (await client.receive_json())["success"]
    assert not kids_room.subentries
    assert find_chip_subentry(hass, LULLABY) is None
