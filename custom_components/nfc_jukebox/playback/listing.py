"""The tracks of a chip that plays track by track: a folder, an album, a playlist, a podcast.

Listed ahead (when Home Assistant starts, when a chip is saved) so a placement
does not wait for a 500-track folder or a feed server; a new kind of listing
starts here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
)
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.start import async_at_started

from ..chips.model import normalise_uid
from ..chips.registry import find_chip, home_chips
from ..const import (
    CONF_KEEP_EPISODES,
    CONF_KEEP_MB,
    CONF_MEDIA,
    CONF_PLAYBACK,
    CONF_UID,
    DEFAULT_KEEP_MB,
    DOMAIN,
    MEDIA_PODCAST,
    SUBENTRY_TAG,
)
from ..podcasts.downloads import Keep
from ..podcasts.library import (
    REFRESH_EVERY,
    REFRESH_ON_PLACE,
    Podcasts,
    async_get_podcasts,
)
from ..tracks import plays_by_track, resume_track, stored_by_track
from .episodes import first_episode, heard_episode

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant, State

    from ..chips.model import TagMapping
    from ..folders import FolderListings, Track
    from ..progress import Bookmark, ChipProgress
    from .queue import FolderPlay


class ChipListings:
    """Lists the music of a reader's chips in the home's folder listings."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry, folders: FolderListings
    ) -> None:
        """List the chips of the reader ``entry`` in ``folders`` (the home's)."""
        self.hass = hass
        self.entry = entry
        self.folders = folders
        self._podcasts: Podcasts | None = None
        self._bookmarks: ChipProgress | None = None
        #: the music chips as last saved: one saved since is listed again
        self._saved: dict[str, tuple[str, Mapping[str, Any]]] = {}

    async def async_load(self, bookmarks: ChipProgress) -> None:
        """Load the home's podcasts (their episode lists); a reset forgets what was heard."""
        self._podcasts = await async_get_podcasts(self.hass)
        self._bookmarks = bookmarks
        self.entry.async_on_unload(
            bookmarks.async_add_listener(self._podcasts.forget_heard)
        )

    @callback
    def forget(self, uid: str) -> None:
        """Forget where a deleted chip stopped, and which episodes it heard."""
        if self._bookmarks is not None:
            self._bookmarks.async_forget(uid)
        self.podcasts.forget_heard(uid)

    @property
    def podcasts(self) -> Podcasts:
        """Return the home's podcasts (loaded by async_load)."""
        assert self._podcasts is not None  # noqa: S101 - async_load ran
        return self._podcasts

    async def async_tracks(self, mapping: TagMapping) -> tuple[Track, ...] | None:
        """Return the tracks of a chip that plays track by track, if listed.

        One browse, remembered: a folder's listing does not delay it next time.
        """
        if mapping.is_podcast:
            return await self._async_episodes(mapping.media_content_id)
        tracks = await self.folders.async_tracks(mapping.media_content_id)
        if tracks is None and not self.folders.listed(mapping.media_content_id):
            # A speaker's album not listed yet plays as the speaker plays albums;
            # listed meanwhile, it plays track by track next time.
            self.refresh(
                mapping.media_content_id,
                speaker=mapping.entity_id,
                media_content_type=mapping.media_content_type,
            )
        return tracks

    async def _async_episodes(self, feed: str) -> tuple[Track, ...]:
        """Return a podcast's episodes as known; fetch only a feed never read yet.

        A known list plays at once, the feed fetched again in the background if
        it is older than an hour. Raise HomeAssistantError if there is no list.
        A placement downloads nothing: the background refresh keeps episodes.
        """
        if (episodes := self.podcasts.playable(feed)) is not None:
            self._refresh_feed(feed, REFRESH_ON_PLACE, keep=False)
            return episodes
        await self.podcasts.async_refresh(feed)
        if (episodes := self.podcasts.playable(feed)) is None:
            record = self.podcasts.record(feed)
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="podcast_unreadable",
                translation_placeholders={
                    "feed": feed,
                    "error": (record.error if record else None) or "",
                },
            )
        return episodes

    @callback
    def _refresh_feed(
        self,
        feed: str,
        older_than: timedelta | None,
        *,
        fetch: bool = True,
        keep: bool = True,
    ) -> None:
        """Fetch a feed in the background if due, then keep its newest episodes."""

        async def refresh_and_keep() -> None:
            if fetch:
                await self.podcasts.async_refresh(feed, older_than=older_than)
            if keep:
                await self.podcasts.async_keep(feed, kept_by(self.hass, feed))

        self.entry.async_create_background_task(
            self.hass, refresh_and_keep(), f"{DOMAIN} podcast feed"
        )

    async def async_start(
        self, mapping: TagMapping, bookmark: Bookmark | None
    ) -> tuple[tuple[Track, ...] | None, int | None, Bookmark | None]:
        """Return a placed chip's tracks (None: it has none), the one it starts with.

        And the bookmark it goes on from, which ``bookmark`` (where it may resume)
        is only if the chip goes on where it stopped.
        """
        if (
            not plays_by_track(
                mapping.media_content_id, mapping.mode, mapping.media_content_type
            )
            or (tracks := await self.async_tracks(mapping)) is None
        ):
            return None, None, bookmark
        return tracks, *self.start_track(mapping, tracks, bookmark)

    def start_track(
        self,
        mapping: TagMapping,
        tracks: tuple[Track, ...],
        bookmark: Bookmark | None,
    ) -> tuple[int | None, Bookmark | None]:
        """Return the track a chip starts with, and the bookmark it goes on from.

        A folder goes on at its bookmark's track; a podcast plays the episode its
        Episodes setting says (None: the bookmark's place no longer counts).
        """
        if not mapping.is_podcast:
            return (None if bookmark is None else resume_track(tracks, bookmark)), (
                bookmark
            )
        index, resumes = first_episode(
            mapping.episodes,
            tracks,
            bookmark,
            self.podcasts.heard_as_played(mapping.uid, mapping.media_content_id),
        )
        return index, bookmark if resumes else None

    @callback
    def note_heard(
        self, folder: FolderPlay, old: State | None, new: State | None
    ) -> None:
        """Note the episode a podcast chip heard to its end (its speaker changed)."""
        if folder.media_content_type != MEDIA_PODCAST:
            return
        episode = heard_episode(folder.listing, folder.track, old, new)
        if episode is not None:
            self.podcasts.mark_heard(
                folder.uid,
                self.podcasts.episode_of(
                    folder.media_content_id, episode.media_content_id
                ),
            )

    @callback
    def refresh_feeds(self, chips: Iterable[Mapping[str, Any]]) -> None:
        """Fetch the feeds of the podcast chips among ``chips`` (as stored) if due."""
        for data in chips:
            media = data[CONF_MEDIA]
            if media.get(ATTR_MEDIA_CONTENT_TYPE) == MEDIA_PODCAST:
                self._refresh_feed(media[ATTR_MEDIA_CONTENT_ID], REFRESH_EVERY)

    @callback
    def refresh(
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
    def follow_saved(self) -> None:
        """List the chips once Home Assistant runs, and each chip again when saved.

        A chip added later is listed when it is saved, not when it is placed; the
        podcast chips' feeds are fetched again when due.
        """
        self._saved = music_chips(self.entry)
        self.entry.async_on_unload(async_at_started(self.hass, self._warm_saved))
        self.entry.async_on_unload(
            self.entry.add_update_listener(self._async_entry_updated)
        )
        self.entry.async_on_unload(
            async_track_time_interval(
                self.hass, self._refresh_due, REFRESH_ON_PLACE, cancel_on_shutdown=True
            )
        )

    @callback
    def _refresh_due(self, _now: datetime) -> None:
        """Fetch the feeds due, keep their newest episodes (hourly, on the event loop)."""
        self.refresh_feeds(self._stored())

    def _stored(self) -> list[Mapping[str, Any]]:
        return [data for _title, data in music_chips(self.entry).values()]

    async def _async_entry_updated(
        self, _hass: HomeAssistant, _entry: ConfigEntry
    ) -> None:
        """List the music of the chips saved since (added or edited) again.

        A chip deleted (or given another UID) that no reader of the home knows
        any more takes its progress with it.
        """
        chips = music_chips(self.entry)
        for subentry_id, saved in chips.items():
            if self._saved.get(subentry_id) != saved:
                self.saved(saved[1])
        uids = {normalise_uid(data[CONF_UID]) for _title, data in chips.values()}
        for old_id, (_title, data) in self._saved.items():
            uid = normalise_uid(data[CONF_UID])
            if uid not in uids and find_chip(self.hass, uid) is None:
                self.forget(uid)
            media = data[CONF_MEDIA]
            if old_id not in chips and media[ATTR_MEDIA_CONTENT_TYPE] == MEDIA_PODCAST:
                # A deleted podcast chip's kept episodes go, unless another keeps them.
                self._refresh_feed(media[ATTR_MEDIA_CONTENT_ID], None, fetch=False)
        self._saved = chips

    @callback
    def _warm_saved(self, _hass: HomeAssistant) -> None:
        """List the chips' folders and albums once Home Assistant runs; fetch feeds."""
        stored = self._stored()
        self.warm(stored)
        self.refresh_feeds(stored)

    @callback
    def warm(self, chips: Iterable[Mapping[str, Any]]) -> None:
        """List the folders and albums of ``chips`` (as stored) in the background.

        A 500-track folder takes a moment to list: placing its chip should not.
        """
        self.entry.async_create_background_task(
            self.hass,
            self.folders.async_warm(
                [
                    data[CONF_MEDIA]
                    for data in chips
                    if stored_by_track(data)
                    and data[CONF_MEDIA].get(ATTR_MEDIA_CONTENT_TYPE) != MEDIA_PODCAST
                ]
            ),
            f"{DOMAIN} folders",
        )

    @callback
    def saved(self, data: Mapping[str, Any]) -> None:
        """List the music of a chip just saved (added or edited) again."""
        media = data[CONF_MEDIA]
        if media.get(ATTR_MEDIA_CONTENT_TYPE) == MEDIA_PODCAST:
            self._refresh_feed(media[ATTR_MEDIA_CONTENT_ID], None)
            return
        if not stored_by_track(data):
            return
        self.refresh(
            media[ATTR_MEDIA_CONTENT_ID],
            speaker=media.get(ATTR_ENTITY_ID),
            media_content_type=media.get(ATTR_MEDIA_CONTENT_TYPE),
        )


def music_chips(entry: ConfigEntry) -> dict[str, tuple[str, Mapping[str, Any]]]:
    """Return the music chips of a reader as saved (title, data), by subentry."""
    return {
        subentry.subentry_id: (subentry.title, subentry.data)
        for subentry in entry.subentries.values()
        if subentry.subentry_type == SUBENTRY_TAG
    }


def kept_by(hass: HomeAssistant, feed: str) -> Keep | None:
    """Return what the home's chips playing ``feed`` keep on the box (the most)."""
    keeps = [
        Keep(
            episodes=int(playback[CONF_KEEP_EPISODES]),
            mb=int(playback.get(CONF_KEEP_MB) or DEFAULT_KEEP_MB),
        )
        for subentry in home_chips(hass)
        if subentry.subentry_type == SUBENTRY_TAG
        and (data := subentry.data)[CONF_MEDIA].get(ATTR_MEDIA_CONTENT_ID) == feed
        and (playback := data.get(CONF_PLAYBACK) or {}).get(CONF_KEEP_EPISODES)
    ]
    if not keeps:
        return None
    return Keep(
        episodes=max(keep.episodes for keep in keeps),
        mb=max(keep.mb for keep in keeps),
    )
