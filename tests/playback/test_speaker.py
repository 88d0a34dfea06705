"""Speakers that fail, cannot do a feature, or are Home Assistant's demo players."""

from __future__ import annotations

import asyncio
import logging

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MAX_VOLUME,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    LULLABY,
    ROCK,
    BasicSpeaker,
    WaitUntil,
    listen_and_lift,
    place,
    player,
    playing,
    set_up,
)


async def test_an_unavailable_player_is_reported_once_and_the_next_tag_works(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="custom_components.nfc_jukebox")
    issue_id = f"playback_failed_{box.entry_id}"
    speaker._attr_available = False
    speaker.async_write_ha_state()
    assert player(hass).state == STATE_UNAVAILABLE

    place(emulator, LULLABY)
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )
    place(emulator, ROCK)
    await wait_until(lambda: box.runtime_data.reader.present is not None)
    await asyncio.sleep(0.1)
    failures = [r for r in caplog.records if "could not play" in r.getMessage()]
    assert len(failures) == 1
    assert box.state.recoverable  # nothing crashed

    speaker._attr_available = True
    speaker.async_write_ha_state()
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await wait_until(lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is None)


@pytest.fixture
def demo_entry() -> MockConfigEntry:
    """Return a simulated reader whose chip plays on HA's demo living-room player."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={CONF_MAX_VOLUME: 50},
        subentries_data=[
            ConfigSubentryData(
                data={
                    "uid": LULLABY,
                    "media": {
                        "entity_id": "media_player.living_room",
                        "media_content_id": "dQw4w9WgXcQ",
                        "media_content_type": "video",
                    },
                },
                subentry_type="tag",
                title="Lullabies",
                unique_id=LULLABY,
            )
        ],
    )


# The demo's own polling platforms leave a timer behind (as in Home Assistant's tests).
@pytest.mark.parametrize("expected_lingering_timers", [True])
async def test_it_plays_on_home_assistants_demo_speakers(
    hass: HomeAssistant, demo_entry: MockConfigEntry, wait_until: WaitUntil
) -> None:
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "demo", {"demo": {}})
    await hass.async_block_till_done()
    living_room = "media_player.living_room"  # plays a fireplace video at volume 1.0
    emulator = await set_up(hass, demo_entry)

    def demo() -> State:
        state = hass.states.get(living_room)
        assert state is not None
        return state

    place(emulator, LULLABY)
    await wait_until(lambda: demo().attributes.get("media_content_id") == "dQw4w9WgXcQ")
    await wait_until(lambda: demo().state == MediaPlayerState.PLAYING)
    assert demo().attributes["volume_level"] == 0.5  # it was at 1.0: capped first

    emulator.remove()
    await wait_until(lambda: demo().state == MediaPlayerState.PAUSED)
    paused_at = demo().attributes["media_position"]

    place(emulator, LULLABY)
    await wait_until(lambda: demo().state == MediaPlayerState.PLAYING)
    assert demo().attributes["media_content_id"] == "dQw4w9WgXcQ"
    assert demo().attributes["media_position"] >= paused_at  # resumed, not restarted
    await hass.config_entries.async_unload(demo_entry.entry_id)


@pytest.mark.parametrize("expected_lingering_timers", [True])
async def test_a_seek_the_demo_speaker_cannot_do_is_not_reported_as_a_failure(
    hass: HomeAssistant,
    demo_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # HA's demo living-room player says it can seek but raises NotImplementedError.
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "demo", {"demo": {}})
    await hass.async_block_till_done()
    emulator = await set_up(hass, demo_entry)
    living_room = "media_player.living_room"

    def content() -> object:
        state = hass.states.get(living_room)
        return state.attributes.get("media_content_id") if state else None

    place(emulator, LULLABY)
    await wait_until(lambda: content() == "dQw4w9WgXcQ")
    emulator.remove()
    await wait_until(lambda: hass.states.is_state(living_room, "paused"))
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": living_room,
            "media_content_id": "other",
            "media_content_type": "video",
        },
        blocking=True,
    )
    caplog.set_level(logging.DEBUG, logger="custom_components.nfc_jukebox")
    place(emulator, LULLABY)  # plays again, then the seek fails
    await wait_until(lambda: "media_seek failed" in caplog.text)
    await hass.async_block_till_done()

    assert content() == "dQw4w9WgXcQ"
    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{demo_entry.entry_id}")
        is None
    )
    await hass.config_entries.async_unload(demo_entry.entry_id)


@pytest.mark.parametrize(
    "error", [NotImplementedError(), HomeAssistantError("not now")], ids=repr
)
async def test_a_seek_the_speaker_cannot_do_leaves_the_music_playing_unreported(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.2)
    await speaker.async_media_stop()  # it forgets where it was: a seek is needed
    speaker.errors["media_seek"] = error

    place(emulator, LULLABY)
    await wait_until(lambda: speaker.calls[-1][0] == "media_seek")
    await hass.async_block_till_done()

    assert playing(hass, "media-source://lullabies")
    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{box.entry_id}")
        is None
    )
    assert "could not play" not in caplog.text


async def test_shuffle_and_repeat_the_speaker_cannot_do_leave_the_music_playing(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    speaker.errors["shuffle_set"] = HomeAssistantError("no shuffle for radio")
    speaker.errors["repeat_set"] = NotImplementedError()

    place(emulator, ROCK)
    await wait_until(lambda: "repeat_set" in (name for name, _ in speaker.calls))
    await hass.async_block_till_done()

    assert playing(hass, "media-source://rock")
    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{box.entry_id}")
        is None
    )


async def test_music_the_speaker_refuses_to_play_is_reported_as_such(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    speaker.errors["play_media"] = HomeAssistantError("unsupported media")
    issue_id = f"playback_failed_{box.entry_id}"

    place(emulator, LULLABY)
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders is not None
    error = issue.translation_placeholders["error"]
    assert error.startswith("The speaker Kids did not play the chip's music")
    assert "(unsupported media)" in error
    assert "pick other music or another speaker" in error


async def test_an_unavailable_speaker_is_reported_with_what_to_check(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    speaker._attr_available = False
    speaker.async_write_ha_state()
    issue_id = f"playback_failed_{box.entry_id}"

    place(emulator, LULLABY)
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["error"] == (
        "The speaker Kids is unavailable. Check that it is on and reachable"
    )


@pytest.mark.parametrize("options", [{CONF_MAX_VOLUME: 10}])
async def test_a_basic_player_plays_without_volume_or_seeking(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = BasicSpeaker("Kids", volume=0.8)
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    emulator = await set_up(hass, mock_config_entry)

    await listen_and_lift(hass, emulator, wait_until)
    await speaker.async_media_stop()  # it forgets what it played
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    names = [name for name, _ in speaker.calls]
    assert names == ["play_media", "media_pause", "media_stop", "play_media"]
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
