"""What every kind of reader is to the rest: its listeners and its runtime protocol."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from homeassistant.components.tag import async_scan_tag
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from ..chips.registry import async_name_tag, find_chip
from ..const import DOMAIN
from ..listeners import Listeners
from ..pn532 import TagEvent, TagInfo
from ..pn532.tags import TagDevice

if TYPE_CHECKING:
    from ..pn532.emulator import VirtualTag

type TagListener = Callable[[TagEvent], None]
"""Called with every tag event: arrived, placed, removed."""
type AvailabilityListener = Callable[[], None]
"""Called when the reader becomes available or unavailable."""


class ChipIdentity(Protocol):
    """What a reader chip tells of itself: a PN532's firmware, an MFRC522's version."""

    @property
    def chip(self) -> str:
        """Return the chip's name: "PN532", "MFRC522"."""
        ...

    @property
    def firmware(self) -> str:
        """Return its firmware or version: "1.6", "2.0"."""
        ...


class ReaderChip(TagDevice, Protocol):
    """A reader chip the library drives: a Pn532 or an Rc522."""

    async def open(self) -> ChipIdentity:
        """Open the connection and check the chip; raise Pn532Error if not."""
        ...

    async def close(self) -> None:
        """Close the connection."""
        ...


class VirtualField(Protocol):
    """The field of an emulated reader chip, where simulated chips are placed."""

    def place(self, tag: VirtualTag) -> None:
        """Put ``tag`` in the field (replacing any other)."""

    def remove(self) -> None:
        """Take whatever tag is in the field away."""

    async def aclose(self) -> None:
        """Stop the emulator's background work."""


class ReaderListeners:
    """The listeners every kind of reader tells of its chips and of itself."""

    def __init__(self) -> None:
        """Start unavailable, with nobody listening."""
        self.available = False
        self._tag_listeners: Listeners[[TagEvent]] = Listeners()
        self._availability_listeners: Listeners[[]] = Listeners()

    @callback
    def async_add_tag_listener(self, listener: TagListener) -> Callable[[], None]:
        """Call ``listener`` on every tag event; return what removes it."""
        return self._tag_listeners.add(listener)

    @callback
    def async_add_availability_listener(
        self, listener: AvailabilityListener
    ) -> Callable[[], None]:
        """Call ``listener`` when the reader comes and goes; return what removes it."""
        return self._availability_listeners.add(listener)

    @callback
    def _notify_tag(self, event: TagEvent) -> None:
        self._tag_listeners.notify(event)

    @callback
    def _set_available(self, *, available: bool) -> None:
        self.available = available
        self._availability_listeners.notify()


class ReaderRuntime(Protocol):
    """What the jukebox, the entities, the actions and the card use of any reader.

    A PN532 (Reader) and a device Home Assistant already knows (ScannerReader).
    """

    name: str
    available: bool
    present: TagInfo | None

    @property
    def description(self) -> str:
        """Return where the reader is, for people."""

    @property
    def emulator(self) -> VirtualField | None:
        """Return the emulator of a simulated reader."""

    @property
    def firmware(self) -> ChipIdentity | None:
        """Return the reader chip's name and firmware, once known."""

    @property
    def last_error(self) -> str | None:
        """Return why the reader was last lost."""

    def async_add_tag_listener(self, listener: TagListener) -> Callable[[], None]:
        """Call ``listener`` on every tag event; return what removes it."""

    def async_add_availability_listener(
        self, listener: AvailabilityListener
    ) -> Callable[[], None]:
        """Call ``listener`` when the reader comes and goes; return what removes it."""

    async def async_write_ndef(self, message: bytes) -> TagInfo:
        """Write an NDEF message to the chip on the reader and read it back."""


async def async_report_scan(hass: HomeAssistant, entry_id: str, uid: str) -> None:
    """Report a chip the reader ``entry_id`` read to Settings → Tags.

    So "Tag is scanned" automations run; a chip with a meaning is listed there
    under its name.
    """
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, entry_id), entry_id
    )
    if (entry := hass.config_entries.async_get_entry(entry_id)) and (
        chip := find_chip(hass, uid, prefer=entry)
    ):
        await async_name_tag(hass, uid, chip.name)
    await async_scan_tag(hass, uid, device.id if device else None)
