"""A reader Home Assistant already knows: a device whose scans arrive as tag_scanned."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.tag import EVENT_TAG_SCANNED
from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr

from ..chips.model import ControlChip, is_valid_uid, normalise_uid
from ..chips.registry import find_chip
from ..const import (
    DOMAIN,
    EVENT_ESPHOME_TAG_REMOVED,
    EVENT_SCANNER_TAG_REMOVED,
    EVENT_TAGREADER_TAG_REMOVED,
    LOGGER,
)
from ..pn532 import TagEvent, TagInfo, TagType, Target
from .base import ReaderListeners

if TYPE_CHECKING:
    from .base import ChipIdentity, VirtualField

#: the tag id in tag_scanned events and in our removal events
ATTR_TAG_ID: Final = "tag_id"


def tag_from_id(tag_id: object) -> TagInfo | None:
    """Return the chip a scanned tag id names, or None if it names no chip.

    ESPHome reports UIDs as "04-A1-B2-…"; the companion app the tag id written on
    the chip, which is the chip's UID when it was written from Settings → Tags. A
    random id (a tag the app wrote for itself) is no UID, so it can be no chip.
    Scanners do not say what kind of tag they read: its type is unknown.
    """
    if not isinstance(tag_id, str):
        return None
    uid = normalise_uid(tag_id)
    if not is_valid_uid(uid):
        return None
    target = Target(number=1, atqa=b"", sak=0, uid=bytes.fromhex(uid))
    return TagInfo(target=target, type=TagType.UNKNOWN)


class ScannerReader(ReaderListeners):
    """A device that reports scanned chips: ESPHome, a TagReader, the companion app.

    A scan places the chip. A device that reports lifting it (EVENT_*_TAG_REMOVED:
    the README's ESPHome example, a TagReader, any other device) lifts it so; on any
    other device scanning the chip that lies on the reader lifts it, and scanning it
    once more puts it back; a control chip acts on each scan and lifts nothing.
    Scanning another chip swaps them.
    """

    def __init__(
        self, hass: HomeAssistant, *, entry_id: str, name: str, device_id: str
    ) -> None:
        """Prepare the reader of the device ``device_id``; nothing is followed yet."""
        super().__init__()
        self.hass = hass
        self.entry_id = entry_id
        self.name = name
        self.device_id = device_id
        self.present: TagInfo | None = None
        #: whether the device has said a chip left it: then a scan never lifts one
        self.reports_removal = False

    @property
    def device(self) -> dr.DeviceEntry | None:
        """Return the scanner's device, if Home Assistant still knows it."""
        device = dr.async_get(self.hass).async_get(self.device_id)
        # A child device (a part of another device) scans nothing of its own.
        return device if isinstance(device, dr.DeviceEntry) else None

    @property
    def description(self) -> str:
        """Return the scanner's device, as Home Assistant names it."""
        device = self.device
        if device is None:
            return self.device_id
        return device.name_by_user or device.name or self.device_id

    @property
    def emulator(self) -> VirtualField | None:
        """Return None: a scanner is never simulated."""
        return None

    @property
    def firmware(self) -> ChipIdentity | None:
        """Return None: a scanner tells no PN532 firmware."""
        return None

    @property
    def last_error(self) -> str | None:
        """Return None: Home Assistant connects to the scanner, not we."""
        return None

    async def async_write_ndef(self, message: bytes) -> TagInfo:
        """Refuse: a scanner only reports the chips it reads."""
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="scanner_cannot_write",
            translation_placeholders={"name": self.name},
        )

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the device's scans; return what stops following them."""
        bus = self.hass.bus
        unsubscribe = [
            bus.async_listen(
                EVENT_TAG_SCANNED, self._tag_scanned, event_filter=self._from_device
            ),
            bus.async_listen(
                EVENT_ESPHOME_TAG_REMOVED,
                self._tag_removed,
                event_filter=self._from_device,
            ),
            bus.async_listen(
                EVENT_SCANNER_TAG_REMOVED,
                self._tag_removed,
                event_filter=self._from_device,
            ),
            bus.async_listen(
                EVENT_TAGREADER_TAG_REMOVED,
                self._tag_removed,
                event_filter=self._from_device,
            ),
            bus.async_listen(
                dr.EVENT_DEVICE_REGISTRY_UPDATED,
                self._device_updated,
                event_filter=self._from_device,
            ),
        ]
        self._set_available(available=self.device is not None)

        @callback
        def stop() -> None:
            for unsub in unsubscribe:
                unsub()

        return stop

    @callback
    def _from_device(self, data: Mapping[str, Any]) -> bool:
        return data.get(ATTR_DEVICE_ID) == self.device_id

    @callback
    def _tag_scanned(self, event: Event[Mapping[str, Any]]) -> None:
        tag = tag_from_id(event.data.get(ATTR_TAG_ID))
        if tag is None:
            LOGGER.debug(
                "%s: %r is no chip UID", self.name, event.data.get(ATTR_TAG_ID)
            )
            return
        present = self.present
        if not self.reports_removal and self._is_control_chip(tag.uid):
            # Nothing tells a phone's chip was taken away: a control chip acts on
            # each scan, and leaves the music chip where it is.
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
    def _tag_removed(self, event: Event[Mapping[str, Any]]) -> None:
        self.reports_removal = True
        present = self.present
        if present is None:
            return
        tag_id = event.data.get(ATTR_TAG_ID)
        tag = tag_from_id(tag_id)
        # Without a tag id the chip on the reader left; with another one, a chip
        # that is long gone (its removal arrived late).
        if tag_id is None or (tag is not None and tag.uid == present.uid):
            self._lift(present)

    @callback
    def _device_updated(self, event: Event[dr.EventDeviceRegistryUpdatedData]) -> None:
        if event.data["action"] == "remove":
            if self.present is not None:
                self._lift(self.present)
            self._set_available(available=False)

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
