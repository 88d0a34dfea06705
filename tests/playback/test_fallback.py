"""The reader's fallback speaker: a chip whose speaker cannot play plays there instead."""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.const import CONF_FALLBACK_PLAYER
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from custom_components.nfc_jukebox.websocket.view import reader_state
from tests.speaker import Speaker

from .support import LULLABY, PLAYER, BasicSpeaker, WaitUntil, place

LIVING_ROOM = "media_player.living_room"


@pytest.fixture
def options() -> dict[str, Any]:
    """Give the reader the living room's speaker as its fallback speaker."""
    return {CONF_FALLBACK_PLAYER: LIVING_ROOM}


@pytest.fixture
def kids() -> Speaker:
    """Return the kids' speaker (tests pick its kind)."""
    return Speaker("Kids")


@pytest.fixture
async def speaker(hass: HomeAssistant, kids: Speaker, living_room: Speaker) -> Speaker:
    """Set up the kids' speaker, the chips' own, beside the living room's."""
    setup_test_component_platform(hass, "media_player", [kids, living_room])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return kids


@pytest.fixture
def living_room() -> Speaker:
    """Return the living room's speaker: the reader's fallback."""
    return Speaker("Living room")


def content(hass: HomeAssistant, entity_id: str) -> object:
    """Return what a speaker plays, if it plays."""
    state = hass.states.get(entity_id)
    if state is None or state.state != MediaPlayerState.PLAYING:
        return None
    return state.attributes.get("media_content_id")


async def test_a_chip_whose_speaker_is_unavailable_plays_on_the_fallback_speaker(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids: Speaker,
    living_room: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    kids._attr_available = False
    kids.async_write_ha_state()
    assert hass.states.is_state(PLAYER, STATE_UNAVAILABLE)

    place(emulator, LULLABY)
    await wait_until(lambda: content(hass, LIVING_ROOM) == "media-source://lullabies")

    # Lifted, it pauses where it plays, not on the speaker that is away.
    emulator.remove()
    await wait_until(lambda: hass.states.is_state(LIVING_ROOM, MediaPlayerState.PAUSED))
    assert kids.calls == []


@pytest.mark.parametrize("kids", [BasicSpeaker("Kids")])
async def test_a_speaker_that_is_off_and_cannot_turn_on_hands_the_chip_to_the_fallback(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await kids.async_turn_off()
    assert hass.states.is_state(PLAYER, MediaPlayerState.OFF)

    place(emulator, LULLABY)

    await wait_until(lambda: content(hass, LIVING_ROOM) == "media-source://lullabies")
    assert hass.states.is_state(PLAYER, MediaPlayerState.OFF)


async def test_a_speaker_that_is_off_but_can_turn_on_is_turned_on_and_plays(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids: Speaker,
    living_room: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await kids.async_turn_off()

    place(emulator, LULLABY)

    await wait_until(lambda: content(hass, PLAYER) == "media-source://lullabies")
    assert living_room.calls == []


async def test_the_card_says_the_chip_plays_on_the_fallback_and_which_speaker_is_off(
    hass: HomeAssistant,
    box: MockConfigEntry,
    kids: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    state = reader_state(hass, box)
    assert state["speaker_away"] is None
    kids._attr_available = False
    kids.async_write_ha_state()

    place(emulator, LULLABY)
    await wait_until(lambda: content(hass, LIVING_ROOM) == "media-source://lullabies")

    state = reader_state(hass, box)
    assert (state["speaker"], state["speaker_away"]) == (LIVING_ROOM, PLAYER)

    # Back on its own speaker, the card says nothing of a fallback.
    emulator.remove()
    await wait_until(lambda: box.runtime_data.reader.present is None)
    kids._attr_available = True
    kids.async_write_ha_state()
    place(emulator, LULLABY)
    await wait_until(lambda: content(hass, PLAYER) == "media-source://lullabies")
    state = reader_state(hass, box)
    assert (state["speaker"], state["speaker_away"]) == (PLAYER, None)


@pytest.mark.parametrize("options", [{}])
async def test_the_fallback_speaker_cannot_be_the_readers_own_speaker(
    hass: HomeAssistant, box: MockConfigEntry
) -> None:
    form = {"media_player": PLAYER, "house_rules": {}, "volume_range": {}}
    result = await hass.config_entries.options.async_init(box.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**form, CONF_FALLBACK_PLAYER: PLAYER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_FALLBACK_PLAYER: "fallback_is_speaker"}
    assert CONF_FALLBACK_PLAYER not in box.options

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**form, CONF_FALLBACK_PLAYER: LIVING_ROOM}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert box.options[CONF_FALLBACK_PLAYER] == LIVING_ROOM
