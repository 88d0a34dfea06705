"""The emulated PN532 chip: host frames in, ACK and responses out, tags in its field.

The chip lives on one asyncio loop. Links (an in-memory stream, a pty, fake I2C and
SPI buses) carry bytes between it and a host; the chip itself only sees frames.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from ..frames import (
    ACK,
    ERROR_FRAME,
    HOST_TO_PN532,
    PN532_TO_HOST,
    Ack,
    Frame,
    FrameDecoder,
    Nack,
    encode_frame,
)
from ..tags import crc_a
from .virtual_tags import (
    STATUS_OK,
    STATUS_TIMEOUT,
    Nibble,
    Reply,
    TagState,
    VirtualTag,
)

#: GetFirmwareVersion answer: IC 0x32 (PN532), firmware 1.6, ISO A/B + ISO 18092.
FIRMWARE_VERSION: Final = bytes.fromhex("32010607")
#: Time of one passive activation try (REQA, anticollision, select). *Unconfirmed*:
#: the manual does not say; about a millisecond is plausible at 106 kbps.
PASSIVE_TRY_TIME: Final = 0.001
#: Time a tag takes to answer what InDataExchange forwards to it. *Unconfirmed*.
TAG_RESPONSE_TIME: Final = 0.001
#: MxRtyPassiveActivation value meaning "try until a tag comes" (the power-on default).
WAIT_FOREVER: Final = 0xFF
#: Status of a command that does not fit the chip's state (e.g. unknown target number).
STATUS_BAD_CONTEXT: Final = 0x27
#: Status of a CRC error in RF communication (also a 4-bit ACK/NAK while the CIU
#: checks CRCs: it cannot tell them apart).
STATUS_CRC_ERROR: Final = 0x02
#: The UART's power-on speed; SetSerialBaudRate changes it.
DEFAULT_BAUD: Final = 115200
#: SetSerialBaudRate's BR values, in baud.
SERIAL_BAUD_RATES: Final = (
    9600,
    19200,
    38400,
    57600,
    115200,
    230400,
    460800,
    921600,
    1288000,
)

DIAGNOSE: Final = 0x00
GET_FIRMWARE_VERSION: Final = 0x02
GET_GENERAL_STATUS: Final = 0x04
READ_REGISTER: Final = 0x06
WRITE_REGISTER: Final = 0x08
READ_GPIO: Final = 0x0C
WRITE_GPIO: Final = 0x0E
SET_SERIAL_BAUD_RATE: Final = 0x10
SET_PARAMETERS: Final = 0x12
SAM_CONFIGURATION: Final = 0x14
POWER_DOWN: Final = 0x16
RF_CONFIGURATION: Final = 0x32
IN_DATA_EXCHANGE: Final = 0x40
IN_COMMUNICATE_THRU: Final = 0x42
IN_DESELECT: Final = 0x44
IN_JUMP_FOR_PSL: Final = 0x46
IN_LIST_PASSIVE_TARGET: Final = 0x4A
IN_PSL: Final = 0x4E
IN_ATR: Final = 0x50
IN_RELEASE: Final = 0x52
IN_SELECT: Final = 0x54
IN_JUMP_FOR_DEP: Final = 0x56
RF_REGULATION_TEST: Final = 0x58
IN_AUTO_POLL: Final = 0x60
#: Target (card emulation) mode commands: the emulator is always an initiator.
TARGET_COMMANDS: Final = frozenset({0x86, 0x88, 0x8A, 0x8C, 0x8E, 0x90, 0x92, 0x94})
TG_INIT_AS_TARGET: Final = 0x8C
TG_GET_TARGET_STATUS: Final = 0x8A

# SetParameters flags (UM0701-02 §7.2.9); the power-on value has the automatic
# ATR_RES and RATS on.
_AUTOMATIC_RATS: Final = 0x10
_DEFAULT_PARAMETERS: Final = 0x14

_UART_WAKE_BYTE: Final = 0x55
_TYPE_A_106: Final = 0x00
_MAX_BAUD_TYPE: Final = 0x04
# RFConfiguration items and the length of their data.
_RF_FIELD: Final = 0x01
_MAX_RETRIES: Final = 0x05
_RF_ITEM_LENGTHS: Final = {
    _RF_FIELD: 1,
    0x02: 3,  # various timings
    0x04: 1,  # MxRtyCOM
    _MAX_RETRIES: 3,  # MxRtyATR, MxRtyPSL, MxRtyPassiveActivation
    0x0A: 11,  # analog settings, 106 kbps type A
    0x0B: 8,  # analog settings, 212/424 kbps
    0x0C: 3,  # analog settings, type B
    0x0D: 9,  # analog settings, ISO/IEC 14443-4
}
_HISTORY_LENGTH: Final = 100
# CIU registers (PN512 register set at 0x6300-0x633F) the emulator acts on.
CIU_TX_MODE: Final = 0x6302
CIU_RX_MODE: Final = 0x6303
CIU_TX_CONTROL: Final = 0x6304
CIU_TX_AUTO: Final = 0x6305
_TX_AUTO_TYPE_A: Final = 0x43  # Force100ASK, Tx2RFAutoEn, Tx1RFAutoEn
CIU_FIFO_DATA: Final = 0x6339
CIU_FIFO_LEVEL: Final = 0x633A
CIU_BIT_FRAMING: Final = 0x633D
CIU_MANUAL_RCV: Final = 0x630D
_PARITY_DISABLE: Final = 0x10
CIU_CONTROL: Final = 0x633C
CIU_ERROR: Final = 0x6336
_NIBBLE_BITS: Final = 0x04  # Control: RxLastBits of a 4-bit ACK/NAK
_CRC_ERR: Final = 0x04  # Error: CRCErr
#: TxMode/RxMode bit 7: the CIU adds (checks and strips) the CRC_A.
CRC_ENABLED: Final = 0x80
_TX_LAST_BITS: Final = 0x07
_RF_ON_BITS: Final = 0x03  # TxControl: Tx1RFEn, Tx2RFEn
# SFRs behind ReadGPIO/WriteGPIO.
SFR_P3: Final = 0xFFB0
SFR_P7: Final = 0xFFF7
_P3_PINS: Final = 0x3F
_P7_PINS: Final = 0x06
_GPIO_VALID: Final = 0x80
#: Power-on values of the registers hosts look at (PN512 data sheet, UM0701-02);
#: the firmware starts with the CIU handling CRCs (libnfc relies on it).
_REGISTER_DEFAULTS: Final = {
    0x6301: 0x3F,  # Mode
    CIU_TX_MODE: CRC_ENABLED,
    CIU_RX_MODE: CRC_ENABLED,
    CIU_TX_CONTROL: 0x80,
    CIU_TX_AUTO: 0x00,
    0x6306: 0x10,  # TxSel
    0x6307: 0x84,  # RxSel
    0x6308: 0x84,  # RxThreshold
    0x6309: 0x4D,  # Demod
    0x630C: 0x62,  # MifNFC
    0x630F: 0xEB,  # SerialSpeed
    0x6311: 0xFF,  # CRCResultMSB
    0x6312: 0xFF,  # CRCResultLSB
    0x6313: 0x88,  # GsNOff
    0x6314: 0x26,  # ModWidth
    0x6315: 0x87,  # TxBitPhase
    0x6316: 0x48,  # RFCfg
    0x6317: 0x88,  # GsNOn
    0x6318: 0x20,  # CWGsP
    0x6319: 0x20,  # ModGsP
    0x6331: 0x20,  # Command
    0x6332: 0x80,  # CommIEn
    0x6334: 0x14,  # CommIRq
    0x6337: 0x21,  # Status1
    0x633B: 0x08,  # WaterLevel
    CIU_CONTROL: 0x10,
    0x633E: 0x80,  # Coll
    SFR_P3: 0xFF,
    SFR_P7: 0xFF,
}
# RFConfiguration item 0x0A (analog settings, 106 kbps type A): the registers its
# bytes go to, in order (DemodWhenRfOff is kept by the firmware, not a register).
_ANALOG_106A_REGISTERS: Final = (
    0x6316,
    0x6317,
    0x6318,
    0x6319,
    None,
    0x6308,
    0x6309,
    0x6313,
    0x6314,
    0x630C,
    0x6315,
)
_ANALOG_106A: Final = 0x0A
# Diagnose tests (UM0701-02 §7.2.1).
_DIAGNOSE_LINE: Final = 0x00
_DIAGNOSE_ROM: Final = 0x01
_DIAGNOSE_RAM: Final = 0x02
_DIAGNOSE_POLLING: Final = 0x04
_DIAGNOSE_ECHO_BACK: Final = 0x05
_DIAGNOSE_PRESENCE: Final = 0x06
_DIAGNOSE_ANTENNA: Final = 0x07
_POLLS_PER_TEST: Final = 128
# InAutoPoll target types answered by a type A tag at 106 kbps.
_AUTO_POLL_TYPE_A: Final = frozenset({0x00, 0x10, 0x20})
_AUTO_POLL_ISO14443_4: Final = 0x20
_AUTO_POLL_PERIOD: Final = 0.15  # seconds per Period unit
_ISO14443_4_SAK: Final = 0x20


@dataclass(kw_only=True)
class Faults:
    """Misbehaviour to inject; change any field at any time, it applies from then on."""

    #: Stream links only: each byte takes 10 bits at this rate, in both directions,
    #: and frames queue up on the line (after SetSerialBaudRate: at the chip's new
    #: rate). None: bytes arrive on the next loop turn.
    pace_baud: int | None = None
    #: Seconds between receiving a command and sending its ACK.
    ack_delay: float = 0.0
    #: Extra seconds before a response goes out (e.g. past the host's timeout).
    reply_delay: float = 0.0
    #: The next N response frames (NACK resends included) go out with a bad DCS.
    corrupt_responses: int = 0
    #: Bytes sent just before the next response frame; cleared once sent.
    garbage_before_reply: bytes = b""
    #: The next response frame goes out with bit ``bit`` of byte ``index`` flipped
    #: (``(index, bit)``, the index taken modulo the frame's length); cleared once sent.
    flip_bit: tuple[int, int] | None = None
    #: Every Nth response frame (NACK resends included) goes out with one bit,
    #: chosen at random (from the emulator's seed), flipped. 0: never.
    flip_bit_every: int = 0
    #: The fraction of passive activation tries (InListPassiveTarget) on which a tag
    #: in the field is not seen, at random (from the emulator's seed): a tag at the
    #: edge of the field. A miss also cuts the tag's power, like a flap.
    miss_activation: float = 0.0


class HostLink(Protocol):
    """The emulator's side of a link to a host (stream or bus)."""

    def to_host(self, data: bytes) -> None:
        """Carry one frame (or a burst of garbage) towards the host."""

    def plug_changed(self, *, plugged: bool) -> None:
        """React to the reader being unplugged or plugged back in."""


