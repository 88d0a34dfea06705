"""Types shared across the integration."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .playback import Jukebox
from .reader import Reader


@dataclass(kw_only=True, slots=True)
class NfcJukeboxData:
    """What a loaded reader entry holds: the reader and what its chips do."""

    reader: Reader
    jukebox: Jukebox


type NfcJukeboxConfigEntry = ConfigEntry[NfcJukeboxData]
