"""The button entities: a reader's "+15 minutes", and each music chip's reset."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

import pytest
from homeassistant.config_entries import (
    ConfigSubentry,
    ConfigSubentryData,
    ConfigSubentryDataWithId,
)
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection

from .conftest import MEDIA, SIMULATED_UNIQUE_ID, only_platform

LULLABY = "04A1B2C3D4E5F6"
NEW_CHIP = "04112233445566"


@pytest.fixture(autouse=True)
def platform() -> Iterator[None]:
    """Set up only the button platform."""
    with only_platform(Platform.BUTTON):
        yield


def music_chip(uid: str, name: str) -> ConfigSubentryData:
    """Return the subentry of a music chip."""
    return ConfigSubentryData(
        data={"uid": uid, "media": MEDIA, "playback": {}},
        subentry_type="tag",
        title=name,
        unique_id=uid,
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with a music chip and a control chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        entry_id="01KBREADER0JVKEBOX00000000",
        unique_id=SIMULATED_UNIQUE_ID,
        version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            ConfigSubentryDataWithId(
                data={"uid": "04FFFFFFFFFFFF", "action": "next"},
                subentry_id="01KBCHIP0SKIP000000000000",
                subentry_type="control",
                title="Skip",
                unique_id="04FFFFFFFFFFFF",
            ),
            ConfigSubentryDataWithId(
                **music_chip(LULLABY, "Lullabies"),
                subentry_id="01KBCHIP0LVLLABIES0000000",
            ),
        ],
    )


async def test_the_button_entities_of_a_reader(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, init_integration.entry_id)


async def test_a_music_chip_is_a_device_connected_through_its_reader(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    chip = "01KBCHIP0LVLLABIES0000000"
    reader = device_registry.async_get_device_by_identifier(
        (DOMAIN, init_integration.entry_id), init_integration.entry_id
    )
    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, chip), init_integration.entry_id
    )
    assert reader is not None
    assert device is not None

    assert (device.name, device.model) == ("Lullabies", "Music chip")
    assert device.via_device_id == reader.id
    assert device.config_subentry_id == chip
    button = entity_registry.async_get("button.lullabies_reset_progress")
    assert button is not None
    assert (button.device_id, button.config_subentry_id) == (device.id, chip)


async def test_a_chip_saved_later_gets_its_button_and_a_deleted_one_loses_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    subentry = ConfigSubentry(
        data=MappingProxyType(music_chip(NEW_CHIP, "Rock")["data"]),
        subentry_type="tag",
        title="Rock",
        unique_id=NEW_CHIP,
    )
    hass.config_entries.async_add_subentry(init_integration, subentry)
    await hass.async_block_till_done()
    assert hass.states.get("button.rock_reset_progress") is not None

    hass.config_entries.async_remove_subentry(init_integration, subentry.subentry_id)
    await hass.async_block_till_done()

    assert hass.states.get("button.rock_reset_progress") is None
    assert entity_registry.async_get("button.rock_reset_progress") is None


async def test_a_renamed_chips_device_takes_its_new_name(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    chip = "01KBCHIP0LVLLABIES0000000"
    hass.config_entries.async_update_subentry(
        init_integration, init_integration.subentries[chip], title="Sleepy songs"
    )
    await hass.async_block_till_done()

    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, chip), init_integration.entry_id
    )
    assert device is not None
    assert device.name == "Sleepy songs"
