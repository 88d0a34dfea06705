"""Fake I2C and SPI buses with the emulated PN532 on them.

The bus objects are called from worker threads (an executor, pn532pi in a thread)
while the emulator lives on its event loop; every access hops onto the loop and
waits for the answer there.

What the chip does on a bus (chosen to be plausible and to serve both our driver and
pn532pi 1.7):

* The chip's frames (ACK, responses, garbage) queue up in order.
* A read starts with the status byte: ``01`` and the frame bytes (zero padded) when
  a frame is ready, ``00`` and zeros when not. A status-only read never consumes.
* I2C: a longer read consumes the whole frame, however much of it was read.
* SPI (``01`` data write, ``02`` status read, ``03`` data read): a data read goes on
  where the previous one stopped, and the frame is consumed once its last byte is
  out. The byte clocked out while the opcode goes in is the next byte of a frame
  whose reading was cut short (pn532pi reads the header, then the rest), otherwise
  a meaningless ``00``. Bytes travel LSB first; the link takes and returns them in
  the MSB-first order of the controller's wire.
* A host write replaces whatever output was waiting; a NACK then re-queues the last
  response, an ACK aborts the pending command.
* After PowerDown the chip sleeps once the host has read its last frame; the next
  access wakes it and is served.
* Unplugged: I2C accesses fail with EREMOTEIO (nobody acknowledges the address);
  SPI transfers read zeros (a floating MISO), so the chip just never gets ready.
"""

from __future__ import annotations

import asyncio
import ctypes
import errno
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Final, Protocol

from .core import Pn532Emulator

DEFAULT_I2C_ADDRESS: Final = 0x24
SPI_DATA_WRITE: Final = 0x01
SPI_STATUS_READ: Final = 0x02
SPI_DATA_READ: Final = 0x03
#: How long a bus access waits for the event loop before failing with ETIMEDOUT.
BRIDGE_TIMEOUT: Final = 5.0

#: The read flag of a Linux ``struct i2c_msg``.
I2C_M_RD: Final = 0x0001
_READY: Final = b"\x01"
_NOT_READY: Final = b"\x00"


def _reversed_byte(value: int) -> int:
    result = 0
    for _ in range(8):
        result = (result << 1) | (value & 1)
        value >>= 1
    return result


_BIT_REVERSED: Final = bytes(_reversed_byte(i) for i in range(256))


def reverse(data: bytes) -> bytes:
    """Return ``data`` with the bit order of every byte reversed (LSB first)."""
    return data.translate(_BIT_REVERSED)


class _BusChip:
    """The chip's bus interface: the output queue, on the emulator's loop."""

    def __init__(self, emulator: Pn532Emulator) -> None:
        self.emulator = emulator
        self.output: deque[bytes] = deque()

    def to_host(self, data: bytes) -> None:
        self.output.append(data)

    def plug_changed(self, *, plugged: bool) -> None:
        del plugged
        self.reset_output()

    def reset_output(self) -> None:
        self.output.clear()

    def write(self, data: bytes) -> None:
        self.reset_output()
        self.emulator.from_host_transaction(data)

    def wake_if_idle(self) -> None:
        # Asleep after PowerDown once everything was read: any access wakes it.
        if not self.output and self.emulator.asleep:
            self.emulator.wake()


class OnLoop(Protocol):
    """An emulated chip that lives on one event loop."""

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """Return the event loop the chip lives on."""
        ...


class LoopBridge:
    """Runs chip operations on the emulator's loop for a calling thread."""

    def __init__(
        self, emulator: OnLoop, loop: asyncio.AbstractEventLoop | None = None
    ) -> None:
        """Hop onto ``loop``, or the emulator's own."""
        self._loop = loop or emulator.loop

    def call[T](self, operation: Callable[[], T]) -> T:
        """Run ``operation`` on the loop; return its result (OSError if it is gone)."""
        loop = self._loop
        if _running_loop() is loop:
            return operation()  # already on the loop: nothing to hop over
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(operation())
            except BaseException as err:  # noqa: BLE001 - handed to the caller
                future.set_exception(err)

        try:
            loop.call_soon_threadsafe(run)
        except RuntimeError as err:
            raise OSError(errno.ENODEV, "the emulator's event loop is closed") from err
        try:
            return future.result(timeout=BRIDGE_TIMEOUT)
        except TimeoutError as err:
            future.cancel()
            raise OSError(errno.ETIMEDOUT, "the emulator did not answer") from err


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class I2cMessage(Protocol):
    """The fields of a Linux ``struct i2c_msg`` (smbus2's and quick2wire's)."""

    addr: int
    flags: int
    len: int
    buf: Any


