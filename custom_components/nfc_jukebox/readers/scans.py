"""Readers that report scans, not chips lying on them: a phone, a scanner, a USB reader."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback

from ..chips.model import ControlChip
from ..chips.registry import find_chip
from ..const import LOGGER
from ..pn532 import TagEvent, TagInfo
from .base import ReaderListeners


class ScanningReader(ReaderListeners):
    """A reader that only tells that a chip was scanned.

    A scan places the chip. Unless the reader reports lifting it
    (``reports_removal``), scanning the chip that lies on the reader lifts it,
    and scanning it once more puts it back; a control chip acts on each scan and
    lifts nothing. Scanning another chip swaps them.
    """

    def __init__(self, hass: HomeAssistant, *, entry_id: str, name: str) -> None:
        """Prepare the reader of the entry ``entry_id``, with no chip on it."""
        super().__init__()
        self.hass = hass
        self.entry_id = entry_id
        self.name = name
        self.present: TagInfo | None = None
        #: whether the reader has said a chip left it: then a scan never lifts one
        self.reports_removal = False

    @callback
    def _scanned(self, tag: TagInfo) -> None:
        present = self.present
        if not self.reports_removal and self._is_control_chip(tag.uid):
            # Nothing tells the chip was taken away: a control chip acts on each
            # scan, and leaves the music chip where it is.
            LOGGER.debug("%s: control chip %s scanned", self.name, tag.uid)
            for kind in ("arrived", "placed", "removed"):
                self._notify_tag(TagEvent(kind=kind, tag=tag, seen_at=self._now()))
            return
        if present is not None and present.uid == tag.uid:
            if not self.reports_removal:
                self._lift(present)  # scanned again: lifted, as a toggle
            return
        if present is not None:
            self._lift(present)
        self._place(tag)

    def _is_control_chip(self, uid: str) -> bool:
        entry = self.hass.config_entries.async_get_entry(self.entry_id)
        return entry is not None and isinstance(
            find_chip(self.hass, uid, prefer=entry), ControlChip
        )

    @callback
    def _place(self, tag: TagInfo) -> None:
        LOGGER.debug("%s: chip %s scanned", self.name, tag.uid)
        self.present = tag
        # Nothing more is read from the chip: "placed" follows at once.
        self._notify_tag(TagEvent(kind="arrived", tag=tag, seen_at=self._now()))
        self._notify_tag(TagEvent(kind="placed", tag=tag, seen_at=self._now()))

    @callback
    def _lift(self, tag: TagInfo) -> None:
        LOGGER.debug("%s: chip %s lifted", self.name, tag.uid)
        self.present = None
        self._notify_tag(TagEvent(kind="removed", tag=tag, seen_at=self._now()))

    def _now(self) -> float:
        return self.hass.loop.time()
