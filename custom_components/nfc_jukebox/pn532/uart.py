"""PN532 on UART (HSU): serial devices, ptys, ``socket://`` and ``rfc2217://`` URLs."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Final, override
from urllib.parse import urlsplit

import serial
import serial_asyncio_fast

from .errors import InvalidConnection, ReaderNotFound, ReaderPermissionDenied
from .transport import StreamTransport

if TYPE_CHECKING:
    from collections.abc import Callable

DEFAULT_BAUDRATE: Final = 115200
# 55 55 then zeros: long enough (> 1 ms of line activity) to wake an HSU PN532
# from power-down; the chip ignores it when awake.
WAKE_UP: Final = b"\x55\x55" + bytes(14)
NETWORK_SCHEMES: Final = ("socket", "rfc2217")
#: A host that does not answer at all would otherwise hold a connect for minutes.
_CONNECT_TIMEOUT: Final = 3.0
_MAX_TCP_PORT: Final = 65535


def check_network_url(url: str) -> tuple[str, str, int]:
    """Return the scheme, host and port of a ``socket://``/``rfc2217://`` URL.

    Raise InvalidConnection when it is not one (another scheme, no host, an
    unclosed IPv6 bracket, a port outside 1-65535).
    """
    usage = "use socket://HOST:PORT or rfc2217://HOST:PORT"
    try:
        parsed = urlsplit(url)
        port = parsed.port
    except ValueError as err:
        msg = f"{url} is not a valid URL ({err}): {usage}"
        raise InvalidConnection(msg) from err
    if parsed.scheme not in NETWORK_SCHEMES or not parsed.hostname:
        msg = f"{url} is not a reader URL: {usage}"
        raise InvalidConnection(msg)
    if port is None or not 1 <= port <= _MAX_TCP_PORT:
        msg = f"{url} has no port between 1 and {_MAX_TCP_PORT}: {usage}"
        raise InvalidConnection(msg)
    return parsed.scheme, parsed.hostname, port


class UartTransport(StreamTransport):
    """A PN532 behind a serial port or a pyserial URL."""

    wake_up_bytes = WAKE_UP

    def __init__(self, port: str, baudrate: int = DEFAULT_BAUDRATE) -> None:
        """Use ``port``: a device path, ``socket://host:port`` or ``rfc2217://...``."""
        super().__init__()
        self.port = port
        self.baudrate = baudrate

    @property
    @override
    def description(self) -> str:
        return self.port

    @override
    async def _connect(
        self, protocol_factory: Callable[[], asyncio.Protocol]
    ) -> asyncio.BaseTransport:
        loop = asyncio.get_running_loop()
        scheme = "serial"
        if "://" in self.port:
            scheme, host, port = check_network_url(self.port)
        try:
            if scheme == "socket":
                async with asyncio.timeout(_CONNECT_TIMEOUT):
                    transport, _ = await loop.create_connection(
                        protocol_factory, host, port
                    )
                return transport
            if scheme == "rfc2217":
                return await _ThreadedSerialTransport.connect(
                    protocol_factory, self.port, self.baudrate
                )
            transport, _ = await serial_asyncio_fast.create_serial_connection(
                loop, protocol_factory, self.port, baudrate=self.baudrate
            )
        except TimeoutError as err:
            msg = f"no answer from {self.port}"
            raise ReaderNotFound(msg) from err
        except (OSError, ValueError) as err:
            raise _open_error(self.port, err) from err
        return transport


def _open_error(port: str, err: Exception) -> ReaderNotFound:
    code = getattr(err, "errno", None)
    if code in (errno.EACCES, errno.EPERM):
        return ReaderPermissionDenied(f"no permission to open {port}")
    if isinstance(err, ConnectionRefusedError):
        return ReaderNotFound(f"nothing listens at {port}")
    return ReaderNotFound(f"cannot open {port}: {err}")


class _ThreadedSerialTransport(asyncio.Transport):
    """asyncio transport for pyserial URL handlers that have no file descriptor.

    ``rfc2217://`` runs its own telnet thread; we read it on one more thread and
    write through a single worker, so the event loop never blocks on it. The
    reader thread also tears the port down, then reports ``connection_lost``.
    """

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        protocol: asyncio.Protocol,
        port: serial.SerialBase,
    ) -> None:
        super().__init__()
        self._loop = loop
        self._protocol = protocol
        self._serial = port
        self._closing = threading.Event()
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="pn532-write")
        self._reader = threading.Thread(
            target=self._read_loop, name="pn532-read", daemon=True
        )

    @classmethod
    async def connect(
        cls, protocol_factory: Callable[[], asyncio.Protocol], url: str, baudrate: int
    ) -> _ThreadedSerialTransport:
        loop = asyncio.get_running_loop()
        port = await loop.run_in_executor(
            None, lambda: serial.serial_for_url(url, baudrate=baudrate, timeout=0.1)
        )
        protocol = protocol_factory()
        transport = cls(loop, protocol, port)
        protocol.connection_made(transport)
        transport._reader.start()
        return transport

    def _read_loop(self) -> None:
        error: Exception | None = None
        while not self._closing.is_set():
            try:
                data = self._serial.read(max(1, self._serial.in_waiting))
            except (OSError, serial.SerialException) as err:
                error = None if self._closing.is_set() else err
                break
            if data and not self._closing.is_set():
                self._loop.call_soon_threadsafe(self._protocol.data_received, data)
        self._closing.set()
        self._writer.shutdown(wait=True)  # what was written goes out first
        with contextlib.suppress(OSError, serial.SerialException):
            self._serial.close()
        with contextlib.suppress(RuntimeError):  # the loop is gone already
            self._loop.call_soon_threadsafe(self._finish, error)

    def _finish(self, error: Exception | None) -> None:
        # The reader thread has nothing left to do but return.
        self._reader.join()
        self._protocol.connection_lost(error)

    @override
    def write(self, data: bytes | bytearray | memoryview) -> None:
        with contextlib.suppress(RuntimeError):  # the writer is shut down: closed
            self._writer.submit(self._serial.write, bytes(data))

    @override
    def is_closing(self) -> bool:
        return self._closing.is_set()

    @override
    def close(self) -> None:
        self._closing.set()
