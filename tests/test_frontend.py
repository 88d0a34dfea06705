"""The dashboard card is served and loaded on every dashboard, with no resource to add."""

from __future__ import annotations

from pathlib import Path

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.frontend import CARD_FILE, CARD_PATH


async def test_the_card_is_served(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    assert await async_setup_component(hass, "http", {})
    assert await async_setup_component(hass, DOMAIN, {})
    client = await hass_client()

    response = await client.get(CARD_PATH)

    assert response.status == 200
    assert await response.read() == CARD_FILE.read_bytes()


async def test_every_dashboard_loads_the_card_under_a_versioned_url(
    hass: HomeAssistant, tmp_path: Path
) -> None:
    # The frontend's own files are not part of the test harness: a stand-in folder.
    (tmp_path / "hass_frontend").mkdir()
    assert await async_setup_component(
        hass, "frontend", {"frontend": {"development_repo": str(tmp_path)}}
    )
    assert await async_setup_component(hass, DOMAIN, {})

    [url] = [u for u in hass.data[DATA_EXTRA_MODULE_URL].urls if CARD_PATH in u]
    assert url.startswith(f"{CARD_PATH}?v=")
    assert len(url.removeprefix(f"{CARD_PATH}?v=")) == 12


async def test_without_a_web_server_the_integration_still_sets_up(
    hass: HomeAssistant,
) -> None:
    assert await async_setup_component(hass, DOMAIN, {})

    assert "http" not in hass.config.components
