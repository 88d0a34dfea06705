"""Feedback sounds: shipped in sounds/, served by Home Assistant, announced on a speaker."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Final

from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant
from homeassistant.helpers.network import NoURLAvailableError, get_url

from .const import DOMAIN

SOUNDS_URL: Final = f"/{DOMAIN}/sounds"
SOUNDS_FOLDER: Final = Path(__file__).parent / "sounds"


class Sound(StrEnum):
    """What a chip placed on the reader sounds like."""

    RECOGNISED = "recognised"
    UNKNOWN = "unknown"
    BLOCKED = "blocked"
    #: a calendar chip outside its days
    NOT_YET = "not_yet"


async def async_register_sounds(hass: HomeAssistant) -> None:
    """Serve the sounds, so speakers can fetch them from Home Assistant."""
    if "http" not in hass.config.components:
        return  # nothing to serve them with (a test harness)
    await hass.http.async_register_static_paths(
        [StaticPathConfig(SOUNDS_URL, str(SOUNDS_FOLDER), cache_headers=True)]
    )


def sound_url(hass: HomeAssistant, sound: Sound) -> str | None:
    """Return where a speaker fetches ``sound``, or None if HA has no URL yet."""
    try:
        base = get_url(hass, allow_external=False)
    except NoURLAvailableError:
        return None
    return f"{base}{SOUNDS_URL}/{sound}.wav"
