"""Network links to an emulated PN532, as ser2net would offer a real one.

* :class:`SocketBridge`: a raw TCP server on loopback (``socket://``) whose
  connections talk straight to the emulator.
* :class:`Rfc2217Server`: a tiny RFC 2217 server thread on loopback
  (``rfc2217://``), built on pyserial's ``PortManager``, in front of a serial port
  (the emulator's pty).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from typing import Self, override

import serial
import serial.rfc2217

from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator


class _Connection(asyncio.Protocol):
    """One TCP connection wired to the emulator's host interface."""

    def __init__(self, emulator: Pn532Emulator) -> None:
        self._emulator = emulator
        self._transport: asyncio.Transport | None = None

    @override
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._emulator.attach(self)

    @override
    def data_received(self, data: bytes) -> None:
        self._emulator.from_host(data)

    @override
    def connection_lost(self, exc: Exception | None) -> None:
        self._emulator.detach(self)

    def to_host(self, data: bytes) -> None:
        """Send chip bytes to the client (HostLink)."""
        if self._transport is not None:
            self._transport.write(data)

    def plug_changed(self, *, plugged: bool) -> None:
        """Drop the client when the reader is unplugged (HostLink)."""
        if not plugged and self._transport is not None:
            self._transport.close()


class SocketBridge:
    """A loopback TCP server in front of an emulator: ``socket://127.0.0.1:PORT``."""

    def __init__(self, emulator: Pn532Emulator) -> None:
        """Serve ``emulator`` once started."""
        self._emulator = emulator
        self._server: asyncio.Server | None = None
        self.port = 0

    async def __aenter__(self) -> Self:
        """Start listening on a free loopback port."""
        self._server = await asyncio.get_running_loop().create_server(
            lambda: _Connection(self._emulator), "127.0.0.1", 0
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Stop listening and drop the clients."""
        assert self._server is not None
        self._server.close()
        self._server.close_clients()
        await self._server.wait_closed()

    @property
    def url(self) -> str:
        """Return the pyserial URL of the server."""
        return f"socket://127.0.0.1:{self.port}"


class Rfc2217Server:
    """Serve one serial port over RFC 2217 on loopback, one client at a time.

    Threads, as pyserial's example server: one accepts and copies network to serial,
    one copies serial to network. Leaving the context stops and joins them.
    """

    def __init__(self, serial_port: str) -> None:
        """Serve the serial port at ``serial_port`` (opened per client)."""
        self._serial_port = serial_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = self._listener.getsockname()[1]
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._write_lock = threading.Lock()
        self._client: socket.socket | None = None

    @property
    def url(self) -> str:
        """Return the pyserial URL of the server."""
        return f"rfc2217://127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        """Start accepting a client."""
        self._start(self._serve, "rfc2217-accept")
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop serving and wait for the threads."""
        self._stopping.set()
        if self._client is not None:
            with contextlib.suppress(OSError):
                self._client.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    def _start(self, target: object, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            with client:
                self._redirect(client)

    def _redirect(self, client: socket.socket) -> None:
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.settimeout(0.05)
        self._client = client
        try:
            port = _PtySerial(self._serial_port, timeout=0.02)
        except serial.SerialException:
            return  # unplugged: hang up
        alive = threading.Event()
        alive.set()
        manager = serial.rfc2217.PortManager(port, _Writer(client, self._write_lock))
        copier = threading.Thread(
            target=self._serial_to_network,
            args=(port, client, manager, alive),
            name="rfc2217-serial",
            daemon=True,
        )
        copier.start()
        try:
            while alive.is_set() and not self._stopping.is_set():
                try:
                    data = client.recv(1024)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                try:
                    port.write(b"".join(manager.filter(data)))
                except serial.SerialException, OSError:
                    break
        finally:
            alive.clear()
            copier.join(5)
            port.close()
            self._client = None

    def _serial_to_network(
        self,
        port: serial.Serial,
        client: socket.socket,
        manager: serial.rfc2217.PortManager,
        alive: threading.Event,
    ) -> None:
        while alive.is_set():
            try:
                data = port.read(port.in_waiting or 1)
                if data:
                    with self._write_lock:
                        client.sendall(b"".join(manager.escape(data)))
            except serial.SerialException, OSError:
                # The pty went away (unplugged): hang up on the client.
                with contextlib.suppress(OSError):
                    client.shutdown(socket.SHUT_RDWR)
                break
        alive.clear()


class _PtySerial(serial.Serial):  # type: ignore[misc]
    """A serial port on a pty, which has no modem lines: they read as idle."""

    @property
    def cts(self) -> bool:
        return False

    @property
    def dsr(self) -> bool:
        return False

    @property
    def ri(self) -> bool:
        return False

    @property
    def cd(self) -> bool:
        return False

    def _update_dtr_state(self) -> None:
        pass

    def _update_rts_state(self) -> None:
        pass


class _Writer:
    """What PortManager writes telnet answers through: the client socket."""

    def __init__(self, client: socket.socket, lock: threading.Lock) -> None:
        self._client = client
        self._lock = lock

    def write(self, data: bytes) -> None:
        with self._lock, contextlib.suppress(OSError):
            self._client.sendall(data)
