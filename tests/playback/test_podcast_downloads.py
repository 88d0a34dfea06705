"""Keep the newest N episodes on this box: downloaded into My media, played from there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.playback.listing import kept_by
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.podcasts.downloads import (
    FOLDER,
    episode_file,
    feed_folder,
)
from tests.feeds import FeedServer

from .support import WaitUntil, place, playing, set_playback
from .test_podcasts import FEED, PODCAST, episode, podcast

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
def audio_broken() -> bool:
    """Return whether the episodes' audio files fail (tests override it)."""
    return False


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
    *,
    audio_broken: bool,
) -> MockConfigEntry:
    """Return a simulated reader with a podcast chip that keeps episodes."""
    feeds.audio_bytes[FEED] = audio_bytes
    if audio_broken:
        feeds.broken_audio.add(FEED)
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
    set_playback(hass, box, PODCAST, keep_episodes=2, keep_mb=10, mode="start_over")
    await hass.async_block_till_done()
    place(emulator, PODCAST)
    await wait_until(lambda: playing(hass, local_copy(my_media, feeds, 3)))


@pytest.mark.parametrize("audio_broken", [True])
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
