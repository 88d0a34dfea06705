"""Diagnostics describe the reader without secrets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.nfc_jukebox.pn532 import encode_message
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag


async def test_diagnostics_show_connection_firmware_and_the_present_tag(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: Callable[..., Awaitable[None]],
    snapshot: SnapshotAssertion,
) -> None:
    emulator.place(
        ntag(
            "ntag215",
            bytes.fromhex("04A1B2C3D4E5F6"),
            encode_message(uri="https://example.com"),
        )
    )
    reader = init_integration.runtime_data.reader
    await wait_until(lambda: reader.present is not None and reader.present.complete)

    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )

    assert diagnostics == snapshot
