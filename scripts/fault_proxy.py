"""A fault-injecting TCP proxy on loopback, between a network reader and its PN532.

``scripts/soak`` puts it between Home Assistant's ``socket://`` reader and an emulated
PN532 served over TCP (what ser2net does for a real one), and makes the link misbehave
the way networks do:

* :meth:`FaultProxy.drop` / :meth:`FaultProxy.restore`: the far end goes away
  (connections closed, new ones refused) and comes back on the same port;
* ``LinkFaults.corrupt_every``: one bit flipped in every Nth PN532→host information
  frame, as noise on the line would (a different bit each time: start code, length,
  direction byte, data, checksum…);
* ``LinkFaults.latency``: every chunk waits this long before it is forwarded;
* ``LinkFaults.split``: chunks are written one byte at a time;
* ``LinkFaults.silent``: bytes are swallowed both ways (a link that went quiet).

Standard library only; everything listens and connects on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Final

LOOPBACK: Final = "127.0.0.1"
_START_CODE: Final = b"\x00\xff"
_ACK_NACK_LENGTH: Final = 5  # start code, LEN, LCS, postamble
_EXTENDED: Final = 0xFF
_READ_SIZE: Final = 4096


@dataclass(kw_only=True)
class LinkFaults:
    """Misbehaviour of the link; change any field at any time, it applies from then on."""

    #: Flip one bit in every Nth PN532→host information frame (0: never).
    corrupt_every: int = 0
    #: Seconds each chunk waits before it is forwarded (both directions).
    latency: float = 0.0
    #: Write each chunk one byte at a time (both directions).
    split: bool = False
    #: Swallow every byte (both directions) instead of forwarding it.
    silent: bool = False


@dataclass(kw_only=True)
class LinkStats:
    """What the proxy did."""

    connections: int = 0
    frames_to_host: int = 0
    corrupted_frames: int = 0


class FrameSplitter:
    """Cut a PN532→host byte stream into whole frames (bytes between frames pass alone).

    Only the framing is looked at (start code, LEN, LCS); checksums are the host's job.
    """

    def __init__(self) -> None:
        """Start with nothing buffered."""
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[tuple[bytes, bool]]:
        """Add ``data``; return the complete pieces as (bytes, is_information_frame)."""
        self._buffer += data
        pieces: list[tuple[bytes, bool]] = []
        while True:
            start = self._buffer.find(_START_CODE)
            if start < 0:
                # Keep a trailing 00: it may begin the next start code.
                keep = 1 if self._buffer.endswith(b"\x00") else 0
                if len(self._buffer) > keep:
                    pieces.append(
                        (bytes(self._buffer[: len(self._buffer) - keep]), False)
                    )
                    del self._buffer[: len(self._buffer) - keep]
                return pieces
            end = self._frame_end(start)
            if end is None:
                return pieces
            information = end - start > _ACK_NACK_LENGTH
            pieces.append((bytes(self._buffer[:end]), information))
            del self._buffer[:end]

    def _frame_end(self, start: int) -> int | None:
        """Return where the frame at ``start`` ends, or None if it is incomplete."""
        header = self._buffer[start + 2 : start + 4]
        if len(header) < 2:  # noqa: PLR2004 - LEN and LCS
            return None
        length, lcs = header
        if (length, lcs) in {(0x00, 0xFF), (0xFF, 0x00)}:  # ACK, NACK
            end = start + _ACK_NACK_LENGTH
        elif (length, lcs) == (_EXTENDED, _EXTENDED):
            extended = self._buffer[start + 4 : start + 7]
            if len(extended) < 3:  # noqa: PLR2004 - LENM, LENL, LCS
                return None
            body = extended[0] << 8 | extended[1]
            end = start + 7 + body + 2  # TFI + data, DCS, postamble
        elif (length + lcs) & 0xFF == 0:
            end = start + 4 + length + 2
        else:
            # Not a frame header (a 00 FF inside garbage): pass the start code on.
            end = start + 2
        return end if len(self._buffer) >= end else None


def corrupt(frame: bytes, number: int) -> bytes:
    """Flip one bit of ``frame``; which one moves on with ``number``.

    Over successive frames every part gets hit: preamble, start code, LEN, LCS, TFI,
    data, DCS and postamble, each bit in turn.
    """
    damaged = bytearray(frame)
    damaged[(number * 7) % len(damaged)] ^= 1 << (number % 8)
    return bytes(damaged)


class FaultProxy:
    """Forward ``127.0.0.1:port`` to ``upstream``, injecting :class:`LinkFaults`."""

    def __init__(self, upstream_port: int, *, faults: LinkFaults | None = None) -> None:
        """Proxy to ``127.0.0.1:upstream_port`` once started."""
        self.faults = faults or LinkFaults()
        self.stats = LinkStats()
        self.port = 0
        self._upstream_port = upstream_port
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._info_frames = 0

    @property
    def url(self) -> str:
        """Return the pyserial URL a reader connects to."""
        return f"socket://{LOOPBACK}:{self.port}"

    @property
    def up(self) -> bool:
        """Return whether the proxy accepts connections."""
        return self._server is not None

    async def start(self) -> None:
        """Listen (on a free port the first time, on the same port after a drop)."""
        self._server = await asyncio.start_server(
            self._serve, LOOPBACK, self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def drop(self) -> None:
        """Take the link down: close every connection and refuse new ones."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in list(self._writers):
            writer.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if server is not None:
            await server.wait_closed()

    async def restore(self) -> None:
        """Bring the link back on the same port."""
        if self._server is None:
            await self.start()

    async def close(self) -> None:
        """Stop for good."""
        await self.drop()

    async def _serve(
        self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None  # noqa: S101 - called as a task by the server
        self._tasks.add(task)
        self.stats.connections += 1
        upstream_writer: asyncio.StreamWriter | None = None
        self._writers.add(client_writer)
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(
                LOOPBACK, self._upstream_port
            )
            self._writers.add(upstream_writer)
            to_chip = asyncio.create_task(
                self._pump(client_reader, upstream_writer, to_host=False)
            )
            to_host = asyncio.create_task(
                self._pump(upstream_reader, client_writer, to_host=True)
            )
            try:
                await asyncio.wait(
                    (to_chip, to_host), return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                to_chip.cancel()
                to_host.cancel()
                await asyncio.gather(to_chip, to_host, return_exceptions=True)
        except OSError:
            pass  # the far end is gone: hang up on the reader
        finally:
            for writer in (client_writer, upstream_writer):
                if writer is not None:
                    self._writers.discard(writer)
                    writer.close()
                    with contextlib.suppress(OSError, asyncio.CancelledError):
                        await writer.wait_closed()
            self._tasks.discard(task)

    async def _pump(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        to_host: bool,
    ) -> None:
        splitter = FrameSplitter() if to_host else None
        while data := await reader.read(_READ_SIZE):
            if self.faults.silent:
                continue
            pieces = [data] if splitter is None else self._damage(splitter.feed(data))
            for piece in pieces:
                await self._forward(piece, writer)

    def _damage(self, pieces: list[tuple[bytes, bool]]) -> list[bytes]:
        out: list[bytes] = []
        for piece, information in pieces:
            if information:
                self.stats.frames_to_host += 1
                self._info_frames += 1
                every = self.faults.corrupt_every
                if every > 0 and self._info_frames % every == 0:
                    self.stats.corrupted_frames += 1
                    out.append(corrupt(piece, self.stats.corrupted_frames))
                    continue
            out.append(piece)
        return out

    async def _forward(self, data: bytes, writer: asyncio.StreamWriter) -> None:
        faults = self.faults
        if faults.latency > 0:
            await asyncio.sleep(faults.latency)
        if faults.split:
            for index in range(len(data)):
                writer.write(data[index : index + 1])
                await writer.drain()
                await asyncio.sleep(0)
        else:
            writer.write(data)
            await writer.drain()
