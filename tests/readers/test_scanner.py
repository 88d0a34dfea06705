"""A reader Home Assistant already knows: tag_scanned events from a device play chips."""

from __future__ import annotations

import re
import subprocess
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.components.tag import async_scan_tag
from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    SOURCE_USER,
    ConfigEntryState,
    ConfigSubentryData,
    ConfigSubentryDataWithId,
)
from homeassistant.const import STATE_OFF, STATE_ON, STATE_UNAVAILABLE, Platform
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    snapshot_platform,
)
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.nfc_jukebox import PLATFORMS
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MEDIA_PLAYER,
    CONF_ON_REMOVE,
    CONF_RESUME_WINDOW,
    CONF_SCANNER_DEVICE,
    DOMAIN,
    EVENT_ESPHOME_TAG_REMOVED,
    EVENT_SCANNER_TAG_REMOVED,
    EVENT_TAGREADER_TAG_REMOVED,
    MODEL_SCANNER,
    Connection,
)
from custom_components.nfc_jukebox.playback.buttons import SENSOR_KNOB_RANGE
from custom_components.nfc_jukebox.readers.scanner import ATTR_TAG_ID, ScannerReader
from tests.conftest import KIDS_SPEAKER, WaitUntil, offer_of, only_platform
from tests.speaker import Speaker

LULLABY = "04A1B2C3D4E5F6"
ROCK = "04112233445566"
NEW_CHIP = "04DEADBEEF0001"
LOUDER = "04AAAAAAAAAAAA"
LULLABY_CONTENT = "media-source://media_source/local/lullaby.mp3"
ROCK_CONTENT = "media-source://media_source/local/rock.mp3"
ENTRY_ID = "01KBSCANNER0KITCHEN0000000"

EVENT = "event.kitchen_nfc_chip"
PRESENT = "binary_sensor.kitchen_nfc_chip_present"
CURRENT = "sensor.kitchen_nfc_current_chip"


def esphome_uid(uid: str) -> str:
    """Return a UID as ESPHome's NFC components report it: "04-A1-B2-…"."""
    return "-".join(uid[i : i + 2] for i in range(0, len(uid), 2))


def music(uid: str, name: str, content: str) -> ConfigSubentryDataWithId:
    """Return the subentry of a music chip on the kids' speaker."""
    return ConfigSubentryDataWithId(
        data={
            "uid": uid,
            "media": {
                "entity_id": KIDS_SPEAKER,
                "media_content_id": content,
                "media_content_type": "music",
            },
            "playback": {},
        },
        subentry_type="tag",
        # fixed, as the chip's device and button are named after it
        subentry_id=f"01KBCHIP{uid}",
        title=name,
        unique_id=uid,
    )


def add_device(
    hass: HomeAssistant, integration: str, name: str, mac: str
) -> dr.DeviceEntry:
    """Register a device of another integration, as its own setup would."""
    entry = MockConfigEntry(domain=integration, title=name, unique_id=mac)
    entry.add_to_hass(hass)
    return dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id,
        connections={(dr.CONNECTION_NETWORK_MAC, mac)},
        identifiers={(integration, mac)},
        name=name,
        manufacturer="Espressif" if integration == "esphome" else "Google",
        model="esp32dev" if integration == "esphome" else "Pixel 8",
    )


@pytest.fixture
def esphome_device(hass: HomeAssistant) -> dr.DeviceEntry:
    """Return an ESP32 with a PN532, as ESPHome registers it."""
    return add_device(hass, "esphome", "Kitchen NFC", "aa:bb:cc:dd:ee:01")


@pytest.fixture
def phone(hass: HomeAssistant) -> dr.DeviceEntry:
    """Return a phone with the Home Assistant app, as mobile_app registers it."""
    return add_device(hass, "mobile_app", "Pixel 8", "aa:bb:cc:dd:ee:02")


