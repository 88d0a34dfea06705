"""The card's Print labels: which chips the home added since the last print, a print done."""

from __future__ import annotations

from typing import Any

import probatio
from homeassistant.components import websocket_api
from homeassistant.core import HomeAssistant

from ..chips.model import normalise_uid
from ..chips.prints import async_get_label_prints
from ..chips.registry import home_chips
from ..const import CONF_UID, DOMAIN


def _home_uids(hass: HomeAssistant) -> list[str]:
    return [normalise_uid(s.data.get(CONF_UID, "")) for s in home_chips(hass)]


@websocket_api.websocket_command({probatio.Required("type"): f"{DOMAIN}/labels"})
@websocket_api.require_admin
@websocket_api.async_response
async def ws_labels(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Answer when labels were last printed (None: never) and the chips added since."""
    prints = await async_get_label_prints(hass)
    connection.send_result(
        msg["id"],
        {
            "last_print": prints.last_print.isoformat() if prints.last_print else None,
            "added": prints.added_since(_home_uids(hass)),
        },
    )


@websocket_api.websocket_command(
    {probatio.Required("type"): f"{DOMAIN}/labels/printed"}
)
@websocket_api.require_admin
@websocket_api.async_response
async def ws_labels_printed(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Remember a print: now, and the chips the home has (later ones are added since)."""
    prints = await async_get_label_prints(hass)
    last_print = await prints.async_printed(_home_uids(hass))
    connection.send_result(msg["id"], {"last_print": last_print.isoformat()})
