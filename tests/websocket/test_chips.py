"""The card's chips: adding, changing, deleting and playing a chip."""

from __future__ import annotations

from typing import Any

import pytest
from homeassistant.components.media_player.const import MediaPlayerState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
)

from custom_components.nfc_jukebox.const import CONF_QUIET_HOURS
from custom_components.nfc_jukebox.pn532.emulator import ntag
from tests.conftest import offer_of
from tests.feeds import FeedServer
from tests.speaker import Speaker

from .support import (
    LOUDER,
    LULLABY,
    MEDIA,
    NEW,
    PLAYER,
    Client,
    WaitUntil,
    call,
    emulator_of,
    next_state,
    state_where,
    subentry_id,
    subscribe,
)


async def test_saving_a_new_chip_adds_it_like_the_settings_flow(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(client)
    await next_state(client)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid="04:de:ad:be:ef:00:01",
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    subentry = init_integration.subentries[answer["result"]["subentry_id"]]
    assert subentry.subentry_type == "tag"
    assert subentry.title == "Rock"
    assert subentry.unique_id == NEW
    assert dict(subentry.data) == {
        "uid": NEW,
        "media": MEDIA,
        # the form's defaults, as the Settings flow stores them
        "playback": {
            "order": "in_order",
            "repeat": "off",
            "on_remove": "inherit",
            "mode": "music",
            "bedtime": False,
        },
    }
    reader = await state_where(client, lambda reader: len(reader["chips"]) == 4)
    assert "Rock" in [chip["name"] for chip in reader["chips"]]


async def test_saving_a_chip_changes_it(
    client: Client, init_integration: MockConfigEntry
) -> None:
    chip = subentry_id(init_integration, LULLABY)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        subentry_id=chip,
        uid=LULLABY,
        name="Sleepy songs",
        media=MEDIA,
        playback={"repeat": "all", "volume": 30},
    )

    assert answer["success"]
    assert answer["result"] == {"subentry_id": chip}
    subentry = init_integration.subentries[chip]
    assert subentry.title == "Sleepy songs"
    assert subentry.data["playback"]["repeat"] == "all"
    assert subentry.data["playback"]["volume"] == 30


@pytest.mark.parametrize(
    ("uid", "error", "named"),
    [
        ("04 A1 B2", "invalid_uid", {}),
        ("nonsense", "invalid_uid", {}),
        (LOUDER, "uid_taken_by_chip", {"placeholders": {"chip": "Louder"}}),
    ],
)
async def test_a_wrong_uid_is_refused_on_its_field(
    client: Client,
    init_integration: MockConfigEntry,
    uid: str,
    error: str,
    named: dict[str, Any],
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=uid,
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    assert answer["result"] == {"errors": {"uid": error}, **named}
    assert len(init_integration.subentries) == 3


async def test_music_without_a_speaker_is_refused(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media={"media_content_id": "x"},
    )

    assert answer["result"] == {"errors": {"base": "invalid_chip"}}
    assert len(init_integration.subentries) == 3


MEBIBYTE = "x" * 2**20


@pytest.mark.parametrize(
    "media",
    [
        {**MEDIA, "media_content_id": MEBIBYTE},
        {**MEDIA, "media_content_type": MEBIBYTE},
        {**MEDIA, "metadata": {"title": "Rock", "thumbnail": MEBIBYTE}},
    ],
    ids=["content id", "content type", "metadata"],
)
async def test_music_too_large_to_store_is_refused_on_its_field(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
    media: dict[str, Any],
) -> None:
    stored = dict(init_integration.subentries)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media=media,
    )

    assert answer["result"] == {"errors": {"media": "media_too_long"}}
    assert dict(init_integration.subentries) == stored


async def test_assigning_the_chip_on_the_reader_plays_it(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
    wait_until: WaitUntil,
) -> None:
    await subscribe(client)
    await next_state(client)
    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(NEW)))
    await state_where(client, lambda reader: reader["chip"] is not None)
    await wait_until(lambda: offer_of(hass, NEW) is not None)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    state = hass.states.get(PLAYER)
    assert state
    assert state.state == MediaPlayerState.PLAYING
    assert state.attributes["media_content_id"] == "media-source://rock"
    assert offer_of(hass, NEW) is None


