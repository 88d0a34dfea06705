"""The MFRC522 driver: ISO/IEC 14443-3 type A from the host, register by register.

Unlike the PN532, the MFRC522 runs no protocol of its own: the host sends REQA/WUPA,
the anticollision and SELECT of each cascade level, HLTA and the tag's commands
through the FIFO and the Transceive command, and reads what came back. The driver
offers what the library's watcher and tag code use of a PN532
(``list_passive_target``, ``wait_for_target``, ``data_exchange``), so both chips share
the presence logic and the NDEF reading.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import reduce
from operator import xor
from typing import TYPE_CHECKING, Final, Protocol, Self

from ..pn532.device import Target
from ..pn532.errors import NoTagPresent, ReaderTimeout, TagError
from ..pn532.tags import crc_a
from .errors import NotAnRc522
from .registers import (
    ANTENNA_ON,
    BUFFER_OVFL,
    CHIP_NAMES,
    COLL_ERR,
    CRC_EN,
    FIFO_SIZE,
    FLUSH_BUFFER,
    FORCE_100_ASK,
    IDLE_IRQ,
    IRQ_INV,
    PARITY_ERR,
    POWER_DOWN,
    PROTOCOL_ERR,
    RX_IRQ,
    RX_LAST_BITS,
    START_SEND,
    T_AUTO,
    TIMER_IRQ,
    TX_IRQ,
    Cmd,
    Reg,
)

if TYPE_CHECKING:
    from types import TracebackType

    from .bus import RegisterBus, Registers

_LOGGER = logging.getLogger(__name__)

REQA: Final = 0x26
WUPA: Final = 0x52
HLTA: Final = b"\x50\x00"
CASCADE_TAG: Final = 0x88
_SELECT: Final = (0x93, 0x95, 0x97)
_NVB_ANTICOLLISION: Final = 0x20
_NVB_SELECT: Final = 0x70
_SAK_CASCADE: Final = 0x04
_ACK: Final = 0x0A
#: MxRtyPassiveActivation's "until a tag comes", as the PN532 knows it.
WAIT_FOREVER: Final = 0xFF
# PN532 status bytes, so the library's tag code judges both chips alike.
STATUS_TIMEOUT: Final = 0x01
STATUS_CRC: Final = 0x02
STATUS_PARITY: Final = 0x03
STATUS_COLLISION: Final = 0x06
STATUS_BUFFER: Final = 0x07
STATUS_NAK: Final = 0x14
STATUS_NOT_SELECTED: Final = 0x27

#: The timer ticks every 1355 / 13.56 MHz ≈ 99.9 µs (TPrescaler 677).
_PRESCALER: Final = 677
_TICK: Final = (2 * _PRESCALER + 1) / 13_560_000
#: A type A tag answers a short or anticollision frame within 0.4 ms at 106 kbps.
FRAME_TIMEOUT: Final = 0.003
#: The longest a tag command takes: an NTAG's WRITE (4.1 ms) or 15 pages of FAST_READ.
EXCHANGE_TIMEOUT: Final = 0.012
#: How long the host waits past the chip's own timer before calling it silent.
_HOST_GRACE: Final = 0.1
#: How often ComIrqReg is read while a frame is under way (without an IRQ line).
DEFAULT_POLL_INTERVAL: Final = 0.0005
#: How often an empty field is asked for a tag while the driver waits for one.
DEFAULT_WAIT_INTERVAL: Final = 0.02
_SOFT_RESET_TIME: Final = 0.05


class IrqLine(Protocol):
    """The MFRC522's IRQ pin, as the host sees it."""

    async def wait(self, timeout: float) -> bool:
        """Return True once the pin is asserted, False after ``timeout`` seconds."""
        ...


@dataclass(frozen=True, kw_only=True, slots=True)
class ChipVersion:
    """What VersionReg tells of the chip."""

    version: int

    @property
    def chip(self) -> str:
        """Return the chip's name, e.g. ``MFRC522``."""
        return CHIP_NAMES.get(self.version, ("MFRC522", ""))[0]

    @property
    def firmware(self) -> str:
        """Return the chip's version, e.g. ``2.0``."""
        return CHIP_NAMES.get(self.version, ("", f"0x{self.version:02X}"))[1]


