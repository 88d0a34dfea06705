"""What a reader does in Home Assistant: events, states, Tags, and staying alive."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from homeassistant.components.tag.const import DOMAIN as TAG_DOMAIN
from homeassistant.components.tag.const import EVENT_TAG_SCANNED
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import (
    CONF_URL,
    STATE_OFF,
    STATE_ON,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import Event, HomeAssistant, State
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.nfc_jukebox import const
from custom_components.nfc_jukebox.const import CONF_CONNECTION, DOMAIN, Connection
from custom_components.nfc_jukebox.pn532 import (
    DetectionStrategy,
    Pn532,
    TagEvent,
    TagInfo,
    Target,
    WatchSettings,
    encode_message,
    read_tag,
)
from custom_components.nfc_jukebox.pn532 import watcher as watcher_module
from custom_components.nfc_jukebox.pn532.emulator import (
    Pn532Emulator,
    VirtualTag,
    ntag,
)
from custom_components.nfc_jukebox.readers import pn532 as reader_module

EVENT = "event.jukebox_chip"
PRESENT = "binary_sensor.jukebox_chip_present"
CURRENT = "sensor.jukebox_current_chip"
UID = "04A1B2C3D4E5F6"

type WaitUntil = Callable[..., Awaitable[None]]


def _chip(uid: str = UID, uri: str | None = None) -> VirtualTag:
    message = encode_message(uri=uri) if uri else None
    return ntag("ntag215", bytes.fromhex(uid), message)


def _state(hass: HomeAssistant, entity_id: str) -> State:
    state = hass.states.get(entity_id)
    assert state is not None
    return state


def _event_types(events: list[State]) -> list[str]:
    return [state.attributes["event_type"] for state in events]


@pytest.fixture
def tag_events(hass: HomeAssistant, init_integration: MockConfigEntry) -> list[State]:
    """Collect every new state of the reader's event entity (one per event)."""
    states: list[State] = []

    def changed(event: Event[Any]) -> None:
        # An event entity's state is the time of its last event: a new time is a new
        # event (coming back from "unavailable" restores the old one).
        new = event.data["new_state"]
        if (
            event.data["entity_id"] == EVENT
            and new is not None
            and new.state not in (STATE_UNAVAILABLE, STATE_UNKNOWN)
            and all(new.state != seen.state for seen in states)
        ):
            states.append(new)

    hass.bus.async_listen("state_changed", changed)
    return states


async def test_placing_a_tag_fires_tag_placed_with_its_uid_and_type(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    tag_events: list[State],
    wait_until: WaitUntil,
) -> None:
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)

    event = tag_events[0]
    assert event.attributes["event_type"] == "tag_placed"
    assert event.attributes["uid"] == UID
    assert event.attributes["tag_type"] == "ntag215"
    assert event.attributes["ndef"] == []
    assert event.attributes["mapping"] is None
    assert _state(hass, PRESENT).state == STATE_ON
    assert _state(hass, CURRENT).state == UID


async def test_lifting_the_tag_fires_tag_removed_and_clears_the_sensors(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    tag_events: list[State],
    wait_until: WaitUntil,
) -> None:
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)
    emulator.remove()
    await wait_until(lambda: len(tag_events) == 2)

    assert _event_types(tag_events) == ["tag_placed", "tag_removed"]
    assert tag_events[1].attributes["uid"] == UID
    assert _state(hass, PRESENT).state == STATE_OFF
    assert _state(hass, CURRENT).state == "none"  # shown as "No chip"


async def test_swapping_tags_removes_the_first_and_places_the_second(
    emulator: Pn532Emulator, tag_events: list[State], wait_until: WaitUntil
) -> None:
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)
    emulator.place(_chip("04112233445566"))
    await wait_until(lambda: len(tag_events) == 3)

    assert _event_types(tag_events) == ["tag_placed", "tag_removed", "tag_placed"]
    assert tag_events[2].attributes["uid"] == "04112233445566"


