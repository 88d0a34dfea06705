"""The card's kids view: its buttons, for anyone, house rules included."""

from __future__ import annotations

from typing import Any

import probatio
from homeassistant.components import websocket_api
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv

from ..const import DOMAIN
from ..playback import Button
from .chips import BLOCKED_MESSAGES
from .helpers import ATTR_ENTRY_ID, is_running_or_send_error, reader_or_send_error


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/press",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required("button"): probatio.In([button.value for button in Button]),
    }
)
@websocket_api.async_response
async def ws_press(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Press play or pause, next, previous, louder or quieter on the reader's speaker.

    Anyone may, as a child may place a control chip: the rules hold as for a chip
    (nothing starts music that a chip could not start) and the volume stays in range.
    """
    if (entry := reader_or_send_error(hass, connection, msg)) is None:
        return
    if not is_running_or_send_error(entry, connection, msg):
        return
    try:
        block = await entry.runtime_data.jukebox.remote.press(Button(msg["button"]))
    except HomeAssistantError as err:
        # The speaker is away or cannot do it: the tablet says so, the log need not.
        connection.send_error(
            msg["id"],
            websocket_api.ERR_HOME_ASSISTANT_ERROR,
            str(err),
            translation_key=err.translation_key,
            translation_domain=err.translation_domain,
            translation_placeholders=err.translation_placeholders,
        )
        return
    if block is not None:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_ALLOWED,
            BLOCKED_MESSAGES[block],
            translation_key=f"blocked_{block}",
            translation_domain=DOMAIN,
        )
        return
    connection.send_result(msg["id"])
