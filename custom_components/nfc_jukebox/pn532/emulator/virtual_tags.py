"""Virtual tags for the emulated PN532: NTAG21x, Ultralight, MIFARE Classic, a phone.

A tag answers what the PN532 forwards to it in ``InDataExchange`` with the PN532's
status byte and the tag's answer, so it already speaks in the chip's terms. NDEF
content is laid out with the library's own ``ndef`` module; that the bytes are
right is checked independently (by pn532pi and ndeflib in the conformance tests).
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from functools import partial, reduce
from operator import xor
from typing import Final, override

from ..ndef import encode_message, wrap_tlv  # noqa: TID252

STATUS_OK: Final = 0x00
STATUS_TIMEOUT: Final = 0x01
#: What the PN532 reports when a MIFARE-family tag answers with a 4-bit NAK. The
#: manual names 0x14 "MIFARE authentication error"; that the chip reports a type 2
#: tag's NAK (page out of range) the same way is *unconfirmed*.
STATUS_NAK: Final = 0x14

PAGE_SIZE: Final = 4
READ_SIZE: Final = 16
_CASCADE_TAG: Final = 0x88

# Type 2 tag commands.
_READ: Final = 0x30
_WRITE: Final = 0xA2
_FAST_READ: Final = 0x3A
_GET_VERSION: Final = 0x60
# MIFARE Classic commands, as the PN532 takes them (it runs Crypto1 itself).
_AUTH_A: Final = 0x60
_AUTH_B: Final = 0x61
_CLASSIC_WRITE: Final = 0xA0

#: The largest answer that still fits one PN532 response frame (D5 41 Status …).
_MAX_ANSWER: Final = 262


type TagReply = tuple[int, bytes]
"""The PN532 status byte and the tag's answer bytes."""


def _bcc(data: bytes) -> int:
    return reduce(xor, data, 0)


class VirtualTag(ABC):
    """A tag that can sit in the emulated reader's field."""

    #: The kind name used in tag specs (``ntag215``, ``phone``…).
    kind: str
    #: ATQA as the PN532 reports it, e.g. ``00 44``.
    sens_res: bytes
    #: SAK; bit 0x20 means ISO 14443-4, and the PN532 then fetches the ATS.
    sel_res: int

    def __init__(self, uid: bytes) -> None:
        """Give the tag its UID."""
        self.uid = uid

    @property
    def ats(self) -> bytes | None:
        """Return the ATS (length byte first) of an ISO 14443-4 tag, else None."""
        return None

    def placed(self, rng: random.Random) -> None:  # noqa: B027 - an optional hook
        """Prepare for entering the field; the base tag has nothing to do."""

    def reset_session(self) -> None:  # noqa: B027 - an optional hook
        """Forget per-activation state (authentication); the tag lost power or was halted."""

    @abstractmethod
    def exchange(self, data: bytes) -> TagReply:
        """Answer one command the PN532 forwarded to the tag."""

    def __repr__(self) -> str:
        """Return the kind and UID, for logs and test output."""
        return f"<{type(self).__name__} {self.kind} {self.uid.hex().upper()}>"


