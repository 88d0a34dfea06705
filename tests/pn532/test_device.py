"""Our driver against the emulator in memory: commands, every fault knob, cancelling."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import pytest

from custom_components.nfc_jukebox.pn532 import (
    ApplicationError,
    NotAPn532,
    Pn532,
    ProtocolError,
    ReaderDisconnected,
    ReaderNotFound,
    ReaderTimeout,
    TagError,
    TagType,
    read_tag,
)
from custom_components.nfc_jukebox.pn532.device import (
    Command,
    FirmwareVersion,
    Target,
    parse_target_list,
)
from custom_components.nfc_jukebox.pn532.emulator import (
    EmulatorTransport,
    Faults,
    Pn532Emulator,
    make_tag,
)
from custom_components.nfc_jukebox.pn532.emulator import core as emulator_core
from custom_components.nfc_jukebox.pn532.frames import ACK, ERROR_FRAME

from .support import (
    CLASSIC_UID,
    NTAG_UID,
    STALE_NTAG_ANSWER,
    ScriptedTransport,
    commands_sent,
    ntag215,
    reply,
    settle,
    wait_until,
)

GET_FIRMWARE = Command.GET_FIRMWARE_VERSION
LIST_TARGETS = Command.IN_LIST_PASSIVE_TARGET


# --- opening ---------------------------------------------------------------------------


async def test_open_identifies_the_chip_and_puts_the_sam_in_normal_mode(
    emulator: Pn532Emulator,
) -> None:
    device = Pn532(EmulatorTransport(emulator))
    firmware = await device.open()
    assert firmware == FirmwareVersion(ic=0x32, version=1, revision=6, support=7)
    assert (firmware.chip, firmware.firmware) == ("PN532", "1.6")
    assert device.firmware == firmware
    assert list(emulator.history) == [b"\x02", bytes.fromhex("14011401")]
    await device.close()


async def test_a_chip_reporting_another_ic_is_not_a_pn532(
    emulator: Pn532Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(emulator_core, "FIRMWARE_VERSION", bytes.fromhex("33010607"))
    transport = EmulatorTransport(emulator)
    with pytest.raises(NotAPn532, match="IC 0x33"):
        await Pn532(transport).open()
    with pytest.raises(ReaderDisconnected):  # closed again
        await transport.send(ACK)


async def test_a_firmware_answer_of_the_wrong_length_is_not_a_pn532(
    emulator: Pn532Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(emulator_core, "FIRMWARE_VERSION", bytes.fromhex("320106"))
    with pytest.raises(NotAPn532, match="does not speak the PN532 protocol"):
        await Pn532(EmulatorTransport(emulator)).open()


async def test_a_device_echoing_what_it_is_sent_is_not_a_pn532() -> None:
    device = Pn532(ScriptedTransport(lambda data: [data]), ack_timeout=0.05)
    with pytest.raises(NotAPn532, match="does not speak the PN532 protocol"):
        await device.open()


async def test_an_unplugged_emulator_is_not_found(emulator: Pn532Emulator) -> None:
    emulator.unplug()
    with pytest.raises(ReaderNotFound, match="unplugged"):
        await Pn532(EmulatorTransport(emulator)).open()


# --- commands --------------------------------------------------------------------------


async def test_passive_retries_are_configured_only_when_they_change(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    for _ in range(3):
        await device.list_passive_target(retries=1)
    assert commands_sent(emulator, Command.RF_CONFIGURATION) == 1
    assert emulator.max_retries == 1


async def test_an_unknown_command_is_rejected_and_the_next_one_works(
    device: Pn532,
) -> None:
    with pytest.raises(ApplicationError, match="rejected command 0x60"):
        await device.command(0x60)
    assert (await device.firmware_version()).chip == "PN532"


async def test_an_error_frame_instead_of_the_ack_is_an_application_error() -> None:
    device = Pn532(ScriptedTransport(lambda _: [ERROR_FRAME]))
    await device.transport.open()
    with pytest.raises(ApplicationError, match="rejected the command"):
        await device.firmware_version()
    await device.close()


async def test_the_rf_field_can_be_switched_off_and_on(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.place(ntag215())
    assert await device.list_passive_target() is not None
    await device.rf_field(on=False)
    assert not emulator.rf_on
    with pytest.raises(TagError):  # the tag lost its power with the field
        await device.data_exchange(b"\x30\x00")
    await device.rf_field(on=True)
    assert await device.list_passive_target() is not None


async def test_release_deselects_the_target(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.place(ntag215())
    assert await device.list_passive_target() is not None
    await device.release()
    assert emulator.selected is None
    with pytest.raises(TagError) as raised:
        await device.data_exchange(b"\x30\x03")
    assert raised.value.status == 0x27


async def test_after_power_down_the_next_command_wakes_the_chip(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    await device.power_down()
    await settle()
    assert emulator.asleep
    assert (await device.firmware_version()).firmware == "1.6"
    assert not emulator.asleep


async def test_an_empty_data_exchange_answer_is_a_protocol_error() -> None:
    def chip(data: bytes) -> Iterable[bytes]:
        return [] if data == ACK else [ACK, reply("41")]

    device = Pn532(ScriptedTransport(chip))
    await device.transport.open()
    with pytest.raises(ProtocolError, match="empty InDataExchange answer"):
        await device.data_exchange(b"\x30\x00")
    await device.close()


# --- target lists ----------------------------------------------------------------------


def test_a_classic_target_has_a_four_byte_uid() -> None:
    target = parse_target_list(bytes.fromhex("01 01 0004 08 04 DEADBEEF"))
    assert target == Target(number=1, atqa=b"\x00\x04", sak=0x08, uid=CLASSIC_UID)
    assert target.has_stable_uid
    assert not target.is_iso14443_4


def test_a_phone_target_has_a_random_uid_and_an_ats() -> None:
    target = parse_target_list(bytes.fromhex("01 01 0004 20 04 08A1B2C3 0578807002"))
    assert target is not None
    assert target.ats == bytes.fromhex("0578807002")
    assert target.is_iso14443_4
    assert not target.has_stable_uid


@pytest.mark.parametrize(
    ("answer", "complaint"),
    [
        ("", "empty InListPassiveTarget answer"),
        ("01 01 0044 00", "truncated target data"),
        ("01 01 0044 00 07 04A1B2", "malformed target data"),
        ("01 01 0044 00 05 04A1B2C3D4", "malformed target data"),
    ],
)
def test_broken_target_lists_are_protocol_errors(answer: str, complaint: str) -> None:
    with pytest.raises(ProtocolError, match=complaint):
        parse_target_list(bytes.fromhex(answer))


# --- fault knobs -----------------------------------------------------------------------


async def test_everything_works_at_the_real_uart_pace(emulator: Pn532Emulator) -> None:
    emulator.faults.pace_baud = 115200
    emulator.place(ntag215())
    device = Pn532(EmulatorTransport(emulator))
    assert (await device.open()).chip == "PN532"
    target = await device.wait_for_target(1.0)
    assert target is not None
    assert (await read_tag(device, target)).ndef[0].get("uri") == "https://example.com"
    emulator.remove()
    assert await device.list_passive_target() is None
    await device.close()


async def test_an_ack_slower_than_usual_but_in_time_needs_no_resend(
    emulator: Pn532Emulator,
) -> None:
    emulator.faults.ack_delay = 0.02
    device = Pn532(EmulatorTransport(emulator), ack_timeout=1.0)
    await device.open()
    assert commands_sent(emulator, GET_FIRMWARE) == 1
    await device.close()


async def test_a_missing_ack_gets_one_resend_then_a_timeout_and_the_next_command_works(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.faults.ack_delay = 10.0
    device.ack_timeout = 0.02
    with pytest.raises(ReaderTimeout):
        await device.firmware_version()
    assert commands_sent(emulator, GET_FIRMWARE) == 3  # open, then sent twice
    await settle()
    assert not emulator.busy  # the command the chip sat on was aborted
    emulator.faults.ack_delay = 0.0
    device.ack_timeout = 0.5
    assert (await device.firmware_version()).chip == "PN532"


async def test_a_corrupted_reply_is_nacked_and_the_resent_one_used(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.place(ntag215())
    emulator.faults.corrupt_responses = 3
    target = await device.list_passive_target()
    assert target is not None
    assert target.uid == NTAG_UID
    assert emulator.faults.corrupt_responses == 0


#: The InListPassiveTarget answer for the NTAG215: 00 00 FF LEN LCS D5 4B … DCS 00.
TARGET_REPLY_LENGTH = 22


@pytest.mark.parametrize("bit", range(8))
@pytest.mark.parametrize("position", range(TARGET_REPLY_LENGTH))
async def test_one_flipped_bit_anywhere_in_a_reply_is_recovered_by_a_resend(
    emulator: Pn532Emulator, device: Pn532, position: int, bit: int
) -> None:
    emulator.faults.pace_baud = 115200
    emulator.place(ntag215())
    await device.set_passive_retries(1)  # the next reply is the target list
    emulator.faults.flip_bit = (position, bit)
    target = await device.list_passive_target()
    assert target is not None
    assert target.uid == NTAG_UID
    assert emulator.faults.flip_bit is None  # it was sent


async def test_a_reader_flipping_a_bit_in_every_fifth_reply_keeps_working(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.faults.pace_baud = 115200
    emulator.faults.flip_bit_every = 5
    emulator.place(ntag215())
    for _ in range(40):
        target = await device.list_passive_target()
        assert target is not None
        tag = await read_tag(device, target)
        assert tag.ndef[0].get("uri") == "https://example.com"


async def test_a_reply_that_stays_corrupted_is_a_protocol_error_then_all_is_well(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.faults.corrupt_responses = 4  # the first answer and three resends
    with pytest.raises(ProtocolError, match="stayed damaged"):
        await device.firmware_version()
    assert (await device.firmware_version()).chip == "PN532"


async def test_a_timeout_names_the_whole_wait_not_the_0_ms_left_of_it(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.faults.ack_delay = 10.0
    device.ack_timeout = 0.02
    with pytest.raises(ReaderTimeout, match=r"^no ACK within 20 ms$"):
        await device.firmware_version()
    emulator.faults.ack_delay = 0.0
    emulator.faults.reply_delay = 10.0
    emulator.place(ntag215())
    with pytest.raises(ReaderTimeout, match=r"^no answer within [1-9][0-9]* ms$"):
        await device.list_passive_target(retries=1, timeout=0.05)


async def test_a_late_reply_times_out_is_aborted_and_never_taken_for_a_tag(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    emulator.place(ntag215())
    emulator.faults.reply_delay = 10.0
    with pytest.raises(ReaderTimeout):
        await device.list_passive_target(retries=1, timeout=0.05)
    await settle()
    assert not emulator.busy  # aborted with an ACK
    emulator.remove()
    emulator.faults.reply_delay = 0.0
    # The reply the host gave up on was already on its way: it arrives before the
    # next command's ACK and must not pass for that command's answer.
    emulator.inject_garbage(STALE_NTAG_ANSWER)
    assert await device.list_passive_target(retries=1) is None
    # Or it arrived while the host was idle.
    emulator.inject_garbage(STALE_NTAG_ANSWER)
    await settle()
    assert await device.list_passive_target(retries=1) is None


@pytest.mark.parametrize(
    "garbage",
    [
        bytes.fromhex("DEADBEEF 55 00 FF"),
        bytes.fromhex("00 FF 20 E0 01 02"),  # looks like the header of a long frame
        bytes.fromhex("00 00 FF FF FF 01 00 FF"),  # ... of an extended frame
        bytes.fromhex("00 00 FF 03 FD D4 4A 01 00"),  # a frame in the wrong direction
        bytes.fromhex("00 00 FF 00 FF 00"),  # a stray ACK
    ],
)
async def test_garbage_before_replies_and_mid_stream_changes_no_answer(
    emulator: Pn532Emulator, device: Pn532, garbage: bytes
) -> None:
    emulator.faults.garbage_before_reply = garbage
    assert await device.list_passive_target(retries=1) is None
    emulator.inject_garbage(garbage)
    assert await device.list_passive_target(retries=1) is None
    emulator.place(ntag215())
    emulator.faults.garbage_before_reply = garbage
    target = await device.list_passive_target(retries=1)
    assert target is not None
    assert target.uid == NTAG_UID
    emulator.inject_garbage(garbage)
    assert (await read_tag(device, target)).type is TagType.NTAG215


async def test_unplugging_disconnects_and_the_reader_reopens_after_replug(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    await device.list_passive_target(retries=1)
    emulator.unplug()
    with pytest.raises(ReaderDisconnected):
        await device.firmware_version()
    await device.close()
    with pytest.raises(ReaderNotFound):
        await device.open()
    emulator.replug()
    emulator.place(make_tag("classic1k", CLASSIC_UID))
    await device.open()
    # The chip forgot its settings: the driver must configure them again.
    target = await device.list_passive_target(retries=1, timeout=0.5)
    assert target is not None
    assert target.uid == CLASSIC_UID


async def test_unplugging_ends_a_wait_for_a_tag(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    waiting = asyncio.create_task(device.wait_for_target(10))
    await wait_until(lambda: emulator.busy)
    emulator.unplug()
    with pytest.raises(ReaderDisconnected):
        await waiting


async def test_reopening_without_closing_first_starts_afresh(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    await device.open()
    assert (await device.firmware_version()).chip == "PN532"


# --- cancelling ------------------------------------------------------------------------


@pytest.mark.parametrize("wait", ["wait_for_target", "list_passive_target"])
async def test_cancelling_a_wait_for_a_tag_aborts_it_and_the_next_command_works(
    emulator: Pn532Emulator, device: Pn532, wait: str
) -> None:
    if wait == "wait_for_target":
        waiting = asyncio.create_task(device.wait_for_target(10))
    else:
        waiting = asyncio.create_task(device.list_passive_target(retries=0xFF))
    await wait_until(lambda: emulator.busy)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await settle()
    assert not emulator.busy
    emulator.place(ntag215())
    assert await device.list_passive_target(retries=1) is not None


async def test_cancelling_before_the_ack_came_still_aborts_the_command(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    await device.set_passive_retries(0xFF)
    emulator.faults.ack_delay = 0.05
    waiting = asyncio.create_task(device.wait_for_target(10))
    await wait_until(lambda: emulator.busy)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    await asyncio.sleep(0.1)  # past the ACK delay
    assert not emulator.busy


async def test_a_wait_for_a_tag_without_one_returns_none_and_aborts(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    assert await device.wait_for_target(0.02) is None
    await settle()
    assert not emulator.busy


async def test_a_silent_reader_is_noticed_by_a_wait_for_a_tag(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    device.ack_timeout = 0.02
    emulator.faults.ack_delay = 10.0
    with pytest.raises(ReaderTimeout):
        await device.wait_for_target(0.05)


async def test_faults_can_be_set_before_the_emulator_starts() -> None:
    emulator = Pn532Emulator(faults=Faults(corrupt_responses=1, ack_delay=0.01))
    device = Pn532(EmulatorTransport(emulator))
    assert (await device.open()).chip == "PN532"
    await device.close()
    await emulator.aclose()


async def test_an_answer_to_another_command_is_not_taken_for_the_answer() -> None:
    def chip(data: bytes) -> Iterable[bytes]:
        return [] if data == ACK else [ACK, reply("4B00"), reply("0332010607")]

    device = Pn532(ScriptedTransport(chip))
    await device.transport.open()
    assert (await device.firmware_version()).chip == "PN532"
    await device.close()


async def test_cancelling_as_the_reader_is_unplugged_ends_cleanly(
    emulator: Pn532Emulator, device: Pn532
) -> None:
    waiting = asyncio.create_task(device.wait_for_target(10))
    await wait_until(lambda: emulator.busy)
    emulator.unplug()
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
