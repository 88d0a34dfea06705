"""One snapshot per reader: every change of the reader, its jukebox or its rules is pushed."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import CONF_DAILY_LIMIT, GRANT_MINUTES
from custom_components.nfc_jukebox.coordinator import JukeboxSnapshot
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator

from .conftest import WaitUntil
from .playback.support import place

CHIP = "04A1B2C3D4E5F6"


def snapshots_of(entry: MockConfigEntry) -> list[JukeboxSnapshot]:
    """Collect every snapshot the reader's coordinator pushes from now on."""
    coordinator = entry.runtime_data.coordinator
    pushed: list[JukeboxSnapshot] = []
    entry.async_on_unload(
        coordinator.async_add_listener(lambda: pushed.append(coordinator.data))
    )
    return pushed


async def test_a_chip_placed_and_lifted_is_pushed_as_a_new_snapshot(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    pushed = snapshots_of(init_integration)
    assert init_integration.runtime_data.coordinator.data.present is None

    place(emulator, CHIP)
    await wait_until(lambda: any(s.present is not None for s in pushed))
    placed = next(s for s in pushed if s.present is not None)
    emulator.remove()
    await wait_until(lambda: pushed[-1].present is None)

    assert placed.present is not None
    assert placed.present.uid == CHIP
    assert placed.present_name is None  # not a chip of the home
    assert placed.available
    current = hass.states.get("sensor.jukebox_current_chip")
    assert current is not None
    assert current.state == "none"


async def test_a_house_rule_change_is_pushed_to_every_entity(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    pushed = snapshots_of(init_integration)

    hass.config_entries.async_update_entry(
        init_integration, options={CONF_DAILY_LIMIT: 30}
    )
    await hass.async_block_till_done()
    init_integration.runtime_data.jukebox.rules.async_grant(GRANT_MINUTES)

    assert [s.minutes_left for s in pushed][-1] == 30 + GRANT_MINUTES
    state = hass.states.get("sensor.jukebox_listening_time_left")
    assert state is not None
    assert state.state == str(30 + GRANT_MINUTES)


async def test_the_snapshot_is_frozen(init_integration: MockConfigEntry) -> None:
    snapshot = init_integration.runtime_data.coordinator.data

    with pytest.raises(FrozenInstanceError):
        snapshot.available = False
