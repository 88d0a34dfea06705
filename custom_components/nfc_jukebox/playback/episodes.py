"""Which episode a podcast chip plays, and when an episode counts as heard (pure helpers)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Final

from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_DURATION,
)

from ..const import EpisodeOrder
from ..tracks import current_position, track_ended, track_index

if TYPE_CHECKING:
    from homeassistant.core import State

    from ..folders import Track
    from ..progress import Bookmark

#: An episode stopped this close to its end (seconds) was heard: the next one is next.
HEARD_SLACK: Final = 30.0


def bookmarked_episode(tracks: tuple[Track, ...], bookmark: Bookmark) -> int | None:
    """Return which episode a podcast chip's bookmark stopped in, if it is still listed.

    By the episode's file first: a feed that drops its oldest episodes moves the
    others' places.
    """
    if (index := track_index(tracks, bookmark.player_content_id)) is not None:
        return index
    track = bookmark.track
    return track if track is not None and track < len(tracks) else None


def first_episode(
    order: EpisodeOrder,
    tracks: tuple[Track, ...],
    bookmark: Bookmark | None,
    heard: AbstractSet[str],
) -> tuple[int, bool]:
    """Return the episode (index, oldest first) a podcast chip starts with.

    And whether it goes on where the chip's ``bookmark`` stopped. An episode not
    heard to its end goes on (the newest only for **Newest**); else **Newest**
    plays the newest, **Next** the oldest not heard (the newest if all were),
    **From the first** the one after the bookmark's, or the first.
    """
    newest = len(tracks) - 1
    resumed = None if bookmark is None else bookmarked_episode(tracks, bookmark)
    if (
        resumed is not None
        and tracks[resumed].media_content_id not in heard
        and (order is not EpisodeOrder.NEWEST or resumed == newest)
    ):
        return resumed, True
    if order is EpisodeOrder.NEWEST:
        return newest, False
    if order is EpisodeOrder.FIRST:
        after = 0 if resumed is None else resumed + 1
        return (after if after <= newest else 0), False
    return next(
        (i for i, t in enumerate(tracks) if t.media_content_id not in heard), newest
    ), False


def heard_episode(
    tracks: tuple[Track, ...],
    playing: Track,
    old: State | None,
    new: State | None,
) -> Track | None:
    """Return the episode a speaker's change shows heard to its end, if one.

    Heard: within 30 s of its end (as ``old`` last said, or the lifted speaker's
    state), or played until the speaker went idle (one that reports no duration).
    """
    if old is None:
        return None
    content = old.attributes.get(ATTR_MEDIA_CONTENT_ID)
    index = (
        track_index(tracks, content) if content != playing.media_content_id else None
    )
    episode = tracks[index] if index is not None else playing
    if new is not None and track_ended(old, new):
        return episode
    duration = old.attributes.get(ATTR_MEDIA_DURATION)
    position = current_position(old)
    if duration is None or position is None:
        return None
    return episode if position >= float(duration) - HEARD_SLACK else None
