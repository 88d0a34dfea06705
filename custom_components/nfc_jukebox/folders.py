"""Folder chips: a media-source folder is the chip's music, its tracks in order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from homeassistant.components import media_source
from homeassistant.components.media_player import BrowseMedia, MediaClass
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN, LOGGER

_DIGITS: Final = re.compile(r"(\d+)")
#: Where media-source folders live: My media and any other local media folder.
LOCAL_MEDIA: Final = "media-source://media_source"
#: How deep the folder list looks: a folder, and the folders in it.
FOLDER_DEPTH: Final = 2
#: At most this many folders are offered (a form, not a file manager).
MAX_FOLDERS: Final = 300
#: A folder played is listed again if its listing is older than this: a child
#: swapping chips does not list a 500-track folder each time.
REFRESH_AFTER: Final = timedelta(minutes=1)


@dataclass(frozen=True, kw_only=True, slots=True)
class Track:
    """One playable item of a folder."""

    media_content_id: str
    media_content_type: str
    title: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Folder:
    """A media-source folder with tracks in it: what a folder chip can play."""

    media_content_id: str
    media_content_type: str
    #: its path as a parent reads it: "Audiobooks / The Gruffalo"
    title: str


DATA_FOLDERS: HassKey[FolderListings] = HassKey(f"{DOMAIN}_folders")


@callback
def async_get_folder_listings(hass: HomeAssistant) -> FolderListings:
    """Return the home's folder listings, shared by every reader.

    A chip is the home's: a folder listed for the reader that stores its chip is
    listed for every reader the chip is placed on.
    """
    if (listings := hass.data.get(DATA_FOLDERS)) is None:
        listings = hass.data[DATA_FOLDERS] = FolderListings(hass)
    return listings


def natural_key(title: str) -> tuple[tuple[int, int | str], ...]:
    """Return a sort key that puts "2 …" before "10 …" (numbers compare as numbers)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _DIGITS.split(title)
        if part
    )


class FolderListings:
    """What each chip's folder holds, browsed once per session, for the whole home.

    Anything that is not a media-source folder (a file, a playlist id of a
    speaker's own, a URL) is no folder: it plays as it always did.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with nothing browsed."""
        self.hass = hass
        self._tracks: dict[str, tuple[Track, ...] | None] = {}
        self._listed_at: dict[str, datetime] = {}
        #: the folders being browsed again now
        self._refreshing: set[str] = set()

    async def async_tracks(self, media_content_id: str) -> tuple[Track, ...] | None:
        """Return a folder's playable tracks in natural order, or None if no folder."""
        if media_content_id in self._tracks:
            return self._tracks[media_content_id]
        tracks = await self._async_browse(media_content_id)
        self._remember(media_content_id, tracks)
        return tracks

    def _remember(
        self, media_content_id: str, tracks: tuple[Track, ...] | None
    ) -> None:
        # A source that is not loaded yet may be one later: only remember answers.
        if tracks is not None or self._browsable():
            self._tracks[media_content_id] = tracks
            self._listed_at[media_content_id] = dt_util.utcnow()

    async def async_refresh(
        self, media_content_id: str, *, older_than: timedelta | None = None
    ) -> None:
        """Browse a folder again, so files added since show up next time it plays.

        With ``older_than``, only a listing older than that. The old listing serves
        until the new one is ready; a second refresh meanwhile is the same refresh.
        """
        listed_at = self._listed_at.get(media_content_id)
        if media_content_id in self._refreshing or (
            older_than is not None
            and listed_at is not None
            and dt_util.utcnow() - listed_at < older_than
        ):
            return
        self._refreshing.add(media_content_id)
        try:
            tracks = await self._async_browse(media_content_id)
        finally:
            self._refreshing.discard(media_content_id)
        self._remember(media_content_id, tracks)

    def listed(self, media_content_id: str) -> bool:
        """Return whether ``media_content_id`` was browsed this session."""
        return media_content_id in self._tracks

    async def async_warm(self, media_content_ids: Iterable[str]) -> None:
        """Browse these ids ahead of time: no chip waits for its folder's listing."""
        for media_content_id in media_content_ids:
            await self.async_tracks(media_content_id)

    def _browsable(self) -> bool:
        return media_source.DOMAIN in self.hass.config.top_level_components

    async def _async_browse(self, media_content_id: str) -> tuple[Track, ...] | None:
        if not media_source.is_media_source_id(media_content_id) or (
            not self._browsable()
        ):
            return None
        try:
            item = await media_source.async_browse_media(self.hass, media_content_id)
        except HomeAssistantError, ValueError:
            # A file, or something the source cannot list: it plays as it is.
            LOGGER.debug("%s is no folder", media_content_id, exc_info=True)
            return None
        if not item.can_expand or item.children is None:
            return None
        tracks = sorted(
            (
                Track(
                    media_content_id=child.media_content_id,
                    media_content_type=child.media_content_type,
                    title=child.title,
                )
                for child in item.children
                if child.can_play and not child.can_expand
            ),
            key=lambda track: natural_key(track.title),
        )
        return tuple(tracks) or None


async def async_folders(hass: HomeAssistant) -> list[Folder]:
    """Return the local media folders that hold tracks, two levels deep, in order.

    Each local media folder ("My media") is browsed, then its folders and the
    folders in those; a folder is offered if it holds a playable file.
    """
    if media_source.DOMAIN not in hass.config.top_level_components:
        return []
    try:
        root = await media_source.async_browse_media(hass, LOCAL_MEDIA)
    except HomeAssistantError, ValueError:
        LOGGER.debug("No local media to list", exc_info=True)
        return []
    folders: list[Folder] = []
    if len(hass.config.media_dirs) > 1:
        # Several media folders: each is a child of the root, already listed.
        for source in root.children or ():
            await _collect(
                hass, list(source.children or ()), source.title, FOLDER_DEPTH, folders
            )
    else:
        await _collect(hass, list(root.children or ()), "", FOLDER_DEPTH, folders)
    return folders[:MAX_FOLDERS]


async def _children(hass: HomeAssistant, media_content_id: str) -> list[BrowseMedia]:
    try:
        item = await media_source.async_browse_media(hass, media_content_id)
    except HomeAssistantError, ValueError:
        LOGGER.debug("Cannot list %s", media_content_id, exc_info=True)
        return []
    return list(item.children or [])


async def _collect(
    hass: HomeAssistant,
    items: list[BrowseMedia],
    path: str,
    depth: int,
    folders: list[Folder],
) -> None:
    """Add the folders among ``items`` that hold tracks, and those in them."""
    for item in sorted(items, key=lambda item: natural_key(item.title)):
        if not item.can_expand or len(folders) >= MAX_FOLDERS:
            continue
        title = f"{path} / {item.title}" if path else item.title
        children = await _children(hass, item.media_content_id)
        if any(child.can_play and not child.can_expand for child in children):
            folders.append(
                Folder(
                    media_content_id=item.media_content_id,
                    # Local folders have no content type: say what they are.
                    media_content_type=item.media_content_type or MediaClass.DIRECTORY,
                    title=title,
                )
            )
        if depth > 1:
            await _collect(hass, children, title, depth - 1, folders)
