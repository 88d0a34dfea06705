"""The button entity: a reader's "+15 minutes"; chips add none."""

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


async def test_music_chips_add_no_device_and_no_entity(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    def counts() -> tuple[int, int]:
        entry_id = init_integration.entry_id
        return (
            len(dr.async_entries_for_config_entry(device_registry, entry_id)),
            len(er.async_entries_for_config_entry(entity_registry, entry_id)),
        )

    before = counts()
    for index in range(5):
        uid = f"04112233445{index:03d}"
        hass.config_entries.async_add_subentry(
            init_integration,
            ConfigSubentry(
                data=MappingProxyType(music_chip(uid, f"Song {index}")["data"]),
                subentry_type="tag",
                title=f"Song {index}",
                unique_id=uid,
            ),
        )
    await hass.async_block_till_done()

    assert counts() == before == (1, 1)
