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

from ..frames import (  # noqa: TID252 - the library imports itself relatively
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
from .virtual_tags import STATUS_OK, STATUS_TIMEOUT, VirtualTag

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

GET_FIRMWARE_VERSION: Final = 0x02
GET_GENERAL_STATUS: Final = 0x04
SAM_CONFIGURATION: Final = 0x14
POWER_DOWN: Final = 0x16
RF_CONFIGURATION: Final = 0x32
IN_DATA_EXCHANGE: Final = 0x40
IN_DESELECT: Final = 0x44
IN_LIST_PASSIVE_TARGET: Final = 0x4A
IN_RELEASE: Final = 0x52

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


@dataclass(kw_only=True)
class Faults:
    """Misbehaviour to inject; change any field at any time, it applies from then on."""

    #: Stream links only: each byte takes 10 bits at this rate, in both directions,
    #: and frames queue up on the line. None: bytes arrive on the next loop turn.
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
            GET_FIRMWARE_VERSION: self._get_firmware_version,
            GET_GENERAL_STATUS: self._get_general_status,
            SAM_CONFIGURATION: self._sam_configuration,
            POWER_DOWN: self._power_down,
            RF_CONFIGURATION: self._rf_configuration,
            IN_DATA_EXCHANGE: self._in_data_exchange,
            IN_DESELECT: self._in_deselect,
            IN_LIST_PASSIVE_TARGET: self._in_list_passive_target,
            IN_RELEASE: self._in_release,
        }
        self._power_on()

    def _power_on(self) -> None:
        self._asleep = False
        self._sleep_after_reply = False
        self._rf_on = True
        self._max_retries = WAIT_FOREVER
        self._selected: _Selected | None = None
        self._last_response: bytes | None = None
        self._last_error = 0
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
                self._start(event.data)
        elif isinstance(event, Ack):
            self._abort()
        elif isinstance(event, Nack) and self._last_response is not None:
            self._transmit_response(self._last_response)
        # A damaged frame, an error frame or a frame in the wrong direction: ignored.

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
        self._sleep_after_reply = True
        return bytes([STATUS_OK])

    async def _rf_configuration(self, params: bytes) -> bytes:
        if not params or _RF_ITEM_LENGTHS.get(params[0]) != len(params) - 1:
            raise _BadCommand
        item, data = params[0], params[1:]
        if item == _RF_FIELD:
            rf_on = bool(data[0] & 0x01)
            if self._rf_on and not rf_on:
                self._field_changed()  # the tags in the field lose power
            self._rf_on = rf_on
        elif item == _MAX_RETRIES:
            self._max_retries = data[2]
        return b""

    async def _in_list_passive_target(self, params: bytes) -> bytes:
        if (
            len(params) < 2  # noqa: PLR2004
            or params[0] not in (1, 2)
            or params[1] > _MAX_BAUD_TYPE
        ):
            raise _BadCommand
        baud_type, wanted_uid = params[1], params[2:]
        self._selected = None
        tries = 0
        while True:
            await asyncio.sleep(PASSIVE_TRY_TIME)
            tag = self._activation_try(baud_type, wanted_uid)
            if tag is not None:
                tag.reset_session()
                self._selected = _Selected(tag, self._generation)
                answer = bytes(
                    [1, 1, *tag.sens_res, tag.sel_res, len(tag.uid), *tag.uid]
                )
                return answer + (tag.ats or b"")
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
        if not data or not self._answers(selected):
            status, answer = STATUS_TIMEOUT, b""
        else:
            status, answer = selected.tag.exchange(data)
        self._last_error = status & 0x3F
        return bytes([status]) + answer

    def _answers(self, selected: _Selected) -> bool:
        return (
            self._rf_on
            and self._placement is not None
            and self._placement.tag is selected.tag
            and self._generation == selected.generation
        )

    async def _in_deselect(self, params: bytes) -> bytes:
        status = self._check_target(params)
        if status == STATUS_OK and self._selected is not None:
            self._selected.tag.reset_session()  # halted; reselected on the next exchange
        return bytes([status])

    async def _in_release(self, params: bytes) -> bytes:
        status = self._check_target(params)
        if status == STATUS_OK and self._selected is not None:
            self._selected.tag.reset_session()
            self._selected = None
        return bytes([status])

    def _check_target(self, params: bytes) -> int:
        if len(params) != 1:
            raise _BadCommand
        if params[0] == 0 or (params[0] == 1 and self._selected is not None):
            return STATUS_OK
        return STATUS_BAD_CONTEXT


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
