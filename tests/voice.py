"""A small text-to-speech entity of a test integration: the home's voice in the tests.

Home Assistant's tts component runs for real (media-source ids, languages, the
audio a speaker fetches); only the engine is ours: it "speaks" the text as bytes.
It is added to tts's own entity component, as a voice integration's platform does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, override
from urllib.parse import parse_qs, urlparse

from homeassistant.components.tts import TextToSpeechEntity, TtsAudioType
from homeassistant.components.tts.const import DATA_COMPONENT
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

VOICE = "tts.home_voice"


class HomeVoice(TextToSpeechEntity):
    """A voice that speaks English, German and Dutch."""

    _attr_name = "Home voice"
    _attr_unique_id = "home_voice"
    _attr_supported_languages = ["en-US", "en-GB", "de-DE", "nl-NL"]  # noqa: RUF012
    _attr_default_language = "en-US"

    def __init__(self) -> None:
        """Keep what it was asked to say."""
        self.spoken: list[tuple[str, str]] = []

    @override
    async def async_get_tts_audio(
        self, message: str, language: str, options: dict[str, Any]
    ) -> TtsAudioType:
        self.spoken.append((message, language))
        return "mp3", f"{language}: {message}".encode()


async def async_set_up_voice(hass: HomeAssistant, cache: Path) -> HomeVoice:
    """Set up tts with the home's voice, its cache in ``cache`` (not the config)."""
    hass.config.config_dir = str(cache)
    assert await async_setup_component(hass, "tts", {})

    voice = HomeVoice()
    await hass.data[DATA_COMPONENT].async_add_entities([voice])
    await hass.async_block_till_done()
    assert hass.states.get(VOICE) is not None
    return voice


def said(media_content_id: str) -> tuple[str, str] | None:
    """Return what a tts media-source id says, in which language; None: not speech."""
    url = urlparse(media_content_id)
    if url.scheme != "media-source" or url.netloc != "tts":
        return None
    query = parse_qs(url.query)
    return query["message"][0], query["language"][0]