def scanner_entry(device: dr.DeviceEntry) -> MockConfigEntry:
    """Return the (not yet added) entry of a reader that follows ``device``."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=device.name or "",
        entry_id=ENTRY_ID,
        unique_id=device.id,
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SCANNER, CONF_SCANNER_DEVICE: device.id},
        options={CONF_MEDIA_PLAYER: KIDS_SPEAKER},
        subentries_data=[
            music(LULLABY, "Lullabies", LULLABY_CONTENT),
            music(ROCK, "Rock", ROCK_CONTENT),
            ConfigSubentryData(
                data={"uid": LOUDER, "action": "volume_up"},
                subentry_type="control",
                title="Louder",
                unique_id=LOUDER,
            ),
        ],
    )


@pytest.fixture
async def scanner(
    hass: HomeAssistant, kids_speaker: Speaker, esphome_device: dr.DeviceEntry
) -> AsyncIterator[MockConfigEntry]:
    """Set up the reader of the ESPHome device; unload it afterwards."""
    entry = scanner_entry(esphome_device)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    yield entry
    if entry.state is ConfigEntryState.LOADED:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()


async def scan(hass: HomeAssistant, device: dr.DeviceEntry, uid: str) -> None:
    """Scan ``uid`` on ``device``, as ESPHome's homeassistant.tag_scanned does."""
    await async_scan_tag(hass, esphome_uid(uid), device.id)
    await hass.async_block_till_done()


async def esphome_removed(
    hass: HomeAssistant, device: dr.DeviceEntry, uid: str
) -> None:
    """Fire the removal event of the README's ESPHome example, as ESPHome does."""
    hass.bus.async_fire(
        EVENT_ESPHOME_TAG_REMOVED, {"device_id": device.id, "tag_id": esphome_uid(uid)}
    )
    await hass.async_block_till_done()


def speaker_state(hass: HomeAssistant) -> tuple[str, Any]:
    """Return what the kids' speaker does, and what it plays."""
    state = hass.states.get(KIDS_SPEAKER)
    assert state is not None
    return state.state, state.attributes.get("media_content_id")


def state_of(hass: HomeAssistant, entity_id: str) -> str:
    """Return the state of ``entity_id``."""
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


# Placing, lifting, swapping --------------------------------------------------------


@pytest.mark.usefixtures("scanner")
async def test_a_scan_from_the_device_plays_the_chip(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)
    assert state_of(hass, PRESENT) == STATE_ON
    assert state_of(hass, CURRENT) == "Lullabies"


@pytest.mark.usefixtures("scanner")
async def test_scanning_the_playing_chip_again_pauses_it_and_once_more_resumes_it(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, kids_speaker: Speaker
) -> None:
    await scan(hass, esphome_device, LULLABY)
    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)
    assert state_of(hass, PRESENT) == STATE_OFF

    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)
    assert state_of(hass, PRESENT) == STATE_ON
    # Resumed, not started over.
    assert [
        name
        for name, _ in kids_speaker.calls
        if name in {"play_media", "media_pause", "media_play"}
    ] == [
        "play_media",
        "media_pause",
        "media_play",
    ]


@pytest.mark.usefixtures("scanner")
async def test_a_removal_event_from_esphome_pauses_the_chip(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    await scan(hass, esphome_device, LULLABY)
    await esphome_removed(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)
    assert state_of(hass, PRESENT) == STATE_OFF

    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)


async def test_a_device_that_reports_removal_is_not_toggled_by_a_repeated_scan(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, scanner: MockConfigEntry
) -> None:
    """Once a device said a chip left, a scan of the chip on it means it is there."""
    await scan(hass, esphome_device, LULLABY)
    await esphome_removed(hass, esphome_device, LULLABY)
    await scan(hass, esphome_device, LULLABY)

    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)
    reader = scanner.runtime_data.reader
    assert isinstance(reader, ScannerReader)
    assert reader.reports_removal


