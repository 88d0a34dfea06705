"""A folder chip's queue: control chips move through its tracks, the sleep timer ends it."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    EVENT_SLEEP_TIMER_ENDED,
    Connection,
)
from custom_components.nfc_jukebox.folders import FolderListings
from custom_components.nfc_jukebox.playback import queue
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests import test_folders
from tests.speaker import Speaker
from tests.test_folders import (
    BIG_FOLDER,
    EVERYTHING,
    FOLDER,
    MORE,
    STORIES,
    TRACKS,
    WaitUntil,
    calls,
    folder_chip,
    place,
    player,
    playing,
    write_wav,
)

# The folders' fixtures: My media with its folders, the two kinds of speaker.
media = test_folders.media
plain_speaker = test_folders.plain_speaker
queue_speaker = test_folders.queue_speaker

NEXT = "04AAAAAAAAAAAA"
PREVIOUS = "04ABABABABABAB"
SLEEP_AFTER_TRACK = "04EEEEEEEEEEEE"
SLEEP_TIMER = "04EFEFEFEFEFEF"
FOX = "04F0F0F0F0F0F0"
TIMER = "sensor.jukebox_sleep_timer"


def control(uid: str, name: str, action: str) -> ConfigSubentryData:
    """Return the subentry of a control chip."""
    return ConfigSubentryData(
        data={"uid": uid, "action": action, "minutes": 20},
        subentry_type="control",
        title=name,
        unique_id=uid,
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with a folder chip and control chips."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            folder_chip(STORIES, "Bedtime stories", FOLDER, "inherit"),
            control(NEXT, "Next", "next"),
            control(PREVIOUS, "Back", "previous"),
            control(SLEEP_AFTER_TRACK, "Last song", "sleep_after_track"),
            control(SLEEP_TIMER, "Bedtime", "sleep_timer"),
            folder_chip(EVERYTHING, "Everything", BIG_FOLDER, "inherit"),
            folder_chip(FOX, "More stories", MORE, "inherit"),
        ],
    )


async def put_on(
    hass: HomeAssistant, emulator: Pn532Emulator, wait_until: WaitUntil, uid: str
) -> None:
    """Put a chip on the reader and let it act."""
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    name = next(s.title for s in entry.subentries.values() if s.unique_id == uid)
    place(emulator, uid)
    await wait_until(lambda: current_chip(hass) == name)
    # Its action started when the chip arrived; it runs under the jukebox's lock.
    for _ in range(5):
        await asyncio.sleep(0)
    await wait_until(lambda: not entry.runtime_data.jukebox.actions.lock.locked())
    await hass.async_block_till_done()


async def press(
    hass: HomeAssistant, emulator: Pn532Emulator, wait_until: WaitUntil, uid: str
) -> None:
    """Put a control chip on the reader, let it act, and lift it."""
    await put_on(hass, emulator, wait_until, uid)
    emulator.remove()
    await wait_until(lambda: current_chip(hass) == "none")


def current_chip(hass: HomeAssistant) -> str | None:
    """Return what the reader's Current chip sensor says."""
    state = hass.states.get("sensor.jukebox_current_chip")
    return None if state is None else state.state


async def start_stories(
    hass: HomeAssistant, emulator: Pn532Emulator, wait_until: WaitUntil
) -> None:
    """Play the bedtime stories, then lift their chip (the music pauses)."""
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)


async def test_next_and_previous_chips_move_through_the_folder_on_a_speaker_without_a_queue(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await start_stories(hass, emulator, wait_until)

    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[1])
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[2])
    # In the first seconds of a track, previous goes back a track.
    await press(hass, emulator, wait_until, PREVIOUS)
    assert playing(hass, TRACKS[1])
    assert calls(plain_speaker, "play_media") == [*TRACKS, TRACKS[1]]

    # The folder plays on by itself from the track the chips chose.
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))
    # After the last track, next starts the folder again.
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[0])
    # At the first track, previous starts it again.
    await plain_speaker.async_media_seek(1.0)
    await press(hass, emulator, wait_until, PREVIOUS)
    assert playing(hass, TRACKS[0])
    assert calls(plain_speaker, "media_seek")[-1] == 0
    assert calls(plain_speaker, "previous") == calls(plain_speaker, "next") == []


