"""Virtual tags for the emulated PN532: NTAG21x, Ultralight (C), MIFARE Classic, a phone.

A tag is modelled on the air interface (ISO/IEC 14443-3): it has the IDLE, READY,
ACTIVE and HALT states, answers REQA/WUPA, anticollision and SELECT, and in ACTIVE the
commands of its datasheet, with a 4-bit ACK/NAK where the datasheet says so. The
emulated PN532 drives it two ways: raw frames (``InCommunicateThru``) through
:meth:`VirtualTag.short_frame` and :meth:`VirtualTag.frame`, and the firmware's own
exchange (``InDataExchange``) through :meth:`VirtualTag.exchange`, which answers in the
PN532's terms (a status byte and the data).

NDEF content is laid out with the library's own ``ndef`` module; that the bytes are
right is checked independently (by pn532pi, nfcpy and ndeflib in the conformance tests).
"""

from __future__ import annotations

import hashlib
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import Enum, auto
from functools import partial, reduce
from operator import xor
from typing import Final, override

from ..ndef import encode_message, wrap_tlv

STATUS_OK: Final = 0x00
STATUS_TIMEOUT: Final = 0x01
#: What the PN532 reports when a MIFARE-family tag answers with a 4-bit NAK. The
#: manual names 0x14 "MIFARE authentication error"; that the chip reports a type 2
#: tag's NAK (page out of range) the same way is *unconfirmed*.
STATUS_NAK: Final = 0x14

PAGE_SIZE: Final = 4
READ_SIZE: Final = 16
_CASCADE_TAG: Final = 0x88

# ISO/IEC 14443-3 type A frames.
REQA: Final = 0x26
WUPA: Final = 0x52
_SEL_CL1: Final = 0x93
_SEL_CL2: Final = 0x95
_SEL_CL3: Final = 0x97
_NVB_ANTICOLLISION: Final = 0x20
_NVB_SELECT: Final = 0x70
_HLTA: Final = b"\x50\x00"
_SAK_CASCADE: Final = 0x04

# Type 2 tag commands (NTAG21x, MIFARE Ultralight datasheets).
_READ: Final = 0x30
_WRITE: Final = 0xA2
_COMPATIBILITY_WRITE: Final = 0xA0
_FAST_READ: Final = 0x3A
_GET_VERSION: Final = 0x60
_READ_CNT: Final = 0x39
_READ_SIG: Final = 0x3C
_PWD_AUTH: Final = 0x1B
_AUTHENTICATE: Final = 0x1A  # Ultralight C, first step of the 3DES authentication
_NFC_COUNTER: Final = 0x02
# MIFARE Classic commands, as the PN532 takes them (it runs Crypto1 itself).
_AUTH_A: Final = 0x60
_AUTH_B: Final = 0x61
_CLASSIC_WRITE: Final = 0xA0

#: The largest answer that still fits one PN532 response frame (D5 41 Status …).
_MAX_ANSWER: Final = 262


type TagReply = tuple[int, bytes]
"""The PN532 status byte and the tag's answer bytes."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A standard frame from the tag; ``crc``: it ends with a CRC_A on the air."""

    data: bytes
    crc: bool = True


@dataclass(frozen=True, slots=True)
class Nibble:
    """A 4-bit ACK (``0xA``) or NAK (anything else) from the tag."""

    value: int

    @property
    def ack(self) -> bool:
        """Return whether this is an ACK."""
        return self.value == ACK_VALUE


ACK_VALUE: Final = 0x0A
ACK: Final = Nibble(ACK_VALUE)
NAK: Final = Nibble(0x00)  # invalid argument (e.g. page address)
NAK_COUNTER: Final = Nibble(0x04)  # authentication counter overflow

type Reply = Answer | Nibble | None
"""What a tag sends back for a frame; None: it stays silent."""


class TagState(Enum):
    """The ISO/IEC 14443-3 states of a type A tag (plus ISO/IEC 14443-4)."""

    IDLE = auto()
    READY = auto()
    ACTIVE = auto()
    HALT = auto()
    #: ISO/IEC 14443-4 after RATS: blocks carry APDUs.
    PROTOCOL = auto()


def _bcc(data: bytes) -> int:
    return reduce(xor, data, 0)


