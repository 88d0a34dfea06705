"""The NFC Jukebox integration: NFC chips on a reader play music in Home Assistant."""

from __future__ import annotations

from typing import Any

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN, LOGGER
from .frontend import async_register_card
from .models import NfcJukeboxConfigEntry, NfcJukeboxData
from .playback import Jukebox, async_remove_bookmarks
from .pn532 import Pn532Error
from .reader import reader_from_entry
from .repairs import async_delete_reader_issues, async_delete_version_1_issues
from .rules import async_remove_listening_time
from .scanner import ScannerReader
from .services import async_setup_services
from .sounds import async_register_sounds
from .websocket_api import async_setup_websocket_api

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, the sounds and the dashboard card; readers are entries."""
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    await async_register_sounds(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> bool:
    """Connect to a reader, add its entities and start watching for tags."""
    reader = reader_from_entry(hass, entry)
    if isinstance(reader, ScannerReader):
        if reader.device is None:
            raise ConfigEntryNotReady(
                translation_domain=DOMAIN,
                translation_key="scanner_not_found",
                translation_placeholders={"name": entry.title},
            )
    else:
        try:
            await reader.async_connect()
        except Pn532Error as err:
            raise ConfigEntryNotReady(
                translation_domain=DOMAIN,
                translation_key="cannot_connect",
                translation_placeholders={
                    "port": reader.description,
                    "error": str(err),
                },
            ) from err
    jukebox = Jukebox(hass, entry)
    await jukebox.async_load()
    reader.async_add_tag_listener(jukebox.async_handle)
    entry.async_on_unload(jukebox.async_shutdown)
    entry.runtime_data = NfcJukeboxData(reader=reader, jukebox=jukebox)
    if isinstance(reader, ScannerReader):
        entry.async_on_unload(reader.async_start())
    else:
        # The task owns the open reader from here on: unloading cancels it, and it
        # closes the reader on its way out.
        entry.async_create_background_task(
            hass, reader.async_run(), f"{DOMAIN} reader {entry.title}"
        )
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_migrate_entry(
    hass: HomeAssistant, entry: NfcJukeboxConfigEntry
) -> bool:
    """Bring a reader's entry up to date, keeping its device and entity ids.

    Version 1 named the device and entities after the port (the entry's unique
    id), so moving a reader orphaned them; version 2 names them after the entry.
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
    return True


async def async_remove_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> None:
    """Forget a removed reader's remembered positions and its repair notices."""
    await async_remove_bookmarks(hass, entry.entry_id)
    await async_remove_listening_time(hass, entry.entry_id)
    async_delete_reader_issues(hass, entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> bool:
    """Stop watching the reader and remove its entities."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
