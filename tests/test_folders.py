"""Folder chips: a media-source folder of songs plays track after track."""

from __future__ import annotations

import shutil
import wave
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant, State
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection
from custom_components.nfc_jukebox.folders import Track, natural_key
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag
from custom_components.nfc_jukebox.progress import DATA_PROGRESS

from .conftest import start_chip_flow
from .speaker import Speaker

type WaitUntil = Callable[..., Awaitable[None]]

PLAYER = "media_player.kids"
#: where the home keeps every chip's progress
PROGRESS = "nfc_jukebox.progress"
STORIES = "04A1B2C3D4E5F6"
FOLDER = "media-source://media_source/local/Bedtime stories"
#: written in this order on purpose: a plain sort would put "10" before "2"
FILES = ("10 Owl.wav", "2 Stars.wav", "1 Moon.wav")
EVERYTHING = "04BBBBBBBBBBBB"
BIG_FOLDER = "media-source://media_source/local/Everything"
MOON = "04CCCCCCCCCCCC"
SHUFFLED = "04DDDDDDDDDDDD"
MORE = "media-source://media_source/local/More stories"
TRACKS = [
    f"{FOLDER}/1 Moon.wav",
    f"{FOLDER}/2 Stars.wav",
    f"{FOLDER}/10 Owl.wav",
]


def write_wav(path: Path, *, frames: int = 800) -> None:
    """Write ``frames`` of silence (a tenth of a second), a real WAV file."""
    with wave.open(str(path), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"\0\0" * frames)


@pytest.fixture
async def media(hass: HomeAssistant, tmp_path: Path) -> None:
    """Set up My media on a folder "Bedtime stories" of three WAVs."""
    folder = tmp_path / "Bedtime stories"
    folder.mkdir()
    for name in FILES:
        write_wav(folder / name)
    more = tmp_path / "More stories"
    more.mkdir()
    write_wav(more / "1 Fox.wav")
    big = tmp_path / "Everything"
    big.mkdir()
    for number in range(1, 501):
        write_wav(big / f"{number} Song.wav", frames=1)
    (folder / "cover.txt").write_text("not music")
    hass.config.media_dirs = {"local": str(tmp_path)}
    assert await async_setup_component(hass, "http", {})
    assert await async_setup_component(hass, "media_source", {})
    await hass.async_block_till_done()


@pytest.fixture
def on_remove() -> str:
    """Return what lifting the chip does (tests override it)."""
    return "inherit"


def folder_chip(
    uid: str, title: str, folder: str, on_remove: str, *, shuffle: bool = False
) -> ConfigSubentryData:
    """Return the subentry of a chip whose music is ``folder``."""
    return ConfigSubentryData(
        data={
            "uid": uid,
            "media": {
                "entity_id": PLAYER,
                "media_content_id": folder,
                "media_content_type": "app",
            },
            "playback": {"on_remove": on_remove, "shuffle": shuffle},
        },
        subentry_type="tag",
        title=title,
        unique_id=uid,
    )


@pytest.fixture
def mock_config_entry(on_remove: str) -> MockConfigEntry:
    """Return a simulated reader with chips whose music is a folder."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            folder_chip(STORIES, "Bedtime stories", FOLDER, on_remove),
            folder_chip(EVERYTHING, "Everything", BIG_FOLDER, on_remove),
            folder_chip(MOON, "Moon", TRACKS[0], on_remove),
            folder_chip(SHUFFLED, "Any story", FOLDER, on_remove, shuffle=True),
        ],
    )


async def add_speaker(hass: HomeAssistant, speaker: Speaker) -> Speaker:
    """Add ``speaker`` to Home Assistant as media_player.kids."""
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    assert speaker.entity_id == PLAYER
    return speaker


@pytest.fixture
async def queue_speaker(hass: HomeAssistant, media: None) -> Speaker:
    """Return a speaker with a queue of its own."""
    return await add_speaker(hass, Speaker("Kids").with_queue())


@pytest.fixture
async def plain_speaker(hass: HomeAssistant, media: None) -> Speaker:
    """Return a speaker that plays one thing and then stops."""
    return await add_speaker(hass, Speaker("Kids"))


def player(hass: HomeAssistant) -> State:
    """Return the speaker's state."""
    state = hass.states.get(PLAYER)
    assert state is not None
    return state