def _no_acknowledge() -> OSError:
    return OSError(errno.EREMOTEIO, "no device acknowledged the address")


class _I2cChip(_BusChip):
    def read(self, length: int) -> bytes:
        if not self.emulator.plugged:
            raise _no_acknowledge()
        self.wake_if_idle()
        if not self.output:
            return _NOT_READY + bytes(length - 1)
        frame = self.output.popleft() if length > 1 else self.output[0]
        return (_READY + frame[: length - 1]).ljust(length, b"\x00")

    def write(self, data: bytes) -> None:
        if not self.emulator.plugged:
            raise _no_acknowledge()
        super().write(data)


class FakeI2cBus:
    """An I2C bus with an emulated PN532 on it, with smbus2's ``i2c_rdwr``.

    It runs on the emulator's loop (or ``loop``); use it from any thread.
    """

    def __init__(
        self,
        emulator: Pn532Emulator,
        address: int = DEFAULT_I2C_ADDRESS,
        *,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        """Put ``emulator`` on the bus at ``address``."""
        self.address = address
        self._bridge = LoopBridge(emulator, loop)
        self._chip = chip = _I2cChip(emulator)
        self._bridge.call(lambda: emulator.attach(chip))
        self._lock = threading.Lock()

    def i2c_rdwr(self, *i2c_msgs: I2cMessage) -> None:
        """Run read and write messages in order, as the I2C_RDWR ioctl does."""
        with self._lock:
            for message in i2c_msgs:
                self._transfer(message)

    def close(self) -> None:
        """Release the bus (it stays usable: the next open gets it back)."""

    def _transfer(self, message: I2cMessage) -> None:
        chip = self._chip
        if message.addr != self.address:
            raise _no_acknowledge()
        if message.flags & I2C_M_RD:
            length = message.len
            data = self._bridge.call(lambda: chip.read(length))
            ctypes.memmove(message.buf, data, length)
        else:
            data = ctypes.string_at(message.buf, message.len)
            self._bridge.call(lambda: chip.write(data))


class _SpiChip(_BusChip):
    def __init__(self, emulator: Pn532Emulator) -> None:
        super().__init__(emulator)
        self._reading: bytes | None = None  # the frame being clocked out
        self._position = 0

    def reset_output(self) -> None:
        super().reset_output()
        self._reading = None

    def transfer(self, data: bytes) -> bytes:
        """Exchange bytes in the chip's own (LSB-first) order."""
        if not data:
            return b""
        if not self.emulator.plugged:
            return bytes(len(data))
        match data[0]:
            case 0x01:
                self.write(data[1:])
                return bytes(len(data))
            case 0x02:
                self.wake_if_idle()
                ready = self._reading is not None or bool(self.output)
                return (b"\x00" + (_READY if ready else _NOT_READY)).ljust(
                    len(data), b"\x00"
                )
            case 0x03:
                self.wake_if_idle()
                return self._data_read(len(data))
            case _:
                return bytes(len(data))

    def _data_read(self, length: int) -> bytes:
        frame = self._reading
        if frame is not None:  # carry on: the preloaded byte comes out first
            count = length
        elif self.output:
            frame, self._position, count = self.output.popleft(), 0, length - 1
        else:
            return bytes(length)
        start = self._position
        self._position += count
        self._reading = frame if self._position < len(frame) else None
        chunk = frame[start : start + count].ljust(count, b"\x00")
        return chunk if count == length else b"\x00" + chunk


class FakeSpiLink:
    """An SPI link to an emulated PN532, as our ``SpiLink``: MSB-first wire bytes.

    It runs on the emulator's loop (or ``loop``); use it from any thread.
    """

    def __init__(
        self, emulator: Pn532Emulator, *, loop: asyncio.AbstractEventLoop | None = None
    ) -> None:
        """Wire ``emulator`` to this link."""
        self._bridge = LoopBridge(emulator, loop)
        self._chip = chip = _SpiChip(emulator)
        self._bridge.call(lambda: emulator.attach(chip))
        self._lock = threading.Lock()

    def transfer(self, data: bytes) -> bytes:
        """Clock ``data`` out (chip select held); return what was clocked in."""
        chip_in = reverse(bytes(data))
        with self._lock:
            chip_out = self._bridge.call(lambda: self._chip.transfer(chip_in))
        return reverse(chip_out)

    def close(self) -> None:
        """Release the link (it stays usable)."""
