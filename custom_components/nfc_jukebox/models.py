"""Types shared across the integration."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .coordinator import JukeboxCoordinator
from .playback import Jukebox
from .readers.base import ReaderRuntime


@dataclass(kw_only=True, slots=True)
class NfcJukeboxData:
    """What a loaded reader entry holds: the reader, what its chips do, its snapshot."""

    reader: ReaderRuntime
    jukebox: Jukebox
    coordinator: JukeboxCoordinator


type NfcJukeboxConfigEntry = ConfigEntry[NfcJukeboxData]
