"""The queue of a chip with several tracks: which track plays, what comes next.

A folder of My media, or an album or a playlist of a speaker's own, plays track
by track: the queue owns which track plays (as Music Assistant's queue does), the
speaker only moves media. A speaker with a queue of its own is given the rest of
the tracks and moves on by itself; any other is given the next when one ends.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Final

from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event

from ..chips.model import TagMapping, speaker_for
from ..chips.registry import find_chip
from ..const import DOMAIN
from ..folders import REFRESH_AFTER, Track
from ..tracks import current_position, track_ended, track_index

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from .listing import ChipListings
    from .resume import Resume
    from .speaker import SpeakerActions, Speakers

#: A previous chip this far into a track starts it again; sooner, it goes back a track.
RESTART_AFTER: Final = 3.0


@dataclass(kw_only=True, slots=True)
class FolderPlay:
    """The chip whose tracks play now (a folder, an album), and which of them."""

    uid: str
    player: str
    #: the folder: the chip's media content id, and its type
    media_content_id: str
    media_content_type: str
    #: the speaker the chip's music was picked with: it lists an album of its own
    browse_speaker: str
    #: the folder's tracks in natural order (an album's: in the speaker's order)
    listing: tuple[Track, ...]
    #: the order they play in (shuffled, if the chip says so)
    tracks: tuple[Track, ...]
    index: int
    #: the speaker has a queue, and moves on to the next track by itself
    queued: bool = False

    @property
    def track(self) -> Track:
        """Return the track that plays."""
        return self.tracks[self.index]


def folder_play(
    mapping: TagMapping,
    listing: tuple[Track, ...],
    resume_track: int | None,
    player: str,
    only: Track | None = None,
) -> FolderPlay:
    """Return how ``mapping``'s folder plays: from the start, or a resumed track on.

    Shuffled, a resumed track plays first and the others follow in a new order; a
    calendar chip plays ``only`` today's track.
    """
    if only is not None:
        index = 0
        tracks: tuple[Track, ...] = (only,)
    elif not mapping.shuffle:
        index = resume_track or 0
        tracks = listing
    else:
        first = (
            listing[resume_track]
            if resume_track is not None
            else random.choice(listing)  # noqa: S311 - no secret, a child's songs
        )
        others = [track for track in listing if track is not first]
        tracks = (first, *random.sample(others, len(others)))
        index = 0
    return FolderPlay(
        uid=mapping.uid,
        player=player,
        media_content_id=mapping.media_content_id,
        media_content_type=mapping.media_content_type,
        browse_speaker=mapping.entity_id,
        listing=listing,
        tracks=tracks,
        index=index,
    )


class ChipQueue:
    """Which track of a reader's chip plays, and following its speaker to the end."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        *,
        speakers: Speakers,
        actions: SpeakerActions,
        resume: Resume,
        listings: ChipListings,
        notify: Callable[[], None],
    ) -> None:
        """Queue the chips of the reader ``entry``; ``notify`` when the track moves."""
        self.hass = hass
        self.entry = entry
        self.listings = listings
        self._speakers = speakers
        self._actions = actions
        self._resume = resume
        self._notify = notify
        #: the chip whose tracks play, if one does
        self.current: FolderPlay | None = None
        #: the chip with tracks this reader played last, and its tracks: its progress
        self.last: tuple[str, tuple[Track, ...]] | None = None
        self._unfollow: CALLBACK_TYPE | None = None

    # Which track plays ---------------------------------------------------------

    @callback
    def plan(
        self,
        mapping: TagMapping,
        tracks: tuple[Track, ...] | None,
        start: int | None,
        only: Track | None = None,
    ) -> FolderPlay | None:
        """Play ``mapping``'s tracks from ``start``, a calendar chip's ``only`` today's."""
        if tracks is None:
            self.last = None
            return None
        self.current = folder_play(
            mapping, tracks, start, speaker_for(mapping, self.entry), only
        )
        self.last = (mapping.uid, tracks)
        return self.current

    # Following the speaker ------------------------------------------------------

    @callback
    def follow(
        self, mapping: TagMapping, folder: FolderPlay | None, *, enqueue: bool
    ) -> None:
        """Follow the speaker while the chip's music plays, to the end of it."""
        if folder is not None:
            self._start(folder, enqueue=enqueue)
            return
        self._unfollow = async_track_state_change_event(
            self.hass,
            speaker_for(mapping, self.entry),
            partial(self._piece_changed, mapping.uid),
        )

    @property
    def following(self) -> bool:
        """Return whether the speaker is followed (its chip lies on the reader)."""
        return self._unfollow is not None

    @callback
    def follow_on(self, player: str) -> None:
        """Follow the chip's tracks that play on ``player`` without the chip."""
        if (
            (folder := self.current) is not None
            and folder.player == player
            and self._unfollow is None
        ):
            self._follow_folder(folder)

    @callback
    def _piece_changed(self, uid: str, event: Event[EventStateChangedData]) -> None:
        """Note that a chip's one piece was heard to its end."""
        if track_ended(event.data["old_state"], event.data["new_state"]):
            self._finished(uid)

    @callback
    def _finished(self, uid: str) -> None:
        """Forget where a chip heard to its end stopped: put back, it starts over."""
        self.stop()
        self._resume.bookmarks.async_forget(uid)
        self._notify()

    @callback
    def _start(self, folder: FolderPlay, *, enqueue: bool) -> None:
        """Keep ``folder`` playing after its current track, which plays now.

        A speaker with a queue gets the rest of the tracks in it, in the
        background, and moves on by itself; any other speaker is given the next
        track when one ends. Either is followed, so the progress moves with it.
        """
        self.current = folder
        folder.queued = self._speakers.has_queue(folder.player)
        self.listings.refresh(
            folder.media_content_id,
            speaker=folder.browse_speaker,
            media_content_type=folder.media_content_type,
            older_than=REFRESH_AFTER,
        )
        if folder.queued and enqueue:
            self.entry.async_create_background_task(
                self.hass, self._enqueue(folder), f"{DOMAIN} enqueue"
            )
        # Followed with a queue too: the progress moves with the speaker.
        self._follow_folder(folder)

    @callback
    def _follow_folder(self, folder: FolderPlay) -> None:
        """Follow the speaker of ``folder``: its progress, and the end of each track."""
        self.unfollow()
        self._unfollow = async_track_state_change_event(
            self.hass, folder.player, partial(self._speaker_changed, folder)
        )

    async def _enqueue(self, folder: FolderPlay) -> None:
        """Add the tracks after the one that plays to the speaker's queue."""
        for track in folder.tracks[folder.index + 1 :]:
            if self.current is not folder:
                return  # another chip, or lifted and stopped: not this queue
            await self._actions.run(partial(self._enqueue_track, folder, track))
            # A speaker that queues at once never suspends the call: give Home
            # Assistant its turn after each track, not after 500.
            await asyncio.sleep(0)

    async def _enqueue_track(self, folder: FolderPlay, track: Track) -> None:
        if self.current is not folder:
            return
        await self._speakers.enqueue(
            folder.player, track.media_content_id, track.media_content_type
        )

    @callback
    def _speaker_changed(
        self, folder: FolderPlay, event: Event[EventStateChangedData]
    ) -> None:
        """Note the track a speaker moved on to; give one without a queue the next."""
        old, new = event.data["old_state"], event.data["new_state"]
        if self.current is not folder:
            return
        self.listings.note_heard(folder, old, new)
        if folder.queued:
            if track_ended(old, new):
                self._finished(folder.uid)  # the queue ran out
            elif (
                new is not None
                and (index := _playing_index(folder, new)) is not None
                and index != folder.index
            ):
                folder.index = index  # the queue moved on by itself
                self._notify()
            return
        if not track_ended(old, new):
            return
        if folder.index + 1 >= len(folder.tracks):
            self._finished(folder.uid)  # the last track ended: the folder is done
            return
        self._actions.schedule(partial(self._next_track, folder), "next track")

    async def _next_track(self, folder: FolderPlay) -> None:
        if self.current is not folder:
            return  # lifted or replaced while the track ended
        folder.index += 1
        self._notify()
        await self._speakers.start_media(
            folder.player,
            folder.track.media_content_id,
            folder.track.media_content_type,
        )

    @callback
    def stop(self) -> None:
        """Forget the folder that played: its speaker is no longer followed."""
        self.current = None
        self.unfollow()

    @callback
    def stop_on(self, player: str) -> None:
        """Forget the folder that plays on ``player``: it must not go on."""
        if self.current is not None and self.current.player == player:
            self.stop()

    @callback
    def unfollow(self) -> None:
        """Stop following the speaker, but remember the folder (for control chips).

        A lifted chip's speaker stops or pauses mid-track: that is no track ending.
        """
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    # Where the chip is ----------------------------------------------------------

    def listing_track(self, mapping: TagMapping, state: State) -> int | None:
        """Return which track of ``mapping``'s folder the speaker plays, if any.

        Counted in the folder's order (its listing), whatever order it plays in.
        """
        folder = self.current
        if folder is None or folder.uid != mapping.uid:
            return None
        index = track_index(folder.listing, state.attributes.get(ATTR_MEDIA_CONTENT_ID))
        if index is not None:
            return index  # a queue moves on by itself
        return folder.listing.index(folder.track)

    @callback
    def bookmark(self, mapping: TagMapping, state: State) -> bool:
        """Keep where ``mapping``'s music is, if it plays: put back, it goes on there."""
        folder = self.current
        tracks = folder.listing if folder and folder.uid == mapping.uid else ()
        if folder is not None and tracks:
            self.listings.note_heard(folder, state, None)
        track = self.listing_track(mapping, state)
        if saved := self._resume.save(mapping, state, track, tracks):
            self._notify()
        return saved

    @callback
    def bookmark_playing(self, player: str) -> None:
        """Keep where the folder that plays on ``player`` is, for its chip."""
        folder = self.current
        if (
            folder is not None
            and folder.player == player
            and (mapping := find_chip(self.hass, folder.uid, prefer=self.entry))
            is not None
            and isinstance(mapping, TagMapping)
        ):
            self.bookmark(mapping, self._speakers.state(player))

    @callback
    def progress_reset(self, uid: str) -> None:
        """Show that a chip's progress was reset, if it is the one shown.

        A lifted chip's folder is only remembered (for control chips): reset, it
        has no progress to show. One that plays shows where it plays.
        """
        if self.last is not None and self.last[0] == uid:
            if self._unfollow is None:
                self.last = None
            self._notify()

    # Skipping -------------------------------------------------------------------

    async def skip(self, folder: FolderPlay, state: State, *, forward: bool) -> None:
        """Go to the next or previous track of the folder chip that plays.

        Previous early in a track goes back a track, later it starts the track
        again (as on a CD player); next after the last track starts the folder
        over. A speaker with a queue moves in its queue.
        """
        player = folder.player
        index = _playing_index(folder, state)
        if index is None:
            index = folder.index
        position = current_position(state)
        if forward:
            target = (index + 1) % len(folder.tracks)
        elif index > 0 and (position is None or position < RESTART_AFTER):
            target = index - 1
        else:
            target = index
        if target == index and self._speakers.supports(
            player, MediaPlayerEntityFeature.SEEK
        ):
            await self._speakers.seek(player, 0)
            folder.index = index
        elif (
            self._speakers.has_queue(player)
            # Its queue holds the tracks after this one: no way round to the first.
            and target == (index + 1 if forward else index - 1)
            and state.state in (MediaPlayerState.PLAYING, MediaPlayerState.PAUSED)
        ):
            await self._speakers.skip(player, forward=forward)
            folder.index = target
        else:
            # Played by us: the track, and (on a speaker with a queue) those after it.
            self.stop()
            folder = replace(folder, index=target)
            await self._speakers.start_media(
                player, folder.track.media_content_id, folder.track.media_content_type
            )
            self._start(folder, enqueue=True)
        if self._resume.bookmarks.get(folder.uid) is not None and (
            mapping := find_chip(self.hass, folder.uid, prefer=self.entry)
        ):
            # Its chip was lifted: put back, it goes on from the new track.
            assert isinstance(mapping, TagMapping)  # noqa: S101 - a folder's chip
            self.bookmark(mapping, self._speakers.state(player))


def _playing_index(folder: FolderPlay, state: State) -> int | None:
    """Return which of ``folder``'s tracks (in play order) the speaker plays, if one."""
    return track_index(folder.tracks, state.attributes.get(ATTR_MEDIA_CONTENT_ID))
