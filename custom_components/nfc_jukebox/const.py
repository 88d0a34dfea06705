"""Constants for the NFC Jukebox integration."""

import logging
from typing import Final

DOMAIN: Final = "nfc_jukebox"
LOGGER: Final = logging.getLogger(__package__)