def playing(hass: HomeAssistant, content: str) -> bool:
    """Return whether the speaker plays ``content``."""
    state = player(hass)
    return (
        state.state == MediaPlayerState.PLAYING
        and state.attributes.get("media_content_id") == content
    )


def place(emulator: Pn532Emulator, uid: str = STORIES) -> None:
    """Put a folder chip (the bedtime stories) on the reader."""
    emulator.place(ntag("ntag215", bytes.fromhex(uid)))


def calls(speaker: Speaker, name: str) -> list[Any]:
    """Return what the speaker was asked to ``name`` (play_media, enqueue…)."""
    return [value for call, value in speaker.calls if call == name]


def test_tracks_sort_in_natural_order() -> None:
    titles = ["10 Owl", "2 Stars", "1 Moon", "Epilogue", "chapter 3", "Chapter 21"]
    assert sorted(titles, key=natural_key) == [
        "1 Moon",
        "2 Stars",
        "10 Owl",
        "chapter 3",
        "Chapter 21",
        "Epilogue",
    ]


async def test_a_folder_chip_queues_its_tracks_on_a_speaker_with_a_queue(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 2)

    assert calls(queue_speaker, "play_media") == [TRACKS[0]]
    assert calls(queue_speaker, "enqueue") == TRACKS[1:]
    queue_speaker.finish_track()
    assert playing(hass, TRACKS[1])


async def test_a_folder_chip_plays_the_next_track_on_a_speaker_without_a_queue(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))
    plain_speaker.finish_track()
    await hass.async_block_till_done()

    assert player(hass).state == MediaPlayerState.IDLE
    assert calls(plain_speaker, "play_media") == TRACKS
    assert calls(plain_speaker, "enqueue") == []


async def test_lifting_mid_track_two_and_putting_back_resumes_track_two(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 2)
    queue_speaker.finish_track()
    await queue_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[1]))

    assert queue_speaker.position_now >= 42.0
    assert calls(queue_speaker, "play_media") == [TRACKS[0]]


@pytest.mark.parametrize("on_remove", ["stop"])
async def test_a_stopped_folder_resumes_its_track_at_the_position(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await plain_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)
    await hass.async_block_till_done()
    # Stopping is no track ending: the jukebox did not move on.
    assert calls(plain_speaker, "play_media") == TRACKS[:2]

    place(emulator)
    await wait_until(lambda: bool(calls(plain_speaker, "media_seek")[1:]))

    assert calls(plain_speaker, "play_media") == [*TRACKS[:2], TRACKS[1]]
    assert calls(plain_speaker, "media_seek")[-1] >= 42.0
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))


async def test_the_chip_form_accepts_a_media_source_folder(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": "04 11 22 33 44 55 66",
            "name": "More stories",
            "media": {
                "entity_id": PLAYER,
                "media_content_id": MORE,
                "media_content_type": "app",
            },
        },
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["media"]["media_content_id"] == MORE
    # Listed when saved, so its first placement does not wait for the listing.
    folders = init_integration.runtime_data.jukebox.folders
    await wait_until(lambda: folders.listed(MORE))
    assert await folders.async_tracks(MORE) == (
        Track(
            media_content_id=f"{MORE}/1 Fox.wav",
            media_content_type="audio/x-wav",
            title="1 Fox.wav",
        ),
    )


async def test_a_500_track_folder_is_listed_before_its_chip_is_placed(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    folders = init_integration.runtime_data.jukebox.folders
    await wait_until(lambda: folders.listed(BIG_FOLDER))
    # Placing the chip browses nothing: the folder could be gone by now.
    shutil.rmtree(tmp_path / "Everything")

    place(emulator, EVERYTHING)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 499)

    assert calls(queue_speaker, "play_media") == [f"{BIG_FOLDER}/1 Song.wav"]
    assert calls(queue_speaker, "enqueue") == [
        f"{BIG_FOLDER}/{number} Song.wav" for number in range(2, 501)
    ]


