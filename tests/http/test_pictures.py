"""A chip's own picture: uploaded, checked, turned upright, scaled, served and deleted."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from PIL import Image
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.nfc_jukebox.chips.pictures import DATA_PICTURES, PICTURE_SIZE
from custom_components.nfc_jukebox.http.pictures import MAX_PICTURE_BYTES

from .conftest import LOUDER, LULLABY

pytestmark = pytest.mark.usefixtures("speaker")

#: the EXIF orientation of a phone held upright: the pixels lie on their side
ROTATED_90 = 6


def photo(width: int, height: int, *, orientation: int | None = None) -> bytes:
    """Return a JPEG as a phone takes it: red on the left half, blue on the right."""
    image = Image.new("RGB", (width, height), "blue")
    image.paste("red", (0, 0, width // 2, height))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """Return a tiny PNG that claims ``width`` by ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def folder(hass: HomeAssistant) -> Path:
    """Return where the chips' pictures are stored."""
    return hass.data[DATA_PICTURES].folder


async def upload(
    hass_client: ClientSessionGenerator,
    body: bytes,
    uid: str = LULLABY,
    token: str | None = None,
) -> tuple[int, dict[str, Any]]:
    """Send a picture as the card does (a form's ``file``); return the status and answer."""
    client = await hass_client(token) if token else await hass_client()
    response = await client.post(
        f"/api/nfc_jukebox/chips/{uid}/picture", data={"file": body}
    )
    return response.status, await response.json()


