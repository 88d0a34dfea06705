"""The PN532 emulator on its in-memory stream link: frames byte for byte, tags, faults."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import ndef
import pytest

from custom_components.nfc_jukebox.pn532.emulator import (
    ClassicTag,
    EmulatorTransport,
    Faults,
    PhoneTag,
    Pn532Emulator,
    PtyLink,
    Type2Tag,
    make_tag,
    ntag,
    parse_tag_spec,
    ultralight,
)
from custom_components.nfc_jukebox.pn532.errors import (
    ReaderDisconnected,
    ReaderNotFound,
    ReaderTimeout,
)
from custom_components.nfc_jukebox.pn532.frames import (
    ACK,
    ERROR_FRAME,
    NACK,
    Ack,
    BadFrame,
    Frame,
    FrameDecoder,
    encode_command,
    encode_frame,
)
from custom_components.nfc_jukebox.pn532.ndef import wrap_tlv
from custom_components.nfc_jukebox.pn532.uart import UartTransport

FIRMWARE_REQUEST = bytes.fromhex("0000FF02FED4022A00")
FIRMWARE_REPLY = bytes.fromhex("0000FF06FAD50332010607E800")
DETECT_REQUEST = bytes.fromhex("0000FF04FCD44A0100E100")
NO_TAG_REPLY = bytes.fromhex("0000FF03FDD54B00E000")
UART_WAKE_UP = b"\x55\x55" + bytes(14)
NTAG_UID = bytes.fromhex("04A1B2C3D4E5F6")
URI_MESSAGE = bytes.fromhex("D1010C55046578616D706C652E636F6D")
FINITE_RETRIES = encode_command(0x32, bytes.fromhex("05FF0100"))  # MxRtyPassive = 0


def reply(payload: str) -> bytes:
    """Return the PN532 frame carrying ``payload`` (hex, response code first)."""
    return encode_frame(bytes.fromhex(payload), tfi=0xD5)


class Wire(asyncio.Protocol):
    """The host end of the in-memory link, keeping every byte that arrives."""

    def __init__(self) -> None:
        """Start with nothing received."""
        self.received = bytearray()
        self.transport: asyncio.WriteTransport | None = None
        self._arrived = asyncio.Event()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport to write to."""
        assert isinstance(transport, asyncio.WriteTransport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        """Keep the bytes."""
        self.received += data
        self._arrived.set()

    def send(self, data: bytes) -> None:
        """Write bytes to the emulator."""
        assert self.transport is not None
        self.transport.write(data)

    async def read(self, count: int) -> bytes:
        """Wait for ``count`` bytes and take them."""
        async with asyncio.timeout(2):
            while len(self.received) < count:
                self._arrived.clear()
                await self._arrived.wait()
        data = bytes(self.received[:count])
        del self.received[:count]
        return data

    async def read_frame(self) -> bytes:
        """Take one information frame (normal length)."""
        header = await self.read(5)
        return header + await self.read(header[3] + 2)

    async def exchange(self, frame: bytes, answer_length: int) -> bytes:
        """Send ``frame``; return the ACK and the answer that follow."""
        self.send(frame)
        return await self.read(len(ACK) + answer_length)


@pytest.fixture
async def wire(emulator: Pn532Emulator) -> AsyncIterator[Wire]:
    wire = Wire()
    link = await EmulatorTransport(emulator)._connect(lambda: wire)
    yield wire
    link.close()


async def settle() -> None:
    """Let the emulator run whatever it can do right now."""
    await asyncio.sleep(0.02)


async def detect(wire: Wire) -> bytes:
    """Run InListPassiveTarget (one type A target); return the response frame."""
    assert await wire.exchange(DETECT_REQUEST, 0) == ACK
    return await wire.read_frame()


async def data_exchange(wire: Wire, data: str) -> bytes:
    """Run InDataExchange on target 1; return the response frame."""
    frame = encode_command(0x40, b"\x01" + bytes.fromhex(data))
    assert await wire.exchange(frame, 0) == ACK
    return await wire.read_frame()


async def read_pages(wire: Wire, page: int) -> bytes:
    """Return the 16 bytes a READ of ``page`` gives."""
    frame = await data_exchange(wire, f"30{page:02X}")
    assert frame[5:8] == b"\xd5\x41\x00"
    return frame[8:24]


async def use_finite_retries(wire: Wire) -> None:
    assert await wire.exchange(FINITE_RETRIES, 9) == ACK + reply("33")


# --- frames, byte for byte ----------------------------------------------------------


async def test_firmware_version_is_acked_then_answered_byte_for_byte(
    wire: Wire,
) -> None:
    assert await wire.exchange(FIRMWARE_REQUEST, len(FIRMWARE_REPLY)) == (
        ACK + FIRMWARE_REPLY
    )


async def test_the_uart_wake_up_preamble_before_a_command_is_skipped(
    wire: Wire,
) -> None:
    answer = await wire.exchange(UART_WAKE_UP + FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    assert answer == ACK + FIRMWARE_REPLY


async def test_no_tag_with_finite_retries_answers_no_target(wire: Wire) -> None:
    await use_finite_retries(wire)
    assert await detect(wire) == NO_TAG_REPLY


async def test_an_ntag_answers_with_its_seven_byte_uid(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag215", NTAG_UID))
    expected = reply("4B 01 01 0044 00 07 04A1B2C3D4E5F6")
    assert await detect(wire) == expected
    assert emulator.selected is emulator.tag


async def test_a_mifare_classic_answers_with_its_four_byte_uid(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ClassicTag(bytes.fromhex("DEADBEEF")))
    expected = reply("4B 01 01 0004 08 04 DEADBEEF")
    assert await detect(wire) == expected


async def test_a_phone_shows_a_new_random_uid_and_an_ats_each_time(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    phone = PhoneTag()
    uids = []
    for _ in range(2):
        emulator.place(phone)
        answer = await detect(wire)
        frame = FrameDecoder().feed(answer)[0]
        assert isinstance(frame, Frame)
        data = frame.data
        assert data[:7] == bytes.fromhex("4B 01 01 0004 20 04")
        assert data[7] == 0x08
        assert data[11:] == PhoneTag.ATS
        uids.append(data[7:11])
    assert uids[0] != uids[1]


async def test_an_unknown_command_gets_the_application_error_frame(
    wire: Wire,
) -> None:
    answer = await wire.exchange(encode_command(0x7E), len(ERROR_FRAME))
    assert answer == ACK + ERROR_FRAME


@pytest.mark.parametrize(
    "request_frame",
    [
        encode_command(0x4A, b"\x03\x00"),  # three targets: the PN532 handles two
        encode_command(0x4A, b"\x01"),  # no baud rate
        encode_command(0x32, b"\x05\xff"),  # retries item too short
        encode_command(0x32, b"\x99\x00"),  # no such RF item
        encode_command(0x02, b"\x00"),  # GetFirmwareVersion takes nothing
        encode_command(0x40),  # InDataExchange without a target
    ],
)
async def test_bad_parameters_get_the_application_error_frame(
    wire: Wire, request_frame: bytes
) -> None:
    assert await wire.exchange(request_frame, len(ERROR_FRAME)) == ACK + ERROR_FRAME


async def test_a_nack_has_the_last_response_sent_again(wire: Wire) -> None:
    await wire.exchange(FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    wire.send(NACK)
    assert await wire.read(len(FIRMWARE_REPLY)) == FIRMWARE_REPLY


async def test_a_damaged_host_frame_is_ignored(wire: Wire) -> None:
    damaged = FIRMWARE_REQUEST[:-2] + b"\x00\x00"  # wrong DCS
    answer = await wire.exchange(damaged + FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    assert answer == ACK + FIRMWARE_REPLY
    await settle()
    assert not wire.received


async def test_without_a_tag_detection_waits_and_only_acks(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    wire.send(DETECT_REQUEST)
    assert await wire.read(len(ACK)) == ACK
    await settle()
    assert emulator.busy
    assert not wire.received


async def test_an_ack_aborts_a_waiting_detection(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    wire.send(DETECT_REQUEST)
    await wire.read(len(ACK))
    wire.send(ACK)
    await settle()
    assert not emulator.busy
    emulator.place(ntag("ntag213", NTAG_UID))
    # Nothing about the aborted detection comes out: the next bytes answer the next
    # command.
    answer = await wire.exchange(FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    assert answer == ACK + FIRMWARE_REPLY


async def test_a_waiting_detection_answers_when_a_tag_is_placed(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    wire.send(DETECT_REQUEST)
    await wire.read(len(ACK))
    await settle()
    emulator.place(ntag("ntag213", NTAG_UID))
    expected = reply("4B 01 01 0044 00 07 04A1B2C3D4E5F6")
    assert await wire.read(len(expected)) == expected


async def test_a_new_command_replaces_a_waiting_one(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    wire.send(DETECT_REQUEST)
    await wire.read(len(ACK))
    answer = await wire.exchange(FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    assert answer == ACK + FIRMWARE_REPLY
    emulator.place(ntag("ntag213", NTAG_UID))
    await settle()
    assert not wire.received


async def test_a_finite_detection_finds_a_tag_placed_later(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    await use_finite_retries(wire)
    assert await detect(wire) == NO_TAG_REPLY
    emulator.place(ntag("ntag216", NTAG_UID))
    assert (await detect(wire))[5:8] == b"\xd5\x4b\x01"


async def test_switching_the_field_off_powers_the_tag_down_until_the_next_detect(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await use_finite_retries(wire)
    await detect(wire)
    field_off = encode_command(0x32, b"\x01\x00")
    assert await wire.exchange(field_off, 9) == ACK + reply("33")
    assert not emulator.rf_on
    assert await data_exchange(wire, "30 00") == reply("41 01")
    # InListPassiveTarget switches the field on by itself, as nfcpy relies on.
    assert (await detect(wire))[5:8] == b"\xd5\x4b\x01"
    assert emulator.rf_on


async def test_general_status_reports_the_selected_target(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    status_request = encode_command(0x04)
    idle = reply("05 00 00 00 00")
    assert await wire.exchange(status_request, len(idle)) == ACK + idle
    emulator.place(ntag("ntag213", NTAG_UID))
    await detect(wire)
    expected = reply("05 00 00 01 01 00 00 00 00")
    assert await wire.exchange(status_request, len(expected)) == ACK + expected


async def test_sam_configuration_is_answered(wire: Wire) -> None:
    request = encode_command(0x14, b"\x01\x14\x01")
    assert await wire.exchange(request, 9) == ACK + reply("15")


# --- type 2 tags --------------------------------------------------------------------


async def test_ntag_read_wraps_around_the_end_of_memory(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    tag = ntag("ntag215", NTAG_UID)
    emulator.place(tag)
    await detect(wire)
    last = tag.pages - 1  # PACK: reads as zeros
    assert await read_pages(wire, last) == bytes(4) + bytes(tag.memory[:12])


async def test_ntag_write_then_read(emulator: Pn532Emulator, wire: Wire) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await detect(wire)
    assert await data_exchange(wire, "A2 05 DEADBEEF") == reply("41 00")
    assert (await read_pages(wire, 5))[:4] == bytes.fromhex("DEADBEEF")


async def test_ntag_refuses_pages_out_of_range_and_uid_writes(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await detect(wire)
    assert await data_exchange(wire, "30 2D") == reply("41 14")
    # A NAK sends the tag back to IDLE: it answers nothing until selected again.
    assert await data_exchange(wire, "30 00") == reply("41 01")
    await detect(wire)
    assert await data_exchange(wire, "A2 00 00000000") == reply("41 14")


async def test_ntag_ndef_content_decodes_with_ndeflib(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(parse_tag_spec("ntag215:04A1B2C3D4E5F6:uri=https://example.com"))
    await detect(wire)
    assert (await read_pages(wire, 3))[:4] == bytes.fromhex("E1103E00")
    user = await read_pages(wire, 4) + await read_pages(wire, 8)
    assert user[0] == 0x03
    length = user[1]
    assert user[2 + length] == 0xFE
    records = list(ndef.message_decoder(user[2 : 2 + length]))
    assert records == [ndef.UriRecord("https://example.com")]


async def test_ntag_get_version_names_the_ntag(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag215", NTAG_UID))
    await detect(wire)
    assert await data_exchange(wire, "60") == reply("41 00 0004040201001103")


async def test_a_tag_that_left_the_field_times_out(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    tag = ntag("ntag213", NTAG_UID)
    emulator.place(tag)
    await detect(wire)
    emulator.remove()
    assert await data_exchange(wire, "30 04") == reply("41 01")
    # Put back, it was powered down meanwhile: it answers only after a new detection.
    emulator.place(tag)
    assert await data_exchange(wire, "30 04") == reply("41 01")


async def test_after_release_there_is_no_target(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await detect(wire)
    release = encode_command(0x52, b"\x00")
    assert await wire.exchange(release, 10) == ACK + reply("53 00")
    assert emulator.selected is None
    assert await data_exchange(wire, "30 04") == reply("41 27")
    deselect = encode_command(0x44, b"\x01")
    assert await wire.exchange(deselect, 10) == ACK + reply("45 27")


# --- MIFARE Classic and phones --------------------------------------------------------


async def test_classic_reads_need_authentication(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    uid = "DEADBEEF"
    emulator.place(ClassicTag(bytes.fromhex(uid)))
    await detect(wire)
    assert await data_exchange(wire, "30 04") == reply("41 14")
    # The NAK halted the card: nothing answers until it is selected again.
    assert await data_exchange(wire, f"60 04 FFFFFFFFFFFF {uid}") == reply("41 01")
    await detect(wire)
    wrong_key = f"60 04 A0A1A2A3A4A5 {uid}"
    assert await data_exchange(wire, wrong_key) == reply("41 14")
    await detect(wire)
    assert await data_exchange(wire, f"60 04 FFFFFFFFFFFF {uid}") == reply("41 00")
    assert await data_exchange(wire, "30 04") == reply("41 00" + "00" * 16)
    # Block 8 is in another sector: refused, and the authentication is lost.
    assert await data_exchange(wire, "30 08") == reply("41 14")
    await detect(wire)
    assert await data_exchange(wire, "30 04") == reply("41 14")


async def test_classic_block_zero_holds_the_uid_and_its_check_byte() -> None:
    tag = ClassicTag(bytes.fromhex("DEADBEEF"))
    tag.select()
    assert tag.exchange(bytes.fromhex("60 00 FFFFFFFFFFFF DEADBEEF")) == (0, b"")
    status, block = tag.exchange(b"\x30\x00")
    assert status == 0
    assert block[:7] == bytes.fromhex("DEADBEEF 22 08 04")


async def test_a_phone_answers_apdus(emulator: Pn532Emulator, wire: Wire) -> None:
    emulator.place(PhoneTag(bytes.fromhex("08123456")))
    await detect(wire)
    select = "00 A4 04 00 07 D2760000850101 00"
    assert await data_exchange(wire, select) == reply("41 00 6A82")


# --- power down ---------------------------------------------------------------------


async def test_power_down_sleeps_until_the_uart_wake_up(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    power_down = encode_command(0x16, b"\x10")
    assert await wire.exchange(power_down, 10) == ACK + reply("17 00")
    assert emulator.asleep
    wire.send(FIRMWARE_REQUEST)
    await settle()
    assert not wire.received  # asleep: not even an ACK
    answer = await wire.exchange(UART_WAKE_UP + FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    assert answer == ACK + FIRMWARE_REPLY
    assert not emulator.asleep


# --- the host transport -------------------------------------------------------------


async def test_the_transport_carries_frames_both_ways(
    emulator: Pn532Emulator,
) -> None:
    transport = EmulatorTransport(emulator)
    await transport.open()
    await transport.wake()
    await transport.send(FIRMWARE_REQUEST)
    assert await transport.receive(1) == Ack()
    assert await transport.receive(1) == Frame(0xD5, bytes.fromhex("0332010607"))
    await transport.close()


async def test_unplugging_loses_the_connection_until_replugged(
    emulator: Pn532Emulator,
) -> None:
    transport = EmulatorTransport(emulator)
    await transport.open()
    await transport.send(FINITE_RETRIES)
    await transport.receive(1)
    await transport.receive(1)
    assert emulator.max_retries == 0
    emulator.unplug()
    with pytest.raises(ReaderDisconnected):
        await transport.receive(1)
    with pytest.raises(ReaderNotFound):
        await transport.open()
    emulator.replug()
    await transport.open()
    assert emulator.max_retries == 0xFF  # the chip lost power: back to defaults
    await transport.send(FIRMWARE_REQUEST)
    assert await transport.receive(1) == Ack()
    assert isinstance(await transport.receive(1), Frame)
    await transport.close()


async def test_unplugging_aborts_a_waiting_command(emulator: Pn532Emulator) -> None:
    transport = EmulatorTransport(emulator)
    await transport.open()
    await transport.send(DETECT_REQUEST)
    await transport.receive(1)
    emulator.unplug()
    assert not emulator.busy
    emulator.replug()


# --- faults ---------------------------------------------------------------------------


async def test_pacing_spreads_bytes_over_their_wire_time(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.faults.pace_baud = 9600
    loop = asyncio.get_running_loop()
    start = loop.time()
    answer = await wire.exchange(FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    assert answer == ACK + FIRMWARE_REPLY
    wire_bytes = len(FIRMWARE_REQUEST) + len(ACK) + len(FIRMWARE_REPLY)
    # A lower bound only: the bytes cannot arrive before the line has carried them.
    assert loop.time() - start >= 0.9 * wire_bytes * 10 / 9600


async def test_a_slow_ack_still_comes_before_the_reply(
    emulator: Pn532Emulator,
) -> None:
    emulator.faults.ack_delay = 0.05
    transport = EmulatorTransport(emulator)
    await transport.open()
    await transport.send(FIRMWARE_REQUEST)
    with pytest.raises(ReaderTimeout):
        await transport.receive(0.001)
    assert await transport.receive(1) == Ack()
    assert isinstance(await transport.receive(1), Frame)
    await transport.close()


async def test_a_late_reply_comes_after_the_host_gave_up(
    emulator: Pn532Emulator,
) -> None:
    emulator.faults.reply_delay = 0.1
    transport = EmulatorTransport(emulator)
    await transport.open()
    await transport.send(FIRMWARE_REQUEST)
    assert await transport.receive(1) == Ack()
    with pytest.raises(ReaderTimeout):
        await transport.receive(0.001)
    assert await transport.receive(1) == Frame(0xD5, bytes.fromhex("0332010607"))
    await transport.close()


async def test_corrupt_responses_are_fixed_by_a_nack(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.faults.corrupt_responses = 2
    answer = await wire.exchange(FIRMWARE_REQUEST, len(FIRMWARE_REPLY))
    events = FrameDecoder().feed(answer)
    assert events[0] == Ack()
    assert isinstance(events[1], BadFrame)
    wire.send(NACK)  # the resend counts too: still damaged
    assert isinstance(
        FrameDecoder().feed(await wire.read(len(FIRMWARE_REPLY)))[0], BadFrame
    )
    wire.send(NACK)
    assert await wire.read(len(FIRMWARE_REPLY)) == FIRMWARE_REPLY
    assert emulator.faults.corrupt_responses == 0


async def test_garbage_goes_to_the_host(emulator: Pn532Emulator, wire: Wire) -> None:
    emulator.inject_garbage(b"\x12\x34\x00\xff")
    assert await wire.read(4) == b"\x12\x34\x00\xff"
    emulator.faults.garbage_before_reply = b"\xaa\x00\xff\x05"
    answer = await wire.exchange(FIRMWARE_REQUEST, 4 + len(FIRMWARE_REPLY))
    assert answer == ACK + b"\xaa\x00\xff\x05" + FIRMWARE_REPLY
    assert emulator.faults.garbage_before_reply == b""


async def test_a_flapping_tag_is_seen_on_some_tries_only(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    await use_finite_retries(wire)  # one try per detection
    emulator.flap(ntag("ntag213", NTAG_UID), "101")
    seen = [await detect(wire) != NO_TAG_REPLY for _ in range(5)]
    assert seen == [True, False, True, True, False]
    assert emulator.selected is None


async def test_a_waiting_detection_catches_a_flapping_tag(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    tag = ntag("ntag213", NTAG_UID)
    emulator.flap(tag, [True, False])
    assert (await detect(wire))[5:8] == b"\xd5\x4b\x01"  # the first try sees it
    # Waiting, the next detection tries again and again: a miss, then a hit.
    assert (await detect(wire))[5:8] == b"\xd5\x4b\x01"
    assert emulator.selected is tag


async def test_a_timed_flapping_tag_comes_and_goes(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    await use_finite_retries(wire)
    emulator.flap_timed(ntag("ntag213", NTAG_UID), present=0.01, absent=0.01)
    seen: set[bool] = set()
    async with asyncio.timeout(5):
        while len(seen) < 2:
            seen.add(await detect(wire) != NO_TAG_REPLY)
    emulator.remove()
    assert emulator.tag is None


# --- tags and specs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "pages", "cc_size"),
    [("ntag213", 45, 0x12), ("ntag215", 135, 0x3E), ("ntag216", 231, 0x6D)],
)
def test_ntag_memory_follows_the_datasheet(kind: str, pages: int, cc_size: int) -> None:
    tag = ntag(kind, NTAG_UID)
    memory = tag.memory
    assert len(memory) == pages * 4
    assert memory[0:4] == bytes([0x04, 0xA1, 0xB2, 0x88 ^ 0x04 ^ 0xA1 ^ 0xB2])
    assert memory[4:8] == bytes.fromhex("C3D4E5F6")
    assert memory[8] == 0xC3 ^ 0xD4 ^ 0xE5 ^ 0xF6
    assert memory[12:16] == bytes([0xE1, 0x10, cc_size, 0x00])
    assert memory[16:19] == b"\x03\x00\xfe"  # an empty NDEF message
    assert tag.read_page(pages - 5) == bytes.fromhex("000000BD")  # dynamic lock
    assert tag.read_page(pages - 4) == bytes.fromhex("040000FF")  # CFG0
    assert tag.read_page(pages - 2) == bytes(4)  # PWD never reads back


def test_ultralight_has_sixteen_pages_and_no_version() -> None:
    tag = ultralight(NTAG_UID, URI_MESSAGE)
    assert tag.pages == 16
    assert tag.memory[12:16] == bytes.fromhex("E1100600")
    assert tag.memory[16 : 16 + 2 + len(URI_MESSAGE) + 1] == wrap_tlv(URI_MESSAGE)
    assert tag.exchange(b"\x60") == (0x01, b"")


@pytest.mark.parametrize(
    ("spec", "kind", "uid"),
    [
        ("ntag213:04A1B2C3D4E5F6", "ntag213", "04A1B2C3D4E5F6"),
        ("NTAG216:04-a1-b2-c3-d4-e5-f6:text=hello", "ntag216", "04A1B2C3D4E5F6"),
        ("ultralight:04A1B2C3D4E5F6:uri=https://example.com/a:b", "ultralight", None),
        ("classic1k:DEADBEEF", "classic1k", "DEADBEEF"),
        ("phone", "phone", None),
        ("phone:08ABCDEF", "phone", "08ABCDEF"),
    ],
)
def test_tag_specs_build_tags(spec: str, kind: str, uid: str | None) -> None:
    tag = parse_tag_spec(spec)
    assert tag.kind == kind
    if uid is not None:
        assert tag.uid == bytes.fromhex(uid)


def test_tag_spec_content_lands_in_the_tag() -> None:
    tag = parse_tag_spec("ntag213:04A1B2C3D4E5F6:text=hello")
    assert isinstance(tag, Type2Tag)
    message = bytes.fromhex("D101085402656E68656C6C6F")
    assert tag.memory[16 : 16 + len(message) + 3] == wrap_tlv(message)


@pytest.mark.parametrize(
    ("spec", "complaint"),
    [
        ("ntag999:04A1B2C3D4E5F6", "unknown tag type"),
        ("ntag213", "needs a UID"),
        ("ntag213:04A1B2", "7 bytes"),
        ("ntag213:XYZ", "not hexadecimal"),
        ("classic1k:04A1B2C3D4E5F6", "4 bytes"),
        ("classic1k:DEADBEEF:uri=https://example.com", "cannot carry"),
        ("phone:uri=https://example.com", "cannot carry"),
        ("ntag213:04A1B2C3D4E5F6:url=https://example.com", "unknown tag content"),
        ("ntag213:04A1B2C3D4E5F6:text=", "empty"),
        ("ultralight:04A1B2C3D4E5F6:text=" + "x" * 60, "holds 48"),
    ],
)
def test_bad_tag_specs_say_what_is_wrong(spec: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        parse_tag_spec(spec)


def test_make_tag_builds_each_kind() -> None:
    assert isinstance(make_tag("ntag215", NTAG_UID, URI_MESSAGE), Type2Tag)
    assert isinstance(make_tag("classic1k", bytes(4)), ClassicTag)
    assert make_tag("phone", b"").sel_res == 0x20
    with pytest.raises(ValueError, match="unknown tag type"):
        make_tag("felica", NTAG_UID)


async def test_faults_can_be_given_up_front() -> None:
    emulator = Pn532Emulator(faults=Faults(corrupt_responses=1))
    assert emulator.faults.corrupt_responses == 1
    await emulator.aclose()


# --- the pty link -------------------------------------------------------------------


async def test_a_pty_serves_our_uart_transport_and_follows_the_plug(
    emulator: Pn532Emulator,
) -> None:
    paths: list[str | None] = []
    link = PtyLink(emulator, on_path=paths.append)
    first = link.open()
    assert first is not None
    emulator.faults.pace_baud = 115200
    transport = UartTransport(first)
    await transport.open()
    await transport.wake()
    await transport.send(FIRMWARE_REQUEST)
    assert await transport.receive(1) == Ack()
    assert await transport.receive(1) == Frame(0xD5, bytes.fromhex("0332010607"))

    emulator.unplug()
    assert link.path is None
    with pytest.raises(ReaderDisconnected):
        await transport.receive(1)
    await transport.close()
    emulator.replug()
    new_path = paths[-1]  # a new pty, announced
    assert paths == [None, new_path]
    assert new_path is not None

    transport = UartTransport(new_path)
    await transport.open()
    await transport.send(FIRMWARE_REQUEST)
    assert await transport.receive(1) == Ack()
    assert isinstance(await transport.receive(1), Frame)
    await transport.close()
    link.close()


@pytest.mark.parametrize("pattern", ["", "1x0", []])
def test_a_flap_pattern_must_say_when_the_tag_is_seen(
    pattern: str | list[bool],
) -> None:
    with pytest.raises(ValueError, match="flap pattern"):
        Pn532Emulator().flap(ntag("ntag213", NTAG_UID), pattern)
