"""Entry migrations: a reader's entry of an earlier release, brought up to date once."""

from __future__ import annotations

from collections import Counter
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er

from .chips.model import stored_order
from .const import (
    CONF_MEDIA,
    CONF_MEDIA_PLAYER,
    CONF_ORDER,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_SHUFFLE,
    DOMAIN,
    LOGGER,
    SUBENTRY_TAG,
)
from .models import NfcJukeboxConfigEntry
from .notices import async_delete_version_1_issues


async def async_migrate_entry(
    hass: HomeAssistant, entry: NfcJukeboxConfigEntry
) -> bool:
    """Bring a reader's entry up to date, keeping its device and entity ids.

    Version 1 named the device and entities after the port (the entry's unique
    id), so moving a reader orphaned them; version 2 names them after the entry.
    Version 2.2 makes chips the home's (see _migrate_to_home_chips); 2.3 takes away
    each music chip's device and its Reset progress button (_remove_chip_devices);
    2.4 turns Shuffle into Order (_shuffle_to_order).
    """
    if entry.version > 2:  # noqa: PLR2004 - made by a newer release: leave it alone
        return False
    if entry.version == 1:
        old_id = entry.unique_id or entry.entry_id
        old_prefix = f"{entry.unique_id}_"

        @callback
        def new_unique_id(entity: er.RegistryEntry) -> dict[str, Any] | None:
            if not entity.unique_id.startswith(old_prefix):
                return None
            key = entity.unique_id.removeprefix(old_prefix)
            return {"new_unique_id": f"{entry.entry_id}_{key}"}

        await er.async_migrate_entries(hass, entry.entry_id, new_unique_id)
        devices = dr.async_get(hass)
        if device := devices.async_get_device(identifiers={(DOMAIN, old_id)}):
            devices.async_update_device(
                device.id, new_identifiers={(DOMAIN, entry.entry_id)}
            )
        async_delete_version_1_issues(hass, old_id)
        hass.config_entries.async_update_entry(entry, version=2, minor_version=1)
        LOGGER.debug("Migrated %s to version 2", entry.title)
    if entry.minor_version < 2:  # noqa: PLR2004 - the versions of the entry
        _migrate_to_home_chips(hass, entry)
        hass.config_entries.async_update_entry(entry, minor_version=2)
        LOGGER.debug("Migrated %s to version 2.2", entry.title)
    if entry.minor_version < 3:  # noqa: PLR2004 - the versions of the entry
        _remove_chip_devices(hass, entry)
        hass.config_entries.async_update_entry(entry, minor_version=3)
        LOGGER.debug("Migrated %s to version 2.3", entry.title)
    if entry.minor_version < 4:  # noqa: PLR2004 - the versions of the entry
        _shuffle_to_order(hass, entry)
        hass.config_entries.async_update_entry(entry, minor_version=4)
        LOGGER.debug("Migrated %s to version 2.4", entry.title)
    return True


@callback
def _shuffle_to_order(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Store each music chip's Shuffle as its Order (2.4 adds the calendar orders)."""
    for subentry in list(entry.subentries.values()):
        playback = subentry.data.get(CONF_PLAYBACK)
        if subentry.subentry_type != SUBENTRY_TAG or not isinstance(playback, dict):
            continue
        if CONF_SHUFFLE not in playback:
            continue
        order = {CONF_ORDER: stored_order(playback).value}
        rest = {key: value for key, value in playback.items() if key != CONF_SHUFFLE}
        hass.config_entries.async_update_subentry(
            entry, subentry, data={**subentry.data, CONF_PLAYBACK: rest | order}
        )


@callback
def _remove_chip_devices(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Remove the device and the Reset progress button of each music chip.

    With hundreds of chips they drowned Home Assistant's own pages. Resetting a chip
    stays in the card and the reset_progress action; the reader's device and its
    entities keep their ids and history. A chip's device is the one named after its
    subentry id, made by this entry.
    """
    entities = er.async_get(hass)
    for entity in er.async_entries_for_config_entry(entities, entry.entry_id):
        if entity.domain == "button" and entity.unique_id.endswith("_reset_progress"):
            entities.async_remove(entity.entity_id)
    devices = dr.async_get(hass)
    for device in dr.async_entries_for_config_entry(devices, entry.entry_id):
        if any(
            domain == DOMAIN and key != entry.entry_id
            for domain, key in device.identifiers
        ):
            devices.async_remove_device(device.id)


@callback
def _migrate_to_home_chips(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Give the reader a speaker, and its music chips "this reader's speaker".

    Before 2.2 a music chip played on the speaker its music was picked with, and a
    reader's speaker only served control chips. Now a chip plays on the speaker of
    the reader it lies on unless it names one. So nothing plays anywhere else than
    before on this reader: a reader without a speaker gets the one most of its
    chips use, the chips on that speaker play on "this reader's speaker", and the
    others name their speaker.
    """
    chips = [
        subentry
        for subentry in entry.subentries.values()
        if subentry.subentry_type == SUBENTRY_TAG and CONF_PLAY_ON not in subentry.data
    ]
    speakers = Counter(chip.data[CONF_MEDIA][ATTR_ENTITY_ID] for chip in chips)
    speaker = entry.options.get(CONF_MEDIA_PLAYER)
    if not speaker and speakers:
        # the most used; on a tie, the first chip's
        speaker = speakers.most_common(1)[0][0]
        hass.config_entries.async_update_entry(
            entry, options={**entry.options, CONF_MEDIA_PLAYER: speaker}
        )
    for chip in chips:
        own = chip.data[CONF_MEDIA][ATTR_ENTITY_ID]
        if own != speaker:
            hass.config_entries.async_update_subentry(
                entry, chip, data={**chip.data, CONF_PLAY_ON: own}
            )