async def test_a_folder_chip_of_another_reader_is_listed_before_it_is_placed_here(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    living_room = MockConfigEntry(
        domain=DOMAIN,
        title="Living room",
        unique_id="simulated:living-room",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={"media_player": PLAYER},
    )
    living_room.add_to_hass(hass)
    assert await hass.config_entries.async_setup(living_room.entry_id)
    # The chip is stored on the first reader; the second lists its folder too.
    await wait_until(
        lambda: living_room.runtime_data.jukebox.folders.listed(BIG_FOLDER)
    )
    shutil.rmtree(tmp_path / "Everything")
    emulator = living_room.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator, EVERYTHING)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 499)

    assert calls(queue_speaker, "play_media") == [f"{BIG_FOLDER}/1 Song.wav"]


async def test_a_chip_with_one_file_plays_it_alone(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, MOON)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    plain_speaker.finish_track()
    await hass.async_block_till_done()

    assert player(hass).state == MediaPlayerState.IDLE
    assert calls(plain_speaker, "play_media") == [TRACKS[0]]


async def test_a_folder_paused_mid_track_two_plays_on_to_track_three(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await plain_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[1]))
    assert plain_speaker.position_now >= 42.0
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))

    assert calls(plain_speaker, "play_media") == TRACKS


async def test_a_folders_track_survives_a_restart(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await plain_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    # Home Assistant restarts; the speaker comes back idle.
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    stored = hass_storage[PROGRESS]["data"]
    assert stored[STORIES]["track"] == 1
    hass.data.pop(DATA_PROGRESS)  # read again from .storage, as after a restart
    await plain_speaker.async_media_stop()
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    emulator = init_integration.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator)
    await wait_until(lambda: calls(plain_speaker, "media_seek")[1:] != [])

    assert playing(hass, TRACKS[1])
    assert calls(plain_speaker, "media_seek")[-1] >= 42.0


async def test_a_bookmark_saved_before_folders_starts_the_folder_from_track_one(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    wait_until: WaitUntil,
) -> None:
    hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}.bookmarks"] = {
        "version": 1,
        "key": f"{DOMAIN}.{mock_config_entry.entry_id}.bookmarks",
        "data": {
            STORIES: {
                "entity_id": PLAYER,
                "media_content_id": FOLDER,
                "player_content_id": FOLDER,
                "position": 12.0,
                "saved_at": dt_util.utcnow().isoformat(),
            }
        },
    }
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator)
    await wait_until(lambda: calls(plain_speaker, "media_seek") != [])

    assert playing(hass, TRACKS[0])
    assert calls(plain_speaker, "media_seek") == [12.0]
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


@pytest.mark.parametrize("on_remove", ["stop"])
async def test_a_shuffled_folder_resumes_its_track_then_plays_the_others(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, SHUFFLED)
    await wait_until(lambda: len(calls(plain_speaker, "play_media")) == 1)
    plain_speaker.finish_track()
    await wait_until(lambda: len(calls(plain_speaker, "play_media")) == 2)
    second = calls(plain_speaker, "play_media")[1]
    await plain_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)

    place(emulator, SHUFFLED)
    await wait_until(lambda: calls(plain_speaker, "media_seek")[1:] != [])
    assert playing(hass, second)
    assert calls(plain_speaker, "media_seek")[-1] >= 42.0
    plain_speaker.finish_track()
    await wait_until(lambda: len(calls(plain_speaker, "play_media")) == 4)

    # Then the other tracks, in a new order (which ones played is not remembered).
    played = calls(plain_speaker, "play_media")
    assert set(played) <= set(TRACKS)
    assert played[0] != played[1] == played[2] != played[3]


async def test_a_speaker_stopped_mid_track_does_not_move_on(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    # A speaker that says how long its tracks are (three minutes each).
    plain_speaker._attr_media_duration = 180
    place(emulator)
    await wait_until(lambda: playing(hass, TRACKS[0]))

    # A parent stops it (or it goes idle while it loads): no track has ended.
    await plain_speaker.async_media_stop()
    await hass.async_block_till_done()
    assert player(hass).state == MediaPlayerState.IDLE
    await plain_speaker.async_media_play()
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))

    assert calls(plain_speaker, "play_media") == TRACKS[:2]
