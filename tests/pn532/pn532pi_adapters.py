"""pn532pi's bus modules (quick2wire's I2CMaster, spidev) over the emulator's buses."""

from __future__ import annotations

import ctypes
import errno
import types
from typing import Self

from custom_components.nfc_jukebox.pn532.emulator.buses import (
    I2C_M_RD,
    FakeI2cBus,
    FakeSpiLink,
    I2cMessage,
    reverse,
)


class FakeI2CMaster:
    """``quick2wire.i2c.I2CMaster`` for pn532pi, over a :class:`FakeI2cBus`."""

    def __init__(self, bus: FakeI2cBus) -> None:
        """Use ``bus`` instead of ``/dev/i2c-N``."""
        self._bus = bus

    def __enter__(self) -> Self:
        """Return the master itself."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the master."""
        self.close()

    def close(self) -> None:
        """Release the bus."""

    def transaction(self, *msgs: I2cMessage) -> list[bytes]:
        """Run the messages; return what each read message read."""
        self._bus.i2c_rdwr(*msgs)
        return [ctypes.string_at(m.buf, m.len) for m in msgs if m.flags & I2C_M_RD]


class FakeSpiDev:
    """``spidev.SpiDev`` for pn532pi, over a :class:`FakeSpiLink`.

    Without a link, ``open`` fails as when ``/dev/spidevB.C`` does not exist.
    """

    def __init__(self, link: FakeSpiLink | None = None) -> None:
        """Use ``link`` in place of the kernel's spidev."""
        self._link = link
        self._open = False
        self.mode = 0
        self.max_speed_hz = 500_000
        self.bits_per_word = 8
        self.cshigh = False
        self.lsbfirst = False

    def open(self, bus: int, device: int) -> None:
        """Open ``/dev/spidev<bus>.<device>``."""
        if self._link is None:
            raise FileNotFoundError(errno.ENOENT, f"/dev/spidev{bus}.{device}")
        self._open = True

    def close(self) -> None:
        """Close the device."""
        self._open = False

    def xfer2(self, data: list[int]) -> list[int]:
        """Run one full-duplex transfer with chip select held."""
        return list(self._transfer(bytes(data)))

    xfer = xfer2

    def writebytes(self, data: list[int]) -> None:
        """Write bytes, ignoring what comes back."""
        self._transfer(bytes(data))

    writebytes2 = writebytes

    def readbytes(self, length: int) -> list[int]:
        """Read ``length`` bytes while sending zeros."""
        return list(self._transfer(bytes(length)))

    def _transfer(self, data: bytes) -> bytes:
        if self._link is None or not self._open:
            raise OSError(errno.EBADF, "the SPI device is not open")
        if self.lsbfirst:  # the controller already shifts LSB first
            return reverse(self._link.transfer(reverse(data)))
        return self._link.transfer(data)


def spidev_module() -> types.ModuleType:
    """Return a stand-in ``spidev`` module (for ``sys.modules``) whose SpiDev is fake."""
    module = types.ModuleType("spidev")
    module.SpiDev = FakeSpiDev  # type: ignore[attr-defined]
    return module
