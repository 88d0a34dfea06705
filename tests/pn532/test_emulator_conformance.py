"""The emulator answers each PN532 command as UM0701-02 §7 shows: request and reply hex.

Requests are written as the manual writes them (command code, then parameters, after
``D4``); replies as the frame the chip sends after its ACK (response code first).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import serial

from custom_components.nfc_jukebox.pn532.emulator import (
    EmulatorTransport,
    Faults,
    PhoneTag,
    Pn532Emulator,
    PtyLink,
    ntag,
)
from custom_components.nfc_jukebox.pn532.emulator.streams import line_baud
from custom_components.nfc_jukebox.pn532.frames import (
    ACK,
    ERROR_FRAME,
    PN532_TO_HOST,
    encode_command,
    encode_frame,
)
from custom_components.nfc_jukebox.pn532.ndef import encode_message
from custom_components.nfc_jukebox.pn532.tags import crc_a

from .support import NTAG_UID, commands_sent, reply, settle, wait_until
from .test_emulator import Wire

PHONE_UID = bytes.fromhex("08123456")
NTAG_TARGET = "01 0044 00 07 04A1B2C3D4E5F6"


@pytest.fixture
async def wire(emulator: Pn532Emulator) -> AsyncIterator[Wire]:
    wire = Wire()
    link = await EmulatorTransport(emulator)._connect(lambda: wire)
    yield wire
    link.close()


async def ask(wire: Wire, request: str) -> bytes:
    """Send the command ``request`` (hex: code, parameters); return the reply frame."""
    data = bytes.fromhex(request)
    wire.send(encode_command(data[0], data[1:]))
    assert await wire.read(len(ACK)) == ACK
    return await wire.read_frame()


async def test_diagnose_echoes_the_communication_line_test() -> None:
    emulator = Pn532Emulator()
    wire = Wire()
    link = await EmulatorTransport(emulator)._connect(lambda: wire)
    assert await ask(wire, "00 00 0102030405") == reply("01 00 0102030405")
    link.close()
    await emulator.aclose()


async def test_diagnose_rom_ram_and_antenna_tests_pass(wire: Wire) -> None:
    assert await ask(wire, "00 01") == reply("01 00")
    assert await ask(wire, "00 02") == reply("01 00")
    assert await ask(wire, "00 07 00") == reply("01 00")


async def test_diagnose_polling_test_finds_no_felica_card(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    # 128 FeliCa polls at 212 kbps, then 424 kbps: all of them fail.
    assert await ask(wire, "00 04 01") == reply("01 80")
    assert await ask(wire, "00 04 02") == reply("01 80")


async def test_diagnose_echo_back_test_runs_until_the_next_command(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    wire.send(encode_command(0x00, bytes.fromhex("05 00 00 00")))
    assert await wire.read(len(ACK)) == ACK
    assert emulator.busy
    assert await ask(wire, "02") == reply("03 32010607")


async def test_diagnose_checks_the_presence_of_an_iso14443_4_card(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(PhoneTag(PHONE_UID))
    await ask(wire, "4A 01 00")
    assert await ask(wire, "00 06") == reply("01 00")
    emulator.remove()
    assert await ask(wire, "00 06") == reply("01 01")


async def test_an_unknown_diagnose_test_gets_the_error_frame(wire: Wire) -> None:
    wire.send(encode_command(0x00, b"\x09"))
    assert await wire.read(len(ACK) + len(ERROR_FRAME)) == ACK + ERROR_FRAME


async def test_set_parameters_without_automatic_rats_lists_a_phone_without_ats(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(PhoneTag(PHONE_UID))
    assert await ask(wire, "4A 01 00") == reply(
        "4B 01 01 0004 20 04 08123456 0578807002"
    )
    assert await ask(wire, "12 00") == reply("13")
    assert await ask(wire, "4A 01 00") == reply("4B 01 01 0004 20 04 08123456")
    # The host sends RATS itself.
    assert await ask(wire, "42 E080") == reply("43 00 0578807002")


async def test_registers_read_their_power_on_values_and_what_was_written(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    assert await ask(wire, "06 6302 6303 6305 6304") == reply("07 80 80 00 83")
    emulator.place(ntag("ntag213", NTAG_UID))
    await ask(wire, "4A 01 00")
    # After a type A activation the CIU adds and checks CRCs (as a real PN532
    # shows in nfcpy's logs: TxMode 80, TxAuto 43).
    assert await ask(wire, "06 6302 6303 6305") == reply("07 80 80 43")
    assert await ask(wire, "08 633D 07 6303 00") == reply("09")
    assert await ask(wire, "06 633D 6303") == reply("07 07 00")


async def test_the_fifo_keeps_the_reqa_nobody_answered(wire: Wire) -> None:
    await ask(wire, "32 05 FF 01 00")
    assert await ask(wire, "4A 01 00") == reply("4B 00")
    assert await ask(wire, "06 6339") == reply("07 26")


async def test_rf_configuration_analog_settings_reach_the_ciu(wire: Wire) -> None:
    assert await ask(wire, "32 0A 59F43F114D85616F266287") == reply("33")
    assert await ask(wire, "06 6316 6317 6308") == reply("07 59 F4 85")


async def test_in_communicate_thru_wakes_a_tag_with_short_frames(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await ask(wire, "4A 01 00")
    # CRCs by the host, HLTA: the tag halts and says nothing.
    assert await ask(wire, "08 6302 00 6303 00") == reply("09")
    assert await ask(wire, "42 5000" + crc_a(b"\x50\x00").hex()) == reply("43 01")
    assert await ask(wire, "08 633D 07") == reply("09")  # 7-bit frames
    assert await ask(wire, "42 26") == reply("43 01")  # REQA: a halted tag is deaf
    assert await ask(wire, "42 52") == reply("43 00 4400")  # WUPA
    assert await ask(wire, "08 633D 00") == reply("09")
    assert await ask(wire, "42 9320") == reply("43 00 8804A1B29F")
    select = bytes.fromhex("9370 8804A1B2 9F")
    assert await ask(wire, "42" + (select + crc_a(select)).hex()) == reply(
        "43 00 04" + crc_a(b"\x04").hex()
    )


async def test_in_communicate_thru_handles_crcs_as_the_registers_say(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag215", NTAG_UID))
    await ask(wire, "4A 01 00")
    version = "0004040201001103"
    assert await ask(wire, "42 60") == reply("43 00" + version)
    assert await ask(wire, "08 6303 00") == reply("09")  # RxCRC off
    answer = bytes.fromhex(version)
    assert await ask(wire, "42 60") == reply("43 00" + (answer + crc_a(answer)).hex())
    assert await ask(wire, "42 1A00") == reply("43 00 00")  # a 4-bit NAK
    assert await ask(wire, "06 633C") == reply("07 14")  # RxLastBits: 4
    assert await ask(wire, "42 3000") == reply("43 01")  # IDLE now: silent
    await ask(wire, "4A 01 00")  # RxCRC on again
    assert await ask(wire, "42 1A00") == reply("43 02")  # a NAK looks like a CRC error
    assert await ask(wire, "06 6336") == reply("07 04")  # CRCErr


async def test_in_communicate_thru_times_out_on_an_empty_field(wire: Wire) -> None:
    assert await ask(wire, "42 26") == reply("43 01")


async def test_in_list_passive_target_takes_a_uid_with_its_cascade_tag(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await ask(wire, "32 05 FF 01 00")
    assert await ask(wire, "4A 01 00 88 04A1B2 C3D4E5F6") == reply(
        "4B 01" + NTAG_TARGET
    )
    assert await ask(wire, "4A 01 00 88 04A1B2 C3D4E5F7") == reply("4B 00")


async def test_in_select_and_in_deselect_keep_the_target(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    await ask(wire, "4A 01 00")
    assert await ask(wire, "44 01") == reply("45 00")
    # The next exchange selects the deselected target again.
    assert (await ask(wire, "40 01 3000"))[5:8] == bytes.fromhex("D54100")
    assert await ask(wire, "44 01") == reply("45 00")
    assert await ask(wire, "54 01") == reply("55 00")
    assert await ask(wire, "54 02") == reply("55 27")


async def test_in_auto_poll_reports_the_type_and_target_data(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    assert await ask(wire, "60 01 01 10") == reply("61 00")
    emulator.place(ntag("ntag213", NTAG_UID))
    assert await ask(wire, "60 01 01 20 10") == reply("61 01 10 0C" + NTAG_TARGET)


async def test_dep_commands_time_out_without_a_dep_target(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    assert await ask(wire, "56 01 00 00") == reply("57 01")
    assert await ask(wire, "46 01 02 00") == reply("47 01")
    assert await ask(wire, "50 01 00") == reply("51 27")  # nothing listed
    emulator.place(ntag("ntag213", NTAG_UID))
    await ask(wire, "4A 01 00")
    assert await ask(wire, "50 01 00") == reply("51 01")
    assert await ask(wire, "4E 01 00 00") == reply("4F 00")
    assert await ask(wire, "4E 01 02 02") == reply("4F 27")


async def test_target_mode_commands_are_not_acceptable_in_initiator_mode(
    wire: Wire,
) -> None:
    assert await ask(wire, "86") == reply("87 27")  # TgGetData
    assert await ask(wire, "8E 00") == reply("8F 27")  # TgSetData
    assert await ask(wire, "8A") == reply("8B 00")  # TgGetTargetStatus: free


async def test_gpio_pins_read_and_write(wire: Wire) -> None:
    assert await ask(wire, "0C") == reply("0D 3F 06 00")
    assert await ask(wire, "0E 81 02") == reply("0F")  # P7 not validated: unchanged
    assert await ask(wire, "0C") == reply("0D 01 06 00")
    assert await ask(wire, "06 FFB0") == reply("07 C1")


async def test_set_serial_baud_rate_switches_the_line_after_the_hosts_ack(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.faults = Faults(pace_baud=115200)
    assert await ask(wire, "10 07") == reply("11")
    assert emulator.serial_baud == 115200  # until the host confirms
    wire.send(ACK)
    await wire.read(0)
    assert await ask(wire, "02") == reply("03 32010607")
    assert emulator.serial_baud == 921600
    assert line_baud(emulator) == 921600


async def test_an_out_of_range_baud_rate_gets_the_error_frame(wire: Wire) -> None:
    wire.send(encode_command(0x10, b"\x09"))
    assert await wire.read(len(ACK) + len(ERROR_FRAME)) == ACK + ERROR_FRAME


async def test_diagnose_echoes_the_longest_frame_in_an_extended_frame(
    wire: Wire,
) -> None:
    # nfcpy's line test: the largest command the PN532 takes, 265 bytes with TFI.
    params = b"\x00" + bytes(i & 0xFF for i in range(262))
    wire.send(encode_command(0x00, params))
    expected = encode_frame(b"\x01" + params, PN532_TO_HOST)
    assert expected[3:5] == b"\xff\xff"  # an extended frame
    assert await wire.read(len(ACK) + len(expected)) == ACK + expected


async def test_a_phone_answers_type_4_apdus_through_in_data_exchange(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    message = encode_message(uri="https://example.com")
    emulator.place(PhoneTag(PHONE_UID, message=message))
    await ask(wire, "4A 01 00")  # the PN532 sends RATS and runs ISO-DEP itself
    assert await ask(wire, "40 01 00A4040007D276000085010100") == reply("41 00 9000")
    assert await ask(wire, "40 01 00A4000C02E103") == reply("41 00 9000")
    assert await ask(wire, "40 01 00B000000F") == reply(
        "41 00 000F20003B00340406E1040400 00FF 9000"
    )
    assert await ask(wire, "40 01 00A4000C02E104") == reply("41 00 9000")
    assert await ask(wire, "40 01 00B0000002") == reply(
        f"41 00 {len(message):04X} 9000"
    )


async def test_power_down_switches_the_field_off(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    assert await ask(wire, "16 B0") == reply("17 00")
    assert not emulator.rf_on


async def test_tg_init_as_target_waits_for_an_initiator_until_aborted(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    params = bytes(37)
    wire.send(encode_command(0x8C, params))
    assert await wire.read(len(ACK)) == ACK
    assert emulator.busy
    wire.send(ACK)  # the host gives up
    assert await ask(wire, "02") == reply("03 32010607")
    assert not wire.received


async def test_rf_regulation_test_is_acked_and_ends_with_the_next_command(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    wire.send(encode_command(0x58, b"\x00"))
    assert await wire.read(len(ACK)) == ACK
    assert emulator.busy
    assert await ask(wire, "02") == reply("03 32010607")


async def test_libnfcs_start_up_and_raw_bit_exchange_are_answered(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    # pn532_uart_open: wake-up preamble with SAMConfiguration, then the line test.
    wire.send(b"\x55\x55" + bytes(14) + encode_command(0x14, b"\x01\x00\x00"))
    assert await wire.read(len(ACK)) == ACK
    assert await wire.read_frame() == reply("15")
    assert await ask(wire, "00 00 6C69626E6663") == reply("01 00 6C69626E6663")
    assert await ask(wire, "12 14") == reply("13")
    # pn53x_reset_settings and pn53x_initiator_init: read-modify-write registers.
    assert await ask(wire, "06 633D") == reply("07 00")
    assert await ask(wire, "08 633D 00 633C 10") == reply("09")
    # nfc_initiator_transceive_bits: a 7-bit WUPA, then RxLastBits from Control.
    emulator.place(ntag("ntag213", NTAG_UID))
    assert await ask(wire, "08 6302 00 6303 00 633D 07") == reply("09")
    assert await ask(wire, "42 52") == reply("43 00 4400")
    assert await ask(wire, "06 633C") == reply("07 10")  # whole bytes


async def test_frames_with_the_hosts_own_parity_bits_get_no_answer(
    emulator: Pn532Emulator, wire: Wire
) -> None:
    emulator.place(ntag("ntag213", NTAG_UID))
    assert await ask(wire, "08 630D 10 633D 07") == reply("09")  # ParityDisable
    assert await ask(wire, "42 52") == reply("43 01")


def _exchange_on_port(port: serial.Serial, request: bytes, answer_length: int) -> bytes:
    port.reset_input_buffer()
    port.write(request)
    return bytes(port.read(len(ACK) + answer_length))


async def test_after_set_serial_baud_rate_only_a_host_at_the_new_speed_is_understood(
    emulator: Pn532Emulator,
) -> None:
    link = PtyLink(emulator)
    path = link.open()
    port = serial.Serial(path, baudrate=115200, timeout=5)
    firmware = encode_command(0x02)
    firmware_reply = reply("03 32010607")
    try:
        switch = encode_command(0x10, b"\x07")  # 921600 baud
        answer = await asyncio.to_thread(_exchange_on_port, port, switch, 9)
        assert answer == ACK + reply("11")
        await asyncio.to_thread(port.write, ACK)  # confirmed: the chip switches
        await wait_until(lambda: emulator.serial_baud == 921600)
        # Still at 115200: the chip hears noise and says nothing.
        await asyncio.to_thread(port.write, firmware)
        await settle()  # the emulator reads it before the port changes speed
        port.baudrate = 921600
        answer = await asyncio.to_thread(
            _exchange_on_port, port, firmware, len(firmware_reply)
        )
        assert answer == ACK + firmware_reply
        assert commands_sent(emulator, 0x02) == 1
    finally:
        port.close()
        link.close()
