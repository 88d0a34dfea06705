"""What a tag is, and reading and writing NDEF on type 2 tags (NTAG21x, Ultralight)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, Protocol

from .errors import MessageDoesNotFit, NoTagPresent, TagError, TagNotWritable
from .ndef import NEED_MORE, NdefRecord, decode_message, find_ndef_tlv, wrap_tlv

if TYPE_CHECKING:
    from .device import Target

_LOGGER = logging.getLogger(__name__)

READ: Final = 0x30
WRITE: Final = 0xA2
FAST_READ: Final = 0x3A
FAST_READ_MAX_PAGES: Final = 60  # 240 bytes: fits one normal PN532 frame
PAGE_SIZE: Final = 4
READ_SIZE: Final = 16
CC_PAGE: Final = 3
DATA_PAGE: Final = 4
NDEF_MAGIC: Final = 0xE1
_SAK_TYPE2: Final = 0x00
_SAK_CLASSIC_1K: Final = 0x08
_SAK_CLASSIC_4K: Final = 0x18
#: InDataExchange statuses of a read cut short by the RF link (the tag left or sits
#: at the edge of the field): timeout, CRC, parity, bit count, framing.
_RF_ERRORS: Final = frozenset({0x01, 0x02, 0x03, 0x0A, 0x0B})


class TagType(StrEnum):
    """Kinds of tags a jukebox meets."""

    NTAG213 = "ntag213"
    NTAG215 = "ntag215"
    NTAG216 = "ntag216"
    ULTRALIGHT = "ultralight"
    TYPE2 = "type2"
    MIFARE_CLASSIC_1K = "classic1k"
    MIFARE_CLASSIC_4K = "classic4k"
    ISO14443_4 = "iso14443_4"
    UNKNOWN = "unknown"


_TYPE2_BY_CC_SIZE: Final = {
    0x12: TagType.NTAG213,
    0x3E: TagType.NTAG215,
    0x6D: TagType.NTAG216,
    0x06: TagType.ULTRALIGHT,
}


class TagDevice(Protocol):
    """A reader chip that finds type A tags and exchanges frames with them."""

    #: The most pages one FAST_READ may return through this chip.
    fast_read_max_pages: int

    async def list_passive_target(
        self, *, retries: int = 1, timeout: float | None = None
    ) -> Target | None:
        """Look for one tag (``retries`` more tries); None when there is none."""
        ...

    async def wait_for_target(self, timeout: float) -> Target | None:
        """Wait for a tag; None when none came within ``timeout``."""
        ...

    async def data_exchange(self, data: bytes, *, target: int = 1) -> bytes:
        """Send ``data`` to the selected tag; return its answer."""
        ...


#: type 2 tags that understand FAST_READ
NTAG_TYPES: Final = frozenset({TagType.NTAG213, TagType.NTAG215, TagType.NTAG216})


@dataclass(frozen=True, kw_only=True, slots=True)
class TagInfo:
    """A tag in the field: its identity, type and NDEF records."""

    target: Target
    type: TagType
    ndef: tuple[NdefRecord, ...] = ()
    #: False until the tag's memory was read: just found, or it left mid-read.
    complete: bool = True

    @property
    def uid(self) -> str:
        """Return the UID as upper-case hex without separators."""
        return self.target.uid_hex

    def as_dict(self) -> dict[str, Any]:
        """Return the tag as JSON-ready data."""
        return {
            "uid": self.uid,
            "atqa": self.target.atqa.hex().upper(),
            "sak": f"{self.target.sak:02X}",
            "type": self.type.value,
            "ndef": [dict(record) for record in self.ndef],
        }


def crc_a(data: bytes, preset: int = 0x6363) -> bytes:
    """Return the ISO/IEC 14443-3 CRC_A of ``data``, low byte first."""
    crc = preset
    for byte in data:
        mixed = (byte ^ crc) & 0xFF
        mixed = (mixed ^ (mixed << 4)) & 0xFF
        crc = (crc >> 8) ^ (mixed << 8) ^ (mixed << 3) ^ (mixed >> 4)
    return bytes([crc & 0xFF, crc >> 8])


def identify(target: Target) -> TagInfo:
    """Return what the activation answer alone tells of ``target`` (no NDEF yet)."""
    return TagInfo(target=target, type=_kind_from_answer(target), complete=False)


async def read_tag(device: TagDevice, target: Target) -> TagInfo:
    """Identify ``target`` and read its NDEF message where it has one.

    A tag that leaves (or whose RF link fails) while its memory is read is still
    reported, without NDEF and not ``complete``; one that refuses the read is
    complete, without NDEF.
    """
    if (kind := _kind_from_answer(target)) is not TagType.TYPE2:
        return TagInfo(target=target, type=kind)
    try:
        first = await _read_pages(device, target, CC_PAGE)
    except TagError as err:
        _LOGGER.debug("could not read %s: %s", target.uid_hex, err)
        return TagInfo(target=target, type=kind, complete=_stayed(err))
    cc = first[:PAGE_SIZE]
    if cc[0] != NDEF_MAGIC:
        return TagInfo(target=target, type=kind)
    kind = _TYPE2_BY_CC_SIZE.get(cc[2], TagType.TYPE2)
    try:
        records = await _read_ndef(
            device, target, first[PAGE_SIZE:], cc[2] * 8, fast=kind in NTAG_TYPES
        )
    except TagError as err:
        _LOGGER.debug("could not read the NDEF of %s: %s", target.uid_hex, err)
        return TagInfo(target=target, type=kind, complete=_stayed(err))
    return TagInfo(target=target, type=kind, ndef=tuple(records))


def _stayed(err: TagError) -> bool:
    """Return False when the read was cut short by the RF link (worth another try)."""
    return not isinstance(err, NoTagPresent) and err.status not in _RF_ERRORS


async def _read_pages(device: TagDevice, target: Target, page: int) -> bytes:
    """READ four pages from ``page``; a short answer is a tag error."""
    data = await device.data_exchange(bytes([READ, page]), target=target.number)
    if len(data) != READ_SIZE:
        msg = f"READ of page {page} answered {len(data)} bytes, not {READ_SIZE}"
        raise TagError(msg)
    return data


def _kind_from_answer(target: Target) -> TagType:
    if target.is_iso14443_4:
        return TagType.ISO14443_4
    return {
        _SAK_TYPE2: TagType.TYPE2,
        _SAK_CLASSIC_1K: TagType.MIFARE_CLASSIC_1K,
        _SAK_CLASSIC_4K: TagType.MIFARE_CLASSIC_4K,
    }.get(target.sak, TagType.UNKNOWN)


async def _read_ndef(
    device: TagDevice, target: Target, area: bytes, area_size: int, *, fast: bool
) -> list[NdefRecord]:
    page = DATA_PAGE + len(area) // PAGE_SIZE
    while True:
        found = find_ndef_tlv(area)
        if found is None:
            return []
        if found != NEED_MORE:
            offset, length = found
            if offset + length > area_size:
                return []
            if len(area) >= offset + length:
                return decode_message(area[offset : offset + length])
            if fast:
                # NTAG21x: fetch the rest of the message in one exchange, not one
                # READ per 16 bytes (each costs a round trip).
                last = DATA_PAGE + (offset + length - 1) // PAGE_SIZE
                try:
                    area += await _fast_read(device, target, page, last)
                except TagError:
                    # An Ultralight C has an NTAG213's CC but NAKs FAST_READ, which
                    # sends it back to IDLE: select it again and READ on.
                    again = await device.list_passive_target()
                    if again is None or again.uid != target.uid:
                        raise
                    fast = False
                    continue
                page = last + 1
                continue
        if len(area) >= area_size:
            return []
        area += await _read_pages(device, target, page)
        page += READ_SIZE // PAGE_SIZE


async def _fast_read(device: TagDevice, target: Target, first: int, last: int) -> bytes:
    """FAST_READ pages ``first``..``last``, in exchanges the PN532 can carry."""
    data = b""
    most = device.fast_read_max_pages
    for start in range(first, last + 1, most):
        end = min(start + most - 1, last)
        answer = await device.data_exchange(
            bytes([FAST_READ, start, end]), target=target.number
        )
        if len(answer) != (end - start + 1) * PAGE_SIZE:
            msg = f"FAST_READ of pages {start}-{end} answered {len(answer)} bytes"
            raise TagError(msg)
        data += answer
    return data


async def write_ndef(device: TagDevice, target: Target, message: bytes) -> None:
    """Write an NDEF message to the type 2 tag ``target``.

    Raise TagNotWritable when the tag is not an NDEF type 2 tag, is read-only, or
    the message does not fit.
    """
    if _kind_from_answer(target) is not TagType.TYPE2:
        msg = f"tag {target.uid_hex} is not an NDEF type 2 tag"
        raise TagNotWritable(msg)
    cc = (await _read_pages(device, target, CC_PAGE))[:PAGE_SIZE]
    if cc[0] != NDEF_MAGIC:
        msg = f"tag {target.uid_hex} is not formatted for NDEF"
        raise TagNotWritable(msg)
    if cc[3] & 0x0F:
        msg = f"tag {target.uid_hex} is read-only"
        raise TagNotWritable(msg)
    data = wrap_tlv(message)
    if len(data) > cc[2] * 8:
        msg = f"{len(data)} bytes do not fit into the {cc[2] * 8} bytes of the tag"
        raise MessageDoesNotFit(msg, size=len(data), capacity=cc[2] * 8)
    data += bytes(-len(data) % PAGE_SIZE)
    for index in range(0, len(data), PAGE_SIZE):
        page = DATA_PAGE + index // PAGE_SIZE
        await device.data_exchange(
            bytes([WRITE, page]) + data[index : index + PAGE_SIZE],
            target=target.number,
        )
