"""Chips as data: how UIDs are written, how a chip is stored in its subentry."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from homeassistant.components.media_player import RepeatMode
from homeassistant.config_entries import ConfigSubentry

from custom_components.nfc_jukebox.chips.model import (
    ControlChip,
    TagMapping,
    is_valid_uid,
    normalise_uid,
)
from custom_components.nfc_jukebox.const import (
    ChipMode,
    ControlAction,
    OnRemove,
    Order,
)

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


@pytest.mark.parametrize(
    "chip",
    [
        TagMapping(
            uid=UID,
            name="Lullabies",
            entity_id="media_player.kids",
            media_content_id="media-source://lullabies",
            media_content_type="music",
            order=Order.SHUFFLE,
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
