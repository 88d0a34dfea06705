"""Upgrading a reader made by an earlier release keeps its device and entity ids."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection

OLD_UNIQUE_ID = "simulated:kids_room"
#: what version 1 registered, by platform and key: (platform, key, entity id)
OLD_ENTITIES = (
    ("event", "tag", "event.kids_room_tag"),
    ("binary_sensor", "tag_present", "binary_sensor.kids_room_tag_present"),
    ("sensor", "current_tag", "sensor.kids_room_current_tag"),
    ("sensor", "sleep_timer", "sensor.bedtime"),  # renamed by the user
    ("sensor", "connection", "sensor.kids_room_connection"),
)


def _version_1_reader(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> tuple[MockConfigEntry, dr.DeviceEntry]:
    """Add a reader as version 1 left it: device and entities named after the port."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Kids room",
        unique_id=OLD_UNIQUE_ID,
        version=1,
        data={CONF_CONNECTION: Connection.SIMULATED},
    )
    entry.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={(DOMAIN, OLD_UNIQUE_ID)},
        name="Kids room",
    )
    for platform, key, entity_id in OLD_ENTITIES:
        entity_registry.async_get_or_create(
            platform,
            DOMAIN,
            f"{OLD_UNIQUE_ID}_{key}",
            config_entry=entry,
            device_id=device.id,
            suggested_object_id=entity_id.split(".")[1],
        )
    return entry, device


async def test_an_upgraded_reader_keeps_its_device_and_entity_ids(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    entry, device = _version_1_reader(hass, device_registry, entity_registry)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (2, 2)
    assert entry.unique_id == OLD_UNIQUE_ID  # still refuses a duplicate
    entities = er.async_entries_for_config_entry(entity_registry, entry.entry_id)
    # Every old entity keeps its id; entities added since are new ones.
    assert {
        (f"{entry.entry_id}_{key}", entity_id) for _, key, entity_id in OLD_ENTITIES
    } <= {(e.unique_id, e.entity_id) for e in entities}
    assert {e.device_id for e in entities} == {device.id}
    migrated = device_registry.async_get(device.id)
    assert migrated is not None
    assert migrated.identifiers == {(DOMAIN, entry.entry_id)}
    assert dr.async_entries_for_config_entry(device_registry, entry.entry_id) == [
        migrated
    ]
    state = hass.states.get("event.kids_room_tag")
    assert state is not None
    assert state.state != "unavailable"
    await hass.config_entries.async_unload(entry.entry_id)


async def test_an_upgraded_reader_drops_its_old_unreachable_notice(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
) -> None:
    entry, _ = _version_1_reader(hass, device_registry, entity_registry)
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"reader_unreachable_{OLD_UNIQUE_ID}",
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key="reader_unreachable",
    )

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert not [i for i in issue_registry.issues.values() if i.domain == DOMAIN]
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_reader_from_a_newer_release_is_not_set_up(
    hass: HomeAssistant,
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=OLD_UNIQUE_ID,
        version=3,
        data={CONF_CONNECTION: Connection.SIMULATED},
    )
    entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR
