"""The chips of the home: the lookups, and the one way every form saves a chip."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.chips.model import ControlChip
from custom_components.nfc_jukebox.chips.registry import find_chip
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    Connection,
    ControlAction,
)

UID = "04A1B2C3D4E5F6"


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
