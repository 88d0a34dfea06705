"""The collection in one file: export every chip of the home, restore a backup."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from homeassistant.components.tag import TAG_DATA
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.nfc_jukebox.chips.backup import BACKUP_FORMAT, BACKUP_VERSION
from custom_components.nfc_jukebox.http.chips_io import MAX_BACKUP_BYTES
from tests.feeds import FeedServer
from tests.speaker import Speaker

from .conftest import BEDTIME, LOUDER, LULLABY, PLAYER

EXPORT = "/api/nfc_jukebox/chips/export"
IMPORT = "/api/nfc_jukebox/chips/import"
NEW = "04DEADBEEF0001"

pytestmark = pytest.mark.usefixtures("speaker")


def stored(entry: MockConfigEntry) -> list[tuple[str, str, dict[str, Any]]]:
    """Return the reader's chips as stored: type, title, data."""
    return sorted(
        (s.subentry_type, s.title, dict(s.data)) for s in entry.subentries.values()
    )


async def export(hass_client: ClientSessionGenerator) -> dict[str, Any]:
    """Return the home's backup, as an administrator downloads it."""
    client = await hass_client()
    response = await client.get(EXPORT)
    assert response.status == 200
    backup: dict[str, Any] = await response.json()
    return backup


def chip(backup: dict[str, Any], uid: str) -> dict[str, Any]:
    """Return the chip ``uid`` of a backup."""
    found: dict[str, Any] = next(c for c in backup["chips"] if c["uid"] == uid)
    return found


async def restore(
    hass_client: ClientSessionGenerator, backup: object, *, preview: bool = False
) -> tuple[int, dict[str, Any]]:
    """Send a backup as JSON; return the status and the answer."""
    client = await hass_client()
    response = await client.post(
        IMPORT + ("?preview=1" if preview else ""),
        data=json.dumps(backup),
        headers={"Content-Type": "application/json"},
    )
    return response.status, await response.json()