@dataclass(slots=True)
class _Placement:
    """A tag in the field; with a pattern, it is seen only on some activation tries."""

    tag: VirtualTag
    pattern: tuple[bool, ...] | None = None
    tries: int = 0


@dataclass(frozen=True, slots=True)
class _Selected:
    """The target the last InListPassiveTarget found, and when."""

    tag: VirtualTag
    generation: int
    #: InDeselect halted it; the next command for it selects it again.
    deselected: bool = False


class _BadCommand(Exception):
    """The command or its parameters are not acceptable: answer the error frame."""


type _Handler = Callable[[bytes], Coroutine[Any, Any, bytes]]


class Pn532Emulator:
    """A virtual PN532 that speaks the frame protocol byte for byte.

    Call its methods on the event loop thread. A link attaches itself and feeds host
    bytes in with :meth:`from_host` (streams) or :meth:`from_host_transaction` (buses).
    """

    def __init__(
        self, *, faults: Faults | None = None, seed: int | None = None
    ) -> None:
        """Start powered, awake, with an empty field; ``seed`` fixes random UIDs."""
        self.faults = faults or Faults()
        self._loop = _running_loop()
        #: The last commands received (code + parameters), oldest first.
        self.history: deque[bytes] = deque(maxlen=_HISTORY_LENGTH)
        self._rng = random.Random(seed)  # noqa: S311 - UIDs, not secrets
        self._decoder = FrameDecoder()
        self._link: HostLink | None = None
        self._responses = 0  # response frames sent, for Faults.flip_bit_every
        self._plugged = True
        self._command: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._flapper: asyncio.Task[None] | None = None
        self._placement: _Placement | None = None
        self._generation = 0  # bumped whenever what is in the field changes
        self._field_event: asyncio.Event | None = None
        self._handlers: dict[int, _Handler] = {
            DIAGNOSE: self._diagnose,
            GET_FIRMWARE_VERSION: self._get_firmware_version,
            GET_GENERAL_STATUS: self._get_general_status,
            READ_REGISTER: self._read_register,
            WRITE_REGISTER: self._write_register,
            READ_GPIO: self._read_gpio,
            WRITE_GPIO: self._write_gpio,
            SET_SERIAL_BAUD_RATE: self._set_serial_baud_rate,
            SET_PARAMETERS: self._set_parameters,
            SAM_CONFIGURATION: self._sam_configuration,
            POWER_DOWN: self._power_down,
            RF_CONFIGURATION: self._rf_configuration,
            RF_REGULATION_TEST: self._rf_regulation_test,
            IN_DATA_EXCHANGE: self._in_data_exchange,
            IN_COMMUNICATE_THRU: self._in_communicate_thru,
            IN_DESELECT: self._in_deselect,
            IN_SELECT: self._in_select,
            IN_LIST_PASSIVE_TARGET: self._in_list_passive_target,
            IN_AUTO_POLL: self._in_auto_poll,
            IN_JUMP_FOR_DEP: self._in_jump_for_dep,
            IN_JUMP_FOR_PSL: self._in_jump_for_dep,
            IN_ATR: self._in_atr,
            IN_PSL: self._in_psl,
            IN_RELEASE: self._in_release,
            TG_INIT_AS_TARGET: self._tg_init_as_target,
            TG_GET_TARGET_STATUS: self._tg_get_target_status,
        }
        for code in TARGET_COMMANDS - self._handlers.keys():
            self._handlers[code] = self._target_mode_only
        self._power_on()

    def _power_on(self) -> None:
        self._asleep = False
        self._sleep_after_reply = False
        self._rf_on = True
        self._max_retries = WAIT_FOREVER
        self._selected: _Selected | None = None
        self._last_response: bytes | None = None
        self._last_error = 0
        self._parameters = _DEFAULT_PARAMETERS
        self._registers = dict(_REGISTER_DEFAULTS)
        self._fifo: deque[int] = deque(maxlen=64)
        self._baud = DEFAULT_BAUD
        self._pending_baud: int | None = None
        self._decoder.clear()

    # --- what a test or the CLI can look at --------------------------------------

    @property
    def plugged(self) -> bool:
        """Return whether the reader is plugged in."""
        return self._plugged

    @property
    def asleep(self) -> bool:
        """Return whether the chip is in power-down."""
        return self._asleep

    @property
    def rf_on(self) -> bool:
        """Return whether the RF field is on."""
        return self._rf_on

    @property
    def serial_baud(self) -> int:
        """Return the UART's speed (SetSerialBaudRate changes it; power-on: 115200)."""
        return self._baud

    @property
    def pending_serial_baud(self) -> int | None:
        """Return the speed SetSerialBaudRate asked for, until the host confirms it."""
        return self._pending_baud

    @property
    def parameters(self) -> int:
        """Return the SetParameters flags (power-on: automatic ATR_RES and RATS)."""
        return self._parameters

    def register(self, address: int) -> int:
        """Return a register's value as ReadRegister would (without side effects)."""
        if address == CIU_TX_CONTROL:
            return self._tx_control()
        if address == CIU_FIFO_LEVEL:
            return len(self._fifo)
        return self._registers.get(address, 0x00)

    @property
    def max_retries(self) -> int:
        """Return MxRtyPassiveActivation (0xFF: wait for a tag)."""
        return self._max_retries

    @property
    def tag(self) -> VirtualTag | None:
        """Return the tag lying in the field (flapping or not), if any."""
        return None if self._placement is None else self._placement.tag

    @property
    def selected(self) -> VirtualTag | None:
        """Return the target of the last successful InListPassiveTarget, if any."""
        return None if self._selected is None else self._selected.tag

    @property
    def busy(self) -> bool:
        """Return whether a command is being executed (or waits for a tag)."""
        return self._command is not None

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """Return the event loop the emulator lives on.

        That is the loop running when it was created or first given a link.
        """
        if self._loop is None:
            msg = "the emulator has not met its event loop yet"
            raise RuntimeError(msg)
        return self._loop

    # --- links -------------------------------------------------------------------

    def attach(self, link: HostLink) -> None:
        """Connect ``link`` to the chip's host interface (replacing any other)."""
        self._loop = self._loop or _running_loop()
        self._link = link

    def detach(self, link: HostLink) -> None:
        """Disconnect ``link`` if it is the one attached."""
        if self._link is link:
            self._link = None

    def from_host(self, data: bytes) -> None:
        """Take bytes the host sent on a stream link (UART)."""
        if not self._plugged:
            return
        if self._asleep:
            # Asleep, the UART only listens for the wake-up byte; what came before
            # it is lost.
            wake_at = data.find(_UART_WAKE_BYTE)
            if wake_at < 0:
                return
            self._asleep = False
            data = data[wake_at + 1 :]
        for event in self._decoder.feed(data):
            self._on_event(event)

    def from_host_transaction(self, data: bytes) -> None:
        """Take one complete host write on a bus (I2C or SPI); it wakes the chip."""
        if not self._plugged:
            return
        self.wake()
        self._decoder.clear()
        for event in self._decoder.feed(data):
            self._on_event(event)
        self._decoder.clear()

    def wake(self) -> None:
        """Leave power-down (a bus access does that)."""
        self._asleep = False

    # --- the field ---------------------------------------------------------------

    def place(self, tag: VirtualTag) -> None:
        """Put ``tag`` in the field (replacing any other), steadily."""
        self._stop_flapping()
        self._put(_Placement(tag))

    def remove(self) -> None:
        """Take whatever tag is in the field away."""
        self._stop_flapping()
        self._put(None)

    def flap(self, tag: VirtualTag, pattern: str | Sequence[bool]) -> None:
        """Put ``tag`` at the edge of the field: seen only on some activation tries.

        ``pattern`` (e.g. ``"110"`` or ``[True, True, False]``) is applied cyclically,
        one entry per passive activation try; a miss also cuts the tag's power, so a
        target selected before it no longer answers. Deterministic, for tests.
        """
        if isinstance(pattern, str):
            pattern = pattern.replace(" ", "")
            if set(pattern) - {"0", "1"}:
                msg = f"a flap pattern is made of 0 and 1, not {pattern!r}"
                raise ValueError(msg)
            visible = tuple(char == "1" for char in pattern)
        else:
            visible = tuple(pattern)
        if not visible:
            msg = "the flap pattern is empty"
            raise ValueError(msg)
        self._stop_flapping()
        self._put(_Placement(tag, visible))

    def flap_timed(self, tag: VirtualTag, *, present: float, absent: float) -> None:
        """Place ``tag`` for ``present`` seconds, remove it for ``absent``, and repeat."""
        self._stop_flapping()
        self._flapper = self._spawn(self._flap_loop(tag, present, absent))

    async def _flap_loop(self, tag: VirtualTag, present: float, absent: float) -> None:
        while True:
            self._put(_Placement(tag))
            await asyncio.sleep(present)
            self._put(None)
            await asyncio.sleep(absent)

    def _stop_flapping(self) -> None:
        flapper, self._flapper = self._flapper, None
        if flapper is not None:
            flapper.cancel()

    def _put(self, placement: _Placement | None) -> None:
        if placement is not None:
            placement.tag.placed(self._rng)
            placement.tag.reset_session()
        self._placement = placement
        self._field_changed()

    def _field_changed(self) -> None:
        self._generation += 1
        event, self._field_event = self._field_event, None
        if event is not None:
            event.set()

    async def _field_change(self) -> None:
        if self._field_event is None:
            self._field_event = asyncio.Event()
        await self._field_event.wait()

    # --- faults ------------------------------------------------------------------

    def unplug(self) -> None:
        """Pull the reader's cable: the link goes away and the chip loses power."""
        if not self._plugged:
            return
        self._abort()
        self._plugged = False
        self._power_on()
        if self._link is not None:
            self._link.plug_changed(plugged=False)

    def replug(self) -> None:
        """Plug the reader back in; the chip starts from its power-on state."""
        if self._plugged:
            return
        self._plugged = True
        if self._link is not None:
            self._link.plug_changed(plugged=True)

    def inject_garbage(self, data: bytes) -> None:
        """Send ``data`` to the host now, as if noise hit the line."""
        self._send(data)

    async def aclose(self) -> None:
        """Stop every command and background task (call before the loop ends)."""
        self._abort()
        self._stop_flapping()
        tasks = list(self._background)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # --- commands ----------------------------------------------------------------

    def _on_event(self, event: object) -> None:
        if isinstance(event, Frame):
            if event.tfi == HOST_TO_PN532 and event.data:
                # A frame at the new speed also counts as the confirmation: a host
                # that reopens its port right after the ACK (nfcpy) may flush it away.
                self._switch_baud()
                self._start(event.data)
        elif isinstance(event, Ack):
            self._abort()
            # The host confirms SetSerialBaudRate's answer: the line switches now.
            self._switch_baud()
        elif isinstance(event, Nack) and self._last_response is not None:
            self._transmit_response(self._last_response)
        # A damaged frame, an error frame or a frame in the wrong direction: ignored.

    def _switch_baud(self) -> None:
        baud, self._pending_baud = self._pending_baud, None
        if baud is not None:
            self._baud = baud

    def _start(self, data: bytes) -> None:
        # A new command while one is pending aborts it (*unconfirmed* on hardware).
        self._abort()
        self.history.append(data)
        self._command = self._spawn(self._run(data[0], data[1:]))

    def _abort(self) -> None:
        command, self._command = self._command, None
        if command is not None:
            command.cancel()

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def _run(self, code: int, params: bytes) -> None:
        try:
            if self.faults.ack_delay > 0:
                await asyncio.sleep(self.faults.ack_delay)
            self._send(ACK)
            handler = self._handlers.get(code, self._unknown)
            try:
                payload = await handler(params)
            except _BadCommand:
                response = ERROR_FRAME
            else:
                response = encode_frame(bytes([code + 1]) + payload, PN532_TO_HOST)
            if self.faults.reply_delay > 0:
                await asyncio.sleep(self.faults.reply_delay)
            self._last_response = response
            self._transmit_response(response)
            if self._sleep_after_reply:
                self._sleep_after_reply = False
                self._asleep = True
        finally:
            if self._command is asyncio.current_task():
                self._command = None

    def _transmit_response(self, frame: bytes) -> None:
        faults = self.faults
        if faults.corrupt_responses > 0:
            faults.corrupt_responses -= 1
            frame = frame[:-2] + bytes([(frame[-2] + 1) & 0xFF]) + frame[-1:]
        self._responses += 1
        flip, faults.flip_bit = faults.flip_bit, None
        every = faults.flip_bit_every
        if flip is None and every > 0 and self._responses % every == 0:
            flip = (self._rng.randrange(len(frame)), self._rng.randrange(8))
        if flip is not None:
            index, bit = flip
            damaged = bytearray(frame)
            damaged[index % len(frame)] ^= 1 << (bit % 8)
            frame = bytes(damaged)
        garbage, self.faults.garbage_before_reply = (
            self.faults.garbage_before_reply,
            b"",
        )
        self._send(garbage + frame)

    def _send(self, data: bytes) -> None:
        if self._plugged and self._link is not None and data:
            self._link.to_host(data)

    async def _unknown(self, params: bytes) -> bytes:
        raise _BadCommand

    async def _get_firmware_version(self, params: bytes) -> bytes:
        if params:
            raise _BadCommand
        return FIRMWARE_VERSION

    async def _get_general_status(self, params: bytes) -> bytes:
        if params:
            raise _BadCommand
        # Err, Field (no external field), NbTg, [Tg BrRx BrTx Type], SAM status.
        if self._selected is None:
            return bytes([self._last_error, 0x00, 0, 0x00])
        return bytes([self._last_error, 0x00, 1, 1, 0x00, 0x00, 0x00, 0x00])

    async def _sam_configuration(self, params: bytes) -> bytes:
        if not 1 <= len(params) <= 3 or not 1 <= params[0] <= 4:  # noqa: PLR2004
            raise _BadCommand
        return b""

    async def _power_down(self, params: bytes) -> bytes:
        # Any wake-up source is honoured, whatever WakeUpEnable says.
        if not 1 <= len(params) <= 2:  # noqa: PLR2004
            raise _BadCommand
        self._selected = None
        self._switch_field(on=False)  # in power-down the antenna drivers are off
        self._sleep_after_reply = True
        return bytes([STATUS_OK])

    async def _rf_configuration(self, params: bytes) -> bytes:
        if not params or _RF_ITEM_LENGTHS.get(params[0]) != len(params) - 1:
            raise _BadCommand
        item, data = params[0], params[1:]
        if item == _RF_FIELD:
            self._switch_field(on=bool(data[0] & 0x01))
        elif item == _MAX_RETRIES:
            self._max_retries = data[2]
        elif item == _ANALOG_106A:
            for address, value in zip(_ANALOG_106A_REGISTERS, data, strict=True):
                if address is not None:
                    self._registers[address] = value
        return b""

    def _switch_field(self, *, on: bool) -> None:
        if self._rf_on and not on:
            self._field_changed()  # the tags in the field lose power
            if self._placement is not None:
                self._placement.tag.reset_session()
        self._rf_on = on

    def _tx_control(self) -> int:
        value = self._registers.get(CIU_TX_CONTROL, 0x80) & ~_RF_ON_BITS
        return value | (_RF_ON_BITS if self._rf_on else 0)

    async def _in_list_passive_target(self, params: bytes) -> bytes:
        if (
            len(params) < 2  # noqa: PLR2004
            or params[0] not in (1, 2)
            or params[1] > _MAX_BAUD_TYPE
        ):
            raise _BadCommand
        baud_type, wanted_uid = params[1], _strip_cascade_tags(params[2:])
        self._selected = None
        self._switch_field(on=True)  # the firmware switches the field on itself
        tries = 0
        while True:
            await asyncio.sleep(PASSIVE_TRY_TIME)
            tag = self._activation_try(baud_type, wanted_uid)
            if tag is not None:
                return bytes([1, *self._activate(tag)])
            self._fifo.clear()
            self._fifo.append(0x26)  # the REQA nobody answered stays in the FIFO
            tries += 1
            if self._max_retries != WAIT_FOREVER:
                if tries > self._max_retries:
                    return b"\x00"
            elif not self._may_answer_soon():
                await self._field_change()

    def _activation_try(self, baud_type: int, wanted_uid: bytes) -> VirtualTag | None:
        placement = self._placement
        if placement is None or not self._rf_on or baud_type != _TYPE_A_106:
            return None
        if placement.pattern is not None:
            visible = placement.pattern[placement.tries % len(placement.pattern)]
            placement.tries += 1
        else:
            miss = self.faults.miss_activation
            visible = miss <= 0 or self._rng.random() >= miss
        if not visible:
            self._generation += 1  # out of the field for a moment: powered down
            return None
        if wanted_uid and wanted_uid != placement.tag.uid:
            return None
        return placement.tag

    def _activate(self, tag: VirtualTag) -> bytes:
        """Select ``tag`` as target 1; return its target data (Tg SENS_RES …)."""
        tag.select()
        self._selected = _Selected(tag, self._generation)
        # 106 kbps type A with CRCs, 100 % ASK: what a PN532 shows afterwards.
        self._registers[CIU_TX_MODE] = CRC_ENABLED
        self._registers[CIU_RX_MODE] = CRC_ENABLED
        self._registers[CIU_TX_AUTO] = _TX_AUTO_TYPE_A
        self._registers[CIU_BIT_FRAMING] = 0x00
        answer = bytes([1, *tag.sens_res, tag.sel_res, len(tag.uid), *tag.uid])
        if tag.sel_res & _ISO14443_4_SAK and self._parameters & _AUTOMATIC_RATS:
            answer += tag.rats() or b""
        return answer

    def _may_answer_soon(self) -> bool:
        """Return whether trying again could find a tag without the field changing."""
        return self._placement is not None and (
            self._placement.pattern is not None or self.faults.miss_activation > 0
        )

    async def _in_data_exchange(self, params: bytes) -> bytes:
        if not params:
            raise _BadCommand
        number, data = params[0] & 0x3F, params[1:]  # bit 6: more data follows
        selected = self._selected
        if selected is None or number != 1:
            return bytes([STATUS_BAD_CONTEXT])
        await asyncio.sleep(TAG_RESPONSE_TIME)
        if not data or not self._answers(selected) or not self._reselect(selected):
            status, answer = STATUS_TIMEOUT, b""
        else:
            status, answer = selected.tag.exchange(data)
        self._last_error = status & 0x3F
        return bytes([status]) + answer

    def _reselect(self, selected: _Selected) -> bool:
        """Select a target InDeselect halted again (WUPA, SELECT); False: it is gone."""
        if not selected.deselected:
            return True
        tag = selected.tag
        if tag.state is not TagState.HALT:
            return False
        tag.select()
        if tag.sel_res & _ISO14443_4_SAK and self._parameters & _AUTOMATIC_RATS:
            tag.rats()
        self._selected = _Selected(tag, selected.generation)
        return True

    async def _in_select(self, params: bytes) -> bytes:
        status = self._check_target(params)
        selected = self._selected
        if status != STATUS_OK or params[0] != 1 or selected is None:
            return bytes([status])
        await asyncio.sleep(TAG_RESPONSE_TIME)
        if not self._answers(selected):
            return bytes([STATUS_TIMEOUT])
        if selected.deselected:
            self._reselect(selected)
        return bytes([STATUS_OK])

    async def _in_communicate_thru(self, params: bytes) -> bytes:
        """Send raw bits to whatever is in the field, framed as the CIU is set up."""
        if not params:
            raise _BadCommand
        await asyncio.sleep(TAG_RESPONSE_TIME)
        reply = self._air_exchange(params)
        rx_crc = self._registers[CIU_RX_MODE] & CRC_ENABLED
        if reply is None:
            status, answer = STATUS_TIMEOUT, b""
        elif isinstance(reply, Nibble):
            # Four bits: with the CRC check on, the CIU reports a CRC error.
            status, answer = (
                (STATUS_CRC_ERROR, b"") if rx_crc else (0, bytes([reply.value]))
            )
        elif rx_crc:
            status, answer = (0, reply.data) if reply.crc else (STATUS_CRC_ERROR, b"")
        else:
            status, answer = 0, reply.data + (crc_a(reply.data) if reply.crc else b"")
        # What hosts read back from the CIU: RxLastBits (4 for an ACK/NAK), CRCErr.
        nibble = isinstance(reply, Nibble) and status == 0
        self._registers[CIU_CONTROL] = 0x10 | (_NIBBLE_BITS if nibble else 0)
        self._registers[CIU_ERROR] = _CRC_ERR if status == STATUS_CRC_ERROR else 0
        self._last_error = status
        return bytes([status]) + answer

    def _air_exchange(self, data: bytes) -> Reply:
        placement = self._placement
        if placement is None or not self._rf_on:
            return None
        tag = placement.tag
        if self._registers.get(CIU_MANUAL_RCV, 0) & _PARITY_DISABLE:
            return None  # the host's own parity bits in the data: not emulated
        last_bits = self._registers.get(CIU_BIT_FRAMING, 0) & _TX_LAST_BITS
        if last_bits == 7 and len(data) == 1:  # noqa: PLR2004 - a short frame
            return tag.short_frame(data[0] & 0x7F)
        if last_bits:
            return None  # other bit-oriented frames: no tag of ours answers them
        if not self._registers[CIU_TX_MODE] & CRC_ENABLED:
            # The host sends the CRC itself; only anticollision frames go without.
            if len(data) < 3 or crc_a(data[:-2]) != data[-2:]:  # noqa: PLR2004
                return tag.frame(data, crc=False)
            data = data[:-2]
        return tag.frame(data)

    def _answers(self, selected: _Selected) -> bool:
        return (
            self._rf_on
            and self._placement is not None
            and self._placement.tag is selected.tag
            and self._generation == selected.generation
        )

    async def _in_deselect(self, params: bytes) -> bytes:
        status = self._check_target(params)
        selected = self._selected
        if status == STATUS_OK and selected is not None and not selected.deselected:
            if self._answers(selected):
                selected.tag.halt()  # HLTA or S(DESELECT); reselected when needed
            self._selected = _Selected(
                selected.tag, selected.generation, deselected=True
            )
        return bytes([status])

    async def _in_release(self, params: bytes) -> bytes:
        status = self._check_target(params)
        if status == STATUS_OK and self._selected is not None:
            if self._answers(self._selected):
                self._selected.tag.halt()
            self._selected = None
        return bytes([status])

    def _check_target(self, params: bytes) -> int:
        if len(params) != 1:
            raise _BadCommand
        if params[0] == 0 or (params[0] == 1 and self._selected is not None):
            return STATUS_OK
        return STATUS_BAD_CONTEXT

    # --- miscellaneous commands (UM0701-02 §7.2) ---------------------------------

    async def _diagnose(self, params: bytes) -> bytes:
        if not params:
            raise _BadCommand
        test, data = params[0], params[1:]
        if test == _DIAGNOSE_LINE:
            return params  # the parameters come back as they went
        if test in (_DIAGNOSE_ROM, _DIAGNOSE_RAM) and not data:
            return bytes([STATUS_OK])
        if test == _DIAGNOSE_POLLING and len(data) == 1 and data[0] in (1, 2):
            # 128 FeliCa polls at 212 or 424 kbps: no tag of ours answers one.
            return bytes([_POLLS_PER_TEST])
        if test == _DIAGNOSE_ECHO_BACK and len(data) == 3:  # noqa: PLR2004
            # As a target it echoes an initiator's frames until the next command;
            # no initiator ever comes, and the test never answers.
            await asyncio.Future()
        if test == _DIAGNOSE_PRESENCE and not data:
            return bytes([self._presence()])
        if test == _DIAGNOSE_ANTENNA and len(data) == 1:
            return bytes([STATUS_OK])  # the antenna is fine
        raise _BadCommand

    def _in_field(self) -> VirtualTag | None:
        placement = self._placement
        return None if placement is None or not self._rf_on else placement.tag

    def _presence(self) -> int:
        """Check that the ISO/IEC 14443-4 target still answers (an R(NAK))."""
        selected = self._selected
        if selected is None or not selected.tag.sel_res & _ISO14443_4_SAK:
            return STATUS_BAD_CONTEXT
        if selected.tag.state is not TagState.PROTOCOL or not self._answers(selected):
            return STATUS_TIMEOUT
        return STATUS_OK

    async def _read_register(self, params: bytes) -> bytes:
        if not params or len(params) % 2:
            raise _BadCommand
        values = bytearray()
        for index in range(0, len(params), 2):
            address = int.from_bytes(params[index : index + 2])
            if address == CIU_FIFO_DATA:
                values.append(self._fifo.popleft() if self._fifo else 0x00)
            else:
                values.append(self.register(address))
        return bytes(values)

    async def _write_register(self, params: bytes) -> bytes:
        if not params or len(params) % 3:
            raise _BadCommand
        for index in range(0, len(params), 3):
            address, value = (
                int.from_bytes(params[index : index + 2]),
                params[index + 2],
            )
            if address == CIU_FIFO_DATA:
                self._fifo.append(value)
            elif address == CIU_TX_CONTROL:
                self._registers[address] = value
                self._switch_field(on=bool(value & _RF_ON_BITS))
            elif address != CIU_FIFO_LEVEL:
                self._registers[address] = value
            elif value & 0x80:  # FlushBuffer
                self._fifo.clear()
        return b""

    async def _read_gpio(self, params: bytes) -> bytes:
        if params:
            raise _BadCommand
        # P3, P7, and I0I1 (the interface mode pins: 00 is HSU).
        return bytes(
            [self.register(SFR_P3) & _P3_PINS, self.register(SFR_P7) & _P7_PINS, 0x00]
        )

    async def _write_gpio(self, params: bytes) -> bytes:
        if len(params) != 2:  # noqa: PLR2004
            raise _BadCommand
        for address, value, pins in (
            (SFR_P3, params[0], _P3_PINS),
            (SFR_P7, params[1], _P7_PINS),
        ):
            if value & _GPIO_VALID:
                old = self._registers[address]
                self._registers[address] = (old & ~pins) | (value & pins)
        return b""

    async def _set_serial_baud_rate(self, params: bytes) -> bytes:
        if len(params) != 1 or params[0] >= len(SERIAL_BAUD_RATES):
            raise _BadCommand
        # The new speed applies once the host has ACKed this answer.
        self._pending_baud = SERIAL_BAUD_RATES[params[0]]
        return b""

    async def _set_parameters(self, params: bytes) -> bytes:
        if len(params) != 1:
            raise _BadCommand
        self._parameters = params[0]
        return b""

    async def _rf_regulation_test(self, params: bytes) -> bytes:
        if len(params) != 1:
            raise _BadCommand
        # The chip transmits until the next command and never answers this one.
        await asyncio.Future()
        return b""  # pragma: no cover - cancelled by the next command

    # --- initiator commands beyond the basics (UM0701-02 §7.3) -------------------

    async def _in_auto_poll(self, params: bytes) -> bytes:
        if len(params) < 3 or params[0] == 0 or not 1 <= params[1] <= 0x0F:  # noqa: PLR2004
            raise _BadCommand
        polls, period, types = params[0], params[1], params[2:]
        self._selected = None
        self._switch_field(on=True)
        done = 0
        while True:
            tag = self._in_field()
            if tag is not None:
                for kind in types:
                    if kind in _AUTO_POLL_TYPE_A and (
                        kind != _AUTO_POLL_ISO14443_4 or tag.sel_res & _ISO14443_4_SAK
                    ):
                        data = self._activate(tag)
                        return bytes([1, kind, len(data), *data])
            done += 1
            if polls != WAIT_FOREVER and done >= polls:
                return b"\x00"
            if polls == WAIT_FOREVER:
                await self._field_change()
            else:
                await asyncio.sleep(period * _AUTO_POLL_PERIOD * len(types))

    async def _in_jump_for_dep(self, params: bytes) -> bytes:
        """Answer InJumpForDEP and InJumpForPSL: no DEP target is ever in the field."""
        if len(params) < 3 or params[0] > 1 or params[1] > 2:  # noqa: PLR2004
            raise _BadCommand
        await asyncio.sleep(TAG_RESPONSE_TIME)
        return bytes([STATUS_TIMEOUT])

    async def _in_atr(self, params: bytes) -> bytes:
        if len(params) < 2:  # noqa: PLR2004
            raise _BadCommand
        selected = self._selected
        if selected is None or params[0] != 1:
            return bytes([STATUS_BAD_CONTEXT])
        await asyncio.sleep(TAG_RESPONSE_TIME)
        return bytes([STATUS_TIMEOUT])  # our tags do not speak NFC-DEP

    async def _in_psl(self, params: bytes) -> bytes:
        if len(params) != 3 or params[1] > 2 or params[2] > 2:  # noqa: PLR2004
            raise _BadCommand
        selected = self._selected
        if selected is None or params[0] != 1:
            return bytes([STATUS_BAD_CONTEXT])
        if params[1] == params[2] == 0:
            return bytes([STATUS_OK])  # 106 kbps: nothing to change
        # Faster rates need PPS (ISO-DEP) or PSL (DEP); the emulator stays at 106.
        return bytes([STATUS_BAD_CONTEXT])

    # --- target (card emulation) mode: not emulated --------------------------------

    async def _tg_init_as_target(self, params: bytes) -> bytes:
        if len(params) < 37:  # noqa: PLR2004 - Mode, MIFARE, FeliCa, NFCID3t, lengths
            raise _BadCommand
        # The chip waits for an initiator to activate it; none ever comes.
        await asyncio.Future()
        return b""  # pragma: no cover - aborted by the host

    async def _tg_get_target_status(self, params: bytes) -> bytes:
        if params:
            raise _BadCommand
        return b"\x00"  # free: not activated as a target

    async def _target_mode_only(self, params: bytes) -> bytes:
        # Not configured as a target: "command not acceptable in the current context".
        return bytes([STATUS_BAD_CONTEXT])


def _strip_cascade_tags(initiator_data: bytes) -> bytes:
    """Return the UID an InListPassiveTarget looks for, without its cascade tags.

    A double or triple size UID comes as the hosts send it to the manual's rule:
    ``88 UID0-2 UID3-6`` (and ``88 UID3-5`` once more for ten bytes).
    """
    data = initiator_data
    if len(data) in (8, 12) and data[0] == 0x88:  # noqa: PLR2004
        data = data[1:]
        if len(data) == 11 and data[3] == 0x88:  # noqa: PLR2004
            data = data[:3] + data[4:]
    return data


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
