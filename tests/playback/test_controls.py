"""Control chips: louder, quieter, next, previous and stop on the speaker that plays."""

from __future__ import annotations

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.nfc_jukebox.const import (
    CONF_MEDIA_PLAYER,
    DOMAIN,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    BACK,
    HALT,
    LOUDER,
    LULLABY,
    PLAYER,
    QUIETER,
    SKIP,
    WaitUntil,
    place,
    player,
    playing,
)


async def test_control_chips_change_volume_and_tracks_and_play_on(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    place(emulator, QUIETER)  # the music chip is lifted: paused, then quieter, on
    await wait_until(lambda: speaker.calls[-1] == ("media_play", None))
    assert player(hass).attributes["volume_level"] == 0.4

    place(emulator, SKIP)
    await wait_until(lambda: player(hass).attributes.get("media_track") == 2)
    place(emulator, BACK)
    await wait_until(lambda: player(hass).attributes.get("media_track") == 1)
    assert playing(hass)

    place(emulator, HALT)
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)


@pytest.mark.parametrize("options", [{CONF_MEDIA_PLAYER: PLAYER}])
async def test_control_chips_use_the_readers_default_player_before_any_music(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LOUDER)
    await wait_until(lambda: player(hass).attributes["volume_level"] == 0.6)


async def test_a_control_chip_with_no_player_to_control_is_reported(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LOUDER)
    issue_id = f"playback_failed_{box.entry_id}"
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert "has no speaker" in issue.translation_placeholders["error"]
