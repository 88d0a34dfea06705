"""Our driver reads the emulated PN532 over every link it supports, and fails clearly."""

from __future__ import annotations

import contextlib
import errno
import os
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from custom_components.nfc_jukebox.pn532 import (
    I2cConnection,
    InvalidConnection,
    NetworkConnection,
    NotAPn532,
    Pn532,
    Pn532Error,
    ReaderDisconnected,
    ReaderNotFound,
    ReaderPermissionDenied,
    ReaderTimeout,
    SerialConnection,
    SpiConnection,
    TagType,
    Target,
    Transport,
    parse_port,
    read_tag,
    write_ndef,
)
from custom_components.nfc_jukebox.pn532 import i2c as i2c_module
from custom_components.nfc_jukebox.pn532 import spi as spi_module
from custom_components.nfc_jukebox.pn532.emulator import (
    EmulatorTransport,
    FakeI2cBus,
    FakeSpiLink,
    Pn532Emulator,
    PtyLink,
    make_tag,
)
from custom_components.nfc_jukebox.pn532.i2c import i2c_transport, open_smbus
from custom_components.nfc_jukebox.pn532.ndef import encode_message
from custom_components.nfc_jukebox.pn532.spi import (
    SpidevLink,
    reverse_bits,
    spi_transport,
)
from custom_components.nfc_jukebox.pn532.transport import PolledBusTransport
from custom_components.nfc_jukebox.pn532.uart import UartTransport

from .bridges import Rfc2217Server, SocketBridge
from .support import NTAG_UID, babbling_pty, ntag215, raw_pty

# pyserial 3.5 names its rfc2217 thread with the deprecated setters.
pytestmark = pytest.mark.filterwarnings(
    "ignore:set(Daemon|Name)\\(\\) is deprecated:DeprecationWarning"
)

FAST_READ = 0x3A
LINKS = ["memory", "pty", "i2c", "spi", "socket", "rfc2217"]


@dataclass
class Link:
    """One way to reach the emulator, and what losing it looks like."""

    name: str
    transport: Transport
    #: What a command raises once the reader is unplugged.
    unplugged_error: type[Pn532Error] | tuple[type[Pn532Error], ...] = (
        ReaderDisconnected
    )


@contextlib.contextmanager
def pty_for(emulator: Pn532Emulator) -> Iterator[str]:
    """Serve ``emulator`` on a pty; yield its path."""
    link = PtyLink(emulator)
    path = link.open()
    assert path is not None
    try:
        yield path
    finally:
        link.close()


@pytest.fixture(params=LINKS)
async def link(
    request: pytest.FixtureRequest, emulator: Pn532Emulator
) -> AsyncIterator[Link]:
    name: str = request.param
    async with contextlib.AsyncExitStack() as stack:
        match name:
            case "memory":
                yield Link(name, EmulatorTransport(emulator))
            case "pty":
                path = stack.enter_context(pty_for(emulator))
                yield Link(name, UartTransport(path))
            case "i2c":
                transport = i2c_transport(1, open_bus=lambda _: FakeI2cBus(emulator))
                yield Link(name, transport)
            case "spi":
                transport = spi_transport(
                    0, 0, open_link=lambda _b, _d, _s: FakeSpiLink(emulator)
                )
                # Unplugged, MISO floats: the chip just never says it is ready.
                yield Link(name, transport, unplugged_error=ReaderTimeout)
            case "socket":
                request.getfixturevalue("socket_enabled")
                bridge = await stack.enter_async_context(SocketBridge(emulator))
                yield Link(name, UartTransport(bridge.url))
            case _:
                request.getfixturevalue("socket_enabled")
                path = stack.enter_context(pty_for(emulator))
                server = stack.enter_context(Rfc2217Server(path))
                # The server hangs up once it notices its serial port went away;
                # until then the reader is just silent.
                yield Link(
                    name,
                    UartTransport(server.url),
                    unplugged_error=(ReaderDisconnected, ReaderTimeout),
                )


@pytest.fixture
async def reader(link: Link) -> AsyncIterator[Pn532]:
    device = Pn532(link.transport, response_timeout=1.0)
    await device.open()
    yield device
    await device.close()