async def test_a_tag_with_an_ndef_uri_carries_it_in_the_event(
    emulator: Pn532Emulator, tag_events: list[State], wait_until: WaitUntil
) -> None:
    emulator.place(_chip(uri="https://example.com/song"))
    await wait_until(lambda: len(tag_events) == 1)

    assert tag_events[0].attributes["ndef"] == [
        {"type": "uri", "uri": "https://example.com/song"}
    ]


async def test_a_placed_tag_appears_in_the_tags_dashboard_with_the_reader(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    device_registry: dr.DeviceRegistry,
    wait_until: WaitUntil,
) -> None:
    scans = async_capture_events(hass, EVENT_TAG_SCANNED)
    emulator.place(_chip())
    await wait_until(lambda: len(scans) == 1)
    await hass.async_block_till_done()

    device = device_registry.async_get_device_by_identifier(
        (DOMAIN, init_integration.entry_id), init_integration.entry_id
    )
    assert device is not None
    assert scans[0].data["tag_id"] == UID
    assert scans[0].data["device_id"] == device.id
    stored = hass.data["tag"].data  # the Tags dashboard's storage collection
    assert stored[UID]["device_id"] == device.id
    assert TAG_DOMAIN in hass.config.components


async def test_a_tag_flapping_at_the_edge_of_the_field_is_placed_once(
    emulator: Pn532Emulator, tag_events: list[State], wait_until: WaitUntil
) -> None:
    # Seen on two of three activation tries: never absent long enough to be lifted.
    emulator.flap(_chip(), "110")
    await wait_until(lambda: len(tag_events) == 1)
    # Many presence checks later it has still not been lifted nor placed again.
    await asyncio.sleep(0.5)
    assert _event_types(tag_events) == ["tag_placed"]
    emulator.remove()
    await wait_until(lambda: len(tag_events) == 2)

    assert _event_types(tag_events) == ["tag_placed", "tag_removed"]


async def test_garbage_on_the_wire_fires_no_event(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    tag_events: list[State],
    wait_until: WaitUntil,
) -> None:
    for _ in range(5):
        emulator.inject_garbage(
            b"\x00\xff\x05\xfb\xd5\x4b\x01\x01\x00\x44\x00\x07\xde\xad"
        )
        emulator.inject_garbage(bytes(range(256)))
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)

    assert _event_types(tag_events) == ["tag_placed"]
    assert tag_events[0].attributes["uid"] == UID
    assert _state(hass, PRESENT).state == STATE_ON


async def test_an_unplugged_reader_goes_unavailable_and_comes_back_with_one_log_line_each(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="custom_components.nfc_jukebox")
    emulator.unplug()
    await wait_until(lambda: _state(hass, PRESENT).state == STATE_UNAVAILABLE)
    assert _state(hass, EVENT).state == STATE_UNAVAILABLE
    assert _state(hass, CURRENT).state == STATE_UNAVAILABLE

    emulator.replug()
    await wait_until(lambda: _state(hass, PRESENT).state == STATE_OFF)

    lost = [r for r in caplog.records if "Lost connection" in r.getMessage()]
    back = [r for r in caplog.records if "is back" in r.getMessage()]
    assert len(lost) == 1
    assert len(back) == 1


async def test_a_reader_unreachable_for_long_raises_a_repair_issue_cleared_on_return(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    issue_id = f"reader_unreachable_{init_integration.entry_id}"
    emulator.unplug()
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "reader_unreachable"
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["name"] == "Jukebox"

    emulator.replug()
    await wait_until(lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is None)
    assert _state(hass, PRESENT).state == STATE_OFF


async def test_a_tag_left_on_an_unplugged_reader_is_not_placed_again_on_return(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    tag_events: list[State],
    wait_until: WaitUntil,
) -> None:
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)
    emulator.unplug()
    await wait_until(lambda: _state(hass, PRESENT).state == STATE_UNAVAILABLE)
    emulator.replug()
    await wait_until(lambda: _state(hass, PRESENT).state == STATE_ON)
    emulator.remove()
    await wait_until(lambda: len(tag_events) == 2)

    assert _event_types(tag_events) == ["tag_placed", "tag_removed"]


