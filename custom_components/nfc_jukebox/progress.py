"""Where each chip's music stopped: one store for the home, keyed by the chip's UID.

A chip is the same chip on every reader, so its progress (the track and the
position an audiobook stopped at) is kept for the home, not per reader: a removed
reader takes no chip's progress with it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial
from typing import Any, Final, override

import probatio
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import UnsupportedStorageVersionError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN, LOGGER
from .home import reader_entries
from .listeners import Listeners
from .stored import COUNT, SECONDS, async_load_once, async_remove_loaded

STORAGE_VERSION: Final = 1
#: 1.2: the same bookmarks, each checked when loaded (1.1 files load unchanged)
STORAGE_MINOR_VERSION: Final = 2
STORAGE_KEY: Final = f"{DOMAIN}.progress"
DATA_PROGRESS: HassKey[asyncio.Future[ChipProgress]] = HassKey(f"{DOMAIN}_progress")


@dataclass(kw_only=True, slots=True)
class Bookmark:
    """Where a chip's music stopped, to resume it when the chip comes back."""

    entity_id: str
    media_content_id: str
    #: the content id the player reported when it was paused (players rewrite ids)
    player_content_id: str | None
    position: float | None
    saved_at: str  # ISO time
    #: which track of a folder chip played (0 is the first); None: no folder
    track: int | None = None

    @property
    def saved(self) -> datetime:
        """Return when the bookmark was taken."""
        saved = dt_util.parse_datetime(self.saved_at)
        assert saved is not None  # noqa: S101 - checked when loaded
        return saved


def _time_with_zone(value: object) -> str:
    """Accept an ISO time that says its time zone (naive ones cannot be compared)."""
    saved = dt_util.parse_datetime(value) if isinstance(value, str) else None
    if saved is None or saved.tzinfo is None:
        msg = "expected an ISO time with its time zone"
        raise probatio.Invalid(msg)
    return str(value)


_BOOKMARK = probatio.Schema(
    {
        probatio.Required("entity_id"): cv.entity_id,
        probatio.Required("media_content_id"): str,
        probatio.Required("player_content_id"): probatio.Any(None, str),
        probatio.Required("position"): probatio.Any(None, SECONDS),
        probatio.Required("saved_at"): _time_with_zone,
        # Bookmarks saved before folder chips have no track.
        probatio.Optional("track"): probatio.Any(None, COUNT),
    }
)


def bookmarks_from_stored(stored: object, key: str) -> dict[str, Bookmark]:
    """Return the bookmarks of a stored file; one not as expected is left out.

    Each one left out is logged: a downgrade or a hand edit costs that chip where
    it stopped (it plays from the start), never the other chips or the reader.
    """
    if not isinstance(stored, dict):
        LOGGER.warning(
            "Ignored %s: expected the chips' bookmarks, found a %s",
            key,
            type(stored).__name__,
        )
        return {}
    bookmarks: dict[str, Bookmark] = {}
    for uid, data in stored.items():
        try:
            bookmarks[uid] = Bookmark(**_BOOKMARK(data))
        except probatio.Invalid as err:
            LOGGER.warning(
                "Skipped the bookmark of chip %s in %s (it plays from the start): %s",
                uid,
                key,
                err,
            )
    return bookmarks


class ProgressStore(Store[dict[str, dict[str, Any]]]):
    """The bookmarks' file, migrated from older versions as it is loaded."""

    @override
    async def _async_migrate_func(
        self,
        old_major_version: int,
        old_minor_version: int,
        old_data: dict[str, dict[str, Any]],
    ) -> dict[str, dict[str, Any]]:
        """Return the bookmarks of an older (or a later minor) version's file.

        1.1 holds the same bookmarks; a later 1.x's are checked one by one on load.
        """
        return old_data


def _store(hass: HomeAssistant, key: str) -> ProgressStore:
    return ProgressStore(
        hass, STORAGE_VERSION, key, minor_version=STORAGE_MINOR_VERSION
    )


