"""Keep the newest N episodes on this box: downloaded into My media, played from there."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from homeassistant.components import media_source
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.playback.listing import kept_by
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.podcasts import downloads
from custom_components.nfc_jukebox.podcasts.downloads import (
    FOLDER,
    episode_file,
    feed_folder,
)
from tests.feeds import FeedServer
from tests.speaker import Speaker

from .support import WaitUntil, paused, place, playing, set_playback
from .test_podcasts import FEED, PODCAST, episode, known_list, podcast

LOCAL = "media-source://media_source/local"


@pytest.fixture
def playback() -> dict[str, Any]:
    """Return the podcast chip's playback settings (tests override them)."""
    return {"keep_episodes": 2}


@pytest.fixture
def audio_bytes() -> int:
    """Return the bytes of each episode's audio file (tests override it)."""
    return 4000


@pytest.fixture
def audio() -> str:
    """Return how the episodes' audio files are served (tests override it).

    "chunked" (no size said first), "sized", "stalled" (first bytes, then a wait)
    or "broken".
    """
    return "chunked"


@pytest.fixture
def download_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """Return how long one episode's download may take (tests shorten it)."""
    return downloads.DOWNLOAD_TIMEOUT


@pytest.fixture
def my_media(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Return My media: a folder of its own."""
    hass.config.media_dirs = {"local": str(tmp_path)}
    return tmp_path


@pytest.fixture
def mock_config_entry(
    options: dict[str, Any],
    feeds: FeedServer,
    playback: dict[str, Any],
    my_media: Path,
    audio_bytes: int,
    audio: str,
    download_timeout: float,
    monkeypatch: pytest.MonkeyPatch,
) -> MockConfigEntry:
    """Return a simulated reader with a podcast chip that keeps episodes."""
    feeds.audio_bytes[FEED] = audio_bytes
    knobs = {
        "broken": feeds.broken_audio,
        "sized": feeds.sized_audio,
        "stalled": feeds.stalled_audio,
    }
    if audio in knobs:
        knobs[audio].add(FEED)
    monkeypatch.setattr(downloads, "DOWNLOAD_TIMEOUT", download_timeout)
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=2,
        data={"connection": "simulated"},
        options=options,
        subentries_data=[podcast(PODCAST, feeds.url(FEED), **playback)],
    )


async def synced(
    box: MockConfigEntry, feeds: FeedServer, wait_until: WaitUntil
) -> None:
    """Wait until the chip's episodes were kept (or failed to be)."""
    downloads = box.runtime_data.jukebox.listings.podcasts.downloads
    await wait_until(lambda: downloads.synced(feeds.url(FEED)))


def kept(my_media: Path, feeds: FeedServer) -> Path:
    """Return the folder of the feed's kept episodes."""
    return my_media / FOLDER / feed_folder(feeds.url(FEED))


def kept_files(my_media: Path, feeds: FeedServer) -> set[str]:
    """Return the files in the feed's folder of kept episodes."""
    folder = kept(my_media, feeds)
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def feed_tasks() -> list[asyncio.Task[Any]]:
    """Return the podcast feeds' background tasks (a refresh, a download) running."""
    return [
        task
        for task in asyncio.all_tasks()
        if task.get_name() == f"{DOMAIN} podcast feed"
    ]


def every_file(my_media: Path) -> set[str]:
    """Return every file in My media (hidden ones too), by its path in there."""
    return {
        str(path.relative_to(my_media))
        for path in my_media.rglob("*")
        if path.is_file()
    }


def local_copy(my_media: Path, feeds: FeedServer, number: int) -> str:
    """Return the media-source id of episode ``number``'s local copy."""
    name = episode_file(episode(feeds, number))
    return f"{LOCAL}/{FOLDER}/{kept(my_media, feeds).name}/{name}"


async def test_a_chip_keeping_two_episodes_downloads_the_newest_two_and_plays_them(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    newest = {episode_file(episode(feeds, n)) for n in (2, 3)}
    await synced(box, feeds, wait_until)

    assert kept_files(my_media, feeds) == newest
    assert (
        kept(my_media, feeds) / episode_file(episode(feeds, 3))
    ).stat().st_size == 4000
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, local_copy(my_media, feeds, 3)))


async def test_a_new_episode_is_kept_and_the_oldest_kept_one_deleted(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    podcasts = box.runtime_data.jukebox.listings.podcasts
    url = feeds.url(FEED)
    await synced(box, feeds, wait_until)
    feeds.episodes[FEED] = 4

    await podcasts.async_refresh(url)
    await podcasts.async_keep(url, kept_by(hass, url))

    assert kept_files(my_media, feeds) == {
        episode_file(episode(feeds, n)) for n in (3, 4)
    }
    assert set(podcasts.downloads.kept(url)) == {episode(feeds, 3), episode(feeds, 4)}


@pytest.mark.parametrize(
    ("playback", "audio_bytes"), [({"keep_episodes": 2, "keep_mb": 10}, 6 * 1024**2)]
)
async def test_an_episode_that_would_pass_the_cap_is_not_kept_and_leaves_no_file(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await synced(box, feeds, wait_until)

    podcasts = box.runtime_data.jukebox.listings.podcasts
    assert len(feeds.audio_requests) == 2
    assert set(podcasts.downloads.kept(feeds.url(FEED))) == {episode(feeds, 3)}
    assert kept_files(my_media, feeds) == {episode_file(episode(feeds, 3))}
    assert every_file(my_media) == {
        f"{FOLDER}/{kept(my_media, feeds).name}/{episode_file(episode(feeds, 3))}"
    }
    set_playback(hass, box, PODCAST, keep_episodes=2, keep_mb=10, mode="start_over")
    await hass.async_block_till_done()
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, local_copy(my_media, feeds, 3)))


