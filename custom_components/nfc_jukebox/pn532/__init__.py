"""An asyncio PN532 NFC reader library, with a faithful emulator for testing.

This package must stay free of Home Assistant imports.
"""

from .connection import (
    Connection,
    I2cConnection,
    NetworkConnection,
    SerialConnection,
    SpiConnection,
    parse_port,
)
from .device import FirmwareVersion, Pn532, Target
from .errors import (
    ApplicationError,
    InvalidConnection,
    MessageTooLarge,
    NoTagPresent,
    NotAPn532,
    Pn532Error,
    ProtocolError,
    ReaderDisconnected,
    ReaderNotFound,
    ReaderPermissionDenied,
    ReaderTimeout,
    TagError,
    TagNotWritable,
)
from .ndef import NdefRecord, encode_message
from .tags import TagInfo, TagType, read_tag, write_ndef
from .transport import Transport
from .watcher import DetectionStrategy, TagEvent, TagWatcher, WatchSettings

__all__ = [
    "ApplicationError",
    "Connection",
    "DetectionStrategy",
    "FirmwareVersion",
    "I2cConnection",
    "InvalidConnection",
    "MessageTooLarge",
    "NdefRecord",
    "NetworkConnection",
    "NoTagPresent",
    "NotAPn532",
    "Pn532",
    "Pn532Error",
    "ProtocolError",
    "ReaderDisconnected",
    "ReaderNotFound",
    "ReaderPermissionDenied",
    "ReaderTimeout",
    "SerialConnection",
    "SpiConnection",
    "TagError",
    "TagEvent",
    "TagInfo",
    "TagNotWritable",
    "TagType",
    "TagWatcher",
    "Target",
    "Transport",
    "WatchSettings",
    "encode_message",
    "parse_port",
    "read_tag",
    "write_ndef",
]
