"""An asyncio MFRC522 (RC522) NFC reader library, with a register-level emulator.

It shares the PN532 library's errors, tag model, NDEF reading and watcher: an
``Rc522`` offers what those use of a ``Pn532``. No Home Assistant imports here.
"""

from .bus import InlineBus, RegisterBus, Registers, ThreadedBus, spi_bus
from .connection import Rc522Connection, Rc522SpiConnection, parse_spi_port
from .device import ChipVersion, IrqLine, Rc522
from .errors import NotAnRc522

__all__ = [
    "ChipVersion",
    "InlineBus",
    "IrqLine",
    "NotAnRc522",
    "Rc522",
    "Rc522Connection",
    "Rc522SpiConnection",
    "RegisterBus",
    "Registers",
    "ThreadedBus",
    "parse_spi_port",
    "spi_bus",
]