async def test_the_driver_reads_firmware_uid_and_ndef(
    emulator: Pn532Emulator, reader: Pn532
) -> None:
    assert reader.firmware is not None
    assert (reader.firmware.chip, reader.firmware.firmware) == ("PN532", "1.6")
    assert await reader.list_passive_target() is None
    assert await reader.wait_for_target(0.08) is None
    emulator.place(ntag215())
    target = await reader.wait_for_target(2.0)
    assert target == Target(number=1, atqa=b"\x00\x44", sak=0, uid=NTAG_UID)
    tag = await read_tag(reader, target)
    assert tag.type is TagType.NTAG215
    assert tag.ndef == ({"type": "uri", "uri": "https://example.com"},)


async def test_a_long_message_is_written_and_read_back(
    emulator: Pn532Emulator, reader: Pn532
) -> None:
    emulator.place(make_tag("ntag216", NTAG_UID))
    target = await reader.list_passive_target()
    assert target is not None
    text = "A long song title, " * 40
    await write_ndef(reader, target, encode_message(text=text))
    tag = await read_tag(reader, target)
    assert tag.type is TagType.NTAG216
    assert tag.ndef == ({"type": "text", "text": text, "language": "en"},)


@pytest.mark.parametrize("last_page", [44, 63])  # 180 bytes; 256 (an extended frame)
async def test_answers_longer_than_expected_arrive_whole(
    emulator: Pn532Emulator, reader: Pn532, last_page: int
) -> None:
    tag = make_tag("ntag215", NTAG_UID, encode_message(text="u" * 200))
    emulator.place(tag)
    assert await reader.list_passive_target() is not None
    pages = await reader.data_exchange(bytes([FAST_READ, 0, last_page]))
    assert pages == bytes(tag.memory[: (last_page + 1) * 4])  # type: ignore[attr-defined]


async def test_corrupted_replies_are_resent(
    emulator: Pn532Emulator, reader: Pn532
) -> None:
    emulator.place(ntag215())
    emulator.faults.corrupt_responses = 2
    target = await reader.list_passive_target()
    assert target is not None
    assert target.uid == NTAG_UID
    assert (await read_tag(reader, target)).type is TagType.NTAG215


async def test_unplugging_is_an_error_and_replugging_lets_the_reader_reopen(
    emulator: Pn532Emulator, link: Link, reader: Pn532
) -> None:
    reader.ack_timeout = 0.05
    emulator.unplug()
    with pytest.raises(link.unplugged_error):
        await reader.firmware_version()
    await reader.close()
    emulator.replug()
    if link.name in ("pty", "rfc2217"):
        return  # a new pty with a new path; test_cli covers the stable symlink
    reader.ack_timeout = 0.5
    assert (await reader.open()).chip == "PN532"


# --- opening fails clearly -------------------------------------------------------------


async def test_a_silent_pty_times_out() -> None:
    with raw_pty() as (_, path):
        device = Pn532(UartTransport(path), ack_timeout=0.02)
        with pytest.raises(ReaderTimeout):
            await device.open()


async def test_a_pty_answering_garbage_is_not_a_pn532() -> None:
    with babbling_pty(b"\x12\x34garbage\x00\xff") as path:
        device = Pn532(UartTransport(path), ack_timeout=0.02)
        with pytest.raises(NotAPn532, match="answers, but not as a PN532"):
            await device.open()


async def test_a_missing_serial_port_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(ReaderNotFound, match="cannot open"):
        await Pn532(UartTransport(str(tmp_path / "ttyUSB9"))).open()


@pytest.mark.usefixtures("socket_enabled")
async def test_a_closed_tcp_port_is_not_found() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
    with pytest.raises(ReaderNotFound, match="nothing listens at"):
        await Pn532(UartTransport(f"socket://127.0.0.1:{port}")).open()


@pytest.mark.usefixtures("socket_enabled")
async def test_a_socket_url_without_a_port_is_an_invalid_connection() -> None:
    with pytest.raises(InvalidConnection, match="socket://HOST:PORT"):
        await Pn532(UartTransport("socket://127.0.0.1")).open()


