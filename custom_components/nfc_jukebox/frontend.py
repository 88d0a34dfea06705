"""Serve the dashboard card and load it on every dashboard: no resource to add by hand."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN

CARD_FILE: Final = Path(__file__).parent / "frontend" / "nfc-jukebox-card.js"
CARD_PATH: Final = f"/{DOMAIN}/nfc-jukebox-card.js"


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card's bundle and have the frontend load it.

    The URL carries the bundle's hash, so a new release is never hidden by a
    browser's cache. Without ``http`` (or ``frontend``) there is nothing to serve to.
    """
    if "http" not in hass.config.components:
        return
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_PATH, str(CARD_FILE), cache_headers=True)]
    )
    if "frontend" in hass.config.components:
        version = await hass.async_add_executor_job(_card_hash)
        add_extra_js_url(hass, f"{CARD_PATH}?v={version}")


def _card_hash() -> str:
    """Return a short hash of the bundle: its URL changes with its content."""
    return hashlib.sha256(CARD_FILE.read_bytes()).hexdigest()[:12]
