"""Pure helpers about tracks: which one a speaker plays, where, and when it ends.

Nothing here holds Home Assistant: each answer comes from a speaker's state or a
listing, so the house rules use them as well as the jukebox.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components import media_source
from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_DURATION,
    ATTR_MEDIA_POSITION,
    ATTR_MEDIA_POSITION_UPDATED_AT,
    ATTR_MEDIA_TITLE,
    ATTR_MEDIA_TRACK,
    MediaPlayerState,
)
from homeassistant.util import dt as dt_util

from .chips.model import stored_mode
from .const import (
    CONF_MEDIA,
    CONF_PLAYBACK,
    MEDIA_PODCAST,
    MEDIA_RADIO,
    RADIO_BROWSER,
    ChipMode,
)

if TYPE_CHECKING:
    from homeassistant.core import State

    from .folders import Track
    from .progress import Bookmark

#: A speaker that stops this close to a track's end has finished the track.
TRACK_END_SLACK: Final = 2.0


def track_index(tracks: Iterable[Track], media_content_id: object) -> int | None:
    """Return where the track ``media_content_id`` is in ``tracks``, if it is."""
    for index, track in enumerate(tracks):
        if track.media_content_id == media_content_id:
            return index
    return None


def resume_track(listing: tuple[Track, ...], bookmark: Bookmark) -> int | None:
    """Return which track of ``listing`` a bookmark stopped in, if it says.

    A bookmark from before the album was listed (the speaker played it as a
    whole) knows the track only by what the speaker played.
    """
    if bookmark.track is not None:
        return bookmark.track if bookmark.track < len(listing) else None
    return track_index(listing, bookmark.player_content_id)


def plays_by_track(
    media_content_id: str, mode: ChipMode, media_content_type: str = ""
) -> bool:
    """Return whether a chip whose music is a container plays it track by track.

    A folder of My media always does: nothing else could play it, and so does a
    podcast (episode by episode); a live stream never. An album or a playlist of
    a speaker's own library only on an audiobook chip, whose place is kept per
    track; any other chip lets the speaker play it as it plays albums, in its own
    queue (a Spotify queue is the family's, not ours to fill).
    """
    if media_content_type == MEDIA_PODCAST:
        return True
    if media_content_type == MEDIA_RADIO or media_content_id.startswith(RADIO_BROWSER):
        return False
    return mode is ChipMode.AUDIOBOOK or media_source.is_media_source_id(
        media_content_id
    )


def stored_by_track(data: Mapping[str, Any]) -> bool:
    """Return whether a stored music chip plays its container track by track."""
    return plays_by_track(
        data[CONF_MEDIA][ATTR_MEDIA_CONTENT_ID],
        stored_mode(data.get(CONF_PLAYBACK, {})),
        data[CONF_MEDIA].get(ATTR_MEDIA_CONTENT_TYPE) or "",
    )


def current_position(state: State) -> float | None:
    """Return where the player is now, from its last reported position."""
    position = state.attributes.get(ATTR_MEDIA_POSITION)
    if position is None:
        return None
    updated = state.attributes.get(ATTR_MEDIA_POSITION_UPDATED_AT)
    if state.state == MediaPlayerState.PLAYING and isinstance(updated, datetime):
        position += (dt_util.utcnow() - updated).total_seconds()
    return float(position)


def track_of(state: State) -> tuple[Any, ...]:
    """Return what tells one track from the next on a speaker."""
    return tuple(
        state.attributes.get(attribute)
        for attribute in (ATTR_MEDIA_CONTENT_ID, ATTR_MEDIA_TRACK, ATTR_MEDIA_TITLE)
    )


def track_end(state: State | None) -> datetime | None:
    """Return when the track that plays will end, if the speaker says how long it is."""
    if state is None or state.state != MediaPlayerState.PLAYING:
        return None
    duration = state.attributes.get(ATTR_MEDIA_DURATION)
    position = current_position(state)
    if duration is None or position is None:
        return None
    return dt_util.utcnow() + timedelta(seconds=max(0.0, float(duration) - position))


def track_ended(old: State | None, new: State | None) -> bool:
    """Return whether a speaker went from playing to done with its track.

    A speaker that says how long its track is must have got to its end: one that
    goes idle while it loads the next thing, or that a parent stops or turns off,
    did not. One that does not say is done when it goes idle.
    """
    if (
        old is None
        or new is None
        or old.state != MediaPlayerState.PLAYING
        or new.state not in (MediaPlayerState.IDLE, MediaPlayerState.OFF)
    ):
        return False
    duration = old.attributes.get(ATTR_MEDIA_DURATION)
    position = current_position(old)
    if duration is None or position is None:
        return new.state == MediaPlayerState.IDLE
    return position >= float(duration) - TRACK_END_SLACK
