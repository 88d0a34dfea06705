"""Where a chip stopped: the resume window, bookmarks kept and forgotten."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.chips.registry import find_chip
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_RESUME_WINDOW,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.progress import Bookmark
from tests.conftest import start_chip_flow
from tests.speaker import Speaker

from .support import (
    LULLABY,
    PLAYER,
    PROGRESS,
    WaitUntil,
    listen_and_lift,
    paused,
    place,
    playing,
    set_up,
    store_writes,
)


@pytest.mark.parametrize("options", [{CONF_RESUME_WINDOW: 0}])
async def test_after_the_resume_window_the_music_starts_over(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.2)

    calls_before = len(speaker.calls)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await hass.async_block_till_done()

    again = [name for name, _ in speaker.calls[calls_before:]]
    assert "play_media" in again
    assert "media_seek" not in again
    assert "media_play" not in again
    assert speaker.position_now < 0.2


async def test_remembered_positions_survive_a_restart(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.3)
    stopped_at = speaker.position_now

    # Home Assistant restarts: the reader is unloaded and set up afresh, and the
    # speaker comes back idle.
    assert await hass.config_entries.async_unload(box.entry_id)
    assert hass_storage[PROGRESS]["data"][LULLABY]["position"] == pytest.approx(
        stopped_at, abs=0.05
    )
    await speaker.async_media_stop()
    assert await hass.config_entries.async_setup(box.entry_id)
    emulator = box.runtime_data.reader.emulator
    assert emulator is not None

    place(emulator, LULLABY)
    await wait_until(lambda: speaker.calls[-1][0] == "media_seek")

    assert playing(hass, "media-source://lullabies")
    assert speaker.calls[-1] == ("media_seek", pytest.approx(stopped_at, abs=0.05))


async def test_a_lifted_chips_position_is_stored_right_away(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.3)
    await store_writes(hass)

    # Home Assistant may be killed now: the position is already on disk.
    stored = hass_storage[PROGRESS]["data"]
    assert stored[LULLABY]["position"] == pytest.approx(speaker.position_now, abs=0.05)


async def test_quick_lifts_store_the_last_position(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    for _ in range(3):
        await listen_and_lift(hass, emulator, wait_until, seconds=0.1)
    await store_writes(hass)

    stored = hass_storage[PROGRESS]["data"]
    assert stored[LULLABY]["position"] == pytest.approx(speaker.position_now, abs=0.05)
    assert speaker.position_now > 0.25


async def test_removing_a_reader_keeps_its_chips_progress(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    living_room = MockConfigEntry(
        domain=DOMAIN,
        title="Living room",
        unique_id="simulated:living-room",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
    )
    await set_up(hass, living_room)
    await listen_and_lift(hass, emulator, wait_until)
    assert await hass.config_entries.async_unload(box.entry_id)

    await hass.config_entries.async_remove(box.entry_id)
    await store_writes(hass)

    # A chip is the home's: on another reader it goes on where it stopped.
    assert LULLABY in hass_storage[PROGRESS]["data"]
    assert find_chip(hass, LULLABY) is not None


async def test_deleting_a_chip_forgets_its_progress(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await listen_and_lift(hass, emulator, wait_until)
    await store_writes(hass)
    assert LULLABY in hass_storage[PROGRESS]["data"]
    chip = next(s for s in box.subentries.values() if s.unique_id == LULLABY)

    hass.config_entries.async_remove_subentry(box, chip.subentry_id)
    await hass.async_block_till_done()
    await store_writes(hass)

    assert LULLABY not in hass_storage[PROGRESS]["data"]


async def test_removing_the_last_reader_forgets_every_chips_progress(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await listen_and_lift(hass, emulator, wait_until)
    await store_writes(hass)
    assert LULLABY in hass_storage[PROGRESS]["data"]

    await hass.config_entries.async_remove(box.entry_id)
    await store_writes(hass)

    # Its chips went with it: nothing of them is left in .storage.
    assert PROGRESS not in hass_storage


#: a chip placed for the first time, while the speaker plays something else
NEW = "04123456789ABC"
STORIES = "media-source://stories"
RADIO = "media-source://radio"


async def _radio_then_new_chip(
    hass: HomeAssistant, box: MockConfigEntry, wait_until: WaitUntil
) -> None:
    """Play the radio on the speaker, then put a chip without music on the reader."""
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": PLAYER,
            "media_content_id": RADIO,
            "media_content_type": "music",
        },
        blocking=True,
    )
    emulator = box.runtime_data.reader.emulator
    assert emulator is not None
    place(emulator, NEW)
    await wait_until(lambda: box.runtime_data.jukebox.last_unknown_uid == NEW)


async def _assign_stories_in_settings(
    hass: HomeAssistant, box: MockConfigEntry
) -> None:
    """Give the new chip its music in Settings → Add music chip."""
    form = await start_chip_flow(hass, box, "tag")
    media = {
        "entity_id": PLAYER,
        "media_content_id": STORIES,
        "media_content_type": "music",
    }
    await hass.config_entries.subentries.async_configure(
        form["flow_id"], {"uid": NEW, "name": "Stories", "media": media}
    )


def _played(speaker: Speaker) -> list[object]:
    return [value for name, value in speaker.calls if name == "play_media"]


@pytest.mark.parametrize("ids", ["as_given", "rewritten"])
async def test_a_chip_assigned_on_the_reader_resumes_its_own_music_not_the_one_before(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
    ids: str,
) -> None:
    speaker.rewrite_ids = ids == "rewritten"  # as a real speaker may
    await _radio_then_new_chip(hass, box, wait_until)

    await _assign_stories_in_settings(hass, box)
    await wait_until(lambda: _played(speaker) == [RADIO, STORIES])
    ours = speaker.media_content_id
    await wait_until(lambda: playing(hass, ours))
    emulator.remove()
    await wait_until(lambda: paused(hass))
    await store_writes(hass)
    assert box.runtime_data.jukebox.bookmarks.get(NEW).player_content_id == ours
    place(emulator, NEW)
    await wait_until(lambda: playing(hass, ours))
    await hass.async_block_till_done()

    assert _played(speaker) == [RADIO, STORIES]
    assert speaker.calls[-1][0] in ("media_play", "volume_set")
    stored = hass_storage[PROGRESS]["data"][NEW]
    assert stored["media_content_id"] == STORIES
    assert stored["player_content_id"] == ours
    assert RADIO not in str(stored)


@pytest.mark.parametrize("options", [{"jukebox_on": False}])
async def test_a_chip_that_started_nothing_leaves_the_other_music_alone_on_a_lift(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    hass_storage: dict[str, Any],
) -> None:
    await _radio_then_new_chip(hass, box, wait_until)
    await _assign_stories_in_settings(hass, box)
    await asyncio.sleep(0.1)  # the rules say no: nothing to wait for

    emulator.remove()
    await wait_until(lambda: box.runtime_data.reader.present is None)
    await hass.async_block_till_done()

    assert playing(hass, RADIO)
    assert box.runtime_data.jukebox.bookmarks.get(NEW) is None
    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": "switch.jukebox_jukebox"}, blocking=True
    )
    place(emulator, NEW)
    await wait_until(lambda: playing(hass, STORIES))
    await store_writes(hass)
    assert _played(speaker) == [RADIO, STORIES]
    assert NEW not in hass_storage.get(PROGRESS, {}).get("data", {})


async def test_a_bookmark_an_earlier_release_kept_of_other_music_is_not_resumed(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await hass.services.async_call(
        "media_player",
        "play_media",
        {"entity_id": PLAYER, "media_content_id": RADIO, "media_content_type": "music"},
        blocking=True,
    )
    await speaker.async_media_pause()
    box.runtime_data.jukebox.bookmarks.async_set(
        LULLABY,
        Bookmark(
            entity_id=PLAYER,
            media_content_id="media-source://lullabies",
            player_content_id=RADIO,
            position=12.0,
            saved_at=dt_util.utcnow().isoformat(),
        ),
    )

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))

    assert _played(speaker) == [RADIO, "media-source://lullabies"]
    assert ("media_play", None) not in speaker.calls