async def test_a_chip_saved_in_the_card_while_on_the_reader_starts_once(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
    speaker: Speaker,
    wait_until: WaitUntil,
) -> None:
    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(NEW)))
    jukebox = init_integration.runtime_data.jukebox
    await wait_until(lambda: jukebox.last_unknown_uid == NEW)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media=MEDIA,
    )

    assert answer["success"]
    await wait_until(lambda: speaker.media_content_id == MEDIA["media_content_id"])
    await hass.async_block_till_done()
    played = [value for name, value in speaker.calls if name == "play_media"]
    assert played == [MEDIA["media_content_id"]]


async def test_renaming_the_chip_that_plays_does_not_start_it_over(
    hass: HomeAssistant,
    client: Client,
    init_integration: MockConfigEntry,
    speaker: Speaker,
    wait_until: WaitUntil,
) -> None:
    lullabies = {**MEDIA, "media_content_id": "media-source://lullabies"}
    emulator_of(init_integration).place(ntag("ntag215", bytes.fromhex(LULLABY)))
    await wait_until(lambda: speaker.media_content_id == lullabies["media_content_id"])
    await hass.async_block_till_done()
    calls = len(speaker.calls)

    for name, media in (("Sleepy songs", lullabies), ("Rock", MEDIA)):
        answer = await call(
            client,
            "chip/save",
            entry_id=init_integration.entry_id,
            subentry_id=subentry_id(init_integration, LULLABY),
            uid=LULLABY,
            name=name,
            media=media,
        )
        assert answer["success"]
    await wait_until(lambda: speaker.media_content_id == MEDIA["media_content_id"])
    await hass.async_block_till_done()

    played = [value for name, value in speaker.calls[calls:] if name == "play_media"]
    assert played == [MEDIA["media_content_id"]]


async def test_play_now_plays_a_chips_music_for_anyone(
    hass: HomeAssistant, child: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        child,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LULLABY),
    )

    assert answer["success"]
    state = hass.states.get(PLAYER)
    assert state
    assert state.state == MediaPlayerState.PLAYING
    assert state.attributes["media_content_id"] == "media-source://lullabies"
    assert state.attributes["volume_level"] <= 0.6


async def test_play_now_with_the_jukebox_switched_off_plays_nothing_and_says_why(
    hass: HomeAssistant,
    client: Client,
    child: Client,
    init_integration: MockConfigEntry,
    speaker: Speaker,
) -> None:
    await call(
        client, "rules/set", entry_id=init_integration.entry_id, jukebox_on=False
    )

    answer = await call(
        child,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LULLABY),
    )

    # The answer comes once the jukebox acted: by then the speaker would have been asked.
    assert answer["error"]["code"] == "not_allowed"
    assert answer["error"]["translation_key"] == "blocked_off"
    assert not [call for call in speaker.calls if call[0] == "play_media"]
    assert hass.states.get(PLAYER).state != MediaPlayerState.PLAYING  # type: ignore[union-attr]


@pytest.mark.parametrize(("bedtime", "plays"), [(False, False), (True, True)])
async def test_play_now_in_quiet_hours_plays_only_a_chip_allowed_at_bedtime(
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
    hass.states.async_set("schedule.bedtime", "on")
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, CONF_QUIET_HOURS: "schedule.bedtime"},
    )
    await hass.async_block_till_done()

    answer = await call(
        child,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=chip.subentry_id,
    )

    assert answer["success"] is plays
    if not plays:
        assert answer["error"]["translation_key"] == "blocked_quiet_hours"
    playing = hass.states.get(PLAYER).state == MediaPlayerState.PLAYING  # type: ignore[union-attr]
    assert playing is plays


async def test_play_now_on_a_reader_that_is_not_running_says_so(
    hass: HomeAssistant, client: Client, init_integration: MockConfigEntry
) -> None:
    await hass.config_entries.async_unload(init_integration.entry_id)

    answer = await call(
        client,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LULLABY),
    )

    assert answer["error"]["translation_key"] == "reader_not_loaded"
    assert answer["error"]["translation_placeholders"] == {"name": "Jukebox"}


async def test_a_control_chip_cannot_play_now(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/play",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LOUDER),
    )

    assert not answer["success"]
    assert answer["error"]["translation_key"] == "not_a_music_chip"


async def test_a_control_chip_is_not_changed_into_a_music_chip(
    client: Client, init_integration: MockConfigEntry
) -> None:
    chip = subentry_id(init_integration, LOUDER)

    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        subentry_id=chip,
        uid=LOUDER,
        name="Rock",
        media=MEDIA,
    )

    assert answer["error"]["translation_key"] == "not_a_music_chip"
    assert dict(init_integration.subentries[chip].data) == {
        "uid": LOUDER,
        "action": "volume_up",
    }


