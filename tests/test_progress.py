"""Audiobook progress: how a chip resumes (its mode), kept for the home, reset, shown."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.storage import Store
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_RESUME_WINDOW,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.progress import DATA_PROGRESS, ProgressStore
from custom_components.nfc_jukebox.websocket.view import ChipChanges, reader_state

from .conftest import WaitUntil
from .playback.support import store_writes
from .speaker import Speaker
from .test_folders import (
    FILES,
    FOLDER,
    PLAYER,
    STORIES,
    TRACKS,
    add_speaker,
    calls,
    place,
    player,
    playing,
    write_wav,
)

PROGRESS = "nfc_jukebox.progress"
OTHER_CHIP = "04EEEEEEEEEEEE"
#: an audiobook of one long file
MOON = "04CCCCCCCCCCCC"


@pytest.fixture
async def media(hass: HomeAssistant, tmp_path: Path) -> None:
    """Set up My media on a folder "Bedtime stories" of three WAVs."""
    folder = tmp_path / "Bedtime stories"
    folder.mkdir()
    for name in FILES:
        write_wav(folder / name)
    hass.config.media_dirs = {"local": str(tmp_path)}
    assert await async_setup_component(hass, "http", {})
    assert await async_setup_component(hass, "media_source", {})
    await hass.async_block_till_done()


@pytest.fixture(params=["queue", "plain"])
async def speaker(
    hass: HomeAssistant, media: None, request: pytest.FixtureRequest
) -> Speaker:
    """Return a speaker with a queue of its own, and one that plays one thing."""
    speaker = Speaker("Kids")
    if request.param == "queue":
        speaker.with_queue()
    return await add_speaker(hass, speaker)


@pytest.fixture
def playback() -> dict[str, Any]:
    """Return the bedtime stories chip's playback settings (tests override it)."""
    return {"mode": "audiobook"}


@pytest.fixture
def options() -> dict[str, Any]:
    """Return the reader's options (tests override it)."""
    return {}


@pytest.fixture
def mock_config_entry(
    playback: dict[str, Any], options: dict[str, Any]
) -> MockConfigEntry:
    """Return a simulated reader with the bedtime stories chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options=options,
        subentries_data=[
            ConfigSubentryData(
                data={
                    "uid": STORIES,
                    "media": {
                        "entity_id": PLAYER,
                        "media_content_id": FOLDER,
                        "media_content_type": "app",
                    },
                    "playback": playback,
                },
                subentry_type="tag",
                title="Bedtime stories",
                unique_id=STORIES,
            ),
            ConfigSubentryData(
                data={
                    "uid": MOON,
                    "media": {
                        "entity_id": PLAYER,
                        "media_content_id": TRACKS[0],
                        "media_content_type": "audio/x-wav",
                    },
                    "playback": {"mode": "audiobook"},
                },
                subentry_type="tag",
                title="Moon",
                unique_id=MOON,
            ),
        ],
    )


async def to_track_two_and_lift(
    hass: HomeAssistant,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    """Listen to the first story, 42 seconds into the second, then lift the chip."""
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    await hass.async_block_till_done()
    speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)


async def restart(
    hass: HomeAssistant, entry: MockConfigEntry, speaker: Speaker
) -> Pn532Emulator:
    """Restart Home Assistant's part of it: the reader again, the speaker idle.

    What the home remembered is read again from .storage, as after a restart.
    """
    assert await hass.config_entries.async_unload(entry.entry_id)
    hass.data.pop(DATA_PROGRESS)
    await speaker.async_media_stop()
    assert await hass.config_entries.async_setup(entry.entry_id)
    emulator: Pn532Emulator | None = entry.runtime_data.reader.emulator
    assert emulator is not None
    return emulator


def stopped_long_ago(entry: MockConfigEntry, ago: timedelta) -> None:
    """Make the bedtime stories chip's bookmark ``ago`` old."""
    bookmark = entry.runtime_data.jukebox.bookmarks.get(STORIES)
    assert bookmark is not None
    bookmark.saved_at = (dt_util.utcnow() - ago).isoformat()