class ChipProgress:
    """The bookmarks of every chip of the home, saved as soon as they change."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start empty; async_get_progress loads it."""
        self.hass = hass
        self._store = _store(hass, STORAGE_KEY)
        self._bookmarks: dict[str, Bookmark] = {}
        self._listeners: Listeners[[str]] = Listeners()

    async def async_load(self) -> None:
        """Load the bookmarks, and move in those the readers kept before."""
        try:
            stored = await self._store.async_load()
        except UnsupportedStorageVersionError as err:
            # Kept as it is, for when that release is back: nothing is written over it.
            LOGGER.warning(
                "%s was written by a later release of NFC Jukebox (version %s): "
                "chips play from the start, and where they stop is kept only until "
                "Home Assistant restarts",
                STORAGE_KEY,
                err.found_version,
            )
            self._store.make_read_only()
            stored = None
        self._bookmarks = bookmarks_from_stored(stored or {}, STORAGE_KEY)
        migrated = False
        for entry in reader_entries(self.hass):
            old = _store(self.hass, legacy_storage_key(entry.entry_id))
            if (bookmarks := await old.async_load()) is None:
                continue
            for uid, bookmark in bookmarks_from_stored(bookmarks, old.key).items():
                known = self._bookmarks.get(uid)
                # A chip that played on two readers: the newest position wins.
                if known is None or bookmark.saved > known.saved:
                    self._bookmarks[uid] = bookmark
            await self._store.async_save(self._stored())
            await old.async_remove()
            migrated = True
        if migrated:
            LOGGER.debug("Moved the readers' bookmarks into %s", STORAGE_KEY)

    def get(self, uid: str) -> Bookmark | None:
        """Return where the chip ``uid`` stopped, if it is remembered."""
        return self._bookmarks.get(uid)

    @callback
    def async_set(self, uid: str, bookmark: Bookmark) -> None:
        """Remember where the chip ``uid`` stopped."""
        self._bookmarks[uid] = bookmark
        self._save()

    @callback
    def async_forget(self, uid: str) -> bool:
        """Forget where the chip ``uid`` stopped; return whether there was anything."""
        if self._bookmarks.pop(uid, None) is None:
            return False
        self._save()
        return True

    @callback
    def async_add_listener(self, listener: Callable[[str], None]) -> CALLBACK_TYPE:
        """Call ``listener`` with a chip's UID when its progress is forgotten."""
        return self._listeners.add(listener)

    @callback
    def async_reset(self, uid: str) -> None:
        """Start the chip ``uid`` over the next time it is placed (a parent asked)."""
        self.async_forget(uid)
        self._listeners.notify(uid)

    async def async_save(self) -> None:
        """Write the bookmarks now (a reader unloads)."""
        await self._store.async_save(self._stored())

    async def async_remove(self) -> None:
        """Forget every bookmark and delete the file (a pending write included)."""
        self._bookmarks.clear()
        await self._store.async_remove()

    def as_dict(self) -> dict[str, dict[str, Any]]:
        """Return every chip's bookmark (diagnostics)."""
        return self._stored()

    @callback
    def _save(self) -> None:
        # Written right away but in the background: the pause does not wait, and a
        # restart just after a lift keeps its position. The store calls _stored when
        # it writes, so the newest bookmarks always land and quick lifts share a
        # write instead of queueing one each.
        self._store.async_delay_save(self._stored)

    @callback
    def _stored(self) -> dict[str, dict[str, Any]]:
        return {uid: asdict(bookmark) for uid, bookmark in self._bookmarks.items()}


async def async_get_progress(hass: HomeAssistant) -> ChipProgress:
    """Return the home's chip progress, loaded once for every reader."""
    return await async_load_once(hass, DATA_PROGRESS, partial(ChipProgress, hass))


async def async_remove_progress(hass: HomeAssistant) -> None:
    """Forget every chip's progress: the home's last reader (and its chips) went."""
    await async_remove_loaded(hass, DATA_PROGRESS, partial(ChipProgress, hass))


def legacy_storage_key(entry_id: str) -> str:
    """Return where a reader kept its chips' bookmarks before they were home-wide."""
    return f"{DOMAIN}.{entry_id}.bookmarks"


async def async_remove_legacy_bookmarks(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a removed reader's own bookmark file, should one be left."""
    await _store(hass, legacy_storage_key(entry_id)).async_remove()
