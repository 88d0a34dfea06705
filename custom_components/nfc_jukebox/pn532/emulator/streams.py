"""Stream links to the emulated PN532: in memory (an asyncio transport) and a pty.

Both behave like a UART: bytes may be paced at a baud rate (``Faults.pace_baud``),
each direction being one line on which chunks queue up one after the other. Once the
host has switched the chip's UART with SetSerialBaudRate, a paced line runs at the
new speed, and on a pty a host whose port still runs at another speed is not
understood (nor does it understand the chip).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import termios
import tty
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, override

from ..errors import ReaderNotFound
from ..transport import StreamTransport
from ..uart import WAKE_UP
from .core import DEFAULT_BAUD, Pn532Emulator

_BITS_PER_BYTE: Final = 10  # start bit, 8 data bits, stop bit
_READ_SIZE: Final = 4096
#: termios speed constants and the rates they stand for.
_TERMIOS_SPEEDS: Final = {
    getattr(termios, f"B{rate}"): rate
    for rate in (9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
    if hasattr(termios, f"B{rate}")
}


def line_baud(emulator: Pn532Emulator) -> int | None:
    """Return the rate a paced line runs at now; None: bytes are not paced."""
    paced = emulator.faults.pace_baud
    if paced is None:
        return None
    return paced if emulator.serial_baud == DEFAULT_BAUD else emulator.serial_baud


class _PacedLine:
    """One direction of a serial line: chunks arrive in order, after their wire time."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        deliver: Callable[[bytes], None],
        baud: Callable[[], int | None],
    ) -> None:
        self._loop = loop
        self._deliver = deliver
        self._baud = baud
        self._queue: deque[tuple[float, bytes]] = deque()
        self._free_at = 0.0  # when the line has sent everything queued so far
        self._handle: asyncio.Handle | None = None

    def send(self, data: bytes) -> None:
        baud = self._baud()
        start = max(self._loop.time(), self._free_at)
        self._free_at = start + (len(data) * _BITS_PER_BYTE / baud if baud else 0.0)
        self._queue.append((self._free_at, data))
        self._schedule()

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._queue.clear()

    def _schedule(self) -> None:
        if self._handle is not None or not self._queue:
            return
        when = self._queue[0][0]
        if when > self._loop.time():
            self._handle = self._loop.call_at(when, self._drain)
        else:
            self._handle = self._loop.call_soon(self._drain)

    def _drain(self) -> None:
        self._handle = None
        # The head is due (that is why we run); later chunks may be due too.
        _, data = self._queue.popleft()
        self._deliver(data)
        now = self._loop.time()
        while self._queue and self._queue[0][0] <= now:
            _, data = self._queue.popleft()
            self._deliver(data)
        self._schedule()


class _MemoryLink(asyncio.Transport):
    """The asyncio transport between a host protocol and the emulator."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        emulator: Pn532Emulator,
        protocol: asyncio.Protocol,
    ) -> None:
        super().__init__()
        self._loop = loop
        self._emulator = emulator
        self._protocol = protocol
        self._closing = False
        baud = lambda: line_baud(emulator)  # noqa: E731
        self._to_chip = _PacedLine(loop, emulator.from_host, baud)
        self._to_host = _PacedLine(loop, self._deliver, baud)

    # The host's side (asyncio.Transport).

    @override
    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._closing:
            self._to_chip.send(bytes(data))

    @override
    def is_closing(self) -> bool:
        return self._closing

    @override
    def close(self) -> None:
        self._shut(None)

    @override
    def abort(self) -> None:
        self._shut(None)

    # The chip's side (HostLink).

    def to_host(self, data: bytes) -> None:
        if not self._closing:
            self._to_host.send(data)

    def plug_changed(self, *, plugged: bool) -> None:
        if not plugged:
            self._shut(ConnectionResetError("the emulated reader was unplugged"))

    def _deliver(self, data: bytes) -> None:
        if not self._closing:
            self._protocol.data_received(data)

    def _shut(self, exc: Exception | None) -> None:
        if self._closing:
            return
        self._closing = True
        self._to_chip.cancel()
        self._to_host.cancel()
        self._emulator.detach(self)
        self._loop.call_soon(self._protocol.connection_lost, exc)


class EmulatorTransport(StreamTransport):
    """A host transport wired straight to an emulator, as if over a UART."""

    wake_up_bytes = WAKE_UP

    def __init__(self, emulator: Pn532Emulator, description: str = "emulator") -> None:
        """Talk to ``emulator``."""
        super().__init__()
        self.emulator = emulator
        self._description = description

    @property
    @override
    def description(self) -> str:
        return self._description

    @override
    async def _connect(
        self, protocol_factory: Callable[[], asyncio.Protocol]
    ) -> asyncio.BaseTransport:
        if not self.emulator.plugged:
            msg = f"{self._description} is unplugged"
            raise ReaderNotFound(msg)
        protocol = protocol_factory()
        link = _MemoryLink(asyncio.get_running_loop(), self.emulator, protocol)
        self.emulator.attach(link)
        protocol.connection_made(link)
        return link


@dataclass(frozen=True, slots=True)
class EmulatedConnection:
    """The emulator as a reader's connection (a library ``Connection``)."""

    emulator: Pn532Emulator
    description: str = "emulator"
    key: str = "emulator"

    def transport(self) -> EmulatorTransport:
        """Return a transport wired to the emulator."""
        return EmulatorTransport(self.emulator, self.description)


