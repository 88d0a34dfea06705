"""Upgrading a reader made by an earlier release keeps its device, entity ids and chips."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState, ConfigSubentryData
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
    assert (entry.version, entry.minor_version) == (2, 4)
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


def _chip(uid: str, name: str, speaker: str) -> ConfigSubentryData:
    """Return a music chip as version 2.1 stored it: its speaker in its media."""
    return ConfigSubentryData(
        data={
            "uid": uid,
            "media": {
                "entity_id": speaker,
                "media_content_id": f"media-source://{name}",
                "media_content_type": "music",
            },
            "playback": {},
        },
        subentry_type="tag",
        title=name,
        unique_id=uid,
    )


def _version_2_1_reader(options: dict[str, Any]) -> MockConfigEntry:
    """Return a reader as version 2.1 left it: three music chips and a control chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Kids room",
        unique_id=OLD_UNIQUE_ID,
        version=2,
        minor_version=1,
        data={CONF_CONNECTION: Connection.SIMULATED},
        options=options,
        subentries_data=[
            _chip("04A1B2C3D4E5F6", "Lullabies", "media_player.kids"),
            _chip("04112233445566", "Rain", "media_player.kids"),
            _chip("04223344556677", "Party", "media_player.living_room"),
            ConfigSubentryData(
                data={"uid": "04CCCCCCCCCCCC", "action": "next"},
                subentry_type="control",
                title="Skip",
                unique_id="04CCCCCCCCCCCC",
            ),
        ],
    )


def _play_on(entry: MockConfigEntry) -> dict[str, str | None]:
    return {
        subentry.title: subentry.data.get("play_on")
        for subentry in entry.subentries.values()
    }


async def test_a_reader_without_a_speaker_gets_the_one_most_of_its_chips_use(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    entry = _version_2_1_reader({"max_volume": 60})
    entry.add_to_hass(hass)
    event = entity_registry.async_get_or_create(
        "event",
        DOMAIN,
        f"{entry.entry_id}_tag",
        config_entry=entry,
        suggested_object_id="kids_room_tag",
    )
    media = {s.title: s.data.get("media") for s in entry.subentries.values()}

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.LOADED
    assert (entry.version, entry.minor_version) == (2, 4)
    assert entry.options == {"max_volume": 60, "media_player": "media_player.kids"}
    # Every chip plays where it played: the kids' chips on the reader's speaker,
    # the party chip names its own.
    assert _play_on(entry) == {
        "Lullabies": None,
        "Rain": None,
        "Party": "media_player.living_room",
        "Skip": None,
    }
    # the music keeps its shape: the speaker it was picked with stays in it
    assert {s.title: s.data.get("media") for s in entry.subentries.values()} == media
    assert entity_registry.async_get(event.entity_id) is not None
    assert hass.states.get("event.kids_room_tag") is not None
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_reader_with_a_speaker_keeps_it_and_its_chips_keep_theirs(
    hass: HomeAssistant,
) -> None:
    entry = _version_2_1_reader({"media_player": "media_player.living_room"})
    entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.options == {"media_player": "media_player.living_room"}
    assert _play_on(entry) == {
        "Lullabies": "media_player.kids",
        "Rain": "media_player.kids",
        "Party": None,
        "Skip": None,
    }
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_reader_of_2_2_loses_its_chip_devices_and_reset_buttons_and_keeps_the_rest(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    entry = _version_2_1_reader({"media_player": "media_player.kids"})
    entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(entry, minor_version=2)
    reader = device_registry.async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={(DOMAIN, entry.entry_id)},
        name="Kids room",
    )
    kept = entity_registry.async_get_or_create(
        "button",
        DOMAIN,
        f"{entry.entry_id}_grant_time",
        config_entry=entry,
        device_id=reader.id,
        suggested_object_id="kids_room_add_15_minutes",
    )
    for subentry in entry.subentries.values():
        if subentry.subentry_type != "tag":
            continue
        # what 0.3.0 made of each music chip: a device with a Reset progress button
        chip = device_registry.async_get_or_create(
            config_entry_id=entry.entry_id,
            config_subentry_id=subentry.subentry_id,
            identifiers={(DOMAIN, subentry.subentry_id)},
            name=subentry.title,
            via_device_id=reader.id,
        )
        entity_registry.async_get_or_create(
            "button",
            DOMAIN,
            f"{subentry.subentry_id}_reset_progress",
            config_entry=entry,
            config_subentry_id=subentry.subentry_id,
            device_id=chip.id,
        )

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert (entry.version, entry.minor_version) == (2, 4)
    devices = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    assert [device.id for device in devices] == [reader.id]
    entities = er.async_entries_for_config_entry(entity_registry, entry.entry_id)
    assert not [e for e in entities if e.unique_id.endswith("_reset_progress")]
    assert entity_registry.async_get(kept.entity_id) is not None
    assert hass.states.get(kept.entity_id) is not None
    assert len(entry.subentries) == 4  # the chips themselves stay
    await hass.config_entries.async_unload(entry.entry_id)


async def test_a_reader_of_2_3_keeps_each_chips_shuffle_as_its_order(
    hass: HomeAssistant,
) -> None:
    entry = _version_2_1_reader({"media_player": "media_player.kids"})
    entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(entry, minor_version=3)
    lullabies, rain, party = (
        subentry
        for subentry in entry.subentries.values()
        if subentry.subentry_type == "tag"
    )
    hass.config_entries.async_update_subentry(
        entry,
        lullabies,
        data={**lullabies.data, "playback": {"shuffle": True, "repeat": "all"}},
    )
    hass.config_entries.async_update_subentry(
        entry, rain, data={**rain.data, "playback": {"shuffle": False}}
    )

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert (entry.version, entry.minor_version) == (2, 4)
    playback = {
        subentry.title: subentry.data.get("playback")
        for subentry in entry.subentries.values()
        if subentry.subentry_type == "tag"
    }
    assert playback == {
        "Lullabies": {"order": "shuffle", "repeat": "all"},
        "Rain": {"order": "in_order"},
        "Party": party.data.get("playback"),  # nothing to turn: left as it was
    }
    await hass.config_entries.async_unload(entry.entry_id)
