"""POST /api/nfc_jukebox/recordings: an upload becomes a recording a chip plays."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.nfc_jukebox.audio.store import FOLDER
from custom_components.nfc_jukebox.chips.model import TagMapping
from custom_components.nfc_jukebox.chips.registry import find_chip_subentry
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MEDIA_PLAYER,
    DOMAIN,
    Connection,
    Order,
)
from custom_components.nfc_jukebox.http import recordings
from devtools.audio_samples import FORMAT_BY_NAME, story
from tests.conftest import KIDS_SPEAKER, MEDIA, WaitUntil
from tests.playback.support import place
from tests.speaker import Speaker

URL = "/api/nfc_jukebox/recordings"
NEW_CHIP = "04A1B2C3D4E5F6"
LULLABY = "04112233445566"
LOUDER = "04998877665544"


@pytest.fixture
def media(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Return My media: a temporary folder."""
    folder = tmp_path / "media"
    folder.mkdir()
    hass.config.media_dirs = {"local": str(folder)}
    return folder


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return a simulated reader on the kids' speaker, with a music and a control chip."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={CONF_MEDIA_PLAYER: KIDS_SPEAKER},
        subentries_data=[
            {
                "data": {"uid": LULLABY, "media": MEDIA, "playback": {"shuffle": True}},
                "subentry_type": "tag",
                "title": "Lullabies",
                "unique_id": LULLABY,
            },
            {
                "data": {"uid": LOUDER, "action": "volume_up"},
                "subentry_type": "control",
                "title": "Louder",
                "unique_id": LOUDER,
            },
        ],
    )


@pytest.fixture
async def reader(
    hass: HomeAssistant,
    media: Path,
    kids_speaker: Speaker,
    mock_config_entry: MockConfigEntry,
) -> AsyncIterator[MockConfigEntry]:
    """Set up the web server, then the reader (the endpoint needs the server)."""
    assert await async_setup_component(hass, "http", {})
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    yield mock_config_entry
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


def _form(files: list[tuple[str, bytes]], **fields: str) -> aiohttp.FormData:
    form = aiohttp.FormData(default_to_multipart=True)
    for key, value in fields.items():
        form.add_field(key, value)
    for filename, content in files:
        form.add_field("file", content, filename=filename, content_type="audio/webm")
    return form


def _story(
    tmp_path: Path, kind: str = "webm", seconds: float = 2.0
) -> tuple[str, bytes]:
    audio_format = FORMAT_BY_NAME[kind]
    path = story(
        tmp_path / f"story{audio_format.suffix}", audio_format, seconds=seconds
    )
    return path.name, path.read_bytes()


def _left_in(media: Path) -> list[str]:
    return sorted(
        p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()
    )


