"""A chip's music on its speaker: placing plays it, lifting pauses it, back it resumes."""

from __future__ import annotations

import asyncio

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import CONF_ON_REMOVE
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    LULLABY,
    PLAYER,
    ROCK,
    BasicSpeaker,
    WaitUntil,
    event_state,
    listen_and_lift,
    place,
    player,
    playing,
    set_playback,
    set_up,
)


async def test_placing_a_mapped_tag_plays_its_music(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    # The music starts on the chip's UID; tag_placed follows once it was read.
    await wait_until(lambda: bool(event_state(hass).attributes.get("event_type")))

    assert event_state(hass).attributes["mapping"] == "Lullabies"
    current = hass.states.get("sensor.jukebox_current_chip")
    assert current is not None
    assert current.state == "Lullabies"


async def test_shuffle_and_repeat_of_a_mapping_are_applied(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, ROCK)
    await wait_until(lambda: player(hass).attributes.get("repeat") == "all")

    assert playing(hass, "media-source://rock")
    assert player(hass).attributes["shuffle"] is True


async def test_another_tag_switches_the_music(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    place(emulator, ROCK)
    await wait_until(lambda: playing(hass, "media-source://rock"))


async def test_lifting_the_tag_pauses_the_player(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until)

    assert player(hass).attributes["media_content_id"] == "media-source://lullabies"


@pytest.mark.parametrize("options", [{CONF_ON_REMOVE: "stop"}])
async def test_a_reader_set_to_stop_stops_on_lift(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)


@pytest.mark.parametrize("options", [{CONF_ON_REMOVE: "nothing"}])
async def test_a_reader_set_to_nothing_keeps_playing_on_lift(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    emulator.remove()
    await wait_until(lambda: not box.runtime_data.reader.present)
    await asyncio.sleep(0.1)

    assert playing(hass)
    assert ("media_pause", None) not in speaker.calls


async def test_a_tag_can_override_what_lifting_does(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    mock_config_entry.add_to_hass(hass)
    set_playback(hass, mock_config_entry, LULLABY, on_remove="stop")
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_putting_the_tag_back_resumes_where_it_stopped(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.3)
    stopped_at = speaker.position_now
    assert stopped_at > 0.2

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert speaker.calls[-1] == ("media_play", None)  # resumed, not restarted
    assert [c for c in speaker.calls if c[0] == "play_media"] == [
        ("play_media", "media-source://lullabies")
    ]
    assert speaker.position_now >= stopped_at


async def test_back_after_the_player_changed_plays_again_and_seeks(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.3)
    stopped_at = speaker.position_now
    # Meanwhile someone played something else on the speaker.
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": PLAYER,
            "media_content_id": "radio",
            "media_content_type": "music",
        },
        blocking=True,
    )

    place(emulator, LULLABY)
    await wait_until(lambda: speaker.calls[-1][0] == "media_seek")

    assert playing(hass, "media-source://lullabies")
    assert speaker.calls[-1] == ("media_seek", pytest.approx(stopped_at, abs=0.05))


async def test_a_player_that_is_off_is_turned_on_first(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await speaker.async_turn_off()
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert [name for name, _ in speaker.calls][:2] == ["turn_off", "turn_on"]


async def test_an_off_player_that_cannot_be_turned_on_is_asked_to_play_anyway(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = BasicSpeaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await speaker.async_turn_off()
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert [name for name, _ in speaker.calls] == ["turn_off", "play_media"]
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
