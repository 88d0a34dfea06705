"""Feedback sounds: a placed chip is heard over the music, if the reader wants it."""

from __future__ import annotations

from typing import Any, override

import pytest
from homeassistant.components.media_player import (
    ATTR_MEDIA_ANNOUNCE,
    MediaPlayerEntityFeature,
    MediaType,
)
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.nfc_jukebox.const import CONF_FEEDBACK, DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import SPEAKER_FEATURES, Speaker
from tests.test_rules import take_off

from .support import LULLABY, WaitUntil, paused, place, player, playing


class AnnouncingSpeaker(Speaker):
    """A speaker that plays an announcement over its music, then goes on."""

    _attr_supported_features = (
        SPEAKER_FEATURES | MediaPlayerEntityFeature.MEDIA_ANNOUNCE
    )

    @override
    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        if kwargs.get(ATTR_MEDIA_ANNOUNCE):
            self._record("announce", media_id)
            return  # the music it plays is left as it was
        await super().async_play_media(media_type, media_id, **kwargs)


@pytest.fixture
async def announcing_speaker(hass: HomeAssistant) -> AnnouncingSpeaker:
    """Return the kids' speaker, able to announce; Home Assistant has a URL."""
    await hass.config.async_update(internal_url="http://homeassistant.local:8123")
    speaker = AnnouncingSpeaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


def sound(name: str) -> tuple[str, str]:
    """Return the announcement of the feedback sound ``name``."""
    return (
        "announce",
        f"http://homeassistant.local:8123/nfc_jukebox/sounds/{name}.wav",
    )


@pytest.mark.parametrize("options", [{CONF_FEEDBACK: True}])
async def test_feedback_sounds_are_announced_and_the_music_continues(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    box = init_integration
    place(emulator, LULLABY)
    await wait_until(lambda: sound("recognised") in announcing_speaker.calls)
    assert playing(hass, "media-source://lullabies")

    place(emulator, "04999999999999")  # a chip the reader does not know
    await wait_until(lambda: sound("unknown") in announcing_speaker.calls)

    await take_off(box, emulator, wait_until)
    await hass.services.async_call(
        "switch", "turn_off", {ATTR_ENTITY_ID: "switch.jukebox_jukebox"}, blocking=True
    )
    place(emulator, LULLABY)
    await wait_until(lambda: sound("blocked") in announcing_speaker.calls)
    assert paused(hass)
    assert player(hass).attributes["media_content_id"] == "media-source://lullabies"


async def test_no_feedback_sounds_unless_the_reader_wants_them(
    hass: HomeAssistant,
    announcing_speaker: AnnouncingSpeaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await hass.async_block_till_done()

    assert [call for call in announcing_speaker.calls if call[0] == "announce"] == []


async def test_home_assistant_serves_the_feedback_sounds(
    hass: HomeAssistant,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    assert await async_setup_component(hass, "http", {})
    assert await async_setup_component(hass, DOMAIN, {})
    client = await hass_client_no_auth()
    for name in ("recognised", "unknown", "blocked"):
        response = await client.get(f"/nfc_jukebox/sounds/{name}.wav")
        assert response.status == 200
        assert (await response.read()).startswith(b"RIFF")