class PtyLink:
    """The emulator behind a pseudo-terminal, for clients that open a serial port.

    The emulator keeps the slave side open too, so the master never sees EIO between
    two clients. Unplugging closes the pty; plugging back in makes a new one (with a
    new path, reported to ``on_path``).
    """

    def __init__(
        self,
        emulator: Pn532Emulator,
        *,
        on_path: Callable[[str | None], None] | None = None,
    ) -> None:
        """Serve ``emulator``; ``on_path`` hears of every new pty path (None: gone)."""
        self.emulator = emulator
        self._on_path = on_path
        self._loop: asyncio.AbstractEventLoop | None = None
        self._fds: tuple[int, int] | None = None
        self._path: str | None = None
        self._to_chip: _PacedLine | None = None
        self._to_host: _PacedLine | None = None

    @property
    def path(self) -> str | None:
        """Return the pty's path (the slave side), None while unplugged or closed."""
        return self._path

    def open(self) -> str | None:
        """Attach to the emulator and make the pty (unless unplugged); return its path."""
        self._loop = asyncio.get_running_loop()
        self.emulator.attach(self)
        if self.emulator.plugged:
            self._open_pty()
        return self._path

    def close(self) -> None:
        """Detach from the emulator and close the pty."""
        self.emulator.detach(self)
        self._close_pty()

    def to_host(self, data: bytes) -> None:
        """Send chip bytes out through the pty (HostLink)."""
        if self._to_host is not None:
            self._to_host.send(data)

    def plug_changed(self, *, plugged: bool) -> None:
        """Make a new pty on replug, close it on unplug (HostLink)."""
        if plugged:
            self._open_pty()
        else:
            self._close_pty()
        if self._on_path is not None:
            self._on_path(self._path)

    def _open_pty(self) -> None:
        if self._fds is not None or self._loop is None:
            return
        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        self._fds = (master, slave)
        self._path = os.ttyname(slave)
        baud = lambda: line_baud(self.emulator)  # noqa: E731
        self._to_chip = _PacedLine(self._loop, self.emulator.from_host, baud)
        self._to_host = _PacedLine(self._loop, self._write, baud)
        self._loop.add_reader(master, self._readable)

    def _close_pty(self) -> None:
        fds, self._fds = self._fds, None
        self._path = None
        for line in (self._to_chip, self._to_host):
            if line is not None:
                line.cancel()
        self._to_chip = self._to_host = None
        if fds is None or self._loop is None:
            return
        self._loop.remove_reader(fds[0])
        for fd in fds:
            os.close(fd)

    def _readable(self) -> None:
        if self._fds is None or self._to_chip is None:
            return
        try:
            data = os.read(self._fds[0], _READ_SIZE)
        except OSError:
            return  # BlockingIOError, or EIO: nothing to read now
        if data and self._speeds_match():
            self._to_chip.send(data)

    def _speeds_match(self) -> bool:
        """Return whether host and chip can understand each other on the line.

        Only once SetSerialBaudRate moved the chip off its power-on speed: until then
        a host that never set its port's speed (a pty starts at 38400) still talks.
        A speed the chip is about to switch to counts too: on a pty the host may
        switch its port before the emulator has read the ACK that confirms it.
        """
        chip = self.emulator.serial_baud
        if chip == DEFAULT_BAUD or self._fds is None:
            return True
        try:
            speed = termios.tcgetattr(self._fds[1])[4]
        except termios.error:
            return True
        host = _TERMIOS_SPEEDS.get(speed, chip)
        return host in (chip, self.emulator.pending_serial_baud)

    def _write(self, data: bytes) -> None:
        if self._fds is None or not self._speeds_match():
            return
        # When nobody reads the pty and its buffer is full, bytes are lost, as on a
        # UART nobody listens to.
        with contextlib.suppress(BlockingIOError):
            while data:
                data = data[os.write(self._fds[0], data) :]