async def test_an_administrator_exports_every_chip_of_the_home(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    client = await hass_client()
    response = await client.get(EXPORT)

    assert response.status == 200
    assert "attachment" in response.headers["Content-Disposition"]
    backup = await response.json()
    assert backup["format"] == BACKUP_FORMAT
    assert backup["version"] == BACKUP_VERSION
    assert [c["name"] for c in backup["chips"]] == ["Bedtime", "Louder", "Lullabies"]
    assert chip(backup, LULLABY) == {
        "kind": "music",
        "uid": LULLABY,
        "name": "Lullabies",
        "media": {
            "entity_id": PLAYER,
            "media_content_id": "media-source://lullabies",
            "media_content_type": "music",
            "metadata": {"title": "Lullabies"},
        },
        "playback": {
            "order": "shuffle",
            "repeat": "off",
            "on_remove": "inherit",
            "mode": "music",
            "bedtime": False,
            "volume": 30,
        },
    }
    assert chip(backup, BEDTIME) == {
        "kind": "control",
        "uid": BEDTIME,
        "name": "Bedtime",
        "action": "sleep_timer",
        "minutes": 20,
    }


@pytest.mark.parametrize(("method", "path"), [("GET", EXPORT), ("POST", IMPORT)])
async def test_only_administrators_export_and_restore(
    hass_client: ClientSessionGenerator,
    hass_client_no_auth: ClientSessionGenerator,
    hass_read_only_access_token: str,
    init_integration: MockConfigEntry,
    method: str,
    path: str,
) -> None:
    before = stored(init_integration)
    child = await hass_client(hass_read_only_access_token)
    nobody = await hass_client_no_auth()
    backup = json.dumps({"format": BACKUP_FORMAT, "version": 1, "chips": []})

    as_child = await child.request(method, path, data=backup)
    as_nobody = await nobody.request(method, path, data=backup)

    assert as_child.status == 403
    assert (await as_child.json())["translation_key"] == "backup_forbidden"
    assert as_nobody.status == 401
    assert stored(init_integration) == before


async def test_restoring_the_homes_own_backup_changes_nothing(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    backup = await export(hass_client)
    before = stored(init_integration)

    status, answer = await restore(hass_client, backup)

    assert status == 200
    assert answer == {
        "applied": True,
        "new": [],
        "changed": [],
        "conflicts": [],
        "unchanged": 3,
    }
    assert stored(init_integration) == before


def edited(backup: dict[str, Any]) -> dict[str, Any]:
    """Return a backup with a chip renamed, one new, and two that cannot apply here."""
    backup = copy.deepcopy(backup)
    chip(backup, LULLABY)["name"] = "Lullabies for Anna"
    chip(backup, LULLABY)["playback"]["volume"] = 40
    new = copy.deepcopy(chip(backup, LULLABY))
    backup["chips"].append({**new, "uid": "04:de:ad:be:ef:00:01", "name": "Rain"})
    away = {**copy.deepcopy(new), "uid": "04BBBBBBBBBBBB", "name": "Garage"}
    away["media"]["entity_id"] = "media_player.garage"
    backup["chips"].append(away)
    # The home's Louder is a control chip: a music chip in the file cannot replace it.
    backup["chips"].append({**copy.deepcopy(new), "uid": LOUDER, "name": "Loud music"})
    backup["chips"].remove(next(c for c in backup["chips"] if c["name"] == "Louder"))
    return backup


async def test_a_preview_says_what_is_new_changed_and_in_conflict_and_changes_nothing(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    backup = edited(await export(hass_client))
    before = stored(init_integration)

    status, answer = await restore(hass_client, backup, preview=True)

    assert status == 200
    assert answer == {
        "applied": False,
        "new": [{"uid": NEW, "name": "Rain"}],
        "changed": [{"uid": LULLABY, "name": "Lullabies for Anna", "was": "Lullabies"}],
        "conflicts": [
            {"uid": "04BBBBBBBBBBBB", "name": "Garage", "reason": "speaker_missing"},
            {"uid": LOUDER, "name": "Loud music", "reason": "other_kind"},
        ],
        "unchanged": 1,
    }
    await hass.async_block_till_done()
    assert stored(init_integration) == before
    assert NEW not in hass.data[TAG_DATA].data


async def test_a_restore_adds_and_changes_chips_and_leaves_conflicts_as_they_are(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
) -> None:
    status, answer = await restore(hass_client, edited(await export(hass_client)))

    assert status == 200
    assert answer["applied"] is True
    await hass.async_block_till_done()
    chips = {s.unique_id: s for s in init_integration.subentries.values()}
    assert chips[NEW].title == "Rain"
    assert chips[NEW].data["media"]["media_content_id"] == "media-source://lullabies"
    assert chips[LULLABY].title == "Lullabies for Anna"
    assert chips[LULLABY].data["playback"]["volume"] == 40
    assert chips[LOUDER].subentry_type == "control"
    assert chips[LOUDER].title == "Louder"
    assert "04BBBBBBBBBBBB" not in chips
    # saved through the registry: Settings → Tags names the new chip
    assert hass.data[TAG_DATA].data[NEW]["name"] == "Rain"


async def test_a_backup_is_restored_from_a_multipart_file_too(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    backup = edited(await export(hass_client))
    form = aiohttp.FormData()
    form.add_field(
        "file",
        json.dumps(backup).encode(),
        filename="nfc-jukebox-chips.json",
        content_type="application/json",
    )
    client = await hass_client()

    response = await client.post(IMPORT + "?preview=1", data=form)

    assert response.status == 200
    assert (await response.json())["new"] == [{"uid": NEW, "name": "Rain"}]


def _with_bad_chip(backup: dict[str, Any]) -> dict[str, Any]:
    """Return an edited backup (its new chip must not be added) and a broken chip."""
    backup = edited(backup)
    bad = {**copy.deepcopy(chip(backup, LULLABY)), "uid": "not a uid", "name": "Bad"}
    backup["chips"].append(bad)
    return backup


def _twice(backup: dict[str, Any]) -> dict[str, Any]:
    backup = edited(backup)
    rain = next(c for c in backup["chips"] if c["name"] == "Rain")
    backup["chips"].append({**copy.deepcopy(rain), "uid": NEW, "name": "Rain again"})
    return backup


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda _b: "not json at all {", "backup_not_json"),
        (lambda _b: "[" * 100_000 + "]" * 100_000, "backup_not_json"),
        (lambda _b: json.dumps([1, 2, 3]), "backup_foreign"),
        (lambda b: json.dumps({**b, "format": "tonies"}), "backup_foreign"),
        (lambda b: json.dumps({**b, "version": "1"}), "backup_foreign"),
        (lambda b: json.dumps({**b, "chips": {}}), "backup_foreign"),
        (lambda b: json.dumps({**b, "version": 99}), "backup_newer"),
        (lambda b: json.dumps(_with_bad_chip(b)), "backup_invalid_chip"),
        (
            lambda b: json.dumps({**b, "chips": [{"kind": "robot"}]}),
            "backup_invalid_chip",
        ),
        (
            lambda b: json.dumps({**b, "chips": [{"kind": "music"}]}),
            "backup_invalid_chip",
        ),
        (lambda b: json.dumps(_twice(b)), "backup_uid_twice"),
    ],
)
async def test_a_broken_or_foreign_file_is_refused_and_changes_nothing(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    make: Callable[[dict[str, Any]], str],
    key: str,
) -> None:
    body = make(await export(hass_client))
    before = stored(init_integration)
    client = await hass_client()

    response = await client.post(
        IMPORT, data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status == 400
    answer = await response.json()
    assert answer["translation_key"] == key
    assert answer["message"]
    await hass.async_block_till_done()
    assert stored(init_integration) == before
    assert NEW not in hass.data[TAG_DATA].data


async def test_a_bad_chip_is_named_by_its_place_in_the_file(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    backup = _with_bad_chip(await export(hass_client))

    status, answer = await restore(hass_client, backup)

    assert status == 400
    assert answer["translation_placeholders"] == {
        "number": str(len(backup["chips"])),
        "name": "Bad",
    }


async def test_a_file_larger_than_a_backup_can_be_is_refused(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    before = stored(init_integration)
    client = await hass_client()

    response = await client.post(
        IMPORT,
        data=b" " * (MAX_BACKUP_BYTES + 1),
        headers={"Content-Type": "application/json"},
    )

    assert response.status == 413
    assert (await response.json())["translation_key"] == "backup_too_large"
    assert stored(init_integration) == before


async def test_new_chips_go_to_the_reader_named_and_an_unknown_one_is_not_found(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    client = await hass_client()

    response = await client.post(
        IMPORT + "?entry_id=nope",
        data=json.dumps({"format": BACKUP_FORMAT, "version": 1, "chips": []}),
    )

    assert response.status == 404
    assert (await response.json())["translation_key"] == "reader_not_found"


async def test_a_restore_without_a_reader_says_to_add_one(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, speaker: Speaker
) -> None:
    assert await async_setup_component(hass, "nfc_jukebox", {})
    client = await hass_client()

    response = await client.post(
        IMPORT, data=json.dumps({"format": BACKUP_FORMAT, "version": 1, "chips": []})
    )

    assert response.status == 400
    assert (await response.json())["translation_key"] == "backup_no_reader"


async def test_a_podcast_and_a_radio_chip_come_back_from_a_backup_with_their_episodes(
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    feeds: FeedServer,
) -> None:
    backup = await export(hass_client)
    podcast = copy.deepcopy(chip(backup, LULLABY))
    podcast |= {"uid": NEW, "name": "Stories"}
    podcast["media"] = {
        "entity_id": PLAYER,
        "media_content_id": feeds.url("kids.xml"),
        "media_content_type": "podcast",
    }
    podcast["playback"] |= {"order": "in_order", "episodes": "next"}
    radio = copy.deepcopy(podcast) | {"uid": "04DEADBEEF0002", "name": "Radio"}
    radio["media"] = {
        "entity_id": PLAYER,
        "media_content_id": "http://127.0.0.1:9/live.mp3",
        "media_content_type": "radio",
    }
    del radio["playback"]["episodes"]
    backup["chips"] += [podcast, radio]

    status, answer = await restore(hass_client, backup)

    assert status == 200
    assert answer["new"] == [
        {"uid": NEW, "name": "Stories"},
        {"uid": "04DEADBEEF0002", "name": "Radio"},
    ]
    again = await export(hass_client)
    assert chip(again, NEW) == podcast
    assert chip(again, "04DEADBEEF0002") == radio
    chips = {s.unique_id: s for s in init_integration.subentries.values()}
    assert chips[NEW].data["playback"]["episodes"] == "next"


async def test_a_backups_podcast_chip_whose_feed_is_no_web_address_is_refused(
    hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> None:
    backup = await export(hass_client)
    podcast = copy.deepcopy(chip(backup, LULLABY)) | {"uid": NEW, "name": "Stories"}
    podcast["media"] = {
        "entity_id": PLAYER,
        "media_content_id": "file:///etc/passwd",
        "media_content_type": "podcast",
    }
    backup["chips"].append(podcast)
    before = stored(init_integration)

    status, answer = await restore(hass_client, backup)

    assert status == 400
    assert answer["translation_key"] == "backup_invalid_chip"
    assert stored(init_integration) == before
