"""The emulated MFRC522 follows its data sheet register by register (SPI frames)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from custom_components.nfc_jukebox.pn532.emulator import ntag
from custom_components.nfc_jukebox.pn532.tags import crc_a
from custom_components.nfc_jukebox.rc522 import Registers
from custom_components.nfc_jukebox.rc522.emulator import InlineLink, Mfrc522Emulator
from custom_components.nfc_jukebox.rc522.registers import (
    BUFFER_OVFL,
    CRC_EN,
    CRC_ERR,
    CRC_IRQ,
    RX_IRQ,
    TIMER_IRQ,
    TX_IRQ,
    Cmd,
    Reg,
)

from .support import NTAG_UID


@pytest.fixture
async def chip() -> AsyncIterator[Mfrc522Emulator]:
    """Return an emulated MFRC522 with an ntag215 in its field (the field off)."""
    emulator = Mfrc522Emulator(seed=1)
    emulator.place(ntag("ntag215", NTAG_UID))
    yield emulator
    await emulator.aclose()


@pytest.fixture
def regs(chip: Mfrc522Emulator) -> Registers:
    """Return register access to the chip, as the driver has it."""
    return Registers(InlineLink(chip))


async def until(regs: Registers, register: int, bits: int) -> int:
    """Wait until ``register`` has one of ``bits``; return its value."""
    async with asyncio.timeout(1):
        while not (value := regs.read(register)) & bits:  # noqa: ASYNC110 - polled
            await asyncio.sleep(0.0005)
    return value


def transceive(regs: Registers, data: bytes, last_bits: int = 0) -> None:
    """Start a Transceive of ``data`` as MFRC522 drivers do."""
    regs.write(Reg.COMMAND, Cmd.IDLE)
    regs.write(Reg.COM_IRQ, 0x7F)
    regs.write(Reg.FIFO_LEVEL, 0x80)
    regs.write(Reg.FIFO_DATA, *data)
    regs.write(Reg.COMMAND, Cmd.TRANSCEIVE)
    regs.write(Reg.BIT_FRAMING, 0x80 | last_bits)


def timer_ms(regs: Registers, reload: int) -> None:
    """Start the timer automatically after each frame (TAuto, 10 kHz ticks)."""
    regs.write(Reg.T_MODE, 0x82)
    regs.write(Reg.T_PRESCALER, 0xA5)
    regs.write(Reg.T_RELOAD_H, reload >> 8)
    regs.write(Reg.T_RELOAD_L, reload & 0xFF)


def test_the_power_on_values_are_the_data_sheets(regs: Registers) -> None:
    assert [regs.read(r) for r in (Reg.VERSION, Reg.COMMAND, Reg.MODE)] == [
        0x92,
        0x20,
        0x3F,
    ]
    assert regs.read(Reg.TX_CONTROL) == 0x80  # the field is off


def test_the_fifo_counts_flushes_and_overflows(regs: Registers) -> None:
    regs.write(Reg.FIFO_DATA, *range(10))
    assert regs.read(Reg.FIFO_LEVEL) == 10
    assert regs.read_repeated(Reg.FIFO_DATA, 3) == bytes([0, 1, 2])
    assert regs.read(Reg.FIFO_LEVEL) == 7
    regs.write(Reg.FIFO_LEVEL, 0x80)
    assert regs.read(Reg.FIFO_LEVEL) == 0
    regs.write(Reg.FIFO_DATA, *bytes(65))
    assert regs.read(Reg.FIFO_LEVEL) == 64
    assert regs.read(Reg.ERROR) & BUFFER_OVFL


def test_comirq_bits_are_set_and_cleared_through_set1(regs: Registers) -> None:
    regs.write(Reg.COM_IRQ, 0x7F)
    assert regs.read(Reg.COM_IRQ) == 0
    regs.write(Reg.COM_IRQ, 0x80 | RX_IRQ | TIMER_IRQ)
    assert regs.read(Reg.COM_IRQ) == RX_IRQ | TIMER_IRQ
    regs.write(Reg.COM_IRQ, TIMER_IRQ)
    assert regs.read(Reg.COM_IRQ) == RX_IRQ


async def test_the_crc_coprocessor_computes_the_crc_a(regs: Registers) -> None:
    regs.write(Reg.MODE, 0x3D)  # CRCPreset 01: 6363h (the power-on FFFFh is not CRC_A)
    regs.write(Reg.COMMAND, Cmd.IDLE)
    regs.write(Reg.DIV_IRQ, 0x04)
    regs.write(Reg.FIFO_DATA, 0x50, 0x00)
    regs.write(Reg.COMMAND, Cmd.CALC_CRC)
    await until(regs, Reg.DIV_IRQ, CRC_IRQ)
    result = bytes([regs.read(Reg.CRC_RESULT_L), regs.read(Reg.CRC_RESULT_H)])
    assert result == crc_a(b"\x50\x00") == bytes.fromhex("57CD")


async def test_reqa_gets_the_atqa_and_an_empty_field_fires_the_timer(
    chip: Mfrc522Emulator, regs: Registers
) -> None:
    timer_ms(regs, 30)
    regs.write(Reg.TX_CONTROL, 0x83)
    transceive(regs, b"\x26", last_bits=7)
    irq = await until(regs, Reg.COM_IRQ, RX_IRQ | TIMER_IRQ)
    assert irq & (TX_IRQ | RX_IRQ) == TX_IRQ | RX_IRQ
    assert regs.read_repeated(Reg.FIFO_DATA, regs.read(Reg.FIFO_LEVEL)) == b"\x44\x00"
    chip.remove()
    transceive(regs, b"\x26", last_bits=7)
    irq = await until(regs, Reg.COM_IRQ, RX_IRQ | TIMER_IRQ)
    assert irq & (RX_IRQ | TIMER_IRQ) == TIMER_IRQ


async def test_without_the_field_no_tag_answers(regs: Registers) -> None:
    timer_ms(regs, 30)
    transceive(regs, b"\x52", last_bits=7)
    assert await until(regs, Reg.COM_IRQ, RX_IRQ | TIMER_IRQ) & TIMER_IRQ


async def test_with_rx_crc_on_a_four_bit_ack_is_a_crc_error(
    chip: Mfrc522Emulator, regs: Registers
) -> None:
    timer_ms(regs, 100)
    regs.write(Reg.TX_CONTROL, 0x83)
    uid = b"\x88" + NTAG_UID[:3]
    transceive(regs, b"\x52", last_bits=7)
    await until(regs, Reg.COM_IRQ, RX_IRQ)
    for frame in (
        b"\x93\x70" + uid + bytes([0x88 ^ NTAG_UID[0] ^ NTAG_UID[1] ^ NTAG_UID[2]]),
        b"\x95\x70"
        + NTAG_UID[3:]
        + bytes([NTAG_UID[3] ^ NTAG_UID[4] ^ NTAG_UID[5] ^ NTAG_UID[6]]),
    ):
        transceive(regs, frame + crc_a(frame))
        await until(regs, Reg.COM_IRQ, RX_IRQ)
    assert chip.tag is not None
    regs.write(Reg.TX_MODE, CRC_EN)
    regs.write(Reg.RX_MODE, CRC_EN)
    transceive(regs, b"\xa2\x04\x01\x02\x03\x04")
    await until(regs, Reg.COM_IRQ, RX_IRQ)
    assert regs.read(Reg.ERROR) & CRC_ERR
    assert regs.read(Reg.CONTROL) & 0x07 == 4


async def test_the_irq_pin_is_active_low_and_follows_the_enabled_bits(
    chip: Mfrc522Emulator, regs: Registers
) -> None:
    def level() -> bool:
        return chip.irq_pin_high

    regs.write(Reg.COM_IRQ, 0x7F)
    assert level()  # inverted: high while nothing is pending
    regs.write(Reg.COM_IEN, 0x80 | TIMER_IRQ)
    regs.write(Reg.COM_IRQ, 0x80 | RX_IRQ)
    assert level()  # RxIRq is not enabled
    regs.write(Reg.COM_IRQ, 0x80 | TIMER_IRQ)
    assert not level()
    assert await chip.irq(0.01)


def test_mem_keeps_25_bytes_and_soft_reset_restores_the_registers(
    regs: Registers,
) -> None:
    regs.write(Reg.FIFO_DATA, *range(25))
    regs.write(Reg.COMMAND, Cmd.MEM)
    assert regs.read(Reg.FIFO_LEVEL) == 0
    regs.write(Reg.COMMAND, Cmd.MEM)
    assert regs.read_repeated(Reg.FIFO_DATA, 25) == bytes(range(25))
    regs.write(Reg.MODE, 0x00)
    regs.write(Reg.COMMAND, Cmd.SOFT_RESET)
    assert regs.read(Reg.MODE) == 0x3F


def test_an_unwired_chip_reads_zeros(chip: Mfrc522Emulator, regs: Registers) -> None:
    chip.unplug()
    assert regs.read(Reg.VERSION) == 0
    chip.replug()
    assert regs.read(Reg.VERSION) == 0x92


def test_a_flap_pattern_must_be_zeros_and_ones(chip: Mfrc522Emulator) -> None:
    with pytest.raises(ValueError, match="0 and 1"):
        chip.flap(ntag("ntag215", NTAG_UID), "1x")
