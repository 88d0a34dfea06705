"""Types shared across the integration."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .playback import Jukebox
from .reader import ReaderRuntime


@dataclass(kw_only=True, slots=True)
class NfcJukeboxData:
    """What a loaded reader entry holds: the reader and what its chips do."""

    reader: ReaderRuntime
    jukebox: Jukebox


type NfcJukeboxConfigEntry = ConfigEntry[NfcJukeboxData]