@dataclass(frozen=True, slots=True)
class _Answer:
    """What a Transceive brought back: bytes, the valid bits of the last, errors."""

    data: bytes
    last_bits: int
    error: int
    timed_out: bool


class Rc522:
    """An MFRC522 behind a register bus. Operations are serialised."""

    #: The FIFO holds 64 bytes: 15 pages and the CRC_A.
    fast_read_max_pages = (FIFO_SIZE - 2) // 4

    def __init__(
        self,
        bus: RegisterBus,
        *,
        irq: IrqLine | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        wait_interval: float = DEFAULT_WAIT_INTERVAL,
    ) -> None:
        """Drive the chip behind ``bus`` (not opened yet); ``irq``: its IRQ pin."""
        self.bus = bus
        self.irq = irq
        self.poll_interval = poll_interval
        self.wait_interval = wait_interval
        self.version: ChipVersion | None = None
        self._lock = asyncio.Lock()
        self._selected: Target | None = None
        self._tx_crc: bool | None = None
        self._timeout: float | None = None

    @property
    def description(self) -> str:
        """Return where the chip is."""
        return self.bus.description

    async def open(self) -> ChipVersion:
        """Open the bus, reset the chip, check it is an MFRC522 and switch the field on."""
        await self.bus.open()
        try:
            version = await self._reset()
        except BaseException:
            await self.bus.close()
            raise
        self.version = version
        return version

    async def __aenter__(self) -> Self:
        """Open the reader (``async with Rc522(bus) as rc522:``)."""
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the reader."""
        await self.close()

    async def close(self) -> None:
        """Switch the field off (if the chip still answers) and close the bus."""
        try:
            await self.bus.run(lambda regs: regs.write(Reg.TX_CONTROL, 0x80))
        except Exception:
            _LOGGER.debug("could not switch the field off", exc_info=True)
        await self.bus.close()

    async def _reset(self) -> ChipVersion:
        await self.bus.run(lambda regs: regs.write(Reg.COMMAND, Cmd.SOFT_RESET))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _SOFT_RESET_TIME
        while (
            command := await self.bus.run(lambda r: r.read(Reg.COMMAND))
        ) & POWER_DOWN:
            if loop.time() > deadline:
                break
            await asyncio.sleep(0.001)
        version = await self.bus.run(lambda regs: regs.read(Reg.VERSION))
        if version not in CHIP_NAMES:
            where = self.bus.description
            if version in (0x00, 0xFF) and command in (0x00, 0xFF):
                msg = f"nothing answers on {where} (wiring, 3.3 V, RST high?)"
                raise ReaderTimeout(msg)
            msg = f"the chip on {where} reports version 0x{version:02X}, not an MFRC522"
            raise NotAnRc522(msg)
        await self.bus.run(self._configure)
        self._selected, self._tx_crc, self._timeout = None, None, None
        return ChipVersion(version=version)

    def _configure(self, regs: Registers) -> None:
        regs.write(Reg.T_MODE, T_AUTO | _PRESCALER >> 8)
        regs.write(Reg.T_PRESCALER, _PRESCALER & 0xFF)
        regs.write(Reg.TX_ASK, FORCE_100_ASK)
        regs.write(Reg.MODE, 0x3D)  # CRC preset 6363h, as type A wants
        regs.write(Reg.RX_MODE, 0x00)  # the driver checks CRCs: 4-bit ACKs come through
        regs.write(Reg.COM_IEN, IRQ_INV | RX_IRQ | IDLE_IRQ | TIMER_IRQ)
        regs.write(Reg.TX_CONTROL, 0x80 | ANTENNA_ON)

    # --- frames ------------------------------------------------------------------

    async def transceive(
        self,
        data: bytes,
        *,
        tx_last_bits: int = 0,
        crc: bool = True,
        timeout: float = EXCHANGE_TIMEOUT,
        answer: bool = True,
    ) -> _Answer:
        """Send one frame (the chip adds the CRC_A if ``crc``); return what came back.

        ``answer=False``: nothing is expected (HLTA); return once it is sent.
        """
        self._check_frame(data)
        ticks = max(1, round(timeout / _TICK)) - 1
        tx_crc, self._tx_crc = self._tx_crc, crc
        old_timeout, self._timeout = self._timeout, timeout

        def start(regs: Registers) -> None:
            regs.write(Reg.COMMAND, Cmd.IDLE)
            regs.write(Reg.COM_IRQ, 0x7F)
            regs.write(Reg.FIFO_LEVEL, FLUSH_BUFFER)
            if tx_crc is not crc:
                regs.write(Reg.TX_MODE, CRC_EN if crc else 0x00)
            if old_timeout != timeout:
                regs.write(Reg.T_RELOAD_H, ticks >> 8)
                regs.write(Reg.T_RELOAD_L, ticks & 0xFF)
            regs.write(Reg.FIFO_DATA, *data)
            regs.write(Reg.COMMAND, Cmd.TRANSCEIVE)
            regs.write(Reg.BIT_FRAMING, START_SEND | tx_last_bits)

        await self.bus.run(start)
        done = TX_IRQ if not answer else RX_IRQ | TIMER_IRQ
        return await self._finish(done, timeout + _HOST_GRACE)

    @staticmethod
    def _check_frame(data: bytes) -> None:
        if not 0 < len(data) <= FIFO_SIZE:
            msg = f"a frame of {len(data)} bytes does not fit the FIFO"
            raise ValueError(msg)

    async def _finish(self, done: int, limit: float) -> _Answer:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit

        def poll(regs: Registers) -> _Answer | None:
            irq = regs.read(Reg.COM_IRQ)
            if not irq & done:
                return None
            if done == TX_IRQ:
                regs.write(Reg.COMMAND, Cmd.IDLE)
                return _Answer(b"", 0, 0, timed_out=False)
            if not irq & RX_IRQ:
                return _Answer(b"", 0, 0, timed_out=True)
            error = regs.read(Reg.ERROR)
            level = regs.read(Reg.FIFO_LEVEL) & 0x7F
            last_bits = regs.read(Reg.CONTROL) & RX_LAST_BITS
            return _Answer(
                regs.read_repeated(Reg.FIFO_DATA, level),
                last_bits,
                error,
                timed_out=False,
            )

        while (result := await self.bus.run(poll)) is None:
            remaining = deadline - loop.time()
            if remaining <= 0:
                msg = f"the MFRC522 on {self.bus.description} did not finish a frame"
                raise ReaderTimeout(msg)
            if self.irq is not None:
                await self.irq.wait(remaining)
            else:
                await asyncio.sleep(self.poll_interval)
        return result

    # --- ISO/IEC 14443-3 activation ------------------------------------------------

    async def request(self, *, wake: bool = True) -> bytes | None:
        """Send WUPA (or REQA: ``wake=False``); return the ATQA as the PN532 shows it."""
        answer = await self.transceive(
            bytes([WUPA if wake else REQA]),
            tx_last_bits=7,
            crc=False,
            timeout=FRAME_TIMEOUT,
        )
        if answer.timed_out or answer.error or len(answer.data) != 2:  # noqa: PLR2004
            return None
        return answer.data[::-1]  # sent LSB first: "44 00" is ATQA 0044

    async def select(self) -> tuple[bytes, int] | None:
        """Run anticollision and SELECT over the cascade levels; return (UID, SAK).

        None when the tag stopped answering or two tags collided (the jukebox reads
        one chip at a time; the next try sees them again).
        """
        uid = b""
        for command in _SELECT:
            part = await self._anticollision(command)
            if part is None:
                return None
            answer = await self.transceive(
                bytes([command, _NVB_SELECT, *part]), crc=True, timeout=FRAME_TIMEOUT
            )
            sak = _checked(answer)
            if sak is None or len(sak) != 1:
                return None
            if part[0] == CASCADE_TAG and sak[0] & _SAK_CASCADE:
                uid += part[1:4]
                continue
            return uid + part[:4], sak[0]
        return None

    async def _anticollision(self, command: int) -> bytes | None:
        answer = await self.transceive(
            bytes([command, _NVB_ANTICOLLISION]), crc=False, timeout=FRAME_TIMEOUT
        )
        data = answer.data
        if answer.timed_out or answer.error & (COLL_ERR | PARITY_ERR | PROTOCOL_ERR):
            if answer.error & COLL_ERR:
                _LOGGER.debug("two chips collided on %s", self.bus.description)
            return None
        if len(data) != 5 or reduce(xor, data[:4]) != data[4]:  # noqa: PLR2004
            return None
        return data

    async def halt(self) -> None:
        """Send HLTA to the selected tag (it answers nothing)."""
        await self.transceive(HLTA, crc=True, timeout=FRAME_TIMEOUT, answer=False)
        self._selected = None

    async def _activate(self) -> Target | None:
        """One activation try: WUPA, anticollision, SELECT."""
        atqa = await self.request(wake=True)
        if atqa is None:
            return None
        found = await self.select()
        if found is None:
            return None
        uid, sak = found
        return Target(number=1, atqa=atqa, sak=sak, uid=uid)

    async def list_passive_target(
        self, *, retries: int = 1, timeout: float | None = None
    ) -> Target | None:
        """Look for one tag, with ``retries`` more tries; None when there is none.

        A tag still selected is halted first, so the WUPA of the first try reaches it
        (an ACTIVE tag ignores WUPA).
        """
        async with asyncio.timeout(timeout), self._lock:
            if self._selected is not None:
                await self.halt()
            tries = 0
            while True:
                target = await self._activate()
                if target is not None:
                    self._selected = target
                    return target
                tries += 1
                if retries != WAIT_FOREVER and tries > retries:
                    return None
                if retries == WAIT_FOREVER:
                    await asyncio.sleep(self.wait_interval)

    async def wait_for_target(self, timeout: float) -> Target | None:
        """Ask the field for a tag every ``wait_interval``; None after ``timeout``."""
        try:
            return await self.list_passive_target(retries=WAIT_FOREVER, timeout=timeout)
        except TimeoutError:
            return None

    async def data_exchange(self, data: bytes, *, target: int = 1) -> bytes:
        """Send ``data`` to the selected tag; return its answer (b"" for an ACK)."""
        async with self._lock:
            if self._selected is None or target != 1:
                msg = "no tag is selected"
                raise TagError(msg, STATUS_NOT_SELECTED)
            answer = await self.transceive(data, crc=True)
        if answer.timed_out:
            msg = "the tag did not answer (it left the field?)"
            raise NoTagPresent(msg, STATUS_TIMEOUT)
        if len(answer.data) == 1 and answer.last_bits == 4:  # noqa: PLR2004
            if answer.data[0] & 0x0F == _ACK:
                return b""
            msg = f"the tag refused the command (NAK {answer.data[0] & 0x0F:X})"
            raise TagError(msg, STATUS_NAK)
        checked = _checked(answer)
        if checked is None:
            msg = f"tag exchange failed (ErrorReg 0x{answer.error:02X})"
            raise TagError(msg, _status(answer.error))
        return checked


def _checked(answer: _Answer) -> bytes | None:
    """Return the answer without its CRC_A; None if it is damaged or missing."""
    data = answer.data
    if answer.timed_out or answer.error or len(data) < 3:  # noqa: PLR2004
        return None
    if crc_a(data[:-2]) != data[-2:]:
        return None
    return data[:-2]


def _status(error: int) -> int:
    if error & COLL_ERR:
        return STATUS_COLLISION
    if error & PARITY_ERR:
        return STATUS_PARITY
    if error & BUFFER_OVFL:
        return STATUS_BUFFER
    return STATUS_CRC
