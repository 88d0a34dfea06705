"""What a valid chip is: the input of a form, checked as every way to save a chip does."""

from __future__ import annotations

import pytest
from homeassistant.core import HomeAssistant

from custom_components.nfc_jukebox.chips.model import InvalidChip, TagMapping
from custom_components.nfc_jukebox.chips.validation import (
    as_whole_number,
    chip_from_input,
)
from tests.conftest import MEDIA

UID = "04A1B2C3D4E5F6"


@pytest.mark.parametrize(("value", "whole"), [(15, 15), (15.0, 15), ("240", 240)])
def test_whole_numbers_are_taken(value: float | str, whole: int) -> None:
    assert as_whole_number(value) == whole


@pytest.mark.parametrize("value", [2.5, 1200.5, float("nan"), float("inf"), "x"])
def test_other_numbers_are_refused(value: float | str) -> None:
    with pytest.raises(ValueError, match=r"."):
        as_whole_number(value)


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
