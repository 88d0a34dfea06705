"""Fixtures of the HTTP endpoint tests: a reader with chips, its speaker, Home Assistant's http."""

from __future__ import annotations

import pytest
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection
from tests.speaker import Speaker

PLAYER = "media_player.kids"
LULLABY = "04A1B2C3D4E5F6"
LOUDER = "04AAAAAAAAAAAA"
BEDTIME = "04FFFFFFFFFFFF"


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with a music chip and two control chips."""
    return MockConfigEntry(
        domain=DOMAIN,
        version=2,
        minor_version=2,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={},
        subentries_data=[
            ConfigSubentryData(
                data={
                    "uid": LULLABY,
                    "media": {
                        "entity_id": PLAYER,
                        "media_content_id": "media-source://lullabies",
                        "media_content_type": "music",
                        "metadata": {"title": "Lullabies"},
                    },
                    "playback": {"shuffle": True, "volume": 30},
                },
                subentry_type="tag",
                title="Lullabies",
                unique_id=LULLABY,
            ),
            ConfigSubentryData(
                data={"uid": LOUDER, "action": "volume_up"},
                subentry_type="control",
                title="Louder",
                unique_id=LOUDER,
            ),
            ConfigSubentryData(
                data={"uid": BEDTIME, "action": "sleep_timer", "minutes": 20},
                subentry_type="control",
                title="Bedtime",
                unique_id=BEDTIME,
            ),
        ],
    )


@pytest.fixture(autouse=True)
async def http(hass: HomeAssistant) -> None:
    """Set up Home Assistant's http before the integration, as a real one has it."""
    assert await async_setup_component(hass, "http", {})


@pytest.fixture
async def speaker(hass: HomeAssistant) -> Speaker:
    """Return the kids' speaker."""
    speaker = Speaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker
