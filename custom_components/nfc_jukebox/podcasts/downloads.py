"""Podcast episodes kept on the box: a chip's newest N, in My media → NFC Jukebox → Podcasts.

Each episode is streamed to disk in chunks (written in an executor), within a
timeout and the chip's cap in MB, into a hidden file the media browser does not
show; a download that fails, stalls, would pass the cap or is cut off by a restart
leaves no file behind, and the chip plays that episode from the feed's server.
Placing a chip never waits for a download: it plays what is kept so far.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Final

import aiohttp
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from yarl import URL

from ..const import LOGGER
from ..folders import LOCAL_MEDIA

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .feed import Episode

#: One episode's download may take this long (a large file on a slow line).
DOWNLOAD_TIMEOUT: Final = 600.0
#: A download that receives nothing for this long has stalled.
STALL_TIMEOUT: Final = 60.0
#: Where kept episodes go, below the local media folder (My media).
FOLDER: Final = PurePosixPath("NFC Jukebox", "Podcasts")
_CHUNK: Final = 256 * 1024
_SUFFIXES: Final = (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".mp4", ".m4v")
_PART: Final = ".part"
#: The files this module writes (a kept episode, or one being downloaded): nothing
#: else in a feed's folder is touched.
_OURS: Final = re.compile(r"\.?[0-9a-f]{16}\.[a-z0-9]{2,4}(\.part)?")
_MB: Final = 1024 * 1024
TOO_LARGE: Final = "it would pass the chip's cap in MB"


class DownloadError(Exception):
    """An episode could not be kept: the server failed, was too slow, or sent too much."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Keep:
    """What a feed's chips ask to keep: the newest ``episodes``, at most ``mb`` MB."""

    episodes: int
    mb: int


def feed_folder(feed: str) -> str:
    """Return the folder of a feed's kept episodes: its host and a short hash."""
    host = URL(feed).host or "feed"
    return f"{host}-{hashlib.sha256(feed.encode()).hexdigest()[:10]}"


def episode_file(url: str) -> str:
    """Return the file name an episode is kept as (its URL's hash, its own suffix)."""
    suffix = PurePosixPath(URL(url).path).suffix.lower()
    if suffix not in _SUFFIXES:
        suffix = ".mp3"
    return hashlib.sha256(url.encode()).hexdigest()[:16] + suffix


