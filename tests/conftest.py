"""Fixtures shared by the NFC Jukebox tests."""

# Import our `custom_components` package before Home Assistant's loader does: the
# test harness ships a `custom_components` package of its own in its testing config.
import custom_components.nfc_jukebox  # noqa: F401  # isort: skip

import asyncio
import os
import stat
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, override
from unittest.mock import PropertyMock, patch

import pytest
from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.config_entries import (
    SOURCE_INTEGRATION_DISCOVERY,
    SOURCE_USER,
    ConfigFlowResult,
)
from homeassistant.const import CONF_PORT, Platform
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    setup_test_component_platform,
)
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion
from syrupy.location import PyTestLocation

from custom_components.nfc_jukebox.chips import pictures as pictures_module
from custom_components.nfc_jukebox.const import (
    CONF_BAUDRATE,
    CONF_CONNECTION,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, PtyLink
from custom_components.nfc_jukebox.readers import pn532 as reader_module

from .feeds import FeedServer, start_feed_server
from .speaker import Speaker

SIMULATED_UNIQUE_ID = "simulated:jukebox"

type WaitUntil = Callable[..., Awaitable[None]]
"""Wait (``await wait_until(predicate, timeout=3.0)``) until ``predicate()`` holds."""

KIDS_SPEAKER = "media_player.kids"
#: A music chip's media field, as the media browser fills it in.
MEDIA = {
    "entity_id": KIDS_SPEAKER,
    "media_content_id": "media-source://media_source/local/lullaby.mp3",
    "media_content_type": "audio/mpeg",
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load the custom integration in every test."""


class _SnapshotExtension(HomeAssistantSnapshotExtension):  # type: ignore[misc]
    """Home Assistant's serializer, in syrupy's usual ``__snapshots__`` folder."""

    @classmethod
    @override
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(Path(test_location.filepath).parent / "__snapshots__")


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshot states and registry entries without their random ids and times."""
    return snapshot.use_extension(_SnapshotExtension)


@pytest.fixture(autouse=True)
def pictures_in_tmp_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep each test's chip pictures apart (the test config folder is shared)."""
    monkeypatch.setattr(
        pictures_module, "pictures_folder", lambda _hass: tmp_path / "pictures"
    )


@pytest.fixture(autouse=True)
def fast_reconnect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry a lost reader every few milliseconds instead of seconds."""
    monkeypatch.setattr(reader_module, "RECONNECT_BACKOFF", (0.01, 0.02))


def serial_entry(
    port: str, *, unique_id: str | None = None, title: str = "PN532"
) -> MockConfigEntry:
    """Return the (not yet added) config entry of a reader on the serial ``port``."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=title,
        unique_id=unique_id or port,
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: "serial", CONF_PORT: port, CONF_BAUDRATE: 115200},
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return the config entry of a simulated reader."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        # Fixed, so the unique ids built from it can be snapshotted.
        entry_id="01KBREADER0JVKEBOX00000000",
        unique_id=SIMULATED_UNIQUE_ID,
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
    )


@pytest.fixture
async def child_user(hass: HomeAssistant) -> MockUser:
    """Return a family member's login: not an administrator, may use every entity."""
    group = await hass.auth.async_get_group(GROUP_ID_USER)
    assert group is not None
    return MockUser(name="Child", groups=[group]).add_to_hass(hass)


@pytest.fixture
async def kids_speaker(hass: HomeAssistant) -> Speaker:
    """Return the kids' speaker, media_player.kids, that the chips in MEDIA play on."""
    speaker = Speaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    assert speaker.entity_id == KIDS_SPEAKER
    return speaker


