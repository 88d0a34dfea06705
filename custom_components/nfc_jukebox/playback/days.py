"""Chips that follow the calendar: which one track plays today.

An Advent calendar plays track N on day N of the month; a story a day plays the next
track each calendar day and the same one all day. The day is Home Assistant's (its
time zone). What a daily chip played last is kept in a Store of its own, so the next
day moves on even after a restart.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, Final, override

import probatio
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN, LOGGER, Order
from ..stored import async_load_once, async_remove_loaded

if TYPE_CHECKING:
    from ..chips.model import TagMapping
    from ..folders import Track

STORAGE_KEY: Final = f"{DOMAIN}.days"
STORAGE_VERSION: Final = 1
DATA_DAYS: HassKey[asyncio.Future[DailyPicks]] = HassKey(f"{DOMAIN}_days")


@dataclass(frozen=True, kw_only=True, slots=True)
class Pick:
    """The track a daily chip plays on one day."""

    day: str  # ISO date, Home Assistant's time zone
    track: str  # the track's media content id


def _iso_date(value: object) -> str:
    if not isinstance(value, str) or dt_util.parse_date(value) is None:
        msg = "expected an ISO date"
        raise probatio.Invalid(msg)
    return value


_PICK = probatio.Schema(
    {probatio.Required("day"): _iso_date, probatio.Required("track"): str},
    extra=probatio.REMOVE_EXTRA,
)


def todays_track(
    mapping: TagMapping,
    tracks: tuple[Track, ...],
    today: date,
    last: Pick | None,
) -> Track | None:
    """Return the one track a calendar chip plays ``today``; None: none ("not yet").

    Outside its days (another month, a day past its last track) it plays the track
    the parent picked for then, if any.
    """
    if not tracks:
        return None
    if mapping.order is Order.DAILY:
        return _next_daily(tracks, today, last)
    day = today.day - 1
    if (mapping.month is None or mapping.month == today.month) and day < len(tracks):
        return tracks[day]
    outside = mapping.outside_track
    return (
        tracks[outside - 1] if outside is not None and outside <= len(tracks) else None
    )


def _next_daily(tracks: tuple[Track, ...], today: date, last: Pick | None) -> Track:
    """Return today's track: the one picked today, else the one after the last pick."""
    ids = [track.media_content_id for track in tracks]
    if last is None or last.track not in ids:
        return tracks[0]
    index = ids.index(last.track)
    if last.day == today.isoformat():
        return tracks[index]
    return tracks[(index + 1) % len(tracks)]


class DailyPicks:
    """What each daily chip of the home played on which day."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start empty; async_get_daily_picks loads it."""
        self._store: Store[dict[str, Any]] = _DaysStore(
            hass, STORAGE_VERSION, STORAGE_KEY
        )
        self._picks: dict[str, Pick] = {}

    async def async_load(self) -> None:
        """Load the picks; a record not as expected is skipped and logged."""
        stored = await self._store.async_load() or {}
        for uid, record in stored.items():
            try:
                self._picks[uid] = Pick(**_PICK(record))
            except probatio.Invalid as err:
                LOGGER.warning(
                    "Skipped the day of chip %s in %s: %s", uid, STORAGE_KEY, err
                )

    def get(self, uid: str) -> Pick | None:
        """Return what the chip ``uid`` played last, and on which day."""
        return self._picks.get(uid)

    @callback
    def async_today(
        self, mapping: TagMapping, tracks: tuple[Track, ...]
    ) -> Track | None:
        """Return the track a calendar chip plays now, remembering a daily chip's."""
        today = dt_util.now().date()
        track = todays_track(mapping, tracks, today, self._picks.get(mapping.uid))
        if track is not None and mapping.order is Order.DAILY:
            pick = Pick(day=today.isoformat(), track=track.media_content_id)
            if self._picks.get(mapping.uid) != pick:
                self._picks[mapping.uid] = pick
                self._store.async_delay_save(self._stored)
        return track

    async def async_remove(self) -> None:
        """Forget every pick and delete the file (the home's last reader went)."""
        self._picks.clear()
        await self._store.async_remove()

    @callback
    def _stored(self) -> dict[str, Any]:
        return {uid: asdict(pick) for uid, pick in self._picks.items()}


class _DaysStore(Store[dict[str, Any]]):
    """The picks' file; a later 1.x's records are checked one by one on load."""

    @override
    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        return old_data


async def async_get_daily_picks(hass: HomeAssistant) -> DailyPicks:
    """Return the home's daily picks, loaded once for every reader."""
    return await async_load_once(hass, DATA_DAYS, partial(DailyPicks, hass))


async def async_remove_daily_picks(hass: HomeAssistant) -> None:
    """Forget what every daily chip played: the home's last reader went."""
    await async_remove_loaded(hass, DATA_DAYS, partial(DailyPicks, hass))
