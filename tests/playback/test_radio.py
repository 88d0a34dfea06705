"""Radio chips: placing plays the station live, lifting stops it, putting it back plays live again."""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    PLAYER,
    BasicSpeaker,
    WaitUntil,
    place,
    player,
    playing,
    set_up,
    store_writes,
)

STATION = "04606060606060"
BROWSED = "04707070707070"
STREAM = "http://127.0.0.1:9/live.mp3"
RADIO_BROWSER = "media-source://radio_browser/963ccae5-0601-11e8-ae97-52543be04c81"


def radio(uid: str, name: str, content: str, content_type: str) -> dict[str, Any]:
    """Return the subentry of a radio chip."""
    return {
        "data": {
            "uid": uid,
            "media": {
                "entity_id": PLAYER,
                "media_content_id": content,
                "media_content_type": content_type,
            },
            # Even a chip set to pause stops a live stream.
            "playback": {"on_remove": "pause", "mode": "audiobook"},
        },
        "subentry_type": "tag",
        "title": name,
        "unique_id": uid,
    }


@pytest.fixture
def mock_config_entry(options: dict[str, Any]) -> MockConfigEntry:
    """Return a simulated reader with a typed stream and a Radio Browser station."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=2,
        data={"connection": "simulated"},
        options=options,
        subentries_data=[
            radio(STATION, "Kids radio", STREAM, "radio"),
            radio(BROWSED, "Station", RADIO_BROWSER, "audio/mpeg"),
        ],
    )


def stopped(hass: HomeAssistant) -> bool:
    """Return whether the speaker stopped (the test speaker goes idle)."""
    return player(hass).state == MediaPlayerState.IDLE


async def test_placing_a_radio_chip_plays_the_stream_as_music(
    hass: HomeAssistant,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, STATION)

    await wait_until(lambda: playing(hass, STREAM))
    assert player(hass).attributes["media_content_type"] == "music"


@pytest.mark.parametrize(
    ("uid", "content"), [(STATION, STREAM), (BROWSED, RADIO_BROWSER)]
)
async def test_lifting_a_radio_chip_stops_the_stream_and_keeps_no_place(
    hass: HomeAssistant,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    uid: str,
    content: str,
) -> None:
    place(emulator, uid)
    await wait_until(lambda: playing(hass, content))

    emulator.remove()

    await wait_until(lambda: stopped(hass))
    assert ("media_pause", None) not in speaker.calls
    await store_writes(hass)
    assert box.runtime_data.jukebox.bookmarks.get(uid) is None


async def test_putting_a_radio_chip_back_plays_live_again(
    hass: HomeAssistant,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, STATION)
    await wait_until(lambda: playing(hass, STREAM))
    emulator.remove()
    await wait_until(lambda: stopped(hass))

    place(emulator, STATION)

    await wait_until(lambda: playing(hass, STREAM))
    assert [name for name, _ in speaker.calls].count("play_media") == 2
    assert not [
        name for name, _ in speaker.calls if name in ("media_play", "media_seek")
    ]
    # a live stream has no progress to show
    progress = hass.states.get("sensor.jukebox_progress")
    assert progress is not None
    assert progress.state == "none"


async def test_a_radio_chip_plays_on_a_speaker_that_reports_no_duration(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    basic = BasicSpeaker("Kids")
    setup_test_component_platform(hass, "media_player", [basic])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    emulator = await set_up(hass, mock_config_entry)
    place(emulator, STATION)
    await wait_until(lambda: playing(hass, STREAM))

    emulator.remove()

    await wait_until(lambda: stopped(hass))
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