@pytest.mark.usefixtures("scanner")
async def test_the_plain_removal_event_with_a_device_id_pauses_the_chip(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    await scan(hass, esphome_device, LULLABY)

    hass.bus.async_fire(
        EVENT_SCANNER_TAG_REMOVED, {"device_id": esphome_device.id, "tag_id": LULLABY}
    )
    await hass.async_block_till_done()

    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)


@pytest.mark.usefixtures("scanner")
async def test_a_tagreaders_own_removal_event_pauses_the_chip(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    """A TagReader's firmware fires esphome.tag_removed, with no tag id."""
    await scan(hass, esphome_device, LULLABY)

    hass.bus.async_fire(EVENT_TAGREADER_TAG_REMOVED, {"device_id": esphome_device.id})
    await hass.async_block_till_done()

    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)
    assert state_of(hass, PRESENT) == STATE_OFF


@pytest.mark.usefixtures("scanner")
async def test_a_control_chip_acts_on_each_scan_and_the_music_plays_on(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, kids_speaker: Speaker
) -> None:
    """A phone cannot tell a chip was taken away: the music chip stays placed."""
    await scan(hass, esphome_device, LULLABY)
    volume = kids_speaker.volume_level
    assert volume is not None

    await scan(hass, esphome_device, LOUDER)
    await scan(hass, esphome_device, LOUDER)

    assert kids_speaker.volume_level == pytest.approx(volume + 0.2)
    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)
    assert state_of(hass, PRESENT) == STATE_ON
    assert state_of(hass, CURRENT) == "Lullabies"

    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)


async def test_on_a_device_that_reports_removal_a_control_chip_lifts_the_music_chip(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, scanner: MockConfigEntry
) -> None:
    """There one chip lies on the reader at a time, as on a PN532: it is the control chip."""
    await scan(hass, esphome_device, ROCK)
    await esphome_removed(hass, esphome_device, ROCK)
    await scan(hass, esphome_device, LULLABY)

    await scan(hass, esphome_device, LOUDER)

    assert state_of(hass, CURRENT) == "Louder"


@pytest.mark.usefixtures("scanner")
async def test_a_late_removal_of_a_chip_that_was_swapped_away_lifts_nothing(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    await scan(hass, esphome_device, LULLABY)
    await scan(hass, esphome_device, ROCK)

    await esphome_removed(hass, esphome_device, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, ROCK_CONTENT)
    assert state_of(hass, CURRENT) == "Rock"


@pytest.mark.usefixtures("scanner")
async def test_scanning_another_chip_plays_that_one(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    events = async_capture_events(hass, "state_changed")
    await scan(hass, esphome_device, LULLABY)
    await scan(hass, esphome_device, ROCK)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, ROCK_CONTENT)
    assert state_of(hass, CURRENT) == "Rock"
    chip_events = [
        (
            event.data["new_state"].attributes["event_type"],
            event.data["new_state"].attributes["uid"],
        )
        for event in events
        if event.data["entity_id"] == EVENT
    ]
    assert chip_events == [
        ("tag_placed", LULLABY),
        ("tag_removed", LULLABY),
        ("tag_placed", ROCK),
    ]


@pytest.mark.usefixtures("scanner")
async def test_scans_and_removals_from_other_devices_are_ignored(
    hass: HomeAssistant,
    esphome_device: dr.DeviceEntry,
    phone: dr.DeviceEntry,
    kids_speaker: Speaker,
) -> None:
    await scan(hass, phone, LULLABY)
    await async_scan_tag(hass, LULLABY, None)  # a tag scanned in the frontend
    await hass.async_block_till_done()

    assert kids_speaker.calls == []
    assert state_of(hass, PRESENT) == STATE_OFF

    await scan(hass, esphome_device, LULLABY)
    await esphome_removed(hass, phone, LULLABY)

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)


