"""The chips of the home: the lookups, and the one way every form saves a chip."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from homeassistant.components.tag import TAG_DATA
from homeassistant.config_entries import SOURCE_INTEGRATION_DISCOVERY
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.nfc_jukebox import discovery_flow
from custom_components.nfc_jukebox.chips.model import ControlChip
from custom_components.nfc_jukebox.chips.registry import (
    async_delete_chip,
    async_save_chip,
    find_chip,
    find_subentry,
)
from custom_components.nfc_jukebox.chips.validation import UID_TAKEN
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    DOMAIN,
    Connection,
    ControlAction,
)
from tests.conftest import MEDIA, start_chip_flow

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


async def test_a_saved_chip_is_found_and_a_deleted_one_is_gone(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    chip = ControlChip(uid=UID, name="Skip", action=ControlAction.NEXT)

    subentry = await async_save_chip(hass, init_integration, chip)

    assert find_chip(hass, UID) == chip
    assert find_subentry(hass, subentry.subentry_id) == (init_integration, subentry)
    assert hass.data[TAG_DATA].data[UID]["name"] == "Skip"
    assert async_delete_chip(hass, subentry.subentry_id)
    assert find_chip(hass, UID) is None
    assert not async_delete_chip(hass, subentry.subentry_id)


@pytest.fixture
async def taken(hass: HomeAssistant, init_integration: MockConfigEntry) -> str:
    """Give another reader of the home the chip UID; return that chip's name."""
    other = MockConfigEntry(
        domain=DOMAIN,
        title="Other",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        subentries_data=[
            {
                "data": {"uid": UID, "action": "next"},
                "subentry_type": "control",
                "title": "Skip",
                "unique_id": UID,
            }
        ],
    )
    other.add_to_hass(hass)
    return "Skip"


@pytest.mark.usefixtures("kids_speaker")
async def test_a_uid_another_reader_holds_is_refused_with_one_key_everywhere(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    taken: str,
    hass_ws_client: WebSocketGenerator,
    hass_client: ClientSessionGenerator,
) -> None:
    assert await async_setup_component(hass, "config", {})
    form = await start_chip_flow(hass, init_integration, "tag")
    flow = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Again", "media": MEDIA}
    )
    assert flow["errors"] == {"uid": UID_TAKEN}
    assert flow["description_placeholders"] == {"chip": taken}

    ws = await hass_ws_client(hass)
    await ws.send_json_auto_id(
        {
            "type": f"{DOMAIN}/chip/save",
            "entry_id": init_integration.entry_id,
            "uid": UID,
            "name": "Again",
            "media": MEDIA,
        }
    )
    answer = await ws.receive_json()
    assert answer["result"] == {
        "errors": {"uid": UID_TAKEN},
        "placeholders": {"chip": taken},
    }

    # The offer of a new chip ends when its chip got a meaning meanwhile; had that
    # happened between its check and its save, the one check refuses it too.
    with patch.object(discovery_flow, "find_chip_subentry", return_value=None):
        offer = await hass.config_entries.flow.async_init(
            DOMAIN,
            context={
                "source": SOURCE_INTEGRATION_DISCOVERY,
                "entry_id": init_integration.entry_id,
            },
            data={"uid": UID},
        )
        client = await hass_client()
        response = await client.post(
            f"/api/config/config_entries/flow/{offer['flow_id']}",
            json={"name": "Again", "media": MEDIA},
        )
    fix = await response.json()
    assert fix["errors"] == {"base": UID_TAKEN}
    assert fix["description_placeholders"]["chip"] == taken
    assert not init_integration.subentries
