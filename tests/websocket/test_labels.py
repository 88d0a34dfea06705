"""Print labels: the home remembers its last print, and which chips were added since."""

from __future__ import annotations

from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.nfc_jukebox.chips.prints import STORAGE_KEY

from .support import BEDTIME, LOUDER, LULLABY, NEW, Client


async def _ask(client: Client, command: str) -> dict[str, Any]:
    await client.send_json_auto_id({"type": command})
    answer: dict[str, Any] = await client.receive_json()
    return answer


def _add_chip(hass: HomeAssistant, entry: MockConfigEntry, uid: str) -> None:
    hass.config_entries.async_add_subentry(
        entry,
        ConfigSubentry(
            data={"uid": uid, "action": "volume_down"},  # type: ignore[arg-type]
            subentry_type="control",
            title="Quieter",
            unique_id=uid,
        ),
    )


async def test_the_chips_added_since_the_last_print_are_remembered_per_home(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    client = await hass_ws_client()
    never = await _ask(client, "nfc_jukebox/labels")
    assert never["result"]["last_print"] is None
    assert sorted(never["result"]["added"]) == sorted([LULLABY, LOUDER, BEDTIME])

    freezer.move_to("2026-12-07 19:30:00+00:00")
    printed = await _ask(client, "nfc_jukebox/labels/printed")
    assert printed["result"]["last_print"] == "2026-12-07T19:30:00+00:00"
    assert (await _ask(client, "nfc_jukebox/labels"))["result"]["added"] == []

    _add_chip(hass, init_integration, NEW)
    later = await _ask(client, "nfc_jukebox/labels")
    assert later["result"] == {
        "last_print": "2026-12-07T19:30:00+00:00",
        "added": [NEW],
    }
    stored = hass_storage[STORAGE_KEY]["data"]
    assert stored == {
        "last_print": "2026-12-07T19:30:00+00:00",
        "known": sorted([LULLABY, LOUDER, BEDTIME]),
    }


@pytest.mark.parametrize(
    "record",
    [
        {"last_print": "yesterday", "known": []},
        {"last_print": "2026-12-07T19:30:00+00:00", "known": ["not a uid"]},
        {"known": []},
    ],
    ids=["bad-date", "bad-uid", "no-date"],
)
async def test_a_broken_record_of_the_last_print_counts_as_never_printed(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_storage: dict[str, Any],
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
    record: dict[str, Any],
) -> None:
    hass_storage[STORAGE_KEY] = {"version": 1, "key": STORAGE_KEY, "data": record}
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    answer = await _ask(await hass_ws_client(), "nfc_jukebox/labels")

    assert answer["result"]["last_print"] is None
    assert len(answer["result"]["added"]) == 3
    assert "Ignored the last print of labels" in caplog.text
    assert "Traceback" not in caplog.text


async def test_removing_the_last_reader_forgets_the_prints(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
) -> None:
    assert (await _ask(await hass_ws_client(), "nfc_jukebox/labels/printed"))["success"]
    assert STORAGE_KEY in hass_storage

    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()

    assert STORAGE_KEY not in hass_storage


async def test_only_an_administrator_prints_labels(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
) -> None:
    client = await hass_ws_client(access_token=hass_read_only_access_token)
    for command in ("nfc_jukebox/labels", "nfc_jukebox/labels/printed"):
        answer = await _ask(client, command)
        assert answer["error"]["code"] == "unauthorized"
    assert STORAGE_KEY not in hass_storage
