"""The emulator's tags follow their datasheets: commands, ACK/NAK and the state machine.

Frames here are what a tag sees on the air once the PN532 has checked and removed
the CRC (``frame``), or the 7-bit REQA/WUPA (``short_frame``).
"""

from __future__ import annotations

from custom_components.nfc_jukebox.pn532 import Pn532, TagType, read_tag
from custom_components.nfc_jukebox.pn532.emulator import (
    ClassicTag,
    PhoneTag,
    Pn532Emulator,
    ntag,
    ultralight,
)
from custom_components.nfc_jukebox.pn532.emulator.virtual_tags import (
    ACK,
    NAK,
    NAK_COUNTER,
    REQA,
    WUPA,
    Answer,
    TagState,
    ultralight_c,
)
from custom_components.nfc_jukebox.pn532.ndef import encode_message
from custom_components.nfc_jukebox.pn532.tags import crc_a

from .support import NTAG_UID

HLTA = bytes.fromhex("5000")
LONG_TEXT = "a story for the evening " * 4  # more than one READ's worth


def test_crc_a_matches_iso_14443_3_examples() -> None:
    assert crc_a(bytes.fromhex("3000")) == bytes.fromhex("02A8")
    assert crc_a(HLTA) == bytes.fromhex("57CD")


def test_a_tag_answers_reqa_anticollision_and_select_with_its_cascade_levels() -> None:
    tag = ntag("ntag213", NTAG_UID)
    assert tag.short_frame(REQA) == Answer(bytes.fromhex("4400"), crc=False)
    assert tag.frame(bytes.fromhex("9320")) == Answer(
        bytes.fromhex("88 04A1B2 9F"), crc=False
    )
    assert tag.frame(bytes.fromhex("9370 8804A1B2 9F")) == Answer(b"\x04")
    assert tag.frame(bytes.fromhex("9520")) == Answer(
        bytes.fromhex("C3D4E5F6 04"), crc=False
    )
    assert tag.frame(bytes.fromhex("9570 C3D4E5F6 04")) == Answer(b"\x00")
    assert tag.state is TagState.ACTIVE


def test_a_halted_tag_wakes_only_with_wupa() -> None:
    tag = ClassicTag(bytes.fromhex("DEADBEEF"))
    tag.select()
    assert tag.frame(HLTA) is None
    assert tag.state is TagState.HALT
    assert tag.short_frame(REQA) is None
    assert tag.short_frame(WUPA) == Answer(bytes.fromhex("0400"), crc=False)
    assert tag.frame(bytes.fromhex("9370 DEADBEEF 22")) == Answer(b"\x08")


def test_an_ntag_naks_what_it_does_not_know_and_falls_back_to_idle() -> None:
    tag = ntag("ntag215", NTAG_UID)
    tag.select()
    assert tag.frame(bytes.fromhex("1A00")) == NAK  # Ultralight C's AUTHENTICATE
    assert tag.state is TagState.IDLE
    assert tag.frame(bytes.fromhex("3000")) is None  # silent until selected again


def test_an_ntag_woken_from_halt_falls_back_to_halt() -> None:
    tag = ntag("ntag215", NTAG_UID)
    tag.halt()
    tag.short_frame(WUPA)
    tag.frame(bytes.fromhex("9370 8804A1B2 9F"))
    tag.frame(bytes.fromhex("9570 C3D4E5F6 04"))
    assert tag.frame(bytes.fromhex("30FF")) == NAK
    assert tag.state is TagState.HALT


def test_an_ntag215_answers_get_version_fast_read_and_read_sig() -> None:
    tag = ntag("ntag215", NTAG_UID)
    tag.select()
    assert tag.frame(b"\x60") == Answer(bytes.fromhex("0004040201001103"))
    fast = tag.frame(bytes.fromhex("3A 03 04"))
    assert fast == Answer(bytes.fromhex("E1103E00 0300FE00"))  # CC, empty NDEF TLV
    signature = tag.frame(bytes.fromhex("3C00"))
    assert isinstance(signature, Answer)
    assert len(signature.data) == 32
    assert tag.frame(bytes.fromhex("3A 05 87")) == NAK  # past the last page


def test_an_ntag_counts_reads_once_its_counter_is_enabled() -> None:
    tag = ntag("ntag213", NTAG_UID)
    tag.select()
    assert tag.frame(bytes.fromhex("3902")) == NAK  # NFC_CNT_EN is off
    tag.select()
    # CFG1 (page 0x2A): ACCESS with NFC_CNT_EN.
    assert tag.frame(bytes.fromhex("A2 2A 10000000")) == ACK
    tag.select()  # a new session: the first READ counts
    assert tag.frame(bytes.fromhex("3004")) is not None
    assert tag.frame(bytes.fromhex("3008")) is not None
    assert tag.frame(bytes.fromhex("3902")) == Answer(bytes.fromhex("010000"))


