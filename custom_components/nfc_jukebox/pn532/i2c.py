"""PN532 on I2C (``/dev/i2c-N``), in pure Python through smbus2's raw messages."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING, Final, Protocol

from smbus2 import SMBus, i2c_msg

from .errors import ReaderNotFound, ReaderPermissionDenied
from .transport import PolledBusTransport

if TYPE_CHECKING:
    from collections.abc import Callable

DEFAULT_ADDRESS: Final = 0x24
#: Where the kernel's i2c-dev puts bus ``bus``.
I2C_DEVICE = "/dev/i2c-{bus}"


class RawI2cBus(Protocol):
    """The part of ``smbus2.SMBus`` we use: combined raw read/write messages."""

    def i2c_rdwr(self, *i2c_msgs: i2c_msg) -> None:
        """Run the messages as one I2C transaction."""
        ...

    def close(self) -> None:
        """Release the bus."""
        ...


class I2cDevice:
    """A PN532 at ``address`` on an I2C bus; every read starts with the status byte."""

    def __init__(self, bus: RawI2cBus, address: int = DEFAULT_ADDRESS) -> None:
        """Talk to the chip at ``address`` through ``bus``."""
        self._bus = bus
        self._address = address

    def read(self, length: int) -> bytes:
        """Read the status byte and ``length - 1`` frame bytes."""
        message = i2c_msg.read(self._address, length)
        self._bus.i2c_rdwr(message)
        return bytes(message)

    def write(self, data: bytes) -> None:
        """Write one frame."""
        self._bus.i2c_rdwr(i2c_msg.write(self._address, data))

    def close(self) -> None:
        """Release the bus."""
        self._bus.close()


def open_smbus(bus: int) -> SMBus:
    """Open ``/dev/i2c-<bus>``, mapping OS errors to reader errors."""
    path = I2C_DEVICE.format(bus=bus)
    try:
        return SMBus(path)
    except FileNotFoundError as err:
        msg = f"{path} does not exist (is I2C enabled?)"
        raise ReaderNotFound(msg) from err
    except PermissionError as err:
        msg = f"no permission to open {path}"
        raise ReaderPermissionDenied(msg) from err
    except OSError as err:
        # ENOTTY: the path is no I2C adapter (the I2C_FUNCS ioctl fails).
        if err.errno in (errno.ENODEV, errno.ENXIO, errno.ENOTTY):
            msg = f"{path} is not an I2C bus"
        else:
            msg = f"cannot open {path}: {err.strerror}"
        raise ReaderNotFound(msg) from err


def i2c_transport(
    bus: int,
    address: int = DEFAULT_ADDRESS,
    *,
    description: str | None = None,
    open_bus: Callable[[int], RawI2cBus] = open_smbus,
) -> PolledBusTransport:
    """Return a transport for the PN532 at ``address`` on I2C bus ``bus``."""
    return PolledBusTransport(
        lambda: I2cDevice(open_bus(bus), address),
        description or f"I2C bus {bus}, address 0x{address:02x}",
    )
