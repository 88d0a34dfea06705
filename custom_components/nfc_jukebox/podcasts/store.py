"""The podcasts' file in .storage: each feed's episodes, and which episodes each chip heard.

A record that is not as expected (a later release or a hand edit wrote it) is
skipped and logged: that feed is fetched again, no other feed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, override

import probatio
from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from ..const import DOMAIN, LOGGER
from ..stored import SECONDS
from .feed import Episode

STORAGE_VERSION: Final = 1
STORAGE_MINOR_VERSION: Final = 1
STORAGE_KEY: Final = f"{DOMAIN}.podcasts"


@dataclass(kw_only=True, slots=True)
class FeedRecord:
    """What is known of one feed: its episodes, and how to ask for them again."""

    episodes: tuple[Episode, ...] = ()
    etag: str | None = None
    modified: str | None = None
    #: when the feed was last fetched (seconds since the epoch; 0: never)
    fetched_at: float = 0.0
    #: since when fetching it fails (None: it did not, last time)
    failing_since: float | None = None
    #: why, as the log said it
    error: str | None = field(default=None, compare=False)


_EPISODE = probatio.Schema(
    {
        probatio.Required("url"): str,
        probatio.Required("title"): str,
        probatio.Required("media_type"): str,
        probatio.Required("published"): probatio.Any(None, SECONDS),
    }
)
_FEED = probatio.Schema(
    {
        probatio.Required("episodes"): [dict],
        probatio.Required("etag"): probatio.Any(None, str),
        probatio.Required("modified"): probatio.Any(None, str),
        probatio.Required("fetched_at"): SECONDS,
        probatio.Optional("failing_since"): probatio.Any(None, SECONDS),
        probatio.Optional("error"): probatio.Any(None, str),
    }
)


def feed_from_stored(url: str, data: object) -> FeedRecord | None:
    """Return a stored feed record, or None (logged) if it is not one."""
    try:
        checked = _FEED(data)
        episodes = tuple(Episode(**_EPISODE(item)) for item in checked["episodes"])
    except probatio.Invalid as err:
        LOGGER.warning("Skipped the episodes of %s in %s: %s", url, STORAGE_KEY, err)
        return None
    return FeedRecord(
        episodes=episodes,
        etag=checked["etag"],
        modified=checked["modified"],
        fetched_at=checked["fetched_at"],
        failing_since=checked.get("failing_since"),
        error=checked.get("error"),
    )


def feed_to_stored(record: FeedRecord) -> dict[str, Any]:
    """Return a feed record as it is stored."""
    return {
        "episodes": [
            {
                "url": e.url,
                "title": e.title,
                "media_type": e.media_type,
                "published": e.published,
            }
            for e in record.episodes
        ],
        "etag": record.etag,
        "modified": record.modified,
        "fetched_at": record.fetched_at,
        "failing_since": record.failing_since,
        "error": record.error,
    }


def heard_from_stored(stored: object) -> dict[str, set[str]]:
    """Return which episodes each chip heard to the end; a bad record is skipped."""
    heard: dict[str, set[str]] = {}
    if not isinstance(stored, dict):
        return heard
    for uid, urls in stored.items():
        if isinstance(urls, list) and all(isinstance(url, str) for url in urls):
            heard[str(uid)] = set(urls)
        else:
            LOGGER.warning("Skipped the episodes chip %s heard in %s", uid, STORAGE_KEY)
    return heard


class PodcastStore(Store[dict[str, Any]]):
    """The podcasts' file, migrated from older versions as it is loaded."""

    @override
    async def _async_migrate_func(
        self,
        old_major_version: int,
        old_minor_version: int,
        old_data: dict[str, Any],
    ) -> dict[str, Any]:
        """Return the podcasts of a later minor version's file: checked record by record."""
        return old_data


def podcast_store(hass: HomeAssistant) -> PodcastStore:
    """Return the podcasts' store."""
    return PodcastStore(
        hass, STORAGE_VERSION, STORAGE_KEY, minor_version=STORAGE_MINOR_VERSION
    )
