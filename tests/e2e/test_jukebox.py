"""A real Home Assistant, set up over HTTP, plays, pauses and resumes its demo speakers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from devtools.hass_client import DOMAIN, Chip, HomeAssistantApi, set_up
from devtools.hass_process import HomeAssistant

from .conftest import BEDROOM_CHIP, LIVING_ROOM_CHIP, READER, RELEASE

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(150),  # the first test also waits for Home Assistant to start
]

type State = dict[str, Any]

EVENT = "event.jukebox_chip"
PRESENT = "binary_sensor.jukebox_chip_present"


class Reader:
    """Places and lifts chips on the simulated reader through its actions."""

    def __init__(self, home_assistant: HomeAssistant) -> None:
        """Use the reader that the session's Home Assistant was set up with."""
        self.api = home_assistant.api
        self.entry_id = home_assistant.entry_id

    def place(self, chip: Chip, **extra: str) -> None:
        """Put ``chip`` on the reader (``uri``/``text`` become its NDEF records)."""
        self.api.call(
            DOMAIN,
            "simulate_place",
            {"config_entry_id": self.entry_id, "uid": chip.uid, **extra},
        )

    def lift(self) -> None:
        """Take the chip off the reader."""
        self.api.call(DOMAIN, "simulate_remove", {"config_entry_id": self.entry_id})


@pytest.fixture
def reader(home_assistant: HomeAssistant) -> Iterator[Reader]:
    """Return the simulated reader; no chip is left on it after the test."""
    reader = Reader(home_assistant)
    yield reader
    reader.lift()
    home_assistant.api.wait_for_state(
        PRESENT, lambda state: state["state"] == "off", "off (chip lifted)"
    )


def test_it_runs_the_latest_release_with_the_jukebox_loaded(
    home_assistant: HomeAssistant,
) -> None:
    api = home_assistant.api
    assert api.get("/api/config")["version"] == RELEASE
    assert api.pending_onboarding_steps() == []
    [entry] = api.config_entries(DOMAIN)
    assert entry["title"] == READER
    assert entry["state"] == "loaded"
    assert entry["num_subentries"] == 2  # the two chips


def test_setting_up_again_skips_what_exists(home_assistant: HomeAssistant) -> None:
    """What scripts/develop does after an interrupted first start: log in, add nothing."""
    api = HomeAssistantApi(home_assistant.api.url)
    again = set_up(api, reader_name=READER, chips=(LIVING_ROOM_CHIP, BEDROOM_CHIP))
    assert again.entry_id == home_assistant.entry_id
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 2


def test_a_chip_plays_its_music_pauses_when_lifted_and_resumes_when_put_back(
    home_assistant: HomeAssistant, reader: Reader
) -> None:
    api = home_assistant.api
    player = LIVING_ROOM_CHIP.entity_id

    def playing_the_chip(state: State) -> bool:
        content: str | None = state["attributes"].get("media_content_id")
        return (
            state["state"] == "playing" and content == LIVING_ROOM_CHIP.media_content_id
        )

    reader.place(LIVING_ROOM_CHIP)
    playing = api.wait_for_state(player, playing_the_chip, "playing the chip's video")
    assert playing["attributes"]["media_position"] >= 0

    reader.lift()
    paused = api.wait_for_state(
        player, lambda state: state["state"] == "paused", "paused"
    )
    assert paused["attributes"]["media_content_id"] == LIVING_ROOM_CHIP.media_content_id
    paused_at = paused["attributes"]["media_position"]
    assert paused_at >= playing["attributes"]["media_position"]

    reader.place(LIVING_ROOM_CHIP)
    resumed = api.wait_for_state(player, playing_the_chip, "playing the chip again")
    # Resumed where it paused, not started over; playing positions carry their time.
    assert resumed["attributes"]["media_position"] >= paused_at
    assert "media_position_updated_at" in resumed["attributes"]


def test_the_event_entity_reports_each_chip_placed_and_lifted(
    home_assistant: HomeAssistant, reader: Reader
) -> None:
    api = home_assistant.api
    before = api.state(EVENT)["state"]

    reader.place(BEDROOM_CHIP, uri="https://example.com/fireplace")
    placed = api.wait_for_state(
        EVENT,
        lambda state: (
            state["state"] != before
            and state["attributes"].get("event_type") == "tag_placed"
        ),
        "a tag_placed event",
    )
    attributes = placed["attributes"]
    assert attributes["event_types"] == ["tag_placed", "tag_removed"]
    assert attributes["uid"] == BEDROOM_CHIP.uid
    assert attributes["tag_type"] == "ntag215"
    assert attributes["mapping"] == BEDROOM_CHIP.name
    assert any(
        "https://example.com/fireplace" in str(record) for record in attributes["ndef"]
    ), attributes["ndef"]
    assert api.state(PRESENT)["state"] == "on"
    api.wait_for_state(
        BEDROOM_CHIP.entity_id,
        lambda state: (
            state["attributes"].get("media_content_id") == BEDROOM_CHIP.media_content_id
        ),
        "playing the bedroom chip",
    )

    reader.lift()
    removed = api.wait_for_state(
        EVENT,
        lambda state: (
            state["state"] != placed["state"]
            and state["attributes"].get("event_type") == "tag_removed"
        ),
        "a tag_removed event",
    )
    assert removed["attributes"]["uid"] == BEDROOM_CHIP.uid
    assert removed["attributes"]["mapping"] == BEDROOM_CHIP.name


def test_home_assistant_installed_nothing_and_the_jukebox_logged_no_error(
    home_assistant: HomeAssistant,
) -> None:
    log = home_assistant.log.read_text(errors="replace")
    # requirements_develop.txt pins all that Home Assistant needs for this setup.
    assert "Attempting install of" not in log, home_assistant.log_tail()
    assert "Setup failed" not in log
    errors = [
        line for line in log.splitlines() if " ERROR " in line and "nfc_jukebox" in line
    ]
    assert errors == []
