"""Helpers shared by the PN532 driver tests: tags, a scripted stream, pty fakes."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tty
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import override

from custom_components.nfc_jukebox.pn532.emulator import (
    Pn532Emulator,
    VirtualTag,
    make_tag,
)
from custom_components.nfc_jukebox.pn532.frames import PN532_TO_HOST, encode_frame
from custom_components.nfc_jukebox.pn532.ndef import encode_message
from custom_components.nfc_jukebox.pn532.transport import StreamTransport

NTAG_UID = bytes.fromhex("04A1B2C3D4E5F6")
OTHER_UID = bytes.fromhex("04112233445566")
CLASSIC_UID = bytes.fromhex("DEADBEEF")
EXAMPLE_URI = "https://example.com"
URI_MESSAGE = encode_message(uri=EXAMPLE_URI)
TAG_SPEC = f"ntag215:{NTAG_UID.hex().upper()}:uri={EXAMPLE_URI}"
REPO_ROOT = Path(__file__).parents[2]
#: Where the library lives, relative to REPO_ROOT: scripts/pn532 puts it on sys.path.
LIBRARY_HOME = Path("custom_components/nfc_jukebox")
# ``python -c WITHOUT_HOME_ASSISTANT MODULE ARGS`` runs a module of the library as
# scripts/pn532 does (``pn532`` with the integration's folder on sys.path, so the
# integration's __init__, which needs Home Assistant, never runs): the library must do
# without it (checked on the way out), and it starts much quicker.
WITHOUT_HOME_ASSISTANT = """
import runpy, sys
sys.path.insert(0, "custom_components/nfc_jukebox")
try:
    runpy.run_module(sys.argv.pop(1), run_name="__main__", alter_sys=True)
finally:
    assert "homeassistant" not in sys.modules, "the library imported Home Assistant"
"""


def reply(payload: str) -> bytes:
    """Return the PN532 frame carrying ``payload`` (hex, response code first)."""
    return encode_frame(bytes.fromhex(payload), tfi=PN532_TO_HOST)


#: What a reader says when it finds the NTAG: a stale answer must never count.
STALE_NTAG_ANSWER = reply("4B 01 01 0044 00 07 04A1B2C3D4E5F6")


def ntag215(uid: bytes = NTAG_UID, message: bytes | None = URI_MESSAGE) -> VirtualTag:
    """Return an NTAG215 holding ``message``."""
    return make_tag("ntag215", uid, message)


async def settle() -> None:
    """Let bytes already sent reach the other side and be acted on."""
    await asyncio.sleep(0.01)


async def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for ``condition`` to hold (polling); fail after ``timeout``."""
    async with asyncio.timeout(timeout):
        while not condition():  # noqa: ASYNC110 - the emulator offers no event for it
            await asyncio.sleep(0.002)


def commands_sent(emulator: Pn532Emulator, code: int) -> int:
    """Return how many commands with ``code`` the emulator received."""
    return sum(1 for command in emulator.history if command[0] == code)


class _ScriptedLink(asyncio.Transport):
    """The far end of a :class:`ScriptedTransport`: answers writes via ``respond``."""

    def __init__(
        self, protocol: asyncio.Protocol, respond: Callable[[bytes], Iterable[bytes]]
    ) -> None:
        super().__init__()
        self._protocol = protocol
        self._respond = respond
        self._closing = False
        self.written: list[bytes] = []

    @override
    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))
        loop = asyncio.get_running_loop()
        for chunk in self._respond(bytes(data)):
            loop.call_soon(self._deliver, chunk)

    def _deliver(self, chunk: bytes) -> None:
        if not self._closing:
            self._protocol.data_received(chunk)

    @override
    def is_closing(self) -> bool:
        return self._closing

    @override
    def close(self) -> None:
        if not self._closing:
            self._closing = True
            asyncio.get_running_loop().call_soon(self._protocol.connection_lost, None)


class ScriptedTransport(StreamTransport):
    """A stream whose far end is a function: host bytes in, chunks for the host out."""

    def __init__(self, respond: Callable[[bytes], Iterable[bytes]]) -> None:
        """Answer every write with the chunks ``respond`` returns for it."""
        super().__init__()
        self._respond = respond
        self.link: _ScriptedLink | None = None

    @property
    @override
    def description(self) -> str:
        return "scripted"

    @override
    async def _connect(
        self, protocol_factory: Callable[[], asyncio.Protocol]
    ) -> asyncio.BaseTransport:
        protocol = protocol_factory()
        self.link = _ScriptedLink(protocol, self._respond)
        protocol.connection_made(self.link)
        return self.link


@contextlib.contextmanager
def raw_pty() -> Iterator[tuple[int, str]]:
    """Open a pty nobody serves; yield its master fd and the slave's path."""
    master, slave = os.openpty()
    tty.setraw(slave)
    os.set_blocking(master, False)
    try:
        yield master, os.ttyname(slave)
    finally:
        os.close(master)
        os.close(slave)


@contextlib.contextmanager
def babbling_pty(noise: bytes) -> Iterator[str]:
    """Serve a pty that answers anything written to it with ``noise``."""
    loop = asyncio.get_running_loop()
    with raw_pty() as (master, path):

        def answer() -> None:
            with contextlib.suppress(OSError):
                if os.read(master, 4096):
                    os.write(master, noise)

        loop.add_reader(master, answer)
        try:
            yield path
        finally:
            loop.remove_reader(master)


@dataclass
class EmulatorCli:
    """The emulator CLI running as a subprocess, serving a pty at ``link``."""

    process: asyncio.subprocess.Process
    link: Path

    async def command(self, line: str) -> str:
        """Send one command line; return the answer."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()
        async with asyncio.timeout(10):
            return (await self.process.stdout.readline()).decode().strip()


@contextlib.asynccontextmanager
async def emulator_cli(link: Path, tag: str = TAG_SPEC) -> AsyncIterator[EmulatorCli]:
    """Start the emulator CLI with ``tag`` in the field, its pty at ``link``."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        WITHOUT_HOME_ASSISTANT,
        "pn532.emulator",
        "--link",
        str(link),
        "--tag",
        tag,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    assert process.stdout is not None
    try:
        async with asyncio.timeout(60):
            ready = (await process.stdout.readline()).decode().split()
        assert ready[0] == "READY"
        assert link.resolve() == Path(ready[1])
        yield EmulatorCli(process, link)
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()