@pytest.mark.parametrize("audio", ["broken"])
async def test_an_episode_whose_server_fails_is_not_kept_and_plays_from_the_server(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await synced(box, feeds, wait_until)

    assert len(feeds.audio_requests) == 2
    assert kept_files(my_media, feeds) == set()
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 3)))


async def test_a_chip_that_no_longer_keeps_episodes_deletes_them(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    podcasts = box.runtime_data.jukebox.listings.podcasts
    url = feeds.url(FEED)
    await synced(box, feeds, wait_until)
    assert kept(my_media, feeds).is_dir()

    set_playback(hass, box, PODCAST)
    await wait_until(lambda: not kept(my_media, feeds).exists())

    assert not kept(my_media, feeds).exists()
    assert podcasts.downloads.kept(url) == {}


async def test_deleting_a_chip_that_keeps_episodes_deletes_them(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await synced(box, feeds, wait_until)
    assert kept(my_media, feeds).is_dir()
    chip = next(s for s in box.subentries.values() if s.unique_id == PODCAST)

    hass.config_entries.async_remove_subentry(box, chip.subentry_id)

    await wait_until(lambda: not kept(my_media, feeds).exists())


@pytest.mark.parametrize(
    ("playback", "audio_bytes", "audio"),
    [({"keep_episodes": 2, "keep_mb": 10}, 6 * 1024**2, "sized")],
)
async def test_an_episode_whose_server_says_it_would_pass_the_cap_is_not_downloaded(
    feeds: FeedServer,
    box: MockConfigEntry,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await synced(box, feeds, wait_until)

    assert len(feeds.audio_requests) == 2
    assert every_file(my_media) == {
        f"{FOLDER}/{kept(my_media, feeds).name}/{episode_file(episode(feeds, 3))}"
    }


@pytest.mark.parametrize(("audio", "download_timeout"), [("stalled", 0.2)])
async def test_a_download_that_times_out_leaves_no_partial_file_and_plays_from_the_server(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await synced(box, feeds, wait_until)

    assert feeds.audio_stalled.is_set()
    assert len(feeds.audio_requests) == 2
    assert every_file(my_media) == set()
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, episode(feeds, 3)))


@pytest.mark.parametrize("audio", ["stalled"])
async def test_placing_a_chip_while_its_episode_downloads_plays_it_from_the_server(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await wait_until(feeds.audio_stalled.is_set)
    await wait_until(lambda: every_file(my_media) != set())

    place(emulator, PODCAST)

    await wait_until(lambda: playing(hass, episode(feeds, 3)))
    # The half-written file is hidden from the media browser meanwhile.
    assert await async_setup_component(hass, "media_source", {})
    browsed = await media_source.async_browse_media(
        hass, f"{LOCAL}/{FOLDER}/{kept(my_media, feeds).name}"
    )
    assert browsed.children == []
    feeds.audio_resumes.set()
    await synced(box, feeds, wait_until)
    assert {Path(name).name for name in every_file(my_media)} == {
        episode_file(episode(feeds, n)) for n in (2, 3)
    }


@pytest.mark.parametrize("audio", ["stalled"])
async def test_unloading_the_reader_during_a_download_leaves_no_partial_file(
    hass: HomeAssistant,
    feeds: FeedServer,
    box: MockConfigEntry,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    await wait_until(feeds.audio_stalled.is_set)
    await wait_until(lambda: every_file(my_media) != set())

    assert await hass.config_entries.async_unload(box.entry_id)

    assert every_file(my_media) == set()


async def test_a_changed_feed_keeps_its_newest_in_the_background_refresh_not_at_placement(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    feeds: FeedServer,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
    my_media: Path,
) -> None:
    known_list(hass_storage, feeds, FEED, 2)  # fetched two hours ago
    folder = kept(my_media, feeds)
    folder.mkdir(parents=True)
    (folder / "note.mp3").write_bytes(b"the parent's")
    other = my_media / FOLDER / "other-feed"
    other.mkdir()
    (other / f"{'0' * 16}.mp3").write_bytes(b"another feed's")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await synced(mock_config_entry, feeds, wait_until)
    assert kept_files(my_media, feeds) == {
        "note.mp3",
        *(episode_file(episode(feeds, n)) for n in (1, 2)),
    }
    assert len(feeds.audio_requests) == 2
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None
    podcasts = mock_config_entry.runtime_data.jukebox.listings.podcasts
    kept_second = (folder / episode_file(episode(feeds, 2))).stat()

    # The list is two hours old: placing fetches it again (now 3), downloads nothing.
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, local_copy(my_media, feeds, 2)))
    await wait_until(lambda: len(podcasts.tracks(feeds.url(FEED)) or ()) == 3)
    await wait_until(lambda: not feed_tasks())
    assert len(feeds.audio_requests) == 2
    emulator.remove()
    await wait_until(lambda: paused(hass))

    # The hourly background refresh keeps the newest two: 3 comes, 1 goes.
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(hours=1, seconds=1))
    await wait_until(
        lambda: episode(feeds, 3) in podcasts.downloads.kept(feeds.url(FEED))
    )

    assert feeds.audio_requests[2:] == [f"{FEED}/3.mp3"]
    assert kept_files(my_media, feeds) == {
        "note.mp3",
        *(episode_file(episode(feeds, n)) for n in (2, 3)),
    }
    assert (folder / episode_file(episode(feeds, 2))).stat() == kept_second
    assert (other / f"{'0' * 16}.mp3").read_bytes() == b"another feed's"
    assert set(podcasts.downloads.kept(feeds.url(FEED))) == {
        episode(feeds, 2),
        episode(feeds, 3),
    }
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
