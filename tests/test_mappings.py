"""Mapping chips in the UI: subentry flows, scan-to-learn, the new-tag notice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import PhoneTag, Pn532Emulator, ntag

type WaitUntil = Callable[..., Awaitable[None]]

UID = "04A1B2C3D4E5F6"
MEDIA = {
    "entity_id": "media_player.kids",
    "media_content_id": "media-source://media_source/local/lullaby.mp3",
    "media_content_type": "audio/mpeg",
}


async def _start(
    hass: HomeAssistant, entry: MockConfigEntry, kind: str
) -> dict[str, Any]:
    result = await hass.config_entries.subentries.async_init(
        (entry.entry_id, kind), context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    return dict(result)


def _suggested(result: dict[str, Any], field: str) -> object:
    for key in result["data_schema"].schema:
        if str(key) == field:
            return (key.description or {}).get("suggested_value")
    raise KeyError(field)


async def test_a_music_tag_needs_only_uid_name_and_media(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await _start(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"],
        {"uid": "04:a1:b2:c3:d4:e5:f6", "name": "Lullabies", "media": MEDIA},
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.title == "Lullabies"
    assert subentry.unique_id == UID
    assert subentry.data["uid"] == UID
    assert subentry.data["media"] == MEDIA


async def test_the_same_uid_cannot_be_mapped_twice_on_a_reader(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    for kind, extra in (("tag", {"media": MEDIA}), ("control", {"action": "next"})):
        result = await _start(hass, init_integration, kind)
        result = dict(
            await hass.config_entries.subentries.async_configure(
                result["flow_id"], {"uid": UID, "name": f"Chip {kind}", **extra}
            )
        )
        if kind == "tag":
            assert result["type"] is FlowResultType.CREATE_ENTRY
        else:
            assert result["type"] is FlowResultType.ABORT
            assert result["reason"] == "already_configured"
    assert len(init_integration.subentries) == 1


async def test_a_uid_that_is_not_hex_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await _start(hass, init_integration, "tag")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": "hello", "name": "x", "media": MEDIA}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"uid": "invalid_uid"}


async def test_the_last_unknown_tag_placed_prefills_the_uid(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: init_integration.runtime_data.jukebox.last_unknown_uid == UID
    )

    result = await _start(hass, init_integration, "tag")

    assert _suggested(result, "uid") == UID


async def test_reconfigure_edits_a_mapping(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    result = await _start(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )
    subentry = next(iter(init_integration.subentries.values()))

    result = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )
    assert _suggested(result, "name") == "Lullabies"
    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"],
            {
                "uid": UID,
                "name": "Bedtime",
                "media": MEDIA,
                "playback": {"shuffle": True, "repeat": "one", "resume": False},
            },
        )
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    edited = init_integration.subentries[subentry.subentry_id]
    assert edited.title == "Bedtime"
    assert edited.data["playback"] == {
        "shuffle": True,
        "repeat": "one",
        "resume": False,
        "on_remove": "inherit",
    }


async def test_reconfigure_refuses_a_uid_of_another_chip(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    for uid, name in ((UID, "A"), ("04112233445566", "B")):
        result = await _start(hass, init_integration, "tag")
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], {"uid": uid, "name": name, "media": MEDIA}
        )
    second = next(s for s in init_integration.subentries.values() if s.title == "B")

    result = dict(
        await init_integration.start_subentry_reconfigure_flow(hass, second.subentry_id)
    )
    result = dict(
        await hass.config_entries.subentries.async_configure(
            result["flow_id"], {"uid": UID, "name": "B", "media": MEDIA}
        )
    )

    assert result["errors"] == {"uid": "uid_taken"}


@pytest.mark.parametrize(
    ("user_input", "data"),
    [
        ({"action": "volume_up"}, {"action": "volume_up"}),
        (
            {"action": "sleep_timer", "minutes": 15},
            {"action": "sleep_timer", "minutes": 15},
        ),
    ],
)
async def test_control_chips_are_added_with_their_action(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    user_input: dict[str, Any],
    data: dict[str, Any],
) -> None:
    form = await _start(hass, init_integration, "control")
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Chip", **user_input}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.subentry_type == "control"
    assert subentry.data == {"uid": UID, **data}


async def test_an_unknown_tag_raises_one_new_tag_notice_however_often_it_is_placed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    for _ in range(3):
        emulator.place(ntag("ntag215", bytes.fromhex(UID)))
        await wait_until(
            lambda: init_integration.runtime_data.reader.present is not None
        )
        emulator.remove()
        await wait_until(lambda: init_integration.runtime_data.reader.present is None)

    issues = [i for i in issue_registry.issues.values() if i.domain == DOMAIN]
    assert [i.issue_id for i in issues] == [issue_id]
    assert issues[0].is_fixable
    assert issues[0].translation_placeholders == {"name": "Jukebox", "uid": UID}


async def test_a_phone_raises_no_new_tag_notice(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    emulator.place(PhoneTag())
    await wait_until(lambda: init_integration.runtime_data.reader.present is not None)

    assert not [i for i in issue_registry.issues.values() if i.domain == DOMAIN]
    assert init_integration.runtime_data.jukebox.last_unknown_uid is None


async def test_fixing_the_new_tag_notice_assigns_the_music(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    # What the frontend does when the parent clicks "Fix" and submits the form.
    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    flow = await response.json()
    assert flow["step_id"] == "init"
    response = await client.post(
        f"/api/repairs/issues/fix/{flow['flow_id']}",
        json={"name": "Lullabies", "media": MEDIA},
    )
    result = await response.json()

    assert result["type"] == "create_entry"
    subentry = next(iter(init_integration.subentries.values()))
    assert (subentry.subentry_type, subentry.title, subentry.unique_id) == (
        "tag",
        "Lullabies",
        UID,
    )
    assert subentry.data["media"] == MEDIA
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_adding_the_mapping_in_the_ui_clears_the_new_tag_notice(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    result = await _start(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )

    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def _open_fix_flow(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    entry: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> tuple[Any, str]:
    assert await async_setup_component(hass, "repairs", {})
    issue_id = f"unknown_tag_{entry.entry_id}_{UID}"
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(lambda: ir.async_get(hass).async_get_issue(DOMAIN, issue_id))
    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    return client, (await response.json())["flow_id"]


async def test_a_tag_mapped_while_its_notice_was_open_is_not_mapped_twice(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id = await _open_fix_flow(
        hass, hass_client, init_integration, emulator, wait_until
    )
    form = await _start(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "From the reader page", "media": MEDIA}
    )

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json={"name": "Again", "media": MEDIA}
    )

    assert (await response.json())["type"] == "create_entry"
    assert [s.title for s in init_integration.subentries.values()] == [
        "From the reader page"
    ]


async def test_removing_a_reader_removes_its_notices_and_open_fixes_abort(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    client, flow_id = await _open_fix_flow(
        hass, hass_client, init_integration, emulator, wait_until
    )

    await hass.config_entries.async_remove(init_integration.entry_id)
    assert not [i for i in issue_registry.issues.values() if i.domain == DOMAIN]

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json={"name": "x", "media": MEDIA}
    )
    result = await response.json()
    assert result["type"] == "abort"
    assert result["reason"] == "reader_removed"


async def test_reconfigure_refuses_a_uid_that_is_not_hex(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    form = await _start(hass, init_integration, "control")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Louder", "action": "volume_up"}
    )
    subentry = next(iter(init_integration.subentries.values()))

    form = dict(
        await init_integration.start_subentry_reconfigure_flow(
            hass, subentry.subentry_id
        )
    )
    result = await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": "04-ZZ", "name": "Louder", "action": "volume_up"}
    )

    assert result["errors"] == {"uid": "invalid_uid"}