async def start_chip_flow(
    hass: HomeAssistant, entry: MockConfigEntry, kind: str
) -> dict[str, Any]:
    """Open the form that adds a chip of ``kind`` ("tag" or "control") to a reader."""
    result = await hass.config_entries.subentries.async_init(
        (entry.entry_id, kind), context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    return dict(result)


def offers(hass: HomeAssistant) -> list[ConfigFlowResult]:
    """Return the open offers of new chips (Settings → Devices & services → Discovered)."""
    return hass.config_entries.flow.async_progress_by_handler(
        DOMAIN, match_context={"source": SOURCE_INTEGRATION_DISCOVERY}
    )


def offer_of(hass: HomeAssistant, uid: str) -> ConfigFlowResult | None:
    """Return the open offer of the chip ``uid``, if there is one."""
    return next(
        (o for o in offers(hass) if o["context"].get("unique_id") == f"chip:{uid}"),
        None,
    )


@pytest.fixture
def entity_registry_enabled_by_default() -> Iterator[None]:
    """Enable the entities that are disabled by default (the connection sensor)."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        new_callable=PropertyMock,
        return_value=True,
    ):
        yield


@contextmanager
def only_platform(platform: Platform) -> Iterator[None]:
    """Set up only ``platform`` of a reader, so its entities can be snapshotted."""
    with patch("custom_components.nfc_jukebox.PLATFORMS", [platform]):
        yield


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> AsyncIterator[MockConfigEntry]:
    """Set up a simulated reader; unload it afterwards."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    yield mock_config_entry
    if (
        hass.config_entries.async_get_entry(mock_config_entry.entry_id)
        and mock_config_entry.state.recoverable
    ):
        await hass.config_entries.async_unload(mock_config_entry.entry_id)
        await hass.async_block_till_done()


@pytest.fixture
def emulator(init_integration: MockConfigEntry) -> Pn532Emulator:
    """Return the emulator behind the simulated reader."""
    emulator: Pn532Emulator | None = init_integration.runtime_data.reader.emulator
    assert emulator is not None
    return emulator


@pytest.fixture
async def wait_until() -> WaitUntil:
    """Wait (in real time: the reader runs on real timers) for a condition."""

    async def wait(predicate: Callable[[], bool], timeout: float = 3.0) -> None:
        async with asyncio.timeout(timeout):
            while not predicate():  # noqa: ASYNC110 - HA state has no event to await
                await asyncio.sleep(0.005)

    return wait


@pytest.fixture
async def pty_reader() -> AsyncIterator[tuple[Pn532Emulator, str]]:
    """Return an emulated PN532 on a pty, and the pty's path."""
    emulator = Pn532Emulator()
    link = PtyLink(emulator)
    path = link.open()
    assert path is not None
    yield emulator, path
    link.close()
    await emulator.aclose()


@contextmanager
def silent_port() -> Iterator[str]:
    """Give a pty path on which nothing answers."""
    master, slave = os.openpty()
    try:
        yield os.ttyname(slave)
    finally:
        os.close(slave)
        os.close(master)


@contextmanager
def chatty_port() -> Iterator[str]:
    """Give a pty path on which something (a modem, say) answers with noise."""
    master, slave = os.openpty()

    def answer() -> None:
        os.read(master, 1024)
        os.write(master, b"\r\nERROR\r\n>")

    loop = asyncio.get_running_loop()
    loop.add_reader(master, answer)
    try:
        yield os.ttyname(slave)
    finally:
        loop.remove_reader(master)
        os.close(slave)
        os.close(master)


@contextmanager
def denied_port(directory: Path) -> Iterator[str]:
    """Give a serial port that exists but may not be opened (a real EACCES).

    Root may open anything, except device nodes on a file system mounted
    ``nodev``; other users get EACCES from a pty they made unreadable.
    """
    master, slave = os.openpty()
    tty = os.ttyname(slave)
    try:
        if os.geteuid() != 0:
            os.chmod(tty, 0)  # noqa: PTH101
            yield tty
            return
        mount = directory / "nodev"
        mount.mkdir()
        subprocess.run(  # noqa: S603 - fixed arguments
            ["/bin/mount", "-t", "tmpfs", "-o", "nodev", "tmpfs", str(mount)],
            check=True,
        )
        try:
            node = mount / "ttyDENIED"
            os.mknod(node, 0o666 | stat.S_IFCHR, Path(tty).stat().st_rdev)
            yield str(node)
        finally:
            subprocess.run(["/bin/umount", str(mount)], check=True)  # noqa: S603
    finally:
        os.close(slave)
        os.close(master)


@pytest.fixture
async def feeds(socket_enabled: None) -> AsyncIterator[FeedServer]:
    """Serve podcast feeds on loopback: good, slow, broken, huge, changing."""
    server, runner = await start_feed_server()
    yield server
    server.slow_answers.set()  # a slow request still waiting ends now
    server.audio_resumes.set()
    await runner.cleanup()
