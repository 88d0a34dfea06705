"""An RC522 (MFRC522) on the SPI bus: its connection, from a reader's entry data.

The rest of a reader (watching, reconnecting, writing chips) is the PN532's: the
library's ``Rc522`` offers what the watcher and the tag code use of a ``Pn532``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..const import CONF_BUS, CONF_SPEED_HZ, CONF_SPI_DEVICE
from ..rc522 import Rc522, Rc522SpiConnection


def rc522_connection(data: Mapping[str, Any]) -> Rc522SpiConnection:
    """Return where the RC522 of a reader's entry data is."""
    return Rc522SpiConnection(
        data[CONF_BUS], data[CONF_SPI_DEVICE], data[CONF_SPEED_HZ]
    )


def rc522_chip(data: Mapping[str, Any]) -> Rc522:
    """Return a (closed) driver for the RC522 of a reader's entry data."""
    return Rc522(rc522_connection(data).bus())
