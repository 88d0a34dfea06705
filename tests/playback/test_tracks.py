"""The pure track helpers: which track, where in it, and whether it ended."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.media_player import MediaPlayerState
from homeassistant.core import State
from homeassistant.util import dt as dt_util

from custom_components.nfc_jukebox.const import ChipMode
from custom_components.nfc_jukebox.folders import Track
from custom_components.nfc_jukebox.playback.tracks import (
    current_position,
    plays_by_track,
    resume_track,
    stored_by_track,
    track_end,
    track_ended,
    track_index,
    track_of,
)
from custom_components.nfc_jukebox.progress import Bookmark

PLAYER = "media_player.kids"
LISTING = tuple(
    Track(
        media_content_id=f"media-source://stories/{n}.mp3",
        media_content_type="music",
        title=n,
    )
    for n in ("one", "two", "three")
)


def speaker(state: str, **attributes: Any) -> State:
    """Return a speaker's state with ``attributes``."""
    return State(PLAYER, state, attributes)


def bookmark(*, track: int | None, player_content_id: str | None = None) -> Bookmark:
    """Return a bookmark of the stories folder."""
    return Bookmark(
        entity_id=PLAYER,
        media_content_id="media-source://stories",
        player_content_id=player_content_id,
        position=12.0,
        saved_at=dt_util.utcnow().isoformat(),
        track=track,
    )


def test_track_index_finds_a_track_by_its_content_id() -> None:
    assert track_index(LISTING, LISTING[1].media_content_id) == 1
    assert track_index(LISTING, "media-source://elsewhere") is None
    assert track_index(LISTING, None) is None


def test_a_bookmark_resumes_at_its_track_or_at_what_the_speaker_played() -> None:
    assert resume_track(LISTING, bookmark(track=2)) == 2
    assert resume_track(LISTING, bookmark(track=3)) is None  # the folder shrank
    played = bookmark(track=None, player_content_id=LISTING[1].media_content_id)
    assert resume_track(LISTING, played) == 1
    assert resume_track(LISTING, bookmark(track=None)) is None


def test_folders_always_play_by_track_and_albums_only_as_audiobooks() -> None:
    assert plays_by_track("media-source://media_source/local/stories", ChipMode.MUSIC)
    assert not plays_by_track("spotify:album:1", ChipMode.MUSIC)
    assert plays_by_track("spotify:album:1", ChipMode.AUDIOBOOK)
    stored = {"media": {"media_content_id": "spotify:album:1"}, "playback": {}}
    assert not stored_by_track(stored)
    assert stored_by_track({**stored, "playback": {"mode": "audiobook"}})


@pytest.mark.freeze_time("2026-11-30 12:00:00+00:00")
def test_the_position_moves_on_while_the_speaker_plays(
    freezer: FrozenDateTimeFactory,
) -> None:
    reported = dt_util.utcnow()
    freezer.tick(timedelta(seconds=5))
    playing = speaker(
        MediaPlayerState.PLAYING,
        media_position=10,
        media_position_updated_at=reported,
    )
    assert current_position(playing) == 15.0
    paused = speaker(
        MediaPlayerState.PAUSED, media_position=10, media_position_updated_at=reported
    )
    assert current_position(paused) == 10.0
    assert current_position(speaker(MediaPlayerState.PLAYING)) is None


def test_a_track_is_told_from_the_next_by_its_id_number_and_title() -> None:
    one = speaker("playing", media_content_id="a", media_track=1, media_title="One")
    two = speaker("playing", media_content_id="a", media_track=2, media_title="Two")
    assert track_of(one) == ("a", 1, "One")
    assert track_of(one) != track_of(two)


@pytest.mark.freeze_time("2026-11-30 12:00:00+00:00")
def test_a_track_ends_when_its_time_is_up() -> None:
    now = dt_util.utcnow()
    playing = speaker(
        MediaPlayerState.PLAYING,
        media_duration=100,
        media_position=40,
        media_position_updated_at=now,
    )
    assert track_end(playing) == now + timedelta(seconds=60)
    assert track_end(speaker(MediaPlayerState.PLAYING, media_position=40)) is None
    assert track_end(speaker(MediaPlayerState.PAUSED)) is None
    assert track_end(None) is None


@pytest.mark.freeze_time("2026-11-30 12:00:00+00:00")
def test_a_track_ended_only_if_the_speaker_got_to_its_end() -> None:
    now = dt_util.utcnow()
    idle = speaker(MediaPlayerState.IDLE)

    def at(position: float) -> State:
        return speaker(
            MediaPlayerState.PLAYING,
            media_duration=100,
            media_position=position,
            media_position_updated_at=now,
        )

    assert track_ended(at(99), idle)
    assert not track_ended(at(50), idle)  # stopped by a parent, or loading
    assert not track_ended(at(99), speaker(MediaPlayerState.PAUSED))
    # A speaker that does not say how long its track is: done when it goes idle.
    assert track_ended(speaker(MediaPlayerState.PLAYING), idle)
    assert not track_ended(speaker(MediaPlayerState.PLAYING), speaker("off"))
    assert not track_ended(None, idle)
