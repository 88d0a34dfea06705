"""Types shared across the integration."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry

from .reader import Reader

type NfcJukeboxConfigEntry = ConfigEntry[Reader]