async def test_previous_after_three_seconds_restarts_the_track(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[1])
    await plain_speaker.async_media_seek(42.0)

    await press(hass, emulator, wait_until, PREVIOUS)

    assert playing(hass, TRACKS[1])
    assert calls(plain_speaker, "media_seek")[-1] == 0
    assert plain_speaker.position_now < 3
    assert calls(plain_speaker, "play_media") == TRACKS[:2]


async def test_previous_replays_the_track_on_a_speaker_that_cannot_seek(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    plain_speaker._attr_supported_features &= ~MediaPlayerEntityFeature.SEEK
    plain_speaker.async_write_ha_state()
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, NEXT)
    await plain_speaker.async_media_seek(42.0)

    await press(hass, emulator, wait_until, PREVIOUS)

    assert playing(hass, TRACKS[1])
    assert calls(plain_speaker, "play_media") == [*TRACKS[:2], TRACKS[1]]
    assert plain_speaker.position_now < 3


async def test_next_and_previous_chips_use_the_queue_of_a_speaker_with_one(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 2)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[1])
    await press(hass, emulator, wait_until, PREVIOUS)
    assert playing(hass, TRACKS[0])
    assert calls(queue_speaker, "next") == calls(queue_speaker, "previous") == [None]

    await press(hass, emulator, wait_until, NEXT)
    await queue_speaker.async_media_seek(42.0)
    await press(hass, emulator, wait_until, PREVIOUS)
    assert playing(hass, TRACKS[1])
    assert calls(queue_speaker, "media_seek")[-1] == 0

    # Next on the last track starts the folder over, queue and all.
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[2])
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[0])
    await wait_until(lambda: queue_speaker.queue == TRACKS[1:])


async def test_putting_the_chip_back_after_next_plays_on_from_the_new_track(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, NEXT)
    await plain_speaker.async_media_pause()

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[1]))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))


async def test_putting_the_chip_back_while_the_chosen_track_plays_lets_it_play_on(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, NEXT)
    await plain_speaker.async_media_seek(42.0)

    await put_on(hass, emulator, wait_until, STORIES)

    assert playing(hass, TRACKS[1])
    assert plain_speaker.position_now >= 42.0
    assert calls(plain_speaker, "play_media") == TRACKS[:2]
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))


async def test_the_sleep_timer_at_the_end_of_the_track_stops_a_folder_without_a_queue(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    plain_speaker.reports_duration(180)
    ended = async_capture_events(hass, EVENT_SLEEP_TIMER_ENDED)
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, SLEEP_AFTER_TRACK)
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    # The timer says when the track ends.
    await wait_until(lambda: hass.states.get(TIMER).state != STATE_UNKNOWN)  # type: ignore[union-attr]
    ends = dt_util.parse_datetime(hass.states.get(TIMER).state)  # type: ignore[union-attr]
    assert ends is not None
    assert timedelta(minutes=2) < ends - dt_util.utcnow() <= timedelta(minutes=3)

    plain_speaker.finish_track()
    await wait_until(lambda: len(ended) == 1)
    await hass.async_block_till_done()

    assert player(hass).state == MediaPlayerState.IDLE
    assert calls(plain_speaker, "play_media") == [TRACKS[0]]
    assert hass.states.get(TIMER).state == STATE_UNKNOWN  # type: ignore[union-attr]


async def test_the_sleep_timer_at_the_end_of_the_track_pauses_a_speaker_with_a_queue(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    ended = async_capture_events(hass, EVENT_SLEEP_TIMER_ENDED)
    place(emulator)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 2)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)
    await press(hass, emulator, wait_until, SLEEP_AFTER_TRACK)
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    # The speaker goes on to its next track by itself: that one pauses at once.
    queue_speaker.finish_track()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)
    assert player(hass).attributes["media_content_id"] == TRACKS[1]
    assert len(ended) == 1

    # Lifted and put back next evening, the folder goes on with that track.
    emulator.remove()
    await wait_until(lambda: current_chip(hass) == "none")
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[1]))


