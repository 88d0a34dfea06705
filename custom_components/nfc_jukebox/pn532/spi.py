"""PN532 on SPI (``/dev/spidevB.C``), in pure Python through the spidev ioctl.

The PN532 shifts bits LSB first; the Raspberry Pi's SPI controller only does MSB
first, so every byte is bit-reversed in software on its way in and out.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import struct
from typing import TYPE_CHECKING, Final, Protocol

from .errors import ReaderNotFound, ReaderPermissionDenied
from .transport import PolledBusTransport

if TYPE_CHECKING:
    from collections.abc import Callable

DATA_WRITE: Final = 0x01
STATUS_READ: Final = 0x02
DATA_READ: Final = 0x03
DEFAULT_SPEED_HZ: Final = 1_000_000
#: Where the kernel's spidev puts chip select ``device`` of bus ``bus``.
SPI_DEVICE = "/dev/spidev{bus}.{device}"

_REVERSED = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))

# linux/spi/spidev.h
_SPI_IOC_MAGIC: Final = ord("k")
_SPI_MODE_0: Final = 0
_TRANSFER_FORMAT: Final = "QQIIHBBBBH"  # struct spi_ioc_transfer, 32 bytes


def _ioc(direction: int, number: int, size: int) -> int:
    return (direction << 30) | (size << 16) | (_SPI_IOC_MAGIC << 8) | number


_SPI_IOC_WR_MODE: Final = _ioc(1, 1, 1)
_SPI_IOC_WR_MAX_SPEED_HZ: Final = _ioc(1, 4, 4)
_SPI_IOC_MESSAGE_1: Final = _ioc(1, 0, struct.calcsize(_TRANSFER_FORMAT))


def reverse_bits(data: bytes) -> bytes:
    """Return ``data`` with the bit order of every byte reversed."""
    return data.translate(_REVERSED)


class SpiLink(Protocol):
    """A full-duplex SPI transfer, bytes as the controller shifts them (MSB first)."""

    def transfer(self, data: bytes) -> bytes:
        """Clock ``data`` out with chip select held; return what was clocked in."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...


class SpidevLink:
    """``/dev/spidevB.C`` driven with the kernel's spidev ioctls (mode 0)."""

    def __init__(self, bus: int, device: int, speed_hz: int = DEFAULT_SPEED_HZ) -> None:
        """Open the device node and set mode 0 and the clock speed."""
        path = SPI_DEVICE.format(bus=bus, device=device)
        try:
            self._fd = os.open(path, os.O_RDWR)
        except FileNotFoundError as err:
            msg = f"{path} does not exist (is SPI enabled?)"
            raise ReaderNotFound(msg) from err
        except PermissionError as err:
            msg = f"no permission to open {path}"
            raise ReaderPermissionDenied(msg) from err
        except OSError as err:
            msg = f"cannot open {path}: {err.strerror}"
            raise ReaderNotFound(msg) from err
        self._speed_hz = speed_hz
        try:
            fcntl.ioctl(self._fd, _SPI_IOC_WR_MODE, struct.pack("B", _SPI_MODE_0))
            fcntl.ioctl(self._fd, _SPI_IOC_WR_MAX_SPEED_HZ, struct.pack("I", speed_hz))
        except OSError as err:
            os.close(self._fd)
            problem = (
                "is not an SPI device"  # the spidev ioctls are unknown to it
                if err.errno == errno.ENOTTY
                else f"cannot be set up: {err.strerror}"
            )
            raise ReaderNotFound(f"{path} {problem}") from err

    def transfer(self, data: bytes) -> bytes:  # pragma: no cover - needs SPI hardware
        """Run one full-duplex transfer."""
        tx = ctypes.create_string_buffer(data, len(data))
        rx = ctypes.create_string_buffer(len(data))
        request = struct.pack(
            _TRANSFER_FORMAT,
            ctypes.addressof(tx),
            ctypes.addressof(rx),
            len(data),
            self._speed_hz,
            0,  # delay_usecs
            8,  # bits_per_word
            0,  # cs_change
            0,  # tx_nbits
            0,  # rx_nbits
            0,  # word_delay_usecs + pad
        )
        fcntl.ioctl(self._fd, _SPI_IOC_MESSAGE_1, request)
        return rx.raw

    def close(self) -> None:  # pragma: no cover - needs SPI hardware
        """Close the device node."""
        os.close(self._fd)


class SpiDevice:
    """A PN532 behind an SPI link: prefix bytes and LSB-first handling."""

    def __init__(self, link: SpiLink) -> None:
        """Talk to the chip through ``link``."""
        self._link = link

    def read(self, length: int) -> bytes:
        """Read the status byte, or (length > 1) a ready frame after it."""
        if length == 1:
            return self._transfer(bytes([STATUS_READ, 0]))[1:]
        return b"\x01" + self._transfer(bytes([DATA_READ]) + bytes(length - 1))[1:]

    def write(self, data: bytes) -> None:
        """Write one frame."""
        self._transfer(bytes([DATA_WRITE]) + data)

    def close(self) -> None:
        """Release the link."""
        self._link.close()

    def _transfer(self, data: bytes) -> bytes:
        return reverse_bits(self._link.transfer(reverse_bits(data)))


def spi_transport(
    bus: int,
    device: int,
    speed_hz: int = DEFAULT_SPEED_HZ,
    *,
    description: str | None = None,
    open_link: Callable[[int, int, int], SpiLink] = SpidevLink,
) -> PolledBusTransport:
    """Return a transport for the PN532 on ``/dev/spidev<bus>.<device>``."""
    return PolledBusTransport(
        lambda: SpiDevice(open_link(bus, device, speed_hz)),
        description or f"SPI bus {bus}, device {device}",
    )
