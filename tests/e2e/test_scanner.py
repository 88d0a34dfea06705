"""A phone with the Home Assistant app is a reader, next to a simulated PN532: one chip.

The phone registers through the app's real HTTP API and scans with its webhook, as the
app does; Home Assistant's mobile_app integration turns that into a tag scan by the
phone's device.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_socket

from devtools.hass_client import DOMAIN, HomeAssistantApi
from devtools.hass_process import HomeAssistant

from .conftest import LIVING_ROOM_CHIP

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(150),  # the first test also waits for Home Assistant to start
]

type State = dict[str, Any]

PHONE = "Kids tablet"
#: the phone's reader: named after the phone, as the flow names it
SCANNER_PRESENT = "binary_sensor.kids_tablet_chip_present"
SCANNER_EVENT = "event.kids_tablet_chip"
#: the session's simulated PN532 reader
PN532_PRESENT = "binary_sensor.jukebox_chip_present"
PLAYER = LIVING_ROOM_CHIP.entity_id


@dataclass(frozen=True, kw_only=True)
class Phone:
    """A phone with the Home Assistant app, and the reader that follows it."""

    api: HomeAssistantApi
    webhook_id: str
    device_id: str
    entry_id: str
    app_entry_id: str

    def scan(self, tag_id: str) -> None:
        """Hold a chip written with ``tag_id`` to the phone, as the app reports it."""
        self.api.post(
            f"/api/webhook/{self.webhook_id}",
            {"type": "scan_tag", "data": {"tag_id": tag_id}},
        )


def register_phone(api: HomeAssistantApi) -> tuple[str, str, str]:
    """Register the app as a phone does; return its webhook, device and entry ids."""
    registration = api.post(
        "/api/mobile_app/registrations",
        {
            "app_id": "io.homeassistant.companion.android",
            "app_name": "Home Assistant",
            "app_version": "2026.11.1",
            "device_id": "e2e-kids-tablet",
            "device_name": PHONE,
            "manufacturer": "Google",
            "model": "Pixel Tablet",
            "os_name": "Android",
            "os_version": "16",
            "supports_encryption": False,
        },
    )
    [devices] = api.websocket({"type": "config/device_registry/list"})
    [device] = [
        device
        for device in devices
        if ["mobile_app", "e2e-kids-tablet"] in device["identifiers"]
    ]
    app_entry: str = device["config_entry_id"]
    return registration["webhook_id"], device["id"], app_entry


def add_scanner_reader(api: HomeAssistantApi, device_id: str) -> str:
    """Add the phone as a reader through the flow; return the reader's entry id."""
    flows = "/api/config/config_entries/flow"
    result = api.post(flows, {"handler": DOMAIN})
    assert result["type"] == "menu"
    assert "scanner" in result["menu_options"]
    result = api.post(f"{flows}/{result['flow_id']}", {"next_step_id": "scanner"})
    assert (result["type"], result["step_id"]) == ("form", "scanner"), result
    [device_field] = [
        field for field in result["data_schema"] if field["name"] == "device_id"
    ]
    offered = {
        item["integration"] for item in device_field["selector"]["device"]["filter"]
    }
    assert "mobile_app" in offered
    assert DOMAIN not in offered  # our own readers scan for us, they are no scanners
    result = api.post(
        f"{flows}/{result['flow_id']}", {"device_id": device_id, "media_player": PLAYER}
    )
    assert result["type"] == "create_entry", result
    assert result["title"] == PHONE
    entry_id: str = result["result"]["entry_id"]
    return entry_id


@pytest.fixture(scope="module")
def phone(home_assistant: HomeAssistant) -> Iterator[Phone]:
    """Return the phone and its reader; the session's living-room chip is the home's."""
    # Set up before a test's `socket_enabled`; still only 127.0.0.1 is allowed.
    pytest_socket.enable_socket()
    api = home_assistant.api
    webhook_id, device_id, app_entry_id = register_phone(api)
    entry_id = add_scanner_reader(api, device_id)
    api.wait_for_state(SCANNER_PRESENT, lambda state: state["state"] == "off", "off")
    yield Phone(
        api=api,
        webhook_id=webhook_id,
        device_id=device_id,
        entry_id=entry_id,
        app_entry_id=app_entry_id,
    )
    # Leave the session's Home Assistant with its one reader, as the other tests expect.
    pytest_socket.enable_socket()
    api.request("DELETE", f"/api/config/config_entries/entry/{entry_id}")
    api.request("DELETE", f"/api/config/config_entries/entry/{app_entry_id}")