def test_an_ntag_password_protects_pages_from_auth0() -> None:
    tag = ntag("ntag213", NTAG_UID)
    tag.select()
    assert tag.frame(bytes.fromhex("A2 2B 12345678")) == ACK  # PWD
    assert tag.frame(bytes.fromhex("A2 2C ABCD0000")) == ACK  # PACK
    assert tag.frame(bytes.fromhex("A2 2A 81000000")) == ACK  # ACCESS: PROT, 1 try
    assert tag.frame(bytes.fromhex("A2 29 04000010")) == ACK  # AUTH0 = page 16
    assert tag.frame(bytes.fromhex("3010")) == NAK  # reading needs the password
    tag.select()
    assert tag.frame(bytes.fromhex("1B 12345678")) == Answer(bytes.fromhex("ABCD"))
    assert isinstance(tag.frame(bytes.fromhex("3010")), Answer)
    tag.select()
    assert tag.frame(bytes.fromhex("1B 00000000")) == NAK
    tag.select()
    assert tag.frame(bytes.fromhex("1B 12345678")) == NAK_COUNTER  # AUTHLIM reached


def test_a_plain_ultralight_naks_get_version_and_must_be_selected_again() -> None:
    tag = ultralight(NTAG_UID)
    tag.select()
    assert tag.frame(b"\x60") == NAK
    assert tag.frame(bytes.fromhex("3000")) is None
    assert tag.short_frame(REQA) == Answer(bytes.fromhex("4400"), crc=False)


def test_an_ultralight_c_answers_the_first_authentication_step() -> None:
    tag = ultralight_c(NTAG_UID)
    tag.select()
    answer = tag.frame(bytes.fromhex("1A00"))
    assert isinstance(answer, Answer)
    assert answer.data[0] == 0xAF
    assert len(answer.data) == 9
    assert tag.read_page(3) == bytes.fromhex("E1101200")  # like an NTAG213's CC


def test_a_phone_speaks_iso_dep_and_holds_a_type_4_ndef_message() -> None:
    message = encode_message(uri="https://example.com")
    phone = PhoneTag(bytes.fromhex("08123456"), message=message)
    phone.select()
    assert phone.frame(bytes.fromhex("E080")) == Answer(PhoneTag.ATS)
    select = bytes.fromhex("02 00A4040007D276000085010100")
    assert phone.frame(select) == Answer(bytes.fromhex("02 9000"))
    assert phone.frame(bytes.fromhex("03 00A4000C02E104")) == Answer(
        bytes.fromhex("03 9000")
    )
    nlen = len(message).to_bytes(2)
    assert phone.frame(bytes.fromhex("02 00B0000002")) == Answer(
        b"\x02" + nlen + b"\x90\x00"
    )
    # Presence check: an R(NAK) with the other block number gets an R(ACK).
    assert phone.frame(b"\xb3") == Answer(b"\xa2")
    assert phone.frame(b"\xc2") == Answer(b"\xc2")  # S(DESELECT)
    assert phone.state is TagState.HALT


def test_compatibility_write_takes_a_second_frame_and_writes_four_bytes() -> None:
    tag = ultralight(NTAG_UID)
    tag.select()
    assert tag.frame(bytes.fromhex("A0 05")) == ACK
    assert tag.frame(bytes.fromhex("11223344") + bytes(12)) == ACK
    assert tag.read_page(5) == bytes.fromhex("11223344")
    assert tag.frame(bytes.fromhex("A0 00")) == NAK  # the UID stays


def test_a_phone_reads_binary_with_le_00_as_256_bytes_and_refuses_updates() -> None:
    message = encode_message(text="x" * 300)
    phone = PhoneTag(bytes.fromhex("08123456"), message=message)
    phone.select()
    phone.rats()
    assert phone.apdu(bytes.fromhex("00A4040007D276000085010100")) == b"\x90\x00"
    assert phone.apdu(bytes.fromhex("00A4000C02E104")) == b"\x90\x00"
    answer = phone.apdu(bytes.fromhex("00B0000000"))
    assert len(answer) == 256 + 2
    assert answer[-2:] == b"\x90\x00"
    assert phone.apdu(bytes.fromhex("00D60000020000")) == b"\x69\x82"


def test_a_phone_answers_blocks_with_the_cid_it_was_sent() -> None:
    phone = PhoneTag(bytes.fromhex("08123456"))
    phone.select()
    phone.rats()
    # I-block with CID 1: SELECT of an application the phone does not have.
    select = bytes.fromhex("0A 01 00A4040007D276000085010100")
    assert phone.frame(select) == Answer(bytes.fromhex("0A 01 6A82"))


async def test_the_driver_reads_an_ultralight_c_that_looks_like_an_ntag213(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.place(ultralight_c(NTAG_UID, encode_message(text=LONG_TEXT)))
    target = await device.list_passive_target()
    assert target is not None
    info = await read_tag(device, target)
    # Its CC says 144 bytes like an NTAG213's; FAST_READ is NAKed, READ goes on.
    assert info.type is TagType.NTAG213
    assert info.ndef == ({"type": "text", "text": LONG_TEXT, "language": "en"},)
