"""Typed errors raised by the PN532 library."""

from __future__ import annotations


class Pn532Error(Exception):
    """Base class of every error the PN532 library raises."""


class ReaderNotFound(Pn532Error):
    """The port, bus or device does not exist or cannot be opened."""


class ReaderPermissionDenied(ReaderNotFound):
    """The port exists but this process may not open it."""


class ReaderDisconnected(Pn532Error):
    """The connection to the reader was lost (unplugged, closed, network gone)."""


class ReaderTimeout(Pn532Error):
    """The reader did not acknowledge or answer a command in time."""


class ProtocolError(Pn532Error):
    """The reader answered with something the protocol does not allow."""


class ApplicationError(ProtocolError):
    """The PN532 rejected the command with an application-error frame."""


class NotAPn532(Pn532Error):
    """Something answered, but it is not a PN532."""


class TagError(Pn532Error):
    """A tag operation failed: the tag left, refused or answered an error status."""

    def __init__(self, message: str, status: int | None = None) -> None:
        """Keep the PN532 status byte, when there is one."""
        super().__init__(message)
        self.status = status


class NoTagPresent(TagError):
    """The operation needs a tag in the field and there is none."""


class TagNotWritable(TagError):
    """The tag in the field cannot hold or accept an NDEF message."""


class MessageDoesNotFit(TagNotWritable):
    """The NDEF message is larger than the data area of the tag in the field."""

    def __init__(self, message: str, *, size: int, capacity: int) -> None:
        """Keep the bytes the message needs and the bytes the tag holds."""
        super().__init__(message)
        self.size = size
        self.capacity = capacity


class MessageTooLarge(Pn532Error, ValueError):
    """An NDEF message is larger than a type 2 tag's TLV can describe (65,534 bytes)."""


class InvalidConnection(Pn532Error, ValueError):
    """A reader's location is malformed (a URL, a bus or a port that cannot be)."""
