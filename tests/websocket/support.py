"""What the websocket tests share: the reader's chips, and how a test talks to the API."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from typing import Any

from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator

type WaitUntil = Callable[..., Awaitable[None]]
type Client = Any
PLAYER = "media_player.kids"
LULLABY = "04A1B2C3D4E5F6"
NEW = "04DEADBEEF0001"
LOUDER = "04AAAAAAAAAAAA"
BEDTIME = "04FFFFFFFFFFFF"
MEDIA = {
    "entity_id": PLAYER,
    "media_content_id": "media-source://rock",
    "media_content_type": "music",
}


def emulator_of(entry: MockConfigEntry) -> Pn532Emulator:
    """Return the emulator behind the simulated reader."""
    emulator: Pn532Emulator | None = entry.runtime_data.reader.emulator
    assert emulator is not None
    return emulator


def subentry_id(entry: MockConfigEntry, uid: str) -> str:
    """Return the id of the chip ``uid``."""
    found: str = next(
        s.subentry_id for s in entry.subentries.values() if s.unique_id == uid
    )
    return found


async def subscribe(client: Client, **extra: Any) -> int:
    """Subscribe to the readers; return the subscription's id."""
    await client.send_json_auto_id({"type": "nfc_jukebox/subscribe", **extra})
    result = await client.receive_json()
    assert result["success"]
    return int(result["id"])


def merged(client: Client, event: dict[str, Any]) -> dict[str, Any]:
    """Return a pushed state with each reader's chips, as the card keeps them.

    A push carries only the chips that changed since the one before (``chips``):
    this applies it to what the client was sent so far, in the order received.
    """
    # what came over the wire, before this fills in the chips
    client.__dict__.setdefault("pushed_raw", []).append(copy.deepcopy(event))
    known: dict[str, dict[str, dict[str, Any]]] = client.__dict__.setdefault(
        "chips", {}
    )
    for entry_id, delta in event["chips"].items():
        chips = known.setdefault(entry_id, {})
        if delta["all"]:
            chips.clear()
        for gone in delta["removed"]:
            del chips[gone]
        chips.update((chip["subentry_id"], chip) for chip in delta["changed"])
    for reader in event["readers"]:
        reader["chips"] = sorted(
            known.get(reader["entry_id"], {}).values(),
            key=lambda chip: (chip["name"].casefold(), chip["uid"] or ""),
        )
    return event


async def next_state(client: Client) -> dict[str, Any]:
    """Return the next pushed state (one that came before an answer, first)."""
    if client.pushed:
        pushed: dict[str, Any] = client.pushed.pop(0)
        return pushed
    message = await client.receive_json()
    assert message["type"] == "event"
    return merged(client, message["event"])


async def state_where(
    client: Client, predicate: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    """Return the first pushed state of the reader for which ``predicate`` holds."""
    while True:
        reader: dict[str, Any] = (await next_state(client))["readers"][0]
        if predicate(reader):
            return reader


async def call(client: Client, command: str, **data: Any) -> dict[str, Any]:
    """Send a command; return the answer, keeping the states pushed meanwhile."""
    await client.send_json_auto_id({"type": f"nfc_jukebox/{command}", **data})
    while (answer := await client.receive_json())["type"] == "event":
        client.pushed.append(merged(client, answer["event"]))
    assert isinstance(answer, dict)
    return answer
