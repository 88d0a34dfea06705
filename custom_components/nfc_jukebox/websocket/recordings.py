"""The card's command on recordings: delete one (offered with the chip that played it)."""

from __future__ import annotations

from typing import Any

import probatio
from homeassistant.components import websocket_api
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv

from ..audio.store import delete, media_base, recording_path
from ..const import DOMAIN


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/recording/delete",
        probatio.Required("media_content_id"): cv.string,
    }
)
@websocket_api.require_admin
@websocket_api.async_response
async def ws_delete_recording(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Delete a recording of My media → NFC Jukebox: its file, or its folder of parts.

    Nothing else of the media folder: a URI outside it is "not found".
    """
    found = media_base(hass.config.media_dirs)
    path = None
    if found is not None:
        source, base = found
        path = await hass.async_add_executor_job(
            recording_path, base, source, msg["media_content_id"]
        )
    if path is None:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_FOUND,
            "Recording not found",
            translation_key="recording_not_found",
            translation_domain=DOMAIN,
        )
        return
    await hass.async_add_executor_job(delete, path)
    connection.send_result(msg["id"])
