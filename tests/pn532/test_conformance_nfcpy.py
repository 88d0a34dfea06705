"""nfcpy 1.0.4, an independent PN532 host stack, opens the emulator and reads tags.

nfcpy runs its own start-up (Diagnose line test, SetParameters, RFConfiguration, a
switch to 921600 baud), reads tags through InCommunicateThru with CRCs it checks
itself, and speaks ISO-DEP to the phone. It finds serial ports only under /dev, so
the tests hand its TTY transport the pty path directly. nfcpy blocks: it runs in a
thread while the emulator lives on the test's event loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import ndef
import nfc
import nfc.clf
import nfc.clf.pn532
import nfc.clf.transport
import nfc.tag
import pytest

from custom_components.nfc_jukebox.pn532.emulator import (
    ClassicTag,
    PhoneTag,
    Pn532Emulator,
    PtyLink,
    ntag,
    ultralight,
)
from custom_components.nfc_jukebox.pn532.ndef import encode_message

from .support import NTAG_UID, commands_sent, wait_until

URI = "https://example.com"
PHONE_UID = bytes.fromhex("08123456")
IN_LIST_PASSIVE_TARGET = 0x4A


@dataclass
class Reading:
    """What nfcpy made of a target: the sensed target, the tag, its NDEF records."""

    target: Any
    tag: Any
    records: list[Any] | None


class Nfcpy:
    """nfcpy's ContactlessFrontend on the emulator's pty, called from a thread."""

    def __init__(self, path: str) -> None:
        """Remember the pty; :meth:`open` starts nfcpy's driver on it."""
        self.path = path
        self.clf: Any = nfc.ContactlessFrontend()

    def open(self) -> None:
        """Run nfcpy's PN532 start-up, as ``ContactlessFrontend("tty:…:pn532")`` does."""
        device = nfc.clf.pn532.init(nfc.clf.transport.TTY(self.path))
        device._path = self.path  # what nfc.clf.device.connect sets
        self.clf.device = device

    def sense(self, **options: Any) -> Any:  # noqa: ANN401 - nfcpy's RemoteTarget
        """Look for a 106 kbps type A target with nfcpy's polling loop."""
        return self.clf.sense(nfc.clf.RemoteTarget("106A"), **options)

    def read(self) -> Reading:
        """Sense a target, activate it as nfcpy's reader mode does, read its NDEF."""
        target = self.sense()
        assert target is not None
        tag = nfc.tag.activate(self.clf, target)
        assert tag is not None
        # Tag.ndef talks to the reader: read it here, off the emulator's loop.
        records = None if tag.ndef is None else list(tag.ndef.records)
        return Reading(target, tag, records)

    def close(self) -> None:
        """Close nfcpy's device (it switches back to 115200 baud and powers down)."""
        self.clf.close()


@pytest.fixture
async def pty(emulator: Pn532Emulator) -> AsyncIterator[str]:
    link = PtyLink(emulator)
    path = link.open()
    assert path is not None
    yield path
    link.close()


@pytest.fixture
async def nfcpy(pty: str) -> AsyncIterator[Nfcpy]:
    client = Nfcpy(pty)
    await in_thread(client.open)
    yield client
    await in_thread(client.close)


async def in_thread[T](function: Callable[[], T]) -> T:
    return await asyncio.to_thread(function)


async def test_nfcpy_opens_the_emulator_and_reads_an_ntag215s_uid_and_uri(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    emulator.place(ntag("ntag215", NTAG_UID, encode_message(uri=URI)))
    reading = await in_thread(nfcpy.read)
    assert bytes(reading.target.sdd_res) == NTAG_UID
    assert reading.target.sel_res == b"\x00"
    assert reading.tag.product == "NXP NTAG215"  # from GET_VERSION
    assert bytes(reading.tag.identifier) == NTAG_UID
    assert reading.records == [ndef.UriRecord(URI)]


async def test_nfcpy_reads_an_ultralights_ndef_text(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    uid = bytes.fromhex("04112233445566")
    emulator.place(ultralight(uid, encode_message(text="hello")))
    reading = await in_thread(nfcpy.read)
    assert bytes(reading.tag.identifier) == uid
    assert reading.records == [ndef.TextRecord("hello", "en")]


async def test_nfcpy_reads_a_mifare_classic_uid(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    uid = bytes.fromhex("DEADBEEF")
    emulator.place(ClassicTag(uid))
    target = await in_thread(nfcpy.sense)
    assert bytes(target.sdd_res) == uid
    assert target.sel_res == b"\x08"
    assert target.sens_res == b"\x04\x00"


async def test_nfcpy_reads_the_phones_uid_and_its_type_4_ndef_message(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    emulator.place(PhoneTag(PHONE_UID, message=encode_message(uri=URI)))
    reading = await in_thread(nfcpy.read)
    assert bytes(reading.target.sdd_res) == PHONE_UID
    assert reading.tag.type == "Type4Tag"
    # nfcpy cleared automatic RATS: it sent RATS itself, then ISO-DEP blocks.
    assert emulator.parameters & 0x10 == 0
    assert reading.records == [ndef.UriRecord(URI)]
    assert await in_thread(lambda: reading.tag.is_present)  # an R(NAK) is answered


async def test_nfcpy_finds_no_ndef_on_a_phone_without_a_type_4_app(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    emulator.place(PhoneTag(PHONE_UID))
    reading = await in_thread(nfcpy.read)
    assert reading.records is None


async def test_nfcpys_sense_loop_sees_a_chip_placed_and_lifted(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    polls_before = commands_sent(emulator, IN_LIST_PASSIVE_TARGET)
    sensing = asyncio.ensure_future(
        in_thread(lambda: nfcpy.sense(iterations=1000, interval=0.01))
    )
    # nfcpy polls an empty field, and then the chip is placed.
    await wait_until(
        lambda: commands_sent(emulator, IN_LIST_PASSIVE_TARGET) > polls_before + 2
    )
    emulator.place(ntag("ntag213", NTAG_UID))
    target = await sensing
    assert bytes(target.sdd_res) == NTAG_UID

    emulator.remove()
    assert await in_thread(lambda: nfcpy.sense(iterations=3, interval=0.01)) is None


async def test_nfcpys_reader_loop_reads_the_chip_and_returns_when_it_is_lifted(
    emulator: Pn532Emulator, nfcpy: Nfcpy
) -> None:
    emulator.place(ntag("ntag215", NTAG_UID, encode_message(uri=URI)))
    read: list[Any] = []
    connected = threading.Event()

    def on_connect(tag: Any) -> bool:  # noqa: ANN401 - an nfcpy tag
        read.append(list(tag.ndef.records))
        connected.set()
        return True  # nfcpy then checks the tag's presence until it is lifted

    reading = asyncio.ensure_future(
        in_thread(lambda: nfcpy.clf.connect(rdwr={"on-connect": on_connect}))
    )
    assert await in_thread(lambda: connected.wait(10))
    emulator.remove()
    assert await reading is True
    assert read == [[ndef.UriRecord(URI)]]


async def test_nfcpy_switches_the_line_to_921600_baud_and_back(
    emulator: Pn532Emulator, pty: str
) -> None:
    client = Nfcpy(pty)
    await in_thread(client.open)
    await wait_until(lambda: emulator.serial_baud == 921600)
    await in_thread(client.close)
    await wait_until(lambda: emulator.serial_baud == 115200)
    assert emulator.asleep  # nfcpy's close powers the chip down
