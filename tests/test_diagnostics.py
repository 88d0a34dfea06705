"""Diagnostics describe the reader without secrets."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from homeassistant.components.diagnostics import REDACTED
from homeassistant.const import CONF_URL
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection
from custom_components.nfc_jukebox.pn532 import encode_message
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .pn532.bridges import SocketBridge


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


async def test_diagnostics_hide_a_network_readers_address_and_chip_contents(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    socket_enabled: None,
    wait_until: Callable[..., Awaitable[None]],
) -> None:
    emulator = Pn532Emulator()
    async with SocketBridge(emulator) as bridge:
        entry = MockConfigEntry(
            domain=DOMAIN,
            title="Living room",
            unique_id="network:living_room",
            data={CONF_CONNECTION: Connection.NETWORK, CONF_URL: bridge.url},
        )
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        emulator.place(
            ntag(
                "ntag215",
                bytes.fromhex("04A1B2C3D4E5F6"),
                encode_message(uri="https://example.com/private", text="Call 555-0100"),
            )
        )
        await wait_until(
            lambda: (
                (tag := entry.runtime_data.reader.present) is not None and tag.complete
            )
        )

        diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)

        await hass.config_entries.async_unload(entry.entry_id)
    await emulator.aclose()

    assert diagnostics["entry"]["data"] == {"connection": "network", "url": REDACTED}
    assert diagnostics["reader"]["port"] == REDACTED
    assert diagnostics["reader"]["present_tag"]["uid"] == "04A1B2C3D4E5F6"
    assert diagnostics["reader"]["present_tag"]["ndef"] == [
        {"type": "uri", "uri": REDACTED},
        {"type": "text", "text": REDACTED, "language": "en"},
    ]
    dump = json.dumps(diagnostics)
    for secret in ("127.0.0.1", str(bridge.port), "example.com", "555-0100"):
        assert secret not in dump
