"""Errors of the MFRC522 driver beyond the PN532 library's shared ones."""

from __future__ import annotations

from ..pn532.errors import Pn532Error


class NotAnRc522(Pn532Error):
    """Something answers on the bus, but it is not an MFRC522."""
