"""One push-fed snapshot of a reader: what its entities show, taken when anything changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator

from .chips.registry import find_chip
from .const import LOGGER
from .playback import Jukebox, Progress
from .pn532 import TagEvent, TagInfo
from .readers.base import ReaderRuntime


@dataclass(frozen=True, kw_only=True, slots=True)
class JukeboxSnapshot:
    """A reader, its chip and its jukebox at one moment."""

    available: bool
    present: TagInfo | None
    #: the name of the chip on the reader, if it is a chip of the home
    present_name: str | None
    progress: Progress | None
    sleep_until: datetime | None
    minutes_left: int | None
    quiet_hours: bool
    connection: str


class JukeboxCoordinator(DataUpdateCoordinator[JukeboxSnapshot]):
    """Takes a new snapshot on every change of the reader, its jukebox or its rules.

    Nothing polls (``update_interval`` is None): the reader, the jukebox and the
    house rules tell it when they change, and every entity reads the snapshot.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        *,
        reader: ReaderRuntime,
        jukebox: Jukebox,
    ) -> None:
        """Follow ``reader`` and ``jukebox``; the first snapshot is taken at once."""
        super().__init__(hass, LOGGER, config_entry=entry, name=entry.title)
        self.reader = reader
        self.jukebox = jukebox
        self.data = self._snapshot()

    @callback
    def async_start(self) -> Callable[[], None]:
        """Listen to the reader, the jukebox and the rules; return what stops it."""
        stops = [
            self.reader.async_add_tag_listener(self._tag_event),
            self.reader.async_add_availability_listener(self.async_push),
            self.jukebox.async_add_listener(self.async_push),
            self.jukebox.rules.async_add_listener(self.async_push),
        ]

        @callback
        def stop() -> None:
            for unsubscribe in stops:
                unsubscribe()

        return stop

    @callback
    def async_push(self) -> None:
        """Take a new snapshot and hand it to every entity."""
        self.async_set_updated_data(self._snapshot())

    @callback
    def _tag_event(self, _event: TagEvent) -> None:
        self.async_push()

    def _snapshot(self) -> JukeboxSnapshot:
        reader, jukebox = self.reader, self.jukebox
        present = reader.present
        chip = (
            find_chip(self.hass, present.uid, prefer=self.config_entry)
            if present is not None
            else None
        )
        return JukeboxSnapshot(
            available=reader.available,
            present=present,
            present_name=chip.name if chip else None,
            progress=jukebox.progress,
            sleep_until=jukebox.sleep_until,
            minutes_left=jukebox.rules.minutes_left,
            quiet_hours=jukebox.rules.quiet_hours,
            connection=reader.description,
        )
