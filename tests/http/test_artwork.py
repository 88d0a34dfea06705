"""A chip's picture without one of its own: its music's artwork, an album's or a recording's cover."""

from __future__ import annotations

import asyncio
import io
import struct
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from homeassistant.core import HomeAssistant
from PIL import Image
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.nfc_jukebox.chips.artwork import DATA_ARTWORK
from custom_components.nfc_jukebox.chips.pictures import PICTURE_SIZE

from .conftest import LULLABY
from .test_pictures import upload

pytestmark = pytest.mark.usefixtures("speaker")

LOCAL = "media-source://media_source/local"


def picture(
    colour: str, size: tuple[int, int] = (300, 300), kind: str = "JPEG"
) -> bytes:
    """Return a picture of one colour."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def mp3(cover: bytes | None = None) -> bytes:
    """Return half a second of silence as an MP3, with ``cover`` as its ID3 picture."""
    out = io.BytesIO()
    with av.open(out, "w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=44100, layout="mono")
        frame = av.AudioFrame.from_ndarray(
            np.zeros((1, 22050), dtype=np.int16), format="s16", layout="mono"
        )
        frame.sample_rate = 44100
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    if cover is None:
        return out.getvalue()
    body = b"\x00image/jpeg\x00\x03\x00" + cover  # APIC: the front cover
    frame_bytes = b"APIC" + struct.pack(">I", len(body)) + b"\x00\x00" + body
    size = len(frame_bytes)
    syncsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    return b"ID3\x03\x00\x00" + syncsafe + frame_bytes + out.getvalue()


@pytest.fixture
def media(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Return My media, an empty folder."""
    folder = tmp_path / "media"
    folder.mkdir()
    hass.config.media_dirs = {"local": str(folder)}
    return folder


def play(
    hass: HomeAssistant, entry: MockConfigEntry, media_content_id: str, **metadata: str
) -> None:
    """Let the chip Lullabies play ``media_content_id``."""
    subentry = next(s for s in entry.subentries.values() if s.unique_id == LULLABY)
    music = {
        **subentry.data["media"],
        "media_content_id": media_content_id,
        "metadata": metadata,
    }
    hass.config_entries.async_update_subentry(
        entry, subentry, data={**subentry.data, "media": music}
    )


