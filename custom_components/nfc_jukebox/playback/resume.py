"""Where a chip's music stopped: its bookmark, whether it resumes, and the progress shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.components.media_player import ATTR_MEDIA_CONTENT_ID
from homeassistant.core import callback
from homeassistant.util import dt as dt_util

from ..chips.model import speaker_for
from ..const import CONF_RESUME_WINDOW, DEFAULT_RESUME_WINDOW, ChipMode
from ..progress import Bookmark, ChipProgress, async_get_progress
from ..tracks import current_position, track_index

if TYPE_CHECKING:
    from collections.abc import Sequence

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant, State

    from ..chips.model import TagMapping
    from ..folders import Track
    from .queue import FolderPlay


@dataclass(frozen=True, kw_only=True, slots=True)
class Progress:
    """How far a folder chip got: which of its tracks plays, or where it stopped."""

    uid: str
    #: 1 is the first track, in the folder's order (natural; an album's own)
    track: int
    tracks: int
    title: str
    #: seconds into the track, as the speaker last said (None: not known)
    position: float | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim:
    """A chip whose music this reader started on a speaker."""

    uid: str
    #: the chip's music then: a chip given other music since is not vouched for
    music: str
    #: what the speaker held before, which is not the chip's (None: nothing, or ours)
    before: str | None


class Resume:
    """The bookmarks of the home's chips, as one reader takes and reads them.

    A bookmark only ever holds its chip's music: what a speaker plays is the
    chip's if it is the chip's music or one of its tracks, or if this reader
    started the chip there and the speaker has moved on from what it held before
    (players rewrite ids; one with a queue plays an album track by track).
    """

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Keep bookmarks for the reader ``entry``; call async_load before use."""
        self.hass = hass
        self.entry = entry
        self._progress: ChipProgress | None = None
        #: by speaker: the chip this reader started there last
        self._claims: dict[str, Claim] = {}

    async def async_load(self) -> None:
        """Load the chips' progress (home-wide)."""
        self._progress = await async_get_progress(self.hass)

    @property
    def bookmarks(self) -> ChipProgress:
        """Return where the home's chips stopped (loaded by async_load)."""
        assert self._progress is not None  # noqa: S101 - async_load ran
        return self._progress

    def resumable(self, mapping: TagMapping) -> Bookmark | None:
        """Return the chip's bookmark if it may resume, as the chip's mode says.

        Music resumes the same music on the same speaker within the reader's
        resume window; an audiobook resumes however long ago, on any speaker. A
        live stream never resumes: put back, it plays live.
        """
        bookmark = self.bookmarks.get(mapping.uid)
        if (
            mapping.is_live
            or mapping.mode is ChipMode.START_OVER
            or bookmark is None
            or bookmark.media_content_id != mapping.media_content_id
        ):
            return None
        if mapping.mode is ChipMode.AUDIOBOOK:
            return bookmark
        if bookmark.entity_id != speaker_for(mapping, self.entry):
            return None
        window = timedelta(
            minutes=self.entry.options.get(CONF_RESUME_WINDOW, DEFAULT_RESUME_WINDOW)
        )
        if dt_util.utcnow() - bookmark.saved > window:
            return None
        return bookmark

    @callback
    def claim(
        self, mapping: TagMapping, before: State, tracks: Sequence[Track] = ()
    ) -> None:
        """Note that ``mapping``'s music starts on the speaker that was in ``before``."""
        held = before.attributes.get(ATTR_MEDIA_CONTENT_ID)
        self._claims[before.entity_id] = Claim(
            uid=mapping.uid,
            music=mapping.media_content_id,
            before=None if self.belongs(mapping, before, tracks) else held,
        )

    def belongs(
        self, mapping: TagMapping, state: State, tracks: Sequence[Track] = ()
    ) -> bool:
        """Return whether the speaker in ``state`` holds ``mapping``'s music.

        ``tracks`` are the chip's folder or album, if it plays them one by one.
        """
        playing = state.attributes.get(ATTR_MEDIA_CONTENT_ID)
        if playing is not None and (
            playing == mapping.media_content_id
            or track_index(tracks, playing) is not None
        ):
            return True
        # Not told by what it plays: the speaker has moved on from what it held
        # when this reader started the chip (and its music) there. Nothing vouches
        # for a bookmark an earlier release took, nor for one from before a restart.
        claim = self._claims.get(state.entity_id)
        return (
            claim is not None
            and (claim.uid, claim.music) == (mapping.uid, mapping.media_content_id)
            and (playing is None or playing != claim.before)
        )

    @callback
    def save(
        self,
        mapping: TagMapping,
        state: State,
        track: int | None,
        tracks: Sequence[Track] = (),
    ) -> bool:
        """Keep where ``mapping``'s music is now (``track`` of its ``tracks``, if any).

        Return False, keeping nothing, if the speaker plays another's music or
        a live stream (it has no place to go on from).
        """
        if mapping.is_live or not self.belongs(mapping, state, tracks):
            return False
        self.bookmarks.async_set(
            mapping.uid,
            Bookmark(
                entity_id=speaker_for(mapping, self.entry),
                media_content_id=mapping.media_content_id,
                player_content_id=state.attributes.get(ATTR_MEDIA_CONTENT_ID),
                position=current_position(state),
                saved_at=dt_util.utcnow().isoformat(),
                track=track,
            ),
        )
        return True


def playing_progress(folder: FolderPlay, state: State | None) -> Progress:
    """Return the progress of ``folder`` while it plays on a speaker in ``state``."""
    track = folder.listing.index(folder.track)
    position = None
    if state is not None:
        playing = state.attributes.get(ATTR_MEDIA_CONTENT_ID)
        # A queue moves on by itself; a speaker without one plays the track the
        # jukebox gives it next, and until then the last one.
        if folder.queued:
            index = track_index(folder.listing, playing)
        else:
            index = track if folder.listing[track].media_content_id == playing else None
        if index is not None:
            track = index
            position = current_position(state)
    return Progress(
        uid=folder.uid,
        track=track + 1,
        tracks=len(folder.listing),
        title=folder.listing[track].title,
        position=position,
    )


def stopped_progress(
    uid: str, listing: tuple[Track, ...], bookmark: Bookmark | None
) -> Progress | None:
    """Return where the folder chip ``uid`` stopped, if its bookmark says."""
    if bookmark is None or bookmark.track is None or bookmark.track >= len(listing):
        return None
    return Progress(
        uid=uid,
        track=bookmark.track + 1,
        tracks=len(listing),
        title=listing[bookmark.track].title,
        position=bookmark.position,
    )
