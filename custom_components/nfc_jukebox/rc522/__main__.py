"""Command line: ``scripts/rc522 --port spi:BUS.DEVICE info|read|watch``.

Prints JSON on stdout (``watch``: one line per event); errors go to stderr with a
non-zero exit status. ``--emulate TAGSPEC`` talks to the built-in emulator instead, with
that chip in its field (``ntag215:04A1B2C3D4E5F6:uri=https://example.com``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from typing import Any

from ..pn532.errors import Pn532Error
from ..pn532.tags import read_tag
from ..pn532.watcher import DetectionStrategy, TagWatcher, WatchSettings
from .connection import parse_spi_port
from .device import Rc522

EXIT_ERROR = 1
EXIT_NO_TAG = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/rc522", description="Talk to an RC522 (MFRC522) NFC reader."
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", help="spi:BUS.DEVICE[:SPEED_HZ], e.g. spi:0.0")
    where.add_argument(
        "--emulate", metavar="TAGSPEC", help="use the emulator, with this chip on it"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("info", help="show the chip and its version")
    read = commands.add_parser("read", help="wait for one chip and show it")
    read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait")
    commands.add_parser("watch", help="print placed/removed events until interrupted")
    return parser


def _print(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


def _device(args: argparse.Namespace) -> Rc522:
    if args.emulate is None:
        return Rc522(parse_spi_port(args.port).bus())
    from ..pn532.emulator import parse_tag_spec  # noqa: PLC0415 - only for --emulate
    from .emulator import EmulatedRc522Connection, Mfrc522Emulator  # noqa: PLC0415

    emulator = Mfrc522Emulator()
    emulator.place(parse_tag_spec(args.emulate))
    return Rc522(EmulatedRc522Connection(emulator).bus())


async def _run(args: argparse.Namespace) -> int:
    async with _device(args) as device:
        if args.command == "info":
            version = device.version
            assert version is not None  # noqa: S101 - set by open()
            _print(
                {
                    "ic": version.chip,
                    "version": version.firmware,
                    "register": f"{version.version:02X}",
                    "port": device.description,
                }
            )
        elif args.command == "read":
            target = await device.wait_for_target(args.timeout)
            if target is None:
                sys.stderr.write(f"no chip within {args.timeout:g} s\n")
                return EXIT_NO_TAG
            _print((await read_tag(device, target)).as_dict())
        else:
            settings = WatchSettings(strategy=DetectionStrategy.POLL)
            async for event in TagWatcher(device, settings).events():
                if event.kind != "arrived":
                    _print({"event": event.kind, **event.tag.as_dict()})
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            return asyncio.run(_run(args))
    except (Pn532Error, ValueError) as err:
        sys.stderr.write(f"error: {err}\n")
        return EXIT_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
