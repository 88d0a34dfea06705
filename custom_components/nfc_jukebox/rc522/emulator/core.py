"""The emulated MFRC522: registers over SPI, the FIFO, the commands, tags in its field.

Register semantics follow the NXP MFRC522 data sheet (rev. 3.9): ComIrqReg/DivIrqReg
with their Set1/Set2 bits, ErrorReg, the 64-byte FIFO, BitFramingReg's StartSend and
TxLastBits, ControlReg's RxLastBits, the timer started by TAuto at the end of a
transmission (and stopped when an answer begins), the CRC coprocessor (CalcCRC and
CRCResultReg, preset from ModeReg) and the IRQ pin (ComIEnReg/DivIEnReg, IRqInv). The
tags are the PN532 emulator's, driven on the air interface (short frames, standard
frames with or without CRC_A). Times are those of 106 kbps: 128/fc per bit.

The chip lives on one asyncio loop; answers arrive through the loop's timers, so it
works on a virtual-time loop as on a real one.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from ...pn532.emulator.virtual_tags import Answer, Nibble, Reply, VirtualTag
from ...pn532.tags import crc_a
from ..registers import (
    ANTENNA_ON,
    BUFFER_OVFL,
    COLL_POS_NOT_VALID,
    COMMAND_MASK,
    CRC_EN,
    CRC_ERR,
    CRC_IRQ,
    CRC_OK,
    CRC_PRESET,
    CRC_READY,
    ERR_IRQ,
    FIFO_SIZE,
    FLUSH_BUFFER,
    HI_ALERT,
    IDLE_IRQ,
    IRQ_ACTIVE,
    IRQ_INV,
    LO_ALERT,
    PARITY_ERR,
    POWER_DOWN,
    PROTOCOL_ERR,
    RESET_VALUES,
    RX_IRQ,
    RX_LAST_BITS,
    SET1,
    START_SEND,
    T_AUTO,
    T_PRESCALER_HI,
    T_RUNNING,
    T_START_NOW,
    T_STOP_NOW,
    TIMER_IRQ,
    TX_IRQ,
    TX_LAST_BITS,
    VALUES_AFTER_COLL,
    Cmd,
    Reg,
)

#: What VersionReg says of an MFRC522 2.0.
VERSION_2_0: Final = 0x92
#: One bit on the air at 106 kbps (128 / 13.56 MHz).
BIT_TIME: Final = 128 / 13_560_000
#: The tag's frame delay time: from the end of the host's frame to its answer.
FRAME_DELAY: Final = 1236 / 13_560_000
#: The CRC coprocessor's time per byte (a few clock cycles: *unconfirmed*).
CRC_BYTE_TIME: Final = 8 / 13_560_000
_MEMORY_SIZE: Final = 25
_CRC_PRESETS: Final = (0x0000, 0x6363, 0xA671, 0xFFFF)
_HISTORY_LENGTH: Final = 100
REQA: Final = 0x26
WUPA: Final = 0x52


@dataclass(kw_only=True)
class Faults:
    """Misbehaviour to inject; change any field at any time, it applies from then on."""

    #: The fraction of REQA/WUPA frames a tag in the field misses, at random (from
    #: the emulator's seed): a tag at the edge of the field. A miss also cuts the
    #: tag's power, so a tag selected before it no longer answers.
    miss_activation: float = 0.0
    #: Every Nth answer of a tag arrives with one bit flipped (a parity error in
    #: ErrorReg; the damaged bytes in the FIFO). 0: never.
    flip_bit_every: int = 0
    #: The chip stops finishing frames: no answer, no timer, no IRQ (a hung chip).
    stuck: bool = False


@dataclass(slots=True)
class _Placement:
    tag: VirtualTag
    pattern: tuple[bool, ...] | None = None
    tries: int = 0


class Mfrc522Emulator:
    """A virtual MFRC522 whose registers a host reads and writes over SPI.

    Call its methods on the event loop thread (a link hops there for other threads).
    """

    def __init__(
        self,
        *,
        faults: Faults | None = None,
        seed: int | None = None,
        version: int = VERSION_2_0,
    ) -> None:
        """Start powered, the field off, nothing in it; ``seed`` fixes the randomness."""
        self.faults = faults or Faults()
        self.version = version
        #: The frames sent on the air (host to tag), oldest first.
        self.history: deque[bytes] = deque(maxlen=_HISTORY_LENGTH)
        self._rng = random.Random(seed)  # noqa: S311 - faults, not secrets
        self._loop: asyncio.AbstractEventLoop | None = _running_loop()
        self._plugged = True
        self._placement: _Placement | None = None
        self._answers = 0
        self._timers: list[asyncio.TimerHandle] = []
        self._countdown: asyncio.TimerHandle | None = None
        self._irq_event: asyncio.Event | None = None
        self._power_on()

    def _power_on(self) -> None:
        self._cancel_timers()
        self._registers: dict[int, int] = dict.fromkeys(range(0x40), 0)
        self._registers.update({int(k): v for k, v in RESET_VALUES.items()})
        self._fifo: deque[int] = deque()
        self._memory = bytes(_MEMORY_SIZE)
        self._crc = _CRC_PRESETS[1]
        self._crc_busy = False
        self._timer_end: float | None = None
        self._read_address: int | None = None
        self._switch_field(on=False)

    # --- what a test or the bench can look at --------------------------------------

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """Return the event loop the chip lives on (the one running when first used)."""
        if self._loop is None:
            msg = "the emulator has not met its event loop yet"
            raise RuntimeError(msg)
        return self._loop

    @property
    def plugged(self) -> bool:
        """Return whether the reader is wired up."""
        return self._plugged

    @property
    def field_on(self) -> bool:
        """Return whether the antenna drivers carry the field."""
        return self._registers[Reg.TX_CONTROL] & ANTENNA_ON == ANTENNA_ON

    @property
    def tag(self) -> VirtualTag | None:
        """Return the tag lying in the field (flapping or not), if any."""
        return None if self._placement is None else self._placement.tag

    @property
    def irq_asserted(self) -> bool:
        """Return whether the chip asserts its IRQ pin (whatever its polarity)."""
        com = self._registers[Reg.COM_IRQ] & self._registers[Reg.COM_IEN] & 0x7F
        div = self._registers[Reg.DIV_IRQ] & self._registers[Reg.DIV_IEN] & 0x14
        return bool(com or div)

    @property
    def irq_pin_high(self) -> bool:
        """Return the IRQ pin's level: IRqInv (the power-on value) makes it active low."""
        inverted = bool(self._registers[Reg.COM_IEN] & IRQ_INV)
        return self.irq_asserted != inverted

    def register(self, address: int) -> int:  # noqa: PLR0911 - one per register
        """Return a register's value as a read would (without side effects)."""
        match address:
            case Reg.FIFO_LEVEL:
                return len(self._fifo)
            case Reg.STATUS1:
                return self._status1()
            case Reg.VERSION:
                return self.version
            case Reg.CRC_RESULT_H:
                return self._crc >> 8
            case Reg.CRC_RESULT_L:
                return self._crc & 0xFF
            case Reg.T_COUNTER_H | Reg.T_COUNTER_L:
                count = self._timer_count()
                return count >> 8 if address == Reg.T_COUNTER_H else count & 0xFF
        return self._registers.get(address, 0x00)

    async def irq(self, timeout: float) -> bool:
        """Wait until the IRQ pin is asserted (True) or ``timeout`` passes (False)."""
        if self.irq_asserted:
            return True
        if self._irq_event is None:
            self._irq_event = asyncio.Event()
        try:
            async with asyncio.timeout(timeout):
                await self._irq_event.wait()
        except TimeoutError:
            return False
        return True

    # --- the field -----------------------------------------------------------------

    def place(self, tag: VirtualTag) -> None:
        """Put ``tag`` in the field (replacing any other), steadily."""
        self._put(_Placement(tag))

    def remove(self) -> None:
        """Take whatever tag is in the field away."""
        self._put(None)

    def flap(self, tag: VirtualTag, pattern: str | Sequence[bool]) -> None:
        """Put ``tag`` at the edge of the field: it answers only some REQA/WUPA.

        ``pattern`` (``"110"`` or booleans) applies cyclically, one entry per REQA or
        WUPA; a miss also cuts the tag's power. Deterministic, for tests.
        """
        if isinstance(pattern, str):
            if set(pattern) - {"0", "1"}:
                msg = f"a flap pattern is made of 0 and 1, not {pattern!r}"
                raise ValueError(msg)
            visible = tuple(char == "1" for char in pattern)
        else:
            visible = tuple(pattern)
        if not visible:
            msg = "the flap pattern is empty"
            raise ValueError(msg)
        self._put(_Placement(tag, visible))

    def _put(self, placement: _Placement | None) -> None:
        if placement is not None:
            placement.tag.placed(self._rng)
            placement.tag.reset_session()
        self._placement = placement

    def unplug(self) -> None:
        """Pull the wires: transfers read zeros (a floating MISO), the chip is unpowered."""
        self._plugged = False
        self._power_on()

    def replug(self) -> None:
        """Wire the chip up again; it starts from its power-on state."""
        self._plugged = True

    async def aclose(self) -> None:
        """Stop every pending timer (call before the loop ends)."""
        self._cancel_timers()

    # --- SPI ------------------------------------------------------------------------

    def transfer(self, data: bytes) -> bytes:
        """Take one SPI transfer (chip select held), MSB first; return MISO's bytes."""
        self._loop = self._loop or _running_loop()
        if not data:
            return b""
        if not self._plugged:
            return bytes(len(data))
        first = data[0]
        address = (first >> 1) & 0x3F
        if not first & 0x80:  # a write: every byte goes to the one address
            for value in data[1:]:
                self._write(address, value)
            return bytes(len(data))
        out = bytearray([0])
        for byte in data[1:]:
            out.append(self._read(address))
            address = (byte >> 1) & 0x3F  # the next address (00 ends the transfer)
        return bytes(out)

    def _read(self, address: int) -> int:
        if address == Reg.FIFO_DATA:
            return self._fifo.popleft() if self._fifo else 0x00
        return self.register(address)

    def _write(self, address: int, value: int) -> None:  # noqa: C901, PLR0912 - one per register
        registers = self._registers
        match address:
            case Reg.COMMAND:
                self._command(value)
            case Reg.COM_IRQ:
                self._set_irq(Reg.COM_IRQ, value & 0x7F, on=bool(value & SET1))
            case Reg.DIV_IRQ:
                self._set_irq(Reg.DIV_IRQ, value & 0x7F, on=bool(value & SET1))
            case Reg.FIFO_DATA:
                self._fifo_push(value)
            case Reg.FIFO_LEVEL:
                if value & FLUSH_BUFFER:
                    self._fifo.clear()
                    registers[Reg.ERROR] &= ~BUFFER_OVFL
            case Reg.CONTROL:
                if value & T_STOP_NOW:
                    self._stop_timer()
                if value & T_START_NOW:
                    self._start_timer()
            case Reg.BIT_FRAMING:
                registers[address] = value & 0x77
                if value & START_SEND and self._command_code() == Cmd.TRANSCEIVE:
                    self._transmit(expect_answer=True)
            case Reg.TX_CONTROL:
                registers[address] = value
                self._switch_field(on=value & ANTENNA_ON == ANTENNA_ON)
            case Reg.ERROR | Reg.STATUS1 | Reg.STATUS2 | Reg.VERSION | Reg.COLL:
                pass  # read-only
            case Reg.COM_IEN | Reg.DIV_IEN:
                registers[address] = value
                self._irq_maybe_changed()
            case _:
                registers[address] = value

    # --- commands -------------------------------------------------------------------

    def _command_code(self) -> int:
        return self._registers[Reg.COMMAND] & COMMAND_MASK

    def _command(self, value: int) -> None:  # noqa: C901 - one per command
        code = value & COMMAND_MASK
        if code == Cmd.SOFT_RESET:
            self._power_on()
            self._registers[Reg.COMMAND] = 0x00  # ready again at once (*unconfirmed*)
            return
        flags = value & 0x30
        if flags & POWER_DOWN:
            self._registers[Reg.COMMAND] = flags | Cmd.IDLE
            return
        self._cancel_timers()
        self._crc_busy = False
        self._registers[Reg.COMMAND] = flags | code
        match code:
            case Cmd.IDLE | Cmd.NO_CMD_CHANGE:
                self._registers[Reg.COMMAND] = flags | Cmd.IDLE
            case Cmd.MEM:
                self._mem()
                self._terminate()
            case Cmd.GENERATE_RANDOM_ID:
                self._memory = self._memory[:15] + self._rng.randbytes(10)
                self._terminate()
            case Cmd.CALC_CRC:
                self._calc_crc()
            case Cmd.TRANSMIT:
                self._transmit(expect_answer=False)
            case Cmd.TRANSCEIVE:
                if self._registers[Reg.BIT_FRAMING] & START_SEND:
                    self._transmit(expect_answer=True)
            case Cmd.MF_AUTHENT:
                # No Crypto1 here: the tag never answers the authentication.
                self._registers[Reg.ERROR] = PROTOCOL_ERR
                self._set_irq(Reg.COM_IRQ, ERR_IRQ, on=True)
                self._terminate()
            case _:  # Receive: nothing is ever sent to the chip unasked
                pass

    def _terminate(self) -> None:
        """End a command that ends by itself: back to Idle, IdleIRq."""
        self._registers[Reg.COMMAND] &= ~COMMAND_MASK
        self._set_irq(Reg.COM_IRQ, IDLE_IRQ, on=True)

    def _mem(self) -> None:
        if len(self._fifo) >= _MEMORY_SIZE:
            self._memory = bytes(self._fifo.popleft() for _ in range(_MEMORY_SIZE))
        else:
            self._fifo.clear()
            self._fifo.extend(self._memory)

    def _calc_crc(self) -> None:
        """Feed the FIFO to the CRC coprocessor; bytes written later are added too."""
        preset = _CRC_PRESETS[self._registers[Reg.MODE] & CRC_PRESET]
        self._crc = int.from_bytes(crc_a(b"", preset), "little")
        self._crc_busy = True
        self._feed_crc()

    def _feed_crc(self) -> None:
        data = bytes(self._fifo)
        self._fifo.clear()
        if data:
            self._crc = int.from_bytes(crc_a(data, self._crc), "little")
        self._after(
            len(data) * CRC_BYTE_TIME,
            lambda: self._set_irq(Reg.DIV_IRQ, CRC_IRQ, on=True),
        )

    def _fifo_push(self, value: int) -> None:
        if len(self._fifo) >= FIFO_SIZE:
            self._registers[Reg.ERROR] |= BUFFER_OVFL
            self._set_irq(Reg.COM_IRQ, ERR_IRQ, on=True)
            return
        self._fifo.append(value)
        if self._crc_busy:
            self._feed_crc()

    # --- the air ----------------------------------------------------------------------

    def _transmit(self, *, expect_answer: bool) -> None:
        registers = self._registers
        frame = bytes(self._fifo)
        self._fifo.clear()
        last_bits = registers[Reg.BIT_FRAMING] & TX_LAST_BITS
        tx_crc = bool(registers[Reg.TX_MODE] & CRC_EN)
        registers[Reg.ERROR] &= BUFFER_OVFL
        registers[Reg.COLL] = VALUES_AFTER_COLL | COLL_POS_NOT_VALID
        if self.faults.stuck:
            return
        self.history.append(frame + (crc_a(frame) if tx_crc else b""))
        bits = (
            (len(frame) - (1 if last_bits else 0)) * 9
            + last_bits
            + (18 if tx_crc else 0)
        )
        sent = bits * BIT_TIME
        reply = self._air(frame, last_bits, tx_crc=tx_crc) if self.field_on else None
        self._after(sent, self._transmitted)
        if not expect_answer:
            self._after(sent, self._terminate)
            return
        if reply is None:
            self._after(sent, self._start_timer_if_auto)
            return
        self._after(sent, self._start_timer_if_auto)
        self._after(sent + FRAME_DELAY, self._stop_timer)
        self._after(
            sent + FRAME_DELAY + _air_time(reply), lambda: self._received(reply)
        )

    def _air(self, frame: bytes, last_bits: int, *, tx_crc: bool) -> Reply:  # noqa: PLR0911
        placement = self._placement
        if placement is None or not frame:
            return None
        tag = placement.tag
        if last_bits == 7 and len(frame) == 1 and not tx_crc:  # noqa: PLR2004
            code = frame[0] & 0x7F
            if code in (REQA, WUPA) and not self._visible(placement):
                tag.reset_session()  # out of the field for a moment: powered down
                return None
            return tag.short_frame(code)
        if last_bits:
            return None  # other bit-oriented frames: no tag of ours answers them
        if tx_crc:
            return tag.frame(frame)
        if len(frame) >= 3 and crc_a(frame[:-2]) == frame[-2:]:  # noqa: PLR2004
            return tag.frame(frame[:-2])  # the host computed the CRC itself
        return tag.frame(frame, crc=False)

    def _visible(self, placement: _Placement) -> bool:
        if placement.pattern is not None:
            visible = placement.pattern[placement.tries % len(placement.pattern)]
            placement.tries += 1
            return visible
        miss = self.faults.miss_activation
        return miss <= 0 or self._rng.random() >= miss

    def _transmitted(self) -> None:
        self._registers[Reg.BIT_FRAMING] &= ~START_SEND
        self._set_irq(Reg.COM_IRQ, TX_IRQ, on=True)

    def _received(self, reply: Answer | Nibble) -> None:
        registers = self._registers
        rx_crc = bool(registers[Reg.RX_MODE] & CRC_EN)
        error = 0
        if isinstance(reply, Nibble):
            data, last_bits = bytes([reply.value & 0x0F]), 4
            error |= CRC_ERR if rx_crc else 0
        else:
            data, last_bits = reply.data, 0
            if not rx_crc and reply.crc:
                data += crc_a(reply.data)
            elif rx_crc and not reply.crc:
                error |= CRC_ERR
        self._answers += 1
        every = self.faults.flip_bit_every
        if every > 0 and self._answers % every == 0:
            damaged = bytearray(data)
            damaged[self._rng.randrange(len(damaged))] ^= 1 << self._rng.randrange(8)
            data, error = bytes(damaged), error | PARITY_ERR
        room = FIFO_SIZE - len(self._fifo)
        if len(data) > room:
            data, error = data[:room], error | BUFFER_OVFL
        self._fifo.extend(data)
        registers[Reg.CONTROL] = (registers[Reg.CONTROL] & ~RX_LAST_BITS) | (
            last_bits & RX_LAST_BITS
        )
        registers[Reg.ERROR] = error
        irq = RX_IRQ | (ERR_IRQ if error else 0)
        if self._command_code() == Cmd.RECEIVE:
            self._terminate()
        self._set_irq(Reg.COM_IRQ, irq, on=True)

    # --- the timer ----------------------------------------------------------------------

    def _timer_period(self) -> float:
        registers = self._registers
        prescaler = (registers[Reg.T_MODE] & T_PRESCALER_HI) << 8 | registers.get(
            Reg.T_PRESCALER, 0
        )
        reload = registers.get(Reg.T_RELOAD_H, 0) << 8 | registers.get(
            Reg.T_RELOAD_L, 0
        )
        return (2 * prescaler + 1) * (reload + 1) / 13_560_000

    def _start_timer_if_auto(self) -> None:
        if self._registers[Reg.T_MODE] & T_AUTO:
            self._start_timer()

    def _start_timer(self) -> None:
        self._stop_timer()
        period = self._timer_period()
        loop = self.loop
        self._timer_end = loop.time() + period
        self._countdown = loop.call_at(self._timer_end, self._timer_fired)

    def _timer_fired(self) -> None:
        self._timer_end, self._countdown = None, None
        self._set_irq(Reg.COM_IRQ, TIMER_IRQ, on=True)

    def _stop_timer(self) -> None:
        countdown, self._countdown = self._countdown, None
        self._timer_end = None
        if countdown is not None:
            countdown.cancel()

    def _timer_count(self) -> int:
        if self._timer_end is None:
            return 0
        left = max(self._timer_end - self.loop.time(), 0.0)
        period = self._timer_period()
        reload = self._registers.get(Reg.T_RELOAD_H, 0) << 8 | self._registers.get(
            Reg.T_RELOAD_L, 0
        )
        return round(reload * left / period) if period else 0

    # --- helpers --------------------------------------------------------------------------

    def _after(self, delay: float, callback: Callable[[], None]) -> None:
        loop = self.loop
        self._timers.append(loop.call_at(loop.time() + delay, self._fire, callback))

    def _fire(self, callback: Callable[[], None]) -> None:
        now = self.loop.time()
        self._timers = [h for h in self._timers if h.when() > now]
        callback()

    def _cancel_timers(self) -> None:
        timers, self._timers = self._timers, []
        for handle in timers:
            handle.cancel()
        self._stop_timer()

    def _set_irq(self, register: int, bits: int, *, on: bool) -> None:
        if on:
            self._registers[register] |= bits
        else:
            self._registers[register] &= ~bits
        self._irq_maybe_changed()

    def _irq_maybe_changed(self) -> None:
        if self.irq_asserted and self._irq_event is not None:
            event, self._irq_event = self._irq_event, None
            event.set()

    def _status1(self) -> int:
        registers = self._registers
        level = len(self._fifo)
        water = registers[Reg.WATER_LEVEL]
        value = 0
        value |= CRC_READY if not self._crc_busy or not self._fifo else 0
        value |= CRC_OK if self._crc == 0 else 0
        value |= IRQ_ACTIVE if self.irq_asserted else 0
        value |= T_RUNNING if self._timer_end is not None else 0
        value |= HI_ALERT if FIFO_SIZE - level <= water else 0
        value |= LO_ALERT if level <= water else 0
        return value

    def _switch_field(self, *, on: bool) -> None:
        if not on and self._placement is not None:
            self._placement.tag.reset_session()  # the tag loses power


def _air_time(reply: Answer | Nibble) -> float:
    if isinstance(reply, Nibble):
        return 4 * BIT_TIME
    return (len(reply.data) + (2 if reply.crc else 0)) * 9 * BIT_TIME


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
