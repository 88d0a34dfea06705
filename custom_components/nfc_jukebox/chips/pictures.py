"""The pictures parents give chips: checked, turned upright, scaled and stored by UID.

A picture is stored as ``<UID>.jpg`` in the integration's folder under .storage
(so Home Assistant's own backups hold it) and served under a signed path: the
card's ``<img>`` cannot send a token, and the signature proves the path came from
the integration. The signing key lives as long as Home Assistant runs; a new key
after a restart only makes the card ask for the pictures again.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import secrets
import shutil
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import IO, Final

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.storage import STORAGE_DIR
from homeassistant.util.hass_dict import HassKey
from homeassistant.util.signal_type import SignalType
from PIL import Image, ImageOps, UnidentifiedImageError

from ..const import DOMAIN
from .model import is_valid_uid

#: the longest side of a stored picture, in pixels (a 39 mm label at 300 dpi needs 460)
PICTURE_SIZE: Final = 512
JPEG_QUALITY: Final = 85
#: what Pillow opens: what phones and browsers send (HEIC arrives as JPEG from a browser)
PICTURE_FORMATS: Final = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF")
URL_PREFIX: Final = f"/api/{DOMAIN}/pictures"
#: sent with the UID of a chip whose picture was stored or deleted
SIGNAL_PICTURE_CHANGED: SignalType[str] = SignalType(f"{DOMAIN}_picture_changed")
DATA_PICTURES: HassKey[ChipPictures] = HassKey(f"{DOMAIN}_pictures")


class NotAPicture(ValueError):
    """The file is no picture Pillow can read, or one too large to open safely."""

    def __init__(self, key: str) -> None:
        """Carry the translation key of the reason."""
        super().__init__(key)
        self.key = key


def prepare_picture(source: Path | IO[bytes]) -> bytes:
    """Return the picture in ``source`` upright, scaled and as JPEG; raise NotAPicture.

    Blocking (Pillow): for an executor. Pillow's own limit of pixels holds (a small
    file that opens as a huge image is refused, not decoded).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source, formats=PICTURE_FORMATS) as image:
                image.draft("RGB", (PICTURE_SIZE * 2, PICTURE_SIZE * 2))
                image.load()
                upright = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise NotAPicture("picture_too_many_pixels") from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise NotAPicture("picture_not_an_image") from err
    upright.thumbnail((PICTURE_SIZE, PICTURE_SIZE), Image.Resampling.LANCZOS)
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        # a transparent picture on white, as it prints
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    out = io.BytesIO()
    upright.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


