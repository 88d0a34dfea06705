"""The readers of the home: the config entries of the integration that are readers.

An ignored offer of a new chip is a config entry too (Home Assistant's Ignore
button stores one): it is no reader, has no chips and never runs.
"""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_IGNORE, ConfigEntry
from homeassistant.core import HomeAssistant

from .const import DOMAIN


def is_reader(entry: ConfigEntry) -> bool:
    """Return whether a config entry of the integration is a reader."""
    return entry.domain == DOMAIN and entry.source != SOURCE_IGNORE


def reader_entries(hass: HomeAssistant) -> list[ConfigEntry]:
    """Return every reader of the home, disabled ones included (they keep chips)."""
    return hass.config_entries.async_entries(DOMAIN, include_ignore=False)
