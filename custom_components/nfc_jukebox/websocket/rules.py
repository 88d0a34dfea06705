"""The card's commands on house rules: change them, grant more listening time."""

from __future__ import annotations

from typing import Any, Final

import probatio
from homeassistant.components import websocket_api
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv

from ..const import (
    CONF_DAILY_LIMIT,
    CONF_JUKEBOX_ON,
    CONF_MAX_VOLUME,
    CONF_MIN_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
    DOMAIN,
    GRANT_MINUTES,
    MAX_DAILY_LIMIT,
)
from ..rules import HouseRules, rules_error
from .helpers import ATTR_ENTRY_ID, is_running_or_send_error, reader_or_send_error

#: The house rules the card changes: the reader's options of the same name.
RULE_SETTINGS: Final = (
    CONF_JUKEBOX_ON,
    CONF_DAILY_LIMIT,
    CONF_MIN_VOLUME,
    CONF_MAX_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
)
_VOLUME = probatio.All(int, probatio.Range(min=0, max=100))
_CEILING = probatio.All(int, probatio.Range(min=1, max=100))


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/rules/set",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Optional(CONF_JUKEBOX_ON): bool,
        probatio.Optional(CONF_DAILY_LIMIT): probatio.All(
            int, probatio.Range(min=0, max=MAX_DAILY_LIMIT)
        ),
        probatio.Optional(CONF_MIN_VOLUME): _VOLUME,
        probatio.Optional(CONF_MAX_VOLUME): _CEILING,
        probatio.Optional(CONF_NIGHT_MAX_VOLUME): _CEILING,
    }
)
@websocket_api.require_admin
@callback
def ws_set_rules(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Change house rules of a reader, as its switch and numbers do.

    For administrators: the rules are what a parent decides. They are the
    reader's options, so a reader that is not running keeps them too; a minimum
    volume above a maximum is refused as the options form refuses it.
    """
    if (entry := reader_or_send_error(hass, connection, msg)) is None:
        return
    changes: dict[str, Any] = {k: msg[k] for k in RULE_SETTINGS if k in msg}
    options = {**entry.options, **changes}
    if (error := rules_error(options, changes)) is not None:
        # as the options form says it (options.error), on the field the card sent
        connection.send_result(msg["id"], {"errors": dict([error])})
        return
    # One update: the rules apply it at once, and the card gets one new state.
    hass.config_entries.async_update_entry(entry, options=options)
    connection.send_result(msg["id"], {})


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/rules/grant",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
    }
)
@websocket_api.require_admin
@callback
def ws_grant_time(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Add 15 minutes to today's listening time, as the reader's button does.

    For administrators: a child would grant itself the afternoon.
    """
    if (entry := reader_or_send_error(hass, connection, msg)) is None:
        return
    if not is_running_or_send_error(entry, connection, msg):
        return
    rules: HouseRules = entry.runtime_data.jukebox.rules
    rules.async_grant(GRANT_MINUTES)
    connection.send_result(msg["id"], {"minutes_left": rules.minutes_left})
