"""pn532pi 1.7, an independent PN532 client, reads tags from the emulator.

Its UART client talks to the emulator CLI over a pty; its I2C and SPI clients talk to
an in-process emulator through the fake buses. pn532pi blocks, so it runs in a thread.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import time
import types
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import ndef
import pytest
import serial
from pn532pi.interfaces import pn532hsu, pn532i2c
from pn532pi.interfaces.pn532Interface import Pn532Interface
from pn532pi.nfc.pn532 import Pn532

from custom_components.nfc_jukebox.pn532.emulator import (
    FakeI2cBus,
    FakeSpiLink,
    Pn532Emulator,
    parse_tag_spec,
)

from .pn532pi_adapters import FakeI2CMaster, FakeSpiDev, spidev_module
from .support import EmulatorCli, emulator_cli

TAG_SPEC = "ntag215:04A1B2C3D4E5F6:uri=https://example.com"
UID = bytes.fromhex("04A1B2C3D4E5F6")
ISO14443A = 0x00
# The NDEF TLV (03, length 16) around the URI record, as PN532.md shows it.
NDEF_TLV = bytes.fromhex("0310 D1010C55046578616D706C652E636F6D FE")
_real_sleep = time.sleep


def _short_sleep(seconds: float) -> None:
    _real_sleep(min(seconds, 0.001))


# pn532pi sleeps a whole second in its I2C begin(); polling sleeps stay at 1 ms.
FAST_TIME = types.SimpleNamespace(sleep=_short_sleep, time=time.time)


@dataclass
class Reading:
    """What pn532pi made of the reader and the tag."""

    firmware: int
    found: bool
    uid: bytes
    pages: bytes


def read_with_pn532pi(interface: Pn532Interface) -> Reading:
    """Run pn532pi's usual sequence: begin, firmware, SAM, detect, read pages 3-11."""
    nfc = Pn532(interface)
    nfc.begin()
    firmware = nfc.getFirmwareVersion()
    assert nfc.SAMConfig()
    found, uid = nfc.readPassiveTargetID(ISO14443A)
    pages = b""
    for page in range(3, 12):
        ok, data = nfc.mifareultralight_ReadPage(page)
        assert ok
        pages += bytes(data)
    return Reading(firmware, found, bytes(uid), pages)


def assert_reads_the_ntag(reading: Reading) -> None:
    assert reading.firmware == 0x32010607
    assert reading.found
    assert reading.uid == UID
    assert reading.pages[:4] == bytes.fromhex("E1103E00")  # NTAG215 CC
    assert reading.pages[4 : 4 + len(NDEF_TLV)] == NDEF_TLV
    message = reading.pages[6 : 6 + NDEF_TLV[1]]
    assert list(ndef.message_decoder(message)) == [
        ndef.UriRecord("https://example.com")
    ]


# --- UART, against the CLI over a pty -----------------------------------------------


class PtyHsu(pn532hsu.Pn532Hsu):  # type: ignore[misc]
    """pn532pi's UART client, opening a pty path instead of ``/dev/serialN``."""

    def __init__(self, path: Path) -> None:
        """Prepare the port as the original does (created, then closed until begin)."""
        self._serial = serial.Serial(str(path), baudrate=115200, timeout=1)
        self._serial.close()
        self.command = 0

    def end(self) -> None:
        """Close the port."""
        self._serial.close()


@pytest.fixture
async def cli(tmp_path: Path) -> AsyncIterator[EmulatorCli]:
    async with emulator_cli(tmp_path / "pn532", TAG_SPEC) as cli:
        yield cli


@pytest.fixture
def patient_hsu(monkeypatch: pytest.MonkeyPatch) -> None:
    # pn532pi gives the ACK 10 ms; a busy test machine may need longer.
    monkeypatch.setattr(pn532hsu, "PN532_ACK_WAIT_TIME", 1000)


