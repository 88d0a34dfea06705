"""Picking a folder for a music chip in its Settings form: "Play a whole folder"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from . import test_folders
from .conftest import start_chip_flow
from .test_folders import FOLDER, MORE, PLAYER, TRACKS, write_wav

UID = "04A1B2C3D4E5F6"
GRUFFALO = "media-source://media_source/local/Audiobooks/Gruffalo"

# The folders' fixtures: My media with its folders, a speaker.
media = test_folders.media
plain_speaker = test_folders.plain_speaker


@pytest.fixture
def audiobook(media: None, tmp_path: Path) -> None:
    """Add an audiobook two levels down: Audiobooks / Gruffalo."""
    book = tmp_path / "Audiobooks" / "Gruffalo"
    book.mkdir(parents=True)
    write_wav(book / "1 Into the wood.wav")


def chip(content_id: str, **more: Any) -> dict[str, Any]:
    """Return a music chip form's input, its music ``content_id``."""
    return {
        "uid": UID,
        "name": "Stories",
        "media": {
            "entity_id": PLAYER,
            "media_content_id": content_id,
            "media_content_type": "audio/x-wav",
        },
        **more,
    }


def folder_choices(result: dict[str, Any]) -> dict[str, str]:
    """Return the folder step's choices: folder → what the parent reads."""
    field = next(iter(result["data_schema"].schema.values()))
    return {option["value"]: option["label"] for option in field.config["options"]}


@pytest.mark.usefixtures("audiobook", "plain_speaker")
async def test_a_music_chip_plays_a_whole_folder_picked_in_a_second_step(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    # The parent picked one story in the media browser, and asks for its folder.
    result: dict[str, Any] = dict(
        await hass.config_entries.subentries.async_configure(
            form["flow_id"], chip(TRACKS[1], pick_folder=True)
        )
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "folder"
    assert result["description_placeholders"] == {"chip": "Stories"}
    assert folder_choices(result) == {
        f"{GRUFFALO.rpartition('/')[0]}/Gruffalo": "Audiobooks / Gruffalo",
        FOLDER: "Bedtime stories",
        "media-source://media_source/local/Everything": "Everything",
        MORE: "More stories",
    }
    # The picked story's folder is chosen already.
    field = next(iter(result["data_schema"].schema))
    assert field.default() == FOLDER

    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], {"folder": GRUFFALO}
        )
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["media"] == {
        "entity_id": PLAYER,
        "media_content_id": GRUFFALO,
        "media_content_type": "directory",
        "metadata": {"title": "Audiobooks / Gruffalo", "media_class": "directory"},
    }
    assert "pick_folder" not in result["data"]


@pytest.mark.usefixtures("plain_speaker")
async def test_editing_a_chip_can_pick_another_folder(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], chip(TRACKS[0])
    )
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.data["media"]["media_content_id"] == TRACKS[0]

    result: dict[str, Any] = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )
    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], chip(TRACKS[0], pick_folder=True)
        )
    )
    assert result["step_id"] == "folder"
    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], {"folder": MORE}
        )
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    edited = init_integration.subentries[subentry.subentry_id]
    assert edited.data["media"]["media_content_id"] == MORE
    assert edited.data["media"]["entity_id"] == PLAYER


@pytest.mark.usefixtures("plain_speaker")
async def test_without_a_folder_of_music_the_form_says_where_to_put_one(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    hass.config.media_dirs["local"] = str(empty)  # the source holds this dict
    form = await start_chip_flow(hass, init_integration, "tag")

    result: dict[str, Any] = dict(
        await hass.config_entries.subentries.async_configure(
            form["flow_id"], chip(TRACKS[0], pick_folder=True)
        )
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {"pick_folder": "no_folders"}
    assert init_integration.subentries == {}


@pytest.mark.usefixtures("plain_speaker")
async def test_with_several_media_folders_each_folder_says_where_it_is(
    hass: HomeAssistant, init_integration: MockConfigEntry, tmp_path: Path
) -> None:
    recordings = tmp_path / "recordings"
    (recordings / "Grandma reads").mkdir(parents=True)
    write_wav(recordings / "Grandma reads" / "1 Hello.wav")
    hass.config.media_dirs["recordings"] = str(recordings)  # the source holds this dict
    form = await start_chip_flow(hass, init_integration, "tag")

    result: dict[str, Any] = dict(
        await hass.config_entries.subentries.async_configure(
            form["flow_id"], chip(TRACKS[0], pick_folder=True)
        )
    )

    choices = folder_choices(result)
    media = tmp_path.name
    assert choices[FOLDER] == f"{media} / Bedtime stories"
    assert (
        choices["media-source://media_source/recordings/Grandma reads"]
        == "recordings / Grandma reads"
    )
