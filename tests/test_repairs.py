"""Repair notices: a new chip is offered its music, and notices go with their reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.nfc_jukebox.chips import notices
from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import PhoneTag, Pn532Emulator, ntag

from . import test_folders
from .conftest import MEDIA, WaitUntil, start_chip_flow
from .speaker import Speaker
from .test_folders import FOLDER, MORE, TRACKS

pytestmark = pytest.mark.usefixtures("kids_speaker")

UID = "04A1B2C3D4E5F6"

# My media with its folders ("Bedtime stories", "More stories", "Everything").
media = test_folders.media
#: the assign form's input: one story picked, and "Play a whole folder"
STORY_FOLDER = {
    "name": "Stories",
    "media": {
        "entity_id": MEDIA["entity_id"],
        "media_content_id": TRACKS[1],
        "media_content_type": "audio/x-wav",
    },
    "pick_folder": True,
}


async def test_an_unknown_chip_raises_one_new_chip_notice_however_often_it_is_placed(
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


async def test_a_reader_offers_at_most_ten_new_chips_the_newest_ones(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    uids = [f"04A1B2C3D4E5{index:02X}" for index in range(12)]
    for uid in uids:
        emulator.place(ntag("ntag215", bytes.fromhex(uid)))
        await wait_until(
            lambda uid=uid: (
                issue_registry.async_get_issue(
                    DOMAIN, notices.new_chip_issue_id(init_integration.entry_id, uid)
                )
                is not None
            )
        )
        emulator.remove()
        await wait_until(lambda: init_integration.runtime_data.reader.present is None)

    offered = {
        issue.translation_placeholders["uid"]
        for issue in issue_registry.issues.values()
        if issue.domain == DOMAIN and issue.translation_placeholders
    }
    assert offered == set(uids[2:])


async def test_a_phone_raises_no_new_chip_notice(
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


async def test_fixing_the_new_chip_notice_assigns_the_music(
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
    assert flow["type"] == "menu"
    assert flow["menu_options"] == ["assign", "ignore"]
    response = await client.post(
        f"/api/repairs/issues/fix/{flow['flow_id']}", json={"next_step_id": "assign"}
    )
    assert (await response.json())["step_id"] == "assign"
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


async def test_adding_the_mapping_in_the_ui_clears_the_new_chip_notice(
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

    result = await start_chip_flow(hass, init_integration, "tag")
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
    flow_id = (await response.json())["flow_id"]
    await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json={"next_step_id": "assign"}
    )
    return client, flow_id


async def test_a_new_chip_can_be_ignored_from_its_notice(
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
    await wait_until(lambda: issue_registry.async_get_issue(DOMAIN, issue_id))
    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    flow_id = (await response.json())["flow_id"]

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json={"next_step_id": "ignore"}
    )

    result = await response.json()
    assert result["type"] == "abort"
    assert result["reason"] == "issue_ignored"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.dismissed_version is not None
    assert not init_integration.subentries

    # Placed again, the chip does not bring its notice back.
    reader = init_integration.runtime_data.reader
    emulator.remove()
    await wait_until(lambda: reader.present is None)
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(lambda: reader.present is not None)
    await hass.async_block_till_done()
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.dismissed_version is not None


async def test_a_chip_mapped_while_its_notice_was_open_is_not_mapped_twice(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id = await _open_fix_flow(
        hass, hass_client, init_integration, emulator, wait_until
    )
    form = await start_chip_flow(hass, init_integration, "tag")
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


@pytest.mark.parametrize(
    ("media", "error"),
    [
        ({**MEDIA, "media_content_id": ""}, "no_music"),
        ({**MEDIA, "entity_id": "light.ceiling_lights"}, "not_a_speaker"),
    ],
)
async def test_fixing_the_new_chip_notice_needs_a_speaker_and_music(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    media: dict[str, str],
    error: str,
) -> None:
    hass.states.async_set("light.ceiling_lights", "on")
    client, flow_id = await _open_fix_flow(
        hass, hass_client, init_integration, emulator, wait_until
    )

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json={"name": "Lullabies", "media": media}
    )
    result = await response.json()

    assert result["type"] == "form"
    assert result["errors"] == {"media": error}
    assert not init_integration.subentries
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None


@pytest.mark.usefixtures("media")
async def test_assigning_a_new_chip_a_whole_folder_from_its_notice_saves_the_folder(
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

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json=STORY_FOLDER
    )
    result = await response.json()

    assert result["type"] == "form"
    assert result["step_id"] == "folder"
    assert result["description_placeholders"] == {"chip": "Stories"}
    (field,) = result["data_schema"]
    assert {option["label"] for option in field["selector"]["select"]["options"]} == {
        "Bedtime stories",
        "Everything",
        "More stories",
    }
    # The picked story's folder is chosen already.
    assert field["default"] == FOLDER
    assert not init_integration.subentries

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json={"folder": MORE}
    )

    assert (await response.json())["type"] == "create_entry"
    subentry = next(iter(init_integration.subentries.values()))
    assert (subentry.title, subentry.unique_id) == ("Stories", UID)
    assert subentry.data["media"] == {
        "entity_id": MEDIA["entity_id"],
        "media_content_id": MORE,
        "media_content_type": "directory",
        "metadata": {"title": "More stories", "media_class": "directory"},
    }
    assert "pick_folder" not in subentry.data
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


@pytest.mark.usefixtures("media")
async def test_without_a_folder_of_music_the_new_chip_notice_says_so_and_keeps_the_form(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    hass.config.media_dirs["local"] = str(empty)  # the source holds this dict
    client, flow_id = await _open_fix_flow(
        hass, hass_client, init_integration, emulator, wait_until
    )

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}", json=STORY_FOLDER
    )
    result = await response.json()

    assert result["type"] == "form"
    assert result["step_id"] == "assign"
    assert result["errors"] == {"pick_folder": "no_folders"}
    typed = {
        field["name"]: field["description"]["suggested_value"]
        for field in result["data_schema"]
        if "suggested_value" in field.get("description", {})
    }
    assert typed == STORY_FOLDER
    assert not init_integration.subentries
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None


async def test_the_fix_shows_a_reader_name_as_written_not_as_markdown(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    assert await async_setup_component(hass, "repairs", {})
    hass.config_entries.async_update_entry(
        init_integration,
        title="<img src=x onerror=alert(3)> **Kids** [room](https://example.com)",
        options={"media_player": MEDIA["entity_id"]},
    )
    issue_id = f"unknown_tag_{init_integration.entry_id}_{UID}"
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    client = await hass_client()
    response = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    menu = await response.json()
    response = await client.post(
        f"/api/repairs/issues/fix/{menu['flow_id']}", json={"next_step_id": "assign"}
    )
    assign = await response.json()

    escaped = (
        r"\<img src=x onerror=alert\(3\)\> \*\*Kids\*\* "
        r"\[room\]\(https://example\.com\)"
    )
    assert menu["description_placeholders"] == {"name": escaped, "uid": UID}
    assert assign["description_placeholders"] == {"name": escaped, "uid": UID}
    # The reader's speaker is the one to browse with, as in the card.
    [media] = [field for field in assign["data_schema"] if field["name"] == "media"]
    assert media["description"]["suggested_value"]["entity_id"] == MEDIA["entity_id"]


async def test_assigning_music_from_the_notice_plays_the_chip_on_the_reader(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    kids_speaker: Speaker,
    wait_until: WaitUntil,
) -> None:
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": MEDIA["entity_id"],
            "media_content_id": "media-source://radio",
            "media_content_type": "music",
        },
        blocking=True,
    )
    client, flow_id = await _open_fix_flow(
        hass, hass_client, init_integration, emulator, wait_until
    )

    response = await client.post(
        f"/api/repairs/issues/fix/{flow_id}",
        json={"name": "Lullabies", "media": MEDIA},
    )

    assert (await response.json())["type"] == "create_entry"
    await wait_until(lambda: kids_speaker.media_content_id == MEDIA["media_content_id"])
    await hass.async_block_till_done()
    assert kids_speaker.state == "playing"
    played = [value for name, value in kids_speaker.calls if name == "play_media"]
    assert played == ["media-source://radio", MEDIA["media_content_id"]]
