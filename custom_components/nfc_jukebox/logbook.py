"""Describe NFC Jukebox events for the logbook: a sleep timer that ran out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from homeassistant.components.logbook import (
    LOGBOOK_ENTRY_MESSAGE,
    LOGBOOK_ENTRY_NAME,
)
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_SLEEP_TIMER_ENDED


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[
        [str, str, Callable[[Event[Mapping[str, Any]]], dict[str, str]]], None
    ],
) -> None:
    """Describe the end of a sleep timer as "<reader> sleep timer ended"."""

    @callback
    def async_describe_sleep_timer_ended(
        event: Event[Mapping[str, Any]],
    ) -> dict[str, str]:
        entry = hass.config_entries.async_get_entry(event.data["entry_id"])
        return {
            LOGBOOK_ENTRY_NAME: entry.title if entry else "NFC Jukebox",
            LOGBOOK_ENTRY_MESSAGE: "sleep timer ended, the music paused",
        }

    async_describe_event(
        DOMAIN, EVENT_SLEEP_TIMER_ENDED, async_describe_sleep_timer_ended
    )
