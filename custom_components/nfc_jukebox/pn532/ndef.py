"""NDEF: messages as plain data, and the type 2 tag TLV container around them."""

from __future__ import annotations

from typing import Final, Literal, TypedDict

import ndef

from .errors import MessageTooLarge

TLV_NULL: Final = 0x00
TLV_NDEF: Final = 0x03
TLV_TERMINATOR: Final = 0xFE
_THREE_BYTE_LENGTH: Final = 0xFF
#: The longest value a three-byte TLV length describes (0xFFFF is reserved).
MAX_TLV_LENGTH: Final = 0xFFFE


class NdefRecord(TypedDict, total=False):
    """One NDEF record as plain data: ``type`` plus ``uri`` or ``text``/``language``."""

    type: str
    uri: str
    text: str
    language: str


def decode_message(data: bytes) -> list[NdefRecord]:
    """Decode an NDEF message into plain records; undecodable data gives no records."""
    try:
        records = list(ndef.message_decoder(data))
    except ndef.DecodeError:
        return []
    result: list[NdefRecord] = []
    for record in records:
        if isinstance(record, ndef.UriRecord):
            result.append({"type": "uri", "uri": record.uri})
        elif isinstance(record, ndef.TextRecord):
            result.append(
                {"type": "text", "text": record.text, "language": record.language}
            )
        else:
            result.append({"type": record.type})
    return result


def encode_message(*, uri: str | None = None, text: str | None = None) -> bytes:
    """Encode a message of one URI record and/or one text record."""
    records: list[ndef.Record] = []
    if uri is not None:
        records.append(ndef.UriRecord(uri))
    if text is not None:
        records.append(ndef.TextRecord(text))
    if not records:
        msg = "an NDEF message needs a URI or a text"
        raise ValueError(msg)
    return b"".join(ndef.message_encoder(records))


def wrap_tlv(message: bytes) -> bytes:
    """Put an NDEF message into an NDEF TLV followed by a terminator TLV.

    Raise MessageTooLarge for a message longer than a TLV can describe.
    """
    if len(message) > MAX_TLV_LENGTH:
        msg = f"an NDEF message of {len(message)} bytes is longer than {MAX_TLV_LENGTH}"
        raise MessageTooLarge(msg)
    if len(message) < _THREE_BYTE_LENGTH:
        length = bytes([len(message)])
    else:
        length = bytes([_THREE_BYTE_LENGTH]) + len(message).to_bytes(2, "big")
    return bytes([TLV_NDEF]) + length + message + bytes([TLV_TERMINATOR])


NEED_MORE: Final = "more"


def find_ndef_tlv(area: bytes) -> tuple[int, int] | Literal["more"] | None:
    """Find the NDEF TLV in the start of a tag's data area.

    Returns (offset of its value, its length); the value may extend past ``area``.
    Returns None when a terminator comes first, and NEED_MORE when ``area`` ends
    before the answer is known.
    """
    position = 0
    while position < len(area):
        tag = area[position]
        if tag == TLV_NULL:
            position += 1
            continue
        if tag == TLV_TERMINATOR:
            return None
        if position + 1 >= len(area):
            return NEED_MORE
        length = area[position + 1]
        header = 2
        if length == _THREE_BYTE_LENGTH:
            if position + 3 >= len(area):
                return NEED_MORE
            length = int.from_bytes(area[position + 2 : position + 4], "big")
            header = 4
        if tag == TLV_NDEF:
            return position + header, length
        position += header + length
    return NEED_MORE
