"""Chips that follow the calendar: an Advent calendar, and a new story each day."""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.media_player import MediaPlayerState
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.nfc_jukebox.chips.model import TagMapping
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    Connection,
    Order,
)
from custom_components.nfc_jukebox.folders import Track
from custom_components.nfc_jukebox.playback.days import DATA_DAYS, Pick, todays_track
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator

from .speaker import Speaker
from .test_folders import (
    FOLDER,
    PLAYER,
    TRACKS,
    WaitUntil,
    calls,
    media,  # noqa: F401 - a fixture
    place,
    plain_speaker,  # noqa: F401 - a fixture
    player,
)

ADVENT = "04A1B2C3D4E5F6"
DAILY = "04BBBBBBBBBBBB"
NOT_YET = "http://homeassistant.local:8123/nfc_jukebox/sounds/not_yet.wav"
YEAR = 2027
#: The clock ticks (the reader's timers run on it) from before the days walked;
#: it only ever moves forward.
pytestmark = pytest.mark.freeze_time("2027-11-01 12:00:00+00:00", tick=True)


def calendar_chip(uid: str, title: str, playback: dict[str, Any]) -> ConfigSubentryData:
    """Return the subentry of a folder chip that follows the calendar."""
    return ConfigSubentryData(
        data={
            "uid": uid,
            "media": {
                "entity_id": PLAYER,
                "media_content_id": FOLDER,
                "media_content_type": "app",
            },
            "playback": playback,
        },
        subentry_type="tag",
        title=title,
        unique_id=uid,
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a reader with an Advent calendar (December) and a story a day."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=4,
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            calendar_chip(ADVENT, "Advent", {"order": "day_of_month", "month": 12}),
            calendar_chip(DAILY, "A story a day", {"order": "daily"}),
        ],
    )