async def test_an_upload_becomes_an_mp3_in_my_media_at_minus_16_lufs(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    client = await hass_client()

    response = await client.post(URL, data=_form([_story(tmp_path)], name="Grandma"))

    assert response.status == 200, await response.text()
    answer = await response.json()
    assert answer["media_content_id"] == (
        f"media-source://media_source/local/{FOLDER}/Grandma.mp3"
    )
    assert answer["loudness_lufs"] == pytest.approx(-16.0, abs=0.1)
    assert 2.0 <= answer["duration"] <= 2.5
    assert _left_in(media) == [f"{FOLDER}/Grandma.mp3"]


async def test_several_files_become_a_folder_in_the_order_sent(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    client = await hass_client()
    files = [_story(tmp_path, "ogg"), _story(tmp_path, "flac"), _story(tmp_path, "m4a")]

    response = await client.post(URL, data=_form(files, name="Bedtime stories"))

    assert response.status == 200, await response.text()
    answer = await response.json()
    assert answer["media_content_id"] == (
        f"media-source://media_source/local/{FOLDER}/Bedtime stories"
    )
    assert _left_in(media) == [
        f"{FOLDER}/Bedtime stories/0{n} Bedtime stories.mp3" for n in (1, 2, 3)
    ]


async def test_a_new_chip_named_in_the_upload_plays_the_recording(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    kids_speaker: Speaker,
    tmp_path: Path,
    wait_until: WaitUntil,
) -> None:
    client = await hass_client()
    form = _form(
        [_story(tmp_path)], name="Grandma", uid=NEW_CHIP, entry_id=reader.entry_id
    )

    response = await client.post(URL, data=form)

    assert response.status == 200, await response.text()
    subentry = find_chip_subentry(hass, NEW_CHIP)
    assert subentry is not None
    assert subentry.title == "Grandma"
    assert subentry.data["media"]["media_content_id"] == (
        f"media-source://media_source/local/{FOLDER}/Grandma.mp3"
    )
    emulator = reader.runtime_data.reader.emulator
    assert emulator is not None
    place(emulator, NEW_CHIP)
    await wait_until(
        lambda: any(call == "play_media" for call, _ in kids_speaker.calls)
    )
    [played] = [value for call, value in kids_speaker.calls if call == "play_media"]
    assert f"{FOLDER}/Grandma.mp3" in str(played)


async def test_a_chip_of_the_home_keeps_its_settings_and_plays_the_recording(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    tmp_path: Path,
) -> None:
    client = await hass_client()
    form = _form(
        [_story(tmp_path)], name="Grandma", uid=LULLABY, entry_id=reader.entry_id
    )

    response = await client.post(URL, data=form)

    assert response.status == 200, await response.text()
    subentry = find_chip_subentry(hass, LULLABY)
    assert subentry is not None
    assert subentry.title == "Lullabies"
    assert TagMapping.from_subentry(subentry).order is Order.SHUFFLE
    assert subentry.data["media"]["media_content_id"].endswith(f"{FOLDER}/Grandma.mp3")


async def test_the_same_name_twice_never_overwrites_the_first(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    client = await hass_client()
    assert (await client.post(URL, data=_form([_story(tmp_path)], name="Grandma"))).ok
    first = (media / FOLDER / "Grandma.mp3").read_bytes()

    response = await client.post(
        URL, data=_form([_story(tmp_path, "wav", 3.0)], name="Grandma")
    )

    assert response.status == 400
    answer = await response.json()
    assert answer["translation_key"] == "recording_name_taken"
    assert answer["message"] == (
        "There is already a recording called Grandma; pick another name"
    )
    assert (media / FOLDER / "Grandma.mp3").read_bytes() == first
    assert _left_in(media) == [f"{FOLDER}/Grandma.mp3"]


@pytest.mark.parametrize(
    ("files", "fields", "key"),
    [
        (
            [("letter.mp3", b"Dear grandma, " * 100)],
            {"name": "A"},
            "recording_not_audio",
        ),
        ([("empty.webm", b"")], {"name": "A"}, "recording_empty"),
        ([], {"name": "A"}, "recording_no_file"),
        (None, {"name": "../../secrets"}, "recording_bad_name"),
        (None, {"name": "a/b"}, "recording_bad_name"),
        (None, {"name": ".hidden"}, "recording_bad_name"),
        (None, {"name": "  "}, "recording_name_required"),
        (None, {"name": "x" * 101}, "recording_name_too_long"),
        (None, {"name": "A", "uid": LOUDER}, "recording_not_a_music_chip"),
        (None, {"name": "A", "uid": "nonsense"}, "recording_chip_invalid_uid"),
        (
            None,
            {"name": "A", "uid": NEW_CHIP, "entry_id": "x"},
            "recording_reader_not_found",
        ),
    ],
)
async def test_bad_input_answers_400_and_leaves_nothing_behind(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
    files: list[tuple[str, bytes]] | None,
    fields: dict[str, str],
    key: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = await hass_client()
    if "uid" in fields:
        fields.setdefault("entry_id", reader.entry_id)
    chips_before = {s.subentry_id: dict(s.data) for s in reader.subentries.values()}

    response = await client.post(
        URL, data=_form([_story(tmp_path)] if files is None else files, **fields)
    )

    assert response.status == 400
    answer: dict[str, Any] = await response.json()
    assert answer["translation_key"] == key
    assert answer["message"]
    assert answer["message"] != key
    assert _left_in(media) == []
    assert {s.subentry_id: dict(s.data) for s in reader.subentries.values()} == (
        chips_before
    )
    # (the test's own file writing may make asyncio warn of a slow step)
    assert not [
        r
        for r in caplog.records
        if r.levelno >= logging.ERROR
        or (r.levelno >= logging.WARNING and r.name.startswith("custom_components"))
    ]


async def test_a_recording_too_long_is_refused(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recordings, "MAX_SECONDS", 2)
    client = await hass_client()

    response = await client.post(
        URL, data=_form([_story(tmp_path, seconds=3.0)], name="Long")
    )

    assert response.status == 400
    answer = await response.json()
    assert answer["translation_key"] == "recording_too_long"
    assert _left_in(media) == []


async def test_an_upload_too_big_is_refused(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recordings, "MAX_UPLOAD_BYTES", 1000)
    client = await hass_client()

    response = await client.post(URL, data=_form([_story(tmp_path)], name="Big"))

    assert response.status == 400
    answer = await response.json()
    assert answer["translation_key"] == "recording_too_big"
    assert _left_in(media) == []


async def test_a_body_that_is_no_form_is_refused(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, reader: MockConfigEntry
) -> None:
    client = await hass_client()

    response = await client.post(URL, json={"name": "x"})

    assert response.status == 400
    assert (await response.json())["translation_key"] == "recording_not_multipart"


async def test_without_a_login_the_answer_is_401(
    hass: HomeAssistant,
    hass_client_no_auth: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    client = await hass_client_no_auth()

    response = await client.post(URL, data=_form([_story(tmp_path)], name="Grandma"))

    assert response.status == 401
    assert _left_in(media) == []


async def test_a_user_who_is_no_administrator_gets_403(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_read_only_access_token: str,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    client = await hass_client(hass_read_only_access_token)

    response = await client.post(URL, data=_form([_story(tmp_path)], name="Grandma"))

    assert response.status == 403
    assert (await response.json())["translation_key"] == "recording_admin_only"
    assert _left_in(media) == []


async def test_deleting_a_recording_removes_its_file_and_nothing_outside_the_folder(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    ws = await hass_ws_client(hass)
    client = await hass_client()
    files = [_story(tmp_path), _story(tmp_path, "flac")]
    answer = await (await client.post(URL, data=_form(files, name="Two"))).json()
    (media / "lullaby.mp3").write_bytes(b"not ours")

    await ws.send_json_auto_id(
        {
            "type": "nfc_jukebox/recording/delete",
            "media_content_id": "media-source://media_source/local/lullaby.mp3",
        }
    )
    outside = await ws.receive_json()
    await ws.send_json_auto_id(
        {
            "type": "nfc_jukebox/recording/delete",
            "media_content_id": answer["media_content_id"],
        }
    )
    deleted = await ws.receive_json()

    assert outside["error"]["code"] == "not_found"
    assert deleted["success"]
    assert _left_in(media) == ["lullaby.mp3"]


async def test_only_an_administrator_deletes_a_recording(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    ws = await hass_ws_client(hass, hass_read_only_access_token)
    client = await hass_client()
    answer = await (
        await client.post(URL, data=_form([_story(tmp_path)], name="Mine"))
    ).json()

    await ws.send_json_auto_id(
        {
            "type": "nfc_jukebox/recording/delete",
            "media_content_id": answer["media_content_id"],
        }
    )
    refused = await ws.receive_json()

    assert refused["error"]["code"] == "unauthorized"
    assert _left_in(media) == [f"{FOLDER}/Mine.mp3"]


async def test_a_recording_is_replaced_only_when_asked(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    reader: MockConfigEntry,
    media: Path,
    tmp_path: Path,
) -> None:
    client = await hass_client()
    assert (await client.post(URL, data=_form([_story(tmp_path)], name="Grandma"))).ok
    first = (media / FOLDER / "Grandma.mp3").read_bytes()

    response = await client.post(
        URL,
        data=_form([_story(tmp_path, "wav", 3.0)], name="Grandma", replace="1"),
    )

    assert response.status == 200, await response.text()
    assert 3.0 <= (await response.json())["duration"] <= 3.5
    assert (media / FOLDER / "Grandma.mp3").read_bytes() != first
    assert _left_in(media) == [f"{FOLDER}/Grandma.mp3"]
