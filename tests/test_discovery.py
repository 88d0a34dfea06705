"""A new chip is offered in Settings → Devices & services → Discovered, and given music there."""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from homeassistant.config_entries import SOURCE_IGNORE, SOURCE_INTEGRATION_DISCOVERY
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import PhoneTag, Pn532Emulator, ntag

from . import test_folders
from .conftest import MEDIA, WaitUntil, offer_of, offers, start_chip_flow
from .feeds import FeedServer
from .speaker import Speaker
from .test_folders import FOLDER, MORE, TRACKS

pytestmark = pytest.mark.usefixtures("kids_speaker")

UID = "04A1B2C3D4E5F6"
#: a new chip placed after the one a test looks at: once it is offered, the one
#: before would have been too
WITNESS = "04BBBBBBBBBB01"
FLOWS = "/api/config/config_entries/flow"
TRANSLATIONS = (
    Path(__file__).parent.parent / "custom_components" / DOMAIN / "translations"
)

# My media with its folders ("Bedtime stories", "More stories", "Everything").
media = test_folders.media
#: the chip form's input: one story picked, and "Play a whole folder"
STORY_FOLDER = {
    "name": "Stories",
    "media": {
        "entity_id": MEDIA["entity_id"],
        "media_content_id": TRACKS[1],
        "media_content_type": "audio/x-wav",
    },
    "pick_folder": True,
}


async def place_new_chip(
    hass: HomeAssistant, emulator: Pn532Emulator, wait_until: WaitUntil, uid: str = UID
) -> str:
    """Place a chip without music; return the flow id of its offer."""
    emulator.place(ntag("ntag215", bytes.fromhex(uid)))
    await wait_until(lambda: offer_of(hass, uid) is not None)
    offer = offer_of(hass, uid)
    assert offer is not None
    return offer["flow_id"]