@pytest.mark.usefixtures("patient_hsu")
async def test_pn532pi_uart_reads_the_ntag_through_the_cli(cli: EmulatorCli) -> None:
    interface = PtyHsu(cli.link)
    try:
        reading = await asyncio.to_thread(read_with_pn532pi, interface)
    finally:
        interface.end()
    assert_reads_the_ntag(reading)


def _detect_once(interface: PtyHsu) -> tuple[bool, bytes]:
    nfc = Pn532(interface)
    nfc.begin()
    assert nfc.setPassiveActivationRetries(0x00)
    found, uid = nfc.readPassiveTargetID(ISO14443A)
    interface.end()
    return found, bytes(uid)


@pytest.mark.usefixtures("patient_hsu")
async def test_the_cli_places_removes_unplugs_and_replugs(cli: EmulatorCli) -> None:
    assert await cli.command("remove") == "OK"
    assert await asyncio.to_thread(_detect_once, PtyHsu(cli.link)) == (False, b"")
    assert await cli.command("place classic1k:DEADBEEF") == "OK"
    found = await asyncio.to_thread(_detect_once, PtyHsu(cli.link))
    assert found == (True, bytes.fromhex("DEADBEEF"))
    assert await cli.command("place nonsense") == (
        "ERR unknown tag type 'nonsense'; use one of "
        "ntag213, ntag215, ntag216, ultralight, classic1k, phone"
    )
    assert await cli.command("fly") == "ERR unknown command 'fly'"

    assert await cli.command("unplug") == "OK"
    assert not cli.link.exists()
    assert await cli.command("replug") == "OK"
    assert cli.link.resolve().exists()  # a new pty (the kernel may reuse the number)
    found = await asyncio.to_thread(_detect_once, PtyHsu(cli.link))
    assert found == (True, bytes.fromhex("DEADBEEF"))

    assert await cli.command("quit") == "OK"
    async with asyncio.timeout(10):
        assert await cli.process.wait() == 0
    assert not cli.link.is_symlink()


async def test_the_cli_stops_at_the_end_of_its_input(cli: EmulatorCli) -> None:
    assert cli.process.stdin is not None
    cli.process.stdin.close()
    async with asyncio.timeout(10):
        assert await cli.process.wait() == 0
    assert not cli.link.is_symlink()


# --- I2C and SPI, in process --------------------------------------------------------


@pytest.fixture
async def emulator() -> AsyncIterator[Pn532Emulator]:
    emulator = Pn532Emulator()
    emulator.place(parse_tag_spec(TAG_SPEC))
    yield emulator
    await emulator.aclose()


async def test_pn532pi_i2c_reads_the_ntag(
    emulator: Pn532Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    bus = FakeI2cBus(emulator)
    master: Callable[[int], FakeI2CMaster] = lambda _bus: FakeI2CMaster(bus)  # noqa: E731
    monkeypatch.setattr(pn532i2c, "I2CMaster", master)
    monkeypatch.setattr(pn532i2c, "time", FAST_TIME)
    monkeypatch.setattr(pn532i2c, "PN532_ACK_WAIT_TIME", 1000)
    reading = await asyncio.to_thread(read_with_pn532pi, pn532i2c.Pn532I2c(1))
    assert_reads_the_ntag(reading)


async def test_pn532pi_spi_reads_the_ntag(
    emulator: Pn532Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "spidev", spidev_module())
    pn532spi = importlib.import_module("pn532pi.interfaces.pn532spi")
    link = FakeSpiLink(emulator)
    monkeypatch.setattr(pn532spi, "SpiDev", lambda: FakeSpiDev(link))
    monkeypatch.setattr(pn532spi, "time", FAST_TIME)
    monkeypatch.setattr(pn532spi, "PN532_ACK_WAIT_TIME", 1000)
    interface = pn532spi.Pn532Spi(pn532spi.Pn532Spi.SS0_GPIO8)
    reading = await asyncio.to_thread(read_with_pn532pi, interface)
    assert_reads_the_ntag(reading)