async def test_an_audiobook_goes_on_at_its_track_and_position_however_long_ago(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)
    emulator = await restart(hass, init_integration, speaker)
    stopped_long_ago(init_integration, timedelta(days=400))

    place(emulator)
    await wait_until(lambda: calls(speaker, "media_seek")[1:] != [])

    assert playing(hass, TRACKS[1])
    assert calls(speaker, "media_seek")[-1] >= 42.0


@pytest.mark.parametrize("playback", [{"mode": "music"}])
@pytest.mark.parametrize("options", [{CONF_RESUME_WINDOW: 30}])
async def test_music_starts_over_after_the_resume_window(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)
    stopped_long_ago(init_integration, timedelta(minutes=31))

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    assert calls(speaker, "play_media")[-1] == TRACKS[0]
    assert calls(speaker, "media_seek") == [42.0]  # only the test's own


@pytest.mark.parametrize(
    "playback",
    [{"mode": "start_over"}, {"resume": False}],
    ids=["start_over", "saved_before_modes_with_resume_off"],
)
async def test_a_start_over_chip_starts_at_track_one(
    hass: HomeAssistant,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    assert calls(speaker, "play_media")[-1] == TRACKS[0]
    assert calls(speaker, "media_seek") == [42.0]


async def test_an_audiobook_heard_to_its_end_starts_over(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await wait_until(lambda: init_integration.runtime_data.jukebox.progress is not None)
    speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))
    speaker.finish_track()
    await hass.async_block_till_done()
    assert player(hass).state == MediaPlayerState.IDLE
    emulator.remove()
    await wait_until(lambda: init_integration.runtime_data.reader.present is None)
    await hass.async_block_till_done()

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    assert calls(speaker, "play_media")[-1] == TRACKS[0]


async def test_a_one_file_audiobook_heard_to_its_end_starts_over(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, MOON)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    await speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)
    place(emulator, MOON)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    assert speaker.position_now >= 42.0  # an audiobook goes on

    speaker.finish_track()
    await hass.async_block_till_done()
    emulator.remove()
    await wait_until(lambda: init_integration.runtime_data.reader.present is None)
    await hass.async_block_till_done()
    place(emulator, MOON)
    await wait_until(lambda: len(calls(speaker, "play_media")) == 2)

    assert playing(hass, TRACKS[0])
    assert calls(speaker, "media_seek") == [42.0]  # only the test's own
    assert speaker.position_now < 42.0


async def test_the_readers_old_bookmarks_move_into_the_homes_progress(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    wait_until: WaitUntil,
) -> None:
    old_key = f"{DOMAIN}.{mock_config_entry.entry_id}.bookmarks"
    now = dt_util.utcnow()

    def bookmark(track: int, hours_ago: int) -> dict[str, Any]:
        return {
            "entity_id": PLAYER,
            "media_content_id": FOLDER,
            "player_content_id": TRACKS[track],
            "position": 12.0,
            "saved_at": (now - timedelta(hours=hours_ago)).isoformat(),
            "track": track,
        }

    hass_storage[old_key] = {
        "version": 1,
        "key": old_key,
        "data": {STORIES: bookmark(2, hours_ago=1), OTHER_CHIP: bookmark(0, 5)},
    }
    # Another reader's, moved already, is older: the newest position wins.
    hass_storage[PROGRESS] = {
        "version": 1,
        "key": PROGRESS,
        "data": {STORIES: bookmark(1, hours_ago=2)},
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert old_key not in hass_storage
    moved = hass_storage[PROGRESS]["data"]
    assert moved[STORIES]["track"] == 2
    assert moved[OTHER_CHIP] == bookmark(0, 5)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator)
    await wait_until(lambda: calls(speaker, "media_seek") != [])

    assert playing(hass, TRACKS[2])
    assert calls(speaker, "media_seek") == [12.0]
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


def stored_bookmark(**changes: Any) -> dict[str, Any]:
    """Return a bookmark as the store keeps it: the second story, 12 s in, an hour ago."""
    bookmark = {
        "entity_id": PLAYER,
        "media_content_id": FOLDER,
        "player_content_id": TRACKS[1],
        "position": 12.0,
        "saved_at": (dt_util.utcnow() - timedelta(hours=1)).isoformat(),
        "track": 1,
    }
    bookmark.update(changes)
    return {key: value for key, value in bookmark.items() if value is not ...}


