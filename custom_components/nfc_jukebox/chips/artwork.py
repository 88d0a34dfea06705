"""A chip's music's artwork from local media: an album's cover, a recording's cover.

The media browser shows no thumbnail for Home Assistant's own media folders, so the
cover is looked for where a music library keeps it: a picture named like the file
(``Story.jpg`` beside ``Story.mp3``: a recording's cover), the picture embedded in
the file (an MP3's, M4A's or FLAC's, read with PyAV), or ``cover``, ``folder``,
``front`` or ``album`` in its folder. It is scaled like a chip's own picture, kept
under .storage by a digest of the music's URI and looked for once per start.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Final

import av
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..folders import natural_key
from .pictures import (
    SIGNAL_PICTURE_CHANGED,
    URL_PREFIX,
    ChipPictures,
    NotAPicture,
    async_load_pictures,
    prepare_picture,
)

LOCAL_MEDIA: Final = "media-source://media_source/"
ARTWORK_PREFIX: Final = f"{URL_PREFIX}/artwork"
COVER_NAMES: Final = ("cover", "folder", "front", "album")
PICTURE_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".webp")
AUDIO_SUFFIXES: Final = frozenset(
    {".mp3", ".m4a", ".m4b", ".aac", ".ogg", ".opus", ".flac", ".wav", ".webm"}
)
_KEY: Final = re.compile(r"[0-9a-f]{32}")
DATA_ARTWORK: HassKey[MusicArtwork] = HassKey(f"{DOMAIN}_artwork")


def artwork_key(media_content_id: str) -> str:
    """Return the name the artwork of this music is kept under."""
    return hashlib.sha256(media_content_id.encode()).hexdigest()[:32]


def local_path(media_dirs: Mapping[str, str], media_content_id: str) -> Path | None:
    """Return the file or folder of a local media URI; None for any other music."""
    if not media_content_id.startswith(LOCAL_MEDIA):
        return None
    source, _, relative = media_content_id.removeprefix(LOCAL_MEDIA).partition("/")
    if (base := media_dirs.get(source)) is None:
        return None
    root = Path(base).resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) else None


def _natural(path: Path) -> tuple[tuple[int, int | str], ...]:
    return natural_key(path.name)


def _picture_named(folder: Path, stems: Iterable[str]) -> Path | None:
    """Return the picture in ``folder`` with one of ``stems`` (any case), if any."""
    wanted = {stem.lower() for stem in stems}
    for path in sorted(folder.iterdir(), key=_natural):
        if path.suffix.lower() in PICTURE_SUFFIXES and path.stem.lower() in wanted:
            return path
    return None


def _embedded(path: Path) -> bytes | None:
    """Return the picture embedded in an audio file, if it has one."""
    try:
        with av.open(path, "r") as container:
            for stream in container.streams.video:
                if stream.disposition & av.stream.Disposition.attached_pic:
                    for packet in container.demux(stream):
                        return bytes(packet)
    except av.FFmpegError, OSError, UnicodeDecodeError:
        return None
    return None


def find_cover(path: Path) -> Path | bytes | None:
    """Return the cover of a local file or folder (blocking), None if it has none."""
    try:
        if path.is_dir():
            if (cover := _picture_named(path, COVER_NAMES)) is not None:
                return cover
            tracks = sorted(
                (p for p in path.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES),
                key=_natural,
            )
            return _embedded(tracks[0]) if tracks else None
        if not path.is_file():
            return None
        return (
            _picture_named(path.parent, [path.stem])
            or _embedded(path)
            or _picture_named(path.parent, COVER_NAMES)
        )
    except OSError:
        return None


class MusicArtwork:
    """The covers found for the home's local music, by URI, and their signed paths."""

    def __init__(self, hass: HomeAssistant, store: ChipPictures) -> None:
        """Keep the covers in ``store`` (loaded)."""
        self._hass = hass
        self.store = store
        #: the URIs looked for since the start (found or not)
        self._looked: set[str] = set()
        self._one_at_a_time = asyncio.Semaphore(1)
        #: the lookups under way
        self.pending: set[asyncio.Task[None]] = set()

    @callback
    def url(self, media_content_id: str) -> str | None:
        """Return the signed path of the music's cover; look for it once if not known.

        A cover found later is announced with SIGNAL_PICTURE_CHANGED.
        """
        if (url := self.store.url(artwork_key(media_content_id))) is not None:
            return url
        if media_content_id not in self._looked:
            path = local_path(self._hass.config.media_dirs, media_content_id)
            if path is not None:
                self._looked.add(media_content_id)
                task = self._hass.async_create_background_task(
                    self._look(media_content_id, path), f"{DOMAIN} artwork"
                )
                self.pending.add(task)
                task.add_done_callback(self.pending.discard)
        return None

    async def _look(self, media_content_id: str, path: Path) -> None:
        async with self._one_at_a_time:
            found = await self._hass.async_add_executor_job(
                self._find_and_store, artwork_key(media_content_id), path
            )
        if found:
            async_dispatcher_send(self._hass, SIGNAL_PICTURE_CHANGED, "")

    def _find_and_store(self, key: str, path: Path) -> bool:
        """Find, scale and keep the cover of ``path`` (blocking); False if none."""
        cover = find_cover(path)
        if cover is None:
            return False
        source: Path | IO[bytes] = (
            io.BytesIO(cover) if isinstance(cover, bytes) else cover
        )
        try:
            self.store.store(key, prepare_picture(source))
        except NotAPicture, OSError:
            return False
        return True

    async def async_keep_only(self, media_content_ids: Iterable[str]) -> None:
        """Delete the covers of music no chip plays any more."""
        unused = self.store.uids() - {artwork_key(m) for m in media_content_ids}
        if unused:
            await self._hass.async_add_executor_job(self._delete, unused)

    def _delete(self, keys: set[str]) -> None:
        for key in keys:
            self.store.delete(key)


async def async_load_artwork(hass: HomeAssistant) -> MusicArtwork:
    """Return the home's music artwork, found on disk once."""
    if (artwork := hass.data.get(DATA_ARTWORK)) is None:
        pictures = await async_load_pictures(hass)
        store = ChipPictures(
            pictures.folder.parent / "artwork",
            prefix=ARTWORK_PREFIX,
            valid=lambda key: _KEY.fullmatch(key) is not None,
        )
        await hass.async_add_executor_job(store.load)
        artwork = hass.data[DATA_ARTWORK] = MusicArtwork(hass, store)
    return artwork


@callback
def artwork_url(hass: HomeAssistant, media_content_id: str) -> str | None:
    """Return the signed path of a local music's cover, if one was found."""
    artwork = hass.data.get(DATA_ARTWORK)
    return None if artwork is None else artwork.url(media_content_id)
