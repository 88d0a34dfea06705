"""A podcast feed: fetched with Home Assistant's session, read, and kept in .storage."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from homeassistant.core import HomeAssistant

from custom_components.nfc_jukebox.podcasts import feed as feed_module
from custom_components.nfc_jukebox.podcasts.library import REFRESH_ON_PLACE, Podcasts
from custom_components.nfc_jukebox.podcasts.store import STORAGE_KEY
from tests.feeds import FeedServer, episode_url


async def _podcasts(hass: HomeAssistant) -> Podcasts:
    podcasts = Podcasts(hass)
    await podcasts.async_load()
    return podcasts


def _titles(podcasts: Podcasts, url: str) -> list[str]:
    return [track.title for track in podcasts.tracks(url) or ()]


async def test_an_rss_feed_lists_its_episodes_oldest_first(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)

    await podcasts.async_refresh(feeds.url("kids.xml"))

    tracks = podcasts.tracks(feeds.url("kids.xml"))
    assert tracks is not None
    assert [t.title for t in tracks] == ["Episode 1", "Episode 2", "Episode 3"]
    assert tracks[0].media_content_id == episode_url(feeds.base, "kids.xml", 1)
    assert tracks[0].media_content_type == "music"


async def test_an_atom_feed_lists_its_episodes_oldest_first(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)

    await podcasts.async_refresh(feeds.url("stories.atom"))

    assert _titles(podcasts, feeds.url("stories.atom")) == [
        "Episode 1",
        "Episode 2",
        "Episode 3",
    ]


async def test_a_feed_fetched_again_asks_with_its_etag_and_last_modified(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("kids.xml")
    await podcasts.async_refresh(url)

    await podcasts.async_refresh(url)

    assert feeds.requests[0][1:] == (None, None)
    _name, etag, modified = feeds.requests[1]
    assert etag is not None
    assert modified is not None
    assert feeds.not_modified == 1
    assert len(_titles(podcasts, url)) == 3


async def test_a_changed_feed_lists_its_new_episode(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("kids.xml")
    await podcasts.async_refresh(url)
    feeds.episodes["kids.xml"] = 4

    await podcasts.async_refresh(url)

    assert _titles(podcasts, url)[-1] == "Episode 4"
    assert feeds.not_modified == 0


async def test_a_feed_fetched_within_the_hour_is_not_fetched_again(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("kids.xml")
    await podcasts.async_refresh(url)

    await podcasts.async_refresh(url, older_than=REFRESH_ON_PLACE)

    assert len(feeds.requests) == 1


async def test_a_broken_feed_keeps_the_episodes_it_had(
    hass: HomeAssistant, feeds: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("kids.xml")
    await podcasts.async_refresh(url)
    feeds.broken.add("kids.xml")

    await podcasts.async_refresh(url)
    await podcasts.async_refresh(url)

    assert len(_titles(podcasts, url)) == 3
    record = podcasts.record(url)
    assert record is not None
    assert record.failing_since is not None
    assert "500" in (record.error or "")
    # told once, not at every try
    assert caplog.text.count("Could not read the podcast feed") == 1
    assert "Traceback" not in caplog.text


async def test_a_page_that_is_no_feed_has_no_episodes(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("garbage.xml")

    await podcasts.async_refresh(url)

    assert podcasts.tracks(url) is None
    record = podcasts.record(url)
    assert record is not None
    assert record.error


async def test_a_huge_feed_is_refused_once_it_passes_the_cap(
    hass: HomeAssistant, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "MAX_FEED_BYTES", 256 * 1024)
    podcasts = await _podcasts(hass)
    url = feeds.url("huge.xml")

    await podcasts.async_refresh(url)

    assert podcasts.tracks(url) is None
    record = podcasts.record(url)
    assert record is not None
    assert record.error == "the feed is too large"


async def test_a_slow_feed_server_is_given_up_on_after_the_timeout(
    hass: HomeAssistant, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_module, "FETCH_TIMEOUT", 0.2)
    podcasts = await _podcasts(hass)
    url = feeds.url("slow.xml")

    await podcasts.async_refresh(url)

    record = podcasts.record(url)
    assert record is not None
    assert record.error == "the feed server did not answer in time"


async def test_two_refreshes_at_once_fetch_the_feed_once(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("slow.xml")
    first = asyncio.ensure_future(podcasts.async_refresh(url))
    second = asyncio.ensure_future(podcasts.async_refresh(url))
    while not feeds.requests:  # noqa: ASYNC110 - the server's log is all there is
        await asyncio.sleep(0.005)

    feeds.slow_answers.set()
    await asyncio.gather(first, second)

    assert len(feeds.requests) == 1
    assert len(_titles(podcasts, url)) == 3


async def test_the_episodes_and_what_a_chip_heard_survive_a_restart(
    hass: HomeAssistant, feeds: FeedServer, hass_storage: dict[str, Any]
) -> None:
    podcasts = await _podcasts(hass)
    url = feeds.url("kids.xml")
    await podcasts.async_refresh(url)
    podcasts.mark_heard("04A1B2C3D4E5F6", episode_url(feeds.base, "kids.xml", 1))
    await podcasts.async_save()

    again = await _podcasts(hass)

    assert _titles(again, url) == _titles(podcasts, url)
    assert again.heard("04A1B2C3D4E5F6") == {episode_url(feeds.base, "kids.xml", 1)}
    assert hass_storage[STORAGE_KEY]["version"] == 1


async def test_a_stored_feed_not_as_expected_is_skipped_and_the_others_load(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = {
        "episodes": [
            {
                "url": "http://127.0.0.1/1.mp3",
                "title": "One",
                "media_type": "music",
                "published": 1.0,
            }
        ],
        "etag": None,
        "modified": None,
        "fetched_at": 5.0,
    }
    hass_storage[STORAGE_KEY] = {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {
            "feeds": {
                "http://good": good,
                "http://bad": {**good, "episodes": [{"url": 3}]},
                "http://worse": "nonsense",
            },
            "heard": {"04A1B2C3D4E5F6": ["http://127.0.0.1/1.mp3"], "04BB": 7},
        },
    }

    podcasts = await _podcasts(hass)

    assert _titles(podcasts, "http://good") == ["One"]
    assert podcasts.tracks("http://bad") is None
    assert podcasts.tracks("http://worse") is None
    assert podcasts.heard("04A1B2C3D4E5F6") == {"http://127.0.0.1/1.mp3"}
    assert podcasts.heard("04BB") == set()
    assert caplog.text.count("Skipped the episodes of") == 2
    assert "Traceback" not in caplog.text


async def test_a_feed_of_1000_episodes_lists_them_all(
    hass: HomeAssistant, feeds: FeedServer
) -> None:
    feeds.episodes["long.xml"] = 1000
    podcasts = await _podcasts(hass)

    await podcasts.async_refresh(feeds.url("long.xml"))

    titles = _titles(podcasts, feeds.url("long.xml"))
    assert len(titles) == 1000
    assert titles[0] == "Episode 1"
    assert titles[-1] == "Episode 1000"
