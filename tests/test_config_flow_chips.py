"""Adding and editing a reader's chips in the UI: the subentry flows, scan-to-learn."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any
from unittest.mock import patch

import probatio
import pytest
from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.chips.model import TagMapping
from custom_components.nfc_jukebox.folders import Folder
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .conftest import MEDIA, WaitUntil, start_chip_flow
from .feeds import FeedServer
from .speaker import Speaker

pytestmark = pytest.mark.usefixtures("kids_speaker")

UID = "04A1B2C3D4E5F6"


FOLDER_ID = "media-source://media_source/local/Stories"


def _suggested(result: dict[str, Any], field: str) -> object:
    for key in result["data_schema"].schema:
        if str(key) == field:
            return (key.description or {}).get("suggested_value")
    raise KeyError(field)


async def test_a_music_chip_needs_only_uid_name_and_media(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {"uid": "04:a1:b2:c3:d4:e5:f6", "name": "Lullabies", "media": MEDIA},
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.title == "Lullabies"
    assert subentry.unique_id == UID
    assert subentry.data["uid"] == UID
    assert subentry.data["media"] == MEDIA


async def test_a_taken_uid_is_an_error_on_the_uid_that_names_the_chip_and_keeps_the_input(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullaby", "media": MEDIA}
    )

    for kind, extra in (("tag", {"media": MEDIA}), ("control", {"action": "next"})):
        form = await start_chip_flow(hass, init_integration, kind)
        typed = {"uid": UID, "name": f"Chip {kind}", **extra}
        result = dict(
            await hass.config_entries.subentries.async_configure(form["flow_id"], typed)
        )

        assert result["type"] is FlowResultType.FORM
        assert result["errors"] == {"uid": "uid_taken_by_chip"}
        assert result["description_placeholders"] == {"chip": "Lullaby"}
        assert _suggested(result, "name") == f"Chip {kind}"
    assert [s.title for s in init_integration.subentries.values()] == ["Lullaby"]


async def test_a_uid_that_is_not_hex_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": "hello", "name": "x", "media": MEDIA}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"uid": "invalid_uid"}


async def test_the_last_unknown_chip_placed_prefills_the_uid(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: init_integration.runtime_data.jukebox.last_unknown_uid == UID
    )

    result = await start_chip_flow(hass, init_integration, "tag")

    assert _suggested(result, "uid") == UID


async def test_a_new_chip_given_music_meanwhile_is_not_prefilled(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: init_integration.runtime_data.jukebox.last_unknown_uid == UID
    )
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullaby", "media": MEDIA}
    )

    result = await start_chip_flow(hass, init_integration, "tag")

    assert _suggested(result, "uid") is None


def _section_field(result: dict[str, Any], field: str) -> probatio.Optional:
    for key, value in result["data_schema"].schema.items():
        if str(key) == "playback":
            for inner in value.schema.schema:
                if str(inner) == field:
                    assert isinstance(inner, probatio.Optional)
                    return inner
    raise KeyError(field)


async def test_editing_a_chip_shows_its_stored_playback_settings(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )
    subentry = next(iter(init_integration.subentries.values()))

    result = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )

    shown = {
        field: (_section_field(result, field).description or {}).get("suggested_value")
        for field in ("order", "repeat", "on_remove", "mode", "bedtime", "volume")
    }
    assert shown == {
        "order": "in_order",
        "repeat": "off",
        "on_remove": "inherit",
        "mode": "music",
        "bedtime": False,
        "volume": None,
    }


async def test_the_playback_section_has_no_default_that_hides_its_fields_defaults(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await start_chip_flow(hass, init_integration, "tag")

    # What the frontend receives: a section with a default shows it, not the
    # defaults of its fields (Repeat blank).
    fields: list[dict[str, Any]] = probatio.to_field_list(  # type: ignore[assignment]
        result["data_schema"], custom_serializer=cv.custom_serializer
    )
    playback = next(field for field in fields if field["name"] == "playback")
    assert "default" not in playback
    repeat = next(field for field in playback["schema"] if field["name"] == "repeat")
    assert repeat["default"] == "off"


async def test_repeat_offers_off_then_one_then_all(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await start_chip_flow(hass, init_integration, "tag")

    playback = next(
        v for k, v in result["data_schema"].schema.items() if str(k) == "playback"
    )
    repeat = next(v for k, v in playback.schema.schema.items() if str(k) == "repeat")
    assert repeat.config["options"] == ["off", "one", "all"]


async def test_reconfigure_edits_a_mapping(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )
    subentry = next(iter(init_integration.subentries.values()))

    result = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )
    assert _suggested(result, "name") == "Lullabies"
    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"],
            {
                "uid": UID,
                "name": "Bedtime",
                "media": MEDIA,
                "playback": {"order": "shuffle", "repeat": "one", "mode": "audiobook"},
            },
        )
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    edited = init_integration.subentries[subentry.subentry_id]
    assert edited.title == "Bedtime"
    assert edited.data["playback"] == {
        "order": "shuffle",
        "repeat": "one",
        "mode": "audiobook",
        "on_remove": "inherit",
        "bedtime": False,
    }


async def test_reconfigure_refuses_a_uid_of_another_chip(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    for uid, name in ((UID, "A"), ("04112233445566", "B")):
        result = await start_chip_flow(hass, init_integration, "tag")
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], {"uid": uid, "name": name, "media": MEDIA}
        )
    second = next(s for s in init_integration.subentries.values() if s.title == "B")

    result = dict(
        await init_integration.start_subentry_reconfigure_flow(hass, second.subentry_id)
    )
    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], {"uid": UID, "name": "B", "media": MEDIA}
        )
    )

    assert result["errors"] == {"uid": "uid_taken_by_chip"}


@pytest.mark.parametrize(
    ("user_input", "data"),
    [
        ({"action": "volume_up"}, {"action": "volume_up"}),
        (
            {"action": "sleep_timer", "minutes": 15},
            {"action": "sleep_timer", "minutes": 15},
        ),
    ],
)
async def test_control_chips_are_added_with_their_action(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    user_input: dict[str, Any],
    data: dict[str, Any],
) -> None:
    form = await start_chip_flow(hass, init_integration, "control")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Chip", **user_input}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.subentry_type == "control"
    assert subentry.data == {"uid": UID, **data}


async def test_reconfigure_refuses_a_uid_that_is_not_hex(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "control")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Louder", "action": "volume_up"}
    )
    subentry = next(iter(init_integration.subentries.values()))

    form = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": "04-ZZ", "name": "Louder", "action": "volume_up"}
    )

    assert result["errors"] == {"uid": "invalid_uid"}


async def _add_music_chip(
    hass: HomeAssistant, entry: MockConfigEntry, user_input: dict[str, Any]
) -> dict[str, Any]:
    form = await start_chip_flow(hass, entry, "tag")
    return dict(
        await hass.config_entries.subentries.async_configure(
            form["flow_id"], user_input
        )
    )


@pytest.mark.parametrize(
    "typed", ["04A1B2C3D4E5F8\n", "04\tA1B2C3D4E5F8", " 04A1B2C3D4E5F8"]
)
async def test_a_chip_whose_uid_was_pasted_with_white_space_plays(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    kids_speaker: Speaker,
    wait_until: WaitUntil,
    typed: str,
) -> None:
    result = await _add_music_chip(
        hass, init_integration, {"uid": typed, "name": "Lullabies", "media": MEDIA}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY

    emulator.place(ntag("ntag215", bytes.fromhex("04A1B2C3D4E5F8")))

    await wait_until(
        lambda: ("play_media", MEDIA["media_content_id"]) in kids_speaker.calls
    )
    subentry = next(iter(init_integration.subentries.values()))
    assert (subentry.unique_id, subentry.data["uid"]) == ("04A1B2C3D4E5F8",) * 2


async def test_editing_a_chip_with_a_pasted_uid_keeps_it_playing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    kids_speaker: Speaker,
    wait_until: WaitUntil,
) -> None:
    await _add_music_chip(
        hass, init_integration, {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )
    subentry = next(iter(init_integration.subentries.values()))
    form = await init_integration.start_subentry_reconfigure_flow(
        hass, subentry.subentry_id
    )
    await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {"uid": "04\tA1B2C3D4E5F6\n", "name": "Lullabies", "media": MEDIA},
    )

    assert init_integration.subentries[subentry.subentry_id].data["uid"] == UID
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: ("play_media", MEDIA["media_content_id"]) in kids_speaker.calls
    )


@pytest.mark.parametrize(
    ("media", "error"),
    [
        ({**MEDIA, "entity_id": "light.ceiling_lights"}, "not_a_speaker"),
        ({**MEDIA, "entity_id": "media_player.nowhere"}, "not_a_speaker"),
        ({**MEDIA, "media_content_id": ""}, "no_music"),
        ({**MEDIA, "media_content_id": "  "}, "no_music"),
    ],
)
async def test_a_music_chip_needs_a_speaker_and_music(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    media: dict[str, str],
    error: str,
) -> None:
    hass.states.async_set("light.ceiling_lights", "on")
    result = await _add_music_chip(
        hass, init_integration, {"uid": UID, "name": "Lullabies", "media": media}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"media": error}
    assert not init_integration.subentries


async def test_editing_a_music_chip_cannot_take_its_music_away(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _add_music_chip(
        hass, init_integration, {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )
    subentry = next(iter(init_integration.subentries.values()))
    form = await init_integration.start_subentry_reconfigure_flow(
        hass, subentry.subentry_id
    )
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {"uid": UID, "name": "Lullabies", "media": {**MEDIA, "media_content_id": ""}},
    )

    assert result["errors"] == {"media": "no_music"}
    assert init_integration.subentries[subentry.subentry_id].data["media"] == MEDIA


@pytest.mark.parametrize(
    ("name", "error"),
    [("", "name_required"), ("   ", "name_required"), ("x" * 10_000, "name_too_long")],
)
async def test_a_chip_name_must_be_there_and_short(
    hass: HomeAssistant, init_integration: MockConfigEntry, name: str, error: str
) -> None:
    for kind, extra in (("tag", {"media": MEDIA}), ("control", {"action": "next"})):
        form = await start_chip_flow(hass, init_integration, kind)
        result = await hass.config_entries.subentries.async_configure(
            form["flow_id"], {"uid": UID, "name": name, **extra}
        )

        assert result["errors"] == {"name": error}


async def test_a_chip_name_is_saved_without_surrounding_spaces(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    await _add_music_chip(
        hass, init_integration, {"uid": UID, "name": " Lullabies\n", "media": MEDIA}
    )

    assert next(iter(init_integration.subentries.values())).title == "Lullabies"


async def test_a_sleep_timer_takes_whole_minutes(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "control")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {"uid": UID, "name": "Bedtime", "action": "sleep_timer", "minutes": 2.5},
    )

    assert result["errors"] == {"minutes": "not_whole_number"}


def _tag_name(hass: HomeAssistant, uid: str) -> str | None:
    """Return the name Settings → Tags shows for a chip."""
    registry = er.async_get(hass)
    entity_id = registry.async_get_entity_id("tag", "tag", uid)
    entry = registry.async_get(entity_id) if entity_id else None
    return entry.name if entry else None


async def test_a_saved_chip_is_listed_by_its_name_in_settings_tags(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullaby", "media": MEDIA}
    )

    assert _tag_name(hass, UID) == "Lullaby"


async def test_a_placed_chip_is_listed_by_its_name_in_settings_tags(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    chip = TagMapping(
        uid=UID,
        name="Lullaby",
        entity_id=MEDIA["entity_id"],
        media_content_id=MEDIA["media_content_id"],
        media_content_type=MEDIA["media_content_type"],
    ).to_subentry_data()
    # A chip saved before chips were named in Settings → Tags.
    hass.config_entries.async_add_subentry(
        init_integration,
        ConfigSubentry(
            data=MappingProxyType(dict(chip["data"])),
            subentry_type=chip["subentry_type"],
            title=chip["title"],
            unique_id=chip["unique_id"],
        ),
    )
    await hass.async_block_till_done()

    emulator.place(ntag("ntag215", bytes.fromhex(UID)))

    await wait_until(lambda: _tag_name(hass, UID) == "Lullaby")


async def test_a_new_music_chip_browses_with_the_readers_speaker(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    hass.config_entries.async_update_entry(
        init_integration, options={"media_player": MEDIA["entity_id"]}
    )
    await hass.async_block_till_done()

    form = await start_chip_flow(hass, init_integration, "tag")

    assert _suggested(form, "browse_speaker") == MEDIA["entity_id"]
    assert _suggested(form, "media") is None


async def test_the_music_picker_browses_with_the_speaker_field_and_has_no_picker_of_its_own(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")

    fields = probatio.to_field_list(
        form["data_schema"], custom_serializer=cv.custom_serializer
    )
    assert isinstance(fields, list)

    names = [field["name"] for field in fields]
    music = next(field for field in fields if field["name"] == "media")
    assert names.index("browse_speaker") == names.index("media") - 1
    assert music["context"] == {"filter_entity": "browse_speaker"}


async def test_music_picked_with_the_speaker_field_is_stored_with_that_speaker(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    picked = {
        "media_content_id": MEDIA["media_content_id"],
        "media_content_type": MEDIA["media_content_type"],
        "metadata": {"title": "Lullaby", "browse_entity_id": MEDIA["entity_id"]},
    }
    form = await start_chip_flow(hass, init_integration, "tag")

    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": UID,
            "name": "Lullabies",
            "browse_speaker": MEDIA["entity_id"],
            "media": picked,
        },
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.data["media"] == {
        "entity_id": MEDIA["entity_id"],
        "media_content_id": MEDIA["media_content_id"],
        "media_content_type": MEDIA["media_content_type"],
        "metadata": {"title": "Lullaby"},
    }


async def test_a_browse_speaker_that_is_gone_is_an_error_on_that_field(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    music = {k: v for k, v in MEDIA.items() if k != "entity_id"}
    form = await start_chip_flow(hass, init_integration, "tag")

    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": UID,
            "name": "Lullabies",
            "browse_speaker": "media_player.gone",
            "media": music,
        },
    )

    assert result["errors"] == {"browse_speaker": "not_a_speaker"}
    assert not init_integration.subentries


async def test_editing_a_music_chip_shows_its_speaker_in_the_speaker_field(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )
    subentry = next(iter(init_integration.subentries.values()))

    result = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )

    assert _suggested(result, "browse_speaker") == MEDIA["entity_id"]
    assert _suggested(result, "media") == {
        "media_content_id": MEDIA["media_content_id"],
        "media_content_type": MEDIA["media_content_type"],
    }


async def test_editing_a_folder_chip_shows_play_a_whole_folder_on(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    folder = {
        "entity_id": MEDIA["entity_id"],
        "media_content_id": FOLDER_ID,
        "media_content_type": "directory",
        "metadata": {"title": "Stories", "media_class": "directory"},
    }
    for uid, media in ((UID, folder), ("04112233445566", MEDIA)):
        form = await start_chip_flow(hass, init_integration, "tag")
        await hass.config_entries.subentries.async_configure(
            form["flow_id"], {"uid": uid, "name": uid, "media": media}
        )
    shown = {}
    for subentry in init_integration.subentries.values():
        result = await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
        shown[subentry.unique_id] = _suggested(dict(result), "pick_folder")

    assert shown == {UID: True, "04112233445566": False}


async def test_a_renamed_control_chip_is_listed_by_its_new_name_in_settings_tags(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "control")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Skip", "action": "next"}
    )
    subentry = next(iter(init_integration.subentries.values()))
    result = await init_integration.start_subentry_reconfigure_flow(
        hass, subentry.subentry_id
    )
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"uid": UID, "name": "Next song", "action": "next"}
    )

    assert _tag_name(hass, UID) == "Next song"


async def test_the_folder_step_shows_a_chip_name_as_written_not_as_markdown(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    with patch(
        "custom_components.nfc_jukebox.subentry_flows.async_folders_to_pick",
        return_value=[
            Folder(
                media_content_id=FOLDER_ID,
                media_content_type="directory",
                title="Stories",
            )
        ],
    ):
        result = await hass.config_entries.subentries.async_configure(
            form["flow_id"],
            {
                "uid": UID,
                "name": "**Kids** [room](https://example.com)",
                "media": MEDIA,
                "pick_folder": True,
            },
        )

    assert result["step_id"] == "folder"
    assert result["description_placeholders"] == {
        "chip": r"\*\*Kids\*\* \[room\]\(https://example\.com\)"
    }


async def test_a_chip_given_its_music_in_settings_while_on_the_reader_plays_it(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    kids_speaker: Speaker,
    wait_until: WaitUntil,
) -> None:
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": MEDIA["entity_id"],
            "media_content_id": "media-source://radio",
            "media_content_type": "music",
        },
        blocking=True,
    )
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    jukebox = init_integration.runtime_data.jukebox
    await wait_until(lambda: jukebox.last_unknown_uid == UID)

    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )

    await wait_until(lambda: kids_speaker.media_content_id == MEDIA["media_content_id"])
    await hass.async_block_till_done()
    assert kids_speaker.state == "playing"
    played = [value for name, value in kids_speaker.calls if name == "play_media"]
    assert played == ["media-source://radio", MEDIA["media_content_id"]]


async def test_a_podcast_feed_typed_in_the_chip_form_makes_a_podcast_chip_that_keeps(
    hass: HomeAssistant, init_integration: MockConfigEntry, feeds: FeedServer
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": UID,
            "name": "Stories",
            "media": {**MEDIA, "media_content_id": "", "media_content_type": ""},
            "feed": feeds.url("kids.xml"),
            "playback": {"episodes": "first", "keep_episodes": 3, "keep_mb": 200},
        },
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    subentry = next(iter(init_integration.subentries.values()))
    chip = TagMapping.from_subentry(subentry)
    assert chip.is_podcast
    assert chip.media_content_id == feeds.url("kids.xml")
    assert chip.episodes == "first"
    assert (chip.keep_episodes, chip.keep_mb) == (3, 200)


async def test_a_podcast_chip_edited_shows_its_feed_where_it_was_typed(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": UID,
            "name": "Radio",
            "stream": "http://radio.example.com/live.mp3",
            "play_on": MEDIA["entity_id"],
        },
    )
    subentry = next(iter(init_integration.subentries.values()))

    result = await init_integration.start_subentry_reconfigure_flow(
        hass, subentry.subentry_id
    )

    assert _suggested(dict(result), "stream") == "http://radio.example.com/live.mp3"
    assert _suggested(dict(result), "browse_speaker") == MEDIA["entity_id"]
    assert _suggested(dict(result), "media") == {
        "media_content_id": "",
        "media_content_type": "",
    }


async def test_a_feed_and_a_stream_together_are_refused_and_nothing_is_saved(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {
            "uid": UID,
            "name": "Both",
            "media": MEDIA,
            "feed": "https://example.com/feed.xml",
            "stream": "https://example.com/live.mp3",
        },
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"stream": "feed_or_stream"}
    assert not init_integration.subentries
