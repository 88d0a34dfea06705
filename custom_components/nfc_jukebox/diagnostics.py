"""Diagnostics: the reader's connection, firmware, state and settings."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant

from .models import NfcJukeboxConfigEntry


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: NfcJukeboxConfigEntry
) -> dict[str, Any]:
    """Return what helps to debug a reader; tags are identified by UID only."""
    reader = entry.runtime_data.reader
    firmware = reader.firmware
    return {
        "entry": {
            "title": entry.title,
            "data": dict(entry.data),
            "options": dict(entry.options),
            "subentries": [
                {"type": subentry.subentry_type, "title": subentry.title}
                for subentry in entry.subentries.values()
            ],
        },
        "reader": {
            "port": reader.description,
            "available": reader.available,
            "last_error": reader.last_error,
            "firmware": (
                {"ic": firmware.chip, "version": firmware.firmware}
                if firmware
                else None
            ),
            "present_tag": reader.present.as_dict() if reader.present else None,
            "settings": {
                "strategy": reader.settings.strategy.value,
                "presence_interval": reader.settings.presence_interval,
                "lift_timeout": reader.settings.lift_timeout,
            },
            "simulated": reader.emulator is not None,
        },
    }
