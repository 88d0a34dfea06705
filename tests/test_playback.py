"""The jukebox: chips on a simulated reader play, pause and resume a real player entity."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, override

import pytest
from homeassistant.components.media_player.const import (
    MediaPlayerEntityFeature,
    MediaPlayerState,
)
from homeassistant.config_entries import ConfigSubentryData
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    setup_test_component_platform,
)

from custom_components.nfc_jukebox.chips.registry import find_chip
from custom_components.nfc_jukebox.const import (
    CONF_CONNECTION,
    CONF_MAX_VOLUME,
    CONF_MEDIA_PLAYER,
    CONF_ON_REMOVE,
    CONF_RESUME_WINDOW,
    DOMAIN,
    Connection,
)
from custom_components.nfc_jukebox.pn532.emulator import Pn532Emulator, ntag

from .speaker import Speaker

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


@pytest.fixture
async def speaker(hass: HomeAssistant) -> Speaker:
    """Return the kids' speaker, a media player entity in Home Assistant."""
    speaker = Speaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await hass.async_block_till_done()
    return speaker


@pytest.fixture
def options() -> dict[str, Any]:
    """Return the reader's options (tests override it)."""
    return {}


@pytest.fixture
def mock_config_entry(options: dict[str, Any]) -> MockConfigEntry:
    """Return a simulated reader with music tags and control chips."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        version=2,
        minor_version=2,
        data={CONF_CONNECTION: Connection.SIMULATED},
        options=options,
        subentries_data=[
            music(LULLABY, "Lullabies", "media-source://lullabies"),
            music(ROCK, "Rock", "media-source://rock", shuffle=True, repeat="all"),
            control(LOUDER, "Louder", "volume_up"),
            control(QUIETER, "Quieter", "volume_down"),
            control(SKIP, "Skip", "next"),
            control(BACK, "Back", "previous"),
            control(HALT, "Halt", "stop"),
            control(SLEEP, "Bedtime", "sleep_timer", minutes=20),
        ],
    )


@pytest.fixture
def box(speaker: Speaker, init_integration: MockConfigEntry) -> MockConfigEntry:
    """Return the reader entry, loaded, with the speaker ready."""
    return init_integration


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


async def test_placing_a_mapped_tag_plays_its_music(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    # The music starts on the chip's UID; tag_placed follows once it was read.
    await wait_until(lambda: bool(event_state(hass).attributes.get("event_type")))

    assert event_state(hass).attributes["mapping"] == "Lullabies"
    current = hass.states.get("sensor.jukebox_current_chip")
    assert current is not None
    assert current.state == "Lullabies"


async def test_shuffle_and_repeat_of_a_mapping_are_applied(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, ROCK)
    await wait_until(lambda: player(hass).attributes.get("repeat") == "all")

    assert playing(hass, "media-source://rock")
    assert player(hass).attributes["shuffle"] is True


async def test_another_tag_switches_the_music(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    place(emulator, ROCK)
    await wait_until(lambda: playing(hass, "media-source://rock"))


async def test_lifting_the_tag_pauses_the_player(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until)

    assert player(hass).attributes["media_content_id"] == "media-source://lullabies"


@pytest.mark.parametrize("options", [{CONF_ON_REMOVE: "stop"}])
async def test_a_reader_set_to_stop_stops_on_lift(
    hass: HomeAssistant,
    box: MockConfigEntry,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)


@pytest.mark.parametrize("options", [{CONF_ON_REMOVE: "nothing"}])
async def test_a_reader_set_to_nothing_keeps_playing_on_lift(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    emulator.remove()
    await wait_until(lambda: not box.runtime_data.reader.present)
    await asyncio.sleep(0.1)

    assert playing(hass)
    assert ("media_pause", None) not in speaker.calls


async def test_a_tag_can_override_what_lifting_does(
    hass: HomeAssistant,
    speaker: Speaker,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    mock_config_entry.add_to_hass(hass)
    set_playback(hass, mock_config_entry, LULLABY, on_remove="stop")
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))
    emulator.remove()
    await wait_until(lambda: player(hass).state == MediaPlayerState.IDLE)
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_putting_the_tag_back_resumes_where_it_stopped(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.3)
    stopped_at = speaker.position_now
    assert stopped_at > 0.2

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert speaker.calls[-1] == ("media_play", None)  # resumed, not restarted
    assert [c for c in speaker.calls if c[0] == "play_media"] == [
        ("play_media", "media-source://lullabies")
    ]
    assert speaker.position_now >= stopped_at


async def test_back_after_the_player_changed_plays_again_and_seeks(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.3)
    stopped_at = speaker.position_now
    # Meanwhile someone played something else on the speaker.
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": PLAYER,
            "media_content_id": "radio",
            "media_content_type": "music",
        },
        blocking=True,
    )

    place(emulator, LULLABY)
    await wait_until(lambda: speaker.calls[-1][0] == "media_seek")

    assert playing(hass, "media-source://lullabies")
    assert speaker.calls[-1] == ("media_seek", pytest.approx(stopped_at, abs=0.05))


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


async def test_a_player_that_is_off_is_turned_on_first(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    wait_until: WaitUntil,
) -> None:
    await speaker.async_turn_off()
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert [name for name, _ in speaker.calls][:2] == ["turn_off", "turn_on"]


async def test_an_unavailable_player_is_reported_once_and_the_next_tag_works(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="custom_components.nfc_jukebox")
    issue_id = f"playback_failed_{box.entry_id}"
    speaker._attr_available = False
    speaker.async_write_ha_state()
    assert player(hass).state == STATE_UNAVAILABLE

    place(emulator, LULLABY)
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )
    place(emulator, ROCK)
    await wait_until(lambda: box.runtime_data.reader.present is not None)
    await asyncio.sleep(0.1)
    failures = [r for r in caplog.records if "could not play" in r.getMessage()]
    assert len(failures) == 1
    assert box.state.recoverable  # nothing crashed

    speaker._attr_available = True
    speaker.async_write_ha_state()
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass, "media-source://lullabies"))
    await wait_until(lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is None)


@pytest.fixture
def demo_entry() -> MockConfigEntry:
    """Return a simulated reader whose chip plays on HA's demo living-room player."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Jukebox",
        unique_id="simulated:jukebox",
        data={CONF_CONNECTION: Connection.SIMULATED},
        options={CONF_MAX_VOLUME: 50},
        subentries_data=[
            ConfigSubentryData(
                data={
                    "uid": LULLABY,
                    "media": {
                        "entity_id": "media_player.living_room",
                        "media_content_id": "dQw4w9WgXcQ",
                        "media_content_type": "video",
                    },
                },
                subentry_type="tag",
                title="Lullabies",
                unique_id=LULLABY,
            )
        ],
    )


