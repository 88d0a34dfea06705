"""Podcast chips: placing plays an episode from the list the box knows, never waiting for the feed."""

from __future__ import annotations

import time
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.podcasts.store import STORAGE_KEY
from tests.feeds import FeedServer, episode_url
from tests.speaker import Speaker

from .support import (
    PLAYER,
    SKIP,
    WaitUntil,
    control,
    paused,
    place,
    player,
    playing,
    set_playback,
    store_writes,
)

PODCAST = "04505050505050"
FEED = "kids.xml"


def podcast(uid: str, feed: str, **playback: Any) -> dict[str, Any]:
    """Return the subentry of a podcast chip playing ``feed``."""
    return {
        "data": {
            "uid": uid,
            "media": {
                "entity_id": PLAYER,
                "media_content_id": feed,
                "media_content_type": "podcast",
            },
            "playback": playback,
        },
        "subentry_type": "tag",
        "title": "Stories",
        "unique_id": uid,
    }


@pytest.fixture
def feed_name() -> str:
    """Return the feed the podcast chip plays (tests override it)."""
    return FEED


@pytest.fixture
def mock_config_entry(
    options: dict[str, Any], feeds: FeedServer, feed_name: str
) -> MockConfigEntry:
    """Return a simulated reader with a podcast chip and a Next chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=2,
        data={"connection": "simulated"},
        options=options,
        subentries_data=[
            podcast(PODCAST, feeds.url(feed_name)),
            control(SKIP, "Skip", "next"),
        ],
    )


def known_list(
    hass_storage: dict[str, Any], feeds: FeedServer, name: str, episodes: int
) -> None:
    """Store ``episodes`` episodes of the feed ``name``, fetched two hours ago."""
    hass_storage[STORAGE_KEY] = {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {
            "feeds": {
                feeds.url(name): {
                    "episodes": [
                        {
                            "url": episode_url(feeds.base, name, n),
                            "title": f"Episode {n}",
                            "media_type": "music",
                            "published": float(n),
                        }
                        for n in range(1, episodes + 1)
                    ],
                    "etag": None,
                    "modified": None,
                    "fetched_at": time.time() - 7200,
                }
            },
            "heard": {},
        },
    }


def episode(feeds: FeedServer, number: int, name: str = FEED) -> str:
    """Return the file of episode ``number`` of the feed ``name``."""
    return episode_url(feeds.base, name, number)


async def test_placing_a_podcast_chip_plays_its_newest_episode(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 3)))
    assert player(hass).attributes["media_content_type"] == "music"


@pytest.mark.parametrize("feed_name", ["slow.xml"])
async def test_a_podcast_chip_with_a_list_plays_at_once_while_its_feed_server_is_slow(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    feeds: FeedServer,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    known_list(hass_storage, feeds, "slow.xml", 2)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 2, "slow.xml")))
    # The list was two hours old: fetched again, in the background, still waiting.
    await wait_until(lambda: len(feeds.requests) == 1)
    assert not feeds.slow_answers.is_set()
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_podcast_chip_with_a_list_plays_with_its_feed_offline(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    feeds: FeedServer,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    known_list(hass_storage, feeds, FEED, 2)
    feeds.broken.add(FEED)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 2)))
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_new_episode_plays_next_time_after_the_background_refresh(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    feeds: FeedServer,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    known_list(hass_storage, feeds, FEED, 2)
    feeds.episodes[FEED] = 3
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None
    podcasts = mock_config_entry.runtime_data.jukebox.listings.podcasts
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 2)))
    await wait_until(lambda: len(podcasts.tracks(feeds.url(FEED)) or ()) == 3)
    emulator.remove()
    await wait_until(lambda: paused(hass))

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 3)))
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_podcast_chip_whose_feed_cannot_be_read_says_why(
    hass: HomeAssistant,
    feeds: FeedServer,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    feeds.broken.add(FEED)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None
    registry = ir.async_get(hass)
    issue_id = f"playback_failed_{mock_config_entry.entry_id}"

    place(emulator, PODCAST)

    await wait_until(lambda: registry.async_get_issue(DOMAIN, issue_id) is not None)
    issue = registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert "kids.xml" in str(issue.translation_placeholders)
    assert not [call for call in speaker.calls if call[0] == "play_media"]
    assert "Traceback" not in caplog.text
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_next_one_not_yet_finished_plays_the_oldest_episode_not_heard(
    hass: HomeAssistant,
    feeds: FeedServer,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    speaker.reports_duration(600)
    set_playback(hass, box, PODCAST, episodes="next")
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 1)))

    speaker.finish_track()

    # Heard to its end: the next episode plays, and is where the chip goes on.
    await wait_until(lambda: playing(hass, episode(feeds, 2)))
    podcasts = box.runtime_data.jukebox.listings.podcasts
    assert podcasts.heard(PODCAST) == {episode(feeds, 1)}


async def test_an_episode_lifted_within_30_seconds_of_its_end_counts_as_heard(
    hass: HomeAssistant,
    feeds: FeedServer,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    speaker.reports_duration(600)
    set_playback(hass, box, PODCAST, episodes="next", mode="audiobook")
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 1)))
    speaker._set_position(575)
    speaker.async_write_ha_state()
    emulator.remove()
    await wait_until(lambda: paused(hass))

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 2)))
    assert ("media_seek", 575) not in speaker.calls


async def test_an_episode_lifted_halfway_goes_on_where_it_stopped(
    hass: HomeAssistant,
    feeds: FeedServer,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    speaker.reports_duration(600)
    set_playback(hass, box, PODCAST, episodes="next", mode="audiobook")
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 1)))
    speaker._set_position(300)
    speaker.async_write_ha_state()
    emulator.remove()
    await wait_until(lambda: paused(hass))
    await store_writes(hass)
    await speaker.async_media_stop()

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 1)))
    await wait_until(
        lambda: any(
            name == "media_seek" and int(value) == 300 for name, value in speaker.calls
        )
    )


async def test_from_the_first_plays_a_series_from_its_first_episode(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    set_playback(hass, box, PODCAST, episodes="first")

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 1)))


async def test_the_progress_sensor_shows_the_episode_and_its_title(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 3)))

    await wait_until(
        lambda: (
            (state := hass.states.get("sensor.jukebox_progress")) is not None
            and state.state == "3/3"
        )
    )
    state = hass.states.get("sensor.jukebox_progress")
    assert state is not None
    assert state.attributes["title"] == "Episode 3"


async def test_a_next_chip_moves_to_the_next_episode(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    set_playback(hass, box, PODCAST, episodes="first", on_remove="nothing")
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 1)))
    emulator.remove()

    place(emulator, SKIP)

    await wait_until(lambda: playing(hass, episode(feeds, 2)))


async def test_the_kids_views_next_and_previous_move_between_episodes(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    child = await hass_ws_client(hass, hass_read_only_access_token)
    set_playback(hass, box, PODCAST, episodes="first")
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 1)))

    for button, number in (("next", 2), ("next", 3), ("previous", 2)):
        await child.send_json_auto_id(
            {"type": "nfc_jukebox/press", "entry_id": box.entry_id, "button": button}
        )
        assert (await child.receive_json())["success"]
        await wait_until(lambda number=number: playing(hass, episode(feeds, number)))


async def test_resetting_a_podcast_chip_forgets_the_episodes_it_heard(
    hass: HomeAssistant,
    feeds: FeedServer,
    speaker: Speaker,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    speaker.reports_duration(600)
    set_playback(hass, box, PODCAST, episodes="next")
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 1)))
    speaker.finish_track()
    await wait_until(lambda: playing(hass, episode(feeds, 2)))
    emulator.remove()
    await wait_until(lambda: paused(hass))

    await hass.services.async_call(
        DOMAIN, "reset_progress", {"uid": PODCAST}, blocking=True
    )

    assert box.runtime_data.jukebox.listings.podcasts.heard(PODCAST) == set()
