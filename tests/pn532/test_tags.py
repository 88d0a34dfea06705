"""Tag types, NDEF reading and writing on type 2 tags, against the emulated field."""

from __future__ import annotations

from typing import override

import ndef
import pytest

from custom_components.nfc_jukebox.pn532 import (
    NoTagPresent,
    Pn532,
    TagInfo,
    TagNotWritable,
    TagType,
    Target,
    read_tag,
    write_ndef,
)
from custom_components.nfc_jukebox.pn532.emulator import (
    Pn532Emulator,
    Type2Tag,
    VirtualTag,
    make_tag,
    ntag,
)
from custom_components.nfc_jukebox.pn532.emulator.virtual_tags import (
    STATUS_TIMEOUT,
    TagReply,
)
from custom_components.nfc_jukebox.pn532.ndef import (
    NEED_MORE,
    decode_message,
    encode_message,
    find_ndef_tlv,
    wrap_tlv,
)

from .support import CLASSIC_UID, NTAG_UID, URI_MESSAGE

LOCK_CONTROL_TLV = bytes.fromhex("0103A00C34")
READ = 0x30
FAST_READ = 0x3A


async def present(emulator: Pn532Emulator, device: Pn532, tag: VirtualTag) -> Target:
    """Place ``tag`` and select it."""
    emulator.place(tag)
    target = await device.list_passive_target()
    assert target is not None
    return target


async def read(emulator: Pn532Emulator, device: Pn532, tag: VirtualTag) -> TagInfo:
    """Place ``tag`` and read it."""
    return await read_tag(device, await present(emulator, device, tag))


def with_user_area(tag: Type2Tag, area: bytes) -> Type2Tag:
    """Overwrite the start of the tag's user memory (page 4 on) with ``area``."""
    tag.memory[16 : 16 + len(area)] = area
    return tag


def reads_of(emulator: Pn532Emulator, command: int = READ) -> int:
    """Return how many READ (or other) commands the tag got through InDataExchange."""
    return sum(
        1 for sent in emulator.history if sent[:3] == bytes([0x40, 0x01, command])
    )


# --- what kind of tag ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "uid", "expected"),
    [
        ("ntag213", NTAG_UID, TagType.NTAG213),
        ("ntag215", NTAG_UID, TagType.NTAG215),
        ("ntag216", NTAG_UID, TagType.NTAG216),
        ("ultralight", NTAG_UID, TagType.ULTRALIGHT),
        ("classic1k", CLASSIC_UID, TagType.MIFARE_CLASSIC_1K),
        ("phone", b"", TagType.ISO14443_4),
    ],
)
async def test_each_kind_of_tag_is_recognised(
    emulator: Pn532Emulator, device: Pn532, kind: str, uid: bytes, expected: TagType
) -> None:
    tag = await read(emulator, device, make_tag(kind, uid))
    assert tag.type is expected
    assert tag.ndef == ()


def test_classic_4k_and_unknown_answers_are_named_without_reading() -> None:
    # Neither needs the chip: the SAK says it all.
    classic4k = Target(number=1, atqa=b"\x00\x02", sak=0x18, uid=CLASSIC_UID)
    unknown = Target(number=1, atqa=b"\x00\x04", sak=0x09, uid=CLASSIC_UID)
    assert TagInfo(target=classic4k, type=TagType.MIFARE_CLASSIC_4K).uid == "DEADBEEF"
    assert TagInfo(target=unknown, type=TagType.UNKNOWN).as_dict()["sak"] == "09"


