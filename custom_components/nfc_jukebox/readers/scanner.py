"""A reader Home Assistant already knows: a device whose scans arrive as tag_scanned."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.tag import EVENT_TAG_SCANNED
from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr

from ..chips.model import is_valid_uid, normalise_uid
from ..const import (
    DOMAIN,
    EVENT_ESPHOME_TAG_REMOVED,
    EVENT_SCANNER_TAG_REMOVED,
    EVENT_TAGREADER_TAG_REMOVED,
    LOGGER,
)
from ..pn532 import TagInfo, TagType, Target
from .scans import ScanningReader

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


class ScannerReader(ScanningReader):
    """A device that reports scanned chips: ESPHome, a TagReader, the companion app.

    A device that reports lifting a chip (EVENT_*_TAG_REMOVED: the README's ESPHome
    example, a TagReader, any other device) lifts it so; on any other device a
    second scan does (ScanningReader).
    """

    def __init__(
        self, hass: HomeAssistant, *, entry_id: str, name: str, device_id: str
    ) -> None:
        """Prepare the reader of the device ``device_id``; nothing is followed yet."""
        super().__init__(hass, entry_id=entry_id, name=name)
        self.device_id = device_id

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
        self._scanned(tag)

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