async def lullabies_picture(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> str | None:
    """Return the picture an open card shows for Lullabies, once any cover was looked for."""
    client = await hass_ws_client()
    await client.send_json_auto_id({"type": "nfc_jukebox/subscribe"})
    assert (await client.receive_json())["success"]
    (chips,) = (await client.receive_json())["event"]["chips"].values()
    first: dict[str, Any] = next(c for c in chips["changed"] if c["uid"] == LULLABY)
    # the event that would prove "no cover" wrong: the lookups are done
    await asyncio.gather(*hass.data[DATA_ARTWORK].pending)
    if first["picture"] is not None:
        return str(first["picture"])
    # a cover found is pushed to the open card
    await client.send_json_auto_id({"type": "ping"})
    while (message := await client.receive_json())["type"] != "pong":
        (pushed,) = message["event"]["chips"].values()
        for chip in pushed["changed"]:
            if chip["uid"] == LULLABY:
                return str(chip["picture"])
    return None


async def served_colour(
    hass_client_no_auth: ClientSessionGenerator, path: str
) -> tuple[tuple[int, int], tuple[int, int, int]]:
    """Return the size and the middle colour of the picture served under ``path``."""
    anyone = await hass_client_no_auth()
    response = await anyone.get(path)
    assert response.status == 200
    with Image.open(io.BytesIO(await response.read())) as served:
        assert served.format == "JPEG"
        rgb = served.convert("RGB")
        colour = rgb.getpixel((served.width // 2, served.height // 2))
        assert isinstance(colour, tuple)
        return served.size, (colour[0], colour[1], colour[2])


def is_colour(rgb: tuple[int, int, int], channel: int) -> bool:
    """Return whether ``rgb`` is mostly its ``channel`` (0 red, 1 green, 2 blue)."""
    return rgb[channel] > 200 and all(v < 60 for i, v in enumerate(rgb) if i != channel)


async def test_a_local_albums_cover_is_the_chips_picture(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    media: Path,
) -> None:
    album = media / "Audiobooks" / "The Gruffalo"
    album.mkdir(parents=True)
    (album / "01 The mouse.mp3").write_bytes(mp3())
    (album / "Folder.JPG").write_bytes(picture("lime", (1200, 1200)))
    play(hass, init_integration, f"{LOCAL}/Audiobooks/The Gruffalo")

    path = await lullabies_picture(hass, hass_ws_client)

    assert path is not None
    assert path.startswith("/api/nfc_jukebox/pictures/artwork/")
    size, colour = await served_colour(hass_client_no_auth, path)
    assert size == (PICTURE_SIZE, PICTURE_SIZE)
    assert is_colour(colour, 1)


async def test_the_cover_inside_a_track_is_its_picture(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    media: Path,
) -> None:
    (media / "Songs").mkdir()
    (media / "Songs" / "Brahms.mp3").write_bytes(mp3(picture("red", (800, 600))))
    play(hass, init_integration, f"{LOCAL}/Songs/Brahms.mp3")

    path = await lullabies_picture(hass, hass_ws_client)

    assert path is not None
    size, colour = await served_colour(hass_client_no_auth, path)
    assert size == (PICTURE_SIZE, PICTURE_SIZE * 600 // 800)
    assert is_colour(colour, 0)


async def test_a_recordings_cover_beside_it_comes_before_the_folders(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    media: Path,
) -> None:
    recordings = media / "NFC Jukebox"
    recordings.mkdir()
    (recordings / "Grandma.mp3").write_bytes(mp3(picture("red")))
    (recordings / "Grandma.png").write_bytes(picture("blue", kind="PNG"))
    (recordings / "cover.jpg").write_bytes(picture("lime"))
    play(hass, init_integration, f"{LOCAL}/NFC Jukebox/Grandma.mp3")

    path = await lullabies_picture(hass, hass_ws_client)

    assert path is not None
    _, colour = await served_colour(hass_client_no_auth, path)
    assert is_colour(colour, 2)


async def test_the_media_browsers_thumbnail_and_an_own_picture_come_first(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    media: Path,
) -> None:
    (media / "Story.mp3").write_bytes(mp3(picture("red")))
    play(hass, init_integration, f"{LOCAL}/Story.mp3", thumbnail="/thumb.jpg")
    assert await lullabies_picture(hass, hass_ws_client) == "/thumb.jpg"

    _, answer = await upload(hass_client, picture("blue"))
    assert await lullabies_picture(hass, hass_ws_client) == answer["picture"]
    # the thumbnail was enough: no cover was looked for
    assert hass.data[DATA_ARTWORK].store.uids() == set()


@pytest.mark.parametrize(
    "media_content_id",
    [
        f"{LOCAL}/Plain.mp3",  # no cover anywhere
        f"{LOCAL}/missing.mp3",
        f"{LOCAL}/../outside/Secret.mp3",  # not in the media folder
        "media-source://media_source/elsewhere/Secret.mp3",  # no such media folder
        "library://album/12",  # a speaker's own library
    ],
    ids=["no-cover", "missing", "outside", "unknown-source", "not-local"],
)
async def test_music_without_a_cover_shows_no_picture(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    media: Path,
    media_content_id: str,
) -> None:
    (media / "Plain.mp3").write_bytes(mp3())
    outside = media.parent / "outside"
    outside.mkdir()
    (outside / "Secret.mp3").write_bytes(mp3(picture("red")))
    play(hass, init_integration, media_content_id)

    assert await lullabies_picture(hass, hass_ws_client) is None
    assert hass.data[DATA_ARTWORK].store.uids() == set()


async def test_a_cover_no_chip_plays_any_more_is_deleted(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    media: Path,
) -> None:
    (media / "Story.mp3").write_bytes(mp3(picture("red")))
    play(hass, init_integration, f"{LOCAL}/Story.mp3")
    assert await lullabies_picture(hass, hass_ws_client) is not None
    store = hass.data[DATA_ARTWORK].store
    assert len(list(store.folder.iterdir())) == 1

    play(hass, init_integration, "library://album/12")
    await hass.async_block_till_done()

    assert store.uids() == set()
    assert list(store.folder.iterdir()) == []
