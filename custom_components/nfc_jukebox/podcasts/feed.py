"""One podcast feed: fetched over HTTP (ETag, Last-Modified, a timeout, a size cap), read.

Reading is feedparser's (what Home Assistant's feedreader uses), in an executor: a
feed of 1000 episodes takes a while to parse.
"""

from __future__ import annotations

import asyncio
import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import aiohttp
import feedparser
from homeassistant.components.media_player import MediaType

#: A feed larger than this is refused (a feed of 1000 episodes is a few MB).
MAX_FEED_BYTES: Final = 16 * 1024 * 1024
#: A feed server that takes longer than this to answer is asked again later.
FETCH_TIMEOUT: Final = 30.0
_CHUNK: Final = 64 * 1024


class FeedError(Exception):
    """The feed could not be fetched or read; its list, if any, stays as it was."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Episode:
    """One episode of a podcast: what plays, and what a parent reads."""

    #: the audio file: what the speaker is given, and the episode's identity
    url: str
    title: str
    #: "music" for audio, "video" for a video podcast
    media_type: str
    #: when it was published, in seconds since the epoch (None: the feed does not say)
    published: float | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Fetched:
    """What the feed server answered: a new feed, or "not modified" (body None)."""

    body: bytes | None
    etag: str | None
    modified: str | None


async def async_fetch(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
) -> Fetched:
    """Fetch a feed, as a conditional request if it was fetched before.

    Raise FeedError if the server fails, is too slow, or sends too much.
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        async with (
            asyncio.timeout(FETCH_TIMEOUT),
            session.get(url, headers=headers, allow_redirects=True) as response,
        ):
            if response.status == 304:  # noqa: PLR2004 - HTTP's "not modified"
                return Fetched(body=None, etag=etag, modified=modified)
            if response.status != 200:  # noqa: PLR2004 - HTTP's "OK"
                raise FeedError(f"the feed server answered {response.status}")
            if (response.content_length or 0) > MAX_FEED_BYTES:
                raise FeedError("the feed is too large")
            body = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK):
                body += chunk
                if len(body) > MAX_FEED_BYTES:
                    raise FeedError("the feed is too large")
            return Fetched(
                body=bytes(body),
                etag=response.headers.get("ETag"),
                modified=response.headers.get("Last-Modified"),
            )
    except TimeoutError as err:
        raise FeedError("the feed server did not answer in time") from err
    except (aiohttp.ClientError, ValueError) as err:
        raise FeedError(f"the feed could not be fetched: {err}") from err


def parse_episodes(body: bytes) -> tuple[Episode, ...]:
    """Return a feed's episodes, oldest first (blocking: run it in an executor).

    RSS 2.0 and Atom alike; an entry without an audio or video file is no episode.
    Raise FeedError if the document is no feed, or a feed without episodes.
    """
    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        raise FeedError("the document is no RSS or Atom feed")
    episodes = [
        episode
        for entry in reversed(parsed.entries)  # feeds list the newest first
        if (episode := _episode(entry)) is not None
    ]
    if not episodes:
        raise FeedError("the feed has no episodes with an audio file")
    # Sorted by date where the feed gives one; stable, so undated ones keep their place.
    return tuple(sorted(episodes, key=lambda e: e.published or 0.0))


def _episode(entry: Mapping[str, Any]) -> Episode | None:
    enclosure = next(
        (
            link
            for link in entry.get("enclosures", ())
            if link.get("href")
            and str(link.get("type", "audio/")).startswith(("audio/", "video/"))
        ),
        None,
    )
    if enclosure is None:
        return None
    url = str(enclosure["href"]).strip()
    if not url.startswith(("http://", "https://")):
        return None
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    kind = str(enclosure.get("type", "audio/"))
    return Episode(
        url=url,
        title=str(entry.get("title") or url.rsplit("/", 1)[-1]).strip(),
        media_type=MediaType.VIDEO if kind.startswith("video/") else MediaType.MUSIC,
        published=float(calendar.timegm(published)) if published else None,
    )
