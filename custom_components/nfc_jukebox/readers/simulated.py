"""The simulated reader: the PN532 emulator in place of a board.

The only module of the integration that imports the emulator at run time: a simulated
reader's entry builds its emulator here, and the simulate actions place and lift chips
on it through here.
"""

from __future__ import annotations

from typing import Final

from ..pn532 import Connection as ConnectionSpec
from ..pn532.emulator import (
    TAG_KINDS,
    ContentNotSupported,
    ContentTooLarge,
    EmulatedConnection,
    Pn532Emulator,
    UidSizeError,
    make_tag,
)

#: the kinds of virtual chip a simulated reader can be given
CHIP_KINDS: Final = TAG_KINDS

__all__ = [
    "CHIP_KINDS",
    "ContentNotSupported",
    "ContentTooLarge",
    "UidSizeError",
    "emulated_connection",
    "new_emulator",
    "place_chip",
]


def new_emulator() -> Pn532Emulator:
    """Return the virtual PN532 of a new simulated reader."""
    return Pn532Emulator()


def emulated_connection(emulator: Pn532Emulator) -> ConnectionSpec:
    """Return the connection to ``emulator``, as a board's port would be."""
    return EmulatedConnection(emulator)


def place_chip(
    emulator: Pn532Emulator, kind: str, uid: bytes, message: bytes | None
) -> None:
    """Put a virtual chip of ``kind`` on the reader (UidSizeError, Content… if it cannot be)."""
    emulator.place(make_tag(kind, uid, message))
