"""A chip's music on one speaker: start or resume it, and what lifting the chip does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    MediaPlayerEntityFeature,
    MediaPlayerState,
    MediaType,
)

from ..chips.model import speaker_for
from ..const import MEDIA_RADIO, OnRemove

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import State

    from ..chips.model import TagMapping
    from ..progress import Bookmark
    from ..rules import HouseRules
    from .queue import ChipQueue, FolderPlay
    from .resume import Resume
    from .speaker import Speakers
    from .volume import Volume


class Session:
    """Starts, resumes and lifts the music a chip plays on its speaker."""

    def __init__(
        self,
        entry: ConfigEntry,
        *,
        speakers: Speakers,
        volume: Volume,
        rules: HouseRules,
        queue: ChipQueue,
        resume: Resume,
    ) -> None:
        """Play the chips of the reader ``entry``."""
        self.entry = entry
        self._speakers = speakers
        self._volume = volume
        self._rules = rules
        self._queue = queue
        self._resume = resume

    async def start(
        self,
        mapping: TagMapping,
        player: str,
        state: State,
        *,
        folder: FolderPlay | None,
        bookmark: Bookmark | None,
    ) -> None:
        """Start a chip's music (the track ``folder`` chose), resuming ``bookmark``.

        ``state`` is the state of the chip's speaker ``player``, just read.
        """
        if state.state == MediaPlayerState.OFF and self._speakers.supports(
            player, MediaPlayerEntityFeature.TURN_ON
        ):
            await self._speakers.turn_on(player)
            state = self._speakers.state(player)
        await self._volume.cap(state, mapping.volume)
        tracks = folder.listing if folder is not None else ()
        self._resume.claim(mapping, state, tracks)
        if holds_our_music(state, bookmark) and self._resume.belongs(
            mapping, state, tracks
        ):
            await self._speakers.resume(player)
            self._rules.async_track(player, bedtime=mapping.bedtime)
            # A speaker with a queue still has the rest of it.
            self._queue.follow(mapping, folder, enqueue=False)
            return
        if folder is not None:
            content_id = folder.track.media_content_id
            content_type = folder.track.media_content_type
        else:
            content_id = mapping.media_content_id
            # A typed stream URL is "radio" to the chip, music to the speaker.
            content_type = (
                MediaType.MUSIC
                if mapping.media_content_type == MEDIA_RADIO
                else mapping.media_content_type
            )
        await self._speakers.start_media(player, content_id, content_type)
        self._rules.async_track(player, bedtime=mapping.bedtime)
        self._queue.follow(mapping, folder, enqueue=True)
        await self._settle(mapping, player, bookmark)

    async def _settle(
        self, mapping: TagMapping, player: str, bookmark: Bookmark | None
    ) -> None:
        """Shuffle, repeat and seek as the chip says, once its music plays.

        Best effort: players advertise features they cannot always do (a seek
        before the stream has loaded, say).
        """
        features = self._speakers.features(player)
        if mapping.shuffle and features & MediaPlayerEntityFeature.SHUFFLE_SET:
            await self._speakers.try_shuffle(player)
        if features & MediaPlayerEntityFeature.REPEAT_SET:
            await self._speakers.try_repeat(player, mapping.repeat.value)
        if (
            bookmark is not None
            and bookmark.position
            and features & MediaPlayerEntityFeature.SEEK
        ):
            await self._speakers.try_seek(player, bookmark.position)

    async def lift(self, mapping: TagMapping, action: OnRemove) -> None:
        """Pause or stop a lifted chip's music, keeping where it stopped.

        Another's music (the chip never started, or the speaker was given
        something else) plays on, and no bookmark keeps it. A live stream is
        stopped, never paused: put back, it plays live.
        """
        player = speaker_for(mapping, self.entry)
        state = self._speakers.state(player)
        if state.state not in (MediaPlayerState.PLAYING, MediaPlayerState.BUFFERING):
            return
        ours = self._queue.bookmark(mapping, state)
        self._queue.unfollow()
        if mapping.is_live:
            ours = self._resume.belongs(mapping, state)
            action = OnRemove.STOP
        if not ours:
            return
        if action is OnRemove.PAUSE:
            await self._speakers.pause(player)
        else:
            await self._speakers.stop(player)


def holds_our_music(state: State, bookmark: Bookmark | None) -> bool:
    """Return whether a speaker still holds the music ``bookmark`` stopped in.

    Paused, or played on without its chip (a control chip skipped a track).
    """
    return (
        bookmark is not None
        and state.state in (MediaPlayerState.PAUSED, MediaPlayerState.PLAYING)
        and bookmark.player_content_id is not None
        and state.attributes.get(ATTR_MEDIA_CONTENT_ID) == bookmark.player_content_id
    )