async def open_offer(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> tuple[Any, str, dict[str, Any]]:
    """Place a new chip and open its offer as the frontend does (Discovered → Add)."""
    assert await async_setup_component(hass, "config", {})
    flow_id = await place_new_chip(hass, emulator, wait_until)
    client = await hass_client()
    response = await client.get(f"{FLOWS}/{flow_id}")
    assert response.status == HTTPStatus.OK
    return client, flow_id, await response.json()


@pytest.mark.parametrize("language", ["en", "de", "nl"])
def test_an_offer_is_titled_with_its_chip_and_its_reader(language: str) -> None:
    words = json.loads((TRANSLATIONS / f"{language}.json").read_text(encoding="utf-8"))

    assert set(re.findall(r"\{(\w+)\}", words["config"]["flow_title"])) == {
        "uid",
        "reader",
    }


async def test_an_unknown_chip_raises_one_new_chip_offer_however_often_it_is_placed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    for _ in range(3):
        emulator.place(ntag("ntag215", bytes.fromhex(UID)))
        await wait_until(lambda: offer_of(hass, UID) is not None)
        emulator.remove()
        await wait_until(lambda: init_integration.runtime_data.reader.present is None)
    await place_new_chip(hass, emulator, wait_until, WITNESS)

    offer, _witness = sorted(
        offers(hass), key=lambda o: o["context"]["unique_id"] != f"chip:{UID}"
    )
    assert offer["step_id"] == "assign"
    assert offer["context"]["unique_id"] == f"chip:{UID}"
    assert offer["context"]["entry_id"] == init_integration.entry_id
    assert offer["context"]["title_placeholders"] == {"uid": UID, "reader": "Jukebox"}
    # Good news, not a warning: nothing in Repairs.
    assert not [i for i in ir.async_get(hass).issues.values() if i.domain == DOMAIN]


async def test_a_reader_offers_at_most_ten_new_chips_the_newest_ones(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    uids = [f"04A1B2C3D4E5{index:02X}" for index in range(12)]
    for uid in uids:
        await place_new_chip(hass, emulator, wait_until, uid)
        emulator.remove()
        await wait_until(lambda: init_integration.runtime_data.reader.present is None)

    offered = {offer["context"]["title_placeholders"]["uid"] for offer in offers(hass)}
    assert offered == set(uids[2:])


async def test_a_phone_raises_no_new_chip_offer(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    emulator.place(PhoneTag())
    await wait_until(lambda: init_integration.runtime_data.reader.present is not None)
    assert init_integration.runtime_data.jukebox.last_unknown_uid is None
    emulator.remove()
    await wait_until(lambda: init_integration.runtime_data.reader.present is None)
    await place_new_chip(hass, emulator, wait_until, WITNESS)

    assert [
        offer["context"]["title_placeholders"]["uid"] for offer in offers(hass)
    ] == [WITNESS]


async def test_giving_a_new_chip_music_from_its_offer_assigns_the_music(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id, form = await open_offer(hass, hass_client, emulator, wait_until)
    assert (form["type"], form["step_id"]) == ("form", "assign")

    # What the frontend sends when the parent fills in the form and submits it.
    response = await client.post(
        f"{FLOWS}/{flow_id}", json={"name": "Lullabies", "media": MEDIA}
    )
    result = await response.json()

    assert result["type"] == "abort"
    assert result["reason"] == "chip_saved"
    assert result["description_placeholders"] == {
        "chip": "Lullabies",
        "music": r"media\-source://media\_source/local/lullaby\.mp3",
    }
    subentry = next(iter(init_integration.subentries.values()))
    assert (subentry.subentry_type, subentry.title, subentry.unique_id) == (
        "tag",
        "Lullabies",
        UID,
    )
    assert subentry.data["media"] == MEDIA
    assert offers(hass) == []
    # An offer adds no config entry: the reader is the only one.
    assert hass.config_entries.async_entries(DOMAIN) == [init_integration]


async def test_a_new_chip_gets_a_typed_podcast_feed_and_what_it_keeps_from_its_offer(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    feeds: FeedServer,
) -> None:
    client, flow_id, form = await open_offer(hass, hass_client, emulator, wait_until)
    assert {"feed", "stream"} <= {field["name"] for field in form["data_schema"]}

    response = await client.post(
        f"{FLOWS}/{flow_id}",
        json={
            "name": "Stories",
            "feed": feeds.url("kids.xml"),
            "play_on": MEDIA["entity_id"],
            "playback": {"episodes": "first", "keep_episodes": 2, "keep_mb": 100},
        },
    )

    assert (await response.json())["reason"] == "chip_saved"
    subentry = next(iter(init_integration.subentries.values()))
    assert subentry.data["media"]["media_content_type"] == "podcast"
    assert subentry.data["media"]["media_content_id"] == feeds.url("kids.xml")
    assert subentry.data["playback"]["episodes"] == "first"
    assert subentry.data["playback"]["keep_episodes"] == 2
    assert subentry.data["playback"]["keep_mb"] == 100
    podcasts = init_integration.runtime_data.jukebox.listings.podcasts
    await wait_until(lambda: podcasts.tracks(feeds.url("kids.xml")) is not None)


async def test_a_typed_stream_in_a_new_chips_offer_must_be_a_web_address(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)

    response = await client.post(
        f"{FLOWS}/{flow_id}",
        json={
            "name": "Radio",
            "stream": "ftp://example.com/live",
            "play_on": MEDIA["entity_id"],
        },
    )
    result = await response.json()

    assert result["type"] == "form"
    assert result["errors"] == {"stream": "invalid_web_address"}
    assert not init_integration.subentries


async def test_the_music_a_chip_now_plays_is_named_by_its_title(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)
    picked = {**MEDIA, "metadata": {"title": "Lullabies *for* babies"}}

    response = await client.post(
        f"{FLOWS}/{flow_id}", json={"name": "Sleep", "media": picked}
    )

    assert (await response.json())["description_placeholders"] == {
        "chip": "Sleep",
        "music": r"Lullabies \*for\* babies",
    }


async def test_adding_the_mapping_in_the_ui_clears_the_new_chip_offer(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await place_new_chip(hass, emulator, wait_until)

    result = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )

    assert offers(hass) == []


async def test_a_new_chip_can_be_ignored_from_its_offer(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    assert await async_setup_component(hass, "config", {})
    flow_id = await place_new_chip(hass, emulator, wait_until)
    ws = await hass_ws_client(hass)

    # What the frontend sends for Discovered → Ignore.
    await ws.send_json_auto_id(
        {"type": "config_entries/ignore_flow", "flow_id": flow_id, "title": "x"}
    )
    assert (await ws.receive_json())["success"]

    [ignored] = [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry is not init_integration
    ]
    assert (ignored.source, ignored.unique_id) == (SOURCE_IGNORE, f"chip:{UID}")
    assert offers(hass) == []
    assert not init_integration.subentries

    # Placed again, the chip is not offered again.
    reader = init_integration.runtime_data.reader
    emulator.remove()
    await wait_until(lambda: reader.present is None)
    emulator.place(ntag("ntag215", bytes.fromhex(UID)))
    await wait_until(lambda: reader.present is not None)
    emulator.remove()
    await wait_until(lambda: reader.present is None)
    await place_new_chip(hass, emulator, wait_until, WITNESS)
    assert offer_of(hass, UID) is None


async def test_a_chip_mapped_while_its_offer_was_open_is_not_mapped_twice(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "From the reader page", "media": MEDIA}
    )

    response = await client.post(
        f"{FLOWS}/{flow_id}", json={"name": "Again", "media": MEDIA}
    )

    # Mapped anywhere, the chip's offer is withdrawn: its form saves nothing.
    assert response.status == HTTPStatus.NOT_FOUND
    assert offers(hass) == []
    assert [s.title for s in init_integration.subentries.values()] == [
        "From the reader page"
    ]


async def test_an_offer_that_begins_as_its_chip_gets_music_ends(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )

    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={
            "source": SOURCE_INTEGRATION_DISCOVERY,
            "entry_id": init_integration.entry_id,
        },
        data={"uid": UID},
    )

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "chip_known"
    assert offers(hass) == []


async def test_removing_a_reader_removes_its_offers_and_open_offers_abort(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)

    await hass.config_entries.async_remove(init_integration.entry_id)
    assert offers(hass) == []

    response = await client.post(
        f"{FLOWS}/{flow_id}", json={"name": "x", "media": MEDIA}
    )
    assert response.status == HTTPStatus.NOT_FOUND
    # An offer begun for a reader that is gone by then ends at once.
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={
            "source": SOURCE_INTEGRATION_DISCOVERY,
            "entry_id": init_integration.entry_id,
        },
        data={"uid": UID},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reader_removed"


@pytest.mark.parametrize(
    ("media", "error"),
    [
        ({**MEDIA, "media_content_id": ""}, "no_music"),
        ({**MEDIA, "entity_id": "light.ceiling_lights"}, "not_a_speaker"),
    ],
)
async def test_giving_a_new_chip_music_from_its_offer_needs_a_speaker_and_music(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    media: dict[str, str],
    error: str,
) -> None:
    hass.states.async_set("light.ceiling_lights", "on")
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)

    response = await client.post(
        f"{FLOWS}/{flow_id}", json={"name": "Lullabies", "media": media}
    )
    result = await response.json()

    assert result["type"] == "form"
    assert result["errors"] == {"media": error}
    assert not init_integration.subentries
    assert offer_of(hass, UID) is not None


@pytest.mark.usefixtures("media")
async def test_assigning_a_new_chip_a_whole_folder_from_its_offer_saves_the_folder(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)

    response = await client.post(f"{FLOWS}/{flow_id}", json=STORY_FOLDER)
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

    response = await client.post(f"{FLOWS}/{flow_id}", json={"folder": MORE})

    result = await response.json()
    assert (result["type"], result["reason"]) == ("abort", "chip_saved")
    assert result["description_placeholders"]["music"] == "More stories"
    subentry = next(iter(init_integration.subentries.values()))
    assert (subentry.title, subentry.unique_id) == ("Stories", UID)
    assert subentry.data["media"] == {
        "entity_id": MEDIA["entity_id"],
        "media_content_id": MORE,
        "media_content_type": "directory",
        "metadata": {"title": "More stories", "media_class": "directory"},
    }
    assert "pick_folder" not in subentry.data
    assert offers(hass) == []


@pytest.mark.usefixtures("media")
async def test_without_a_folder_of_music_the_new_chip_offer_says_so_and_keeps_the_form(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    hass.config.media_dirs["local"] = str(empty)  # the source holds this dict
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)

    response = await client.post(f"{FLOWS}/{flow_id}", json=STORY_FOLDER)
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
    assert offer_of(hass, UID) is not None


async def test_the_offer_shows_a_reader_name_as_written_not_as_markdown(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    name = "<img src=x onerror=alert(3)> **Kids** [room](https://example.com)"
    hass.config_entries.async_update_entry(
        init_integration, title=name, options={"media_player": MEDIA["entity_id"]}
    )

    _, _, form = await open_offer(hass, hass_client, emulator, wait_until)

    escaped = (
        r"\<img src=x onerror=alert\(3\)\> \*\*Kids\*\* "
        r"\[room\]\(https://example\.com\)"
    )
    assert form["description_placeholders"] == {"name": escaped, "uid": UID}
    # The flow's title is plain text: the name as it is.
    offer = offer_of(hass, UID)
    assert offer is not None
    assert offer["context"]["title_placeholders"] == {"uid": UID, "reader": name}
    # The reader's speaker is the one to browse with, as in the card.
    [speaker] = [
        field for field in form["data_schema"] if field["name"] == "browse_speaker"
    ]
    assert speaker["description"]["suggested_value"] == MEDIA["entity_id"]


async def test_assigning_music_from_the_offer_plays_the_chip_on_the_reader(
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
    client, flow_id, _ = await open_offer(hass, hass_client, emulator, wait_until)

    response = await client.post(
        f"{FLOWS}/{flow_id}", json={"name": "Lullabies", "media": MEDIA}
    )

    assert (await response.json())["reason"] == "chip_saved"
    await wait_until(lambda: kids_speaker.media_content_id == MEDIA["media_content_id"])
    await hass.async_block_till_done()
    assert kids_speaker.state == "playing"
    played = [value for name, value in kids_speaker.calls if name == "play_media"]
    assert played == ["media-source://radio", MEDIA["media_content_id"]]


async def _ignore_an_offer(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    reader: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> MockConfigEntry:
    """Place a new chip and ignore its offer; return the entry the ignoring stored."""
    assert await async_setup_component(hass, "config", {})
    flow_id = await place_new_chip(hass, emulator, wait_until)
    ws = await hass_ws_client(hass)
    await ws.send_json_auto_id(
        {"type": "config_entries/ignore_flow", "flow_id": flow_id, "title": "x"}
    )
    assert (await ws.receive_json())["success"]
    [ignored] = [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.source == SOURCE_IGNORE
    ]
    emulator.remove()
    await wait_until(lambda: reader.runtime_data.reader.present is None)
    return ignored


async def test_an_ignored_chip_is_no_reader_for_the_card_the_chips_or_a_new_reader(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    ignored = await _ignore_an_offer(
        hass, hass_ws_client, init_integration, emulator, wait_until
    )
    ws = await hass_ws_client(hass)

    # The card shows the reader alone.
    await ws.send_json_auto_id({"type": f"{DOMAIN}/subscribe"})
    assert (await ws.receive_json())["success"]
    pushed = (await ws.receive_json())["event"]
    assert [reader["entry_id"] for reader in pushed["readers"]] == [
        init_integration.entry_id
    ]
    # A chip cannot be saved on it; on the reader it can, and it plays and is reset.
    other = "04CCCCCCCCCC01"
    for entry_id, found in (
        (ignored.entry_id, False),
        (init_integration.entry_id, True),
    ):
        await ws.send_json_auto_id(
            {
                "type": f"{DOMAIN}/chip/save",
                "entry_id": entry_id,
                "uid": other,
                "name": "Rain",
                "media": MEDIA,
            }
        )
        answer = await ws.receive_json()
        while answer.get("type") == "event":
            answer = await ws.receive_json()
        assert answer["success"] is found
    await hass.services.async_call(
        DOMAIN, "reset_progress", {"uid": other}, blocking=True
    )
    assert ignored.subentries == {}
    # Settings offers no chips and no options on it.
    assert not ignored.supported_subentry_types
    assert ignored.supports_options is False

    # A second reader is set up beside it, its speaker suggested by the first's.
    hass.config_entries.async_update_entry(
        init_integration, options={"media_player": MEDIA["entity_id"]}
    )
    menu = await hass.config_entries.flow.async_init(DOMAIN, context={"source": "user"})
    form = await hass.config_entries.flow.async_configure(
        menu["flow_id"], {"next_step_id": "simulated"}
    )
    schema = form["data_schema"]
    assert schema is not None
    [speaker] = [field for field in schema.schema if str(field) == "media_player"]
    assert speaker.description == {"suggested_value": MEDIA["entity_id"]}
    result = await hass.config_entries.flow.async_configure(form["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    second = result["result"]
    assert second.state.recoverable
    assert second.runtime_data.reader.available
    await hass.config_entries.async_unload(second.entry_id)


async def test_giving_an_ignored_chip_music_forgets_that_it_was_ignored(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await _ignore_an_offer(hass, hass_ws_client, init_integration, emulator, wait_until)
    form = await start_chip_flow(hass, init_integration, "tag")
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": UID, "name": "Lullabies", "media": MEDIA}
    )

    assert hass.config_entries.async_entries(DOMAIN) == [init_integration]
    # Deleted again, the chip is offered when next placed.
    [subentry_id] = init_integration.subentries
    hass.config_entries.async_remove_subentry(init_integration, subentry_id)
    await place_new_chip(hass, emulator, wait_until)


async def test_the_new_chip_notices_of_earlier_releases_go_on_setup(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    for issue_id in (f"unknown_tag_{mock_config_entry.entry_id}_{UID}", "other"):
        ir.async_create_issue(
            hass,
            DOMAIN,
            issue_id,
            is_fixable=issue_id != "other",
            severity=ir.IssueSeverity.WARNING,
            translation_key="unknown_tag",
        )
    mock_config_entry.add_to_hass(hass)

    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    issues = ir.async_get(hass).issues
    assert [issue_id for domain, issue_id in issues if domain == DOMAIN] == ["other"]
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
