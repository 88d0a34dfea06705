"""The MFRC522 driver against the register-level emulator: activation, NDEF, presence."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from custom_components.nfc_jukebox.pn532 import (
    NoTagPresent,
    ReaderDisconnected,
    ReaderTimeout,
    TagError,
    TagType,
    TagWatcher,
    read_tag,
    write_ndef,
)
from custom_components.nfc_jukebox.pn532.emulator import (
    ClassicTag,
    PhoneTag,
    VirtualTag,
    ntag,
    ultralight,
)
from custom_components.nfc_jukebox.pn532.emulator.clock import VirtualTimeLoop
from custom_components.nfc_jukebox.pn532.ndef import encode_message
from custom_components.nfc_jukebox.rc522 import (
    NotAnRc522,
    Rc522,
    ThreadedBus,
    parse_spi_port,
)
from custom_components.nfc_jukebox.rc522.emulator import (
    EmulatedIrq,
    EmulatedRc522Connection,
    Mfrc522Emulator,
    ThreadedLink,
)
from custom_components.nfc_jukebox.rc522.registers import Reg, address_byte

from .support import EXAMPLE_URI, NTAG_UID, URI_MESSAGE
from .test_watcher import Events

READ = 0x30
FAST_READ = 0x3A


@pytest.fixture
async def chip() -> AsyncIterator[Mfrc522Emulator]:
    """Return an emulated MFRC522 with an empty field."""
    emulator = Mfrc522Emulator(seed=3)
    yield emulator
    await emulator.aclose()


@pytest.fixture
async def rc522(chip: Mfrc522Emulator) -> AsyncIterator[Rc522]:
    """Return the driver, opened on the emulator."""
    device = Rc522(EmulatedRc522Connection(chip).bus())
    await device.open()
    yield device
    await device.close()


def frames_sent(chip: Mfrc522Emulator, code: int) -> list[bytes]:
    """Return the frames starting with ``code`` the chip sent on the air."""
    return [frame for frame in chip.history if frame[0] == code]


async def test_opening_reports_the_chip_and_switches_the_field_on(
    chip: Mfrc522Emulator,
) -> None:
    device = Rc522(EmulatedRc522Connection(chip).bus())
    version = await device.open()
    assert (version.chip, version.firmware) == ("MFRC522", "2.0")
    assert chip.field_on
    await device.close()
    assert not chip.field_on


async def test_a_clone_is_named_as_what_it_is() -> None:
    chip = Mfrc522Emulator(version=0x88)
    async with Rc522(EmulatedRc522Connection(chip).bus()) as device:
        assert device.version is not None
        assert device.version.chip == "FM17522"


async def test_a_chip_reporting_another_version_is_not_an_rc522() -> None:
    chip = Mfrc522Emulator(version=0x55)
    with pytest.raises(NotAnRc522, match="0x55"):
        await Rc522(EmulatedRc522Connection(chip).bus()).open()


async def test_an_unwired_chip_is_a_timeout_that_names_the_wiring(
    chip: Mfrc522Emulator,
) -> None:
    chip.unplug()
    with pytest.raises(ReaderTimeout, match="wiring"):
        await Rc522(EmulatedRc522Connection(chip).bus()).open()


async def test_an_empty_field_has_no_target(rc522: Rc522) -> None:
    assert await rc522.list_passive_target(retries=3) is None


class TenByteTag(VirtualTag):
    """A tag with a triple-size UID (no type 2 tag of ours has one)."""

    kind = "test"
    sens_res = bytes.fromhex("0084")
    sel_res = 0x00

    def command(self, data: bytes) -> None:
        """Answer nothing."""
        del data


@pytest.mark.parametrize(
    ("tag", "atqa", "levels"),
    [
        (ClassicTag(bytes.fromhex("DEADBEEF")), "0004", 1),
        (ntag("ntag215", NTAG_UID), "0044", 2),
        (TenByteTag(bytes.fromhex("04A1B2C3D4E5F6A7B8C9")), "0084", 3),
    ],
)
async def test_uids_of_every_cascade_level_are_selected(
    chip: Mfrc522Emulator, rc522: Rc522, tag: VirtualTag, atqa: str, levels: int
) -> None:
    chip.place(tag)
    target = await rc522.list_passive_target()
    assert target is not None
    assert (target.uid, target.atqa.hex(), target.sak) == (
        tag.uid,
        atqa,
        tag.sel_res,
    )
    selects = [frame[0] for frame in chip.history if frame[1:2] == b"\x70"]
    assert selects == [0x93, 0x95, 0x97][:levels]


async def test_the_ndef_message_of_an_ntag_is_read(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
    target = await rc522.list_passive_target()
    assert target is not None
    tag = await read_tag(rc522, target)
    assert (tag.type, tag.ndef) == (
        TagType.NTAG215,
        ({"type": "uri", "uri": EXAMPLE_URI},),
    )


async def test_a_long_message_comes_in_fast_reads_the_fifo_can_hold(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    uri = "https://example.com/" + "a" * 400
    chip.place(ntag("ntag216", NTAG_UID, encode_message(uri=uri)))
    target = await rc522.list_passive_target()
    assert target is not None
    tag = await read_tag(rc522, target)
    assert tag.ndef == ({"type": "uri", "uri": uri},)
    fast_reads = frames_sent(chip, FAST_READ)
    assert len(fast_reads) > 1
    assert all(frame[2] - frame[1] + 1 <= 15 for frame in fast_reads)


async def test_an_ultralight_is_read_page_by_page(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ultralight(NTAG_UID, URI_MESSAGE))
    target = await rc522.list_passive_target()
    assert target is not None
    tag = await read_tag(rc522, target)
    assert tag.ndef == ({"type": "uri", "uri": EXAMPLE_URI},)
    assert not frames_sent(chip, FAST_READ)


async def test_a_message_written_through_the_rc522_reads_back(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ntag("ntag213", NTAG_UID))
    target = await rc522.list_passive_target()
    assert target is not None
    await write_ndef(rc522, target, encode_message(text="hello"))
    tag = await read_tag(rc522, target)
    assert tag.ndef == ({"type": "text", "text": "hello", "language": "en"},)


async def test_a_tag_refusing_a_command_is_a_tag_error(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ntag("ntag213", NTAG_UID))
    assert await rc522.list_passive_target() is not None
    with pytest.raises(TagError, match="NAK") as caught:
        await rc522.data_exchange(bytes([READ, 0xF0]))
    assert not isinstance(caught.value, NoTagPresent)


async def test_an_exchange_with_a_lifted_tag_says_no_tag_is_present(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ntag("ntag213", NTAG_UID))
    assert await rc522.list_passive_target() is not None
    chip.remove()
    with pytest.raises(NoTagPresent):
        await rc522.data_exchange(bytes([READ, 0]))


async def test_a_damaged_answer_leaves_the_tag_unread_but_present(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
    target = await rc522.list_passive_target()
    assert target is not None
    chip.faults.flip_bit_every = 1
    tag = await read_tag(rc522, target)
    assert (tag.complete, tag.ndef) == (False, ())


async def test_a_phone_is_an_iso14443_4_target(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(PhoneTag())
    target = await rc522.list_passive_target()
    assert target is not None
    assert (await read_tag(rc522, target)).type is TagType.ISO14443_4


async def test_each_presence_check_halts_the_tag_and_wakes_it_again(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    chip.place(ntag("ntag215", NTAG_UID))
    for _ in range(3):
        target = await rc522.list_passive_target()
        assert target is not None
        assert target.uid == NTAG_UID
    assert len(frames_sent(chip, 0x50)) == 2  # HLTA before the second and third
    chip.remove()
    assert await rc522.list_passive_target(retries=3) is None


async def test_the_irq_line_replaces_polling_comirq(chip: Mfrc522Emulator) -> None:
    reads = 0
    com_irq = address_byte(Reg.COM_IRQ, read=True)
    transfer = chip.transfer

    def counted(data: bytes) -> bytes:
        nonlocal reads
        reads += data[0] == com_irq
        return transfer(data)

    chip.transfer = counted  # type: ignore[method-assign]
    chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
    device = Rc522(
        EmulatedRc522Connection(chip).bus(), irq=EmulatedIrq(chip), poll_interval=1.0
    )
    async with device:
        target = await device.list_passive_target()
        assert target is not None
        assert (await read_tag(device, target)).ndef
    # One read when the IRQ came, and one first look per frame.
    frames = len(chip.history)
    assert reads <= 2 * frames


async def test_the_driver_works_from_its_executor_thread_over_a_spi_link(
    chip: Mfrc522Emulator,
) -> None:
    chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
    bus = ThreadedBus(lambda: ThreadedLink(chip), "fake spidev")
    async with Rc522(bus) as device:
        target = await device.list_passive_target()
        assert target is not None
        assert (await read_tag(device, target)).ndef


async def test_a_chip_unplugged_while_watching_is_an_error(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    events = Events(TagWatcher(rc522))
    chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
    await events.placed()
    chip.unplug()
    with pytest.raises(ReaderTimeout):
        await events.next()


async def test_a_closed_bus_is_a_disconnection(rc522: Rc522) -> None:
    await rc522.bus.close()
    with pytest.raises(ReaderDisconnected):
        await rc522.list_passive_target()


async def test_placing_and_lifting_are_reported_by_the_shared_watcher(
    chip: Mfrc522Emulator, rc522: Rc522
) -> None:
    events = Events(TagWatcher(rc522))
    chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
    placed = await events.placed()
    assert placed.tag.ndef == ({"type": "uri", "uri": EXAMPLE_URI},)
    chip.remove()
    removed = await events.next()
    assert (removed.kind, removed.tag.uid) == ("removed", NTAG_UID.hex().upper())
    await events.close()


def test_a_chip_at_the_edge_missing_30_percent_of_tries_stays_for_ten_minutes() -> None:
    """Ten simulated minutes with the default timing: no false lift, a real one seen."""

    async def watch() -> list[str]:
        chip = Mfrc522Emulator(seed=7)
        device = Rc522(EmulatedRc522Connection(chip).bus())
        await device.open()
        events = Events(TagWatcher(device))
        chip.place(ntag("ntag215", NTAG_UID, URI_MESSAGE))
        await events.placed()
        chip.faults.miss_activation = 0.3
        await asyncio.sleep(600)
        kinds: list[str] = [(await events.next()).kind for _ in range(events.pending())]
        chip.faults.miss_activation = 0.0
        chip.remove()
        kinds.append((await events.next()).kind)
        await events.close()
        await device.close()
        await chip.aclose()
        return kinds

    assert asyncio.run(watch(), loop_factory=VirtualTimeLoop) == ["removed"]


async def test_a_stuck_chip_is_a_timeout(chip: Mfrc522Emulator, rc522: Rc522) -> None:
    chip.faults.stuck = True
    with pytest.raises(ReaderTimeout, match="did not finish"):
        await rc522.list_passive_target()


def test_an_rc522_port_is_spi_bus_and_chip_select() -> None:
    connection = parse_spi_port("spi:0.1:4000000")
    assert (connection.key, connection.description, connection.speed_hz) == (
        "spi:0.1",
        "SPI bus 0, device 1",
        4_000_000,
    )
    with pytest.raises(ValueError, match=r"spi:BUS\.DEVICE"):
        parse_spi_port("i2c:1")
