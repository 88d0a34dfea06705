"""Serve an emulated PN532 on a pty, driven by commands on stdin.

    scripts/pn532-emulator --link PATH [--tag SPEC]
        [--pace-baud N] [--seed N]

PATH becomes a symlink to the pty, then ``READY <pty path>`` is printed. Commands,
one per line, each answered ``OK`` or ``ERR <reason>``:

    place SPEC    put a tag in the field (TYPE:UIDHEX[:uri=URL|:text=TEXT])
    remove        take the tag away
    unplug        pull the cable: the pty and the symlink go away
    replug        plug back in: a new pty, PATH points to it
    quit          stop (end of input does the same)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

from .core import Faults, Pn532Emulator
from .streams import PtyLink
from .virtual_tags import VirtualTag, parse_tag_spec


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/pn532-emulator",
        description="Serve an emulated PN532 on a pty; commands on stdin.",
    )
    parser.add_argument("--link", required=True, type=Path, help="symlink to the pty")
    parser.add_argument("--tag", help="a tag in the field from the start (SPEC)")
    parser.add_argument("--pace-baud", type=int, help="pace bytes at this baud rate")
    parser.add_argument("--seed", type=int, help="seed for random (phone) UIDs")
    arguments = parser.parse_args(argv)
    if arguments.tag is not None:
        try:
            arguments.tag = parse_tag_spec(arguments.tag)
        except ValueError as err:
            parser.error(f"--tag: {err}")
    if arguments.pace_baud is not None and arguments.pace_baud <= 0:
        parser.error("--pace-baud must be positive")
    return arguments


class _Symlink:
    """PATH, kept pointing at the current pty (absent while unplugged)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def point_to(self, target: str | None) -> None:
        if target is None:
            self.remove()
            return
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(target)
        temporary.replace(self.path)

    def remove(self) -> None:
        if self.path.is_symlink():
            self.path.unlink(missing_ok=True)


def _start_reading_stdin(
    loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str | None]
) -> None:
    # A daemon thread: a blocked readline must not keep the process alive at exit.
    def read() -> None:
        # After "quit" the loop is closed while this thread may still read a line.
        with contextlib.suppress(RuntimeError):
            for line in sys.stdin:
                loop.call_soon_threadsafe(lines.put_nowait, line)
            loop.call_soon_threadsafe(lines.put_nowait, None)

    threading.Thread(target=read, name="stdin", daemon=True).start()


def _execute(emulator: Pn532Emulator, line: str) -> str | None:
    """Run one command line; return the answer, or None to quit."""
    command, _, argument = line.strip().partition(" ")
    argument = argument.strip()
    match command:
        case "place":
            try:
                tag: VirtualTag = parse_tag_spec(argument)
            except ValueError as err:
                return f"ERR {err}"
            emulator.place(tag)
        case "remove":
            emulator.remove()
        case "unplug":
            emulator.unplug()
        case "replug":
            emulator.replug()
        case "quit":
            return None
        case "":
            return "ERR empty command"
        case _:
            return f"ERR unknown command {command!r}"
    return "OK"


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


async def _serve(arguments: argparse.Namespace) -> None:
    loop = asyncio.get_running_loop()
    emulator = Pn532Emulator(
        faults=Faults(pace_baud=arguments.pace_baud), seed=arguments.seed
    )
    if arguments.tag is not None:
        emulator.place(arguments.tag)
    symlink = _Symlink(arguments.link)
    link = PtyLink(emulator, on_path=symlink.point_to)
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, lines.put_nowait, None)
    try:
        path = link.open()
        symlink.point_to(path)
        _say(f"READY {path}")
        _start_reading_stdin(loop, lines)
        while (line := await lines.get()) is not None:
            answer = _execute(emulator, line)
            if answer is None:
                _say("OK")
                break
            _say(answer)
    finally:
        link.close()
        symlink.remove()
        await emulator.aclose()


def main(argv: list[str] | None = None) -> None:
    """Run the emulator CLI."""
    arguments = _arguments(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(arguments))


if __name__ == "__main__":
    main()
