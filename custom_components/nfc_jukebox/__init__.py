"""The NFC Jukebox integration: NFC chips on a reader play music in Home Assistant."""

from __future__ import annotations

from types import MappingProxyType

from homeassistant.config_entries import ConfigEntry, ConfigSubentry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .chips.artwork import async_load_artwork
from .chips.discovery import async_withdraw_reader_offers
from .chips.pictures import async_load_pictures
from .chips.registry import (
    async_delete_pictures_of_gone_chips,
    async_follow_deleted_chips,
)
from .const import DOMAIN, LOGGER
from .coordinator import JukeboxCoordinator
from .frontend import async_register_card
from .home import reader_entries
from .http.chips_io import async_register_chips_io
from .http.pictures import async_register_pictures
from .http.recordings import async_setup_recordings
from .listening import async_remove_listening_time

# Home Assistant looks for the entry migration in the integration's package.
from .migration import async_migrate_entry as async_migrate_entry
from .models import NfcJukeboxConfigEntry, NfcJukeboxData
from .notices import async_delete_new_chip_issues, async_delete_reader_issues
from .playback import Jukebox
from .playback.buttons import BoxButtons
from .playback.days import async_remove_daily_picks
from .pn532 import Pn532Error
from .podcasts.library import async_remove_podcasts
from .progress import async_remove_legacy_bookmarks, async_remove_progress
from .readers.pn532 import reader_from_entry
from .readers.scanner import ScannerReader
from .services import async_setup_services
from .sounds import async_register_sounds
from .websocket import async_setup_websocket_api

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
    """Register the actions, the sounds, the card and its endpoints; readers are entries."""
    async_delete_new_chip_issues(hass)
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    await async_register_card(hass)
    async_register_chips_io(hass)
    await async_load_pictures(hass)
    await async_load_artwork(hass)
    async_register_pictures(hass)
    async_follow_deleted_chips(hass)
    await async_register_sounds(hass)
    await async_setup_recordings(hass)
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
    entry.async_on_unload(BoxButtons(hass, entry, jukebox).async_start())
    coordinator = JukeboxCoordinator(hass, entry, reader=reader, jukebox=jukebox)
    entry.async_on_unload(coordinator.async_start())
    entry.runtime_data = NfcJukeboxData(
        reader=reader, jukebox=jukebox, coordinator=coordinator
    )
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


async def async_remove_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> None:
    """Hand a removed reader's chips to another reader; forget the rest of it.

    Its chips are the home's: they stay while any reader does, and so does their
    progress. Its listening time, its notices and its offers of new chips go. With
    the last reader its chips go, and with them what the home remembered of their
    progress.
    """
    if not _move_chips(hass, entry):
        await async_delete_pictures_of_gone_chips(hass)
        await async_remove_progress(hass)
        await async_remove_podcasts(hass)
        await async_remove_daily_picks(hass)
    await async_remove_legacy_bookmarks(hass, entry.entry_id)
    await async_remove_listening_time(hass, entry.entry_id)
    async_delete_reader_issues(hass, entry.entry_id)
    async_withdraw_reader_offers(hass, entry.entry_id)


@callback
def _move_chips(hass: HomeAssistant, removed: ConfigEntry) -> bool:
    """Store the chips of a removed reader on another reader, if one is left.

    A chip keeps its id and settings: it already played on every reader, and still
    does. A UID the other reader already has (two readers of an earlier release
    gave it two meanings) keeps the other reader's meaning. Return whether a
    reader was left.
    """
    readers = [
        entry for entry in reader_entries(hass) if entry.entry_id != removed.entry_id
    ]
    if not readers:
        return False
    heir = readers[0]
    taken = {subentry.unique_id for subentry in heir.subentries.values()}
    for chip in removed.subentries.values():
        if chip.unique_id is not None and chip.unique_id in taken:
            continue
        hass.config_entries.async_add_subentry(
            heir,
            ConfigSubentry(
                data=MappingProxyType(dict(chip.data)),
                subentry_id=chip.subentry_id,
                subentry_type=chip.subentry_type,
                title=chip.title,
                unique_id=chip.unique_id,
            ),
        )
    LOGGER.debug("Moved the chips of %s to %s", removed.title, heir.title)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: NfcJukeboxConfigEntry) -> bool:
    """Stop watching the reader and remove its entities."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