@pytest.mark.usefixtures("scanner")
async def test_the_chip_event_says_the_tag_type_is_unknown(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    await scan(hass, esphome_device, LULLABY)

    state = hass.states.get(EVENT)
    assert state is not None
    assert state.attributes["event_type"] == "tag_placed"
    assert state.attributes["uid"] == LULLABY
    assert state.attributes["tag_type"] == "unknown"
    assert state.attributes["ndef"] == []
    assert state.attributes["mapping"] == "Lullabies"


@pytest.mark.usefixtures("scanner")
async def test_a_tag_id_that_is_no_chip_uid_plays_nothing_and_logs_no_error(
    hass: HomeAssistant,
    esphome_device: dr.DeviceEntry,
    kids_speaker: Speaker,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The app writes random ids on tags it writes for itself: those are no chips."""
    for tag_id in ("3b5b1d7e-5f2c-4f8e-9c1a-2d3e4f5a6b7c", "kitchen", ""):
        await async_scan_tag(hass, tag_id, esphome_device.id)
    hass.bus.async_fire(
        EVENT_ESPHOME_TAG_REMOVED, {"device_id": esphome_device.id, "tag_id": 42}
    )
    await hass.async_block_till_done()

    assert kids_speaker.calls == []
    assert state_of(hass, PRESENT) == STATE_OFF
    assert "Traceback" not in caplog.text
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


@pytest.mark.usefixtures("scanner")
async def test_a_new_chip_scanned_on_the_device_offers_to_assign_it(
    hass: HomeAssistant,
    esphome_device: dr.DeviceEntry,
    wait_until: WaitUntil,
) -> None:
    await scan(hass, esphome_device, NEW_CHIP)

    await wait_until(lambda: offer_of(hass, NEW_CHIP) is not None)
    offer = offer_of(hass, NEW_CHIP)
    assert offer is not None
    assert offer["context"]["entry_id"] == ENTRY_ID


# The device ------------------------------------------------------------------------


@pytest.mark.usefixtures("entity_registry_enabled_by_default", "kids_speaker")
@pytest.mark.parametrize("platform", PLATFORMS)
async def test_the_entities_of_a_scanner_reader_are_those_of_a_reader(
    hass: HomeAssistant,
    esphome_device: dr.DeviceEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    platform: Platform,
) -> None:
    entry = scanner_entry(esphome_device)
    entry.add_to_hass(hass)
    with only_platform(platform):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()

    await snapshot_platform(hass, entity_registry, snapshot, ENTRY_ID)


@pytest.mark.usefixtures("scanner")
async def test_the_reader_is_a_tag_scanner_device_under_the_scanned_device(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, ENTRY_ID), ENTRY_ID
    )

    assert device is not None
    assert device.model == MODEL_SCANNER
    assert device.via_device_id == esphome_device.id
    assert device.sw_version is None


async def test_a_reader_whose_device_is_gone_is_not_ready(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    entry = scanner_entry(esphome_device)
    entry.add_to_hass(hass)
    dr.async_get(hass).async_remove_device(esphome_device.id)

    await hass.config_entries.async_setup(entry.entry_id)

    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    assert "no longer in Home Assistant" in entry.reason


async def test_removing_the_device_makes_the_reader_unavailable(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, scanner: MockConfigEntry
) -> None:
    await scan(hass, esphome_device, LULLABY)

    dr.async_get(hass).async_remove_device(esphome_device.id)
    await hass.async_block_till_done()

    assert state_of(hass, PRESENT) == STATE_UNAVAILABLE
    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)


async def test_the_reader_options_apply_to_a_scanner_reader(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, scanner: MockConfigEntry
) -> None:
    result = await hass.config_entries.options.async_init(scanner.entry_id)
    assert result["type"] is FlowResultType.FORM
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_ON_REMOVE: "stop",
            CONF_RESUME_WINDOW: 30,
            CONF_MEDIA_PLAYER: KIDS_SPEAKER,
            "house_rules": {},
            "volume_range": {},
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()

    await scan(hass, esphome_device, LULLABY)
    await scan(hass, esphome_device, LULLABY)

    assert speaker_state(hass)[0] == MediaPlayerState.IDLE


@pytest.mark.usefixtures("scanner")
async def test_writing_a_chip_on_a_scanner_says_it_cannot(hass: HomeAssistant) -> None:
    await hass.async_block_till_done()

    with pytest.raises(HomeAssistantError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "write_tag",
            {"config_entry_id": ENTRY_ID, "uri": "https://example.com"},
            blocking=True,
        )

    assert raised.value.translation_key == "scanner_cannot_write"


async def test_diagnostics_of_a_scanner_reader(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    esphome_device: dr.DeviceEntry,
    scanner: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    await scan(hass, esphome_device, LULLABY)
    await esphome_removed(hass, esphome_device, LULLABY)
    await scan(hass, esphome_device, ROCK)

    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, scanner)

    # The device's id is new in every run.
    assert diagnostics["entry"]["data"].pop(CONF_SCANNER_DEVICE) == esphome_device.id
    # Where the lifted chip stopped; when and how far differ in every run.
    bookmarks = diagnostics["progress"].pop("bookmarks")
    assert list(bookmarks) == [LULLABY]
    assert bookmarks[LULLABY]["media_content_id"] == LULLABY_CONTENT
    assert diagnostics == snapshot


# Adding one ------------------------------------------------------------------------


async def _scanner_form(hass: HomeAssistant) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.MENU
    assert "scanner" in result["menu_options"]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "scanner"}
    )
    return dict(result)


def _offered_integrations(form: dict[str, Any]) -> list[str]:
    selector = form["data_schema"].schema[CONF_SCANNER_DEVICE]
    return [item["integration"] for item in selector.config["filter"]]


@pytest.mark.usefixtures("kids_speaker")
async def test_adding_a_device_home_assistant_knows_as_a_reader(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    form = await _scanner_form(hass)
    assert form["type"] is FlowResultType.FORM
    assert form["step_id"] == "scanner"
    assert _offered_integrations(form) == ["esphome", "mobile_app"]

    result = await hass.config_entries.flow.async_configure(
        form["flow_id"],
        {CONF_SCANNER_DEVICE: esphome_device.id, CONF_MEDIA_PLAYER: KIDS_SPEAKER},
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry = result["result"]
    assert entry.title == "Kitchen NFC"
    assert entry.unique_id == esphome_device.id
    assert entry.data == {
        CONF_CONNECTION: Connection.SCANNER,
        CONF_SCANNER_DEVICE: esphome_device.id,
    }
    assert entry.options == {CONF_MEDIA_PLAYER: KIDS_SPEAKER}
    assert entry.state is ConfigEntryState.LOADED


@pytest.mark.usefixtures("scanner")
async def test_a_device_that_is_a_reader_already_is_refused(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry
) -> None:
    form = await _scanner_form(hass)

    result = await hass.config_entries.flow.async_configure(
        form["flow_id"],
        {CONF_SCANNER_DEVICE: esphome_device.id, CONF_MEDIA_PLAYER: KIDS_SPEAKER},
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


@pytest.mark.usefixtures("scanner")
async def test_our_own_readers_cannot_be_picked(hass: HomeAssistant) -> None:
    """Our readers report their chips as tag_scanned too: they are no scanners."""
    ours = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, ENTRY_ID), ENTRY_ID
    )
    assert ours is not None
    form = await _scanner_form(hass)

    result = await hass.config_entries.flow.async_configure(
        form["flow_id"],
        {CONF_SCANNER_DEVICE: ours.id, CONF_MEDIA_PLAYER: KIDS_SPEAKER},
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_SCANNER_DEVICE: "not_a_scanner"}
    assert DOMAIN not in _offered_integrations(form)


@pytest.mark.usefixtures("esphome_device")
async def test_a_device_deleted_while_the_form_was_open_is_refused(
    hass: HomeAssistant,
) -> None:
    form = await _scanner_form(hass)

    result = await hass.config_entries.flow.async_configure(
        form["flow_id"],
        {CONF_SCANNER_DEVICE: "deleted-device", CONF_MEDIA_PLAYER: KIDS_SPEAKER},
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_SCANNER_DEVICE: "not_a_scanner"}


async def test_a_device_of_another_integration_that_scanned_a_tag_is_offered(
    hass: HomeAssistant,
) -> None:
    assert await async_setup_component(hass, "tag", {})
    zigbee_reader = add_device(hass, "zha", "Hall reader", "aa:bb:cc:dd:ee:03")
    await async_scan_tag(hass, LULLABY, zigbee_reader.id)

    form = await _scanner_form(hass)

    assert _offered_integrations(form) == ["esphome", "mobile_app", "zha"]


async def test_with_no_device_that_scans_chips_the_flow_says_what_to_add(
    hass: HomeAssistant,
) -> None:
    result = await _scanner_form(hass)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_scanners"


async def test_reconfiguring_moves_the_reader_to_another_device(
    hass: HomeAssistant,
    esphome_device: dr.DeviceEntry,
    phone: dr.DeviceEntry,
    scanner: MockConfigEntry,
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": ENTRY_ID}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "scanner"
    schema = result["data_schema"]
    assert schema is not None
    assert CONF_MEDIA_PLAYER not in schema.schema

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_SCANNER_DEVICE: phone.id}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert scanner.unique_id == phone.id
    assert scanner.data[CONF_SCANNER_DEVICE] == phone.id
    assert scanner.title == "Kitchen NFC"  # the name the parent gave it stays
    await scan(hass, phone, LULLABY)
    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)
    await scan(hass, esphome_device, ROCK)
    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)


# The README's ESPHome example ------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
#: made by scripts/setup-esphome (scripts/test runs it)
ESPHOME = REPO / ".venv-esphome" / "bin" / "esphome"


@dataclass(frozen=True)
class Lambda:
    """An ESPHome ``!lambda``: C++ that ESPHome compiles into the board."""

    code: str


@dataclass(frozen=True)
class Secret:
    """An ESPHome ``!secret``: a value from its secrets.yaml."""

    name: str


class EsphomeLoader(yaml.SafeLoader):  # type: ignore[misc]
    """Read ESPHome YAML: its tags become Lambda and Secret."""


EsphomeLoader.add_constructor(
    "!lambda", lambda loader, node: Lambda(loader.construct_scalar(node))
)
EsphomeLoader.add_constructor(
    "!secret", lambda loader, node: Secret(loader.construct_scalar(node))
)


def esphome_example_text() -> str:
    """Return the ESPHome configuration of the README, as written there."""
    section = README.read_text(encoding="utf-8").split(
        "### ESPHome: an ESP32 with a PN532 over I2C"
    )[1]
    match = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert match is not None
    return match.group(1)


def esphome_example() -> dict[str, Any]:
    """Return the ESPHome configuration of the README."""
    config: dict[str, Any] = yaml.load(esphome_example_text(), Loader=EsphomeLoader)  # noqa: S506 - a SafeLoader
    return config


def test_esphome_finds_the_readme_example_valid(tmp_path: Path) -> None:
    """ESPHome itself checks it (offline): keys, pins, triggers and actions."""
    if not ESPHOME.exists():
        pytest.fail(f"{ESPHOME} is missing: run scripts/setup-esphome")
    config = esphome_example()
    secrets = {
        value.name: "nfc-jukebox-secret"
        for value in _walk(config)
        if isinstance(value, Secret)
    }
    secrets["api_encryption_key"] = "bOFFzzvfpg5DB94DuBGLXD/hjnhu7pgeoWjxhNpQIas="
    (tmp_path / "secrets.yaml").write_text(yaml.safe_dump(secrets), encoding="utf-8")
    (tmp_path / "kitchen-nfc.yaml").write_text(esphome_example_text(), encoding="utf-8")

    result = subprocess.run(  # noqa: S603 - our ESPHome, our file
        [ESPHOME, "config", "kitchen-nfc.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Configuration is valid!" in output


def _walk(value: object) -> list[object]:
    """Return ``value`` and everything nested in it."""
    if isinstance(value, dict):
        return [value, *(item for child in value.values() for item in _walk(child))]
    if isinstance(value, list):
        return [value, *(item for child in value for item in _walk(child))]
    return [value]


def run_on_board(code: Lambda, x: str) -> str:
    """Return what the example's lambda returns for the UID ``x``."""
    assert code == Lambda("return x;"), "teach this test the example's new lambda"
    return x


def test_the_readme_esphome_example_scans_on_a_pn532_and_reports_removal() -> None:
    config = esphome_example()

    assert "esp32" in config
    assert config["api"]["encryption"]["key"] == Secret("api_encryption_key")
    assert set(config["i2c"]) == {"sda", "scl"}
    reader = config["pn532_i2c"]
    [scanned] = reader["on_tag"]["then"]
    assert set(scanned) == {"homeassistant.tag_scanned"}
    [removed] = reader["on_tag_removed"]["then"]
    event = removed["homeassistant.event"]
    # ESPHome refuses other events; Home Assistant adds the device id to them.
    assert event["event"].startswith("esphome.")
    assert event["event"] == EVENT_ESPHOME_TAG_REMOVED
    assert set(event["data"]) == {ATTR_TAG_ID}


async def test_the_readme_esphome_example_plays_and_pauses_a_chip(
    hass: HomeAssistant, esphome_device: dr.DeviceEntry, scanner: MockConfigEntry
) -> None:
    """What the board sends for a chip, as Home Assistant's ESPHome manager passes it."""
    reader = esphome_example()["pn532_i2c"]
    x = esphome_uid(LULLABY)  # what ESPHome's PN532 component gives its triggers

    [scanned] = reader["on_tag"]["then"]
    tag_id = run_on_board(scanned["homeassistant.tag_scanned"], x)
    await async_scan_tag(hass, tag_id, esphome_device.id)
    await hass.async_block_till_done()

    assert speaker_state(hass) == (MediaPlayerState.PLAYING, LULLABY_CONTENT)

    [removed] = reader["on_tag_removed"]["then"]
    event = removed["homeassistant.event"]
    data = {key: run_on_board(code, x) for key, code in event["data"].items()}
    hass.bus.async_fire(event["event"], {"device_id": esphome_device.id, **data})
    await hass.async_block_till_done()

    assert speaker_state(hass) == (MediaPlayerState.PAUSED, LULLABY_CONTENT)


def test_the_readme_esphome_example_has_three_buttons_and_a_knob_from_0_to_100() -> (
    None
):
    """The box's buttons and knob of the README: gpio buttons, a rotary encoder."""
    config = esphome_example()

    buttons = config["binary_sensor"]
    assert [button["name"] for button in buttons] == ["Play/pause", "Previous", "Next"]
    assert {button["platform"] for button in buttons} == {"gpio"}
    [knob] = config["sensor"]
    assert knob["platform"] == "rotary_encoder"
    [scale] = knob["filters"]
    # A sensor knob turns from 0 to 100 (playback/buttons.py): the encoder's range.
    turned = (
        knob["min_value"] * scale["multiply"],
        knob["max_value"] * scale["multiply"],
    )
    assert turned == SENSOR_KNOB_RANGE
    pins = [
        config["i2c"]["sda"],
        config["i2c"]["scl"],
        *(button["pin"]["number"] for button in buttons),
        knob["pin_a"]["number"],
        knob["pin_b"]["number"],
    ]
    assert len(set(pins)) == len(pins)  # no pin wired twice
