"""A USB reader that types a chip's number like a keyboard, read through evdev.

The reader takes its input device for itself (EVIOCGRAB: the digits reach no
console and no other program), turns the keys it types into the chip's UID as
it prints it, and opens the device again by its /dev/input/by-id name after an
unplug. It cannot see a chip leave: a second scan lifts it (ScanningReader).
evdev is imported only when such a reader opens its device.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError

from ..chips.model import is_valid_uid, normalise_uid
from ..const import DOMAIN, LOGGER, REPAIR_AFTER_FAILED_ATTEMPTS
from ..notices import (
    async_create_input_permission_issue,
    async_create_reader_unreachable_issue,
    async_delete_input_permission_issue,
    async_delete_reader_unreachable_issue,
)
from ..pn532 import (
    Pn532Error,
    ReaderNotFound,
    ReaderPermissionDenied,
    TagInfo,
)
from .base import async_report_scan
from .scanner import tag_from_id
from .scans import ScanningReader

if TYPE_CHECKING:
    from .base import ChipIdentity, VirtualField

#: Where Linux names input devices by what they are; a path there survives a replug.
INPUT_BY_ID_DIR = Path("/dev/input/by-id")
#: The by-id names of keyboards end so, and a reader that types is a keyboard.
KEYBOARD_SUFFIX: Final = "-event-kbd"
#: Words in the names of keyboards that are chip readers (listed first).
_READER_NAME = re.compile(r"rfid|reader|card|nfc|125khz|em4100|08ff", re.IGNORECASE)

# Linux input event codes (linux/input-event-codes.h, a stable kernel interface).
EV_KEY: Final = 1
KEY_DOWN: Final = 1
_CHARACTERS: Final = {
    **{code: str((index + 1) % 10) for index, code in enumerate(range(2, 12))},
    **dict(zip((30, 48, 46, 32, 18, 33), "ABCDEF", strict=True)),
    **dict(zip((82, 79, 80, 81, 75, 76, 77, 71, 72, 73), "0123456789", strict=True)),
}
_ENTER: Final = frozenset({28, 96})  # KEY_ENTER, KEY_KPENTER
#: Shift (for upper-case hex), and separators some readers type between bytes.
_IGNORED: Final = frozenset({42, 54, 12, 39, 57})  # shifts, minus, semicolon, space
#: No UID is longer (10 bytes in hex); a longer line is no chip's number.
MAX_TYPED: Final = 24


class InputEvent(Protocol):
    """One event of an input device, as evdev reports it."""

    type: int
    code: int
    value: int


class InputDevice(Protocol):
    """The part of evdev's InputDevice this reader uses."""

    path: str
    name: str

    def grab(self) -> None:
        """Take the device for this process alone (EVIOCGRAB)."""

    def close(self) -> None:
        """Close the device."""

    def fileno(self) -> int:
        """Return the device's file descriptor."""

    def async_read_loop(self) -> AsyncIterator[InputEvent]:
        """Yield the device's events as they come; raise OSError when it is gone."""


class ReaderInUse(Pn532Error):
    """Another program holds the input device for itself."""


def open_input_device(path: str) -> InputDevice:
    """Open an input device with evdev (blocking)."""
    from evdev import InputDevice as EvdevInputDevice  # noqa: PLC0415 - lazy

    device: InputDevice = EvdevInputDevice(path)
    return device


def open_grabbed(
    path: str, opener: Callable[[str], InputDevice] | None = None
) -> InputDevice:
    """Open the input device at ``path`` and grab it (blocking); raise Pn532Error."""
    try:
        device = (opener or open_input_device)(path)
    except PermissionError as err:
        raise ReaderPermissionDenied(f"{path}: {err.strerror or err}") from err
    except OSError as err:
        raise ReaderNotFound(f"{path}: {err.strerror or err}") from err
    try:
        device.grab()
    except OSError as err:
        device.close()
        msg = f"{path} is held by another program: {err.strerror or err}"
        raise ReaderInUse(msg) from err
    return device


def input_device_error(path: str) -> str | None:
    """Open and grab ``path`` as the reader would, and let go (blocking).

    Return the reader form's error for what went wrong, None if nothing did.
    """
    try:
        device = open_grabbed(path)
    except ReaderPermissionDenied:
        return "input_permission_denied"
    except ReaderInUse:
        return "input_in_use"
    except Pn532Error:
        return "input_not_found"
    device.close()
    return None


@dataclass(frozen=True, kw_only=True, slots=True)
class InputChoice:
    """An input device the reader flow offers."""

    path: str
    label: str
    looks_like_reader: bool


def find_keyboard_readers(directory: Path | None = None) -> list[InputChoice]:
    """List the keyboards under /dev/input/by-id, chip readers first (blocking I/O)."""
    directory = directory or INPUT_BY_ID_DIR
    if not directory.is_dir():
        return []
    choices = [
        InputChoice(
            path=str(link),
            label=f"{link.name} ({os.path.realpath(link)})",
            looks_like_reader=_READER_NAME.search(link.name) is not None,
        )
        for link in sorted(directory.iterdir())
        if link.name.endswith(KEYBOARD_SUFFIX)
    ]
    return sorted(choices, key=lambda choice: not choice.looks_like_reader)


