"""The reader's sensors: the current chip, the sleep timer and the connection."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from types import MappingProxyType
from typing import Any

import pytest
from homeassistant.config_entries import ConfigSubentry
from homeassistant.const import STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.nfc_jukebox import logbook
from custom_components.nfc_jukebox.const import DOMAIN, EVENT_SLEEP_TIMER_ENDED
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .conftest import WaitUntil, only_platform

SLEEP = "04FFFFFFFFFFFF"


@pytest.fixture(autouse=True)
def platform() -> Iterator[None]:
    """Set up only the sensor platform."""
    with only_platform(Platform.SENSOR):
        yield


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_the_sensor_entities_of_a_reader(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, init_integration.entry_id)


async def test_no_chip_on_the_reader_reads_no_chip_not_unknown(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    state = hass.states.get("sensor.jukebox_current_chip")

    assert state is not None
    assert state.state == "none"
    strings = await async_get_translations(hass, "en", "entity", [DOMAIN])
    key = f"component.{DOMAIN}.entity.sensor.current_tag.state.none"
    assert strings[key] == "No chip"


async def test_a_sleep_timer_that_runs_out_says_so_in_an_event_and_the_logbook(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    hass.config_entries.async_add_subentry(
        init_integration,
        ConfigSubentry(
            data=MappingProxyType(
                {"uid": SLEEP, "action": "sleep_timer", "minutes": 1}
            ),
            subentry_type="control",
            title="Bedtime",
            unique_id=SLEEP,
        ),
    )
    await hass.async_block_till_done()
    ended = async_capture_events(hass, EVENT_SLEEP_TIMER_ENDED)
    timer = "sensor.jukebox_sleep_timer"
    emulator.place(ntag("ntag215", bytes.fromhex(SLEEP)))
    await wait_until(lambda: hass.states.get(timer).state != STATE_UNKNOWN)  # type: ignore[union-attr]

    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=2))
    await wait_until(lambda: len(ended) == 1)

    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, init_integration.entry_id), init_integration.entry_id
    )
    assert device is not None
    assert ended[0].data == {
        "entry_id": init_integration.entry_id,
        "device_id": device.id,
    }
    assert hass.states.get(timer).state == STATE_UNKNOWN  # type: ignore[union-attr]
    described: dict[str, Any] = {}
    logbook.async_describe_events(
        hass, lambda _domain, _event, describe: described.update(describe(ended[0]))
    )
    assert described == {
        "name": "Jukebox",
        "message": "sleep timer ended, the music paused",
    }
