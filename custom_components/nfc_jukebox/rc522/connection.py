"""Where an MFRC522 is: on an SPI bus, behind a chip select."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..pn532.errors import InvalidConnection
from ..pn532.spi import DEFAULT_SPEED_HZ
from .bus import spi_bus

if TYPE_CHECKING:
    from .bus import RegisterBus


class Rc522Connection(Protocol):
    """How to reach one MFRC522."""

    @property
    def description(self) -> str:
        """Return where the chip is, for people."""
        ...

    @property
    def key(self) -> str:
        """Return what identifies the location (``spi:0.0``)."""
        ...

    def bus(self) -> RegisterBus:
        """Return a new (closed) register bus to the chip."""
        ...


@dataclass(frozen=True, slots=True)
class Rc522SpiConnection:
    """An MFRC522 on ``/dev/spidev<bus>.<device>``."""

    bus_number: int
    device: int
    speed_hz: int = DEFAULT_SPEED_HZ

    @property
    def description(self) -> str:
        """Return the bus and the chip select."""
        return f"SPI bus {self.bus_number}, device {self.device}"

    @property
    def key(self) -> str:
        """Return ``spi:BUS.DEVICE``: one chip select holds one reader, of any kind."""
        return f"spi:{self.bus_number}.{self.device}"

    def bus(self) -> RegisterBus:
        """Return a register bus over spidev."""
        return spi_bus(self.bus_number, self.device, self.speed_hz)


def parse_spi_port(text: str) -> Rc522SpiConnection:
    """Return the connection ``spi:BUS.DEVICE[:SPEED_HZ]`` names (InvalidConnection if not)."""
    kind, _, rest = text.partition(":")
    where, _, speed = rest.partition(":")
    bus, _, device = where.partition(".")
    try:
        if kind != "spi":
            raise ValueError(kind)  # noqa: TRY301 - one message for every mistake
        return Rc522SpiConnection(
            int(bus), int(device), int(speed) if speed else DEFAULT_SPEED_HZ
        )
    except ValueError as err:
        msg = f"malformed port {text!r}: an RC522 is on spi:BUS.DEVICE[:SPEED_HZ]"
        raise InvalidConnection(msg) from err
