"""A virtual PN532 for tests and the simulated reader: frames, tags, links and faults.

``scripts/pn532-emulator --link PATH`` serves one
on a pty (see ``__main__``).
"""

from .buses import FakeI2cBus, FakeSpiLink
from .core import (
    FIRMWARE_VERSION,
    PASSIVE_TRY_TIME,
    TAG_RESPONSE_TIME,
    WAIT_FOREVER,
    Faults,
    HostLink,
    Pn532Emulator,
)
from .streams import EmulatedConnection, EmulatorTransport, PtyLink
from .virtual_tags import (
    TAG_KINDS,
    UID_SIZES,
    ClassicTag,
    ContentNotSupported,
    ContentTooLarge,
    PhoneTag,
    TagSpecError,
    Type2Tag,
    UidSizeError,
    VirtualTag,
    make_tag,
    ntag,
    parse_tag_spec,
    ultralight,
)

__all__ = [
    "FIRMWARE_VERSION",
    "PASSIVE_TRY_TIME",
    "TAG_KINDS",
    "TAG_RESPONSE_TIME",
    "UID_SIZES",
    "WAIT_FOREVER",
    "ClassicTag",
    "ContentNotSupported",
    "ContentTooLarge",
    "EmulatedConnection",
    "EmulatorTransport",
    "FakeI2cBus",
    "FakeSpiLink",
    "Faults",
    "HostLink",
    "PhoneTag",
    "Pn532Emulator",
    "PtyLink",
    "TagSpecError",
    "Type2Tag",
    "UidSizeError",
    "VirtualTag",
    "make_tag",
    "ntag",
    "parse_tag_spec",
    "ultralight",
]