@pytest.mark.usefixtures("socket_enabled")
async def test_an_rfc2217_server_that_is_not_there_is_not_found() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
    with pytest.raises(ReaderNotFound, match="cannot open"):
        await Pn532(UartTransport(f"rfc2217://127.0.0.1:{port}")).open()


async def test_a_missing_i2c_bus_is_not_found() -> None:
    with pytest.raises(ReaderNotFound, match="/dev/i2c-99 does not exist"):
        await Pn532(i2c_transport(99)).open()


async def test_a_missing_spi_device_is_not_found() -> None:
    with pytest.raises(ReaderNotFound, match=r"/dev/spidev9\.9 does not exist"):
        await Pn532(spi_transport(9, 9)).open()


async def test_a_file_that_is_no_i2c_bus_is_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "i2c-3").write_bytes(b"")
    monkeypatch.setattr(i2c_module, "I2C_DEVICE", str(tmp_path / "i2c-{bus}"))
    with pytest.raises(ReaderNotFound, match="is not an I2C bus"):
        open_smbus(3)


async def test_a_file_that_is_no_spi_device_is_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "spidev0.1").write_bytes(b"")
    monkeypatch.setattr(
        spi_module, "SPI_DEVICE", str(tmp_path / "spidev{bus}.{device}")
    )
    with pytest.raises(ReaderNotFound, match="is not an SPI device"):
        SpidevLink(0, 1)


@pytest.mark.parametrize(
    ("module", "template", "make"),
    [
        (i2c_module, "I2C_DEVICE", lambda: open_smbus(2)),
        (spi_module, "SPI_DEVICE", lambda: SpidevLink(2, 0)),
    ],
)
def test_a_bus_path_that_cannot_be_opened_is_not_found(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    template: str,
    make: Callable[[], object],
) -> None:
    # A directory: it exists, but opening it for writing fails (EISDIR).
    monkeypatch.setattr(module, template, str(tmp_path))
    with pytest.raises(ReaderNotFound, match=r"cannot open .*Is a directory"):
        make()


async def test_a_serial_port_without_permission_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReaderPermissionDenied, match="no permission to open /dev/tty"):
        await Pn532(UartTransport("/dev/ttyUSB0")).open()


async def test_an_spi_reader_that_never_gets_ready_times_out(
    emulator: Pn532Emulator,
) -> None:
    emulator.unplug()
    transport = spi_transport(0, 0, open_link=lambda _b, _d, _s: FakeSpiLink(emulator))
    with pytest.raises(ReaderTimeout):
        await Pn532(transport, ack_timeout=0.02).open()


@pytest.mark.parametrize(
    ("make", "complaint"),
    [
        (lambda: open_smbus(1), "no permission to open"),
        (lambda: SpidevLink(0, 0), "no permission to open"),
    ],
)
def test_a_bus_device_without_permission_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[], object],
    complaint: str,
) -> None:
    def refuse(*_: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReaderNotFound, match=complaint):
        make()


# --- ports -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("port", "connection", "description"),
    [
        ("/dev/ttyUSB0", SerialConnection("/dev/ttyUSB0"), "/dev/ttyUSB0"),
        (
            "socket://192.0.2.1:2000",
            NetworkConnection("socket://192.0.2.1:2000"),
            "socket://192.0.2.1:2000",
        ),
        (
            "rfc2217://[2001:db8::1]:2217",
            NetworkConnection("rfc2217://[2001:db8::1]:2217"),
            "rfc2217://[2001:db8::1]:2217",
        ),
        ("i2c:1", I2cConnection(1), "I2C bus 1, address 0x24"),
        ("i2c:3:0x25", I2cConnection(3, 0x25), "I2C bus 3, address 0x25"),
        ("spi:0.1", SpiConnection(0, 1), "SPI bus 0, device 1"),
        ("spi:1.0:500000", SpiConnection(1, 0, 500_000), "SPI bus 1, device 0"),
    ],
)
def test_ports_name_their_connection_and_its_transport(
    port: str, connection: object, description: str
) -> None:
    parsed = parse_port(port)
    assert parsed == connection
    assert parsed.description == description
    assert parsed.transport().description == description


