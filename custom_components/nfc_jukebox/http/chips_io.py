"""The home's chips as a file: GET …/chips/export, POST …/chips/import (administrators)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Final

from aiohttp import BodyPartReader, web
from homeassistant.components.http import KEY_HASS, HomeAssistantView
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.util import dt as dt_util

from ..chips.backup import (
    BackupChip,
    InvalidBackup,
    async_restore,
    export_chips,
    plan_restore,
    read_backup,
)
from ..chips.registry import home_readers
from ..const import DOMAIN
from . import translated_error

#: the largest backup accepted: 1000 chips take about 0.4 MB
MAX_BACKUP_BYTES: Final = 8 * 1024 * 1024
_READ_CHUNK: Final = 64 * 1024
#: what each error says in English; the card shows exceptions.<key> in the user's language
_MESSAGES: Final = {
    "backup_forbidden": "Only an administrator may back up or restore chips",
    "backup_too_large": "The file is too large to be a backup of chips",
    "backup_not_json": "The file is not a backup of chips (it is not JSON)",
    "backup_foreign": "The file is not a backup of NFC Jukebox chips",
    "backup_newer": "The backup was made by a newer NFC Jukebox; update it first",
    "backup_invalid_chip": "Chip {number} of the backup ({name}) is not a valid chip",
    "backup_uid_twice": "The backup has the chip {uid} twice",
    "backup_too_many": "The backup has more than {max} chips",
    "backup_no_reader": "Add a reader first: restored chips are stored on a reader",
    "reader_not_found": "Reader not found",
}


def _error(
    status: HTTPStatus, key: str, placeholders: dict[str, str] | None = None
) -> web.Response:
    """Return an error the card translates (translation_key, placeholders)."""
    return translated_error(status, key, _MESSAGES, placeholders)


def _forbidden(request: web.Request) -> web.Response | None:
    """Return 403 for anyone but an administrator (HA answers 401 without a login)."""
    if request["hass_user"].is_admin:
        return None
    return _error(HTTPStatus.FORBIDDEN, "backup_forbidden")


class ChipsExportView(HomeAssistantView):
    """Every chip of the home, as a file to keep."""

    url = f"/api/{DOMAIN}/chips/export"
    name = f"api:{DOMAIN}:chips:export"

    async def get(self, request: web.Request) -> web.Response:
        """Answer the backup, as a download named after the day."""
        if (refused := _forbidden(request)) is not None:
            return refused
        backup = export_chips(request.app[KEY_HASS])
        day = dt_util.now().date().isoformat()
        return web.Response(
            body=json.dumps(backup, indent=1, ensure_ascii=False).encode(),
            content_type="application/json",
            headers={
                "Content-Disposition": f'attachment; filename="nfc-jukebox-chips-{day}.json"'
            },
        )


class _Refused(Exception):
    """The request cannot be answered with a restore: its error response."""

    def __init__(self, status: HTTPStatus, key: str) -> None:
        """Carry the status and the translation key."""
        super().__init__(key)
        self.status = status
        self.key = key


async def _read_body(request: web.Request) -> bytes:
    """Return the backup sent: the JSON body, or a multipart form's ``file``."""
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if isinstance(part, BodyPartReader) and part.name == "file":
                return await _read_capped(part.read_chunk)
        return b""
    return await _read_capped(request.content.read)


async def _read_capped(read: Callable[[int], Awaitable[bytes]]) -> bytes:
    """Read all there is with ``read``, refusing more than MAX_BACKUP_BYTES."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await read(_READ_CHUNK):
        size += len(chunk)
        if size > MAX_BACKUP_BYTES:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "backup_too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _read(body: bytes) -> list[BackupChip]:
    """Return the chips of a backup sent as ``body``; raise if it is none."""
    try:
        backup = json.loads(body)
    except (ValueError, RecursionError) as err:
        raise _Refused(HTTPStatus.BAD_REQUEST, "backup_not_json") from err
    return read_backup(backup)


def _reader(hass: HomeAssistant, entry_id: str | None) -> ConfigEntry:
    """Return the reader new chips are stored on: ``entry_id``, or the first."""
    readers = home_readers(hass)
    if entry_id is not None:
        readers = [entry for entry in readers if entry.entry_id == entry_id]
        if not readers:
            raise _Refused(HTTPStatus.NOT_FOUND, "reader_not_found")
    if not readers:
        raise _Refused(HTTPStatus.BAD_REQUEST, "backup_no_reader")
    return readers[0]


class ChipsImportView(HomeAssistantView):
    """Restores chips from a backup; ``?preview=1`` only says what it would do."""

    url = f"/api/{DOMAIN}/chips/import"
    name = f"api:{DOMAIN}:chips:import"

    async def post(self, request: web.Request) -> web.Response:
        """Check the whole backup, then apply it (unless previewed); nothing half-done."""
        if (refused := _forbidden(request)) is not None:
            return refused
        hass: HomeAssistant = request.app[KEY_HASS]
        try:
            reader = _reader(hass, request.query.get("entry_id"))
            body = await _read_body(request)
            # up to 8 MB to parse and 10000 chips' schemas: not on the event loop
            chips = await hass.async_add_executor_job(_read, body)
            plan = plan_restore(hass, chips)
        except _Refused as err:
            return _error(err.status, err.key)
        except InvalidBackup as err:
            return _error(HTTPStatus.BAD_REQUEST, err.key, err.placeholders)
        preview = request.query.get("preview") not in (None, "", "0", "false")
        if not preview:
            await async_restore(hass, plan, reader)
        return self.json(plan.summary(applied=not preview))


@callback
def async_register_chips_io(hass: HomeAssistant) -> None:
    """Register the export and import endpoints (without ``http``, nothing serves them)."""
    if "http" not in hass.config.components:
        return
    hass.http.register_view(ChipsExportView())
    hass.http.register_view(ChipsImportView())
