"""The volume range: a speaker is capped before playing, chips stay within it."""

from __future__ import annotations

import pytest
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import CONF_MAX_VOLUME
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    LOUDER,
    LULLABY,
    WaitUntil,
    place,
    player,
    playing,
    set_playback,
    set_up,
)


@pytest.mark.parametrize("options", [{CONF_MAX_VOLUME: 40}])
async def test_a_player_above_the_cap_is_lowered_before_playing(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await speaker.async_set_volume_level(0.9)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    names = [name for name, _ in speaker.calls]
    assert names.index("volume_set", 1) < names.index("play_media")
    assert player(hass).attributes["volume_level"] == 0.4


@pytest.mark.parametrize("options", [{CONF_MAX_VOLUME: 40}])
async def test_control_chips_never_raise_the_volume_above_the_cap(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await speaker.async_set_volume_level(0.35)
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    for _ in range(3):
        place(emulator, LOUDER)
        await wait_until(lambda: speaker.calls[-1][0] == "media_play")
        place(emulator, LULLABY)
        await wait_until(lambda: playing(hass))

    assert player(hass).attributes["volume_level"] == 0.4
    assert max(v for name, v in speaker.calls if name == "volume_set") == 0.4


async def test_a_start_volume_is_applied_but_capped(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, options={CONF_MAX_VOLUME: 60}
    )
    set_playback(hass, mock_config_entry, LULLABY, volume=80)
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert player(hass).attributes["volume_level"] == 0.6
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
