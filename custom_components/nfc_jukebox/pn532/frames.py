"""PN532 frame codec: build host frames, and decode a byte stream into frames.

The same frames travel over UART, I2C and SPI; only how the bytes move differs.
The decoder is incremental and never raises: it resynchronises on the start code
``00 FF`` and reports damaged frames as :class:`BadFrame`, so a caller can ask for a
resend (NACK) instead of losing its place in the stream. That includes a frame whose
start code or direction byte was hit by noise: its length and length checksum still
say "a frame was here".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

HOST_TO_PN532: Final = 0xD4
PN532_TO_HOST: Final = 0xD5

START_CODE: Final = b"\x00\xff"
ACK: Final = b"\x00\x00\xff\x00\xff\x00"
NACK: Final = b"\x00\x00\xff\xff\x00\x00"
ERROR_FRAME: Final = b"\x00\x00\xff\x01\xff\x7f\x81\x00"

_LEN_ACK: Final = (0x00, 0xFF)
_LEN_NACK: Final = (0xFF, 0x00)
_LEN_EXTENDED: Final = (0xFF, 0xFF)
_DIRECTIONS: Final = (HOST_TO_PN532, PN532_TO_HOST)
_ERROR_TFI: Final = 0x7F
#: Bytes kept back when no start code is in sight: a damaged start code, LEN and LCS
#: (the TFI that would confirm them may still be on its way).
_KEEP: Final = 4
_HEADER: Final = 5  # two start-code bytes, LEN, LCS, TFI
_START_WORD: Final = 0x00FF
MAX_NORMAL_LEN: Final = 255
MAX_EXTENDED_LEN: Final = 265  # the PN532 buffer limit for TFI + data


@dataclass(frozen=True, slots=True)
class Ack:
    """An ACK frame: the command was received (or, from the host, abort it)."""


@dataclass(frozen=True, slots=True)
class Nack:
    """A NACK frame: resend the last response."""


@dataclass(frozen=True, slots=True)
class ErrorFrame:
    """The application-error frame (syntax error in the last command)."""


@dataclass(frozen=True, slots=True)
class Frame:
    """An information frame: direction byte (TFI) and payload."""

    tfi: int
    data: bytes

    @property
    def code(self) -> int | None:
        """Return the command or response code, the first payload byte."""
        return self.data[0] if self.data else None


@dataclass(frozen=True, slots=True)
class BadFrame:
    """A frame whose length or data checksum was wrong; it was dropped."""

    reason: str


type FrameEvent = Ack | Nack | ErrorFrame | Frame | BadFrame


def checksum(data: bytes | bytearray) -> int:
    """Return the byte that makes ``sum(data) + checksum`` zero modulo 256."""
    return -sum(data) & 0xFF


def _sound_header(length: int, lcs: int) -> bool:
    """Return whether LEN and LCS agree on a non-empty normal frame."""
    return length > 0 and not (length + lcs) & 0xFF


def encode_frame(data: bytes, tfi: int = HOST_TO_PN532) -> bytes:
    """Build an information frame (normal or extended) around ``tfi`` + ``data``."""
    body = bytes([tfi]) + data
    length = len(body)
    if length > MAX_EXTENDED_LEN:
        msg = f"frame payload of {length} bytes exceeds {MAX_EXTENDED_LEN}"
        raise ValueError(msg)
    if length <= MAX_NORMAL_LEN:
        header = bytes([length, checksum(bytes([length]))])
    else:
        high, low = length >> 8, length & 0xFF
        header = bytes([0xFF, 0xFF, high, low, checksum(bytes([high, low]))])
    return b"\x00\x00\xff" + header + body + bytes([checksum(body)]) + b"\x00"


def encode_command(code: int, params: bytes = b"") -> bytes:
    """Build the host frame for one PN532 command."""
    return encode_frame(bytes([code]) + params)


class FrameDecoder:
    """Turn received bytes into frame events, whatever the chunking.

    Bytes before a start code (preambles, garbage, stale replies) are skipped.
    Trailing postamble bytes are optional: the next start code is what counts.
    """

    __slots__ = ("_buffer",)

    def __init__(self) -> None:
        """Start with an empty buffer."""
        self._buffer = bytearray()

    def clear(self) -> None:
        """Forget buffered bytes (after flushing the input of a transport)."""
        self._buffer.clear()

    def feed(self, data: bytes | bytearray) -> list[FrameEvent]:
        """Add received bytes; return every complete frame event they finish."""
        self._buffer += data
        events: list[FrameEvent] = []
        while (event := self._next()) is not None:
            events.append(event)
        return events

    def _next(self) -> FrameEvent | None:  # noqa: PLR0911 - one return per frame kind
        buf = self._buffer
        while True:
            found = self._seek_start()
            if found is not True:
                return found or None
            if len(buf) < 4:  # noqa: PLR2004 - start code + LEN + LCS
                return None
            length, lcs = buf[2], buf[3]
            if (length, lcs) == _LEN_ACK:
                del buf[:4]
                return Ack()
            if (length, lcs) == _LEN_NACK:
                del buf[:4]
                return Nack()
            extended = (length, lcs) == _LEN_EXTENDED
            if not self._plausible(header=7 if extended else 4, length=length):
                # Not the start of a frame we can read. Skipping it here keeps a real
                # frame behind it from being swallowed as the body of a long frame
                # that never ends; a sound header, though, means noise hit the TFI.
                del buf[:2]
                if _sound_header(length, lcs) and not extended:
                    return BadFrame("direction byte damaged")
                continue
            if extended:
                return self._extended()
            if (length + lcs) & 0xFF:
                del buf[:2]
                return BadFrame("length checksum mismatch")
            return self._information(header=4, length=length)

    def _seek_start(self) -> BadFrame | bool:
        """Drop bytes up to the next start code; False when there is none yet.

        A start code hit by noise is reported (and dropped) as a bad frame.
        """
        buf = self._buffer
        start = buf.find(START_CODE)
        damaged = self._damaged_start(len(buf) if start < 0 else start)
        if damaged is not None:
            del buf[: damaged + 2]
            return BadFrame("start code damaged")
        if start < 0:
            # Keep the tail: it may be the beginning of a (damaged) start code.
            del buf[: max(len(buf) - _KEEP, 0)]
            return False
        del buf[:start]
        return True

    def _damaged_start(self, end: int) -> int | None:
        """Return where a frame whose start code took one bit flip begins, if any.

        Only before ``end`` (the first intact start code): two bytes one bit away
        from ``00 FF``, then LEN and LCS that agree, then a direction byte.
        """
        buf = self._buffer
        for index in range(min(end, len(buf) - _HEADER + 1)):
            start_word = (buf[index] << 8) | buf[index + 1]
            if (
                buf[index + 4] in _DIRECTIONS
                and _sound_header(buf[index + 2], buf[index + 3])
                and (start_word ^ _START_WORD).bit_count() == 1
            ):
                return index
        return None

    def _plausible(self, *, header: int, length: int) -> bool:
        """Return False when the byte after the header cannot be a frame's TFI."""
        buf = self._buffer
        if len(buf) <= header:
            return True  # not known yet
        tfi = buf[header]
        return tfi in _DIRECTIONS or (tfi == _ERROR_TFI and length == 1)

    def _extended(self) -> FrameEvent | None:
        buf = self._buffer
        if len(buf) < 7:  # noqa: PLR2004 - start code + FF FF + LENM LENL LCS
            return None
        high, low, lcs = buf[4], buf[5], buf[6]
        if (high + low + lcs) & 0xFF:
            del buf[:2]
            return BadFrame("extended length checksum mismatch")
        return self._information(header=7, length=(high << 8) | low)

    def _information(self, *, header: int, length: int) -> FrameEvent | None:
        buf = self._buffer
        if length == 0:
            del buf[:2]
            return BadFrame("empty information frame")
        end = header + length + 1  # + DCS
        if len(buf) < end:
            return None
        body = bytes(buf[header : end - 1])
        dcs = buf[end - 1]
        if (sum(body) + dcs) & 0xFF:
            # The length looked right but the data did not: drop just the start code,
            # so a real frame hidden inside the bad one is still found.
            del buf[:2]
            return BadFrame("data checksum mismatch")
        del buf[:end]
        if body == b"\x7f":
            return ErrorFrame()
        return Frame(tfi=body[0], data=body[1:])
