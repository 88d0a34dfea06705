"""What the playback tests share: the chips, the reader, and the speaker's state."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, override

from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.core import HomeAssistant, State
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag
from tests.speaker import Speaker

type WaitUntil = Callable[..., Awaitable[None]]


PLAYER = "media_player.kids"
#: where the home keeps every chip's progress
PROGRESS = "nfc_jukebox.progress"
LULLABY = "04A1B2C3D4E5F6"
ROCK = "04112233445566"
LOUDER = "04AAAAAAAAAAAA"
QUIETER = "04BBBBBBBBBBBB"
SKIP = "04CCCCCCCCCCCC"
BACK = "04DDDDDDDDDDDD"
HALT = "04EEEEEEEEEEEE"
SLEEP = "04FFFFFFFFFFFF"


def music(uid: str, name: str, content: str, **playback: Any) -> ConfigSubentryData:
    """Return the subentry of a music tag."""
    return ConfigSubentryData(
        data={
            "uid": uid,
            "media": {
                "entity_id": PLAYER,
                "media_content_id": content,
                "media_content_type": "music",
            },
            "playback": playback,
        },
        subentry_type="tag",
        title=name,
        unique_id=uid,
    )


def control(uid: str, name: str, action: str, **extra: Any) -> ConfigSubentryData:
    """Return the subentry of a control chip."""
    return ConfigSubentryData(
        data={"uid": uid, "action": action, **extra},
        subentry_type="control",
        title=name,
        unique_id=uid,
    )


def place(emulator: Pn532Emulator, uid: str) -> None:
    """Put a chip on the reader."""
    emulator.place(ntag("ntag215", bytes.fromhex(uid)))


async def set_up(hass: HomeAssistant, entry: MockConfigEntry) -> Pn532Emulator:
    """Set up a simulated reader entry; return its emulator."""
    if entry.entry_id not in {e.entry_id for e in hass.config_entries.async_entries()}:
        entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    emulator: Pn532Emulator | None = entry.runtime_data.reader.emulator
    assert emulator is not None
    return emulator


def set_playback(
    hass: HomeAssistant, entry: MockConfigEntry, uid: str, **playback: Any
) -> None:
    """Give the chip ``uid`` of ``entry`` these playback settings."""
    subentry = next(s for s in entry.subentries.values() if s.unique_id == uid)
    hass.config_entries.async_update_subentry(
        entry, subentry, data={**subentry.data, "playback": playback}
    )


async def listen_and_lift(
    hass: HomeAssistant,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
    *,
    seconds: float = 0.0,
) -> None:
    """Place the lullaby chip, let it play for ``seconds``, lift it: paused."""
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    await asyncio.sleep(seconds)
    emulator.remove()
    await wait_until(lambda: paused(hass))


async def store_writes(hass: HomeAssistant) -> None:
    """Let the loop turn a few times, without time passing: a store due now writes.

    (A store's write is a background task, which async_block_till_done does not
    wait for; waiting for every background task would wait for the reader.)
    """
    await hass.async_block_till_done()
    for _ in range(20):
        await asyncio.sleep(0)


async def fade_until(
    hass: HomeAssistant, wait_until: WaitUntil, predicate: Callable[[], bool]
) -> None:
    """Let a fade-out's steps run (each second is fired at once) until ``predicate``."""

    async def step() -> bool:
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=2))
        await asyncio.sleep(0.01)
        return predicate()

    for _ in range(50):
        if await step():
            return
    await wait_until(predicate)


def player(hass: HomeAssistant) -> State:
    """Return the speaker's state."""
    state = hass.states.get(PLAYER)
    assert state is not None
    return state


def playing(hass: HomeAssistant, content: str | None = None) -> bool:
    """Return whether the speaker plays (``content``)."""
    state = player(hass)
    return state.state == MediaPlayerState.PLAYING and (
        content is None or state.attributes.get("media_content_id") == content
    )


def paused(hass: HomeAssistant) -> bool:
    """Return whether the speaker is paused."""
    return player(hass).state == MediaPlayerState.PAUSED


def event_state(hass: HomeAssistant) -> State:
    """Return the state of the reader's event entity."""
    state = hass.states.get("event.jukebox_chip")
    assert state is not None
    return state


class BasicSpeaker(Speaker):
    """A speaker that can only play, pause and stop, and reports no position."""

    _attr_supported_features = (
        MediaPlayerEntityFeature.PLAY_MEDIA
        | MediaPlayerEntityFeature.PLAY
        | MediaPlayerEntityFeature.PAUSE
        | MediaPlayerEntityFeature.STOP
    )

    @property
    @override
    def media_position(self) -> float | None:  # type: ignore[override]
        return None