class ChipPictures:
    """The stored pictures of the home's chips, by UID, and the signed paths to them.

    The music's artwork found in local media is kept the same way, by another key.
    """

    def __init__(
        self,
        folder: Path,
        *,
        prefix: str = URL_PREFIX,
        valid: Callable[[str], bool] = is_valid_uid,
    ) -> None:
        """Serve the pictures in ``folder``; call load (in an executor) before use."""
        self.folder = folder
        self.prefix = prefix
        self._valid = valid
        self._key = secrets.token_bytes(32)
        #: UID → the signed path of its picture (it changes with the picture)
        self._urls: dict[str, str] = {}

    def load(self) -> None:
        """Find the stored pictures (blocking); leftovers of a cut-off upload go."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for path in self.folder.iterdir():
            if path.suffix == ".jpg" and self._valid(path.stem):
                self._remember(path.stem, path.stat().st_mtime_ns)
            elif path.name.startswith("."):
                path.unlink(missing_ok=True)

    def path(self, uid: str) -> Path:
        """Return where the picture of the chip ``uid`` is stored."""
        return self.folder / f"{uid}.jpg"

    def url(self, uid: str) -> str | None:
        """Return the signed path of the chip's picture, None if it has none."""
        return self._urls.get(uid)

    def uids(self) -> set[str]:
        """Return the UIDs of the chips that have a picture."""
        return set(self._urls)

    def is_signed(self, uid: str, version: str, signature: str) -> bool:
        """Return whether a path to a picture was signed here."""
        return hmac.compare_digest(self._signature(uid, version), signature)

    def temporary_file(self) -> Path:
        """Return a new hidden file in the folder, for an upload (blocking)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".upload-", dir=self.folder)
        os.close(handle)
        return Path(name)

    def store(self, uid: str, picture: bytes) -> None:
        """Store a prepared picture as the chip's, atomically (blocking)."""
        handle, name = tempfile.mkstemp(prefix=".picture-", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(picture)
            Path(name).replace(self.path(uid))
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        self._remember(uid, self.path(uid).stat().st_mtime_ns)

    def move(self, old_uid: str, new_uid: str) -> None:
        """Give the picture of a chip that got another UID to the new UID (blocking)."""
        if old_uid not in self._urls:
            return
        shutil.move(self.path(old_uid), self.path(new_uid))
        del self._urls[old_uid]
        self._remember(new_uid, self.path(new_uid).stat().st_mtime_ns)

    def delete(self, uid: str) -> bool:
        """Delete the chip's picture (blocking); False if it had none."""
        if self._urls.pop(uid, None) is None:
            return False
        self.path(uid).unlink(missing_ok=True)
        return True

    def _remember(self, uid: str, mtime_ns: int) -> None:
        version = format(mtime_ns, "x")
        signature = self._signature(uid, version)
        self._urls[uid] = f"{self.prefix}/{uid}.jpg?v={version}&sig={signature}"

    def _signature(self, uid: str, version: str) -> str:
        message = f"{uid}:{version}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:32]


def pictures_folder(hass: HomeAssistant) -> Path:
    """Return the folder of the chips' pictures: the integration's, under .storage."""
    return Path(hass.config.path(STORAGE_DIR, DOMAIN, "pictures"))


async def async_load_pictures(hass: HomeAssistant) -> ChipPictures:
    """Return the home's chip pictures, found on disk once."""
    if (pictures := hass.data.get(DATA_PICTURES)) is None:
        pictures = ChipPictures(pictures_folder(hass))
        await hass.async_add_executor_job(pictures.load)
        hass.data[DATA_PICTURES] = pictures
    return pictures


@callback
def picture_url(hass: HomeAssistant, uid: str) -> str | None:
    """Return the signed path of the uploaded picture of the chip ``uid``, if any."""
    pictures = hass.data.get(DATA_PICTURES)
    return None if pictures is None else pictures.url(uid)


async def async_store_picture(hass: HomeAssistant, uid: str, source: Path) -> str:
    """Prepare the picture in ``source`` and store it as the chip's; return its path."""
    pictures = await async_load_pictures(hass)

    def prepare_and_store() -> None:
        pictures.store(uid, prepare_picture(source))

    await hass.async_add_executor_job(prepare_and_store)
    async_dispatcher_send(hass, SIGNAL_PICTURE_CHANGED, uid)
    url = pictures.url(uid)
    assert url is not None  # noqa: S101 - just stored
    return url


async def async_delete_pictures(hass: HomeAssistant, uids: set[str]) -> None:
    """Delete the pictures of the chips ``uids`` (deleted chips, or the one reset)."""
    pictures = await async_load_pictures(hass)
    uids &= pictures.uids()
    if not uids:
        return

    def delete() -> None:
        for uid in uids:
            pictures.delete(uid)

    await hass.async_add_executor_job(delete)
    for uid in uids:
        async_dispatcher_send(hass, SIGNAL_PICTURE_CHANGED, uid)


async def async_move_picture(hass: HomeAssistant, old_uid: str, new_uid: str) -> None:
    """Let a chip that was given another UID keep its picture."""
    pictures = await async_load_pictures(hass)
    if old_uid == new_uid or pictures.url(old_uid) is None:
        return
    await hass.async_add_executor_job(pictures.move, old_uid, new_uid)
    async_dispatcher_send(hass, SIGNAL_PICTURE_CHANGED, new_uid)
