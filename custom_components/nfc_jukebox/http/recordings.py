"""POST /api/nfc_jukebox/recordings: a parent's recording becomes a chip's music.

Multipart: ``file`` (one or more), ``name``, and optionally ``uid`` and ``entry_id``
(that chip, new or not, then plays the recording), ``speaker`` (a new chip's
speaker; else the reader's) and ``replace`` (a recording of that name is replaced,
which it never is otherwise). For administrators. The upload streams to a temporary
folder; the audio work runs in an executor; bad input answers 400 and leaves nothing.
"""

from __future__ import annotations

import asyncio
import functools
import math
import shutil
import tempfile
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any, Final

from aiohttp import BodyPartReader, web
from aiohttp.multipart import MultipartReader
from homeassistant.components.http import KEY_HASS, KEY_HASS_USER, HomeAssistantView
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError

from ..audio.pipeline import AudioError, Prepared, Tags, prepare
from ..audio.store import Place, checked_name, media_base, remove_staging
from ..const import DOMAIN, LOGGER
from .recording_chip import ChipTarget, async_chip_target, async_save_recording_chip
from .recording_error import RecordingError

URL: Final = "/api/nfc_jukebox/recordings"
#: what one upload may hold, all files together (README: "Recordings")
MAX_UPLOAD_BYTES: Final = 200 * 1024 * 1024
MAX_SECONDS: Final = 60 * 60
MAX_FILES: Final = 50
#: what a text field may hold (a name, a UID, an entry id)
MAX_FIELD_BYTES: Final = 1024
_CHUNK: Final = 1 << 20


@dataclass(kw_only=True)
class Upload:
    """What a request sent: its text fields and its files, spooled to disk."""

    fields: dict[str, str] = field(default_factory=dict)
    files: list[tuple[Path, str]] = field(default_factory=list)
    size: int = 0


def _media_base(hass: HomeAssistant) -> tuple[str, Path]:
    if (found := media_base(hass.config.media_dirs)) is None:
        raise RecordingError("no_media_folder")
    return found


class RecordingsView(HomeAssistantView):
    """Takes a recording, makes it fit to play, and gives it to a chip."""

    url = URL
    name = "api:nfc_jukebox:recordings"
    requires_auth = True

    async def post(self, request: web.Request) -> web.Response:
        """Make a recording of the uploaded files; answer where it is and how it sounds."""
        hass = request.app[KEY_HASS]
        if not request[KEY_HASS_USER].is_admin:
            return _error(RecordingError("admin_only", status=HTTPStatus.FORBIDDEN))
        spool = Path(await hass.async_add_executor_job(tempfile.mkdtemp))
        try:
            upload = await _receive(hass, request, spool)
            return web.json_response(await _async_make(hass, upload))
        except RecordingError as err:
            return _error(err)
        finally:
            await hass.async_add_executor_job(_remove, spool)


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _error(err: RecordingError) -> web.Response:
    message = str(
        HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders=err.placeholders,
        )
    )
    return web.json_response(
        {
            "message": message,
            "translation_key": err.key,
            "translation_placeholders": err.placeholders,
        },
        status=err.status,
    )


async def _receive(hass: HomeAssistant, request: web.Request, spool: Path) -> Upload:
    """Read the multipart body: fields into memory, files to ``spool``, within limits."""
    try:
        reader = await request.multipart()
    except (AssertionError, KeyError, ValueError) as err:
        raise RecordingError("not_multipart") from err
    upload = Upload()
    try:
        while (part := await reader.next()) is not None:
            if isinstance(part, MultipartReader):
                raise RecordingError("not_multipart")
            if part.name == "file":
                await _receive_file(hass, part, spool, upload)
            elif part.name:
                upload.fields[part.name] = await _read_field(part)
    except (OSError, ValueError) as err:
        LOGGER.debug("A recording's upload broke off: %s", err)
        raise RecordingError("upload_broken") from err
    if not upload.files:
        raise RecordingError("no_file")
    return upload


async def _read_field(part: BodyPartReader) -> str:
    data = b""
    while chunk := await part.read_chunk(MAX_FIELD_BYTES):
        data += chunk
        if len(data) > MAX_FIELD_BYTES:
            raise RecordingError("field_too_long")
    return data.decode("utf-8", errors="replace")


