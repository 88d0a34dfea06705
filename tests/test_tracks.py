"""Tests of what a speaker's state says about its tracks."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_DURATION,
    ATTR_MEDIA_POSITION,
    ATTR_MEDIA_POSITION_UPDATED_AT,
    ATTR_MEDIA_TITLE,
    MediaPlayerState,
)
from homeassistant.core import State
from homeassistant.util import dt as dt_util

from custom_components.nfc_jukebox.const import ChipMode
from custom_components.nfc_jukebox.folders import Track
from custom_components.nfc_jukebox.progress import Bookmark
from custom_components.nfc_jukebox.tracks import (
    current_position,
    plays_by_track,
    resume_track,
    stored_by_track,
    track_end,
    track_ended,
    track_index,
    track_of,
)

PLAYER = "media_player.kids_room"
FOLDER = "media-source://media_source/local/Bedtime stories"
LISTING = tuple(
    Track(
        media_content_id=f"{FOLDER}/{index:02} Song.mp3",
        media_content_type="audio/mpeg",
        title=f"Song {index}",
    )
    for index in range(3)
)


def speaker(state: str, **attributes: object) -> State:
    """Return a speaker's state with ``attributes``."""
    return State(PLAYER, state, attributes)


def test_a_playing_speaker_is_further_than_it_last_said(
    freezer: FrozenDateTimeFactory,
) -> None:
    state = speaker(
        MediaPlayerState.PLAYING,
        **{ATTR_MEDIA_POSITION: 10, ATTR_MEDIA_POSITION_UPDATED_AT: dt_util.utcnow()},
    )
    freezer.tick(timedelta(seconds=5))
    assert current_position(state) == 15.0


def test_a_paused_speaker_is_where_it_last_said() -> None:
    state = speaker(
        MediaPlayerState.PAUSED,
        **{ATTR_MEDIA_POSITION: 10, ATTR_MEDIA_POSITION_UPDATED_AT: dt_util.utcnow()},
    )
    assert current_position(state) == 10.0
    assert current_position(speaker(MediaPlayerState.PAUSED)) is None


def test_a_track_is_told_apart_by_content_id_number_and_title() -> None:
    first = speaker(
        MediaPlayerState.PLAYING,
        **{ATTR_MEDIA_CONTENT_ID: "a", ATTR_MEDIA_TITLE: "One"},
    )
    second = speaker(
        MediaPlayerState.PAUSED,
        **{ATTR_MEDIA_CONTENT_ID: "a", ATTR_MEDIA_TITLE: "Two"},
    )
    assert track_of(first) == ("a", None, "One")
    assert track_of(first) != track_of(second)


def test_a_track_ends_when_its_time_is_up() -> None:
    now = dt_util.utcnow()
    state = speaker(
        MediaPlayerState.PLAYING,
        **{
            ATTR_MEDIA_DURATION: 100,
            ATTR_MEDIA_POSITION: 40,
            ATTR_MEDIA_POSITION_UPDATED_AT: now,
        },
    )
    end = track_end(state)
    assert end is not None
    assert abs((end - now).total_seconds() - 60) < 1
    assert track_end(speaker(MediaPlayerState.PAUSED)) is None
    assert track_end(None) is None


def test_a_speaker_that_stops_at_the_end_finished_its_track() -> None:
    playing = {ATTR_MEDIA_DURATION: 100, ATTR_MEDIA_POSITION_UPDATED_AT: None}
    near_end = speaker(MediaPlayerState.PLAYING, **playing, **{ATTR_MEDIA_POSITION: 99})
    midway = speaker(MediaPlayerState.PLAYING, **playing, **{ATTR_MEDIA_POSITION: 50})
    idle = speaker(MediaPlayerState.IDLE)
    assert track_ended(near_end, idle)
    assert not track_ended(midway, idle)
    assert not track_ended(near_end, speaker(MediaPlayerState.PAUSED))
    assert not track_ended(None, idle)


def test_a_speaker_that_does_not_say_how_long_is_done_when_idle() -> None:
    playing = speaker(MediaPlayerState.PLAYING)
    assert track_ended(playing, speaker(MediaPlayerState.IDLE))
    assert not track_ended(playing, speaker(MediaPlayerState.OFF))


def test_folders_of_my_media_always_play_track_by_track() -> None:
    assert plays_by_track(FOLDER, ChipMode.MUSIC)
    assert plays_by_track("spotify:album:1", ChipMode.AUDIOBOOK)
    assert not plays_by_track("spotify:album:1", ChipMode.MUSIC)


def test_a_bookmark_resumes_the_track_it_stopped_in() -> None:
    def bookmark(track: int | None, played: str | None) -> Bookmark:
        return Bookmark(
            entity_id=PLAYER,
            media_content_id=FOLDER,
            player_content_id=played,
            position=12.0,
            saved_at=dt_util.utcnow().isoformat(),
            track=track,
        )

    assert resume_track(LISTING, bookmark(1, None)) == 1
    assert resume_track(LISTING, bookmark(5, None)) is None
    assert resume_track(LISTING, bookmark(None, LISTING[2].media_content_id)) == 2
    assert resume_track(LISTING, bookmark(None, "elsewhere")) is None


def test_track_index_finds_a_track_by_its_content_id() -> None:
    assert track_index(LISTING, LISTING[1].media_content_id) == 1
    assert track_index(LISTING, "media-source://elsewhere") is None
    assert track_index(LISTING, None) is None


def test_a_stored_chip_plays_by_track_as_its_music_and_mode_say() -> None:
    stored = {"media": {"media_content_id": "spotify:album:1"}, "playback": {}}
    assert not stored_by_track(stored)
    assert stored_by_track({**stored, "playback": {"mode": "audiobook"}})
    assert stored_by_track({"media": {"media_content_id": FOLDER}})
