"""An asyncio PN532 NFC reader library, with a faithful emulator for testing.

This package must stay free of Home Assistant imports.
"""

from .device import FirmwareVersion, Pn532, Target
from .errors import (
    ApplicationError,
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
from .ports import transport_for_port
from .tags import TagInfo, TagType, read_tag, write_ndef
from .transport import Transport
from .watcher import DetectionStrategy, TagEvent, TagWatcher, WatchSettings

__all__ = [
    "ApplicationError",
    "DetectionStrategy",
    "FirmwareVersion",
    "MessageTooLarge",
    "NdefRecord",
    "NoTagPresent",
    "NotAPn532",
    "Pn532",
    "Pn532Error",
    "ProtocolError",
    "ReaderDisconnected",
    "ReaderNotFound",
    "ReaderPermissionDenied",
    "ReaderTimeout",
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
    "read_tag",
    "transport_for_port",
    "write_ndef",
]
