"""The frame codec: byte-exact frames, resynchronisation, checksums, fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custom_components.nfc_jukebox.pn532.frames import (
    ACK,
    ERROR_FRAME,
    NACK,
    PN532_TO_HOST,
    Ack,
    BadFrame,
    ErrorFrame,
    Frame,
    FrameDecoder,
    FrameEvent,
    Nack,
    encode_command,
    encode_frame,
)

FIRMWARE_REQUEST = bytes.fromhex("0000FF02FED4022A00")
FIRMWARE_REPLY = bytes.fromhex("0000FF06FAD50332010607E800")
NO_TAG_REPLY = bytes.fromhex("0000FF03FDD54B00E000")


def test_commands_encode_byte_for_byte_as_the_manual_shows() -> None:
    assert encode_command(0x02) == FIRMWARE_REQUEST
    assert encode_command(0x4A, b"\x01\x00") == bytes.fromhex("0000FF04FCD44A0100E100")


def test_replies_decode_into_frames() -> None:
    decoder = FrameDecoder()
    assert decoder.feed(FIRMWARE_REPLY) == [
        Frame(tfi=PN532_TO_HOST, data=bytes.fromhex("0332010607"))
    ]
    assert decoder.feed(NO_TAG_REPLY) == [Frame(tfi=PN532_TO_HOST, data=b"\x4b\x00")]


def test_ack_nack_and_error_frames_are_recognised() -> None:
    assert FrameDecoder().feed(ACK + NACK + ERROR_FRAME) == [
        Ack(),
        Nack(),
        ErrorFrame(),
    ]


def test_extended_frames_round_trip() -> None:
    payload = bytes(range(256)) + b"\x01\x02"
    frame = encode_frame(payload, tfi=PN532_TO_HOST)
    assert frame[:5] == b"\x00\x00\xff\xff\xff"
    assert FrameDecoder().feed(frame) == [Frame(tfi=PN532_TO_HOST, data=payload)]


def test_oversized_payload_is_refused() -> None:
    with pytest.raises(ValueError, match="exceeds"):
        encode_frame(bytes(300))


def test_long_preamble_garbage_and_byte_by_byte_delivery_still_decode() -> None:
    decoder = FrameDecoder()
    stream = b"\x55\x55" + bytes(14) + b"\xde\xad\x00" + FIRMWARE_REPLY
    events: list[FrameEvent] = []
    for byte in stream:
        events += decoder.feed(bytes([byte]))
    assert events == [Frame(tfi=PN532_TO_HOST, data=bytes.fromhex("0332010607"))]
    # The postamble is kept only as the possible start of the next frame.
    assert decoder.feed(ACK) == [Ack()]


def test_corrupted_data_checksum_is_reported_and_the_next_frame_still_found() -> None:
    damaged = bytearray(FIRMWARE_REPLY)
    damaged[-2] ^= 0xFF
    events = FrameDecoder().feed(bytes(damaged) + ACK)
    assert events == [BadFrame("data checksum mismatch"), Ack()]


def test_corrupted_length_checksum_is_reported() -> None:
    damaged = bytearray(FIRMWARE_REPLY)
    damaged[4] ^= 0x01
    assert FrameDecoder().feed(bytes(damaged)) == [BadFrame("length checksum mismatch")]


@pytest.mark.parametrize(
    "noise",
    [
        "00 FF 20 E0 01",  # the header of a 32-byte frame, then no TFI
        "00 00 FF FF FF 01 00 FF 00",  # the header of a 256-byte extended frame
        "00 FF 01 FF 00",  # an error frame's header without its 7F
    ],
)
def test_noise_that_looks_like_a_frame_header_does_not_swallow_the_next_frame(
    noise: str,
) -> None:
    decoder = FrameDecoder()
    events = decoder.feed(bytes.fromhex(noise))
    events += decoder.feed(FIRMWARE_REPLY)
    # A header that adds up may be reported as damaged (a resend costs little), but
    # the frame behind it is found.
    assert [e for e in events if not isinstance(e, BadFrame)] == [
        Frame(tfi=PN532_TO_HOST, data=bytes.fromhex("0332010607"))
    ]


TARGET_REPLY = encode_frame(
    bytes.fromhex("4B01010044000704A1B2C3D4E5F6"), PN532_TO_HOST
)


def test_a_response_whose_direction_byte_was_hit_is_reported_damaged() -> None:
    damaged = bytearray(TARGET_REPLY)
    damaged[5] ^= 8
    assert FrameDecoder().feed(bytes(damaged)) == [BadFrame("direction byte damaged")]


@pytest.mark.parametrize("position", [1, 2])
def test_a_response_whose_start_code_was_hit_is_reported_damaged(
    position: int,
) -> None:
    damaged = bytearray(TARGET_REPLY)
    damaged[position] ^= 0x10
    assert FrameDecoder().feed(bytes(damaged)) == [BadFrame("start code damaged")]


@pytest.mark.parametrize("bit", range(8))
@pytest.mark.parametrize("position", range(len(TARGET_REPLY)))
def test_any_single_bit_flip_in_a_response_is_decoded_or_reported(
    position: int, bit: int
) -> None:
    damaged = bytearray(TARGET_REPLY)
    damaged[position] ^= 1 << bit
    whole = FrameDecoder().feed(bytes(damaged))
    decoder = FrameDecoder()
    one_by_one = [event for byte in damaged for event in decoder.feed(bytes([byte]))]
    for events in (whole, one_by_one):
        intact = [Frame(tfi=PN532_TO_HOST, data=TARGET_REPLY[6:-2])]
        assert events == intact or any(isinstance(e, BadFrame) for e in events)


def test_a_damaged_extended_length_and_an_empty_frame_are_reported() -> None:
    extended = bytearray(encode_frame(bytes(255), tfi=PN532_TO_HOST))
    extended[7] ^= 0x01  # LCS
    assert FrameDecoder().feed(bytes(extended[:9])) == [
        BadFrame("extended length checksum mismatch")
    ]
    assert FrameDecoder().feed(bytes.fromhex("0000FF0000D5")) == [
        BadFrame("empty information frame")
    ]


def test_clear_forgets_a_half_received_frame() -> None:
    decoder = FrameDecoder()
    assert decoder.feed(FIRMWARE_REPLY[:7]) == []
    decoder.clear()
    assert decoder.feed(FIRMWARE_REPLY[7:]) == []
    assert decoder.feed(ACK) == [Ack()]


payloads = st.lists(st.binary(min_size=1, max_size=265), max_size=4)


@given(junk=st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(junk: bytes) -> None:
    decoder = FrameDecoder()
    for event in decoder.feed(junk):
        assert isinstance(event, Ack | Nack | ErrorFrame | Frame | BadFrame)


@given(frames=payloads, cuts=st.lists(st.integers(0, 2000), max_size=12))
def test_valid_frames_split_anywhere_decode_exactly(
    frames: list[bytes], cuts: list[int]
) -> None:
    stream = b"".join(encode_frame(data, tfi=PN532_TO_HOST) for data in frames)
    decoder = FrameDecoder()
    events: list[FrameEvent] = []
    previous = 0
    for cut in [*sorted(c % (len(stream) + 1) for c in cuts), len(stream)]:
        events += decoder.feed(stream[previous:cut])
        previous = cut
    assert events == [Frame(tfi=PN532_TO_HOST, data=data) for data in frames]


@given(prefix=st.binary(max_size=40), frame=st.binary(min_size=1, max_size=40))
def test_a_valid_frame_after_garbage_is_found_once_the_garbage_is_flushed(
    prefix: bytes, frame: bytes
) -> None:
    decoder = FrameDecoder()
    decoder.feed(prefix)
    decoder.clear()
    encoded = encode_frame(frame, tfi=PN532_TO_HOST)
    assert decoder.feed(encoded) == [Frame(tfi=PN532_TO_HOST, data=frame)]
