"""The PN532 command layer: one request, its ACK and its response, over any transport."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Final, Self

from .errors import (
    ApplicationError,
    NoTagPresent,
    NotAPn532,
    Pn532Error,
    ProtocolError,
    ReaderTimeout,
    TagError,
)
from .frames import (
    ACK,
    NACK,
    PN532_TO_HOST,
    Ack,
    BadFrame,
    ErrorFrame,
    Frame,
    encode_command,
)
from .tags import FAST_READ_MAX_PAGES

if TYPE_CHECKING:
    from types import TracebackType

    from .transport import Transport

_LOGGER = logging.getLogger(__name__)

PN532_IC: Final = 0x32
WAIT_FOREVER: Final = 0xFF  # MxRtyPassiveActivation: wait until a tag appears

DEFAULT_ACK_TIMEOUT: Final = 0.1  # the manual allows 15 ms; leave room for ser2net
DEFAULT_RESPONSE_TIMEOUT: Final = 1.0
_MAX_RESENDS: Final = 3
#: InDataExchange status: the target did not answer in time.
STATUS_TAG_TIMEOUT: Final = 0x01


class _NoResponse(ReaderTimeout):
    """The chip acknowledged a command but did not answer it in time."""


class Command(IntEnum):
    """PN532 command codes used by a tag reader."""

    GET_FIRMWARE_VERSION = 0x02
    SAM_CONFIGURATION = 0x14
    POWER_DOWN = 0x16
    RF_CONFIGURATION = 0x32
    IN_DATA_EXCHANGE = 0x40
    IN_LIST_PASSIVE_TARGET = 0x4A
    IN_RELEASE = 0x52


@dataclass(frozen=True, kw_only=True, slots=True)
class FirmwareVersion:
    """What GetFirmwareVersion reports."""

    ic: int
    version: int
    revision: int
    support: int

    @property
    def chip(self) -> str:
        """Return the chip name, e.g. ``PN532``."""
        return f"PN5{self.ic:02X}"

    @property
    def firmware(self) -> str:
        """Return the firmware version, e.g. ``1.6``."""
        return f"{self.version}.{self.revision}"


ISO14443_4_SAK_BIT: Final = 0x20


@dataclass(frozen=True, kw_only=True, slots=True)
class Target:
    """An ISO 14443A target found by InListPassiveTarget."""

    number: int
    atqa: bytes
    sak: int
    uid: bytes
    ats: bytes | None = None

    @property
    def uid_hex(self) -> str:
        """Return the UID as upper-case hex without separators."""
        return self.uid.hex().upper()

    @property
    def is_iso14443_4(self) -> bool:
        """Return whether this is an ISO 14443-4 target (phone, smart card)."""
        return bool(self.sak & ISO14443_4_SAK_BIT)

    @property
    def has_stable_uid(self) -> bool:
        """Return False for random UIDs (ISO 14443-3 says they start with 08)."""
        return not (len(self.uid) == 4 and self.uid[0] == 0x08)  # noqa: PLR2004


class Pn532:
    """A PN532 behind a transport. Commands are serialised; cancelling one aborts it."""

    #: 60 pages (240 bytes) fit one normal response frame.
    fast_read_max_pages = FAST_READ_MAX_PAGES

    def __init__(
        self,
        transport: Transport,
        *,
        ack_timeout: float = DEFAULT_ACK_TIMEOUT,
        response_timeout: float = DEFAULT_RESPONSE_TIMEOUT,
    ) -> None:
        """Drive the chip behind ``transport`` (not opened yet)."""
        self.transport = transport
        self.ack_timeout = ack_timeout
        self.response_timeout = response_timeout
        self.firmware: FirmwareVersion | None = None
        self._lock = asyncio.Lock()
        self._passive_retries: int | None = None
        self._asleep = False

    async def open(self) -> FirmwareVersion:
        """Open the transport, wake the chip, check it is a PN532 and configure it."""
        await self.transport.open()
        try:
            firmware = await self._identify()
            await self.sam_configuration()
        except BaseException:
            await self.transport.close()
            raise
        self.firmware = firmware
        self._passive_retries = None
        return firmware

    async def __aenter__(self) -> Self:
        """Open the reader (``async with Pn532(transport) as pn532:``)."""
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

    async def _identify(self) -> FirmwareVersion:
        await self.transport.wake()
        try:
            firmware = await self.firmware_version()
        except ReaderTimeout:
            if not self.transport.bytes_received:
                raise
            msg = f"{self.transport.description} answers, but not as a PN532"
            raise NotAPn532(msg) from None
        except ProtocolError as err:
            msg = f"{self.transport.description} does not speak the PN532 protocol"
            raise NotAPn532(msg) from err
        if firmware.ic != PN532_IC:
            msg = f"the chip reports IC 0x{firmware.ic:02X}, not a PN532"
            raise NotAPn532(msg)
        return firmware

    async def close(self) -> None:
        """Close the transport."""
        await self.transport.close()

    async def command(
        self,
        code: int,
        params: bytes = b"",
        *,
        timeout: float | None = None,
        size_hint: int = 16,
    ) -> bytes:
        """Run one command; return the response payload after the response code.

        On timeout or cancellation the command is aborted with an ACK, so the next
        command starts on a clean line.
        """
        async with self._lock:
            if self._asleep:
                await self.transport.wake()
                self._asleep = False
            frame = encode_command(code, params)
            try:
                await self._send_and_await_ack(frame)
                return await self._response(
                    code, timeout or self.response_timeout, size_hint
                )
            except asyncio.CancelledError, ReaderTimeout:
                # Also when the ACK never came: the chip may have the command anyway.
                await asyncio.shield(self._abort())
                raise

    async def _send_and_await_ack(self, frame: bytes) -> None:
        # One resend: garbage on the line can swallow an ACK without the chip being gone.
        for attempt in range(2):
            await self.transport.send(frame)
            try:
                await self._ack()
            except ReaderTimeout:
                if attempt:
                    raise
                _LOGGER.debug(
                    "no ACK from %s, sending again", self.transport.description
                )
            else:
                return

    async def _ack(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.ack_timeout
        while True:
            try:
                event = await self.transport.receive(max(deadline - loop.time(), 0.0))
            except ReaderTimeout:
                # The transport names what was left of the wait, often 0 ms.
                msg = f"no ACK within {self.ack_timeout * 1000:.0f} ms"
                raise ReaderTimeout(msg) from None
            if isinstance(event, Ack):
                return
            if isinstance(event, ErrorFrame):
                msg = "the PN532 rejected the command"
                raise ApplicationError(msg)
            if isinstance(event, Frame) and event.tfi != PN532_TO_HOST:
                msg = "the device echoes host frames"
                raise ProtocolError(msg)
            # Anything else before the ACK is a stale reply or line noise.

    async def _response(self, code: int, timeout: float, size_hint: int) -> bytes:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        resends = 0
        while True:
            try:
                event = await self.transport.receive(
                    max(deadline - loop.time(), 0.0), size_hint
                )
            except ReaderTimeout:
                msg = f"no answer within {timeout * 1000:.0f} ms"
                raise _NoResponse(msg) from None
            if isinstance(event, Frame):
                if event.tfi == PN532_TO_HOST and event.code == code + 1:
                    return event.data[1:]
                continue  # a late answer to an earlier, aborted command
            if isinstance(event, ErrorFrame):
                msg = f"the PN532 rejected command 0x{code:02X}"
                raise ApplicationError(msg)
            if isinstance(event, BadFrame):
                resends += 1
                if resends > _MAX_RESENDS:
                    msg = f"response to 0x{code:02X} stayed damaged: {event.reason}"
                    raise ProtocolError(msg)
                await self.transport.send(NACK)

    async def _abort(self) -> None:
        try:
            await self.transport.send(ACK)
        except Pn532Error:
            _LOGGER.debug("could not abort the pending command", exc_info=True)

    async def firmware_version(self) -> FirmwareVersion:
        """Read the chip's IC and firmware version."""
        data = await self.command(Command.GET_FIRMWARE_VERSION, size_hint=4)
        if len(data) != 4:  # noqa: PLR2004
            msg = f"firmware version answer has {len(data)} bytes, expected 4"
            raise ProtocolError(msg)
        return FirmwareVersion(
            ic=data[0], version=data[1], revision=data[2], support=data[3]
        )

    async def sam_configuration(self) -> None:
        """Put the SAM in normal mode (the chip acts as a plain reader)."""
        await self.command(Command.SAM_CONFIGURATION, b"\x01\x14\x01", size_hint=0)

    async def rf_field(self, *, on: bool) -> None:
        """Switch the RF field on or off."""
        await self.command(
            Command.RF_CONFIGURATION, bytes([0x01, 0x01 if on else 0x00]), size_hint=0
        )

    async def set_passive_retries(self, retries: int) -> None:
        """Set MxRtyPassiveActivation (0xFF: wait until a tag appears)."""
        if retries == self._passive_retries:
            return
        await self.command(
            Command.RF_CONFIGURATION, bytes([0x05, 0xFF, 0x01, retries]), size_hint=0
        )
        self._passive_retries = retries

    async def list_passive_target(
        self, *, retries: int = 1, timeout: float | None = None
    ) -> Target | None:
        """Look for one ISO 14443A tag; return None when there is none.

        ``retries=WAIT_FOREVER`` makes the chip hold the command until a tag appears;
        give a ``timeout`` (the command is then aborted) or cancel the call.
        """
        await self.set_passive_retries(retries)
        data = await self.command(
            Command.IN_LIST_PASSIVE_TARGET,
            b"\x01\x00",
            timeout=timeout,
            size_hint=32,
        )
        return parse_target_list(data)

    async def wait_for_target(self, timeout: float) -> Target | None:
        """Let the chip wait for a tag; None when none came within ``timeout``."""
        try:
            return await self.list_passive_target(retries=WAIT_FOREVER, timeout=timeout)
        except _NoResponse:
            # The chip took the command and found nothing; a missing ACK, though,
            # means the reader went silent, and that is the caller's business.
            return None

    async def data_exchange(self, data: bytes, *, target: int = 1) -> bytes:
        """Send ``data`` to the selected tag; return its answer."""
        answer = await self.command(
            Command.IN_DATA_EXCHANGE, bytes([target]) + data, size_hint=64
        )
        if not answer:
            msg = "empty InDataExchange answer"
            raise ProtocolError(msg)
        status = answer[0] & 0x3F
        if status == STATUS_TAG_TIMEOUT:
            msg = "the tag did not answer (it left the field?)"
            raise NoTagPresent(msg, status)
        if status:
            msg = f"tag exchange failed with status 0x{status:02X}"
            raise TagError(msg, status)
        return answer[1:]

    async def release(self, target: int = 0) -> None:
        """Release the selected target(s) so they can be found again."""
        await self.command(Command.IN_RELEASE, bytes([target]), size_hint=1)

    async def power_down(self) -> None:
        """Put the chip into power-down; the next command wakes it first."""
        # WakeUpEnable: HSU, I2C and SPI may wake it.
        await self.command(Command.POWER_DOWN, b"\xb0", size_hint=1)
        self._asleep = True


def parse_target_list(data: bytes) -> Target | None:
    """Parse an InListPassiveTarget answer for one 106 kbps type A target."""
    if not data:
        msg = "empty InListPassiveTarget answer"
        raise ProtocolError(msg)
    if data[0] == 0:
        return None
    if len(data) < 7:  # noqa: PLR2004 - NbTg Tg ATQA(2) SAK NFCIDLength NFCID…
        msg = f"truncated target data {data.hex()}"
        raise ProtocolError(msg)
    number, atqa, sak, uid_length = data[1], data[2:4], data[4], data[5]
    uid, rest = data[6 : 6 + uid_length], data[6 + uid_length :]
    if len(uid) != uid_length or uid_length not in (4, 7, 10):
        msg = f"malformed target data {data.hex()}"
        raise ProtocolError(msg)
    ats = rest[: rest[0]] if rest and sak & ISO14443_4_SAK_BIT else None
    return Target(number=number, atqa=bytes(atqa), sak=sak, uid=bytes(uid), ats=ats)
