"""A chip's picture: POST/DELETE …/chips/<UID>/picture (administrators), GET a signed path."""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO, Final

from aiohttp import BodyPartReader, web
from aiohttp.streams import StreamReader
from homeassistant.components.http import KEY_HASS, HomeAssistantView
from homeassistant.core import HomeAssistant, callback

from ..chips.artwork import ARTWORK_PREFIX, async_load_artwork
from ..chips.model import normalise_uid
from ..chips.pictures import (
    URL_PREFIX,
    ChipPictures,
    NotAPicture,
    async_delete_pictures,
    async_load_pictures,
    async_store_picture,
)
from ..chips.registry import find_chip_subentry
from ..const import DOMAIN
from . import translated_error

#: the largest picture accepted: a phone's photo is 3-12 MB
MAX_PICTURE_BYTES: Final = 25 * 1024 * 1024
_READ_CHUNK: Final = 256 * 1024
#: what each error says in English; the card shows exceptions.<key> in the user's language
_MESSAGES: Final = {
    "picture_forbidden": "Only an administrator may change a chip's picture",
    "picture_chip_not_found": "There is no chip with this UID; save the chip first",
    "picture_no_file": "Choose a picture to upload",
    "picture_too_big": "The picture is larger than 25 MB; choose a smaller one",
    "picture_not_an_image": "This file is not a picture; choose a photo (JPEG, PNG, WebP)",
    "picture_too_many_pixels": "This picture has too many pixels to open safely; choose a smaller one",
}


class _Refused(Exception):
    """The upload cannot be stored: the key of the reason."""

    def __init__(self, key: str) -> None:
        """Carry the translation key."""
        super().__init__(key)
        self.key = key


def _refuse(key: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> web.Response:
    return translated_error(status, key, _MESSAGES)


async def _stream_to(
    hass: HomeAssistant, read: StreamReader | BodyPartReader, path: Path
) -> None:
    """Write what ``read`` brings to ``path``, refusing more than MAX_PICTURE_BYTES."""
    file: BinaryIO = await hass.async_add_executor_job(path.open, "wb")
    try:
        size = 0
        while chunk := await _chunk(read):
            size += len(chunk)
            if size > MAX_PICTURE_BYTES:
                raise _Refused("picture_too_big")
            await hass.async_add_executor_job(file.write, chunk)
    finally:
        await hass.async_add_executor_job(file.close)
    if size == 0:
        raise _Refused("picture_no_file")


async def _chunk(read: StreamReader | BodyPartReader) -> bytes:
    if isinstance(read, BodyPartReader):
        return await read.read_chunk(_READ_CHUNK)
    return await read.read(_READ_CHUNK)


async def _upload(request: web.Request, path: Path) -> None:
    """Write the picture sent, a multipart form's ``file`` or the body, to ``path``."""
    hass = request.app[KEY_HASS]
    if not request.content_type.startswith("multipart/"):
        await _stream_to(hass, request.content, path)
        return
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if isinstance(part, BodyPartReader) and part.name == "file":
            await _stream_to(hass, part, path)
            return
    raise _Refused("picture_no_file")


class ChipPictureView(HomeAssistantView):
    """Gives a chip a picture of its own, or takes it away (its music's artwork shows)."""

    url = f"/api/{DOMAIN}/chips/{{uid}}/picture"
    name = f"api:{DOMAIN}:chips:picture"

    async def post(self, request: web.Request, uid: str) -> web.Response:
        """Check, scale and store the picture sent; nothing stays of a refused one."""
        if (refused := _chip_or_refuse(request, uid)) is not None:
            return refused
        hass = request.app[KEY_HASS]
        uid = normalise_uid(uid)
        pictures = await async_load_pictures(hass)
        upload = await hass.async_add_executor_job(pictures.temporary_file)
        try:
            await _upload(request, upload)
            url = await async_store_picture(hass, uid, upload)
        except _Refused as err:
            return _refuse(err.key)
        except NotAPicture as err:
            return _refuse(err.key)
        finally:
            await hass.async_add_executor_job(partial(upload.unlink, missing_ok=True))
        return self.json({"picture": url})

    async def delete(self, request: web.Request, uid: str) -> web.Response:
        """Delete the chip's own picture."""
        if (refused := _chip_or_refuse(request, uid)) is not None:
            return refused
        await async_delete_pictures(request.app[KEY_HASS], {normalise_uid(uid)})
        return self.json({"picture": None})


def _chip_or_refuse(request: web.Request, uid: str) -> web.Response | None:
    """Refuse anyone but an administrator (HA answers 401 without a login), or no chip."""
    if not request["hass_user"].is_admin:
        return _refuse("picture_forbidden", HTTPStatus.FORBIDDEN)
    if find_chip_subentry(request.app[KEY_HASS], normalise_uid(uid)) is None:
        return _refuse("picture_chip_not_found", HTTPStatus.NOT_FOUND)
    return None


async def _serve(
    pictures: ChipPictures, request: web.Request, key: str
) -> web.StreamResponse:
    """Answer a stored picture, if the path was signed for this very picture."""
    version = request.query.get("v", "")
    signature = request.query.get("sig", "")
    url = pictures.url(key)
    if url is None or not pictures.is_signed(key, version, signature):
        return web.Response(status=HTTPStatus.NOT_FOUND)
    if f"?v={version}&" not in url:
        return web.Response(status=HTTPStatus.NOT_FOUND)  # a replaced picture
    return web.FileResponse(
        pictures.path(key),
        headers={"Cache-Control": "private, max-age=31536000, immutable"},
    )


class PictureFileView(HomeAssistantView):
    """Serves a chip's picture under the signed path the card was given."""

    url = f"{URL_PREFIX}/{{uid}}.jpg"
    name = f"api:{DOMAIN}:pictures"
    # an <img> sends no token: the signature in the path is the permission
    requires_auth = False

    async def get(self, request: web.Request, uid: str) -> web.StreamResponse:
        """Answer the chip's picture."""
        pictures = await async_load_pictures(request.app[KEY_HASS])
        return await _serve(pictures, request, uid)


class ArtworkFileView(HomeAssistantView):
    """Serves the cover found for a chip's local music, under its signed path."""

    url = f"{ARTWORK_PREFIX}/{{key}}.jpg"
    name = f"api:{DOMAIN}:pictures:artwork"
    requires_auth = False

    async def get(self, request: web.Request, key: str) -> web.StreamResponse:
        """Answer the music's cover."""
        artwork = await async_load_artwork(request.app[KEY_HASS])
        return await _serve(artwork.store, request, key)


@callback
def async_register_pictures(hass: HomeAssistant) -> None:
    """Register the picture endpoints (without ``http``, nothing serves them)."""
    if "http" not in hass.config.components:
        return
    hass.http.register_view(ChipPictureView())
    hass.http.register_view(PictureFileView())
    hass.http.register_view(ArtworkFileView())
