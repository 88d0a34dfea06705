"""The home's last print of labels: when, and which chips the home had then.

"Added since the last print" are the chips the home did not have at the last print
(by UID, which never changes for a chip), whichever of them were printed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Any, Final, override

import probatio
from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN, LOGGER
from ..stored import async_load_once, async_remove_loaded
from .model import is_valid_uid

STORAGE_KEY: Final = f"{DOMAIN}.label_prints"
STORAGE_VERSION: Final = 1
DATA_PRINTS: HassKey[asyncio.Future[LabelPrints]] = HassKey(f"{DOMAIN}_label_prints")


def _uid(value: object) -> str:
    if not isinstance(value, str) or not is_valid_uid(value):
        msg = "expected a chip's UID"
        raise probatio.Invalid(msg)
    return value


def _moment(value: object) -> str:
    if not isinstance(value, str) or dt_util.parse_datetime(value) is None:
        msg = "expected a date and time"
        raise probatio.Invalid(msg)
    return value


_RECORD: Final = probatio.Schema(
    {
        probatio.Required("last_print"): _moment,
        probatio.Required("known"): [_uid],
    }
)


class LabelPrints:
    """When the home last printed labels, and the UIDs of the chips it had then."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start as never printed; async_get_label_prints loads it."""
        self._store: Store[dict[str, Any]] = _PrintsStore(
            hass, STORAGE_VERSION, STORAGE_KEY
        )
        self.last_print: datetime | None = None
        self._known: frozenset[str] = frozenset()

    async def async_load(self) -> None:
        """Load the last print; a record not as expected counts as never printed."""
        stored = await self._store.async_load()
        if stored is None:
            return
        try:
            record = _RECORD(stored)
        except probatio.Invalid as err:
            LOGGER.warning(
                "Ignored the last print of labels in %s: %s", STORAGE_KEY, err
            )
            return
        self.last_print = dt_util.parse_datetime(record["last_print"])
        self._known = frozenset(record["known"])

    def added_since(self, uids: Iterable[str]) -> list[str]:
        """Return those of ``uids`` the home did not have at the last print."""
        return [uid for uid in uids if uid not in self._known]

    async def async_printed(self, uids: Iterable[str]) -> datetime:
        """Remember a print now, the home having the chips ``uids``."""
        self.last_print = dt_util.utcnow()
        # a chip deleted since is no longer the home's: back, it is added again
        self._known = frozenset(uids)
        await self._store.async_save(
            {"last_print": self.last_print.isoformat(), "known": sorted(self._known)}
        )
        return self.last_print

    async def async_remove(self) -> None:
        """Forget the prints and delete the file (the home's last reader went)."""
        self.last_print, self._known = None, frozenset()
        await self._store.async_remove()


class _PrintsStore(Store[dict[str, Any]]):
    """The prints' file; a later 1.x's record is checked on load."""

    @override
    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        return old_data


async def async_get_label_prints(hass: HomeAssistant) -> LabelPrints:
    """Return the home's last print of labels, loaded once."""
    return await async_load_once(hass, DATA_PRINTS, partial(LabelPrints, hass))


async def async_remove_label_prints(hass: HomeAssistant) -> None:
    """Delete the home's prints of labels (the home's last reader went)."""
    await async_remove_loaded(hass, DATA_PRINTS, partial(LabelPrints, hass))
