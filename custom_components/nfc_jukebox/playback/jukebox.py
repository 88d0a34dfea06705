"""What placing and lifting chips does to a media player: the jukebox itself."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_ENQUEUE,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_SEEK_POSITION,
    ATTR_MEDIA_SHUFFLE,
    ATTR_MEDIA_VOLUME_LEVEL,
    SERVICE_PLAY_MEDIA,
    MediaPlayerEnqueue,
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.const import (
    ATTR_ENTITY_ID,
    SERVICE_MEDIA_NEXT_TRACK,
    SERVICE_MEDIA_PAUSE,
    SERVICE_MEDIA_PLAY,
    SERVICE_MEDIA_PREVIOUS_TRACK,
    SERVICE_MEDIA_SEEK,
    SERVICE_MEDIA_STOP,
    SERVICE_REPEAT_SET,
    SERVICE_SHUFFLE_SET,
    SERVICE_TURN_ON,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import (
    async_track_state_change_event,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .. import rules
from ..chips.model import (
    ControlChip,
    TagMapping,
    normalise_uid,
    speaker_for,
)
from ..chips.notices import async_create_new_chip_issue
from ..chips.registry import find_chip
from ..const import (
    CONF_MEDIA,
    CONF_MEDIA_PLAYER,
    CONF_ON_REMOVE,
    CONF_RESUME_WINDOW,
    CONF_UID,
    DEFAULT_ON_REMOVE,
    DEFAULT_RESUME_WINDOW,
    DOMAIN,
    LOGGER,
    SUBENTRY_TAG,
    VOLUME_STEP,
    ChipMode,
    ControlAction,
    OnRemove,
)
from ..folders import REFRESH_AFTER, Track, async_get_folder_listings
from ..progress import Bookmark, ChipProgress, async_get_progress
from ..repairs import (
    async_create_playback_failed_issue,
    async_delete_playback_failed_issue,
)
from ..sounds import Sound
from .feedback import Feedback
from .sleep_timer import SleepTimer
from .speaker import Speaker
from .tracks import (
    current_position,
    playing_index,
    plays_by_track,
    resume_track,
    stored_by_track,
    track_ended,
)
from .volume import Volume

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from ..pn532 import TagEvent, TagInfo

#: A previous chip this far into a track starts it again; sooner, it goes back a track.
RESTART_AFTER: Final = 3.0


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


@dataclass(kw_only=True, slots=True)
class FolderPlay:
    """The folder chip whose tracks play now, and which of them."""

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


class Jukebox:
    """Plays, pauses and resumes music as chips come and go on one reader."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Prepare the jukebox of ``entry``; call async_load before use."""
        self.hass = hass
        self.entry = entry
        #: the speakers' service calls and states
        self.speaker = Speaker(hass, entry)
        self.active_player: str | None = None
        #: the last placed tag that no chip of this reader knows: what "Add tag" offers
        self.last_unknown_uid: str | None = None
        self._progress: ChipProgress | None = None
        self._lock = asyncio.Lock()
        self.sleep_timer = SleepTimer(
            hass,
            entry,
            on_change=self._notify,
            on_expired=partial(self.async_pause_music, fade=True),
            on_next_track=self._sleep_next_track,
            on_track_done=self._sleep_track_done,
        )
        self._failing = False
        self._listeners: list[Callable[[], None]] = []
        self.rules = rules.HouseRules(hass, entry, self)
        #: the speakers' volume, in the house rules' range
        self.volume = Volume(entry, self.speaker, self.rules)
        #: the sounds that say a chip was read
        self.feedback = Feedback(hass, entry, self.speaker)
        self.folders = async_get_folder_listings(hass)
        #: the folder chip that plays, if one does
        self._folder: FolderPlay | None = None
        #: the folder chip this reader played last, and its tracks: its progress
        self._last_folder: tuple[str, tuple[Track, ...]] | None = None
        self._unfollow: CALLBACK_TYPE | None = None
        #: the music chips as last saved: one saved since is listed again
        self._saved_chips: dict[str, tuple[str, Mapping[str, Any]]] = {}

    async def async_load(self) -> None:
        """Load the chips' progress (home-wide), and the house rules."""
        self._progress = await async_get_progress(self.hass)
        self.entry.async_on_unload(
            self._progress.async_add_listener(self._progress_reset)
        )
        await self.rules.async_load()
        self._saved_chips = self._music_chips()
        self.entry.async_on_unload(async_at_started(self.hass, self._warm_folders))
        # A chip added later is listed when it is saved, not when it is placed.
        self.entry.async_on_unload(
            self.entry.add_update_listener(self._async_entry_updated)
        )

    async def _async_entry_updated(
        self, _hass: HomeAssistant, _entry: ConfigEntry
    ) -> None:
        """List the folders of the chips saved since (added or edited) again.

        A chip deleted (or given another UID) that no reader of the home knows
        any more takes its progress with it.
        """
        chips = self._music_chips()
        for subentry_id, saved in chips.items():
            if self._saved_chips.get(subentry_id) != saved and stored_by_track(
                saved[1]
            ):
                media = saved[1][CONF_MEDIA]
                self._refresh_listing(
                    media[ATTR_MEDIA_CONTENT_ID],
                    speaker=media.get(ATTR_ENTITY_ID),
                    media_content_type=media.get(ATTR_MEDIA_CONTENT_TYPE),
                )
        uids = {normalise_uid(data[CONF_UID]) for _title, data in chips.values()}
        for _title, data in self._saved_chips.values():
            uid = normalise_uid(data[CONF_UID])
            if uid not in uids and find_chip(self.hass, uid) is None:
                self.bookmarks.async_forget(uid)
        self._saved_chips = chips

    def _music_chips(self) -> dict[str, tuple[str, Mapping[str, Any]]]:
        """Return the music chips of the reader as saved (title, data), by subentry."""
        return {
            subentry.subentry_id: (subentry.title, subentry.data)
            for subentry in self.entry.subentries.values()
            if subentry.subentry_type == SUBENTRY_TAG
        }

    @callback
    def _warm_folders(self, _hass: HomeAssistant) -> None:
        """List the chips' folders and albums once Home Assistant runs.

        A 500-track folder takes a moment to list: placing its chip should not.
        """
        self.entry.async_create_background_task(
            self.hass,
            self.folders.async_warm(
                [
                    data[CONF_MEDIA]
                    for _title, data in self._music_chips().values()
                    if stored_by_track(data)
                ]
            ),
            f"{DOMAIN} folders",
        )

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call ``listener`` when the sleep timer changes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    async def async_shutdown(self) -> None:
        """Cancel the sleep timer and save the bookmarks (the reader is unloading)."""
        self.sleep_timer.cancel()
        self._stop_folder()
        await self.rules.async_shutdown()
        await self.bookmarks.async_save()

    @property
    def bookmarks(self) -> ChipProgress:
        """Return where the home's chips stopped (loaded by async_load)."""
        assert self._progress is not None  # noqa: S101 - async_load ran
        return self._progress

    @property
    def sleep_until(self) -> datetime | None:
        """Return when the sleep timer ends, if one runs and knows."""
        return self.sleep_timer.until

    # Reader events --------------------------------------------------------------

    @callback
    def async_handle(self, event: TagEvent) -> None:
        """Act on a tag event (reader listener): the music starts on the UID alone."""
        if event.kind == "placed":
            return  # acted on when it arrived; "placed" only adds its NDEF
        chip = find_chip(self.hass, event.tag.uid, prefer=self.entry)
        if chip is None:
            if event.kind == "arrived":
                self._unknown_tag(event.tag)
            return
        handler = self._placed if event.kind == "arrived" else self._removed
        self.entry.async_create_background_task(
            self.hass,
            self._serialised(partial(handler, chip)),
            f"{DOMAIN} {event.kind}",
        )

    async def async_play(self, mapping: TagMapping) -> None:
        """Play a music chip's music as placing the chip does (the card's "Play now")."""
        await self._serialised(partial(self._play, mapping))

    async def _serialised(self, action: Callable[[], Awaitable[None]]) -> None:
        """Run one player action at a time, in order, reporting failures.

        A swap is "lift" then "place": they must not overtake each other.
        """
        async with self._lock:
            try:
                await action()
            except HomeAssistantError as err:
                self._failed(err)
            except Exception as err:  # noqa: BLE001 - a player's bug must not stop the box
                LOGGER.debug("Player failed", exc_info=True)
                self._failed(HomeAssistantError(repr(err)))
            else:
                self._succeeded()

    async def _placed(self, chip: TagMapping | ControlChip) -> None:
        player = (
            self._player_for(chip)
            if isinstance(chip, TagMapping)
            else self.active_player
        )
        if (block := self.rules.may_start(chip)) is not None:
            LOGGER.debug(
                "%s: %s starts nothing (%s)", self.entry.title, chip.name, block
            )
            await self.feedback.announce(Sound.BLOCKED, player)
            return
        if isinstance(chip, ControlChip):
            await self._control(chip)
        else:
            await self._play(chip)
        await self.feedback.announce(Sound.RECOGNISED, player or self.active_player)

    async def _removed(self, chip: TagMapping | ControlChip) -> None:
        if isinstance(chip, ControlChip):
            return  # lifting a control chip does nothing
        action = chip.on_remove or OnRemove(
            self.entry.options.get(CONF_ON_REMOVE, DEFAULT_ON_REMOVE)
        )
        if action is OnRemove.NOTHING:
            return
        state = self.speaker.state(self._player_for(chip))
        if state.state not in (MediaPlayerState.PLAYING, MediaPlayerState.BUFFERING):
            return
        self._bookmark(chip, state)
        self._unfollow_folder()
        service = (
            SERVICE_MEDIA_PAUSE if action is OnRemove.PAUSE else SERVICE_MEDIA_STOP
        )
        await self.speaker.call(service, self._player_for(chip))

    @callback
    def _unknown_tag(self, tag: TagInfo) -> None:
        """Offer to assign music to a new tag: a repair whose fix adds the mapping.

        One issue per tag, so placing the same tag again does not notify again.
        Phones present a new random UID every time: they cannot be assigned.
        """
        player = self.active_player or self.entry.options.get(CONF_MEDIA_PLAYER)
        self.entry.async_create_background_task(
            self.hass,
            self.feedback.announce(Sound.UNKNOWN, player),
            f"{DOMAIN} feedback",
        )
        if not tag.target.has_stable_uid:
            return
        self.last_unknown_uid = tag.uid
        async_create_new_chip_issue(self.hass, self.entry, tag.uid)

    # Music ----------------------------------------------------------------------

    def _player_for(self, mapping: TagMapping) -> str:
        """Return the speaker a music chip plays on from this reader."""
        return speaker_for(mapping, self.entry)

    async def _play(self, mapping: TagMapping) -> None:
        self._stop_folder()
        tracks = None
        if plays_by_track(mapping.media_content_id, mapping.mode):
            # One browse, remembered: a folder's listing does not delay it next time.
            tracks = await self.folders.async_tracks(mapping.media_content_id)
            if tracks is None and not self.folders.listed(mapping.media_content_id):
                # A speaker's album not listed yet plays as the speaker plays
                # albums; listed meanwhile, it plays track by track next time.
                self._refresh_listing(
                    mapping.media_content_id,
                    speaker=mapping.entity_id,
                    media_content_type=mapping.media_content_type,
                )
        bookmark = self._resumable(mapping)
        resumed = None
        if tracks is not None and bookmark is not None:
            resumed = resume_track(tracks, bookmark)
        folder = None
        if tracks is not None:
            # Chosen before the speaker is asked: tag_placed says which track plays.
            folder = _folder_play(mapping, tracks, resumed, self._player_for(mapping))
            self._folder = folder
            self._last_folder = (mapping.uid, tracks)
        else:
            self._last_folder = None
        try:
            await self._start_music(mapping, folder, bookmark)
        except BaseException:
            # Nothing plays: the progress shown is where the chip stopped, not the plan.
            self._stop_folder()
            raise
        finally:
            # Told once the speaker was asked: the entities' update is not on the way
            # from a chip to its music.
            self._notify()

    async def _start_music(
        self, mapping: TagMapping, folder: FolderPlay | None, bookmark: Bookmark | None
    ) -> None:
        """Start a chip's music (the track ``folder`` chose), resuming ``bookmark``."""
        player = self._player_for(mapping)
        state = self.speaker.state(player)
        self.active_player = player
        if (
            state.state == MediaPlayerState.OFF
            and self.speaker.features(player) & MediaPlayerEntityFeature.TURN_ON
        ):
            await self.speaker.call(SERVICE_TURN_ON, player)
            state = self.speaker.state(player)
        await self.volume.cap(state, mapping.volume)
        if (
            bookmark is not None
            # Paused, or played on without its chip (a control chip skipped a track).
            and state.state in (MediaPlayerState.PAUSED, MediaPlayerState.PLAYING)
            and bookmark.player_content_id is not None
            and state.attributes.get(ATTR_MEDIA_CONTENT_ID)
            == bookmark.player_content_id
        ):
            await self.speaker.start(SERVICE_MEDIA_PLAY, player)
            self.rules.async_track(player, bedtime=mapping.bedtime)
            # A speaker with a queue still has the rest of it.
            self._follow(mapping, folder, enqueue=False)
            return
        if folder is not None:
            content_id = folder.track.media_content_id
            content_type = folder.track.media_content_type
        else:
            content_id = mapping.media_content_id
            content_type = mapping.media_content_type
        await self.speaker.start(
            SERVICE_PLAY_MEDIA,
            player,
            {ATTR_MEDIA_CONTENT_ID: content_id, ATTR_MEDIA_CONTENT_TYPE: content_type},
        )
        self.rules.async_track(player, bedtime=mapping.bedtime)
        self._follow(mapping, folder, enqueue=True)
        await self._best_effort(mapping, player, bookmark)

    async def _best_effort(
        self, mapping: TagMapping, player: str, bookmark: Bookmark | None
    ) -> None:
        """Shuffle, repeat and seek as the chip says, where the speaker lets us."""
        # The music plays. What follows is best effort: players advertise features
        # they cannot always do (a seek before the stream has loaded, say).
        features = self.speaker.features(player)
        if mapping.shuffle and features & MediaPlayerEntityFeature.SHUFFLE_SET:
            await self.speaker.try_call(
                SERVICE_SHUFFLE_SET, player, {ATTR_MEDIA_SHUFFLE: True}
            )
        if features & MediaPlayerEntityFeature.REPEAT_SET:
            await self.speaker.try_call(
                SERVICE_REPEAT_SET, player, {ATTR_MEDIA_REPEAT: mapping.repeat.value}
            )
        if (
            bookmark is not None
            and bookmark.position
            and features & MediaPlayerEntityFeature.SEEK
        ):
            await self.speaker.try_call(
                SERVICE_MEDIA_SEEK,
                player,
                {ATTR_MEDIA_SEEK_POSITION: bookmark.position},
            )

    @callback
    def _follow(
        self, mapping: TagMapping, folder: FolderPlay | None, *, enqueue: bool
    ) -> None:
        """Follow the speaker while the chip's music plays, to the end of it."""
        if folder is not None:
            self._start_folder(folder, enqueue=enqueue)
            return
        self._unfollow = async_track_state_change_event(
            self.hass,
            self._player_for(mapping),
            partial(self._piece_changed, mapping.uid),
        )

    @callback
    def _piece_changed(self, uid: str, event: Event[EventStateChangedData]) -> None:
        """Note that a chip's one piece was heard to its end."""
        if track_ended(event.data["old_state"], event.data["new_state"]):
            self._finished(uid)

    @callback
    def _finished(self, uid: str) -> None:
        """Forget where a chip heard to its end stopped: put back, it starts over."""
        self._stop_folder()
        self.bookmarks.async_forget(uid)
        self._notify()

    # Folders --------------------------------------------------------------------

    @callback
    def _start_folder(self, folder: FolderPlay, *, enqueue: bool) -> None:
        """Keep ``folder`` playing after its current track, which plays now.

        A speaker with a queue gets the rest of the tracks in it, in the
        background, and moves on by itself; any other speaker is given the next
        track when one ends. Either is followed, so the progress moves with it.
        """
        self._folder = folder
        folder.queued = self._has_queue(folder.player)
        self._refresh_listing(
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
    def _refresh_listing(
        self,
        media_content_id: str,
        *,
        speaker: str | None,
        media_content_type: str | None,
        older_than: timedelta | None = None,
    ) -> None:
        """List a folder again in the background: added files play next time.

        An album of a speaker's own is listed through ``speaker``, the one its
        music was picked with.
        """
        self.entry.async_create_background_task(
            self.hass,
            self.folders.async_refresh(
                media_content_id,
                speaker=speaker,
                media_content_type=media_content_type,
                older_than=older_than,
            ),
            f"{DOMAIN} folder listing",
        )

    @callback
    def _follow_folder(self, folder: FolderPlay) -> None:
        """Follow the speaker of ``folder``: its progress, and the end of each track."""
        self._unfollow_folder()
        self._unfollow = async_track_state_change_event(
            self.hass, folder.player, partial(self._speaker_changed, folder)
        )

    def _has_queue(self, player: str) -> bool:
        return bool(
            self.speaker.features(player) & MediaPlayerEntityFeature.MEDIA_ENQUEUE
        )

    async def _enqueue(self, folder: FolderPlay) -> None:
        """Add the tracks after the one that plays to the speaker's queue."""
        for track in folder.tracks[folder.index + 1 :]:
            if self._folder is not folder:
                return  # another chip, or lifted and stopped: not this queue
            await self._serialised(partial(self._enqueue_track, folder, track))
            # A speaker that queues at once never suspends the call: give Home
            # Assistant its turn after each track, not after 500.
            await asyncio.sleep(0)

    async def _enqueue_track(self, folder: FolderPlay, track: Track) -> None:
        if self._folder is not folder:
            return
        await self.speaker.call(
            SERVICE_PLAY_MEDIA,
            folder.player,
            {
                ATTR_MEDIA_CONTENT_ID: track.media_content_id,
                ATTR_MEDIA_CONTENT_TYPE: track.media_content_type,
                ATTR_MEDIA_ENQUEUE: MediaPlayerEnqueue.ADD,
            },
        )

    @callback
    def _speaker_changed(
        self, folder: FolderPlay, event: Event[EventStateChangedData]
    ) -> None:
        """Note the track a speaker moved on to; give one without a queue the next."""
        old, new = event.data["old_state"], event.data["new_state"]
        if self._folder is not folder:
            return
        if folder.queued:
            if track_ended(old, new):
                self._finished(folder.uid)  # the queue ran out
            elif (
                new is not None
                and (index := playing_index(folder, new)) is not None
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
        self.entry.async_create_background_task(
            self.hass,
            self._serialised(partial(self._next_track, folder)),
            f"{DOMAIN} next track",
        )

    async def _next_track(self, folder: FolderPlay) -> None:
        if self._folder is not folder:
            return  # lifted or replaced while the track ended
        folder.index += 1
        self._notify()
        await self.speaker.start(
            SERVICE_PLAY_MEDIA,
            folder.player,
            {
                ATTR_MEDIA_CONTENT_ID: folder.track.media_content_id,
                ATTR_MEDIA_CONTENT_TYPE: folder.track.media_content_type,
            },
        )

    @callback
    def _stop_folder(self) -> None:
        """Forget the folder that played: its speaker is no longer followed."""
        self._folder = None
        self._unfollow_folder()

    @callback
    def _unfollow_folder(self) -> None:
        """Stop following the speaker, but remember the folder (for control chips).

        A lifted chip's speaker stops or pauses mid-track: that is no track ending.
        """
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None

    def _folder_track(self, mapping: TagMapping, state: State) -> int | None:
        """Return which track of ``mapping``'s folder the speaker plays, if any.

        Counted in the folder's order (its listing), whatever order it plays in.
        """
        folder = self._folder
        if folder is None or folder.uid != mapping.uid:
            return None
        playing = state.attributes.get(ATTR_MEDIA_CONTENT_ID)
        for index, track in enumerate(folder.listing):
            if track.media_content_id == playing:
                return index  # a queue moves on by itself
        return folder.listing.index(folder.track)

    # Progress -------------------------------------------------------------------

    @property
    def progress(self) -> Progress | None:
        """Return how far the folder chip this reader played last got, if one did.

        While it plays: the track that plays; lifted: where it stopped. Nothing
        once another chip plays, or the folder was heard to its end or reset.
        """
        if self._last_folder is None:
            return None
        uid, listing = self._last_folder
        folder = self._folder
        if folder is not None and folder.uid == uid:
            state = self.hass.states.get(folder.player)
            track = folder.listing.index(folder.track)
            position = None
            if state is not None:
                playing = state.attributes.get(ATTR_MEDIA_CONTENT_ID)
                for index, item in enumerate(folder.listing):
                    # A queue moves on by itself; a speaker without one plays the
                    # track the jukebox gives it next, and until then the last one.
                    if item.media_content_id == playing and (
                        folder.queued or index == track
                    ):
                        track = index
                        position = current_position(state)
                        break
            return Progress(
                uid=uid,
                track=track + 1,
                tracks=len(listing),
                title=listing[track].title,
                position=position,
            )
        bookmark = self.bookmarks.get(uid)
        if bookmark is None or bookmark.track is None or bookmark.track >= len(listing):
            return None
        return Progress(
            uid=uid,
            track=bookmark.track + 1,
            tracks=len(listing),
            title=listing[bookmark.track].title,
            position=bookmark.position,
        )

    @callback
    def _progress_reset(self, uid: str) -> None:
        """Show that a chip's progress was reset, if it is the one shown.

        A lifted chip's folder is only remembered (for control chips): reset, it
        has no progress to show. One that plays shows where it plays.
        """
        if self._last_folder is not None and self._last_folder[0] == uid:
            if self._unfollow is None:
                self._last_folder = None
            self._notify()

    def _resumable(self, mapping: TagMapping) -> Bookmark | None:
        """Return the chip's bookmark if it may resume, as the chip's mode says.

        Music resumes the same music on the same speaker within the reader's
        resume window; an audiobook resumes however long ago, on any speaker.
        """
        bookmark = self.bookmarks.get(mapping.uid)
        if (
            mapping.mode is ChipMode.START_OVER
            or bookmark is None
            or bookmark.media_content_id != mapping.media_content_id
        ):
            return None
        if mapping.mode is ChipMode.AUDIOBOOK:
            return bookmark
        if bookmark.entity_id != self._player_for(mapping):
            return None
        window = timedelta(
            minutes=self.entry.options.get(CONF_RESUME_WINDOW, DEFAULT_RESUME_WINDOW)
        )
        if dt_util.utcnow() - bookmark.saved > window:
            return None
        return bookmark

    @callback
    def _bookmark(self, mapping: TagMapping, state: State) -> None:
        self.bookmarks.async_set(
            mapping.uid,
            Bookmark(
                entity_id=self._player_for(mapping),
                media_content_id=mapping.media_content_id,
                player_content_id=state.attributes.get(ATTR_MEDIA_CONTENT_ID),
                position=current_position(state),
                saved_at=dt_util.utcnow().isoformat(),
                track=self._folder_track(mapping, state),
            ),
        )
        self._notify()

    # Volume ---------------------------------------------------------------------

    # House rules ----------------------------------------------------------------

    @callback
    def async_keep_volume_in_range(self) -> None:
        """Bring the active speaker into the volume range (the range changed)."""
        if (player := self.active_player) is None:
            return

        async def keep() -> None:
            # Not a chip's doing: a speaker that is away now is no failure.
            if self.speaker.reachable(player):
                await self.volume.cap(self.speaker.state(player), None)

        self.entry.async_create_background_task(
            self.hass, self._serialised(keep), f"{DOMAIN} volume range"
        )

    @callback
    def async_pause_music(self, *, fade: bool) -> None:
        """Pause the active speaker, fading it out first if asked (house rules)."""
        if (player := self.active_player) is None:
            return
        self.entry.async_create_background_task(
            self.hass,
            self._serialised(partial(self.volume.pause_playing, player, fade=fade)),
            f"{DOMAIN} house rules",
        )

    # Control chips --------------------------------------------------------------

    async def _control(self, chip: ControlChip) -> None:
        if chip.action in (ControlAction.SLEEP_TIMER, ControlAction.SLEEP_AFTER_TRACK):
            self.sleep_timer.toggle(chip, self._control_target)
            return
        player = self._control_target()
        state = self.speaker.state(player)
        match chip.action:
            case ControlAction.VOLUME_UP | ControlAction.VOLUME_DOWN:
                current = float(state.attributes.get(ATTR_MEDIA_VOLUME_LEVEL) or 0.0)
                step = (
                    VOLUME_STEP
                    if chip.action is ControlAction.VOLUME_UP
                    else -VOLUME_STEP
                )
                await self.volume.set(player, current + step)
            case ControlAction.NEXT | ControlAction.PREVIOUS:
                forward = chip.action is ControlAction.NEXT
                # The track changes: the sleep timer waits for the end of the new one.
                self.sleep_timer.track_changed()
                if (folder := self._folder) is not None and folder.player == player:
                    await self._skip(folder, state, forward=forward)
                else:
                    await self.speaker.call(
                        SERVICE_MEDIA_NEXT_TRACK
                        if forward
                        else SERVICE_MEDIA_PREVIOUS_TRACK,
                        player,
                    )
            case ControlAction.STOP:
                self._stop_folder()
                await self.speaker.call(SERVICE_MEDIA_STOP, player)
                return
        # Lifting the music chip to put this one on paused the music: play on, so
        # the child hears what the chip did.
        if self.speaker.state(player).state == MediaPlayerState.PAUSED:
            await self.speaker.call(SERVICE_MEDIA_PLAY, player)
        if (
            (folder := self._folder) is not None
            and folder.player == player
            and self._unfollow is None
        ):
            self._follow_folder(folder)  # it plays on without its chip

    async def _skip(self, folder: FolderPlay, state: State, *, forward: bool) -> None:
        """Go to the next or previous track of the folder chip that plays.

        Previous early in a track goes back a track, later it starts the track
        again (as on a CD player); next after the last track starts the folder
        over. A speaker with a queue moves in its queue.
        """
        player = folder.player
        index = playing_index(folder, state)
        if index is None:
            index = folder.index
        position = current_position(state)
        if forward:
            target = (index + 1) % len(folder.tracks)
        elif index > 0 and (position is None or position < RESTART_AFTER):
            target = index - 1
        else:
            target = index
        features = self.speaker.features(player)
        if target == index and features & MediaPlayerEntityFeature.SEEK:
            await self.speaker.call(
                SERVICE_MEDIA_SEEK, player, {ATTR_MEDIA_SEEK_POSITION: 0}
            )
            folder.index = index
        elif (
            self._has_queue(player)
            # Its queue holds the tracks after this one: no way round to the first.
            and target == (index + 1 if forward else index - 1)
            and state.state in (MediaPlayerState.PLAYING, MediaPlayerState.PAUSED)
        ):
            await self.speaker.call(
                SERVICE_MEDIA_NEXT_TRACK if forward else SERVICE_MEDIA_PREVIOUS_TRACK,
                player,
            )
            folder.index = target
        else:
            # Played by us: the track, and (on a speaker with a queue) those after it.
            self._stop_folder()
            folder = replace(folder, index=target)
            await self.speaker.start(
                SERVICE_PLAY_MEDIA,
                player,
                {
                    ATTR_MEDIA_CONTENT_ID: folder.track.media_content_id,
                    ATTR_MEDIA_CONTENT_TYPE: folder.track.media_content_type,
                },
            )
            self._start_folder(folder, enqueue=True)
        if self.bookmarks.get(folder.uid) is not None and (
            mapping := find_chip(self.hass, folder.uid, prefer=self.entry)
        ):
            # Its chip was lifted: put back, it goes on from the new track.
            assert isinstance(mapping, TagMapping)  # noqa: S101 - a folder's chip
            self._bookmark(mapping, self.speaker.state(player))

    def _control_target(self) -> str:
        player = self.active_player or self.entry.options.get(CONF_MEDIA_PLAYER)
        if not player:
            raise HomeAssistantError(
                translation_domain=DOMAIN, translation_key="no_player_for_control"
            )
        return str(player)

    @callback
    def _sleep_next_track(self, player: str) -> None:
        self.entry.async_create_background_task(
            self.hass,
            self._serialised(partial(self._pause_for_the_night, player)),
            f"{DOMAIN} sleep timer",
        )

    @callback
    def _sleep_track_done(self, player: str) -> None:
        if self._folder is not None and self._folder.player == player:
            self._stop_folder()

    async def _pause_for_the_night(self, player: str) -> None:
        """Pause the track after the one the sleep timer waited for, at its start."""
        await self.volume.pause_playing(player, fade=False)
        folder = self._folder
        if (
            folder is not None
            and folder.player == player
            and (mapping := find_chip(self.hass, folder.uid, prefer=self.entry))
            is not None
            and isinstance(mapping, TagMapping)
        ):
            # Placed again tomorrow, the folder goes on from this track.
            self._bookmark(mapping, self.speaker.state(player))

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @callback
    def _failed(self, err: HomeAssistantError) -> None:
        """Tell the parent once, in the log and in Repairs; the next chip works."""
        if not self._failing:
            LOGGER.warning("NFC Jukebox %s could not play: %s", self.entry.title, err)
        self._failing = True
        async_create_playback_failed_issue(self.hass, self.entry, str(err))

    @callback
    def _succeeded(self) -> None:
        if self._failing:
            LOGGER.info("NFC Jukebox %s plays again", self.entry.title)
            self._failing = False
            async_delete_playback_failed_issue(self.hass, self.entry.entry_id)


def _folder_play(
    mapping: TagMapping,
    listing: tuple[Track, ...],
    resume_track: int | None,
    player: str,
) -> FolderPlay:
    """Return how ``mapping``'s folder plays: from the start, or a resumed track on.

    Shuffled, a resumed track plays first and the others follow in a new order.
    """
    if not mapping.shuffle:
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
