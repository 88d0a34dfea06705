"""The simulated reader: an emulated PN532 or MFRC522 in place of a board.

The only module of the integration that imports the emulators at run time: a simulated
reader's entry builds its emulator here, and the simulate actions place and lift chips
on it through here.
"""

from __future__ import annotations

from typing import Final

from ..const import SimulatedChip
from ..pn532 import Pn532
from ..pn532.emulator import (
    TAG_KINDS,
    ContentNotSupported,
    ContentTooLarge,
    EmulatedConnection,
    Pn532Emulator,
    UidSizeError,
    make_tag,
)
from ..rc522 import Rc522
from ..rc522.emulator import EmulatedRc522Connection, Mfrc522Emulator
from .base import ReaderChip, VirtualField

#: the kinds of virtual chip a simulated reader can be given
CHIP_KINDS: Final = TAG_KINDS

__all__ = [
    "CHIP_KINDS",
    "ContentNotSupported",
    "ContentTooLarge",
    "UidSizeError",
    "emulated_chip",
    "new_emulator",
    "place_chip",
]


def new_emulator(chip: str = SimulatedChip.PN532) -> Pn532Emulator | Mfrc522Emulator:
    """Return the virtual reader chip of a new simulated reader."""
    return Mfrc522Emulator() if chip == SimulatedChip.RC522 else Pn532Emulator()


def emulated_chip(emulator: Pn532Emulator | Mfrc522Emulator) -> ReaderChip:
    """Return the driver of ``emulator``, as a board's driver would be."""
    if isinstance(emulator, Mfrc522Emulator):
        return Rc522(EmulatedRc522Connection(emulator).bus())
    return Pn532(EmulatedConnection(emulator).transport())


def place_chip(
    emulator: VirtualField, kind: str, uid: bytes, message: bytes | None
) -> None:
    """Put a virtual chip of ``kind`` on the reader (UidSizeError, Content… if it cannot be)."""
    emulator.place(make_tag(kind, uid, message))