class VirtualTag(ABC):
    """A tag that can sit in the emulated reader's field."""

    #: The kind name used in tag specs (``ntag215``, ``phone``…).
    kind: str
    #: ATQA as the PN532 reports it, e.g. ``00 44`` (on the air: ``44 00``).
    sens_res: bytes
    #: SAK; bit 0x20 means ISO 14443-4, and the PN532 then fetches the ATS.
    sel_res: int

    def __init__(self, uid: bytes) -> None:
        """Give the tag its UID; it starts unpowered (IDLE once in a field)."""
        self.uid = uid
        self.state = TagState.IDLE
        self._halted = False  # woken from HALT: errors send it back there
        self._level = 1  # cascade level of the anticollision in READY

    @property
    def ats(self) -> bytes | None:
        """Return the ATS (length byte first) of an ISO 14443-4 tag, else None."""
        return None

    def placed(self, rng: random.Random) -> None:  # noqa: B027 - an optional hook
        """Prepare for entering the field; the base tag has nothing to do."""

    def reset_session(self) -> None:
        """Power up again: IDLE, and forget per-activation state (authentication)."""
        self.state = TagState.IDLE
        self._halted = False
        self._level = 1

    def select(self) -> None:
        """Be selected the way the PN532's InListPassiveTarget does it (WUPA first)."""
        self.reset_session()
        self.state = TagState.ACTIVE

    def halt(self) -> None:
        """Go to HALT (HLTA, or the end of an ISO/IEC 14443-4 session)."""
        self.reset_session()
        self.state = TagState.HALT

    def rats(self) -> bytes | None:
        """Take the RATS the PN532 sends on its own; return the ATS, or None."""
        return None

    # --- the air interface -----------------------------------------------------

    def short_frame(self, code: int) -> Reply:
        """Answer a 7-bit short frame: REQA or WUPA."""
        if code == REQA and self.state is TagState.IDLE:
            return self._wake(halted=False)
        if code == WUPA and self.state in (TagState.IDLE, TagState.HALT):
            return self._wake(halted=self.state is TagState.HALT)
        if self.state not in (TagState.IDLE, TagState.HALT):
            self._error()
        return None

    def frame(self, data: bytes, *, crc: bool = True) -> Reply:  # noqa: PLR0911 - per state
        """Answer a standard frame (its CRC checked and removed).

        ``crc=False``: the frame came without a valid CRC, which only an
        anticollision frame (``93 20``) may do.
        """
        if not data:
            return None
        if self.state is TagState.READY:
            if not crc and (len(data) < 2 or data[1] == _NVB_SELECT):  # noqa: PLR2004
                return None  # a SELECT needs its CRC
            return self._anticollision(data)
        if not crc:
            return None
        if self.state is TagState.ACTIVE and data == _HLTA:
            self.halt()
            return None
        if self.state in (TagState.ACTIVE, TagState.PROTOCOL):
            return self.command(data)
        return None

    def exchange(self, data: bytes) -> TagReply:
        """Answer what the PN532 firmware forwards in InDataExchange."""
        if not data or self.state not in (TagState.ACTIVE, TagState.PROTOCOL):
            return STATUS_TIMEOUT, b""
        reply = self.command(data)
        if reply is None:
            return STATUS_TIMEOUT, b""
        if isinstance(reply, Nibble):
            return (STATUS_OK, b"") if reply.ack else (STATUS_NAK, b"")
        return STATUS_OK, reply.data

    @abstractmethod
    def command(self, data: bytes) -> Reply:
        """Answer one command in ACTIVE state (frame without CRC)."""

    def _error(self) -> None:
        """Fall back to IDLE, or HALT when woken from there (ISO/IEC 14443-3)."""
        halted = self._halted
        self.reset_session()
        if halted:
            self.state = TagState.HALT

    def _nak(self, nak: Nibble = NAK) -> Nibble:
        self._error()
        return nak

    def _wake(self, *, halted: bool) -> Reply:
        self.state = TagState.READY
        self._halted = halted
        self._level = 1
        return Answer(self.sens_res[::-1], crc=False)

    def _cascade_part(self, level: int) -> bytes:
        """Return the four UID bytes of ``level`` (with a cascade tag if needed)."""
        uid = self.uid
        if len(uid) == 4:  # noqa: PLR2004 - single-size UID
            return uid
        if level == 1:
            return bytes([_CASCADE_TAG, *uid[0:3]])
        if len(uid) == 7:  # noqa: PLR2004 - double-size UID
            return uid[3:7]
        return bytes([_CASCADE_TAG, *uid[3:6]]) if level == 2 else uid[6:10]  # noqa: PLR2004

    def _anticollision(self, data: bytes) -> Reply:
        levels = {_SEL_CL1: 1, _SEL_CL2: 2, _SEL_CL3: 3}
        level = levels.get(data[0])
        if level != self._level or len(data) < 2:  # noqa: PLR2004
            self._error()
            return None
        part = self._cascade_part(level)
        if data[1] == _NVB_ANTICOLLISION and len(data) == 2:  # noqa: PLR2004
            return Answer(part + bytes([_bcc(part)]), crc=False)
        if data[1] == _NVB_SELECT and data[2:] == part + bytes([_bcc(part)]):
            if part[0] == _CASCADE_TAG and len(self.uid) > 4 * level:
                self._level += 1
                return Answer(bytes([_SAK_CASCADE]))
            self.state = TagState.ACTIVE
            return Answer(bytes([self.sel_res]))
        self._error()
        return None

    def __repr__(self) -> str:
        """Return the kind and UID, for logs and test output."""
        return f"<{type(self).__name__} {self.kind} {self.uid.hex().upper()}>"