async def test_a_phone_photo_is_stored_upright_and_scaled(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    status, answer = await upload(
        hass_client, photo(2000, 1000, orientation=ROTATED_90)
    )

    assert status == 200
    assert answer["picture"].startswith(f"/api/nfc_jukebox/pictures/{LULLABY}.jpg?v=")
    # an <img> sends no token: the signed path is enough
    anyone = await hass_client_no_auth()
    served = await anyone.get(answer["picture"])
    assert served.status == 200
    with Image.open(io.BytesIO(await served.read())) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (PICTURE_SIZE // 2, PICTURE_SIZE)  # upright, scaled
        # turned a quarter clockwise: the red left half is now on top
        red, _, blue = stored.convert("RGB").getpixel((stored.width // 2, 10))  # type: ignore[misc]
        assert red > 200 > blue
    assert [p.name for p in folder(hass).iterdir()] == [f"{LULLABY}.jpg"]


async def test_a_path_not_signed_serves_no_picture(
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    _, answer = await upload(hass_client, photo(100, 100))
    anyone = await hass_client_no_auth()
    forged = answer["picture"].rsplit("sig=", 1)[0] + "sig=" + "0" * 32
    assert (await anyone.get(forged)).status == 404
    unsigned = f"/api/nfc_jukebox/pictures/{LULLABY}.jpg"
    assert (await anyone.get(unsigned)).status == 404


async def test_a_new_picture_replaces_the_old_one_and_its_path(
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    _, first = await upload(hass_client, photo(100, 100))
    _, second = await upload(hass_client, photo(300, 300))
    assert first["picture"] != second["picture"]
    anyone = await hass_client_no_auth()
    assert (await anyone.get(first["picture"])).status == 404
    assert (await anyone.get(second["picture"])).status == 200


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (b"Once upon a time", "picture_not_an_image"),
        (photo(100, 100)[:200], "picture_not_an_image"),  # cut off
        (png_header_only(12_000, 12_000), "picture_too_many_pixels"),  # Pillow warns
        (png_header_only(40_000, 40_000), "picture_too_many_pixels"),  # Pillow refuses
        (b"", "picture_no_file"),
    ],
    ids=["text", "cut-off", "bomb", "huge-bomb", "empty"],
)
async def test_what_is_not_a_picture_is_refused_and_leaves_nothing(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
    body: bytes,
    key: str,
) -> None:
    status, answer = await upload(hass_client, body)

    assert status == 400
    assert answer["translation_key"] == key
    assert answer["message"]
    assert list(folder(hass).iterdir()) == []
    assert "Traceback" not in caplog.text
    assert "DecompressionBomb" not in caplog.text


async def test_a_picture_too_large_is_refused_and_leaves_nothing(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    status, answer = await upload(hass_client, b"\xff" * (MAX_PICTURE_BYTES + 1))

    assert status == 400
    assert answer["translation_key"] == "picture_too_big"
    assert list(folder(hass).iterdir()) == []


async def test_only_an_administrator_gives_a_chip_a_picture(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    hass_read_only_access_token: str,
    init_integration: MockConfigEntry,
) -> None:
    status, answer = await upload(
        hass_client, photo(100, 100), token=hass_read_only_access_token
    )
    assert status == 403
    assert answer["translation_key"] == "picture_forbidden"
    anyone = await hass_client_no_auth()
    response = await anyone.post(
        f"/api/nfc_jukebox/chips/{LULLABY}/picture", data={"file": photo(10, 10)}
    )
    assert response.status == 401
    assert list(folder(hass).iterdir()) == []


async def test_a_picture_needs_a_chip(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    status, answer = await upload(hass_client, photo(100, 100), uid="04DEADBEEF0001")
    assert status == 404
    assert answer["translation_key"] == "picture_chip_not_found"
    assert list(folder(hass).iterdir()) == []


async def _chips(hass_ws_client: WebSocketGenerator) -> dict[str, dict[str, Any]]:
    """Return the chips the card is sent, by UID."""
    client = await hass_ws_client()
    await client.send_json_auto_id({"type": "nfc_jukebox/subscribe"})
    assert (await client.receive_json())["success"]
    event = (await client.receive_json())["event"]
    (chips,) = event["chips"].values()
    return {chip["uid"]: chip for chip in chips["changed"]}


async def test_the_card_shows_a_chips_picture_else_its_musics_artwork(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
) -> None:
    subentry = next(
        s for s in init_integration.subentries.values() if s.unique_id == LULLABY
    )
    media = {**subentry.data["media"], "metadata": {"thumbnail": "/cover.jpg"}}
    hass.config_entries.async_update_subentry(
        init_integration, subentry, data={**subentry.data, "media": media}
    )
    chips = await _chips(hass_ws_client)
    assert chips[LULLABY]["picture"] == "/cover.jpg"
    assert chips[LULLABY]["own_picture"] is False
    assert chips[LOUDER]["picture"] is None

    _, answer = await upload(hass_client, photo(100, 100))
    chips = await _chips(hass_ws_client)
    assert chips[LULLABY]["picture"] == answer["picture"]
    assert chips[LULLABY]["own_picture"] is True

    client = await hass_client()
    response = await client.delete(f"/api/nfc_jukebox/chips/{LULLABY}/picture")
    assert response.status == 200
    chips = await _chips(hass_ws_client)
    assert chips[LULLABY]["picture"] == "/cover.jpg"
    assert list(folder(hass).iterdir()) == []


async def test_deleting_a_chip_deletes_its_picture(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    await upload(hass_client, photo(100, 100))
    await upload(hass_client, photo(100, 100), uid=LOUDER)
    subentry = next(
        s for s in init_integration.subentries.values() if s.unique_id == LULLABY
    )

    hass.config_entries.async_remove_subentry(init_integration, subentry.subentry_id)
    await hass.async_block_till_done()

    assert [p.name for p in folder(hass).iterdir()] == [f"{LOUDER}.jpg"]


async def test_removing_a_reader_keeps_the_pictures_of_the_chips_it_hands_on(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    other = MockConfigEntry(
        domain="nfc_jukebox",
        version=2,
        minor_version=2,
        title="Kitchen",
        unique_id="simulated:kitchen",
        data={"connection": "simulated"},
    )
    other.add_to_hass(hass)
    await hass.config_entries.async_setup(other.entry_id)
    await upload(hass_client, photo(100, 100))

    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert [p.name for p in folder(hass).iterdir()] == [f"{LULLABY}.jpg"]

    await hass.config_entries.async_remove(other.entry_id)
    await hass.async_block_till_done()
    assert list(folder(hass).iterdir()) == []