# The demo's own polling platforms leave a timer behind (as in Home Assistant's tests).
@pytest.mark.parametrize("expected_lingering_timers", [True])
async def test_it_plays_on_home_assistants_demo_speakers(
    hass: HomeAssistant, demo_entry: MockConfigEntry, wait_until: WaitUntil
) -> None:
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "demo", {"demo": {}})
    await hass.async_block_till_done()
    living_room = "media_player.living_room"  # plays a fireplace video at volume 1.0
    emulator = await set_up(hass, demo_entry)

    def demo() -> State:
        state = hass.states.get(living_room)
        assert state is not None
        return state

    place(emulator, LULLABY)
    await wait_until(lambda: demo().attributes.get("media_content_id") == "dQw4w9WgXcQ")
    await wait_until(lambda: demo().state == MediaPlayerState.PLAYING)
    assert demo().attributes["volume_level"] == 0.5  # it was at 1.0: capped first

    emulator.remove()
    await wait_until(lambda: demo().state == MediaPlayerState.PAUSED)
    paused_at = demo().attributes["media_position"]

    place(emulator, LULLABY)
    await wait_until(lambda: demo().state == MediaPlayerState.PLAYING)
    assert demo().attributes["media_content_id"] == "dQw4w9WgXcQ"
    assert demo().attributes["media_position"] >= paused_at  # resumed, not restarted
    await hass.config_entries.async_unload(demo_entry.entry_id)


