"""The websocket API the dashboard card talks to: live reader state, and the home's chips."""

from __future__ import annotations

from homeassistant.components import websocket_api
from homeassistant.core import HomeAssistant, callback

from .chips import ws_delete_chip, ws_play_chip, ws_reset_chip, ws_save_chip
from .labels import ws_labels, ws_labels_printed
from .recordings import ws_delete_recording
from .remote import ws_press
from .rules import ws_grant_time, ws_set_rules
from .subscribe import ws_subscribe


@callback
def async_setup_websocket_api(hass: HomeAssistant) -> None:
    """Register the card's commands."""
    websocket_api.async_register_command(hass, ws_subscribe)
    websocket_api.async_register_command(hass, ws_save_chip)
    websocket_api.async_register_command(hass, ws_delete_chip)
    websocket_api.async_register_command(hass, ws_reset_chip)
    websocket_api.async_register_command(hass, ws_play_chip)
    websocket_api.async_register_command(hass, ws_set_rules)
    websocket_api.async_register_command(hass, ws_grant_time)
    websocket_api.async_register_command(hass, ws_delete_recording)
    websocket_api.async_register_command(hass, ws_press)
    websocket_api.async_register_command(hass, ws_labels)
    websocket_api.async_register_command(hass, ws_labels_printed)
