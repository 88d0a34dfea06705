"""A feed server on loopback for podcast tests and the bench: good, slow, broken, huge, changing.

Every feed it serves is made here: RSS 2.0 or Atom, with as many episodes as asked,
each with an audio file on the same server.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web

#: the day the first episode of every served feed came out; one a day after it
FIRST_DAY = datetime(2026, 1, 1, 7, 0, tzinfo=UTC)


def episode_url(base: str, feed: str, number: int) -> str:
    """Return the audio file of episode ``number`` (1 is the first) of ``feed``."""
    return f"{base}/audio/{feed}/{number}.mp3"


def rss(base: str, feed: str, episodes: int) -> bytes:
    """Return an RSS 2.0 podcast of ``episodes`` episodes, newest first."""
    items = "".join(
        f"<item><title>Episode {n}</title><guid>{feed}-{n}</guid>"
        f"<pubDate>{format_datetime(FIRST_DAY + timedelta(days=n - 1))}</pubDate>"
        f"<description>{escape('Episode ' + str(n) + ' & more')}</description>"
        f'<enclosure url="{episode_url(base, feed, n)}" type="audio/mpeg" length="1000"/>'
        "</item>"
        for n in range(episodes, 0, -1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{feed}</title>{items}</channel></rss>"
    ).encode()


def atom(base: str, feed: str, episodes: int) -> bytes:
    """Return an Atom podcast of ``episodes`` episodes, newest first."""
    entries = "".join(
        f"<entry><title>Episode {n}</title><id>urn:{feed}:{n}</id>"
        f"<updated>{(FIRST_DAY + timedelta(days=n - 1)).isoformat()}</updated>"
        f'<link rel="enclosure" type="audio/mpeg" href="{episode_url(base, feed, n)}"/>'
        "</entry>"
        for n in range(episodes, 0, -1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{feed}</title>'
        f"<id>urn:{feed}</id><updated>{FIRST_DAY.isoformat()}</updated>{entries}</feed>"
    ).encode()


@dataclass
class FeedServer:
    """The feed server's knobs, and what it was asked."""

    base: str = ""
    #: episodes of each feed (a test adds one: the feed changed)
    episodes: dict[str, int] = field(default_factory=dict)
    #: the feeds that fail (HTTP 500) until this is cleared
    broken: set[str] = field(default_factory=set)
    #: a slow feed ("slow…", or named here) answers once this is set (never, unless
    #: a test sets it)
    slow_answers: asyncio.Event = field(default_factory=asyncio.Event)
    slow: set[str] = field(default_factory=set)
    #: (path, If-None-Match, If-Modified-Since) of every request
    requests: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    #: how many feed requests were answered "not modified"
    not_modified: int = 0
    #: the bytes the huge feed sends
    huge_bytes: int = 20 * 1024 * 1024
    #: the bytes of each episode's audio file, by feed (a test makes one large)
    audio_bytes: dict[str, int] = field(default_factory=dict)
    #: the feeds whose audio files fail (HTTP 500)
    broken_audio: set[str] = field(default_factory=set)
    #: the audio files asked for ("feed/1.mp3")
    audio_requests: list[str] = field(default_factory=list)
    #: the feeds whose audio files say their size first (Content-Length)
    sized_audio: set[str] = field(default_factory=set)
    #: the feeds whose audio files send their first bytes, then wait for audio_resumes
    stalled_audio: set[str] = field(default_factory=set)
    audio_resumes: asyncio.Event = field(default_factory=asyncio.Event)
    #: set once a stalled audio file sent its first bytes: a download is under way
    audio_stalled: asyncio.Event = field(default_factory=asyncio.Event)
    #: seconds between the 64 kB pieces of each feed's audio files (a slow line)
    audio_pace: dict[str, float] = field(default_factory=dict)
    #: the audio bytes sent so far, of every feed
    audio_sent: int = 0

    def url(self, name: str) -> str:
        """Return the address of the feed ``name`` (".atom" for Atom, else RSS)."""
        return f"{self.base}/feeds/{name}"

    def body(self, name: str) -> bytes:
        """Return what the feed ``name`` holds now."""
        count = self.episodes.get(name, 3)
        return (
            atom(self.base, name, count)
            if name.endswith(".atom")
            else rss(self.base, name, count)
        )

    async def feed(self, request: web.Request) -> web.StreamResponse:
        """Serve a feed: slow, broken, huge, garbage or good (with ETag/Last-Modified)."""
        name = request.match_info["name"]
        self.requests.append(
            (
                name,
                request.headers.get("If-None-Match"),
                request.headers.get("If-Modified-Since"),
            )
        )
        if name.startswith("slow") or name in self.slow:
            await self.slow_answers.wait()
        if name in self.broken:
            return web.Response(status=500, text="down")
        if name.startswith("garbage"):
            return web.Response(text="<html><body>No feed here</body></html>")
        if name.startswith("huge"):
            return await self._huge(request)
        body = self.body(name)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = format_datetime(
            FIRST_DAY + timedelta(days=self.episodes.get(name, 3)), usegmt=True
        )
        if request.headers.get("If-None-Match") == etag:
            self.not_modified += 1
            return web.Response(status=304)
        return web.Response(
            body=body,
            content_type="application/rss+xml",
            headers={"ETag": etag, "Last-Modified": modified},
        )

    async def audio(self, request: web.Request) -> web.StreamResponse:
        """Serve an episode's audio file: bytes of silence, chunked, sized, stalled or failing."""
        feed = request.match_info["feed"]
        self.audio_requests.append(f"{feed}/{request.match_info['file']}")
        if feed in self.broken_audio:
            return web.Response(status=500, text="down")
        left = self.audio_bytes.get(feed, 4000)
        if feed in self.sized_audio:
            return web.Response(body=b"\0" * left, content_type="audio/mpeg")
        response = web.StreamResponse(headers={"Content-Type": "audio/mpeg"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            while left > 0:
                await response.write(b"\0" * min(left, 64 * 1024))
                self.audio_sent += min(left, 64 * 1024)
                left -= 64 * 1024
                if feed in self.audio_pace:
                    await asyncio.sleep(self.audio_pace[feed])
                if feed in self.stalled_audio:
                    self.audio_stalled.set()
                    await self.audio_resumes.wait()
        except ConnectionError:
            return response
        await response.write_eof()
        return response

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        """Send more than any feed may be, without saying how much first."""
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        chunk = b"<!-- " + b"x" * (64 * 1024) + b" -->"
        sent = 0
        try:
            while sent < self.huge_bytes:
                await response.write(chunk)
                sent += len(chunk)
        except ConnectionError:
            return response  # the client gave up, as it should
        return response


async def start_feed_server() -> tuple[FeedServer, web.AppRunner]:
    """Start a feed server on a free loopback port; stop it with runner.cleanup()."""
    server = FeedServer()
    app = web.Application()
    app.router.add_get("/feeds/{name}", server.feed)
    app.router.add_get("/audio/{feed}/{file}", server.audio)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    server.base = f"http://127.0.0.1:{port}"
    return server, runner
