"""A USB reader that types like a keyboard: a fake input device of evdev's shape."""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from evdev import InputEvent, ecodes
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.components.tag import TAG_DATA
from homeassistant.config_entries import (
    SOURCE_USER,
    ConfigEntryState,
    ConfigFlowResult,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_INPUT_DEVICE,
    CONF_MEDIA_PLAYER,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532 import ReaderNotFound
from custom_components.nfc_jukebox.readers import keyboard
from custom_components.nfc_jukebox.readers.keyboard import (
    KeyboardReader,
    KeyTyping,
    open_grabbed,
)
from tests.conftest import KIDS_SPEAKER, WaitUntil
from tests.speaker import Speaker

from .test_scanner import music, speaker_state

READER = (
    "usb-Sycreader_RFID_Technology_Co.__Ltd_SYC_ID_IC_USB_Reader_08FF20140315-event-kbd"
)
#: what a 125 kHz reader types: the chip's number in ten decimal digits (5 bytes)
KEYFOB = "0012345678"
#: what a 13.56 MHz reader types: the UID in hex
CARD = "04A1B2C3D4E5F6"
CONTROL = "0099887766"


class FakeInputDevice:
    """An input device of evdev's shape: it types what it is told, and can be unplugged."""

    def __init__(self, path: str, *, held: bool = False) -> None:
        """Plug in the device at ``path``; ``held``: another program grabbed it."""
        self.path = path
        self.name = "SYC ID&IC USB Reader"
        self.held = held
        self.grabbed = False
        self.closed = False
        self._events: asyncio.Queue[InputEvent | OSError] = asyncio.Queue()
        self._fds = os.pipe()

    def grab(self) -> None:
        """Take the device (EVIOCGRAB), unless another program holds it."""
        if self.held:
            raise OSError(errno.EBUSY, "Device or resource busy")
        self.grabbed = True

    def close(self) -> None:
        """Close the device; its grab goes with it."""
        self.grabbed = False
        if not self.closed:
            for fd in self._fds:
                os.close(fd)
        self.closed = True

    def fileno(self) -> int:
        """Return a file descriptor, as evdev's device has one."""
        return self._fds[0]

    async def async_read_loop(self) -> AsyncIterator[InputEvent | Any]:
        """Yield the events typed; raise OSError once unplugged."""
        while True:
            event = await self._events.get()
            if isinstance(event, OSError):
                raise event
            yield event

    def type(self, text: str) -> None:
        """Type ``text`` and Enter, as a reader does: Shift for capitals, key up after."""
        for character in text:
            key = {"-": "MINUS", " ": "SPACE"}.get(character, character.upper())
            code = ecodes.ecodes[f"KEY_{key}"]
            if character.isupper():
                self._key(ecodes.KEY_LEFTSHIFT, 1)
            self._key(code, 1)
            self._key(code, 0)
            if character.isupper():
                self._key(ecodes.KEY_LEFTSHIFT, 0)
        self._key(ecodes.KEY_ENTER, 1)
        self._key(ecodes.KEY_ENTER, 0)

    def unplug(self) -> None:
        """Pull the reader out: the next read fails as Linux's does."""
        self._events.put_nowait(OSError(errno.ENODEV, "No such device"))

    def _key(self, code: int, value: int) -> None:
        for event in (
            InputEvent(0, 0, ecodes.EV_KEY, code, value),  # type: ignore[no-untyped-call]
            InputEvent(0, 0, ecodes.EV_SYN, ecodes.SYN_REPORT, 0),  # type: ignore[no-untyped-call]
        ):
            self._events.put_nowait(event)


class InputDevices:
    """The machine's /dev/input/by-id: the readers plugged in, and who may read them."""

    def __init__(self, directory: Path) -> None:
        """Start with nothing plugged in under ``directory``."""
        self.directory = directory
        self.plugged: dict[str, FakeInputDevice] = {}
        self.permitted = True

    def plug(self, name: str = READER, *, held: bool = False) -> FakeInputDevice:
        """Plug a reader in; return its device."""
        link = self.directory / name
        if not link.exists():
            target = self.directory.parent / f"event{len(self.plugged) + 3}"
            target.touch()
            link.symlink_to(target)
        device = FakeInputDevice(str(link), held=held)
        self.plugged[str(link)] = device
        return device

    def unplug(self, name: str = READER) -> None:
        """Pull a reader out."""
        self.plugged.pop(str(self.directory / name)).unplug()

    def open(self, path: str) -> FakeInputDevice:
        """Open a device as evdev.InputDevice does: OSErrors for what is wrong."""
        if not self.permitted:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        if path not in self.plugged:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        return self.plugged[path]


@pytest.fixture
def devices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> InputDevices:
    """Return the machine's input devices, in place of /dev/input/by-id and evdev."""
    by_id = tmp_path / "by-id"
    by_id.mkdir()
    devices = InputDevices(by_id)
    monkeypatch.setattr(keyboard, "INPUT_BY_ID_DIR", by_id)
    monkeypatch.setattr(keyboard, "open_input_device", devices.open)
    return devices


def keyboard_entry(path: str) -> MockConfigEntry:
    """Return the config entry of a USB reader at ``path``, with its chips."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Kids' USB reader",
        unique_id=path,
        version=2,
        minor_version=3,
        data={CONF_CONNECTION: Connection.KEYBOARD, CONF_INPUT_DEVICE: path},
        options={CONF_MEDIA_PLAYER: KIDS_SPEAKER},
        subentries_data=[
            music(KEYFOB, "Lullabies", "media-source://lullabies"),
            music(CARD, "Rock", "media-source://rock"),
            {
                "data": {"uid": CONTROL, "action": "volume_up"},
                "subentry_type": "control",
                "title": "Louder",
                "unique_id": CONTROL,
            },
        ],
    )


@pytest.fixture
async def reader(
    hass: HomeAssistant, kids_speaker: Speaker, devices: InputDevices
) -> AsyncIterator[tuple[MockConfigEntry, FakeInputDevice]]:
    """Set up a USB reader that is plugged in; unload it afterwards."""
    device = devices.plug()
    entry = keyboard_entry(device.path)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    yield entry, device
    if entry.state is ConfigEntryState.LOADED:
        await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()


def playing(hass: HomeAssistant, content: str) -> bool:
    """Return whether the kids' speaker plays ``content``."""
    return speaker_state(hass) == (MediaPlayerState.PLAYING, content)


def typed(text: str) -> list[str]:
    """Return the lines KeyTyping makes of ``text`` typed as FakeInputDevice types."""
    device = FakeInputDevice("/dev/null")
    device.type(text)
    typing, lines = KeyTyping(), []
    while not device._events.empty():
        event = device._events.get_nowait()
        assert not isinstance(event, OSError)
        if (line := typing.key(event)) is not None:
            lines.append(line)
    device.close()
    return lines


# Typing chips -----------------------------------------------------------------------


async def test_a_typed_chip_number_plays_the_chip(
    hass: HomeAssistant,
    reader: tuple[MockConfigEntry, FakeInputDevice],
    wait_until: WaitUntil,
) -> None:
    _, device = reader
    assert device.grabbed  # the digits reach no console

    device.type(KEYFOB)

    await wait_until(lambda: playing(hass, "media-source://lullabies"))


async def test_scanning_the_playing_chip_again_pauses_it_and_another_chip_switches(
    hass: HomeAssistant,
    reader: tuple[MockConfigEntry, FakeInputDevice],
    wait_until: WaitUntil,
) -> None:
    _, device = reader
    device.type(KEYFOB)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))

    device.type(KEYFOB)
    await wait_until(lambda: speaker_state(hass)[0] == MediaPlayerState.PAUSED)
    device.type(KEYFOB)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    device.type(CARD.lower())  # some readers type hex in lower case
    await wait_until(lambda: playing(hass, "media-source://rock"))