def reader_title(path: str) -> str:
    """Return a USB reader's name from its by-id path, for the reader's title."""
    name = Path(path).name.removesuffix(KEYBOARD_SUFFIX).removeprefix("usb-")
    return name.replace("_", " ").strip() or path


class KeyTyping:
    """Turns the key events a reader types into lines: a chip's number each."""

    def __init__(self) -> None:
        """Start with nothing typed."""
        self._typed: list[str] = []
        self._garbled = False

    def key(self, event: InputEvent) -> str | None:
        """Take one event; return the line that Enter ended, if this was Enter."""
        if event.type != EV_KEY or event.value != KEY_DOWN:
            return None  # releases, repeats, sync and scan-code events
        if event.code in _ENTER:
            line, garbled = "".join(self._typed), self._garbled
            self.clear()
            return None if garbled or not line else line
        if (character := _CHARACTERS.get(event.code)) is not None:
            self._typed.append(character)
            self._garbled = self._garbled or len(self._typed) > MAX_TYPED
        elif event.code not in _IGNORED:
            self._garbled = True  # another key: a keyboard, not a chip's number
        return None

    def clear(self) -> None:
        """Forget a half-typed line (the reader was unplugged while typing)."""
        self._typed.clear()
        self._garbled = False


class KeyboardReader(ScanningReader):
    """A USB reader that types the number of each chip it reads, then Enter."""

    def __init__(
        self,
        hass: HomeAssistant,
        *,
        entry_id: str,
        name: str,
        path: str,
        reconnect_delays: Callable[[], Iterator[float]],
        opener: Callable[[str], InputDevice] | None = None,
    ) -> None:
        """Prepare the reader at the input device ``path``; nothing is opened yet."""
        super().__init__(hass, entry_id=entry_id, name=name)
        self.path = path
        self.device: InputDevice | None = None
        self.last_error: str | None = None
        self._reconnect_delays = reconnect_delays
        self._opener = opener
        self._typing = KeyTyping()

    @property
    def description(self) -> str:
        """Return the input device's path."""
        return self.path

    @property
    def emulator(self) -> VirtualField | None:
        """Return None: a keyboard reader is never simulated."""
        return None

    @property
    def firmware(self) -> ChipIdentity | None:
        """Return None: a keyboard reader tells no firmware."""
        return None

    async def async_write_ndef(self, message: bytes) -> TagInfo:
        """Refuse: a keyboard reader only types the numbers of the chips it reads."""
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="keyboard_cannot_write",
            translation_placeholders={"name": self.name},
        )

    async def async_connect(self) -> None:
        """Open and grab the input device; raise Pn532Error if it cannot be."""
        try:
            device = await self.hass.async_add_executor_job(
                open_grabbed, self.path, self._opener
            )
        except ReaderPermissionDenied as err:
            self.last_error = str(err)
            async_create_input_permission_issue(
                self.hass, self.entry_id, name=self.name, path=self.path
            )
            raise
        async_delete_input_permission_issue(self.hass, self.entry_id)
        self.device = device
        self._typing.clear()
        self._set_available(available=True)

    async def async_run(self) -> None:
        """Read the chips typed until cancelled, opening the device again when lost."""
        try:
            while True:
                if self.device is None:
                    await self._reconnect()
                try:
                    await self._read()
                except OSError as err:
                    self._lost(str(err.strerror or err))
        finally:
            self._close()

    async def _read(self) -> None:
        assert self.device is not None  # noqa: S101 - run() reconnects first
        async for event in self.device.async_read_loop():
            if (line := self._typing.key(event)) is not None:
                self._typed(line)
        self._lost("the device closed")  # evdev ends the loop when it is closed

    def _typed(self, line: str) -> None:
        tag = tag_from_id(line)
        if tag is None or not is_valid_uid(normalise_uid(line)):
            LOGGER.debug("%s: %r is no chip UID", self.name, line)
            return
        self.hass.async_create_task(
            async_report_scan(self.hass, self.entry_id, tag.uid), eager_start=True
        )
        self._scanned(tag)

    def _lost(self, error: str) -> None:
        if self.available:
            LOGGER.info("Lost the USB reader %s: %s", self.name, error)
        self.last_error = error
        self._set_available(available=False)
        self._close()

    def _close(self) -> None:
        device, self.device = self.device, None
        if device is None:
            return
        # As keyboard_remote does: a read that was cancelled leaves its fd watched.
        with contextlib.suppress(OSError, ValueError):
            self.hass.loop.remove_reader(device.fileno())
        try:
            device.close()  # releases the grab too
        except OSError:
            LOGGER.debug("%s: closing %s failed", self.name, self.path)

    async def _reconnect(self) -> None:
        attempt = 0
        for delay in self._reconnect_delays():
            await asyncio.sleep(delay)
            attempt += 1
            try:
                await self.async_connect()
            except Pn532Error as err:
                self.last_error = str(err)
                if attempt == REPAIR_AFTER_FAILED_ATTEMPTS:
                    async_create_reader_unreachable_issue(
                        self.hass,
                        self.entry_id,
                        name=self.name,
                        port=self.path,
                        error=self.last_error,
                    )
                continue
            LOGGER.info("USB reader %s is back", self.name)
            async_delete_reader_unreachable_issue(self.hass, self.entry_id)
            return
