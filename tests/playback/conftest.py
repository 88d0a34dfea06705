"""Fixtures of the playback tests: the kids' speaker and a reader with chips."""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    Connection,
)
from tests.speaker import Speaker

from .support import (
    BACK,
    HALT,
    LOUDER,
    LULLABY,
    QUIETER,
    ROCK,
    SKIP,
    SLEEP,
    control,
    music,
)


@pytest.fixture
async def speaker(hass: HomeAssistant) -> Speaker:
    """Return the kids' speaker, a media player entity in Home Assistant."""
    speaker = Speaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


@pytest.fixture
def options() -> dict[str, Any]:
    """Return the reader's options (tests override it)."""
    return {}


@pytest.fixture
def mock_config_entry(options: dict[str, Any]) -> MockConfigEntry:
    """Return a simulated reader with music tags and control chips."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        options=options,
        subentries_data=[
            music(LULLABY, "Lullabies", "media-source://lullabies"),
            music(ROCK, "Rock", "media-source://rock", shuffle=True, repeat="all"),
            control(LOUDER, "Louder", "volume_up"),
            control(QUIETER, "Quieter", "volume_down"),
            control(SKIP, "Skip", "next"),
            control(BACK, "Back", "previous"),
            control(HALT, "Halt", "stop"),
            control(SLEEP, "Bedtime", "sleep_timer", minutes=20),
        ],
    )


@pytest.fixture
def box(speaker: Speaker, init_integration: MockConfigEntry) -> MockConfigEntry:
    """Return the reader entry, loaded, with the speaker ready."""
    return init_integration
