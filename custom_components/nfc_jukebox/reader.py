"""The runtime that owns one reader: waits for tags, notices removal, reconnects."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from homeassistant.components import tag
from homeassistant.const import CONF_PORT, CONF_URL
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import (
    CONF_ADDRESS,
    CONF_BAUDRATE,
    CONF_BUS,
    CONF_CONNECTION,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    DOMAIN,
    LOGGER,
    RECONNECT_BACKOFF,
    REPAIR_AFTER_FAILED_ATTEMPTS,
    Connection,
)
from .pn532 import (
    FirmwareVersion,
    NoTagPresent,
    Pn532,
    Pn532Error,
    TagInfo,
    TagWatcher,
    Transport,
    WatchSettings,
    read_tag,
    write_ndef,
)
from .pn532.emulator import EmulatorTransport, Pn532Emulator
from .pn532.i2c import i2c_transport
from .pn532.spi import spi_transport
from .pn532.uart import UartTransport
from .repairs import (
    async_create_reader_unreachable_issue,
    async_delete_reader_unreachable_issue,
)

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry


@dataclass(frozen=True, kw_only=True, slots=True)
class TagChange:
    """A tag was placed on or lifted from the reader."""

    kind: Literal["placed", "removed"]
    tag: TagInfo
    #: time.monotonic() when the reader saw the change
    seen_at: float


type ReaderListener = Callable[[TagChange | None], None]
"""Called with a tag change, or with None when availability changed."""


class Reader:
    """One PN532 reader as Home Assistant sees it."""

    def __init__(
        self,
        hass: HomeAssistant,
        *,
        entry_id: str,
        name: str,
        unique_id: str,
        port: str,
        open_device: Callable[[], Pn532],
        emulator: Pn532Emulator | None = None,
        settings: WatchSettings | None = None,
    ) -> None:
        """Prepare the reader; nothing is opened yet."""
        self.hass = hass
        self.entry_id = entry_id
        self.name = name
        self.unique_id = unique_id
        self.port = port
        self.emulator = emulator
        self.settings = settings or WatchSettings()
        self.device: Pn532 | None = None
        self.firmware: FirmwareVersion | None = None
        self.available = False
        self.present: TagInfo | None = None
        self.last_error: str | None = None
        self._open_device = open_device
        self._listeners: list[ReaderListener] = []

    @callback
    def async_add_listener(self, listener: ReaderListener) -> Callable[[], None]:
        """Call ``listener`` on every tag change and availability change."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    async def async_connect(self) -> FirmwareVersion:
        """Open the reader and check it is a PN532; raise Pn532Error if not."""
        device = self._open_device()
        self.firmware = await device.open()
        self.device = device
        self._set_available(available=True)
        return self.firmware

    async def async_write_ndef(self, message: bytes) -> TagInfo:
        """Write an NDEF message to the tag on the reader and read it back.

        Raise NoTagPresent when there is no tag, TagNotWritable when it cannot take
        the message, and other Pn532Errors when the reader fails.
        """
        tag, device = self.present, self.device
        if tag is None or device is None:
            msg = "no tag on the reader"
            raise NoTagPresent(msg)
        await write_ndef(device, tag.target, message)
        self.present = await read_tag(device, tag.target)
        return self.present

    async def async_close(self) -> None:
        """Close the reader."""
        device, self.device = self.device, None
        if device is not None:
            await device.close()

    async def async_run(self) -> None:
        """Watch for tags until cancelled, reconnecting whenever the reader is lost."""
        try:
            while True:
                if self.device is None:
                    await self._reconnect()
                try:
                    await self._watch()
                except Pn532Error as err:
                    await self._lost(err)
                except Exception as err:  # noqa: BLE001 - a bug must not end the reader
                    LOGGER.exception("Unexpected error on NFC reader %s", self.name)
                    await self._lost(Pn532Error(repr(err)))
        finally:
            await self.async_close()
            if self.emulator is not None:
                await self.emulator.aclose()

    async def _watch(self) -> None:
        assert self.device is not None  # noqa: S101 - run() reconnects first
        watcher = TagWatcher(self.device, self.settings)
        # After a reconnect a tag that stayed in place is not placed again.
        watcher.present = self.present
        async for event in watcher.events():
            self._changed(
                TagChange(kind=event.kind, tag=event.tag, seen_at=event.seen_at)
            )

    async def _lost(self, err: Pn532Error) -> None:
        if self.available:
            LOGGER.info("Lost connection to NFC reader %s: %s", self.name, err)
        self.last_error = str(err)
        self._set_available(available=False)
        await self.async_close()

    async def _reconnect(self) -> None:
        attempt = 0
        while True:
            delay = RECONNECT_BACKOFF[min(attempt, len(RECONNECT_BACKOFF) - 1)]
            await asyncio.sleep(delay)
            attempt += 1
            try:
                await self.async_connect()
            except Pn532Error as err:
                self.last_error = str(err)
                if attempt == REPAIR_AFTER_FAILED_ATTEMPTS:
                    self._raise_unreachable_issue()
                continue
            LOGGER.info("NFC reader %s is back", self.name)
            async_delete_reader_unreachable_issue(self.hass, self.entry_id)
            return

    def _raise_unreachable_issue(self) -> None:
        async_create_reader_unreachable_issue(
            self.hass,
            self.entry_id,
            name=self.name,
            port=self.port,
            error=self.last_error or "",
        )

    @callback
    def _changed(self, change: TagChange) -> None:
        LOGGER.debug(
            "%s: tag %s %s (%s)",
            self.name,
            change.tag.uid,
            change.kind,
            change.tag.type,
        )
        self.present = change.tag if change.kind == "placed" else None
        if change.kind == "placed":
            self.hass.async_create_task(
                self._scan_tag(change.tag.uid), eager_start=True
            )
        for listener in list(self._listeners):
            listener(change)

    @callback
    def _set_available(self, *, available: bool) -> None:
        self.available = available
        for listener in list(self._listeners):
            listener(None)

    async def _scan_tag(self, uid: str) -> None:
        """Report the tag to Settings → Tags, so "Tag is scanned" automations run."""
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, self.entry_id), self.entry_id
        )
        await tag.async_scan_tag(self.hass, uid, device.id if device else None)


def transport_for(data: Mapping[str, Any], emulator: Pn532Emulator | None) -> Transport:
    """Return the transport a reader's config entry data describes."""
    match data[CONF_CONNECTION]:
        case Connection.I2C:
            return i2c_transport(data[CONF_BUS], data[CONF_ADDRESS])
        case Connection.SPI:
            return spi_transport(
                data[CONF_BUS], data[CONF_SPI_DEVICE], data[CONF_SPEED_HZ]
            )
        case Connection.SIMULATED:
            assert emulator is not None  # noqa: S101 - created with the entry
            return EmulatorTransport(emulator)
        case Connection.NETWORK:
            return UartTransport(data[CONF_URL])
        case _:
            return UartTransport(data[CONF_PORT], data[CONF_BAUDRATE])


def reader_from_entry(hass: HomeAssistant, entry: ConfigEntry) -> Reader:
    """Build the runtime of a reader's config entry."""
    emulator = (
        Pn532Emulator() if entry.data[CONF_CONNECTION] == Connection.SIMULATED else None
    )
    port = transport_for(entry.data, emulator).description
    return Reader(
        hass,
        entry_id=entry.entry_id,
        name=entry.title,
        unique_id=entry.unique_id or entry.entry_id,
        port=port,
        open_device=lambda: Pn532(transport_for(entry.data, emulator)),
        emulator=emulator,
    )
