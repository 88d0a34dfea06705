"""How long a reader's music played today: a Store of its own, with its migrations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, override

import probatio
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import UnsupportedStorageVersionError
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER
from .stored import COUNT, SECONDS

STORAGE_VERSION: Final = 1
#: 1.2: the same record, checked when loaded (1.1 files load unchanged)
STORAGE_MINOR_VERSION: Final = 2


@dataclass(kw_only=True, slots=True)
class Listening:
    """How long a reader's music played on one day, and what a parent added."""

    day: str  # ISO date, local time
    used: float = 0.0  # seconds
    granted: int = 0  # minutes


def _iso_date(value: object) -> str:
    if not isinstance(value, str) or dt_util.parse_date(value) is None:
        msg = "expected an ISO date"
        raise probatio.Invalid(msg)
    return value


_LISTENING = probatio.Schema(
    {
        probatio.Required("day"): _iso_date,
        probatio.Optional("used"): SECONDS,
        probatio.Optional("granted"): COUNT,
    }
)


class ListeningStore(Store[dict[str, Any]]):
    """The listening time of one reader, migrated from older versions as it loads."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Keep the listening time of the reader ``entry_id``."""
        super().__init__(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry_id}.listening",
            minor_version=STORAGE_MINOR_VERSION,
        )

    @override
    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        """Return the record of an older (or a later minor) version's file.

        1.1 holds the same record; a later 1.x's is checked on load.
        """
        return old_data

    async def async_load_today(self, today: str) -> Listening:
        """Return the listening time of ``today``: none when another day's is stored.

        A record not as expected (a later release's, a hand edit) counts as none
        and is logged: the reader sets up, today's time counts from zero and the
        next save writes this release's record over it.
        """
        try:
            stored = await self.async_load()
            if stored is None:
                return Listening(day=today)
            listening = Listening(**_LISTENING(stored))
        except (UnsupportedStorageVersionError, probatio.Invalid) as err:
            LOGGER.warning(
                "Ignored the listening time in %s (today's counts from zero): %s",
                self.key,
                err,
            )
            return Listening(day=today)
        return listening if listening.day == today else Listening(day=today)


async def async_remove_listening_time(hass: HomeAssistant, entry_id: str) -> None:
    """Delete the stored listening time of a removed reader."""
    await ListeningStore(hass, entry_id).async_remove()