class Downloads:
    """The episodes kept on the box, by feed: the local copy a chip plays instead."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Keep nothing yet; async_keep brings a feed's folder up to date."""
        self.hass = hass
        #: feed → episode URL → the local copy's media-source id (replaced, never
        #: changed in place: Podcasts.playable caches by identity)
        self._local: dict[str, dict[str, str]] = {}
        self._synced: set[str] = set()
        self._locks: dict[str, asyncio.Lock] = {}

    def local(self, feed: str, url: str) -> str | None:
        """Return the media-source id of an episode's local copy, if the box keeps one."""
        return self._local.get(feed, {}).get(url)

    def kept(self, feed: str) -> dict[str, str]:
        """Return the feed's kept episodes: episode URL → media-source id."""
        return self._local.get(feed, {})

    def synced(self, feed: str) -> bool:
        """Return whether the feed's kept episodes were brought up to date (since start)."""
        return feed in self._synced

    def _media(self) -> tuple[str, Path] | None:
        """Return the local media folder (My media) and its source id, if there is one."""
        dirs = self.hass.config.media_dirs
        source = "local" if "local" in dirs else next(iter(dirs), None)
        return None if source is None else (source, Path(dirs[source]))

    async def async_keep(
        self, feed: str, episodes: tuple[Episode, ...], keep: Keep | None
    ) -> None:
        """Keep the feed's newest episodes as ``keep`` says; None removes them all.

        A feed never read yet (no episodes) keeps what it has: nothing is deleted
        on the strength of a list the box does not know.
        """
        if (media := self._media()) is None:
            return
        folder = media[1] / FOLDER / feed_folder(feed)
        async with self._locks.setdefault(feed, asyncio.Lock()):
            if keep is None:
                self._local.pop(feed, None)
                await self.hass.async_add_executor_job(_remove_folder, folder)
            elif episodes:
                await self._async_sync(feed, episodes[-keep.episodes :], keep, media)
            self._synced.add(feed)

    async def _async_sync(
        self,
        feed: str,
        episodes: tuple[Episode, ...],
        keep: Keep,
        media: tuple[str, Path],
    ) -> None:
        """Delete the copies no longer kept, then download the missing, newest first."""
        source, root = media
        folder = root / FOLDER / feed_folder(feed)
        wanted = {e.url: episode_file(e.url) for e in episodes}

        def media_id(name: str) -> str:
            return f"{LOCAL_MEDIA}/{source}/{FOLDER / folder.name / name}"

        # No placement meanwhile plays a copy about to be deleted.
        local = {url: id_ for url, id_ in self.kept(feed).items() if url in wanted}
        self._local[feed] = dict(local)
        sizes = await self.hass.async_add_executor_job(
            _tidy, folder, set(wanted.values())
        )
        local = {url: media_id(name) for url, name in wanted.items() if name in sizes}
        self._local[feed] = dict(local)
        budget = keep.mb * _MB - sum(sizes.values())
        for url in reversed(list(wanted)):  # the newest first
            if url in local:
                continue
            try:
                size = await self._download(url, folder / wanted[url], budget)
            except DownloadError as err:
                LOGGER.warning("Could not keep the episode %s: %s", url, err)
                continue
            budget -= size
            local[url] = media_id(wanted[url])
            # Played from the box from now on, before the next one is downloaded.
            self._local[feed] = dict(local)

    async def _download(self, url: str, path: Path, budget: int) -> int:
        """Stream an episode to ``path`` (via a hidden .part file); return its size."""
        part = path.with_name(f".{path.name}{_PART}")
        handle: IO[bytes] = await self.hass.async_add_executor_job(_open, part)
        try:
            try:
                written = await self._stream(url, handle, budget)
            except TimeoutError as err:
                raise DownloadError("the server did not send it in time") from err
            except (aiohttp.ClientError, ValueError, OSError) as err:
                raise DownloadError(str(err) or type(err).__name__) from err
        except BaseException:
            # Cancelled too (unload, shutdown): no partial file stays behind.
            await asyncio.shield(
                self.hass.async_add_executor_job(_discard, handle, part)
            )
            raise
        await self.hass.async_add_executor_job(_finish, handle, part, path)
        return written

    async def _stream(self, url: str, handle: IO[bytes], budget: int) -> int:
        """Write an episode to ``handle`` chunk by chunk; raise past ``budget`` bytes."""
        written = 0
        async with (
            asyncio.timeout(DOWNLOAD_TIMEOUT),
            async_get_clientsession(self.hass).get(
                url,
                allow_redirects=True,
                timeout=aiohttp.ClientTimeout(sock_read=STALL_TIMEOUT),
            ) as response,
        ):
            if response.status != 200:  # noqa: PLR2004 - HTTP's "OK"
                raise DownloadError(f"the server answered {response.status}")
            if (response.content_length or 0) > budget:
                raise DownloadError(TOO_LARGE)
            async for chunk in response.content.iter_chunked(_CHUNK):
                written += len(chunk)
                if written > budget:
                    raise DownloadError(TOO_LARGE)
                await self.hass.async_add_executor_job(handle.write, chunk)
        return written


def _open(part: Path) -> IO[bytes]:
    part.parent.mkdir(parents=True, exist_ok=True)
    return part.open("wb")


def _discard(handle: IO[bytes], part: Path) -> None:
    handle.close()
    part.unlink(missing_ok=True)


def _finish(handle: IO[bytes], part: Path, path: Path) -> None:
    handle.close()
    part.replace(path)


def _tidy(folder: Path, wanted: set[str]) -> dict[str, int]:
    """Delete the copies no longer kept (and cut-off downloads); return the sizes kept.

    Only this module's files go: anything else in the folder stays as it is.
    """
    if not folder.is_dir():
        return {}
    sizes: dict[str, int] = {}
    for path in folder.iterdir():
        if not path.is_file() or not _OURS.fullmatch(path.name):
            continue
        if path.name in wanted:
            sizes[path.name] = path.stat().st_size
        else:
            path.unlink(missing_ok=True)
    return sizes


def _remove_folder(folder: Path) -> None:
    """Delete a feed's kept episodes, and its folder once nothing else is in it."""
    _tidy(folder, set())
    # Gone already, or something of the user's is in it: it stays.
    with contextlib.suppress(OSError):
        folder.rmdir()
