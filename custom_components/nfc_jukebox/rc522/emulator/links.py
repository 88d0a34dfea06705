"""Ways to reach the emulated MFRC522: in process on its loop, or from any thread."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from ...pn532.emulator.buses import LoopBridge
from ..bus import InlineBus, RegisterBus
from .core import Mfrc522Emulator


class InlineLink:
    """An SPI link to the emulator for code on its own loop (no thread hop)."""

    def __init__(self, emulator: Mfrc522Emulator) -> None:
        """Wire ``emulator`` to this link."""
        self.emulator = emulator

    def transfer(self, data: bytes) -> bytes:
        """Run one transfer on the chip."""
        return self.emulator.transfer(bytes(data))

    def close(self) -> None:
        """Release the link (it stays usable)."""


class ThreadedLink:
    """An SPI link to the emulator for worker threads, as a spidev device would be."""

    def __init__(
        self,
        emulator: Mfrc522Emulator,
        *,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        """Wire ``emulator`` (living on ``loop`` or its own) to this link."""
        self._emulator = emulator
        self._bridge = LoopBridge(emulator, loop)
        self._lock = threading.Lock()

    def transfer(self, data: bytes) -> bytes:
        """Run one transfer on the emulator's loop and wait for its bytes."""
        data = bytes(data)
        with self._lock:
            return self._bridge.call(lambda: self._emulator.transfer(data))

    def close(self) -> None:
        """Release the link (it stays usable)."""


class EmulatedIrq:
    """The emulator's IRQ pin, as the driver's ``IrqLine``."""

    def __init__(self, emulator: Mfrc522Emulator) -> None:
        """Watch ``emulator``'s pin."""
        self._emulator = emulator

    async def wait(self, timeout: float) -> bool:
        """Return True once the pin is asserted, False after ``timeout``."""
        return await self._emulator.irq(timeout)


@dataclass(frozen=True, slots=True)
class EmulatedRc522Connection:
    """The emulator as a reader's connection (what ``Rc522SpiConnection`` is to a board)."""

    emulator: Mfrc522Emulator
    description: str = "emulator"
    key: str = "emulator"

    def bus(self) -> RegisterBus:
        """Return a register bus wired to the emulator (on its loop)."""
        return InlineBus(lambda: InlineLink(self.emulator), self.description)
