"""Register access to an MFRC522 over SPI, and where the blocking transfers run.

On SPI the MFRC522 takes an address byte (bit 7: read, bits 6-1: the register) and then
data; it answers a read one byte late, so reading ``n`` bytes clocks ``n + 1``. Bytes go
MSB first, as the Raspberry Pi's controller sends them: no bit reversal (unlike the
PN532).
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, override

from ..pn532.errors import ReaderDisconnected
from ..pn532.spi import DEFAULT_SPEED_HZ, SpidevLink, SpiLink
from .registers import address_byte

if TYPE_CHECKING:
    from collections.abc import Callable

_LOGGER = logging.getLogger(__name__)


class Registers:
    """Blocking register reads and writes over one SPI link."""

    def __init__(self, link: SpiLink) -> None:
        """Talk to the chip through ``link``."""
        self.link = link

    def read(self, register: int) -> int:
        """Return one register's value."""
        return self.link.transfer(bytes([address_byte(register, read=True), 0]))[1]

    def read_repeated(self, register: int, count: int) -> bytes:
        """Read ``register`` ``count`` times in one transfer (the FIFO's bytes)."""
        if count <= 0:
            return b""
        address = address_byte(register, read=True)
        return self.link.transfer(bytes([address] * count + [0]))[1:]

    def write(self, register: int, *values: int) -> None:
        """Write ``values`` to ``register`` in one transfer (several: the FIFO)."""
        self.link.transfer(bytes([address_byte(register, read=False), *values]))

    def close(self) -> None:
        """Release the link."""
        self.link.close()


class RegisterBus(ABC):
    """Runs register jobs for a driver; one job at a time."""

    @property
    @abstractmethod
    def description(self) -> str:
        """Return where the chip is, for logs and diagnostics."""

    @abstractmethod
    async def open(self) -> None:
        """Open the link; raise ReaderNotFound and friends when it fails."""

    @abstractmethod
    async def close(self) -> None:
        """Close the link; safe to call twice."""

    @abstractmethod
    async def run[T](self, job: Callable[[Registers], T]) -> T:
        """Run ``job`` with the registers; raise ReaderDisconnected if the link fails."""


class ThreadedBus(RegisterBus):
    """A bus whose blocking ioctls run on one executor thread of their own."""

    def __init__(self, open_link: Callable[[], SpiLink], description: str) -> None:
        """Open the link with ``open_link`` (on the executor thread)."""
        self._open_link = open_link
        self._description = description
        self._registers: Registers | None = None
        self._executor: ThreadPoolExecutor | None = None

    @property
    @override
    def description(self) -> str:
        return self._description

    @override
    async def open(self) -> None:
        await self.close()
        executor = self._executor = ThreadPoolExecutor(1, thread_name_prefix="rc522")
        loop = asyncio.get_running_loop()
        try:
            link = await loop.run_in_executor(executor, self._open_link)
        except BaseException:
            self._executor = None
            executor.shutdown(wait=False)
            raise
        self._registers = Registers(link)

    @override
    async def close(self) -> None:
        registers, self._registers = self._registers, None
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if registers is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(
                    executor, registers.close
                )
            except OSError:
                _LOGGER.debug("error closing %s", self._description, exc_info=True)
        executor.shutdown(wait=True)

    @override
    async def run[T](self, job: Callable[[Registers], T]) -> T:
        registers, executor = self._registers, self._executor
        if registers is None or executor is None:
            msg = "the bus is not open"
            raise ReaderDisconnected(msg)
        try:
            return await asyncio.get_running_loop().run_in_executor(
                executor, job, registers
            )
        except OSError as err:
            raise ReaderDisconnected(str(err)) from err


class InlineBus(RegisterBus):
    """A bus whose transfers cost nothing (an emulated chip): jobs run on the loop."""

    def __init__(self, open_link: Callable[[], SpiLink], description: str) -> None:
        """Open the link with ``open_link`` (on the loop)."""
        self._open_link = open_link
        self._description = description
        self._registers: Registers | None = None

    @property
    @override
    def description(self) -> str:
        return self._description

    @override
    async def open(self) -> None:
        self._registers = Registers(self._open_link())

    @override
    async def close(self) -> None:
        registers, self._registers = self._registers, None
        if registers is not None:
            registers.close()

    @override
    async def run[T](self, job: Callable[[Registers], T]) -> T:
        if self._registers is None:
            msg = "the bus is not open"
            raise ReaderDisconnected(msg)
        try:
            return job(self._registers)
        except OSError as err:
            raise ReaderDisconnected(str(err)) from err


def spi_bus(
    bus: int,
    device: int,
    speed_hz: int = DEFAULT_SPEED_HZ,
    *,
    open_link: Callable[[int, int, int], SpiLink] = SpidevLink,
) -> ThreadedBus:
    """Return the register bus of the MFRC522 on ``/dev/spidev<bus>.<device>``."""
    return ThreadedBus(
        lambda: open_link(bus, device, speed_hz), f"SPI bus {bus}, device {device}"
    )
