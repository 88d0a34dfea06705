"""Setting up, retrying and unloading a reader's config entry."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator

from .conftest import serial_entry


async def test_a_serial_reader_is_set_up_and_unloaded(
    hass: HomeAssistant, pty_reader: tuple[Pn532Emulator, str]
) -> None:
    _, port = pty_reader
    entry = serial_entry(port, title="Box")
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.reader.available
    assert entry.runtime_data.reader.firmware is not None
    assert entry.runtime_data.reader.firmware.firmware == "1.6"
    assert hass.states.get("event.box_chip") is not None
    reader = entry.runtime_data.reader

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    unloaded = hass.config_entries.async_get_entry(entry.entry_id)
    assert unloaded is not None
    assert unloaded.state is ConfigEntryState.NOT_LOADED
    assert reader.device is None  # the port is closed
    state = hass.states.get("event.box_chip")
    assert state is not None
    assert state.state == "unavailable"


async def test_a_reader_that_does_not_answer_is_retried_later(
    hass: HomeAssistant,
) -> None:
    entry = serial_entry("/dev/ttyGONE")
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    assert "/dev/ttyGONE" in entry.reason


async def test_a_simulated_reader_unloads_cleanly(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    emulator = init_integration.runtime_data.reader.emulator
    assert emulator is not None

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert not emulator.busy


async def test_a_reader_is_one_device_that_owns_all_its_entities(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    entry_id = init_integration.entry_id
    [device] = dr.async_entries_for_config_entry(device_registry, entry_id)
    entities = er.async_entries_for_config_entry(entity_registry, entry_id)

    assert device.identifiers == {(DOMAIN, entry_id)}
    assert device == snapshot
    assert sorted(entity.unique_id for entity in entities) == [
        f"{entry_id}_{key}"
        for key in (
            "connection",
            "current_tag",
            "daily_limit",
            "grant_time",
            "jukebox_on",
            "max_volume",
            "min_volume",
            "minutes_left",
            "night_max_volume",
            "progress",
            "quiet_hours",
            "sleep_timer",
            "tag",
            "tag_present",
        )
    ]
    assert {entity.device_id for entity in entities} == {device.id}
