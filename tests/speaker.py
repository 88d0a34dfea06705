"""A small media player with honest state, for the playback tests.

It keeps what a real speaker would report: state, media, position (advancing while
playing, on HA's clock so `freezer` moves it), volume, shuffle and repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, override

from homeassistant.components.media_player import (
    BrowseError,
    BrowseMedia,
    MediaPlayerEntity,
)
from homeassistant.components.media_player.const import (
    MediaClass,
    MediaPlayerEnqueue,
    MediaPlayerEntityFeature,
    MediaPlayerState,
    MediaType,
    RepeatMode,
)
from homeassistant.util import dt as dt_util

#: the album of a speaker's library, as Music Assistant names one
ALBUM = "library://album/1"
#: its tracks in the album's order, which a natural sort would change
ALBUM_TRACKS = {
    "library://track/1": "Intro",
    "library://track/2": "Song 10",
    "library://track/3": "Song 2",
}

SPEAKER_FEATURES = (
    MediaPlayerEntityFeature.PLAY_MEDIA
    | MediaPlayerEntityFeature.PLAY
    | MediaPlayerEntityFeature.PAUSE
    | MediaPlayerEntityFeature.STOP
    | MediaPlayerEntityFeature.SEEK
    | MediaPlayerEntityFeature.VOLUME_SET
    | MediaPlayerEntityFeature.SHUFFLE_SET
    | MediaPlayerEntityFeature.REPEAT_SET
    | MediaPlayerEntityFeature.NEXT_TRACK
    | MediaPlayerEntityFeature.PREVIOUS_TRACK
    | MediaPlayerEntityFeature.TURN_ON
    | MediaPlayerEntityFeature.TURN_OFF
)


class Speaker(MediaPlayerEntity):
    """A speaker that plays what it is told, and says so."""

    _attr_should_poll = False
    _attr_supported_features = SPEAKER_FEATURES

    def __init__(self, name: str, *, volume: float = 0.5) -> None:
        """Start idle at ``volume``."""
        self._attr_name = name
        self._attr_unique_id = f"speaker_{name}"
        self._attr_state = MediaPlayerState.IDLE
        self._attr_volume_level = volume
        self._attr_shuffle = False
        self._attr_repeat = RepeatMode.OFF
        self._attr_media_track = 1
        self.calls: list[tuple[str, Any]] = []
        self._position = 0.0
        self._position_at = dt_util.utcnow()
        #: players rewrite content ids (a media-source id becomes a URL)
        self.rewrite_ids = False
        #: what a call raises, by call name: players advertise what they cannot do
        self.errors: dict[str, Exception] = {}
        #: what plays after the current track (a speaker with MEDIA_ENQUEUE)
        self.queue: list[str] = []
        #: what played before the current track, from its queue
        self.played: list[str] = []
        #: called when the queue gets its first track added
        self.on_enqueue: Callable[[], None] | None = None
        #: what browsing the speaker's library raises (it is down), if anything
        self.library_error: Exception | None = None

    def with_library(self) -> Speaker:
        """Give this speaker a library to browse, with the album ALBUM in it."""
        self._attr_supported_features = (
            self._attr_supported_features | MediaPlayerEntityFeature.BROWSE_MEDIA
        )
        return self

    @override
    async def async_browse_media(
        self,
        media_content_type: MediaType | str | None = None,
        media_content_id: str | None = None,
    ) -> BrowseMedia:
        self._record("browse_media", media_content_id)
        if self.library_error is not None:
            raise self.library_error
        if media_content_id == ALBUM:
            return BrowseMedia(
                media_class=MediaClass.ALBUM,
                media_content_id=ALBUM,
                media_content_type=MediaType.ALBUM,
                title="Album",
                can_play=True,
                can_expand=True,
                children=[_track(track_id) for track_id in ALBUM_TRACKS],
            )
        if media_content_id in ALBUM_TRACKS:
            return _track(media_content_id)
        raise BrowseError(f"Not in the library: {media_content_id}")

    def with_queue(self) -> Speaker:
        """Make this a speaker with a queue of its own (enqueue: add)."""
        self._attr_supported_features = (
            SPEAKER_FEATURES | MediaPlayerEntityFeature.MEDIA_ENQUEUE
        )
        return self

    def reports_duration(self, seconds: int) -> Speaker:
        """Make this a speaker that says how long each track is."""
        self._attr_media_duration = seconds
        return self

    def finish_track(self) -> None:
        """Play the current track to its end: the queue's next one, else idle."""
        if self._attr_media_duration is not None:
            self._set_position(self._attr_media_duration)  # says it got to the end
            self.async_write_ha_state()
        if self.queue:
            self._next_in_queue()
        else:
            self._set_position(self._attr_media_duration or self.position_now)
            self._attr_state = MediaPlayerState.IDLE
        self.async_write_ha_state()

    def _record(self, name: str, value: object = None) -> None:
        """Note a call, then fail it if the test told the speaker to."""
        self.calls.append((name, value))
        if (error := self.errors.get(name)) is not None:
            raise error

    def _set_position(self, position: float) -> None:
        self._position = position
        self._position_at = dt_util.utcnow()

    @property
    @override
    def media_position(self) -> float | None:  # type: ignore[override]
        # Typed int in Home Assistant, but players report fractions of seconds.
        if self._attr_media_content_id is None:
            return None
        return self._position

    @property
    @override
    def media_position_updated_at(self) -> datetime | None:
        return self._position_at

    @property
    def position_now(self) -> float:
        """Return where playback is right now."""
        if self._attr_state == MediaPlayerState.PLAYING:
            return (
                self._position + (dt_util.utcnow() - self._position_at).total_seconds()
            )
        return self._position

    @override
    async def async_play_media(
        self, media_type: MediaType | str, media_id: str, **kwargs: Any
    ) -> None:
        if kwargs.get("enqueue") == MediaPlayerEnqueue.ADD:
            self._record("enqueue", media_id)
            self.queue.append(media_id)
            if len(self.queue) == 1 and self.on_enqueue is not None:
                self.on_enqueue()
            return
        self._record("play_media", media_id)
        self.queue = []
        self.played = []
        if media_id == ALBUM and self.supported_features & (
            MediaPlayerEntityFeature.BROWSE_MEDIA
        ):
            # It plays its own album as a whole: track after track, by itself.
            media_id, *self.queue = ALBUM_TRACKS
        self._attr_media_content_id = (
            f"http://speaker.local/stream?id={media_id}"
            if self.rewrite_ids
            else media_id
        )
        self._attr_media_content_type = media_type
        self._attr_media_track = 1
        self._attr_state = MediaPlayerState.PLAYING
        self._set_position(0.0)
        self.async_write_ha_state()

    @override
    async def async_media_play(self) -> None:
        self._record("media_play")
        self._set_position(self.position_now)
        self._attr_state = MediaPlayerState.PLAYING
        self.async_write_ha_state()

    @override
    async def async_media_pause(self) -> None:
        self._record("media_pause")
        self._set_position(self.position_now)
        self._attr_state = MediaPlayerState.PAUSED
        self.async_write_ha_state()

    @override
    async def async_media_stop(self) -> None:
        self._record("media_stop")
        self._set_position(0.0)
        self._attr_state = MediaPlayerState.IDLE
        self.async_write_ha_state()

    @override
    async def async_media_seek(self, position: float) -> None:
        self._record("media_seek", position)
        self._set_position(position)
        self.async_write_ha_state()

    @override
    async def async_set_volume_level(self, volume: float) -> None:
        self._record("volume_set", volume)
        self._attr_volume_level = volume
        self.async_write_ha_state()

    @override
    async def async_set_shuffle(self, shuffle: bool) -> None:
        self._record("shuffle_set", shuffle)
        self._attr_shuffle = shuffle
        self.async_write_ha_state()

    @override
    async def async_set_repeat(self, repeat: RepeatMode) -> None:
        self._record("repeat_set", repeat)
        self._attr_repeat = repeat
        self.async_write_ha_state()

    def _next_in_queue(self) -> None:
        if self._attr_media_content_id is not None:
            self.played.append(self._attr_media_content_id)
        self._attr_media_content_id = self.queue.pop(0)
        self._attr_media_track = (self._attr_media_track or 1) + 1
        self._set_position(0.0)

    @override
    async def async_media_next_track(self) -> None:
        self._record("next")
        if self.queue:
            self._next_in_queue()
        else:
            self._attr_media_track = (self._attr_media_track or 1) + 1
            self._set_position(0.0)
        self.async_write_ha_state()

    @override
    async def async_media_previous_track(self) -> None:
        self._record("previous")
        if self.played and self._attr_media_content_id is not None:
            self.queue.insert(0, self._attr_media_content_id)
            self._attr_media_content_id = self.played.pop()
        self._attr_media_track = max(1, (self._attr_media_track or 1) - 1)
        self._set_position(0.0)
        self.async_write_ha_state()

    @override
    async def async_turn_on(self) -> None:
        self._record("turn_on")
        self._attr_state = MediaPlayerState.IDLE
        self.async_write_ha_state()

    @override
    async def async_turn_off(self) -> None:
        self._record("turn_off")
        self._attr_state = MediaPlayerState.OFF
        self.async_write_ha_state()


def _track(media_content_id: str) -> BrowseMedia:
    """Return a track of the speaker's library as its media browser shows it."""
    return BrowseMedia(
        media_class=MediaClass.TRACK,
        media_content_id=media_content_id,
        media_content_type=MediaType.TRACK,
        title=ALBUM_TRACKS[media_content_id],
        can_play=True,
        can_expand=False,
    )