@pytest.fixture
async def box(
    hass: HomeAssistant,
    plain_speaker: Speaker,  # noqa: F811 - the fixture imported above
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> MockConfigEntry:
    """Return the reader, loaded, with a speaker and a URL for the sounds."""
    await hass.config.async_update(internal_url="http://homeassistant.local:8123")
    return init_integration


async def on_day(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, day: date, hour: int = 17
) -> None:
    """Move Home Assistant's clock to ``day`` at ``hour`` (its own time zone)."""
    when = datetime(
        day.year, day.month, day.day, hour, tzinfo=dt_util.get_default_time_zone()
    )
    freezer.move_to(when)
    async_fire_time_changed(hass, when)
    await hass.async_block_till_done()


async def placed_and_lifted(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    uid: str,
) -> str:
    """Place a chip, return what its speaker plays for it (its track or a sound), lift it."""
    asked = len(speaker.calls)
    place(emulator, uid)
    await wait_until(
        lambda: (
            playing_now(hass)
            and any(
                call in ("play_media", "media_play")
                for call, _ in speaker.calls[asked:]
            )
        )
    )
    heard = str(player(hass).attributes["media_content_id"])
    emulator.remove()
    await wait_until(lambda: box.runtime_data.reader.present is None)
    await hass.async_block_till_done()
    return heard


def playing_now(hass: HomeAssistant) -> bool:
    """Return whether the speaker plays (a track, or a sound)."""
    return player(hass).state == MediaPlayerState.PLAYING


async def test_an_advent_calendar_plays_track_n_on_day_n_and_not_yet_outside_december(
    hass: HomeAssistant,
    box: MockConfigEntry,
    plain_speaker: Speaker,  # noqa: F811
    emulator: Pn532Emulator,
    freezer: FrozenDateTimeFactory,
    wait_until: WaitUntil,
) -> None:
    heard = {}
    for day in (date(YEAR, 11, 30), *(date(YEAR, 12, n) for n in (1, 2, 3, 4, 24))):
        await on_day(hass, freezer, day)
        heard[day.isoformat()] = await placed_and_lifted(
            hass, box, plain_speaker, emulator, wait_until, ADVENT
        )

    assert heard == {
        f"{YEAR}-11-30": NOT_YET,  # before its month
        f"{YEAR}-12-01": TRACKS[0],
        f"{YEAR}-12-02": TRACKS[1],
        f"{YEAR}-12-03": TRACKS[2],
        f"{YEAR}-12-04": NOT_YET,  # past its last track
        f"{YEAR}-12-24": NOT_YET,
    }


async def test_a_story_a_day_plays_the_next_track_each_day_and_the_same_one_all_day(
    hass: HomeAssistant,
    box: MockConfigEntry,
    plain_speaker: Speaker,  # noqa: F811
    emulator: Pn532Emulator,
    freezer: FrozenDateTimeFactory,
    wait_until: WaitUntil,
) -> None:
    heard: list[tuple[str, str]] = []
    for number in range(1, 32):  # a whole month, placed morning and evening
        day = date(YEAR, 12, number)
        for hour in (8, 19):
            await on_day(hass, freezer, day, hour)
            track = await placed_and_lifted(
                hass, box, plain_speaker, emulator, wait_until, DAILY
            )
            heard.append((day.isoformat(), track))

    by_day = dict(heard)
    assert all(by_day[day] == track for day, track in heard)  # the same all day
    days = sorted(by_day)
    assert [by_day[day] for day in days[:4]] == [*TRACKS, TRACKS[0]]
    assert all(by_day[a] != by_day[b] for a, b in pairwise(days))
    assert calls(plain_speaker, "play_media").count(NOT_YET) == 0


async def test_a_story_a_day_moves_on_after_a_restart(
    hass: HomeAssistant,
    box: MockConfigEntry,
    plain_speaker: Speaker,  # noqa: F811
    emulator: Pn532Emulator,
    freezer: FrozenDateTimeFactory,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await on_day(hass, freezer, date(YEAR, 12, 7))
    first = await placed_and_lifted(
        hass, box, plain_speaker, emulator, wait_until, DAILY
    )
    assert await hass.config_entries.async_unload(box.entry_id)
    await hass.async_block_till_done()
    assert hass_storage["nfc_jukebox.days"]["data"][DAILY]["day"] == f"{YEAR}-12-07"

    hass.data.pop(DATA_DAYS)  # as after a restart: read back from .storage
    await on_day(hass, freezer, date(YEAR, 12, 8))
    assert await hass.config_entries.async_setup(box.entry_id)
    await hass.async_block_till_done()
    emulator = box.runtime_data.reader.emulator
    assert emulator is not None
    second = await placed_and_lifted(
        hass, box, plain_speaker, emulator, wait_until, DAILY
    )

    assert (first, second) == (TRACKS[0], TRACKS[1])


def _advent(**playback: Any) -> TagMapping:
    return TagMapping(
        uid=ADVENT,
        name="Advent",
        entity_id=PLAYER,
        media_content_id=FOLDER,
        media_content_type="app",
        **playback,
    )


LISTING = tuple(
    Track(media_content_id=t, media_content_type="music", title=t) for t in TRACKS
)


def test_outside_its_days_a_calendar_chip_plays_the_track_the_parent_picked() -> None:
    chip = _advent(order=Order.DAY_OF_MONTH, month=12, outside_track=3)

    assert todays_track(chip, LISTING, date(2026, 11, 30), None) == LISTING[2]
    assert todays_track(chip, LISTING, date(2026, 12, 2), None) == LISTING[1]
    assert todays_track(chip, LISTING, date(2026, 12, 25), None) == LISTING[2]


def test_a_calendar_chip_for_every_month_plays_track_n_on_day_n_of_any_month() -> None:
    chip = _advent(order=Order.DAY_OF_MONTH)

    assert todays_track(chip, LISTING, date(2027, 3, 1), None) == LISTING[0]
    assert todays_track(chip, LISTING, date(2027, 3, 4), None) is None


def test_a_story_a_day_whose_last_track_left_the_folder_starts_at_the_first() -> None:
    chip = _advent(order=Order.DAILY)
    gone = Pick(day="2026-12-06", track=f"{FOLDER}/99 Gone.wav")

    assert todays_track(chip, LISTING, date(2026, 12, 7), gone) == LISTING[0]
