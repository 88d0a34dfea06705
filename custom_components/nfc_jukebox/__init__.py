"""The NFC Jukebox integration: NFC tags on a PN532 reader play music in Home Assistant."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
from .frontend import async_register_card
from .models import NfcJukeboxConfigEntry, NfcJukeboxData
from .playback import Jukebox, async_remove_bookmarks
from .pn532 import Pn532Error
from .reader import reader_from_entry
from .services import async_setup_services
from .websocket_api import async_setup_websocket_api

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

PLATFORMS = [Platform.BINARY_SENSOR, Platform.EVENT, Platform.SENSOR]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions and the dashboard card; readers are config entries."""
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> bool:
    """Connect to a reader, add its entities and start watching for tags."""
    reader = reader_from_entry(hass, entry)
    try:
        await reader.async_connect()
    except Pn532Error as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key="cannot_connect",
            translation_placeholders={"port": reader.port, "error": str(err)},
        ) from err
    jukebox = Jukebox(hass, entry)
    await jukebox.async_load()
    reader.async_add_listener(jukebox.async_handle)
    entry.async_on_unload(jukebox.async_shutdown)
    entry.runtime_data = NfcJukeboxData(reader=reader, jukebox=jukebox)
    # The task owns the open reader from here on: unloading cancels it, and it
    # closes the reader on its way out.
    entry.async_create_background_task(
        hass, reader.async_run(), f"{DOMAIN} reader {entry.title}"
    )
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_remove_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> None:
    """Forget a removed reader's remembered positions and its repair notices."""
    await async_remove_bookmarks(hass, entry.entry_id)
    registry = ir.async_get(hass)
    for domain, issue_id in list(registry.issues):
        if domain == DOMAIN and (
            entry.entry_id in issue_id or issue_id.endswith(f"_{entry.unique_id}")
        ):
            ir.async_delete_issue(hass, DOMAIN, issue_id)


async def async_unload_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> bool:
    """Stop watching the reader and remove its entities."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