async def test_a_typed_chip_is_reported_to_settings_tags(
    hass: HomeAssistant,
    reader: tuple[MockConfigEntry, FakeInputDevice],
    wait_until: WaitUntil,
) -> None:
    _, device = reader
    device.type(KEYFOB)

    await wait_until(lambda: hass.data[TAG_DATA].data.get(KEYFOB) is not None)
    assert hass.data[TAG_DATA].data[KEYFOB]["name"] == "Lullabies"


async def test_a_control_chip_acts_on_each_scan_and_the_music_plays_on(
    hass: HomeAssistant,
    reader: tuple[MockConfigEntry, FakeInputDevice],
    kids_speaker: Speaker,
    wait_until: WaitUntil,
) -> None:
    _, device = reader
    device.type(KEYFOB)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))

    device.type(CONTROL)
    await wait_until(lambda: kids_speaker.volume_level == 0.6)
    device.type(CONTROL)
    await wait_until(lambda: kids_speaker.volume_level == 0.7)
    assert playing(hass, "media-source://lullabies")


def test_digits_hex_shift_and_separators_make_the_uid_as_the_reader_prints_it() -> None:
    assert typed("0012345678") == ["0012345678"]
    assert typed("04A1b2C3") == ["04A1B2C3"]
    assert typed("04-a1-b2-c3") == ["04A1B2C3"]
    assert typed("04 A1 B2 C3") == ["04A1B2C3"]
    assert typed("hello") == []  # a keyboard's words are no chip's number
    assert typed("1" * 30) == []  # nor is a key held down


def test_the_key_codes_are_linuxs() -> None:
    for digit in "0123456789":
        assert keyboard._CHARACTERS[ecodes.ecodes[f"KEY_{digit}"]] == digit
        assert keyboard._CHARACTERS[ecodes.ecodes[f"KEY_KP{digit}"]] == digit
    for letter in "ABCDEF":
        assert keyboard._CHARACTERS[ecodes.ecodes[f"KEY_{letter}"]] == letter
    assert {ecodes.KEY_ENTER, ecodes.KEY_KPENTER} == keyboard._ENTER
    assert keyboard.EV_KEY == ecodes.EV_KEY


