"""The sleep timer a control chip starts: it pauses the music, or is cancelled."""

from __future__ import annotations

from datetime import timedelta

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.nfc_jukebox.const import DOMAIN
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator
from tests.speaker import Speaker

from .support import (
    LULLABY,
    SLEEP,
    WaitUntil,
    fade_until,
    paused,
    place,
    playing,
)


async def test_the_sleep_timer_pauses_the_music_and_the_chip_cancels_it(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    timer = "sensor.jukebox_sleep_timer"
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    place(emulator, SLEEP)
    await wait_until(lambda: hass.states.get(timer).state not in ("unknown", None))  # type: ignore[union-attr]

    state = hass.states.get(timer)
    assert state is not None
    ends = dt_util.parse_datetime(state.state)
    assert ends is not None
    assert timedelta(minutes=19) < ends - dt_util.utcnow() <= timedelta(minutes=20)

    # Placing the chip again cancels the timer.
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    place(emulator, SLEEP)
    await wait_until(lambda: hass.states.get(timer).state == "unknown")  # type: ignore[union-attr]

    # Set again, it pauses the music when it runs out.
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    place(emulator, SLEEP)
    await wait_until(lambda: hass.states.get(timer).state != "unknown")  # type: ignore[union-attr]
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=21))
    await fade_until(hass, wait_until, lambda: paused(hass))
    await wait_until(lambda: hass.states.get(timer).state == "unknown")  # type: ignore[union-attr]


async def test_a_sleep_timer_running_out_before_any_music_does_nothing(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, SLEEP)
    await wait_until(lambda: box.runtime_data.jukebox.sleep_until is not None)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=21))
    await wait_until(lambda: box.runtime_data.jukebox.sleep_until is None)
    await hass.async_block_till_done()

    assert speaker.calls == []


async def test_a_sleep_timer_on_an_unavailable_player_is_reported(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    place(emulator, SLEEP)
    await wait_until(lambda: box.runtime_data.jukebox.sleep_until is not None)
    speaker._attr_available = False
    speaker.async_write_ha_state()

    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=21))
    issue_id = f"playback_failed_{box.entry_id}"
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )
