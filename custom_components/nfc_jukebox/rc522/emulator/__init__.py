"""A virtual MFRC522 for tests, the bench and the simulated RC522 reader.

It shares the PN532 emulator's virtual tags (``pn532.emulator``: NTAG21x, Ultralight,
MIFARE Classic, a phone), driven register by register on the air interface.
"""

from .core import BIT_TIME, VERSION_2_0, Faults, Mfrc522Emulator
from .links import EmulatedIrq, EmulatedRc522Connection, InlineLink, ThreadedLink

__all__ = [
    "BIT_TIME",
    "VERSION_2_0",
    "EmulatedIrq",
    "EmulatedRc522Connection",
    "Faults",
    "InlineLink",
    "Mfrc522Emulator",
    "ThreadedLink",
]
