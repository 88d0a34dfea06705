"""The emulated PN532 on fake I2C and SPI buses: status bytes, reads, NACKs, wake-up."""

from __future__ import annotations

import asyncio
import errno

import pytest
from smbus2 import i2c_msg

from custom_components.nfc_jukebox.pn532.emulator import (
    FakeI2cBus,
    FakeSpiLink,
    Pn532Emulator,
    ntag,
)
from custom_components.nfc_jukebox.pn532.frames import (
    ACK,
    NACK,
    Ack,
    Frame,
    encode_command,
)
from custom_components.nfc_jukebox.pn532.i2c import i2c_transport
from custom_components.nfc_jukebox.pn532.spi import spi_transport
from custom_components.nfc_jukebox.pn532.transport import PolledBusTransport

from .pn532pi_adapters import FakeSpiDev

FIRMWARE_REQUEST = bytes.fromhex("0000FF02FED4022A00")
FIRMWARE_REPLY = bytes.fromhex("0000FF06FAD50332010607E800")
POWER_DOWN_REQUEST = encode_command(0x16, b"\xa0")  # wake on I2C or SPI
ADDRESS = 0x24


def reverse(data: bytes) -> bytes:
    """Bit-reverse every byte (the PN532 is LSB first, the wire MSB first)."""
    return bytes(int(f"{byte:08b}"[::-1], 2) for byte in data)


async def settle() -> None:
    """Let the emulator answer what it was sent."""
    await asyncio.sleep(0.02)


def i2c_read(bus: FakeI2cBus, length: int, address: int = ADDRESS) -> bytes:
    message = i2c_msg.read(address, length)
    bus.i2c_rdwr(message)
    return bytes(message)


def i2c_write(bus: FakeI2cBus, data: bytes) -> None:
    bus.i2c_rdwr(i2c_msg.write(ADDRESS, data))


async def firmware_over(transport: PolledBusTransport) -> None:
    """Ask for the firmware version through one of our bus transports."""
    await transport.open()
    try:
        await transport.send(FIRMWARE_REQUEST)
        assert await transport.receive(1) == Ack()
        assert await transport.receive(1, 5) == Frame(0xD5, bytes.fromhex("0332010607"))
    finally:
        await transport.close()


# --- I2C -----------------------------------------------------------------------------


async def test_i2c_status_reads_do_not_consume_and_frame_reads_do(
    emulator: Pn532Emulator,
) -> None:
    bus = FakeI2cBus(emulator)
    assert i2c_read(bus, 1) == b"\x00"
    assert i2c_read(bus, 7) == bytes(7)  # not ready: status 00 and zeros
    i2c_write(bus, FIRMWARE_REQUEST)
    await settle()
    assert i2c_read(bus, 1) == b"\x01"
    assert i2c_read(bus, 1) == b"\x01"
    assert i2c_read(bus, 7) == b"\x01" + ACK
    assert i2c_read(bus, 1 + len(FIRMWARE_REPLY) + 4) == (
        b"\x01" + FIRMWARE_REPLY + bytes(4)
    )
    assert i2c_read(bus, 1) == b"\x00"


async def test_i2c_a_short_read_consumes_and_a_nack_requeues(
    emulator: Pn532Emulator,
) -> None:
    bus = FakeI2cBus(emulator)
    i2c_write(bus, FIRMWARE_REQUEST)
    await settle()
    i2c_read(bus, 7)  # the ACK
    assert i2c_read(bus, 6) == b"\x01" + FIRMWARE_REPLY[:5]
    assert i2c_read(bus, 1) == b"\x00"
    i2c_write(bus, NACK)
    assert i2c_read(bus, 1 + len(FIRMWARE_REPLY)) == b"\x01" + FIRMWARE_REPLY


async def test_i2c_a_new_command_drops_unread_output(
    emulator: Pn532Emulator,
) -> None:
    bus = FakeI2cBus(emulator)
    i2c_write(bus, FIRMWARE_REQUEST)
    await settle()
    i2c_write(bus, encode_command(0x14, b"\x01"))
    await settle()
    assert i2c_read(bus, 7) == b"\x01" + ACK
    assert i2c_read(bus, 10) == b"\x01" + bytes.fromhex("0000FF02FED515160000")[:9]


async def test_i2c_nobody_answers_at_another_address_or_unplugged(
    emulator: Pn532Emulator,
) -> None:
    bus = FakeI2cBus(emulator)
    with pytest.raises(OSError, match="acknowledged") as raised:
        i2c_read(bus, 1, address=0x48)
    assert raised.value.errno == errno.EREMOTEIO
    emulator.unplug()
    with pytest.raises(OSError, match="acknowledged"):
        i2c_read(bus, 1)
    with pytest.raises(OSError, match="acknowledged"):
        i2c_write(bus, FIRMWARE_REQUEST)
    emulator.replug()
    assert i2c_read(bus, 1) == b"\x00"