@pytest.fixture(autouse=True)
def speaker_off(home_assistant: HomeAssistant) -> None:
    """Switch the living-room speaker off: a chip switches it on.

    (The demo speaker ignores new media while paused, as a real one would not.)
    """
    api = home_assistant.api
    api.call("media_player", "turn_off", {"entity_id": PLAYER})
    api.wait_for_state(PLAYER, lambda state: state["state"] == "off", "off")


@pytest.fixture
def pn532(home_assistant: HomeAssistant) -> Iterator[str]:
    """Return the simulated reader's entry id; no chip is left on it after the test."""
    api = home_assistant.api
    yield home_assistant.entry_id
    api.call(DOMAIN, "simulate_remove", {"config_entry_id": home_assistant.entry_id})
    api.wait_for_state(PN532_PRESENT, lambda state: state["state"] == "off", "off")


def playing_the_chip(state: State) -> bool:
    """Return whether the living-room speaker plays the chip's video."""
    content: str | None = state["attributes"].get("media_content_id")
    return state["state"] == "playing" and content == LIVING_ROOM_CHIP.media_content_id


def test_a_chip_scanned_with_the_app_plays_pauses_when_scanned_again_and_resumes(
    phone: Phone,
) -> None:
    api = phone.api

    phone.scan(LIVING_ROOM_CHIP.uid)
    playing = api.wait_for_state(PLAYER, playing_the_chip, "playing the chip's video")
    placed = api.wait_for_state(
        SCANNER_EVENT,
        lambda state: state["attributes"].get("event_type") == "tag_placed",
        "a tag_placed event",
    )
    assert placed["attributes"]["uid"] == LIVING_ROOM_CHIP.uid
    assert placed["attributes"]["mapping"] == LIVING_ROOM_CHIP.name
    assert placed["attributes"]["tag_type"] == "unknown"
    assert api.state(SCANNER_PRESENT)["state"] == "on"
    assert api.state(PN532_PRESENT)["state"] == "off"

    phone.scan(LIVING_ROOM_CHIP.uid)
    paused = api.wait_for_state(
        PLAYER, lambda state: state["state"] == "paused", "paused"
    )
    assert api.state(SCANNER_PRESENT)["state"] == "off"
    paused_at = paused["attributes"]["media_position"]
    assert paused_at >= playing["attributes"]["media_position"]

    phone.scan(LIVING_ROOM_CHIP.uid)
    resumed = api.wait_for_state(PLAYER, playing_the_chip, "playing the chip again")
    assert resumed["attributes"]["media_position"] >= paused_at

    phone.scan(LIVING_ROOM_CHIP.uid)  # leave it paused and lifted
    api.wait_for_state(SCANNER_PRESENT, lambda state: state["state"] == "off", "off")


def test_the_same_chip_plays_on_the_simulated_reader_which_the_phone_ignores(
    phone: Phone, pn532: str
) -> None:
    """The PN532 reports its chips as tag scans of its own device: not the phone's."""
    api = phone.api

    api.call(
        DOMAIN,
        "simulate_place",
        {"config_entry_id": pn532, "uid": LIVING_ROOM_CHIP.uid},
    )
    api.wait_for_state(PLAYER, playing_the_chip, "playing the chip's video")
    assert api.state(PN532_PRESENT)["state"] == "on"
    assert api.state(SCANNER_PRESENT)["state"] == "off"

    api.call(DOMAIN, "simulate_remove", {"config_entry_id": pn532})
    api.wait_for_state(PLAYER, lambda state: state["state"] == "paused", "paused")

    phone.scan(LIVING_ROOM_CHIP.uid)
    api.wait_for_state(PLAYER, playing_the_chip, "playing the chip from the phone")
    assert api.state(SCANNER_PRESENT)["state"] == "on"
    phone.scan(LIVING_ROOM_CHIP.uid)
    api.wait_for_state(PLAYER, lambda state: state["state"] == "paused", "paused")
