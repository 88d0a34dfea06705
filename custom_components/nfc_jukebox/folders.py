"""Folder chips: a folder or an album is the chip's music, its tracks in order.

A media-source folder's tracks play in natural order (file names); an album or a
playlist a speaker offers plays in the order the speaker gives.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from homeassistant.components import media_source
from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    BrowseMedia,
    MediaClass,
    MediaPlayerEntityFeature,
)
from homeassistant.components.media_player.const import (
    DATA_COMPONENT as MEDIA_PLAYERS,
)
from homeassistant.const import ATTR_ENTITY_ID
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
#: A speaker that takes longer than this to list an album is asked again later.
BROWSE_TIMEOUT: Final = 30.0


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


class _NoAnswer(Exception):
    """The speaker could not be asked now (away, starting, failing): ask again later."""


class FolderListings:
    """What each chip's folder or album holds, browsed once per session, for the home.

    A media-source folder is listed by Home Assistant's media sources; anything
    else is asked of the speaker the chip's music was picked with, if it can
    browse: an album or a playlist of its own library (Music Assistant, Spotify,
    a DLNA server through the speaker). What is neither (a file, a track, a URL)
    is no folder: it plays as it always did. A container names the same tracks
    on every speaker that offers it, so a listing is kept by its id.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with nothing browsed."""
        self.hass = hass
        self._tracks: dict[str, tuple[Track, ...] | None] = {}
        self._listed_at: dict[str, datetime] = {}
        #: the folders being browsed again now
        self._refreshing: set[str] = set()

    async def async_tracks(self, media_content_id: str) -> tuple[Track, ...] | None:
        """Return a folder's or an album's playable tracks, or None if it is none.

        A media-source folder not listed yet is listed now (it is local). A
        speaker is never asked here, on the way to the music: an album it has
        not listed yet is None until ``async_refresh`` listed it.
        """
        if media_content_id in self._tracks:
            return self._tracks[media_content_id]
        if not media_source.is_media_source_id(media_content_id):
            return None
        tracks = await self._async_browse(media_content_id)
        self._remember(media_content_id, tracks)
        return tracks

    def _remember(
        self, media_content_id: str, tracks: tuple[Track, ...] | None
    ) -> None:
        # A source that is not loaded yet may be one later: only remember answers
        # (a speaker that gave none raised _NoAnswer).
        if (
            tracks is not None
            or not media_source.is_media_source_id(media_content_id)
            or self._browsable()
        ):
            self._tracks[media_content_id] = tracks
            self._listed_at[media_content_id] = dt_util.utcnow()

    async def async_refresh(
        self,
        media_content_id: str,
        *,
        speaker: str | None = None,
        media_content_type: str | None = None,
        older_than: timedelta | None = None,
    ) -> None:
        """Browse a folder again, so files added since show up next time it plays.

        A container of a speaker's own is browsed through ``speaker`` (the one its
        music was picked with), as ``media_content_type``; a speaker that cannot
        answer now is asked again next time, its last listing kept.

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
            if media_source.is_media_source_id(media_content_id):
                tracks = await self._async_browse(media_content_id)
            else:
                tracks = await self._async_browse_speaker(
                    media_content_id, speaker, media_content_type
                )
        except _NoAnswer:
            return
        finally:
            self._refreshing.discard(media_content_id)
        self._remember(media_content_id, tracks)

    def listed(self, media_content_id: str) -> bool:
        """Return whether ``media_content_id`` was browsed this session."""
        return media_content_id in self._tracks

    async def async_warm(self, chips_media: Iterable[Mapping[str, Any]]) -> None:
        """List the chips' music ahead of time: no chip waits for its listing.

        Each is a chip's music as stored (its id, type and speaker). Folders
        first: a slow speaker does not hold them up.
        """
        albums = []
        for media in chips_media:
            media_content_id = media[ATTR_MEDIA_CONTENT_ID]
            if media_source.is_media_source_id(media_content_id):
                await self.async_tracks(media_content_id)
            elif not self.listed(media_content_id):
                albums.append(media)
        for media in albums:
            await self.async_refresh(
                media[ATTR_MEDIA_CONTENT_ID],
                speaker=media.get(ATTR_ENTITY_ID),
                media_content_type=media.get(ATTR_MEDIA_CONTENT_TYPE),
            )

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
        return (
            tuple(sorted(_playable(item), key=lambda t: natural_key(t.title))) or None
        )

    async def _async_browse_speaker(
        self,
        media_content_id: str,
        speaker: str | None,
        media_content_type: str | None,
    ) -> tuple[Track, ...] | None:
        """Ask ``speaker`` for a container's tracks, in the order it gives them.

        As the media browser asks it (``media_player/browse_media``). Raises
        _NoAnswer if the speaker cannot be asked now: not set up, away, failing.
        """
        if speaker is None or media_content_id.startswith(("http://", "https://")):
            return None  # a stream is no album
        players = self.hass.data.get(MEDIA_PLAYERS)
        entity = players.get_entity(speaker) if players is not None else None
        if entity is None or not entity.available:
            raise _NoAnswer
        if MediaPlayerEntityFeature.BROWSE_MEDIA not in entity.supported_features:
            return None
        try:
            async with asyncio.timeout(BROWSE_TIMEOUT):
                item = await entity.async_browse_media(
                    media_content_type, media_content_id
                )
        except NotImplementedError:
            return None  # says it browses, but its integration does not
        except Exception as err:
            # Whatever a speaker raises (starting, offline, a timeout): ask later.
            LOGGER.debug(
                "%s could not list %s", speaker, media_content_id, exc_info=True
            )
            raise _NoAnswer from err
        return tuple(_playable(item)) or None


def _playable(item: BrowseMedia) -> Iterable[Track]:
    """Return the tracks of a container ``item``: its playable children, in order."""
    if not item.can_expand or item.children is None:
        return ()
    return [
        Track(
            media_content_id=child.media_content_id,
            media_content_type=child.media_content_type,
            title=child.title,
        )
        for child in item.children
        if child.can_play and not child.can_expand
    ]


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
