"""The tracks of a chip that plays track by track: a folder, an album, a playlist, a podcast.

Listed ahead (when Home Assistant starts, when a chip is saved) so a placement
does not wait for a 500-track folder or a feed server; a new kind of listing
starts here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
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

from ..const import CONF_MEDIA, DOMAIN, MEDIA_PODCAST
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
        """
        if (episodes := self.podcasts.tracks(feed)) is not None:
            self._refresh_feed(feed, REFRESH_ON_PLACE)
            return episodes
        await self.podcasts.async_refresh(feed)
        if (episodes := self.podcasts.tracks(feed)) is None:
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
    def _refresh_feed(self, feed: str, older_than: timedelta | None) -> None:
        self.entry.async_create_background_task(
            self.hass,
            self.podcasts.async_refresh(feed, older_than=older_than),
            f"{DOMAIN} podcast feed",
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
            mapping.episodes, tracks, bookmark, self.podcasts.heard(mapping.uid)
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
            self.podcasts.mark_heard(folder.uid, episode.media_content_id)

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
    def start(self, chips: Callable[[], list[Mapping[str, Any]]]) -> None:
        """List the ``chips``' music once Home Assistant runs; fetch feeds when due."""

        @callback
        def started(_hass: HomeAssistant) -> None:
            stored = chips()
            self.warm(stored)
            self.refresh_feeds(stored)

        self.entry.async_on_unload(async_at_started(self.hass, started))
        self.entry.async_on_unload(
            async_track_time_interval(
                self.hass,
                lambda _now: self.refresh_feeds(chips()),
                REFRESH_ON_PLACE,
                cancel_on_shutdown=True,
            )
        )

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
