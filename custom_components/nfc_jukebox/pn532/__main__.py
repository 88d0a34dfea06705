"""Command line: ``scripts/pn532 --port PORT info|read|watch`` (``python -m pn532``).

Prints JSON on stdout (``watch``: one line per event); errors go to stderr with a
non-zero exit status.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from typing import Any

from .connection import parse_port
from .device import Pn532
from .errors import Pn532Error
from .tags import read_tag
from .uart import DEFAULT_BAUDRATE
from .watcher import TagWatcher

EXIT_ERROR = 1
EXIT_NO_TAG = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/pn532",
        description="Talk to a PN532 NFC reader.",
    )
    parser.add_argument(
        "--port",
        required=True,
        help="serial device, socket://HOST:PORT, rfc2217://HOST:PORT, "
        "i2c:BUS[:ADDRESS] or spi:BUS.DEVICE",
    )
    parser.add_argument("--baudrate", type=int, default=DEFAULT_BAUDRATE)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("info", help="show the chip and firmware version")
    read = commands.add_parser("read", help="wait for one tag and show it")
    read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait")
    commands.add_parser("watch", help="print placed/removed events until interrupted")
    return parser


def _print(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


async def _run(args: argparse.Namespace) -> int:
    async with Pn532(
        parse_port(args.port, baudrate=args.baudrate).transport()
    ) as device:
        if args.command == "info":
            firmware = device.firmware or await device.firmware_version()
            _print(
                {
                    "ic": firmware.chip,
                    "firmware": firmware.firmware,
                    "support": f"{firmware.support:02X}",
                    "port": device.transport.description,
                }
            )
        elif args.command == "read":
            target = await device.wait_for_target(args.timeout)
            if target is None:
                sys.stderr.write(f"no tag within {args.timeout:g} s\n")
                return EXIT_NO_TAG
            _print((await read_tag(device, target)).as_dict())
        else:
            async for event in TagWatcher(device).events():
                if event.kind != "arrived":  # "placed" follows with the NDEF
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