async def test_a_keyboard_reader_cannot_write_a_chip(
    hass: HomeAssistant, reader: tuple[MockConfigEntry, FakeInputDevice]
) -> None:
    entry, _ = reader
    with pytest.raises(HomeAssistantError) as caught:
        await entry.runtime_data.reader.async_write_ndef(b"")

    assert caught.value.translation_key == "keyboard_cannot_write"


# Unplugging, permissions --------------------------------------------------------------


async def test_an_unplugged_reader_comes_back_by_its_by_id_path(
    hass: HomeAssistant,
    reader: tuple[MockConfigEntry, FakeInputDevice],
    devices: InputDevices,
    wait_until: WaitUntil,
) -> None:
    entry, device = reader
    runtime = entry.runtime_data.reader
    assert isinstance(runtime, KeyboardReader)

    devices.unplug()
    await wait_until(lambda: not runtime.available)
    assert device.closed
    again = devices.plug()
    await wait_until(lambda: runtime.available)

    assert again.grabbed
    again.type(KEYFOB)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))


async def test_a_reader_home_assistant_may_not_read_is_explained(
    hass: HomeAssistant,
    kids_speaker: Speaker,
    devices: InputDevices,
    issue_registry: ir.IssueRegistry,
) -> None:
    device = devices.plug()
    devices.permitted = False
    entry = keyboard_entry(device.path)
    entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    issue = issue_registry.async_get_issue(DOMAIN, f"input_permission_{entry.entry_id}")
    assert issue is not None
    assert issue.translation_placeholders == {"name": entry.title, "path": device.path}

    devices.permitted = True
    assert await hass.config_entries.async_reload(entry.entry_id)
    assert entry.state is ConfigEntryState.LOADED  # type: ignore[comparison-overlap]
    assert issue_registry.async_get_issue(DOMAIN, issue.issue_id) is None  # type: ignore[unreachable]
    await hass.config_entries.async_unload(entry.entry_id)


def test_a_missing_device_is_reported_by_real_evdev(tmp_path: Path) -> None:
    with pytest.raises(ReaderNotFound):
        open_grabbed(str(tmp_path / "no-such-event-kbd"))


# The reader flow ------------------------------------------------------------------------


async def _keyboard_step(hass: HomeAssistant) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "keyboard"}
    )


async def test_the_flow_lists_keyboards_by_id_readers_first_and_adds_one(
    hass: HomeAssistant, kids_speaker: Speaker, devices: InputDevices
) -> None:
    keyboard_link = devices.plug("usb-Logitech_USB_Keyboard-event-kbd").path
    devices.plug()
    (devices.directory / "usb-Logitech_USB_Mouse-event-mouse").symlink_to("/dev/null")

    result = await _keyboard_step(hass)

    assert result["step_id"] == "keyboard"
    schema = result["data_schema"]
    assert schema is not None
    options = schema.schema[CONF_INPUT_DEVICE].config["options"]
    assert [option["value"] for option in options] == [
        str(devices.directory / READER),
        keyboard_link,
    ]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_INPUT_DEVICE: options[0]["value"], CONF_MEDIA_PLAYER: KIDS_SPEAKER},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == (
        "Sycreader RFID Technology Co.  Ltd SYC ID IC USB Reader 08FF20140315"
    )
    assert result["data"] == {
        CONF_CONNECTION: "keyboard",
        CONF_INPUT_DEVICE: str(devices.directory / READER),
    }
    assert result["result"].unique_id == str(devices.directory / READER)
    await hass.async_block_till_done()
    await hass.config_entries.async_unload(result["result"].entry_id)


@pytest.mark.parametrize(
    ("problem", "error"),
    [
        ("permission", "input_permission_denied"),
        ("held", "input_in_use"),
        ("missing", "input_not_found"),
    ],
)
async def test_the_flow_says_why_a_device_cannot_be_read(
    hass: HomeAssistant,
    kids_speaker: Speaker,
    devices: InputDevices,
    problem: str,
    error: str,
) -> None:
    device = devices.plug(held=problem == "held")
    devices.permitted = problem != "permission"
    path = "/dev/input/by-id/nothing" if problem == "missing" else device.path

    result = await _keyboard_step(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_INPUT_DEVICE: path, CONF_MEDIA_PLAYER: KIDS_SPEAKER}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_INPUT_DEVICE: error}
    assert not hass.config_entries.async_entries(DOMAIN)


async def test_the_flow_explains_a_machine_without_keyboards(
    hass: HomeAssistant, devices: InputDevices
) -> None:
    result = await _keyboard_step(hass)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_keyboard_readers"


async def test_reconfiguring_keeps_the_reader_on_its_own_device(
    hass: HomeAssistant, reader: tuple[MockConfigEntry, FakeInputDevice]
) -> None:
    entry, device = reader
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "keyboard"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_INPUT_DEVICE: device.path}
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