#: bookmarks not as this release writes them: a later release's or a hand edit's
BAD_BOOKMARKS = {
    "unexpected_field": (stored_bookmark(volume=0.4), "volume"),
    "missing_field": (stored_bookmark(saved_at=...), "saved_at"),
    "time_that_is_no_time": (stored_bookmark(saved_at="garbage"), "saved_at"),
    "time_without_time_zone": (
        stored_bookmark(saved_at="2026-11-30T12:00:00"),
        "saved_at",
    ),
    "position_that_is_a_string": (stored_bookmark(position="12"), "position"),
    # checked by Home Assistant's own validator (probatio, not voluptuous)
    "speaker_that_is_no_entity": (
        stored_bookmark(entity_id="kids speaker"),
        "entity_id",
    ),
    "track_below_the_first": (stored_bookmark(track=-1), "track"),
    "no_bookmark_at_all": (["04A1B2C3D4E5F6"], "expected a mapping"),
}


@pytest.mark.parametrize("bad", BAD_BOOKMARKS.values(), ids=BAD_BOOKMARKS.keys())
async def test_a_bookmark_not_as_expected_costs_only_that_chip_with_one_warning(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    bad: tuple[Any, str],
) -> None:
    bookmark, what = bad
    hass_storage[PROGRESS] = {
        "version": 1,
        "key": PROGRESS,
        "data": {STORIES: bookmark, MOON: stored_bookmark(track=None)},
    }
    mock_config_entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    bookmarks = mock_config_entry.runtime_data.jukebox.bookmarks
    assert bookmarks.get(STORIES) is None
    assert bookmarks.get(MOON) is not None
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and STORIES in record.getMessage()
    ]
    assert len(warnings) == 1
    assert what in warnings[0]
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_chip_whose_bookmark_was_skipped_plays_from_the_start(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hass_storage[PROGRESS] = {
        "version": 1,
        "key": PROGRESS,
        "data": {STORIES: stored_bookmark(saved_at="garbage")},
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    assert calls(speaker, "play_media") == [TRACKS[0]]
    assert calls(speaker, "media_seek") == []
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    # Its new bookmark is a good one: put back, it goes on.
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


@pytest.mark.parametrize(
    "version",
    [
        {"version": 1},
        {"version": 1, "minor_version": 1},
        {"version": 1, "minor_version": 9},
    ],
    ids=["written_by_0_3", "version_1_1", "a_later_minor_version"],
)
async def test_a_progress_file_of_another_minor_version_loads_through_the_migration(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    version: dict[str, int],
) -> None:
    hass_storage[PROGRESS] = {
        **version,
        "key": PROGRESS,
        "data": {STORIES: stored_bookmark()},
    }
    mock_config_entry.add_to_hass(hass)

    with patch.object(
        ProgressStore,
        "_async_migrate_func",
        autospec=True,
        side_effect=ProgressStore._async_migrate_func,
    ) as migrate:
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert migrate.called
    bookmark = mock_config_entry.runtime_data.jukebox.bookmarks.get(STORIES)
    assert bookmark is not None
    assert bookmark.track == 1
    assert bookmark.position == 12.0
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_later_releases_progress_file_is_kept_and_the_chips_play_from_the_start(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    later = {"version": 2, "key": PROGRESS, "data": {"chips": {STORIES: {}}}}
    hass_storage[PROGRESS] = later
    mock_config_entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)
    await store_writes(hass)

    assert calls(speaker, "media_seek") == []
    assert hass_storage[PROGRESS] == later
    assert "later release" in caplog.text
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert hass_storage[PROGRESS] == later


async def test_the_bookmarks_this_release_writes_load_in_the_release_before(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)
    await store_writes(hass)
    assert hass_storage[PROGRESS]["minor_version"] == 2

    # 0.3.0 opened it as a plain version 1 store: a later minor version reads as is.
    stored = await Store[dict[str, Any]](hass, 1, PROGRESS).async_load()

    assert stored is not None
    assert stored[STORIES]["track"] == 1


def stories_subentry(entry: MockConfigEntry) -> str:
    """Return the subentry id of the bedtime stories chip."""
    subentry_id: str = next(
        subentry_id
        for subentry_id, subentry in entry.subentries.items()
        if subentry.unique_id == STORIES
    )
    return subentry_id


@pytest.mark.parametrize("how", ["action", "websocket"])
async def test_a_reset_chip_starts_over(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_ws_client: WebSocketGenerator,
    hass_storage: dict[str, Any],
    how: str,
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)

    if how == "action":
        await hass.services.async_call(
            DOMAIN, "reset_progress", {"uid": "04:a1:b2:c3:d4:e5:f6"}, blocking=True
        )
    else:
        client = await hass_ws_client(hass)
        await client.send_json_auto_id(
            {
                "type": f"{DOMAIN}/chip/reset",
                "entry_id": init_integration.entry_id,
                "subentry_id": stories_subentry(init_integration),
            }
        )
        assert (await client.receive_json())["success"]
    await store_writes(hass)

    assert STORIES not in hass_storage[PROGRESS]["data"]
    state = hass.states.get("sensor.jukebox_progress")
    assert state is not None
    assert state.state == "none"
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    assert calls(speaker, "media_seek") == [42.0]  # only the test's own


async def test_resetting_a_chip_no_reader_has_is_refused_and_loses_nothing(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await to_track_two_and_lift(hass, speaker, emulator, wait_until)

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN, "reset_progress", {"uid": OTHER_CHIP}, blocking=True
        )

    assert raised.value.translation_key == "no_such_music_chip"
    assert init_integration.runtime_data.jukebox.bookmarks.get(STORIES) is not None


async def test_only_an_administrator_may_reset_a_chip_from_the_card(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    child = await hass_ws_client(hass, hass_read_only_access_token)
    await child.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/reset",
            "entry_id": init_integration.entry_id,
            "subentry_id": stories_subentry(init_integration),
        }
    )

    answer = await child.receive_json()
    assert not answer["success"]
    assert answer["error"]["code"] == "unauthorized"


async def test_the_progress_sensor_follows_the_track_and_shows_where_it_stopped(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    def progress() -> tuple[str, dict[str, Any]]:
        state = hass.states.get("sensor.jukebox_progress")
        assert state is not None
        return state.state, {
            key: state.attributes[key] for key in ("track", "tracks", "title")
        }

    assert progress() == ("none", {"track": None, "tracks": None, "title": None})
    place(emulator)
    await wait_until(lambda: progress()[0] == "1/3")
    assert progress()[1] == {"track": 1, "tracks": 3, "title": "1 Moon.wav"}

    speaker.finish_track()
    await wait_until(lambda: progress()[0] == "2/3")
    assert progress()[1]["title"] == "2 Stars.wav"
    await speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    assert progress()[0] == "2/3"  # lifted: where it stopped
    shown = init_integration.runtime_data.jukebox.progress
    assert shown is not None
    assert shown.position == pytest.approx(42.0, abs=0.5)


async def test_tag_placed_says_which_track_of_a_folder_plays(
    hass: HomeAssistant,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    events = async_capture_events(hass, "state_changed")

    def placed() -> list[tuple[int, int]]:
        return [
            (state.attributes["track"], state.attributes["tracks"])
            for event in events
            if event.data["entity_id"] == "event.jukebox_chip"
            and (state := event.data["new_state"]) is not None
            and state.attributes.get("event_type") == "tag_placed"
        ]

    place(emulator)
    await wait_until(lambda: placed() == [(1, 3)])
    speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    place(emulator)
    await wait_until(lambda: len(placed()) == 2)

    assert placed() == [(1, 3), (2, 3)]


async def test_the_card_shows_which_track_of_how_many_plays(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    await hass.async_block_till_done()

    state = reader_state(hass, init_integration)

    assert state["progress"] == {
        "uid": STORIES,
        "track": 1,
        "tracks": 3,
        "title": "1 Moon.wav",
        "position": pytest.approx(0.0, abs=0.5),
    }


@pytest.mark.parametrize("playback", [{"resume": False, "shuffle": True}])
async def test_the_card_edits_a_chip_saved_before_modes_by_its_mode(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    changed, _ = ChipChanges().changes(hass, init_integration)  # what the card is sent
    chip = next(chip for chip in changed if chip["uid"] == STORIES)

    assert chip["playback"] == {"mode": "start_over", "order": "shuffle"}
