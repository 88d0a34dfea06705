"""How frames move between the host and a PN532: the transport interface.

Two families share one small interface (:class:`Transport`):

* byte streams (UART, a pty, ``socket://``, the in-memory emulator link), where the
  chip's bytes arrive on their own and are decoded as they come; and
* status-polled buses (I2C and SPI), where the host asks whether a frame is ready and
  then clocks it out. Their blocking ioctls run on one executor thread per reader.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Final, Protocol, override

from .errors import ReaderDisconnected, ReaderTimeout
from .frames import MAX_NORMAL_LEN, NACK, BadFrame, FrameDecoder, FrameEvent

if TYPE_CHECKING:
    from collections.abc import Callable

_LOGGER = logging.getLogger(__name__)
_CLOSE_TIMEOUT: Final = 2.0  # an rfc2217:// port takes 0.3 s to close


class Transport(ABC):
    """Moves PN532 frames; knows nothing about commands."""

    #: Whether the chip may hold a command open for a long time (wait-for-tag mode)
    #: without the host spending effort: true for streams, false for polled buses.
    cheap_long_wait: bool = True

    @property
    def bytes_received(self) -> int:
        """Return how many bytes arrived since opening (tells silence from noise)."""
        return 0

    @property
    @abstractmethod
    def description(self) -> str:
        """Return where the reader is, for logs and diagnostics."""

    @abstractmethod
    async def open(self) -> None:
        """Open the connection; raise ReaderNotFound and friends when it fails."""

    @abstractmethod
    async def close(self) -> None:
        """Close the connection; safe to call twice."""

    async def wake(self) -> None:  # noqa: B027 - most transports need no wake-up
        """Wake the chip from power-down, if this transport needs to."""

    @abstractmethod
    async def send(self, frame: bytes) -> None:
        """Send one complete frame, dropping whatever unread input is pending first."""

    @abstractmethod
    async def receive(self, timeout: float, size_hint: int = 0) -> FrameEvent:
        """Return the next frame event from the chip.

        ``size_hint`` is the largest response payload the caller expects; polled buses
        use it to clock out the frame in one transfer. Raise ReaderTimeout when nothing
        arrives in time and ReaderDisconnected when the connection is gone.
        """


class _FrameProtocol(asyncio.Protocol):
    """asyncio protocol that decodes bytes into frame events as they arrive."""

    def __init__(self) -> None:
        self.decoder = FrameDecoder()
        self.events: deque[FrameEvent] = deque()
        self.transport: asyncio.BaseTransport | None = None
        self.lost: ReaderDisconnected | None = None
        self._waiter: asyncio.Future[None] | None = None
        self.bytes_received = 0
        self.closed = asyncio.Event()

    @override
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    @override
    def data_received(self, data: bytes) -> None:
        self.bytes_received += len(data)
        self.events.extend(self.decoder.feed(data))
        if self.events:
            self._wake()

    @override
    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = ReaderDisconnected(str(exc) if exc else "connection closed")
        self.closed.set()
        self._wake()

    def discard(self) -> None:
        self.decoder.clear()
        self.events.clear()

    async def next_event(self, timeout: float) -> FrameEvent:
        while not self.events:
            if self.lost is not None:
                raise self.lost
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                async with asyncio.timeout(timeout):
                    await self._waiter
            except TimeoutError:
                raise ReaderTimeout(
                    f"no answer within {timeout * 1000:.0f} ms"
                ) from None
            finally:
                self._waiter = None
        return self.events.popleft()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)


class StreamTransport(Transport):
    """A transport over a byte stream; subclasses say how to connect."""

    wake_up_bytes: bytes = b""

    def __init__(self) -> None:
        """Start closed."""
        self._protocol: _FrameProtocol | None = None

    @property
    @override
    def bytes_received(self) -> int:
        return self._protocol.bytes_received if self._protocol else 0

    @abstractmethod
    async def _connect(
        self, protocol_factory: Callable[[], asyncio.Protocol]
    ) -> asyncio.BaseTransport:
        """Connect and return the asyncio transport carrying the bytes."""

    @override
    async def open(self) -> None:
        await self.close()
        protocol = _FrameProtocol()
        # serial_asyncio_fast calls connection_made one loop turn later; the
        # transport is usable now.
        protocol.transport = await self._connect(lambda: protocol)
        self._protocol = protocol

    @override
    async def close(self) -> None:
        protocol, self._protocol = self._protocol, None
        if protocol is None or protocol.transport is None:
            return
        protocol.transport.close()
        # Wait until the port is really released (its file closed, its threads
        # ended), so that opening it again right away finds it free.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(_CLOSE_TIMEOUT):
                await protocol.closed.wait()

    @override
    async def wake(self) -> None:
        if self.wake_up_bytes:
            self._write(self.wake_up_bytes)

    @override
    async def send(self, frame: bytes) -> None:
        self._connected().discard()
        self._write(frame)

    @override
    async def receive(self, timeout: float, size_hint: int = 0) -> FrameEvent:
        return await self._connected().next_event(timeout)

    def _write(self, data: bytes) -> None:
        transport = self._connected().transport
        if not isinstance(transport, asyncio.WriteTransport) or transport.is_closing():
            msg = "connection closed"
            raise ReaderDisconnected(msg)
        transport.write(data)

    def _connected(self) -> _FrameProtocol:
        protocol = self._protocol
        if protocol is None:
            msg = "transport is not open"
            raise ReaderDisconnected(msg)
        if protocol.lost is not None:
            raise protocol.lost
        return protocol


class BusDevice(Protocol):
    """Blocking access to a PN532 on a polled bus, in the chip's own byte order.

    ``read(n)`` returns ``n`` bytes, the first being the status byte (bit 0 set =
    ready). ``write(data)`` sends one frame. Both are called on the executor thread.
    """

    def read(self, length: int) -> bytes:
        """Read ``length`` bytes, status byte first."""
        ...

    def write(self, data: bytes) -> None:
        """Write bytes to the chip."""
        ...

    def close(self) -> None:
        """Release the bus."""
        ...


STATUS_READY: Final = 0x01
_FRAME_OVERHEAD: Final = 9  # preamble, start code, LEN, LCS, TFI, code, DCS, postamble
_MAX_NACKS: Final = 2


class PolledBusTransport(Transport):
    """A transport over a status-polled bus (I2C or SPI)."""

    cheap_long_wait = False

    def __init__(
        self,
        open_device: Callable[[], BusDevice],
        description: str,
        *,
        poll_interval: float = 0.001,
        idle_poll_interval: float = 0.01,
    ) -> None:
        """Use ``open_device`` (run on the executor) to get the bus device."""
        self._open_device = open_device
        self._description = description
        self._poll_interval = poll_interval
        self._idle_poll_interval = idle_poll_interval
        self._device: BusDevice | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._decoder = FrameDecoder()
        self._events: deque[FrameEvent] = deque()

    @property
    @override
    def description(self) -> str:
        return self._description

    @override
    async def open(self) -> None:
        await self.close()
        executor = self._executor = ThreadPoolExecutor(1, thread_name_prefix="pn532")
        try:
            self._device = await self._run(self._open_device)
        except Exception:
            self._executor = None
            executor.shutdown(wait=True)  # the worker is idle: it ends at once
            raise
        except BaseException:
            self._executor = None
            executor.shutdown(wait=False)  # cancelled: the open may still be running
            raise

    @override
    async def close(self) -> None:
        device, self._device = self._device, None
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if device is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(executor, device.close)
            except OSError:
                _LOGGER.debug("error closing %s", self._description, exc_info=True)
            except BaseException:
                executor.shutdown(wait=False)
                raise
        # Jobs run in order, so the worker is idle now and ends at once; waiting for
        # it leaves no thread behind.
        executor.shutdown(wait=True)

    @override
    async def send(self, frame: bytes) -> None:
        device = self._ready_device()
        self._decoder.clear()
        self._events.clear()
        await self._run(device.write, frame)

    @override
    async def receive(self, timeout: float, size_hint: int = 0) -> FrameEvent:
        if self._events:
            return self._events.popleft()
        device = self._ready_device()
        try:
            async with asyncio.timeout(timeout):
                return await self._read_frame(device, size_hint)
        except TimeoutError:
            msg = f"no answer within {timeout * 1000:.0f} ms"
            raise ReaderTimeout(msg) from None

    async def _read_frame(self, device: BusDevice, size_hint: int) -> FrameEvent:
        await self._wait_ready(device)
        length = 6 + max(size_hint, 0) + _FRAME_OVERHEAD
        for _ in range(_MAX_NACKS + 1):
            data = await self._run(device.read, 1 + length)
            self._decoder.clear()
            self._events.extend(self._decoder.feed(data[1:]))
            if self._events and not isinstance(self._events[0], BadFrame):
                return self._events.popleft()
            # Truncated (the hint was short) or damaged: have it sent again, now
            # that the header tells how long it really is.
            length = max(length, self._announced_length(data[1:]))
            self._events.clear()
            await self._run(device.write, NACK)
            await self._wait_ready(device)
        return BadFrame("frame still damaged after resends")

    async def _wait_ready(self, device: BusDevice) -> None:
        # Poll fast at first (a reply usually comes within a few ms), then relax so a
        # long wait does not keep a core busy.
        interval = self._poll_interval
        waited = 0.0
        while not (await self._run(device.read, 1))[0] & STATUS_READY:
            await asyncio.sleep(interval)
            waited += interval
            if waited > 0.05:  # noqa: PLR2004 - after 50 ms the reply is not imminent
                interval = self._idle_poll_interval

    @staticmethod
    def _announced_length(frame: bytes) -> int:
        start = frame.find(b"\x00\xff")
        if start < 0 or len(frame) < start + 4:
            return 0
        length = frame[start + 2]
        if length == MAX_NORMAL_LEN and len(frame) >= start + 7:  # extended frame
            length = (frame[start + 4] << 8) | frame[start + 5]
        return start + length + 10

    def _ready_device(self) -> BusDevice:
        if self._device is None:
            msg = "transport is not open"
            raise ReaderDisconnected(msg)
        return self._device

    async def _run[**P, T](
        self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        executor = self._executor
        if executor is None:
            msg = "transport is not open"
            raise ReaderDisconnected(msg)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(executor, lambda: func(*args, **kwargs))
        except OSError as err:
            raise ReaderDisconnected(str(err)) from err
