"""Fixtures of the websocket tests: a reader with chips, its speaker, two users."""

from __future__ import annotations

import pytest
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MAX_VOLUME,
    DOMAIN,
    Connection,
)
from tests.speaker import Speaker

from .support import (
    BEDTIME,
    LOUDER,
    LULLABY,
    MEDIA,
    Client,
)


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with a music chip and a control chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        version=2,
        minor_version=2,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={CONF_MAX_VOLUME: 60},
        subentries_data=[
            ConfigSubentryData(
                data={
                    "uid": LULLABY,
                    "media": {**MEDIA, "media_content_id": "media-source://lullabies"},
                    "playback": {"shuffle": True},
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


@pytest.fixture
async def client(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    speaker: Speaker,
    init_integration: MockConfigEntry,
) -> Client:
    """Return a websocket client of an administrator, the reader loaded."""
    client = await hass_ws_client(hass)
    client.pushed = []
    return client


@pytest.fixture
async def child(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    speaker: Speaker,
    init_integration: MockConfigEntry,
) -> Client:
    """Return a websocket client of a user who is not an administrator."""
    client = await hass_ws_client(hass, hass_read_only_access_token)
    client.pushed = []
    return client