async def test_a_type2_tag_without_ndef_magic_is_a_plain_type2(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = ntag("ntag213", NTAG_UID)
    tag.memory[12:16] = bytes(4)
    assert (await read(emulator, device, tag)).type is TagType.TYPE2


async def test_a_tag_reads_as_json_ready_data(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = await read(emulator, device, make_tag("ntag215", NTAG_UID, URI_MESSAGE))
    assert tag.as_dict() == {
        "uid": "04A1B2C3D4E5F6",
        "atqa": "0044",
        "sak": "00",
        "type": "ntag215",
        "ndef": [{"type": "uri", "uri": "https://example.com"}],
    }


# --- reading NDEF ----------------------------------------------------------------------


async def test_a_text_record_is_read_with_its_language(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    message = b"".join(ndef.message_encoder([ndef.TextRecord("hallo", "de")]))
    tag = await read(emulator, device, make_tag("ntag213", NTAG_UID, message))
    assert tag.ndef == ({"type": "text", "text": "hallo", "language": "de"},)


async def test_an_ntag_message_takes_one_read_and_one_fast_read(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    await read(emulator, device, make_tag("ntag215", NTAG_UID, URI_MESSAGE))
    assert reads_of(emulator) == 1  # the CC with pages 4-6
    assert reads_of(emulator, FAST_READ) == 1  # the rest of the message at once


async def test_an_ultralight_message_is_read_16_bytes_at_a_time(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    message = encode_message(text="t" * 30)
    info = await read(emulator, device, make_tag("ultralight", NTAG_UID, message))
    assert info.ndef == ({"type": "text", "text": "t" * 30, "language": "en"},)
    assert reads_of(emulator, FAST_READ) == 0  # Ultralight has no FAST_READ
    assert reads_of(emulator) == 1 + -(-(len(message) + 2 + 1 - 12) // 16)


async def test_a_long_message_is_read_in_fast_reads_a_frame_can_carry(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    text = "x" * 800
    message = encode_message(uri="https://example.com/song", text=text)
    tag = await read(emulator, device, make_tag("ntag216", NTAG_UID, message))
    assert tag.ndef == (
        {"type": "uri", "uri": "https://example.com/song"},
        {"type": "text", "text": text, "language": "en"},
    )
    remaining_pages = -(-(len(message) + 4 + 1 - 12) // 4)
    assert reads_of(emulator) == 1
    assert reads_of(emulator, FAST_READ) == -(-remaining_pages // 60)


async def test_control_and_null_tlvs_before_the_message_are_skipped(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    area = LOCK_CONTROL_TLV + b"\x00\x00" + wrap_tlv(URI_MESSAGE)
    tag = with_user_area(ntag("ntag213", NTAG_UID), area)
    assert (await read(emulator, device, tag)).ndef == (
        {"type": "uri", "uri": "https://example.com"},
    )


@pytest.mark.parametrize(
    "area",
    [
        bytes.fromhex("0300FE"),  # factory blank
        bytes.fromhex("FE"),  # a terminator first
        LOCK_CONTROL_TLV + bytes.fromhex("FE"),
        bytes.fromhex("03FF0400") + bytes(16),  # longer than the tag
        bytes.fromhex("0305DEADBEEF00FE"),  # not NDEF
    ],
)
async def test_tags_without_a_readable_message_have_no_records(
    emulator: Pn532Emulator, device: Pn532, area: bytes
) -> None:
    tag = with_user_area(ntag("ntag213", NTAG_UID), area)
    info = await read(emulator, device, tag)
    assert info.type is TagType.NTAG213
    assert info.ndef == ()


async def test_a_user_area_of_nothing_but_padding_has_no_records(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = ntag("ntag213", NTAG_UID)
    tag.memory[16 : 16 + 144] = bytes(144)  # all NULL TLVs: read to the end
    info = await read(emulator, device, tag)
    assert info.ndef == ()
    assert reads_of(emulator) == 1 + 9


async def test_records_of_other_types_are_named(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    message = b"".join(ndef.message_encoder([ndef.Record("text/plain", "1", b"hi")]))
    tag = await read(emulator, device, make_tag("ntag213", NTAG_UID, message))
    assert tag.ndef == ({"type": "text/plain"},)


class _LeavingTag(Type2Tag):
    """An NTAG215 that fails with ``status`` after answering ``reads`` exchanges.

    The status of a tag that left is a timeout; RF trouble at the edge of the field
    gives CRC, parity or framing errors.
    """

    def __init__(
        self, reads: int, message: bytes, status: int = STATUS_TIMEOUT
    ) -> None:
        template = ntag("ntag215", NTAG_UID, message)
        super().__init__(
            kind="ntag215",
            uid=NTAG_UID,
            pages=template.pages,
            cc_size=0x3E,
            version=template.version,
            message=message,
        )
        self.reads = reads
        self.status = status

    @override
    def exchange(self, data: bytes) -> TagReply:
        if self.reads <= 0:
            return self.status, b""
        self.reads -= 1
        return super().exchange(data)


@pytest.mark.parametrize("reads", [0, 1])
async def test_a_tag_leaving_mid_read_is_still_reported_without_records(
    emulator: Pn532Emulator, device: Pn532, reads: int
) -> None:
    message = encode_message(text="y" * 200)
    info = await read(emulator, device, _LeavingTag(reads, message))
    assert info.uid == "04A1B2C3D4E5F6"
    assert info.type is (TagType.TYPE2 if reads == 0 else TagType.NTAG215)
    assert info.ndef == ()
    assert not info.complete  # worth reading again when it is seen again


@pytest.mark.parametrize(
    ("status", "complete"),
    [(0x02, False), (0x03, False), (0x0B, False), (0x14, True), (0x27, True)],
)
async def test_rf_errors_mid_read_leave_a_tag_to_be_read_again_others_do_not(
    emulator: Pn532Emulator, device: Pn532, status: int, *, complete: bool
) -> None:
    message = encode_message(text="y" * 200)
    info = await read(emulator, device, _LeavingTag(1, message, status))
    assert info.ndef == ()
    assert info.complete is complete


class _ShortReadTag(Type2Tag):
    """A type 2 tag whose (FAST_)READs past the CC answer too few bytes."""

    @override
    def exchange(self, data: bytes) -> TagReply:
        status, answer = super().exchange(data)
        if data[0] in (READ, FAST_READ) and data[1] > 3:
            return status, answer[:2]
        return status, answer


async def test_a_tag_answering_short_reads_is_reported_without_records(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    template = ntag("ntag216", NTAG_UID)
    tag = _ShortReadTag(
        kind="ntag216",
        uid=NTAG_UID,
        pages=template.pages,
        cc_size=0x6D,
        version=None,
        message=encode_message(text="z" * 300),
    )
    info = await read(emulator, device, tag)
    assert info.type is TagType.NTAG216
    assert info.ndef == ()
    assert info.complete  # reading it again would give the same


# --- writing NDEF ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["ntag213", "ntag215", "ntag216", "ultralight"])
async def test_a_written_message_reads_back(
    emulator: Pn532Emulator, device: Pn532, kind: str
) -> None:
    target = await present(emulator, device, make_tag(kind, NTAG_UID))
    message = encode_message(uri="https://example.com/a", text="Song")
    await write_ndef(device, target, message)
    assert (await read_tag(device, target)).ndef == (
        {"type": "uri", "uri": "https://example.com/a"},
        {"type": "text", "text": "Song", "language": "en"},
    )


async def test_a_message_over_254_bytes_gets_a_three_byte_tlv_length(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = ntag("ntag215", NTAG_UID)
    target = await present(emulator, device, tag)
    message = encode_message(text="w" * 300)
    await write_ndef(device, target, message)
    assert tag.memory[16:20] == b"\x03\xff" + len(message).to_bytes(2)
    assert (await read_tag(device, target)).ndef[0].get("text") == "w" * 300


@pytest.mark.parametrize(
    ("tag", "complaint"),
    [
        (make_tag("classic1k", CLASSIC_UID), "not an NDEF type 2 tag"),
        (make_tag("phone", b""), "not an NDEF type 2 tag"),
    ],
)
async def test_tags_without_type2_ndef_are_not_writable(
    emulator: Pn532Emulator, device: Pn532, tag: VirtualTag, complaint: str
) -> None:
    target = await present(emulator, device, tag)
    with pytest.raises(TagNotWritable, match=complaint):
        await write_ndef(device, target, URI_MESSAGE)


async def test_a_message_too_large_for_the_tag_is_refused(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = ntag("ntag213", NTAG_UID, URI_MESSAGE)
    target = await present(emulator, device, tag)
    with pytest.raises(TagNotWritable, match="do not fit into the 144 bytes"):
        await write_ndef(device, target, encode_message(text="v" * 150))
    assert (await read_tag(device, target)).ndef[0].get("uri") == "https://example.com"


async def test_a_read_only_tag_is_refused(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = ntag("ntag213", NTAG_UID, URI_MESSAGE)
    tag.memory[15] = 0x0F  # CC: no write access
    target = await present(emulator, device, tag)
    with pytest.raises(TagNotWritable, match="read-only"):
        await write_ndef(device, target, encode_message(uri="https://other.example"))


async def test_an_unformatted_tag_is_refused(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    tag = ntag("ntag213", NTAG_UID)
    tag.memory[12:16] = bytes(4)
    target = await present(emulator, device, tag)
    with pytest.raises(TagNotWritable, match="not formatted for NDEF"):
        await write_ndef(device, target, URI_MESSAGE)


async def test_writing_to_a_tag_that_left_says_no_tag_is_present(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    target = await present(emulator, device, ntag("ntag213", NTAG_UID))
    emulator.remove()
    with pytest.raises(NoTagPresent):
        await write_ndef(device, target, URI_MESSAGE)


# --- the TLV container -----------------------------------------------------------------


def test_tlvs_wrap_short_and_long_messages() -> None:
    assert wrap_tlv(b"") == bytes.fromhex("0300FE")
    assert wrap_tlv(URI_MESSAGE) == b"\x03\x10" + URI_MESSAGE + b"\xfe"
    assert wrap_tlv(bytes(300))[:4] == bytes.fromhex("03FF012C")


@pytest.mark.parametrize(
    ("area", "found"),
    [
        ("", NEED_MORE),
        ("00 00", NEED_MORE),
        ("01", NEED_MORE),
        ("03", NEED_MORE),
        ("03 FF 01", NEED_MORE),
        ("01 03 A0 0C", NEED_MORE),
        ("FE 03 10", None),
        ("03 10", (2, 16)),
        ("00 03 FF 01 2C", (5, 300)),
        ("01 03 A0 0C 34 03 00 FE", (7, 0)),
    ],
)
def test_the_ndef_tlv_is_found_or_more_is_asked_for(
    area: str, found: tuple[int, int] | str | None
) -> None:
    assert find_ndef_tlv(bytes.fromhex(area)) == found


def test_a_message_needs_a_uri_or_a_text() -> None:
    with pytest.raises(ValueError, match="needs a URI or a text"):
        encode_message()


def test_undecodable_messages_have_no_records() -> None:
    assert decode_message(b"\xde\xad") == []
