"""Album chips: an album of a speaker's own library plays track after track.

Only an audiobook's does (its place is kept per track); any other chip lets the
speaker play the album as it plays albums.
"""

from __future__ import annotations

import pytest
from homeassistant.components.media_player import BrowseError
from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant, State
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection
from custom_components.nfc_jukebox.folders import FolderListings
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.conftest import start_chip_flow
from tests.speaker import ALBUM, ALBUM_TRACKS, Speaker
from tests.test_folders import (
    PLAYER,
    WaitUntil,
    add_speaker,
    calls,
    place,
    player,
    playing,
)

from .test_queue import NEXT, PREVIOUS, control, press, put_on

ALBUM_CHIP = "04A1A1A1A1A1A1"
AUDIOBOOK = "04B2B2B2B2B2B2"
SONG = "04C3C3C3C3C3C3"
MUSIC_ALBUM = "04D4D4D4D4D4D4"
PROGRESS = "sensor.jukebox_progress"
#: the album's tracks in its own order: "Song 10" before "Song 2"
TRACKS = list(ALBUM_TRACKS)


def chip(
    uid: str, title: str, music: str, music_type: str, mode: str = "audiobook"
) -> ConfigSubentryData:
    """Return the subentry of a chip whose music was picked with the speaker."""
    return ConfigSubentryData(
        data={
            "uid": uid,
            "media": {
                "entity_id": PLAYER,
                "media_content_id": music,
                "media_content_type": music_type,
            },
            "playback": {"mode": mode},
        },
        subentry_type="tag",
        title=title,
        unique_id=uid,
    )


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader with chips of the speaker's library."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            chip(ALBUM_CHIP, "Album", ALBUM, "album"),
            chip(AUDIOBOOK, "Audiobook", ALBUM, "album"),
            chip(SONG, "Song", TRACKS[1], "track"),
            chip(MUSIC_ALBUM, "Music album", ALBUM, "album", "music"),
            control(NEXT, "Next", "next"),
            control(PREVIOUS, "Back", "previous"),
        ],
    )


@pytest.fixture
async def queue_speaker(hass: HomeAssistant) -> Speaker:
    """Return a speaker with a library and a queue of its own."""
    return await add_speaker(hass, Speaker("Kids").with_queue().with_library())


@pytest.fixture
async def plain_speaker(hass: HomeAssistant) -> Speaker:
    """Return a speaker with a library that plays one thing and then stops."""
    return await add_speaker(hass, Speaker("Kids").with_library())


@pytest.fixture
async def speaker(hass: HomeAssistant, request: pytest.FixtureRequest) -> Speaker:
    """Return a speaker with a library, with a queue of its own or without."""
    kids = Speaker("Kids")
    if request.param == "with a queue":
        kids.with_queue()
    return await add_speaker(hass, kids.with_library())


def progress(hass: HomeAssistant) -> State:
    """Return the reader's Progress sensor."""
    state = hass.states.get(PROGRESS)
    assert state is not None
    return state


def folders(entry: MockConfigEntry) -> FolderListings:
    """Return the home's listings of folders and albums."""
    listings: FolderListings = entry.runtime_data.jukebox.folders
    return listings


async def test_an_album_chip_plays_track_one_then_queues_the_rest_in_album_order(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await wait_until(lambda: folders(init_integration).listed(ALBUM))

    place(emulator, ALBUM_CHIP)
    await wait_until(lambda: len(calls(queue_speaker, "enqueue")) == 2)

    assert calls(queue_speaker, "play_media") == [TRACKS[0]]
    assert calls(queue_speaker, "enqueue") == TRACKS[1:]
    queue_speaker.finish_track()
    await wait_until(lambda: progress(hass).state == "2/3")
    assert playing(hass, TRACKS[1])
    assert progress(hass).attributes["title"] == "Song 10"


async def test_an_album_chip_plays_the_next_track_itself_on_a_speaker_without_a_queue(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await wait_until(lambda: folders(init_integration).listed(ALBUM))

    place(emulator, ALBUM_CHIP)
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


@pytest.mark.parametrize("reload", [False, True], ids=["put back", "after a reload"])
async def test_an_audiobook_album_lifted_mid_track_two_resumes_track_two_at_the_position(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    reload: bool,  # noqa: FBT001 - a test parameter
) -> None:
    await wait_until(lambda: folders(init_integration).listed(ALBUM))
    place(emulator, AUDIOBOOK)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await plain_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)
    if reload:
        # The reader's entry reloads; the speaker meanwhile went idle.
        assert await hass.config_entries.async_reload(init_integration.entry_id)
        await plain_speaker.async_media_stop()
        await hass.async_block_till_done()
        reader_emulator = init_integration.runtime_data.reader.emulator
        assert reader_emulator is not None
        emulator = reader_emulator

    place(emulator, AUDIOBOOK)
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await hass.async_block_till_done()

    assert plain_speaker.position_now >= 42.0
    assert progress(hass).state == "2/3"
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))


