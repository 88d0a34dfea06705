"""Chip rules: how UIDs are written, what a valid chip is, how a chip is stored."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from homeassistant.components.media_player import RepeatMode
from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    ChipMode,
    Connection,
    ControlAction,
    OnRemove,
)
from custom_components.nfc_jukebox.mappings import (
    ControlChip,
    InvalidChip,
    TagMapping,
    as_whole_number,
    chip_from_input,
    find_chip,
    is_valid_uid,
    normalise_uid,
)

from .conftest import MEDIA

UID = "04A1B2C3D4E5F6"


@pytest.mark.parametrize(
    "typed",
    [
        "04a1b2c3d4e5f6",
        "04:A1:B2:C3:D4:E5:F6",
        "04-a1-b2-c3-d4-e5-f6",
        "04 A1\tB2\nC3D4E5F6",
    ],
)
def test_a_typed_uid_is_written_as_the_reader_reports_it(typed: str) -> None:
    assert normalise_uid(typed) == UID
    assert is_valid_uid(normalise_uid(typed))


@pytest.mark.parametrize(
    "uid", ["", "04A1B2", "04A1B2C3D4E5F", "ZZA1B2C3", "\uff10\uff14A1B2C3"]
)
def test_a_uid_is_4_7_or_10_bytes_of_ascii_hex(uid: str) -> None:
    assert not is_valid_uid(normalise_uid(uid))


@pytest.mark.parametrize(("value", "whole"), [(15, 15), (15.0, 15), ("240", 240)])
def test_whole_numbers_are_taken(value: float | str, whole: int) -> None:
    assert as_whole_number(value) == whole


@pytest.mark.parametrize("value", [2.5, 1200.5, float("nan"), float("inf"), "x"])
def test_other_numbers_are_refused(value: float | str) -> None:
    with pytest.raises(ValueError, match=r"."):
        as_whole_number(value)


@pytest.mark.parametrize(
    "chip",
    [
        TagMapping(
            uid=UID,
            name="Lullabies",
            entity_id="media_player.kids",
            media_content_id="media-source://lullabies",
            media_content_type="music",
            shuffle=True,
            repeat=RepeatMode.ALL,
            volume=30,
            on_remove=OnRemove.STOP,
            mode=ChipMode.AUDIOBOOK,
        ),
        TagMapping(
            uid=UID,
            name="Lullabies",
            entity_id="media_player.kids",
            media_content_id="media-source://lullabies",
            media_content_type="music",
        ),
        ControlChip(
            uid=UID, name="Bedtime", action=ControlAction.SLEEP_TIMER, minutes=5
        ),
        ControlChip(uid=UID, name="Louder", action=ControlAction.VOLUME_UP),
    ],
)
def test_a_chip_reads_back_from_the_subentry_it_is_stored_in(
    chip: TagMapping | ControlChip,
) -> None:
    stored = chip.to_subentry_data()
    subentry = ConfigSubentry(
        data=MappingProxyType(dict(stored["data"])),
        subentry_type=stored["subentry_type"],
        title=stored["title"],
        unique_id=stored["unique_id"],
    )

    assert type(chip).from_subentry(subentry) == chip
    assert stored["unique_id"] == UID


def test_the_when_lifted_choice_keeps_its_stored_values() -> None:
    inherit = TagMapping(
        uid=UID,
        name="A",
        entity_id="media_player.kids",
        media_content_id="a",
        media_content_type="music",
    )
    stop = TagMapping(
        uid=UID,
        name="A",
        entity_id="media_player.kids",
        media_content_id="a",
        media_content_type="music",
        on_remove=OnRemove.STOP,
    )

    assert inherit.to_subentry_data()["data"]["playback"]["on_remove"] == "inherit"
    assert stop.to_subentry_data()["data"]["playback"]["on_remove"] == "stop"


@pytest.mark.parametrize(
    ("playback", "mode"),
    [
        ({"resume": False}, ChipMode.START_OVER),
        ({"resume": True}, ChipMode.MUSIC),
        ({}, ChipMode.MUSIC),
        ({"mode": "audiobook", "resume": False}, ChipMode.AUDIOBOOK),
    ],
)
def test_a_chip_saved_before_modes_reads_its_resume_choice_as_a_mode(
    playback: dict[str, object], mode: ChipMode
) -> None:
    subentry = ConfigSubentry(
        data=MappingProxyType(
            {
                "uid": UID,
                "media": {
                    "entity_id": "media_player.kids",
                    "media_content_id": "a",
                    "media_content_type": "music",
                },
                "playback": playback,
            }
        ),
        subentry_type="tag",
        title="A",
        unique_id=UID,
    )

    chip = TagMapping.from_subentry(subentry)

    assert chip.mode is mode
    stored = chip.to_subentry_data()["data"]["playback"]
    assert stored["mode"] == mode.value
    assert "resume" not in stored


async def test_a_chip_stored_with_a_pasted_uid_is_still_found(
    hass: HomeAssistant,
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            {
                "data": {"uid": "04A1B2C3D4E5F6\n", "action": "next"},
                "subentry_type": "control",
                "title": "Skip",
                "unique_id": "04A1B2C3D4E5F6\n",
            }
        ],
    )
    entry.add_to_hass(hass)

    chip = find_chip(hass, UID)

    assert chip == ControlChip(uid=UID, name="Skip", action=ControlAction.NEXT)


async def test_a_valid_music_chip_keeps_what_the_media_browser_showed(
    hass: HomeAssistant, kids_speaker: object
) -> None:
    media = {**MEDIA, "metadata": {"title": "Lullaby", "thumbnail": None}}

    chip = chip_from_input(
        hass,
        "tag",
        {"uid": "04:a1:b2:c3:d4:e5:f6", "name": " Lullabies ", "media": media},
    )

    assert isinstance(chip, TagMapping)
    assert (chip.uid, chip.name, chip.entity_id) == (
        UID,
        "Lullabies",
        "media_player.kids",
    )
    assert chip.to_subentry_data()["data"]["media"] == media


async def test_every_field_error_is_reported_at_once(hass: HomeAssistant) -> None:
    with pytest.raises(InvalidChip) as caught:
        chip_from_input(
            hass,
            "tag",
            {"uid": "nope", "name": "", "media": {**MEDIA, "entity_id": "light.x"}},
        )

    assert caught.value.errors == {
        "uid": "invalid_uid",
        "name": "name_required",
        "media": "not_a_speaker",
    }