async def test_a_next_chip_moves_the_end_of_track_sleep_timer_to_the_new_track(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, SLEEP_AFTER_TRACK)
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[1])

    plain_speaker.finish_track()
    await hass.async_block_till_done()

    assert player(hass).state == MediaPlayerState.IDLE
    assert calls(plain_speaker, "play_media") == TRACKS[:2]


async def test_placing_a_sleep_chip_again_cancels_the_end_of_track_timer(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await start_stories(hass, emulator, wait_until)
    await press(hass, emulator, wait_until, SLEEP_AFTER_TRACK)
    await press(hass, emulator, wait_until, SLEEP_TIMER)
    assert hass.states.get(TIMER).state == STATE_UNKNOWN  # type: ignore[union-attr]
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))


async def test_a_folder_played_within_a_minute_of_its_listing_is_not_listed_again(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    folders = init_integration.runtime_data.jukebox.folders
    await wait_until(lambda: folders.listed(FOLDER))
    write_wav(tmp_path / "Bedtime stories" / "11 Comet.wav")

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    await hass.async_block_till_done()

    assert not await listed_with_comet(folders, tries=10)


async def test_a_played_folder_is_listed_again_so_new_files_play_next_time(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folders = init_integration.runtime_data.jukebox.folders
    await wait_until(lambda: folders.listed(FOLDER))
    write_wav(tmp_path / "Bedtime stories" / "11 Comet.wav")
    # The listing is older than the minute after which a played folder is listed.
    monkeypatch.setattr(queue, "REFRESH_AFTER", timedelta(0))

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    # Placing did not wait for a new listing; the folder is listed again after.
    assert await listed_with_comet(folders)


async def test_a_saved_folder_chip_is_listed_again(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    folders = init_integration.runtime_data.jukebox.folders
    await wait_until(lambda: folders.listed(FOLDER))
    write_wav(tmp_path / "Bedtime stories" / "11 Comet.wav")
    subentry = next(
        s for s in init_integration.subentries.values() if s.unique_id == STORIES
    )

    hass.config_entries.async_update_subentry(
        init_integration, subentry, title="Stories"
    )

    assert await listed_with_comet(folders)


async def listed_with_comet(folders: FolderListings, tries: int = 300) -> bool:
    """Return whether the folder is listed with the file added, once it is."""
    comet = f"{FOLDER}/11 Comet.wav"
    for _ in range(tries):
        tracks = await folders.async_tracks(FOLDER) or ()
        if [track.media_content_id for track in tracks] == [*TRACKS, comet]:
            return True
        await asyncio.sleep(0.01)
    return False


async def test_queueing_a_500_track_folder_lets_home_assistant_work_in_between(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    folders = init_integration.runtime_data.jukebox.folders
    await wait_until(lambda: folders.listed(BIG_FOLDER))
    queued_when_it_ran: list[int] = []

    def first_enqueue() -> None:
        # Something else Home Assistant has to do, asked for as the queueing starts.
        hass.loop.call_soon(lambda: queued_when_it_ran.append(len(queue_speaker.queue)))

    queue_speaker.on_enqueue = first_enqueue
    place(emulator, EVERYTHING)
    await wait_until(lambda: len(queue_speaker.queue) == 499)

    assert queued_when_it_ran[0] < 10


async def test_next_on_the_last_of_two_tracks_starts_over_on_a_speaker_with_a_queue(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    write_wav(tmp_path / "More stories" / "2 Hen.wav")
    await init_integration.runtime_data.jukebox.folders.async_refresh(MORE)
    fox, hen = f"{MORE}/1 Fox.wav", f"{MORE}/2 Hen.wav"
    place(emulator, FOX)
    await wait_until(lambda: queue_speaker.queue == [hen])
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, hen)
    await press(hass, emulator, wait_until, NEXT)

    assert playing(hass, fox)
    await wait_until(lambda: queue_speaker.queue == [hen])
    assert calls(queue_speaker, "next") == [None]