@pytest.mark.parametrize("failure", ["library down", "speaker away"])
async def test_an_album_not_listed_yet_plays_as_the_speaker_plays_it_and_is_listed_for_next_time(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
    failure: str,
) -> None:
    # The speaker cannot list the album when the reader starts.
    if failure == "library down":
        plain_speaker.library_error = BrowseError("Music Assistant is starting")
    else:
        plain_speaker._attr_available = False
        plain_speaker.async_write_ha_state()
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert not folders(mock_config_entry).listed(ALBUM)
    plain_speaker.library_error = None
    plain_speaker._attr_available = True
    plain_speaker.async_write_ha_state()
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    # Placed before it is listed, the speaker plays the album as a whole...
    place(emulator, AUDIOBOOK)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    assert calls(plain_speaker, "play_media") == [ALBUM]
    # ...and it is listed meanwhile, for next time.
    await wait_until(lambda: folders(mock_config_entry).listed(ALBUM))
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[1]))
    await plain_speaker.async_media_seek(42.0)
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)
    await plain_speaker.async_play_media("music", "http://radio.local/stream")

    # Next time it goes on at the track it stopped in, then plays the rest itself.
    place(emulator, AUDIOBOOK)
    await wait_until(lambda: calls(plain_speaker, "media_seek")[1:] != [])
    assert playing(hass, TRACKS[1])
    assert calls(plain_speaker, "media_seek")[-1] >= 42.0
    plain_speaker.finish_track()
    await wait_until(lambda: playing(hass, TRACKS[2]))
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


@pytest.mark.parametrize("speaker", ["with a queue", "without"], indirect=True)
async def test_next_and_previous_chips_move_through_the_album_in_its_order(
    hass: HomeAssistant,
    speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await wait_until(lambda: folders(init_integration).listed(ALBUM))
    queued = (
        2 if speaker.supported_features & MediaPlayerEntityFeature.MEDIA_ENQUEUE else 0
    )
    place(emulator, ALBUM_CHIP)
    await wait_until(lambda: len(calls(speaker, "enqueue")) == queued)
    await wait_until(lambda: playing(hass, TRACKS[0]))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.PAUSED)

    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[1])
    await press(hass, emulator, wait_until, NEXT)
    assert playing(hass, TRACKS[2])
    await press(hass, emulator, wait_until, PREVIOUS)
    assert playing(hass, TRACKS[1])
    assert progress(hass).state == "2/3"

    # Put back, the album's chip goes on at the track the control chips chose.
    await put_on(hass, emulator, wait_until, ALBUM_CHIP)
    assert playing(hass, TRACKS[1])
    assert progress(hass).state == "2/3"


async def test_an_album_chip_is_listed_when_it_is_saved(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    plain_speaker.library_error = BrowseError("Music Assistant is starting")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    plain_speaker.library_error = None

    form = await start_chip_flow(hass, mock_config_entry, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": "04 11 22 33 44 55 66",
            "name": "Another album chip",
            "media": {
                "entity_id": PLAYER,
                "media_content_id": ALBUM,
                "media_content_type": "album",
            },
            "playback": {"mode": "audiobook"},
        },
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    listings = folders(mock_config_entry)
    await wait_until(lambda: listings.listed(ALBUM))
    tracks = await listings.async_tracks(ALBUM) or ()
    assert [track.title for track in tracks] == ["Intro", "Song 10", "Song 2"]
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_speaker_that_cannot_browse_plays_the_album_as_it_always_did(
    hass: HomeAssistant, wait_until: WaitUntil, mock_config_entry: MockConfigEntry
) -> None:
    speaker = await add_speaker(hass, Speaker("Kids").with_queue())
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    emulator = mock_config_entry.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator, ALBUM_CHIP)
    await wait_until(lambda: playing(hass, ALBUM))
    await hass.async_block_till_done()

    assert calls(speaker, "play_media") == [ALBUM]
    assert calls(speaker, "enqueue") == []
    assert calls(speaker, "browse_media") == []
    assert progress(hass).state == "none"
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_a_track_of_the_speakers_library_is_not_expanded(
    hass: HomeAssistant,
    plain_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await wait_until(lambda: folders(init_integration).listed(TRACKS[1]))

    place(emulator, SONG)
    await wait_until(lambda: playing(hass, TRACKS[1]))
    plain_speaker.finish_track()
    await hass.async_block_till_done()

    assert player(hass).state == MediaPlayerState.IDLE
    assert calls(plain_speaker, "play_media") == [TRACKS[1]]
    assert progress(hass).state == "none"


async def test_a_music_chips_album_plays_as_the_speaker_plays_albums(
    hass: HomeAssistant,
    queue_speaker: Speaker,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    # Listed for the audiobook chips of the same album; this chip does not use it.
    await wait_until(lambda: folders(init_integration).listed(ALBUM))

    place(emulator, MUSIC_ALBUM)
    await wait_until(lambda: calls(queue_speaker, "play_media") == [ALBUM])
    await hass.async_block_till_done()

    # The speaker plays the album, from its first track, in its own queue.
    assert playing(hass, TRACKS[0])
    assert calls(queue_speaker, "enqueue") == []
    assert progress(hass).state == "none"
