"""Where a chip stopped: the resume window, bookmarks kept and forgotten."""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.chips.registry import find_chip
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_RESUME_WINDOW,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    LULLABY,
    PROGRESS,
    WaitUntil,
    listen_and_lift,
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
