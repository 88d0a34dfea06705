"""The kids view's buttons: play or pause, next, previous, louder, quieter, for anyone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.nfc_jukebox.const import (
    CONF_DAILY_LIMIT,
    CONF_FADE_OUT,
    CONF_QUIET_HOURS,
)
from tests.speaker import Speaker

from .support import LULLABY, PLAYER, Client, call, subentry_id


def player_state(hass: HomeAssistant) -> str:
    """Return what the kids' speaker does."""
    state = hass.states.get(PLAYER)
    assert state is not None
    return state.state


async def press(child: Client, entry: MockConfigEntry, button: str) -> dict[str, Any]:
    """Press a button of the kids view as the child."""
    return await call(child, "press", entry_id=entry.entry_id, button=button)


async def play_lullabies(child: Client, entry: MockConfigEntry) -> None:
    """Start the lullabies, as Play now does."""
    answer = await call(
        child,
        "chip/play",
        entry_id=entry.entry_id,
        subentry_id=subentry_id(entry, LULLABY),
    )
    assert answer["success"]


async def test_a_child_pauses_and_plays_the_music_on(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    await play_lullabies(child, init_integration)

    assert (await press(child, init_integration, "play_pause"))["success"]
    assert player_state(hass) == MediaPlayerState.PAUSED
    assert (await press(child, init_integration, "play_pause"))["success"]
    assert player_state(hass) == MediaPlayerState.PLAYING


async def test_play_with_the_jukebox_switched_off_plays_nothing_and_says_why(
    hass: HomeAssistant,
    client: Client,
    child: Client,
    init_integration: MockConfigEntry,
    speaker: Speaker,
) -> None:
    await play_lullabies(child, init_integration)
    await press(child, init_integration, "play_pause")
    await call(
        client, "rules/set", entry_id=init_integration.entry_id, jukebox_on=False
    )
    calls = len(speaker.calls)

    # The volume buttons too, as the volume chips: off is off.
    for button in ("play_pause", "next", "previous", "volume_up", "volume_down"):
        answer = await press(child, init_integration, button)
        assert answer["error"]["code"] == "not_allowed"
        assert answer["error"]["translation_key"] == "blocked_off"
    # The answers come once the jukebox acted: by then the speaker would have been asked.
    assert speaker.calls[calls:] == []
    assert player_state(hass) == MediaPlayerState.PAUSED


@pytest.mark.parametrize(("bedtime", "plays"), [(False, False), (True, True)])
async def test_play_in_quiet_hours_plays_on_only_music_allowed_at_bedtime(
    hass: HomeAssistant,
    child: Client,
    init_integration: MockConfigEntry,
    *,
    bedtime: bool,
    plays: bool,
) -> None:
    chip = init_integration.subentries[subentry_id(init_integration, LULLABY)]
    hass.config_entries.async_update_subentry(
        init_integration,
        chip,
        data={**chip.data, "playback": {**chip.data["playback"], "bedtime": bedtime}},
    )
    await play_lullabies(child, init_integration)
    await press(child, init_integration, "play_pause")
    hass.states.async_set("schedule.bedtime", "on")
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, CONF_QUIET_HOURS: "schedule.bedtime"},
    )
    await hass.async_block_till_done()

    answer = await press(child, init_integration, "play_pause")

    assert answer["success"] is plays
    if not plays:
        assert answer["error"]["translation_key"] == "blocked_quiet_hours"
    assert (player_state(hass) == MediaPlayerState.PLAYING) is plays


async def test_play_with_the_listening_time_used_up_plays_nothing(
    hass: HomeAssistant,
    child: Client,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, CONF_DAILY_LIMIT: 1, CONF_FADE_OUT: 0},
    )
    await hass.async_block_till_done()
    await play_lullabies(child, init_integration)
    later = dt_util.utcnow() + timedelta(minutes=1, seconds=1)
    freezer.move_to(later)
    async_fire_time_changed(hass, later)
    await hass.async_block_till_done()
    assert player_state(hass) == MediaPlayerState.PAUSED  # the limit paused it

    answer = await press(child, init_integration, "play_pause")

    assert answer["error"]["translation_key"] == "blocked_limit"
    assert player_state(hass) == MediaPlayerState.PAUSED


async def test_louder_stops_at_the_house_maximum_and_quieter_at_the_minimum(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    await play_lullabies(child, init_integration)

    for _ in range(6):
        assert (await press(child, init_integration, "volume_up"))["success"]
    assert hass.states.get(PLAYER).attributes["volume_level"] == 0.6  # type: ignore[union-attr]
    for _ in range(8):
        assert (await press(child, init_integration, "volume_down"))["success"]
    assert hass.states.get(PLAYER).attributes["volume_level"] == 0.0  # type: ignore[union-attr]


async def test_a_volume_button_does_not_start_paused_music(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    await play_lullabies(child, init_integration)
    await press(child, init_integration, "play_pause")

    assert (await press(child, init_integration, "volume_up"))["success"]

    assert player_state(hass) == MediaPlayerState.PAUSED


async def test_next_and_previous_move_the_speaker_for_anyone(
    child: Client, init_integration: MockConfigEntry, speaker: Speaker
) -> None:
    await play_lullabies(child, init_integration)
    calls = len(speaker.calls)

    assert (await press(child, init_integration, "next"))["success"]
    assert (await press(child, init_integration, "previous"))["success"]

    names = [name for name, _value in speaker.calls[calls:]]
    assert names == ["next", "previous"]


async def test_a_button_with_no_speaker_to_press_it_on_says_so(
    child: Client, init_integration: MockConfigEntry
) -> None:
    answer = await press(child, init_integration, "play_pause")

    assert answer["error"]["translation_key"] == "no_player_for_control"


async def test_an_unknown_button_is_refused(
    child: Client, init_integration: MockConfigEntry
) -> None:
    answer = await press(child, init_integration, "eject")

    assert answer["error"]["code"] == "invalid_format"


async def test_a_button_on_a_reader_that_is_not_running_says_so(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)

    answer = await press(child, init_integration, "next")

    assert answer["error"]["translation_key"] == "reader_not_loaded"