@pytest.mark.parametrize(
    ("port", "key"),
    [
        ("/dev/serial/by-id/usb-1a86-port0", "/dev/serial/by-id/usb-1a86-port0"),
        ("socket://192.0.2.1:2000", "socket://192.0.2.1:2000"),
        ("i2c:1", "i2c:1:0x24"),
        ("i2c:1:36", "i2c:1:0x24"),
        ("spi:0.1:500000", "spi:0.1"),
    ],
)
def test_one_location_has_one_key_however_it_is_written(port: str, key: str) -> None:
    assert parse_port(port).key == key


@pytest.mark.parametrize("port", ["i2c:x", "i2c:1:zz", "spi:0", "spi:a.b", "spi:0.0:x"])
def test_malformed_bus_ports_are_refused(port: str) -> None:
    with pytest.raises(InvalidConnection, match="malformed port"):
        parse_port(port)


@pytest.mark.parametrize(
    "url",
    [
        "socket://[::1",  # an IPv6 bracket left open
        "socket://[::1]:2000x",
        "socket://192.0.2.1",  # no port
        "socket://192.0.2.1:0",
        "socket://192.0.2.1:65536",
        "socket://:2000",  # no host
        "http://192.0.2.1:2000",
    ],
)
def test_malformed_network_urls_are_an_invalid_connection(url: str) -> None:
    with pytest.raises(InvalidConnection, match="socket://HOST:PORT"):
        NetworkConnection(url)
    with pytest.raises(InvalidConnection):
        parse_port(url)


async def test_a_uart_transport_given_a_malformed_url_raises_invalid_connection() -> (
    None
):
    with pytest.raises(InvalidConnection):
        await SerialConnection("socket://[::1").transport().open()


async def test_the_reader_opens_and_closes_with_async_with(
    emulator: Pn532Emulator,
) -> None:
    transport = EmulatorTransport(emulator)
    async with Pn532(transport) as device:
        assert device.firmware is not None
        assert (await device.firmware_version()).chip == "PN532"
    with pytest.raises(ReaderDisconnected):
        await device.firmware_version()


def test_spi_bytes_go_lsb_first() -> None:
    assert reverse_bits(b"\x01\x80\x0f") == b"\x80\x01\xf0"


async def test_a_closed_transport_refuses_to_send(emulator: Pn532Emulator) -> None:
    for transport in (
        EmulatorTransport(emulator),
        i2c_transport(1, open_bus=lambda _: FakeI2cBus(emulator)),
    ):
        with pytest.raises(ReaderDisconnected, match="not open"):
            await transport.send(b"\x00")
        with pytest.raises(ReaderDisconnected, match="not open"):
            await transport.receive(0.01)
        await transport.close()  # harmless


async def test_a_polled_bus_gives_up_on_a_frame_that_stays_damaged(
    emulator: Pn532Emulator,
) -> None:
    transport = i2c_transport(1, open_bus=lambda _: FakeI2cBus(emulator))
    device = Pn532(transport)
    await device.open()
    emulator.faults.corrupt_responses = 100
    with pytest.raises(Pn532Error):
        await device.firmware_version()
    emulator.faults.corrupt_responses = 0
    assert (await device.firmware_version()).chip == "PN532"
    await device.close()


def test_bus_transports_do_not_offer_cheap_long_waits() -> None:
    assert not PolledBusTransport.cheap_long_wait
    assert UartTransport.cheap_long_wait


class _BusFailingToClose(FakeI2cBus):
    def close(self) -> None:
        raise OSError(errno.EIO, "Input/output error")


async def test_a_bus_failing_to_close_is_closed_anyway(emulator: Pn532Emulator) -> None:
    transport = i2c_transport(1, open_bus=lambda _: _BusFailingToClose(emulator))
    await transport.open()
    await transport.close()
    with pytest.raises(ReaderDisconnected, match="not open"):
        await transport.send(b"\x00")
