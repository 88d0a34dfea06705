"""The shipped automation blueprints work with a real reader's event entity."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .playback.support import LULLABY, PLAYER, music, playing
from .speaker import Speaker

type WaitUntil = Callable[..., Awaitable[None]]

BLUEPRINTS = Path(__file__).parent.parent / "blueprints" / "automation" / "nfc_jukebox"
EVENT = "event.jukebox_chip"


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with one music tag."""
    return MockConfigEntry(
        domain="nfc_jukebox",
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={"connection": "simulated"},
        subentries_data=[music(LULLABY, "Lullabies", "media-source://lullabies")],
    )


async def _use_blueprint(
    hass: HomeAssistant, tmp_path: Path, name: str, inputs: dict[str, Any]
) -> None:
    hass.config.config_dir = str(tmp_path)
    target = tmp_path / "blueprints" / "automation" / "nfc_jukebox"
    target.mkdir(parents=True)
    shutil.copy(BLUEPRINTS / name, target / name)
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {"use_blueprint": {"path": f"nfc_jukebox/{name}", "input": inputs}}
            ]
        },
    )
    await hass.async_block_till_done()


def test_every_blueprint_is_tested() -> None:
    assert sorted(path.name for path in BLUEPRINTS.glob("*.yaml")) == [
        "announce_tag.yaml",
        "bedtime_volume.yaml",
    ]


async def test_announce_says_the_chips_name_or_that_it_is_new(
    hass: HomeAssistant,
    tmp_path: Path,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    spoken = async_mock_service(hass, "tts", "speak")
    await _use_blueprint(
        hass,
        tmp_path,
        "announce_tag.yaml",
        {"reader_event": EVENT, "tts_engine": "tts.piper", "speaker": PLAYER},
    )

    emulator.place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: len(spoken) == 1)
    emulator.place(ntag("ntag215", bytes.fromhex("04000000000001")))
    await wait_until(lambda: len(spoken) == 2)

    assert [call.data["message"] for call in spoken] == ["Lullabies", "A new chip!"]
    assert spoken[0].data["media_player_entity_id"] == PLAYER


async def test_bedtime_turns_the_music_down_but_never_up(
    hass: HomeAssistant,
    tmp_path: Path,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    speaker = Speaker("Kids", volume=0.6)
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    now = dt_util.now()
    await _use_blueprint(
        hass,
        tmp_path,
        "bedtime_volume.yaml",
        {
            "reader_event": EVENT,
            "speaker": PLAYER,
            # "After bedtime" is now, whatever time the test runs.
            "bedtime": (now - timedelta(hours=1)).strftime("%H:%M:%S"),
            "morning": (now + timedelta(hours=1)).strftime("%H:%M:%S"),
            "volume": 25,
        },
    )

    emulator.place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: playing(hass))
    await wait_until(lambda: speaker.volume_level == 0.25)

    # Already quieter than the bedtime volume: left alone.
    await speaker.async_set_volume_level(0.1)
    emulator.remove()
    await wait_until(lambda: init_integration.runtime_data.reader.present is None)
    emulator.place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: playing(hass))
    await hass.async_block_till_done()
    assert speaker.volume_level == 0.1
