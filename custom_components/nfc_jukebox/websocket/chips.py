"""The card's commands on chips: save, delete, start over, play now."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import probatio
from homeassistant.components import websocket_api
from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigSubentry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv

from ..const import (
    CONF_MEDIA,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_UID,
    DOMAIN,
    SUBENTRY_TAG,
)
from ..mappings import (
    InvalidChip,
    TagMapping,
    chip_from_input,
    find_chip,
    find_chip_subentry,
    find_subentry,
    music_chip_schema,
    normalise_uid,
)
from ..progress import async_get_progress
from ..repairs import async_delete_new_chip_issues
from .helpers import (
    ATTR_ENTRY_ID,
    ATTR_SUBENTRY_ID,
    chip_or_send_error,
    is_running_or_send_error,
    reader_or_send_error,
    send_not_a_music_chip,
)


def validate_music_chip(
    hass: HomeAssistant,
    entry: ConfigEntry,
    user_input: dict[str, Any],
    subentry_id: str | None,
) -> TagMapping | dict[str, str]:
    """Check a music chip as the Settings form does; return it, or errors by field.

    The Settings form's schema, then the chip rules every way of saving a chip
    shares (mappings.chip_from_input), then one chip per UID in the home (a chip
    keeps its own UID where an earlier release let two readers share one).
    """
    try:
        checked: dict[str, Any] = music_chip_schema()(user_input)
    except probatio.Invalid:
        return {"base": "invalid_chip"}
    try:
        chip = chip_from_input(hass, SUBENTRY_TAG, checked)
    except InvalidChip as err:
        return err.errors
    own = find_subentry(hass, subentry_id) if subentry_id else None
    if (
        own is None or chip.uid != normalise_uid(own[1].data.get(CONF_UID, ""))
    ) and find_chip_subentry(hass, chip.uid, except_subentry=subentry_id) is not None:
        return {CONF_UID: "uid_taken"}
    assert isinstance(chip, TagMapping)  # noqa: S101 - asked for a music chip
    return chip


async def _play_if_on_reader(hass: HomeAssistant, entry: ConfigEntry, uid: str) -> None:
    """Start a chip's music if that chip lies on the reader right now."""
    if entry.state is not ConfigEntryState.LOADED:
        return
    data = entry.runtime_data
    present = data.reader.present
    chip = find_chip(hass, uid, prefer=entry)
    if present is not None and present.uid == uid and isinstance(chip, TagMapping):
        await data.jukebox.async_play(chip)


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/save",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Optional(ATTR_SUBENTRY_ID): cv.string,
        probatio.Required(CONF_UID): cv.string,
        probatio.Required(CONF_NAME): cv.string,
        probatio.Required(CONF_MEDIA): dict,
        probatio.Optional(CONF_PLAY_ON): probatio.Any(None, cv.string),
        probatio.Optional(CONF_PLAYBACK): dict,
    }
)
@websocket_api.require_admin
@websocket_api.async_response
async def ws_save_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Add a music chip to the home, or change one; a chip on the reader starts playing.

    A new chip is stored on the reader ``entry_id``; a changed one stays where it is.
    """
    if (entry := reader_or_send_error(hass, connection, msg)) is None:
        return
    subentry: ConfigSubentry | None = None
    owner = entry
    if ATTR_SUBENTRY_ID in msg:
        if (found := chip_or_send_error(hass, connection, msg)) is None:
            return
        owner, subentry = found
        if subentry.subentry_type != SUBENTRY_TAG:
            send_not_a_music_chip(connection, msg)
            return
    user_input: dict[str, Any] = {
        key: msg[key]
        for key in (CONF_UID, CONF_NAME, CONF_MEDIA, CONF_PLAY_ON, CONF_PLAYBACK)
        if msg.get(key) is not None
    }
    chip = validate_music_chip(hass, entry, user_input, msg.get(ATTR_SUBENTRY_ID))
    if not isinstance(chip, TagMapping):
        connection.send_result(msg["id"], {"errors": chip})
        return
    stored = chip.to_subentry_data()
    if subentry is None:
        subentry = ConfigSubentry(
            data=MappingProxyType(dict(stored["data"])),
            subentry_type=SUBENTRY_TAG,
            title=chip.name,
            unique_id=chip.uid,
        )
        hass.config_entries.async_add_subentry(entry, subentry)
    else:
        hass.config_entries.async_update_subentry(
            owner, subentry, data=stored["data"], title=chip.name, unique_id=chip.uid
        )
    async_delete_new_chip_issues(hass, chip.uid)
    connection.send_result(msg["id"], {ATTR_SUBENTRY_ID: subentry.subentry_id})
    await _play_if_on_reader(hass, entry, chip.uid)


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/delete",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required(ATTR_SUBENTRY_ID): cv.string,
    }
)
@websocket_api.require_admin
@callback
def ws_delete_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Forget a chip of the home, whichever reader stores it."""
    if reader_or_send_error(hass, connection, msg) is None:
        return
    if (found := chip_or_send_error(hass, connection, msg)) is None:
        return
    hass.config_entries.async_remove_subentry(found[0], msg[ATTR_SUBENTRY_ID])
    connection.send_result(msg["id"])


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/reset",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required(ATTR_SUBENTRY_ID): cv.string,
    }
)
@websocket_api.require_admin
@websocket_api.async_response
async def ws_reset_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Make a music chip start over the next time it is placed, as its button does.

    For administrators: it loses where an audiobook got to.
    """
    if reader_or_send_error(hass, connection, msg) is None:
        return
    if (found := chip_or_send_error(hass, connection, msg)) is None:
        return
    subentry = found[1]
    if subentry.subentry_type != SUBENTRY_TAG:
        send_not_a_music_chip(connection, msg)
        return
    progress = await async_get_progress(hass)
    progress.async_reset(normalise_uid(subentry.data[CONF_UID]))
    connection.send_result(msg["id"])


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/play",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required(ATTR_SUBENTRY_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_play_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Play a music chip's music now, as placing the chip on the reader would.

    Anyone may: a child who can reach the reader can do the same with the chip,
    and it changes nothing that Home Assistant records (the volume cap holds).
    """
    if (entry := reader_or_send_error(hass, connection, msg)) is None:
        return
    if (found := chip_or_send_error(hass, connection, msg)) is None:
        return
    subentry = found[1]
    if subentry.subentry_type != SUBENTRY_TAG:
        send_not_a_music_chip(connection, msg)
        return
    if not is_running_or_send_error(entry, connection, msg):
        return
    await entry.runtime_data.jukebox.async_play(TagMapping.from_subentry(subentry))
    connection.send_result(msg["id"])
