"""Where a reader is: one typed spec per kind of connection, and its transport.

A spec knows how to describe itself to people (``description``), what identifies the
reader's location (``key``: two specs with one key are one reader) and how to reach
the reader (``transport()``). :func:`parse_port` turns the command line's ``--port`` text
into a spec.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .errors import InvalidConnection
from .i2c import DEFAULT_ADDRESS, i2c_transport
from .spi import DEFAULT_SPEED_HZ, spi_transport
from .uart import DEFAULT_BAUDRATE, UartTransport, check_network_url

if TYPE_CHECKING:
    from .transport import Transport


class Connection(Protocol):
    """How to reach one reader."""

    @property
    def description(self) -> str:
        """Return where the reader is, for people: "/dev/ttyAMA0", "I2C bus 1, …"."""
        ...

    @property
    def key(self) -> str:
        """Return what identifies the location: "i2c:1:0x24", "spi:0.0", the port."""
        ...

    def transport(self) -> Transport:
        """Return a new (closed) transport to the reader."""
        ...


@dataclass(frozen=True, slots=True)
class SerialConnection:
    """A serial port (GPIO UART, USB adapter), by device path."""

    port: str
    baudrate: int = DEFAULT_BAUDRATE

    @property
    def description(self) -> str:
        """Return the port."""
        return self.port

    @property
    def key(self) -> str:
        """Return the port (resolve links first to tell two names of one port)."""
        return self.port

    def transport(self) -> Transport:
        """Return a UART transport."""
        return UartTransport(self.port, self.baudrate)


@dataclass(frozen=True, slots=True)
class NetworkConnection:
    """A serial port on another machine (ser2net): socket:// or rfc2217:// URL."""

    url: str

    def __post_init__(self) -> None:
        """Refuse a malformed URL with InvalidConnection."""
        check_network_url(self.url)

    @property
    def description(self) -> str:
        """Return the URL."""
        return self.url

    @property
    def key(self) -> str:
        """Return the URL."""
        return self.url

    def transport(self) -> Transport:
        """Return a UART transport over the network."""
        return UartTransport(self.url)


@dataclass(frozen=True, slots=True)
class I2cConnection:
    """A PN532 on an I2C bus (``/dev/i2c-<bus>``)."""

    bus: int
    address: int = DEFAULT_ADDRESS

    @property
    def description(self) -> str:
        """Return the bus and the address."""
        return f"I2C bus {self.bus}, address 0x{self.address:02x}"

    @property
    def key(self) -> str:
        """Return ``i2c:BUS:0xADDRESS``."""
        return f"i2c:{self.bus}:0x{self.address:02x}"

    def transport(self) -> Transport:
        """Return an I2C transport."""
        return i2c_transport(self.bus, self.address, description=self.description)


@dataclass(frozen=True, slots=True)
class SpiConnection:
    """A PN532 on an SPI bus (``/dev/spidev<bus>.<device>``)."""

    bus: int
    device: int
    speed_hz: int = DEFAULT_SPEED_HZ

    @property
    def description(self) -> str:
        """Return the bus and the chip select."""
        return f"SPI bus {self.bus}, device {self.device}"

    @property
    def key(self) -> str:
        """Return ``spi:BUS.DEVICE`` (the clock speed does not move the reader)."""
        return f"spi:{self.bus}.{self.device}"

    def transport(self) -> Transport:
        """Return an SPI transport."""
        return spi_transport(
            self.bus, self.device, self.speed_hz, description=self.description
        )


def parse_port(text: str, *, baudrate: int = DEFAULT_BAUDRATE) -> Connection:
    """Return the connection ``text`` names.

    ``text`` is a serial device path, a URL (``socket://HOST:PORT``,
    ``rfc2217://HOST:PORT``), ``i2c:BUS[:ADDRESS]`` or ``spi:BUS.DEVICE[:SPEED_HZ]``.
    Raise InvalidConnection when it is malformed.
    """
    kind, _, rest = text.partition(":")
    try:
        if kind == "i2c":
            bus, _, address = rest.partition(":")
            return I2cConnection(
                int(bus), int(address, 0) if address else DEFAULT_ADDRESS
            )
        if kind == "spi":
            where, _, speed = rest.partition(":")
            bus, _, device = where.partition(".")
            return SpiConnection(
                int(bus), int(device), int(speed) if speed else DEFAULT_SPEED_HZ
            )
    except ValueError as err:
        msg = f"malformed port {text!r}: use i2c:BUS[:ADDRESS] or spi:BUS.DEVICE"
        raise InvalidConnection(msg) from err
    if "://" in text:
        return NetworkConnection(text)
    return SerialConnection(text, baudrate)