@pytest.mark.parametrize("expected_lingering_timers", [True])
async def test_a_seek_the_demo_speaker_cannot_do_is_not_reported_as_a_failure(
    hass: HomeAssistant,
    demo_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # HA's demo living-room player says it can seek but raises NotImplementedError.
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "demo", {"demo": {}})
    await hass.async_block_till_done()
    emulator = await set_up(hass, demo_entry)
    living_room = "media_player.living_room"

    def content() -> object:
        state = hass.states.get(living_room)
        return state.attributes.get("media_content_id") if state else None

    place(emulator, LULLABY)
    await wait_until(lambda: content() == "dQw4w9WgXcQ")
    emulator.remove()
    await wait_until(lambda: hass.states.is_state(living_room, "paused"))
    await hass.services.async_call(
        "media_player",
        "play_media",
        {
            "entity_id": living_room,
            "media_content_id": "other",
            "media_content_type": "video",
        },
        blocking=True,
    )
    caplog.set_level(logging.DEBUG, logger="custom_components.nfc_jukebox")
    place(emulator, LULLABY)  # plays again, then the seek fails
    await wait_until(lambda: "media_seek failed" in caplog.text)
    await hass.async_block_till_done()

    assert content() == "dQw4w9WgXcQ"
    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{demo_entry.entry_id}")
        is None
    )
    await hass.config_entries.async_unload(demo_entry.entry_id)


@pytest.mark.parametrize(
    "error", [NotImplementedError(), HomeAssistantError("not now")], ids=repr
)
async def test_a_seek_the_speaker_cannot_do_leaves_the_music_playing_unreported(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
) -> None:
    await listen_and_lift(hass, emulator, wait_until, seconds=0.2)
    await speaker.async_media_stop()  # it forgets where it was: a seek is needed
    speaker.errors["media_seek"] = error

    place(emulator, LULLABY)
    await wait_until(lambda: speaker.calls[-1][0] == "media_seek")
    await hass.async_block_till_done()

    assert playing(hass, "media-source://lullabies")
    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{box.entry_id}")
        is None
    )
    assert "could not play" not in caplog.text


async def test_shuffle_and_repeat_the_speaker_cannot_do_leave_the_music_playing(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    speaker.errors["shuffle_set"] = HomeAssistantError("no shuffle for radio")
    speaker.errors["repeat_set"] = NotImplementedError()

    place(emulator, ROCK)
    await wait_until(lambda: "repeat_set" in (name for name, _ in speaker.calls))
    await hass.async_block_till_done()

    assert playing(hass, "media-source://rock")
    assert (
        issue_registry.async_get_issue(DOMAIN, f"playback_failed_{box.entry_id}")
        is None
    )


async def test_music_the_speaker_refuses_to_play_is_reported_as_such(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    speaker.errors["play_media"] = HomeAssistantError("unsupported media")
    issue_id = f"playback_failed_{box.entry_id}"

    place(emulator, LULLABY)
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders is not None
    error = issue.translation_placeholders["error"]
    assert error.startswith("The speaker Kids did not play the chip's music")
    assert "(unsupported media)" in error
    assert "pick other music or another speaker" in error


async def test_an_unavailable_speaker_is_reported_with_what_to_check(
    hass: HomeAssistant,
    box: MockConfigEntry,
    speaker: Speaker,
    emulator: Pn532Emulator,
    issue_registry: ir.IssueRegistry,
    wait_until: WaitUntil,
) -> None:
    speaker._attr_available = False
    speaker.async_write_ha_state()
    issue_id = f"playback_failed_{box.entry_id}"

    place(emulator, LULLABY)
    await wait_until(
        lambda: issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    )

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["error"] == (
        "The speaker Kids is unavailable. Check that it is on and reachable"
    )


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


@pytest.mark.parametrize("options", [{CONF_MAX_VOLUME: 10}])
async def test_a_basic_player_plays_without_volume_or_seeking(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = BasicSpeaker("Kids", volume=0.8)
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    emulator = await set_up(hass, mock_config_entry)

    await listen_and_lift(hass, emulator, wait_until)
    await speaker.async_media_stop()  # it forgets what it played
    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    names = [name for name, _ in speaker.calls]
    assert names == ["play_media", "media_pause", "media_stop", "play_media"]
    await hass.config_entries.async_unload(mock_config_entry.entry_id)


async def test_an_off_player_that_cannot_be_turned_on_is_asked_to_play_anyway(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    speaker = BasicSpeaker("Kids")
    setup_test_component_platform(hass, "media_player", [speaker])
    assert await async_setup_component(
        hass, "media_player", {"media_player": {"platform": "test"}}
    )
    await speaker.async_turn_off()
    emulator = await set_up(hass, mock_config_entry)

    place(emulator, LULLABY)
    await wait_until(lambda: playing(hass))

    assert [name for name, _ in speaker.calls] == ["turn_off", "play_media"]
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