class Type2Tag(VirtualTag):
    """An NFC Forum type 2 tag: NTAG213/215/216, MIFARE Ultralight or Ultralight C."""

    sens_res = b"\x00\x44"
    sel_res = 0x00

    def __init__(
        self,
        *,
        kind: str,
        uid: bytes,
        pages: int,
        cc_size: int,
        version: bytes | None,
        config_pages: tuple[bytes, ...] = (),
        hidden_pages: int = 0,
        message: bytes | None = None,
    ) -> None:
        """Lay out the memory: UID pages, CC, an NDEF TLV, then configuration pages.

        ``hidden_pages`` are the last pages (PWD, PACK or a key), which always read
        as zeros. ``version`` is the GET_VERSION answer; None: the tag does not know
        the command (it NAKs it).
        """
        if len(uid) != 7:  # noqa: PLR2004 - type 2 tags have double-size UIDs
            msg = f"a {kind} UID has 7 bytes, not {len(uid)}"
            raise ValueError(msg)
        super().__init__(uid)
        self.kind = kind
        self.pages = pages
        self.version = version
        self._readable_pages = pages - hidden_pages
        memory = bytearray(pages * PAGE_SIZE)
        memory[0:4] = bytes([*uid[0:3], _CASCADE_TAG ^ _bcc(uid[0:3])])
        memory[4:8] = uid[3:7]
        memory[8:12] = bytes([_bcc(uid[3:7]), 0x48, 0x00, 0x00])
        memory[12:16] = bytes([0xE1, 0x10, cc_size, 0x00])
        tlv = wrap_tlv(message or b"")  # a blank tag: an empty NDEF TLV
        capacity = cc_size * 8
        if len(tlv) > capacity:
            msg = f"the NDEF message needs {len(tlv)} bytes; a {kind} holds {capacity}"
            raise ValueError(msg)
        memory[16 : 16 + len(tlv)] = tlv
        config_start = (pages - len(config_pages)) * PAGE_SIZE
        for index, page in enumerate(config_pages):
            offset = config_start + index * PAGE_SIZE
            memory[offset : offset + PAGE_SIZE] = page
        self.memory = memory
        self._compatibility_page: int | None = None  # COMPATIBILITY_WRITE, 2nd part

    @override
    def reset_session(self) -> None:
        super().reset_session()
        self._compatibility_page = None

    def read_page(self, page: int) -> bytes:
        """Return one page as a READ would show it (hidden pages read as zeros)."""
        if page >= self._readable_pages:
            return bytes(PAGE_SIZE)
        return bytes(self.memory[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])

    @override
    def command(self, data: bytes) -> Reply:
        page, self._compatibility_page = self._compatibility_page, None
        if page is not None:
            # COMPATIBILITY_WRITE's second frame: 16 bytes, of which 4 are written.
            return (
                self._write(page, data[:PAGE_SIZE])
                if len(data) == READ_SIZE
                else self._nak()
            )
        command, arguments = data[0], data[1:]
        if command == _READ and len(arguments) == 1:
            return self._read(arguments[0])
        if command == _WRITE and len(arguments) == 1 + PAGE_SIZE:
            return self._write(arguments[0], arguments[1:])
        if command == _COMPATIBILITY_WRITE and len(arguments) == 1:
            return self._start_compatibility_write(arguments[0])
        if command == _GET_VERSION and not arguments and self.version is not None:
            return Answer(self.version)
        return self._nak()  # a command it does not know

    def _start_compatibility_write(self, page: int) -> Reply:
        if not 2 <= page < self.pages:  # noqa: PLR2004 - pages 0 and 1: the UID
            return self._nak()
        self._compatibility_page = page
        return ACK

    def _read(self, page: int) -> Reply:
        if page >= self.pages:
            return self._nak()
        # Four pages from ``page``, rolling over to page 0 past the end of memory.
        return Answer(
            b"".join(
                self.read_page((page + i) % self.pages) for i in range(READ_SIZE // 4)
            )
        )

    def _write(self, page: int, content: bytes) -> Reply:
        if page < 2 or page >= self.pages:  # noqa: PLR2004 - pages 0 and 1: the UID
            return self._nak()
        offset = page * PAGE_SIZE
        if page == 2:  # noqa: PLR2004 - only the lock bytes; they can only be set
            self.memory[offset + 2] |= content[2]
            self.memory[offset + 3] |= content[3]
        elif page == 3:  # noqa: PLR2004 - the capability container is one-time programmable
            for i in range(PAGE_SIZE):
                self.memory[offset + i] |= content[i]
        else:
            # Lock bits are kept but not enforced: the emulator's tags stay writable.
            self.memory[offset : offset + PAGE_SIZE] = content
        return ACK


#: The last five NTAG21x pages: dynamic lock bytes, CFG0, CFG1, PWD, PACK.
_NTAG_CONFIG: Final = (
    bytes.fromhex("000000BD"),  # dynamic lock bytes, RFUI
    bytes.fromhex("040000FF"),  # CFG0: MIRROR, RFUI, MIRROR_PAGE, AUTH0
    bytes.fromhex("00050000"),  # CFG1: ACCESS, RFUI…
    bytes.fromhex("FFFFFFFF"),  # PWD (reads as zeros)
    bytes.fromhex("00000000"),  # PACK, RFUI (reads as zeros)
)
_PROT: Final = 0x80  # ACCESS: the password protects reads too
_NFC_CNT_EN: Final = 0x10  # ACCESS: the NFC counter counts
_AUTHLIM: Final = 0x07  # ACCESS: allowed failed PWD_AUTH attempts (0: unlimited)


class NtagTag(Type2Tag):
    """An NTAG213/215/216 with the commands of the NTAG21x datasheet."""

    def __init__(
        self,
        *,
        kind: str,
        uid: bytes,
        pages: int,
        cc_size: int,
        storage: int,
        message: bytes | None = None,
    ) -> None:
        """Lay out the memory with the configuration pages at the end."""
        super().__init__(
            kind=kind,
            uid=uid,
            pages=pages,
            cc_size=cc_size,
            version=bytes([0x00, 0x04, 0x04, 0x02, 0x01, 0x00, storage, 0x03]),
            config_pages=_NTAG_CONFIG,
            hidden_pages=2,
            message=message,
        )
        self.nfc_counter = 0
        self.failed_authentications = 0
        self._authenticated = False
        self._counted = False  # the counter counts the first read of a session
        # A stand-in for NXP's originality signature: not verifiable with NXP's key.
        self.signature = hashlib.sha256(b"NXP originality " + uid).digest()

    @property
    def _cfg0(self) -> int:
        return (self.pages - 4) * PAGE_SIZE

    @property
    def auth0(self) -> int:
        """Return AUTH0: the first page the password protects."""
        return self.memory[self._cfg0 + 3]

    @property
    def access(self) -> int:
        """Return the ACCESS byte of CFG1."""
        return self.memory[self._cfg0 + PAGE_SIZE]

    @property
    def password(self) -> bytes:
        """Return PWD."""
        offset = (self.pages - 2) * PAGE_SIZE
        return bytes(self.memory[offset : offset + PAGE_SIZE])

    @property
    def pack(self) -> bytes:
        """Return PACK, what PWD_AUTH answers."""
        offset = (self.pages - 1) * PAGE_SIZE
        return bytes(self.memory[offset : offset + 2])

    @override
    def reset_session(self) -> None:
        super().reset_session()
        self._authenticated = False
        self._counted = False

    @override
    def command(self, data: bytes) -> Reply:  # noqa: PLR0911 - one per command
        command, arguments = data[0], data[1:]
        if command == _FAST_READ and len(arguments) == 2:  # noqa: PLR2004
            return self._fast_read(arguments[0], arguments[1])
        if command == _READ_CNT and len(arguments) == 1:
            return self._read_cnt(arguments[0])
        if command == _READ_SIG and len(arguments) == 1:
            return Answer(self.signature) if arguments[0] == 0 else self._nak()
        if command == _PWD_AUTH and len(arguments) == PAGE_SIZE:
            return self._pwd_auth(arguments)
        if command == _READ and len(arguments) == 1:
            if self._protected(arguments[0], reading=True):
                return self._nak()
            self._count()
        if (
            command in (_WRITE, _COMPATIBILITY_WRITE)
            and arguments
            and self._protected(arguments[0], reading=False)
        ):
            return self._nak()
        return super().command(data)

    @override
    def read_page(self, page: int) -> bytes:
        if self._protected(page, reading=True):
            return bytes(PAGE_SIZE)  # a READ rolling into protected pages
        return super().read_page(page)

    def _protected(self, page: int, *, reading: bool) -> bool:
        if self._authenticated or page < self.auth0:
            return False
        return not reading or bool(self.access & _PROT)

    def _count(self) -> None:
        if self.access & _NFC_CNT_EN and not self._counted:
            self._counted = True
            self.nfc_counter = min(self.nfc_counter + 1, 0xFFFFFF)

    def _fast_read(self, start: int, end: int) -> Reply:
        if not start <= end < self.pages or self._protected(end, reading=True):
            return self._nak()
        answer = b"".join(self.read_page(page) for page in range(start, end + 1))
        if len(answer) > _MAX_ANSWER:
            return self._nak()
        self._count()
        return Answer(answer)

    def _read_cnt(self, address: int) -> Reply:
        if address != _NFC_COUNTER or not self.access & _NFC_CNT_EN:
            return self._nak()
        return Answer(self.nfc_counter.to_bytes(3, "little"))

    def _pwd_auth(self, password: bytes) -> Reply:
        limit = self.access & _AUTHLIM
        if limit and self.failed_authentications >= limit:
            return self._nak(NAK_COUNTER)
        if password != self.password:
            self.failed_authentications += 1
            return self._nak()
        self.failed_authentications = 0
        self._authenticated = True
        return Answer(self.pack)


_NTAG: Final = {
    # kind: (pages, CC size byte, GET_VERSION storage byte)
    "ntag213": (45, 0x12, 0x0F),
    "ntag215": (135, 0x3E, 0x11),
    "ntag216": (231, 0x6D, 0x13),
}


def ntag(kind: str, uid: bytes, message: bytes | None = None) -> NtagTag:
    """Return an NTAG213, NTAG215 or NTAG216 holding ``message`` (an NDEF message)."""
    pages, cc_size, storage = _NTAG[kind]
    return NtagTag(
        kind=kind,
        uid=uid,
        pages=pages,
        cc_size=cc_size,
        storage=storage,
        message=message,
    )


def ultralight(uid: bytes, message: bytes | None = None) -> Type2Tag:
    """Return a MIFARE Ultralight (16 pages, 48 bytes of user memory).

    It knows READ and WRITE only: GET_VERSION, FAST_READ and the rest get a NAK.
    """
    return Type2Tag(
        kind="ultralight",
        uid=uid,
        pages=16,
        cc_size=0x06,
        version=None,
        message=message,
    )


class UltralightCTag(Type2Tag):
    """A MIFARE Ultralight C: 144 bytes of user memory, READ, WRITE and AUTHENTICATE.

    Formatted for NDEF its capability container says 144 bytes, as an NTAG213's does,
    but it knows neither GET_VERSION nor FAST_READ. AUTHENTICATE answers its first
    step (``AF`` and an encrypted random number); the 3DES second step is not
    emulated (it gets a NAK).
    """

    def __init__(self, uid: bytes, message: bytes | None = None) -> None:
        """Lay out 48 pages; the last four (the 3DES key) never read back."""
        super().__init__(
            kind="ultralightc",
            uid=uid,
            pages=48,
            cc_size=0x12,
            version=None,
            hidden_pages=4,
            message=message,
        )
        self._rng = random.Random(uid)  # noqa: S311 - a nonce stand-in, not a secret

    @override
    def command(self, data: bytes) -> Reply:
        if data[0] == _AUTHENTICATE and data[1:] == b"\x00":
            return Answer(b"\xaf" + self._rng.randbytes(8))
        if data[0] == _READ and len(data) == 2 and data[1] >= 0x2C:  # noqa: PLR2004
            return self._nak()  # the key pages: out of READ's range
        return super().command(data)


def ultralight_c(uid: bytes, message: bytes | None = None) -> UltralightCTag:
    """Return a MIFARE Ultralight C holding ``message``."""
    return UltralightCTag(uid, message)


class ClassicTag(VirtualTag):
    """A MIFARE Classic 1K with factory keys: blocks need authentication first.

    The PN532 runs Crypto1 itself in InDataExchange, so that is where keys count. Raw
    frames (InCommunicateThru) would need Crypto1 on the host: a raw AUTH gets the
    card's nonce, and the encrypted rest of the protocol is not emulated.
    """

    kind = "classic1k"
    sens_res = b"\x00\x04"
    sel_res = 0x08
    BLOCKS: Final = 64
    DEFAULT_KEY: Final = b"\xff" * 6
    _TRAILER: Final = DEFAULT_KEY + bytes.fromhex("FF078069") + DEFAULT_KEY

    def __init__(self, uid: bytes) -> None:
        """Lay out the manufacturer block and 16 sector trailers with factory keys."""
        if len(uid) != 4:  # noqa: PLR2004 - single-size UID
            msg = f"a classic1k UID has 4 bytes, not {len(uid)}"
            raise ValueError(msg)
        super().__init__(uid)
        self.blocks = [bytearray(16) for _ in range(self.BLOCKS)]
        self.blocks[0][:] = (
            uid + bytes([_bcc(uid), self.sel_res, 0x04, 0x00]) + b"bcdefghi"
        )
        for trailer in range(3, self.BLOCKS, 4):
            self.blocks[trailer][:] = self._TRAILER
        self._authenticated: int | None = None  # the sector

    @override
    def reset_session(self) -> None:
        super().reset_session()
        self._authenticated = None

    @override
    def exchange(self, data: bytes) -> TagReply:
        if (
            data
            and data[0] in (_AUTH_A, _AUTH_B)
            and len(data) == 12  # noqa: PLR2004 - block, 6-byte key, 4-byte UID
            and self.state is TagState.ACTIVE
        ):
            return self._authenticate(data[0], data[1], data[2:8], data[8:12])
        return super().exchange(data)

    @override
    def command(self, data: bytes) -> Reply:
        command, arguments = data[0], data[1:]
        if command in (_AUTH_A, _AUTH_B) and len(arguments) == 1:
            # The card's nonce; the host would go on with Crypto1 (not emulated).
            self._error()
            return Answer(bytes(4), crc=False)
        if command == _READ and len(arguments) == 1 and self._may_access(arguments[0]):
            block = self.blocks[arguments[0]]
            if arguments[0] % 4 == 3:  # noqa: PLR2004 - key A never reads back
                return Answer(bytes(6) + block[6:])
            return Answer(bytes(block))
        if (
            command == _CLASSIC_WRITE
            and len(arguments) == 17  # noqa: PLR2004
            and arguments[0] != 0  # the manufacturer block is read-only
            and self._may_access(arguments[0])
        ):
            self.blocks[arguments[0]][:] = arguments[1:]
            return ACK
        # A NAK; the card then halts, losing its authentication: select it again.
        return self._nak(Nibble(0x04))

    def _authenticate(self, auth: int, block: int, key: bytes, uid: bytes) -> TagReply:
        self._authenticated = None
        if block >= self.BLOCKS or uid != self.uid:
            self._error()
            return STATUS_NAK, b""
        trailer = self.blocks[block | 3]
        expected = trailer[0:6] if auth == _AUTH_A else trailer[10:16]
        if key != expected:
            self._error()  # a failed authentication halts the card
            return STATUS_NAK, b""
        self._authenticated = block // 4
        return STATUS_OK, b""

    def _may_access(self, block: int) -> bool:
        return block < self.BLOCKS and self._authenticated == block // 4


# ISO/IEC 14443-4 blocks (PCB values) and ISO 7816-4 answers.
_RATS: Final = 0xE0
_I_BLOCK: Final = 0x02
_R_BLOCK: Final = 0xA2
_NAK_BIT: Final = 0x10
_CHAINING: Final = 0x10
_CID_FOLLOWS: Final = 0x08
_NAD_FOLLOWS: Final = 0x04
_S_DESELECT: Final = 0xC2
_BLOCK_NUMBER: Final = 0x01
SW_OK: Final = b"\x90\x00"
SW_WRONG_LENGTH: Final = b"\x67\x00"
SW_NOT_FOUND: Final = b"\x6a\x82"
SW_NO_CURRENT_FILE: Final = b"\x69\x86"
SW_WRONG_OFFSET: Final = b"\x6b\x00"
SW_UNKNOWN_INSTRUCTION: Final = b"\x6d\x00"
SW_SECURITY: Final = b"\x69\x82"
#: The NFC Forum type 4 tag application (mapping version 2).
NDEF_AID: Final = bytes.fromhex("D2760000850101")
_CC_FILE: Final = b"\xe1\x03"
_NDEF_FILE: Final = b"\xe1\x04"
_NDEF_FILE_SIZE: Final = 0x0400
_SELECT: Final = 0xA4
_READ_BINARY: Final = 0xB0
_UPDATE_BINARY: Final = 0xD6
_SELECT_BY_NAME: Final = 0x04


class PhoneTag(VirtualTag):
    """A phone emulating an ISO 14443-4 card: a new random UID each time it is placed.

    With an NDEF ``message`` it answers as an NFC Forum type 4 tag (as Android's host
    card emulation apps do): the NDEF application, its capability container and a
    read-only NDEF file. Without one, no application answers a SELECT.
    """

    kind = "phone"
    sens_res = b"\x00\x04"
    sel_res = 0x20
    #: TL T0 TA TB TC, as Android host card emulation commonly answers.
    ATS: Final = bytes.fromhex("0578807002")

    def __init__(self, uid: bytes | None = None, message: bytes | None = None) -> None:
        """Use a fixed 4-byte ``uid``, or (None) a random one on every placement."""
        if uid is not None and len(uid) != 4:  # noqa: PLR2004
            msg = f"a phone UID has 4 bytes, not {len(uid)}"
            raise ValueError(msg)
        super().__init__(uid or bytes([0x08, 0, 0, 0]))
        self.fixed_uid = uid
        self.message = message
        self._block = 1  # the PICC's block number: the PCD's first I-block is 0
        self._last_block: bytes | None = None
        self._chained = b""
        self._application = False
        self._file: bytes | None = None

    @property
    @override
    def ats(self) -> bytes:
        return self.ATS

    @override
    def placed(self, rng: random.Random) -> None:
        if self.fixed_uid is None:
            # Random UIDs start with 08 (ISO/IEC 14443-3).
            self.uid = bytes([0x08, *rng.randbytes(3)])

    @override
    def reset_session(self) -> None:
        super().reset_session()
        self._block = 1
        self._last_block = None
        self._chained = b""
        self._application = False
        self._file = None

    @override
    def rats(self) -> bytes:
        self.state = TagState.PROTOCOL
        return self.ATS

    @override
    def exchange(self, data: bytes) -> TagReply:
        if self.state is TagState.PROTOCOL and data:
            # The PN532 runs ISO-DEP itself: ``data`` is an APDU.
            return STATUS_OK, self.apdu(data)
        return super().exchange(data)

    @override
    def command(self, data: bytes) -> Reply:
        if self.state is TagState.ACTIVE:
            if data[0] == _RATS and len(data) == 2:  # noqa: PLR2004
                return Answer(self.rats())
            self._error()  # anything but RATS: back to IDLE, silently
            return None
        return self._block_frame(data)

    def _block_frame(self, data: bytes) -> Reply:  # noqa: PLR0911 - one per block
        pcb = data[0]
        header = 1 + bool(pcb & _CID_FOLLOWS) + bool(pcb & _NAD_FOLLOWS)
        # Blocks go back with the CID the PCD used (no NAD: the PICC sends none).
        cid = data[1:2] if pcb & _CID_FOLLOWS else b""
        with_cid = _CID_FOLLOWS if cid else 0
        if pcb & 0xE2 == _I_BLOCK:
            self._block = pcb & _BLOCK_NUMBER
            self._chained += data[header:]
            if pcb & _CHAINING:
                return self._send_block(
                    bytes([_R_BLOCK | with_cid | self._block]) + cid
                )
            apdu, self._chained = self._chained, b""
            block = bytes([_I_BLOCK | with_cid | self._block]) + cid
            return self._send_block(block + self.apdu(apdu))
        if pcb & 0xE6 == _R_BLOCK:
            if pcb & _BLOCK_NUMBER == self._block and self._last_block is not None:
                return Answer(self._last_block)  # the PCD missed it: once more
            if pcb & _NAK_BIT:
                # Presence check: a NAK with another block number gets an ACK.
                return Answer(bytes([_R_BLOCK | with_cid | self._block]) + cid)
            return None
        if pcb & 0xF7 == _S_DESELECT:
            self.halt()
            return Answer(data[:header])
        return None

    def _send_block(self, block: bytes) -> Answer:
        self._last_block = block
        return Answer(block)

    def apdu(self, apdu: bytes) -> bytes:
        """Answer one command APDU (ISO 7816-4) with its response APDU."""
        if len(apdu) < 4:  # noqa: PLR2004 - CLA INS P1 P2
            return SW_WRONG_LENGTH
        instruction, p1, p2, body = apdu[1], apdu[2], apdu[3], apdu[4:]
        if instruction == _SELECT:
            return self._select(p1, body)
        if instruction == _READ_BINARY:
            return self._read_binary((p1 << 8) | p2, (body[0] if body else 0) or 256)
        if instruction == _UPDATE_BINARY:
            # The NDEF file is read-only (its CC says so): no writing.
            return SW_SECURITY if self._file is not None else SW_NO_CURRENT_FILE
        return SW_UNKNOWN_INSTRUCTION

    def _select(self, p1: int, body: bytes) -> bytes:
        if not body or len(body) < 1 + body[0]:
            return SW_WRONG_LENGTH
        name = body[1 : 1 + body[0]]
        if p1 == _SELECT_BY_NAME:
            self._application = self.message is not None and name == NDEF_AID
            self._file = None
            return SW_OK if self._application else SW_NOT_FOUND
        if self._application and p1 == 0 and name in (_CC_FILE, _NDEF_FILE):
            self._file = name
            return SW_OK
        return SW_NOT_FOUND

    def _read_binary(self, offset: int, length: int) -> bytes:
        if self._file is None or self.message is None:
            return SW_NO_CURRENT_FILE
        if self._file == _CC_FILE:
            content = bytes.fromhex("000F 20 003B 0034 04 06 E104") + bytes(
                [_NDEF_FILE_SIZE >> 8, _NDEF_FILE_SIZE & 0xFF, 0x00, 0xFF]
            )
        else:
            content = len(self.message).to_bytes(2) + self.message
        if offset > len(content):
            return SW_WRONG_OFFSET
        return content[offset : offset + length] + SW_OK


TAG_KINDS: Final = ("ntag213", "ntag215", "ntag216", "ultralight", "classic1k", "phone")


def parse_tag_spec(spec: str) -> VirtualTag:
    """Build a tag from ``TYPE:UIDHEX[:uri=URL|:text=TEXT]``.

    TYPE is one of ``ntag213 ntag215 ntag216 ultralight classic1k phone``; the UID is
    optional for a phone (random on every placement then). Raise ValueError with a
    message saying what is wrong.
    """
    kind, _, rest = spec.strip().partition(":")
    kind = kind.lower()
    if kind not in TAG_KINDS:
        msg = f"unknown tag type {kind!r}; use one of {', '.join(TAG_KINDS)}"
        raise ValueError(msg)
    if rest.startswith(("uri=", "text=")):
        uid_hex, content = "", rest
    else:
        uid_hex, _, content = rest.partition(":")
    uid = _parse_uid(uid_hex)
    message = _parse_content(content) if content else None
    return make_tag(kind, uid or b"", message)


class TagSpecError(ValueError):
    """A tag cannot be made as asked; the subclasses say why."""


class UidSizeError(TagSpecError):
    """The UID's length is not one the tag type has."""

    def __init__(self, kind: str, uid: bytes, sizes: tuple[int, ...]) -> None:
        """Keep the kind, the UID and the sizes the kind takes (in bytes)."""
        lengths = " or ".join(str(size) for size in sizes)
        super().__init__(f"a {kind} UID has {lengths} bytes, not {len(uid)}")
        self.kind = kind
        self.uid = uid
        self.sizes = sizes


class ContentNotSupported(TagSpecError):
    """The tag type cannot carry an NDEF message in the emulator."""

    def __init__(self, kind: str) -> None:
        """Keep the kind."""
        super().__init__(f"a {kind} tag cannot carry NDEF content in the emulator")
        self.kind = kind


class ContentTooLarge(TagSpecError):
    """The NDEF message does not fit into the tag type's memory."""

    def __init__(self, kind: str, size: int, capacity: int) -> None:
        """Keep the kind, the bytes the message needs and the bytes the tag holds."""
        super().__init__(
            f"the NDEF message needs {size} bytes; a {kind} holds {capacity}"
        )
        self.kind = kind
        self.size = size
        self.capacity = capacity


#: The UID sizes (bytes) each kind of tag is made with.
UID_SIZES: Final = {
    "ntag213": (7,),
    "ntag215": (7,),
    "ntag216": (7,),
    "ultralight": (7,),
    "classic1k": (4,),
    "phone": (4,),
}


def make_tag(kind: str, uid: bytes, message: bytes | None = None) -> VirtualTag:
    """Build a tag of ``kind`` (one of :data:`TAG_KINDS`) holding an NDEF ``message``.

    An empty ``uid`` is allowed for a phone only (random on every placement). Raise
    UidSizeError, ContentNotSupported or ContentTooLarge when the UID or the content
    does not fit the kind, and ValueError for a kind that does not exist.
    """
    if kind not in TAG_KINDS:
        msg = f"unknown tag type {kind!r}; use one of {', '.join(TAG_KINDS)}"
        raise ValueError(msg)
    if not uid and kind != "phone":
        msg = f"a {kind} tag needs a UID: {kind}:UIDHEX"
        raise ValueError(msg)
    if uid and len(uid) not in UID_SIZES[kind]:
        raise UidSizeError(kind, uid, UID_SIZES[kind])
    if kind in ("phone", "classic1k"):
        if message is not None:
            raise ContentNotSupported(kind)
        return PhoneTag(uid or None) if kind == "phone" else ClassicTag(uid)
    build = ultralight if kind == "ultralight" else partial(ntag, kind)
    if message is None:
        return build(uid)
    # The capability container's size byte counts the data area in 8-byte units.
    capacity = build(uid).memory[3 * PAGE_SIZE + 2] * 8
    if (size := _tlv_size(message)) > capacity:
        raise ContentTooLarge(kind, size, capacity)
    return build(uid, message)


def _tlv_size(message: bytes) -> int:
    """Return the bytes an NDEF TLV and terminator around ``message`` take."""
    length_field = 1 if len(message) < 0xFF else 3  # noqa: PLR2004 - see wrap_tlv
    return 1 + length_field + len(message) + 1


def _parse_uid(text: str) -> bytes | None:
    text = text.replace("-", "").replace(" ", "")
    if not text:
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        msg = f"the UID {text!r} is not hexadecimal"
        raise ValueError(msg) from None


def _parse_content(content: str) -> bytes:
    key, sep, value = content.partition("=")
    if not sep or key not in ("uri", "text"):
        msg = f"unknown tag content {content!r}; use uri=URL or text=TEXT"
        raise ValueError(msg)
    if not value:
        msg = f"the {key} is empty"
        raise ValueError(msg)
    return encode_message(uri=value) if key == "uri" else encode_message(text=value)