async def test_i2c_power_down_sleeps_after_the_reply_is_read(
    emulator: Pn532Emulator,
) -> None:
    bus = FakeI2cBus(emulator)
    i2c_write(bus, POWER_DOWN_REQUEST)
    await settle()
    assert i2c_read(bus, 7) == b"\x01" + ACK
    assert emulator.asleep
    assert i2c_read(bus, 11) == b"\x01" + bytes.fromhex("0000FF03FDD51700140000")[:10]
    assert emulator.asleep
    assert i2c_read(bus, 1) == b"\x00"  # this access wakes it
    assert not emulator.asleep


async def test_i2c_from_a_worker_thread(emulator: Pn532Emulator) -> None:
    bus = FakeI2cBus(emulator)
    await asyncio.to_thread(i2c_write, bus, FIRMWARE_REQUEST)
    await settle()
    assert await asyncio.to_thread(i2c_read, bus, 7) == b"\x01" + ACK


async def test_our_i2c_transport_runs_unchanged_on_the_fake_bus(
    emulator: Pn532Emulator,
) -> None:
    bus = FakeI2cBus(emulator)
    await firmware_over(i2c_transport(1, open_bus=lambda _: bus))


# --- SPI -----------------------------------------------------------------------------


async def test_spi_bytes_travel_lsb_first(emulator: Pn532Emulator) -> None:
    link = FakeSpiLink(emulator)
    assert link.transfer(reverse(b"\x02\x00")) == reverse(b"\x00\x00")
    link.transfer(reverse(b"\x01" + FIRMWARE_REQUEST))
    await settle()
    assert link.transfer(reverse(b"\x02\x00")) == reverse(b"\x00\x01") == b"\x00\x80"
    assert link.transfer(reverse(b"\x03" + bytes(6))) == reverse(b"\x00" + ACK)


async def test_spi_a_data_read_goes_on_where_the_last_stopped(
    emulator: Pn532Emulator,
) -> None:
    link = FakeSpiLink(emulator)
    link.transfer(reverse(b"\x01" + FIRMWARE_REQUEST))
    await settle()
    link.transfer(reverse(b"\x03" + bytes(6)))  # the ACK
    # Header first (the opcode slot is meaningless), then the rest: now the byte
    # clocked out during the opcode is the next byte of the frame.
    header = reverse(link.transfer(reverse(b"\x03" + bytes(5))))
    assert header == b"\x00" + FIRMWARE_REPLY[:5]
    rest = reverse(link.transfer(reverse(b"\x03" + bytes(7))))
    assert rest == FIRMWARE_REPLY[5:]
    assert reverse(link.transfer(reverse(b"\x02\x00")))[1] == 0x00


async def test_spi_a_nack_starts_the_frame_over(emulator: Pn532Emulator) -> None:
    link = FakeSpiLink(emulator)
    link.transfer(reverse(b"\x01" + FIRMWARE_REQUEST))
    await settle()
    link.transfer(reverse(b"\x03" + bytes(6)))
    link.transfer(reverse(b"\x03" + bytes(3)))
    link.transfer(reverse(b"\x01" + NACK))
    answer = reverse(link.transfer(reverse(b"\x03" + bytes(len(FIRMWARE_REPLY) + 2))))
    assert answer == b"\x00" + FIRMWARE_REPLY + bytes(2)


async def test_spi_unplugged_reads_a_floating_line(emulator: Pn532Emulator) -> None:
    link = FakeSpiLink(emulator)
    emulator.unplug()
    assert link.transfer(reverse(b"\x02\x00")) == b"\x00\x00"


async def test_spidev_stand_in_honours_lsb_first(emulator: Pn532Emulator) -> None:
    device = FakeSpiDev(FakeSpiLink(emulator))
    device.open(0, 0)
    device.lsbfirst = True
    device.writebytes([0x01, *FIRMWARE_REQUEST])
    await settle()
    assert device.xfer2([0x02, 0x00]) == [0x00, 0x01]
    assert bytes(device.xfer2([0x03, *bytes(6)])) == b"\x00" + ACK
    device.close()
    with pytest.raises(FileNotFoundError):
        FakeSpiDev().open(0, 0)


async def test_our_spi_transport_runs_unchanged_on_the_fake_link(
    emulator: Pn532Emulator,
) -> None:
    link = FakeSpiLink(emulator)
    await firmware_over(spi_transport(0, 0, open_link=lambda *_: link))


async def test_a_tag_is_detected_over_spi(emulator: Pn532Emulator) -> None:
    emulator.place(ntag("ntag213", bytes.fromhex("04A1B2C3D4E5F6")))
    transport = spi_transport(0, 0, open_link=lambda *_: FakeSpiLink(emulator))
    await transport.open()
    try:
        await transport.send(encode_command(0x4A, b"\x01\x00"))
        assert await transport.receive(1) == Ack()
        answer = await transport.receive(1, 14)
        assert answer == Frame(0xD5, bytes.fromhex("4B01010044000704A1B2C3D4E5F6"))
    finally:
        await transport.close()
