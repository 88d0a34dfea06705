"""What every command of the card shares: the names in its messages and the errors it sends."""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components import websocket_api
from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigSubentry
from homeassistant.core import HomeAssistant

from ..chips.registry import find_subentry
from ..const import DOMAIN, SUBENTRY_TAG
from ..home import is_reader

ATTR_ENTRY_ID: Final = "entry_id"
ATTR_SUBENTRY_ID: Final = "subentry_id"


def reader_or_send_error(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> ConfigEntry | None:
    """Return the reader a message names, or send "not found" (an ignored chip is none)."""
    entry = hass.config_entries.async_get_entry(msg[ATTR_ENTRY_ID])
    if entry is None or not is_reader(entry):
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_FOUND,
            "Reader not found",
            translation_key="reader_not_found",
            translation_domain=DOMAIN,
        )
        return None
    return entry


def chip_or_send_error(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> tuple[ConfigEntry, ConfigSubentry] | None:
    """Return the chip a message names and the reader that stores it, or send "not found".

    A chip of the home may be stored on any reader.
    """
    found = find_subentry(hass, msg[ATTR_SUBENTRY_ID])
    if found is None:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_FOUND,
            "Chip not found",
            translation_key="chip_not_found",
            translation_domain=DOMAIN,
        )
    return found


def is_running_or_send_error(
    entry: ConfigEntry, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> bool:
    """Return whether the reader runs, or send that it does not."""
    if entry.state is ConfigEntryState.LOADED:
        return True
    connection.send_error(
        msg["id"],
        websocket_api.ERR_NOT_ALLOWED,
        "The reader is not loaded",
        translation_key="reader_not_loaded",
        translation_domain=DOMAIN,
        translation_placeholders={"name": entry.title},
    )
    return False


def music_chip_or_send_error(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> ConfigSubentry | None:
    """Return the music chip a message names, or send "not found" or "not a music chip"."""
    if (found := chip_or_send_error(hass, connection, msg)) is None:
        return None
    subentry = found[1]
    if subentry.subentry_type != SUBENTRY_TAG:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_SUPPORTED,
            "Only a music chip plays music",
            translation_key="not_a_music_chip",
            translation_domain=DOMAIN,
        )
        return None
    return subentry