class Type2Tag(VirtualTag):
    """An NFC Forum type 2 tag: NTAG213/215/216 or MIFARE Ultralight."""

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

        ``hidden_pages`` are the last pages (PWD, PACK), which always read as zeros.
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

    def read_page(self, page: int) -> bytes:
        """Return one page as a READ would show it (hidden pages read as zeros)."""
        if page >= self._readable_pages:
            return bytes(PAGE_SIZE)
        return bytes(self.memory[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])

    @override
    def exchange(self, data: bytes) -> TagReply:
        command, arguments = data[0], data[1:]
        if command == _READ and len(arguments) == 1:
            return self._read(arguments[0])
        if command == _WRITE and len(arguments) == 1 + PAGE_SIZE:
            return self._write(arguments[0], arguments[1:])
        if command == _FAST_READ and len(arguments) == 2:  # noqa: PLR2004
            return self._fast_read(arguments[0], arguments[1])
        if command == _GET_VERSION and not arguments:
            if self.version is None:
                return STATUS_TIMEOUT, b""  # Ultralight EV0 stays silent
            return STATUS_OK, self.version
        return STATUS_NAK, b""

    def _read(self, page: int) -> TagReply:
        if page >= self.pages:
            return STATUS_NAK, b""
        # Four pages from ``page``, rolling over to page 0 past the end of memory.
        return STATUS_OK, b"".join(
            self.read_page((page + i) % self.pages) for i in range(READ_SIZE // 4)
        )

    def _fast_read(self, start: int, end: int) -> TagReply:
        if not start <= end < self.pages:
            return STATUS_NAK, b""
        answer = b"".join(self.read_page(page) for page in range(start, end + 1))
        if len(answer) > _MAX_ANSWER:
            return STATUS_NAK, b""
        return STATUS_OK, answer

    def _write(self, page: int, content: bytes) -> TagReply:
        if page < 2 or page >= self.pages:  # noqa: PLR2004 - pages 0 and 1: the UID
            return STATUS_NAK, b""
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
        return STATUS_OK, b""


#: The last five NTAG21x pages: dynamic lock bytes, CFG0, CFG1, PWD, PACK.
_NTAG_CONFIG: Final = (
    bytes.fromhex("000000BD"),  # dynamic lock bytes, RFUI
    bytes.fromhex("040000FF"),  # CFG0: MIRROR, RFUI, MIRROR_PAGE, AUTH0
    bytes.fromhex("00050000"),  # CFG1: ACCESS, RFUI…
    bytes.fromhex("FFFFFFFF"),  # PWD (reads as zeros)
    bytes.fromhex("00000000"),  # PACK, RFUI (reads as zeros)
)


_NTAG: Final = {
    # kind: (pages, CC size byte, GET_VERSION storage byte)
    "ntag213": (45, 0x12, 0x0F),
    "ntag215": (135, 0x3E, 0x11),
    "ntag216": (231, 0x6D, 0x13),
}


def ntag(kind: str, uid: bytes, message: bytes | None = None) -> Type2Tag:
    """Return an NTAG213, NTAG215 or NTAG216 holding ``message`` (an NDEF message)."""
    pages, cc_size, storage = _NTAG[kind]
    return Type2Tag(
        kind=kind,
        uid=uid,
        pages=pages,
        cc_size=cc_size,
        version=bytes([0x00, 0x04, 0x04, 0x02, 0x01, 0x00, storage, 0x03]),
        config_pages=_NTAG_CONFIG,
        hidden_pages=2,
        message=message,
    )


def ultralight(uid: bytes, message: bytes | None = None) -> Type2Tag:
    """Return a MIFARE Ultralight (16 pages, 48 bytes of user memory)."""
    return Type2Tag(
        kind="ultralight",
        uid=uid,
        pages=16,
        cc_size=0x06,
        version=None,
        message=message,
    )


class ClassicTag(VirtualTag):
    """A MIFARE Classic 1K with factory keys: blocks need authentication first."""

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
        self._authenticated = None

    @override
    def exchange(self, data: bytes) -> TagReply:
        command, arguments = data[0], data[1:]
        if command in (_AUTH_A, _AUTH_B) and len(arguments) == 11:  # noqa: PLR2004
            # block, 6-byte key, 4-byte UID
            return self._authenticate(
                command, arguments[0], arguments[1:7], arguments[7:11]
            )
        if command == _READ and len(arguments) == 1 and self._may_access(arguments[0]):
            block = self.blocks[arguments[0]]
            if arguments[0] % 4 == 3:  # noqa: PLR2004 - key A never reads back
                return STATUS_OK, bytes(6) + block[6:]
            return STATUS_OK, bytes(block)
        if (
            command == _CLASSIC_WRITE
            and len(arguments) == 17  # noqa: PLR2004
            and arguments[0] != 0  # the manufacturer block is read-only
            and self._may_access(arguments[0])
        ):
            self.blocks[arguments[0]][:] = arguments[1:]
            return STATUS_OK, b""
        # A NAK; a real card then halts, losing its authentication.
        self._authenticated = None
        return STATUS_NAK, b""

    def _authenticate(self, auth: int, block: int, key: bytes, uid: bytes) -> TagReply:
        self._authenticated = None
        if block >= self.BLOCKS or uid != self.uid:
            return STATUS_NAK, b""
        trailer = self.blocks[block | 3]
        expected = trailer[0:6] if auth == _AUTH_A else trailer[10:16]
        if key != expected:
            return STATUS_NAK, b""
        self._authenticated = block // 4
        return STATUS_OK, b""

    def _may_access(self, block: int) -> bool:
        return block < self.BLOCKS and self._authenticated == block // 4


class PhoneTag(VirtualTag):
    """A phone emulating an ISO 14443-4 card: a new random UID each time it is placed."""

    kind = "phone"
    sens_res = b"\x00\x04"
    sel_res = 0x20
    #: TL T0 TA TB TC, as Android host card emulation commonly answers.
    ATS: Final = bytes.fromhex("0578807002")

    def __init__(self, uid: bytes | None = None) -> None:
        """Use a fixed 4-byte ``uid``, or (None) a random one on every placement."""
        if uid is not None and len(uid) != 4:  # noqa: PLR2004
            msg = f"a phone UID has 4 bytes, not {len(uid)}"
            raise ValueError(msg)
        super().__init__(uid or bytes([0x08, 0, 0, 0]))
        self.fixed_uid = uid

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
    def exchange(self, data: bytes) -> TagReply:
        if len(data) < 4:  # noqa: PLR2004 - CLA INS P1 P2
            return STATUS_OK, b"\x67\x00"  # wrong length
        if data[1] == 0xA4:  # noqa: PLR2004 - SELECT: no application answers
            return STATUS_OK, b"\x6a\x82"
        return STATUS_OK, b"\x6d\x00"  # instruction not supported


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