async def test_deleting_a_chip_removes_its_subentry(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/delete",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LOUDER),
    )

    assert answer["success"]
    assert [s.title for s in init_integration.subentries.values()] == [
        "Lullabies",
        "Bedtime",
    ]


@pytest.mark.parametrize(
    ("command", "data"),
    [
        ("chip/delete", {"subentry_id": "nope"}),
        ("chip/play", {"subentry_id": "nope"}),
        ("chip/save", {"subentry_id": "nope", "uid": NEW, "name": "R", "media": MEDIA}),
    ],
)
async def test_an_unknown_chip_is_not_found(
    client: Client,
    init_integration: MockConfigEntry,
    command: str,
    data: dict[str, Any],
) -> None:
    answer = await call(client, command, entry_id=init_integration.entry_id, **data)

    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "chip_not_found"


async def test_an_unknown_reader_is_not_found(client: Client) -> None:
    answer = await call(client, "chip/delete", entry_id="nope", subentry_id="nope")

    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "reader_not_found"


async def test_only_administrators_change_chips(
    child: Client, init_integration: MockConfigEntry
) -> None:
    await subscribe(child)
    assert (await next_state(child))["can_edit"] is False

    saved = await call(
        child,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Rock",
        media=MEDIA,
    )
    deleted = await call(
        child,
        "chip/delete",
        entry_id=init_integration.entry_id,
        subentry_id=subentry_id(init_integration, LOUDER),
    )

    assert saved["error"]["code"] == "unauthorized"
    assert deleted["error"]["code"] == "unauthorized"
    assert len(init_integration.subentries) == 3


# House rules ---------------------------------------------------------------------


async def test_saving_a_typed_podcast_feed_makes_a_podcast_chip(
    client: Client,
    init_integration: MockConfigEntry,
    feeds: FeedServer,
    wait_until: WaitUntil,
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Stories",
        media={**MEDIA, "media_content_id": "", "media_content_type": ""},
        feed=f" {feeds.url('kids.xml')} ",
        playback={"episodes": "next"},
    )

    subentry = init_integration.subentries[answer["result"]["subentry_id"]]
    assert subentry.data["media"] == {
        "entity_id": PLAYER,
        "media_content_id": feeds.url("kids.xml"),
        "media_content_type": "podcast",
    }
    assert subentry.data["playback"]["episodes"] == "next"
    # saved, its feed is read at once: placed, it plays without waiting
    podcasts = init_integration.runtime_data.jukebox.listings.podcasts
    await wait_until(lambda: podcasts.tracks(feeds.url("kids.xml")) is not None)


async def test_a_podcast_chip_keeps_its_newest_episodes_as_the_form_says(
    client: Client,
    init_integration: MockConfigEntry,
    feeds: FeedServer,
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Stories",
        feed=feeds.url("kids.xml"),
        play_on=PLAYER,
        playback={"keep_episodes": 3, "keep_mb": 200},
    )

    subentry = init_integration.subentries[answer["result"]["subentry_id"]]
    assert subentry.data["playback"]["keep_episodes"] == 3
    assert subentry.data["playback"]["keep_mb"] == 200


@pytest.mark.parametrize(
    ("keep", "errors"),
    [
        (0, {"base": "invalid_chip"}),
        (51, {"base": "invalid_chip"}),
        (2.5, {"playback": "not_whole_number"}),
    ],
)
async def test_keeping_no_or_too_many_episodes_is_refused_and_saves_nothing(
    client: Client,
    init_integration: MockConfigEntry,
    feeds: FeedServer,
    keep: float,
    errors: dict[str, str],
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Stories",
        feed=feeds.url("kids.xml"),
        play_on=PLAYER,
        playback={"keep_episodes": keep},
    )

    assert answer["result"] == {"errors": errors}
    assert len(init_integration.subentries) == 3


async def test_a_typed_stream_that_is_no_web_address_is_refused_on_its_field(
    client: Client, init_integration: MockConfigEntry
) -> None:
    answer = await call(
        client,
        "chip/save",
        entry_id=init_integration.entry_id,
        uid=NEW,
        name="Radio",
        stream="ftp://example.com/live",
        play_on=PLAYER,
    )

    assert answer["result"] == {"errors": {"stream": "invalid_web_address"}}
    assert len(init_integration.subentries) == 3