async def _receive_file(
    hass: HomeAssistant, part: BodyPartReader, spool: Path, upload: Upload
) -> None:
    """Stream one file to disk, a megabyte at a time, refusing what is too big."""
    if len(upload.files) >= MAX_FILES:
        raise RecordingError("too_many_files", {"max": str(MAX_FILES)})
    path = spool / f"{len(upload.files):03d}"
    handle = await hass.async_add_executor_job(path.open, "wb")
    written = 0
    try:
        while chunk := await part.read_chunk(_CHUNK):
            upload.size += len(chunk)
            written += len(chunk)
            if upload.size > MAX_UPLOAD_BYTES:
                raise RecordingError(
                    "too_big", {"max": str(MAX_UPLOAD_BYTES // (1024 * 1024))}
                )
            await hass.async_add_executor_job(handle.write, chunk)
    finally:
        await hass.async_add_executor_job(handle.close)
    if not written:
        raise RecordingError("empty", {"file": part.filename or ""})
    upload.files.append((path, Path(part.filename or "").stem))


async def _async_make(hass: HomeAssistant, upload: Upload) -> dict[str, Any]:
    """Check the fields, make the recording, give it to the chip; return the answer."""
    try:
        name = checked_name(upload.fields.get("name", ""))
    except AudioError as err:
        raise RecordingError(err.key) from err
    source, base = _media_base(hass)
    place = Place(base=base, source=source, name=name, parts=len(upload.files))
    target: ChipTarget | None = None
    if upload.fields.get("uid") or upload.fields.get("entry_id"):
        target = async_chip_target(hass, upload.fields, place)
    replace = upload.fields.get("replace", "").lower() in ("1", "true", "on")
    if not replace and await hass.async_add_executor_job(place.taken):
        raise RecordingError("name_taken", {"name": name})
    async with _lock(hass):
        parts = await hass.async_add_executor_job(
            functools.partial(make_recording, place, upload, replace=replace)
        )
    answer: dict[str, Any] = {}
    if target is not None:
        answer["subentry_id"] = await async_save_recording_chip(hass, target)
    duration = sum(part.duration for part in parts)
    return answer | {
        "media_content_id": place.media_content_id,
        "media_content_type": place.media_content_type,
        "name": name,
        "duration": round(duration, 2),
        "loudness_lufs": round(_loudness(parts), 1),
        "true_peak_dbtp": round(max(part.true_peak for part in parts), 1),
    }


def _lock(hass: HomeAssistant) -> asyncio.Lock:
    """Return the lock that lets one recording be made at a time (CPU and disk)."""
    lock: asyncio.Lock = hass.data.setdefault(
        f"{DOMAIN}_recording_lock", asyncio.Lock()
    )
    return lock


def make_recording(place: Place, upload: Upload, *, replace: bool) -> list[Prepared]:
    """Make every part in a staging folder and move the recording into place."""
    staging = place.staging()
    try:
        parts: list[Prepared] = []
        for number, (path, stem) in enumerate(upload.files, start=1):
            tags = Tags(
                title=place.name
                if place.parts == 1
                else (stem or f"{place.name} {number}"),
                album=place.name if place.parts > 1 else None,
                track=number if place.parts > 1 else None,
            )
            seconds_left = MAX_SECONDS - sum(part.duration for part in parts)
            try:
                parts.append(
                    prepare(
                        path,
                        staging / place.part_name(number),
                        tags,
                        max_seconds=seconds_left,
                    )
                )
            except AudioError as err:
                placeholders = {"file": stem, "minutes": str(MAX_SECONDS // 60)}
                raise RecordingError(err.key, placeholders) from err
        try:
            place.commit(staging, replace=replace)
        except AudioError as err:
            raise RecordingError(err.key, {"name": place.name}) from err
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return parts


def _loudness(parts: list[Prepared]) -> float:
    """Return the loudness of all parts together, each weighted by its length."""
    total = sum(part.duration for part in parts)
    energy = sum(part.duration * 10 ** (part.loudness / 10) for part in parts)
    return 10 * math.log10(energy / total)


async def async_setup_recordings(hass: HomeAssistant) -> None:
    """Offer the recordings endpoint; clear what an interrupted recording left."""
    if "http" not in hass.config.components:
        return
    hass.http.register_view(RecordingsView())
    try:
        _source, base = _media_base(hass)
    except RecordingError:
        return
    await hass.async_add_executor_job(remove_staging, base)
