"""The MFRC522's registers, commands and bits (NXP MFRC522 data sheet, rev. 3.9 §9)."""

from __future__ import annotations

from enum import IntEnum
from typing import Final


class Reg(IntEnum):
    """Register addresses."""

    COMMAND = 0x01
    COM_IEN = 0x02
    DIV_IEN = 0x03
    COM_IRQ = 0x04
    DIV_IRQ = 0x05
    ERROR = 0x06
    STATUS1 = 0x07
    STATUS2 = 0x08
    FIFO_DATA = 0x09
    FIFO_LEVEL = 0x0A
    WATER_LEVEL = 0x0B
    CONTROL = 0x0C
    BIT_FRAMING = 0x0D
    COLL = 0x0E
    MODE = 0x11
    TX_MODE = 0x12
    RX_MODE = 0x13
    TX_CONTROL = 0x14
    TX_ASK = 0x15
    TX_SEL = 0x16
    RX_SEL = 0x17
    RX_THRESHOLD = 0x18
    DEMOD = 0x19
    MF_TX = 0x1C
    MF_RX = 0x1D
    SERIAL_SPEED = 0x1F
    CRC_RESULT_H = 0x21
    CRC_RESULT_L = 0x22
    MOD_WIDTH = 0x24
    RF_CFG = 0x26
    GS_N = 0x27
    CW_GS_P = 0x28
    MOD_GS_P = 0x29
    T_MODE = 0x2A
    T_PRESCALER = 0x2B
    T_RELOAD_H = 0x2C
    T_RELOAD_L = 0x2D
    T_COUNTER_H = 0x2E
    T_COUNTER_L = 0x2F
    VERSION = 0x37


class Cmd(IntEnum):
    """What CommandReg's low nibble starts."""

    IDLE = 0x00
    MEM = 0x01
    GENERATE_RANDOM_ID = 0x02
    CALC_CRC = 0x03
    TRANSMIT = 0x04
    NO_CMD_CHANGE = 0x07
    RECEIVE = 0x08
    TRANSCEIVE = 0x0C
    MF_AUTHENT = 0x0E
    SOFT_RESET = 0x0F


#: CommandReg: the analog part is off / the chip is in soft power-down.
RCV_OFF: Final = 0x20
POWER_DOWN: Final = 0x10
COMMAND_MASK: Final = 0x0F

# ComIrqReg (and ComIEnReg at the same positions).
SET1: Final = 0x80
TX_IRQ: Final = 0x40
RX_IRQ: Final = 0x20
IDLE_IRQ: Final = 0x10
HI_ALERT_IRQ: Final = 0x08
LO_ALERT_IRQ: Final = 0x04
ERR_IRQ: Final = 0x02
TIMER_IRQ: Final = 0x01
#: ComIEnReg bit 7: the IRQ pin is active low.
IRQ_INV: Final = 0x80
# DivIrqReg (and DivIEnReg).
SET2: Final = 0x80
CRC_IRQ: Final = 0x04
#: DivIEnReg bit 7: the IRQ pin is push-pull rather than open drain.
IRQ_PUSH_PULL: Final = 0x80

# ErrorReg.
WR_ERR: Final = 0x80
TEMP_ERR: Final = 0x40
BUFFER_OVFL: Final = 0x10
COLL_ERR: Final = 0x08
CRC_ERR: Final = 0x04
PARITY_ERR: Final = 0x02
PROTOCOL_ERR: Final = 0x01

# Status1Reg.
CRC_OK: Final = 0x40
CRC_READY: Final = 0x20
IRQ_ACTIVE: Final = 0x10
T_RUNNING: Final = 0x08
HI_ALERT: Final = 0x02
LO_ALERT: Final = 0x01
# Status2Reg.
MF_CRYPTO1_ON: Final = 0x08
MODEM_STATE: Final = 0x07

#: FIFOLevelReg bit 7: empty the FIFO.
FLUSH_BUFFER: Final = 0x80
FIFO_SIZE: Final = 64
# ControlReg.
T_STOP_NOW: Final = 0x80
T_START_NOW: Final = 0x40
RX_LAST_BITS: Final = 0x07
# BitFramingReg.
START_SEND: Final = 0x80
RX_ALIGN: Final = 0x70
TX_LAST_BITS: Final = 0x07
# CollReg.
VALUES_AFTER_COLL: Final = 0x80
COLL_POS_NOT_VALID: Final = 0x20
COLL_POS: Final = 0x1F
# ModeReg: CRCPreset 01 is 6363h, the CRC_A's preset.
CRC_PRESET: Final = 0x03
# TxModeReg / RxModeReg.
CRC_EN: Final = 0x80
SPEED: Final = 0x70
# TxControlReg: both antenna drivers carry the 13.56 MHz field.
ANTENNA_ON: Final = 0x03
# TxASKReg.
FORCE_100_ASK: Final = 0x40
# TModeReg.
T_AUTO: Final = 0x80
T_AUTO_RESTART: Final = 0x10
T_PRESCALER_HI: Final = 0x0F

#: The crystal (Hz): the timer counts at 13.56 MHz / (2 * TPrescaler + 1).
CLOCK_HZ: Final = 13_560_000

#: VersionReg values: MFRC522 1.0 and 2.0, and clones found on cheap boards.
CHIP_NAMES: Final = {
    0x91: ("MFRC522", "1.0"),
    0x92: ("MFRC522", "2.0"),
    0x88: ("FM17522", "1"),
    0x89: ("FM17522E", "1"),
    0xB2: ("FM17522", "2"),
    0x12: ("MFRC522 clone", "?"),
}

#: The power-on values of the registers (data sheet §9.3); unlisted ones are 00.
RESET_VALUES: Final = {
    Reg.COMMAND: RCV_OFF,
    Reg.COM_IEN: IRQ_INV,
    Reg.COM_IRQ: 0x14,
    Reg.STATUS1: 0x21,
    Reg.WATER_LEVEL: 0x08,
    Reg.CONTROL: 0x10,
    Reg.COLL: 0x80,
    Reg.MODE: 0x3F,
    Reg.TX_CONTROL: 0x80,
    Reg.TX_SEL: 0x10,
    Reg.RX_SEL: 0x84,
    Reg.RX_THRESHOLD: 0x84,
    Reg.DEMOD: 0x4D,
    Reg.MF_TX: 0x62,
    Reg.SERIAL_SPEED: 0xEB,
    Reg.CRC_RESULT_H: 0xFF,
    Reg.CRC_RESULT_L: 0xFF,
    Reg.MOD_WIDTH: 0x26,
    Reg.RF_CFG: 0x48,
    Reg.GS_N: 0x88,
    Reg.CW_GS_P: 0x20,
    Reg.MOD_GS_P: 0x20,
}


def address_byte(register: int, *, read: bool) -> int:
    """Return the SPI address byte of ``register``: bit 7 read, bits 6-1 address."""
    return (0x80 if read else 0x00) | ((register << 1) & 0x7E)