async def test_an_unexpected_error_restarts_the_reader_instead_of_ending_it(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    tag_events: list[State],
    wait_until: WaitUntil,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A bug while reading one tag (injected: the emulator cannot produce bugs).
    failures = iter([RuntimeError("bug")])

    original = read_tag

    async def read_tag_once_broken(device: Pn532, target: Target) -> TagInfo:
        if (failure := next(failures, None)) is not None:
            raise failure
        return await original(device, target)

    monkeypatch.setattr(watcher_module, "read_tag", read_tag_once_broken)
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)

    assert "Unexpected error on NFC reader Jukebox" in caplog.text
    assert tag_events[0].attributes["uid"] == UID
    assert _state(hass, PRESENT).state == STATE_ON


async def test_a_listener_that_raises_neither_drops_the_reader_nor_deafens_the_others(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    reader = init_integration.runtime_data.reader
    heard: list[str] = []
    availability: list[bool] = []

    def broken(event: TagEvent) -> None:
        if event.kind == "placed":
            msg = "a bug in a listener"
            raise RuntimeError(msg)

    reader.async_add_tag_listener(broken)
    reader.async_add_tag_listener(lambda event: heard.append(event.kind))
    reader.async_add_availability_listener(
        lambda: availability.append(reader.available)
    )

    for _ in range(2):
        emulator.place(_chip())
        await wait_until(lambda: heard[-1:] == ["placed"])
        emulator.remove()
        await wait_until(lambda: heard[-1:] == ["removed"])

    assert heard == ["arrived", "placed", "removed"] * 2
    assert availability == []
    assert reader.available
    assert "Lost connection" not in caplog.text
    assert "Unexpected error on NFC reader" not in caplog.text
    errors = [r for r in caplog.records if "a bug in a listener" in str(r.exc_info)]
    assert len(errors) == 2
    assert "broken" in errors[0].getMessage()


def test_a_reader_back_after_any_outage_is_tried_again_within_two_seconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The real pauses, not the tests' quick ones.
    monkeypatch.setattr(reader_module, "RECONNECT_BACKOFF", const.RECONNECT_BACKOFF)
    delays = list(itertools.islice(reader_module.reconnect_delays(), 1000))

    # Back after 5 s, 30 s or 3 min: the next attempt is at most 2 s away.
    assert max(delays) <= 2.0
    # A repair notice still waits for an outage worth one (not a re-plug).
    assert sum(delays[: const.REPAIR_AFTER_FAILED_ATTEMPTS]) >= 15


async def test_new_watch_settings_apply_at_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    tag_events: list[State],
    wait_until: WaitUntil,
) -> None:
    reader = init_integration.runtime_data.reader
    await wait_until(lambda: emulator.busy)  # waiting for a tag (for seconds)
    reader.settings = WatchSettings(
        strategy=DetectionStrategy.POLL,
        poll_interval=0.01,
        presence_interval=0.01,
        lift_timeout=0.0,
        lift_misses=1,
    )
    # Polling asks with a finite number of tries: the wait was cut short.
    await wait_until(lambda: emulator.max_retries == 1)
    emulator.place(_chip())
    await wait_until(lambda: len(tag_events) == 1)

    assert reader.settings.strategy is DetectionStrategy.POLL
    assert _state(hass, PRESENT).state == STATE_ON


async def test_a_reader_built_with_settings_watches_with_them(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    settings = WatchSettings(presence_interval=0.2)
    reader = reader_module.reader_from_entry(hass, init_integration, settings=settings)

    assert isinstance(reader, reader_module.Reader)
    assert reader.settings is settings
    assert reader.description == "emulator"


async def test_a_network_reader_with_a_malformed_url_is_not_ready_and_logs_no_error(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Garage",
        data={CONF_CONNECTION: Connection.NETWORK, CONF_URL: "socket://[::1"},
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()

    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert "socket://HOST:PORT" in caplog.text
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
