"""The card's commands on chips: save, delete, start over, play now."""

from __future__ import annotations

from typing import Any, Final

import probatio
from homeassistant.components import websocket_api
from homeassistant.config_entries import ConfigSubentry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv

from ..chips.model import InvalidChip, TagMapping, normalise_uid
from ..chips.registry import (
    async_delete_chip,
    async_save_chip,
)
from ..chips.validation import music_chip_from_message
from ..const import (
    CONF_FEED,
    CONF_MEDIA,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_STREAM,
    CONF_UID,
    DOMAIN,
    Block,
)
from ..progress import async_get_progress
from .helpers import (
    ATTR_ENTRY_ID,
    ATTR_SUBENTRY_ID,
    chip_or_send_error,
    is_running_or_send_error,
    music_chip_or_send_error,
    reader_or_send_error,
)

#: what Play now answers when the house rules say no (translated as blocked_<why>)
BLOCKED_MESSAGES: Final = {
    Block.OFF: "The jukebox is switched off: no chip starts music",
    Block.QUIET_HOURS: "It is quiet hours: only chips allowed at bedtime play",
    Block.LIMIT: "Today's listening time is used up",
}


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/save",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Optional(ATTR_SUBENTRY_ID): cv.string,
        probatio.Required(CONF_UID): cv.string,
        probatio.Required(CONF_NAME): cv.string,
        # Music from the media browser, or a typed podcast feed or radio stream.
        probatio.Optional(CONF_MEDIA): dict,
        probatio.Optional(CONF_FEED): probatio.Any(None, cv.string),
        probatio.Optional(CONF_STREAM): probatio.Any(None, cv.string),
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
    if (
        ATTR_SUBENTRY_ID in msg
        and (subentry := music_chip_or_send_error(hass, connection, msg)) is None
    ):
        return
    user_input: dict[str, Any] = {
        key: msg[key]
        for key in (
            CONF_UID,
            CONF_NAME,
            CONF_MEDIA,
            CONF_FEED,
            CONF_STREAM,
            CONF_PLAY_ON,
            CONF_PLAYBACK,
        )
        if msg.get(key) is not None
    }
    try:
        chip = music_chip_from_message(hass, user_input, subentry=subentry)
    except InvalidChip as err:
        invalid: dict[str, Any] = {"errors": err.errors}
        if err.placeholders:
            invalid["placeholders"] = err.placeholders
        connection.send_result(msg["id"], invalid)
        return
    subentry = await async_save_chip(hass, entry, chip, subentry=subentry)
    connection.send_result(msg["id"], {ATTR_SUBENTRY_ID: subentry.subentry_id})


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
    if chip_or_send_error(hass, connection, msg) is None:
        return
    async_delete_chip(hass, msg[ATTR_SUBENTRY_ID])
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
    if (subentry := music_chip_or_send_error(hass, connection, msg)) is None:
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
    """Do now what placing a music chip on the reader does, house rules included.

    Anyone may: a child who can reach the reader can do the same with the chip, it
    changes nothing that Home Assistant records, and the rules hold as for the chip.
    """
    if (entry := reader_or_send_error(hass, connection, msg)) is None:
        return
    if (subentry := music_chip_or_send_error(hass, connection, msg)) is None:
        return
    if not is_running_or_send_error(entry, connection, msg):
        return
    chip = TagMapping.from_subentry(subentry)
    if (block := await entry.runtime_data.jukebox.async_play(chip)) is not None:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_ALLOWED,
            BLOCKED_MESSAGES[block],
            translation_key=f"blocked_{block}",
            translation_domain=DOMAIN,
        )
        return
    connection.send_result(msg["id"])
