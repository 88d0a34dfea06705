"""The home's podcasts: every podcast chip's episodes, known ahead and refreshed in the background.

A placement reads the list kept here and never waits for a feed server; only a
feed never read yet is fetched on the way to the music.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import timedelta
from typing import Any, Final

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import UnsupportedStorageVersionError
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN, LOGGER
from ..folders import Track
from .downloads import Downloads, Keep
from .feed import FeedError, async_fetch, parse_episodes
from .store import (
    STORAGE_KEY,
    FeedRecord,
    feed_from_stored,
    feed_to_stored,
    heard_from_stored,
    podcast_store,
)

#: Every podcast chip's feed is fetched again this often, in the background.
REFRESH_EVERY: Final = timedelta(hours=4)
#: A placed podcast chip's feed is fetched again (in the background) if older than this.
REFRESH_ON_PLACE: Final = timedelta(hours=1)
DATA_PODCASTS: HassKey[asyncio.Future[Podcasts]] = HassKey(f"{DOMAIN}_podcasts")


class Podcasts:
    """The episodes of every feed a chip of the home plays, and which each chip heard."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with no feed known; async_get_podcasts loads them."""
        self.hass = hass
        self._store = podcast_store(hass)
        self._feeds: dict[str, FeedRecord] = {}
        #: each feed's episodes as the queue plays them, made once per fetch
        self._tracks: dict[str, tuple[Track, ...]] = {}
        self._heard: dict[str, set[str]] = {}
        self._refreshing: dict[str, asyncio.Future[None]] = {}
        #: the episodes kept on the box
        self.downloads = Downloads(hass)
        #: each feed's episodes as a placement plays them: local copies where kept
        self._playable: dict[
            str, tuple[dict[str, str], tuple[Track, ...], tuple[Track, ...]]
        ] = {}

    async def async_load(self) -> None:
        """Load the feeds' episodes and what each chip heard."""
        try:
            stored = await self._store.async_load() or {}
        except UnsupportedStorageVersionError:
            LOGGER.warning(
                "%s was written by a later release of NFC Jukebox: podcast feeds "
                "are fetched again, and kept only until Home Assistant restarts",
                STORAGE_KEY,
            )
            self._store.make_read_only()
            stored = {}
        feeds = stored.get("feeds") if isinstance(stored, dict) else None
        for url, data in (feeds if isinstance(feeds, dict) else {}).items():
            if (record := feed_from_stored(url, data)) is not None:
                self._set(url, record, save=False)
        self._heard = heard_from_stored(stored.get("heard", {}))

    # What a placement reads ------------------------------------------------------

    def tracks(self, url: str) -> tuple[Track, ...] | None:
        """Return a feed's episodes, oldest first, as last fetched (None: never read)."""
        return self._tracks.get(url)

    def playable(self, url: str) -> tuple[Track, ...] | None:
        """Return a feed's episodes as they play: the local copy of each one kept."""
        tracks = self._tracks.get(url)
        kept = self.downloads.kept(url)
        if tracks is None or not kept:
            return tracks
        cached = self._playable.get(url)
        if cached is not None and cached[0] is kept and cached[1] is tracks:
            return cached[2]
        played = tuple(
            dataclasses.replace(track, media_content_id=local)
            if (local := kept.get(track.media_content_id)) is not None
            else track
            for track in tracks
        )
        self._playable[url] = (kept, tracks, played)
        return played

    def heard_as_played(self, uid: str, feed: str) -> set[str]:
        """Return the episodes the chip heard, a kept one by its local copy."""
        heard = self.heard(uid)
        kept = self.downloads.kept(feed)
        return {kept.get(url, url) for url in heard} if kept else heard

    def episode_of(self, feed: str, content_id: str) -> str:
        """Return the episode (its file's URL) that ``content_id`` plays, local or not."""
        kept = self.downloads.kept(feed)
        return next((url for url, id_ in kept.items() if id_ == content_id), content_id)

    async def async_keep(self, url: str, keep: Keep | None) -> None:
        """Keep the feed's newest episodes on the box as ``keep`` says (None: none)."""
        record = self._feeds.get(url)
        await self.downloads.async_keep(url, record.episodes if record else (), keep)

    def record(self, url: str) -> FeedRecord | None:
        """Return what is known of a feed (diagnostics, checks)."""
        return self._feeds.get(url)

    def heard(self, uid: str) -> set[str]:
        """Return the episodes (by their file's URL) the chip ``uid`` heard to the end."""
        return self._heard.get(uid, set())

    # What playing changes -----------------------------------------------------------

    @callback
    def mark_heard(self, uid: str, url: str) -> None:
        """Note that the chip ``uid`` heard the episode ``url`` to its end."""
        heard = self._heard.setdefault(uid, set())
        if url not in heard:
            heard.add(url)
            self._save()

    @callback
    def forget_heard(self, uid: str) -> None:
        """Forget what the chip ``uid`` heard (its progress was reset, or it is gone)."""
        if self._heard.pop(uid, None) is not None:
            self._save()

    # Fetching --------------------------------------------------------------------

    async def async_refresh(
        self, url: str, *, older_than: timedelta | None = None
    ) -> None:
        """Fetch a feed again (if its list is older than ``older_than``).

        A second refresh meanwhile waits for the first; a failure keeps the list.
        """
        record = self._feeds.get(url)
        if (
            older_than is not None
            and record is not None
            and time.time() - record.fetched_at < older_than.total_seconds()
        ):
            return
        if (running := self._refreshing.get(url)) is not None:
            await asyncio.shield(running)
            return
        running = self._refreshing[url] = self.hass.loop.create_future()
        try:
            await self._async_fetch(url, record or FeedRecord())
        finally:
            del self._refreshing[url]
            running.set_result(None)

    async def _async_fetch(self, url: str, record: FeedRecord) -> None:
        try:
            fetched = await async_fetch(
                async_get_clientsession(self.hass),
                url,
                etag=record.etag,
                modified=record.modified,
            )
            episodes = record.episodes
            if fetched.body is not None:
                episodes = await self.hass.async_add_executor_job(
                    parse_episodes, fetched.body
                )
        except FeedError as err:
            if record.failing_since is None:
                LOGGER.warning("Could not read the podcast feed %s: %s", url, err)
            record.failing_since = record.failing_since or time.time()
            record.error = str(err)
            record.fetched_at = time.time()
            self._set(url, record)
            return
        if record.failing_since is not None:
            LOGGER.info("The podcast feed %s can be read again", url)
        self._set(
            url,
            FeedRecord(
                episodes=episodes,
                etag=fetched.etag,
                modified=fetched.modified,
                fetched_at=time.time(),
            ),
        )

    @callback
    def _set(self, url: str, record: FeedRecord, *, save: bool = True) -> None:
        old = self._feeds.get(url)
        self._feeds[url] = record
        if not record.episodes:
            self._tracks.pop(url, None)
        elif (
            old is None
            or old.episodes is not record.episodes
            or url not in self._tracks
        ):
            self._tracks[url] = tuple(
                Track(
                    media_content_id=episode.url,
                    media_content_type=episode.media_type,
                    title=episode.title,
                )
                for episode in record.episodes
            )
        if save:
            self._save()

    # Storing ----------------------------------------------------------------------

    @callback
    def _save(self) -> None:
        self._store.async_delay_save(self._stored, 1)

    @callback
    def _stored(self) -> dict[str, Any]:
        return {
            "feeds": {url: feed_to_stored(r) for url, r in self._feeds.items()},
            "heard": {uid: sorted(urls) for uid, urls in self._heard.items()},
        }

    async def async_save(self) -> None:
        """Write the file now (a reader unloads)."""
        await self._store.async_save(self._stored())

    async def async_remove(self) -> None:
        """Forget every feed and delete the file (the home's last reader went)."""
        self._feeds.clear()
        self._tracks.clear()
        self._heard.clear()
        await self._store.async_remove()


async def async_get_podcasts(hass: HomeAssistant) -> Podcasts:
    """Return the home's podcasts, loaded once for every reader."""
    if (loading := hass.data.get(DATA_PODCASTS)) is None:
        loading = hass.data[DATA_PODCASTS] = hass.loop.create_future()
        podcasts = Podcasts(hass)
        try:
            await podcasts.async_load()
        except BaseException as err:
            del hass.data[DATA_PODCASTS]
            loading.set_exception(err)
            loading.exception()
            raise
        loading.set_result(podcasts)
    return await asyncio.shield(loading)


async def async_remove_podcasts(hass: HomeAssistant) -> None:
    """Forget every feed: the home's last reader (and its chips) went."""
    loading = hass.data.pop(DATA_PODCASTS, None)
    if loading is not None and loading.done() and not loading.exception():
        await loading.result().async_remove()
    else:
        await podcast_store(hass).async_remove()
