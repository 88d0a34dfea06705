"""The runtime that owns one reader: waits for tags, notices removal, reconnects."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from homeassistant.const import CONF_PORT, CONF_URL
from homeassistant.core import HomeAssistant, callback

from ..const import (
    CONF_ADDRESS,
    CONF_BAUDRATE,
    CONF_BUS,
    CONF_CHIP,
    CONF_CONNECTION,
    CONF_INPUT_DEVICE,
    CONF_SCANNER_DEVICE,
    CONF_SPEED_HZ,
    CONF_SPI_DEVICE,
    LOGGER,
    RECONNECT_BACKOFF,
    REPAIR_AFTER_FAILED_ATTEMPTS,
    Connection,
    SimulatedChip,
)
from ..notices import (
    async_create_reader_unreachable_issue,
    async_delete_reader_unreachable_issue,
)
from ..pn532 import Connection as ConnectionSpec
from ..pn532 import (
    I2cConnection,
    InvalidConnection,
    NetworkConnection,
    NoTagPresent,
    Pn532,
    Pn532Error,
    SerialConnection,
    SpiConnection,
    TagEvent,
    TagInfo,
    TagWatcher,
    WatchSettings,
    read_tag,
    write_ndef,
)
from .base import ReaderListeners, async_report_scan
from .keyboard import KeyboardReader
from .rc522 import rc522_chip, rc522_connection
from .scanner import ScannerReader
from .simulated import emulated_chip, new_emulator

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from ..pn532.emulator import Pn532Emulator
    from ..rc522.emulator import Mfrc522Emulator
    from .base import ChipIdentity, ReaderChip


def reconnect_delays() -> Iterator[float]:
    """Return the pauses before each attempt to reach a lost reader.

    They grow, but stay short: opening a port or a socket is cheap, and a reader
    that comes back after however long an outage is tried again within seconds.
    """
    yield from RECONNECT_BACKOFF
    yield from itertools.repeat(RECONNECT_BACKOFF[-1])


class Reader(ReaderListeners):
    """One reader with a chip the library drives (PN532, RC522) as Home Assistant sees it."""

    def __init__(
        self,
        hass: HomeAssistant,
        *,
        entry_id: str,
        name: str,
        description: str,
        open_device: Callable[[], ReaderChip],
        emulator: Pn532Emulator | Mfrc522Emulator | None = None,
        settings: WatchSettings | None = None,
    ) -> None:
        """Prepare the reader; nothing is opened yet."""
        super().__init__()
        self.hass = hass
        self.entry_id = entry_id
        self.name = name
        #: Where the reader is, for people: "/dev/ttyAMA0", "I2C bus 1, address 0x24"
        self.description = description
        self.emulator = emulator
        self.device: ReaderChip | None = None
        self.firmware: ChipIdentity | None = None
        self.present: TagInfo | None = None
        self.last_error: str | None = None
        self._open_device = open_device
        self._settings = settings or WatchSettings()
        self._watcher: TagWatcher | None = None
        self._restart: asyncio.Timeout | None = None
        self._settings_changed = False

    @property
    def settings(self) -> WatchSettings:
        """Return how the reader watches for tags."""
        return self._settings

    @settings.setter
    def settings(self, settings: WatchSettings) -> None:
        """Watch with ``settings`` from now on (a pending wait is cut short)."""
        self._settings = settings
        if self._watcher is not None:
            self._watcher.settings = settings
        if self._restart is not None:
            self._settings_changed = True
            self._restart.reschedule(asyncio.get_running_loop().time())

    async def async_connect(self) -> ChipIdentity:
        """Open the reader and check its chip; raise Pn532Error if it is not one."""
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
        present, device = self.present, self.device
        if present is None or device is None:
            msg = "no tag on the reader"
            raise NoTagPresent(msg)
        await write_ndef(device, present.target, message)
        self.present = await read_tag(device, present.target)
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
        # The watcher outlives connections: a tag that stayed in place during an
        # outage is not placed again.
        if self._watcher is None:
            self._watcher = TagWatcher(self.device, self._settings)
        watcher = self._watcher
        watcher.device = self.device
        try:
            async with asyncio.timeout(None) as self._restart:
                async for event in watcher.events():
                    self._tag_event(event)
        except TimeoutError:
            if not self._settings_changed:
                raise
            self._settings_changed = False  # run() watches again, with them
        finally:
            self._restart = None

    async def _lost(self, err: Pn532Error) -> None:
        if self.available:
            LOGGER.info("Lost connection to NFC reader %s: %s", self.name, err)
        self.last_error = str(err)
        self._set_available(available=False)
        await self.async_close()

    async def _reconnect(self) -> None:
        attempt = 0
        for delay in reconnect_delays():
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
            port=self.description,
            error=self.last_error or "",
        )

    @callback
    def _tag_event(self, event: TagEvent) -> None:
        tag = event.tag
        LOGGER.debug("%s: tag %s %s (%s)", self.name, tag.uid, event.kind, tag.type)
        self.present = None if event.kind == "removed" else tag
        if event.kind == "placed":
            self.hass.async_create_task(self._scan_tag(tag.uid), eager_start=True)
        self._notify_tag(event)

    async def _scan_tag(self, uid: str) -> None:
        await async_report_scan(self.hass, self.entry_id, uid)


def connection_from_entry_data(data: Mapping[str, Any]) -> ConnectionSpec:
    """Return the connection to the PN532 a reader's config entry data describes.

    Raise InvalidConnection for a malformed network URL.
    """
    match data[CONF_CONNECTION]:
        case Connection.I2C:
            return I2cConnection(data[CONF_BUS], data[CONF_ADDRESS])
        case Connection.SPI:
            return SpiConnection(
                data[CONF_BUS], data[CONF_SPI_DEVICE], data[CONF_SPEED_HZ]
            )
        case Connection.NETWORK:
            return NetworkConnection(data[CONF_URL])
        case _:
            return SerialConnection(data[CONF_PORT], data[CONF_BAUDRATE])


def chip_from_entry_data(
    data: Mapping[str, Any],
    *,
    emulator: Pn532Emulator | Mfrc522Emulator | None = None,
) -> ReaderChip:
    """Return a (closed) driver for the chip a reader's config entry data describes.

    Raise InvalidConnection for a malformed network URL.
    """
    match data[CONF_CONNECTION]:
        case Connection.RC522:
            return rc522_chip(data)
        case Connection.SIMULATED:
            assert emulator is not None  # noqa: S101 - created with the entry
            return emulated_chip(emulator)
    return Pn532(connection_from_entry_data(data).transport())


def describe_entry_data(data: Mapping[str, Any]) -> str:
    """Return where the reader of a config entry is, for people."""
    match data[CONF_CONNECTION]:
        case Connection.RC522:
            return rc522_connection(data).description
        case Connection.SIMULATED:
            return "emulator"
    try:
        return connection_from_entry_data(data).description
    except InvalidConnection:
        # An entry from before URLs were checked; connecting says what is wrong.
        return str(data[CONF_URL])


def reader_from_entry(
    hass: HomeAssistant, entry: ConfigEntry, *, settings: WatchSettings | None = None
) -> Reader | ScannerReader | KeyboardReader:
    """Build the runtime of a reader's config entry (``settings``: how it watches)."""
    if entry.data[CONF_CONNECTION] == Connection.KEYBOARD:
        return KeyboardReader(
            hass,
            entry_id=entry.entry_id,
            name=entry.title,
            path=entry.data[CONF_INPUT_DEVICE],
            reconnect_delays=reconnect_delays,
        )
    if entry.data[CONF_CONNECTION] == Connection.SCANNER:
        return ScannerReader(
            hass,
            entry_id=entry.entry_id,
            name=entry.title,
            device_id=entry.data[CONF_SCANNER_DEVICE],
        )
    data = entry.data
    emulator = (
        new_emulator(data.get(CONF_CHIP, SimulatedChip.PN532))
        if data[CONF_CONNECTION] == Connection.SIMULATED
        else None
    )

    def open_device() -> ReaderChip:
        return chip_from_entry_data(data, emulator=emulator)

    return Reader(
        hass,
        entry_id=entry.entry_id,
        name=entry.title,
        description=describe_entry_data(data),
        open_device=open_device,
        emulator=emulator,
        settings=settings,
    )
