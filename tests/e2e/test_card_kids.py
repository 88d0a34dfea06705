"""The card's view for a child, in a real Home Assistant and Chromium.

A parent puts the card with `kids: true` on a dashboard; a child who is no
administrator sees what plays, big, pauses it and plays it on, turns it up to the
house maximum, and cannot start it while the jukebox is off; nothing to administer.
Screenshots at tablet and phone width go to artifacts/kids-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Locator, Page, ViewportSize, expect

from devtools.hass_client import Chip, Json
from devtools.hass_process import HomeAssistant

from .browser import ARTIFACTS, MUSIC_FILE, chromium_page, fresh_home_assistant
from .test_card import (
    CARD,
    KID,
    KID_PASSWORD,
    PHONE,
    READER,
    SPEAKER_ID,
    STEP_TIMEOUT_MS,
    UID,
    add_user,
    log_in,
    place,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.timeout(180),
]

DASHBOARD = "dashboard-kids"
TABLET = ViewportSize(width=768, height=1024)
MUSIC = f"media-source://media_source/local/{MUSIC_FILE}"
#: Apple's and Google's smallest comfortable touch target, in CSS pixels
TOUCH_TARGET = 48


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader, a music chip, a volume range."""
    pytest_socket.enable_socket()
    with fresh_home_assistant(tmp_path_factory.mktemp("homeassistant")) as instance:
        entry_id = instance.api.add_simulated_reader(READER)
        assert instance.api.add_music_chip(
            entry_id,
            Chip(
                uid=UID,
                name="Lullaby",
                entity_id=SPEAKER_ID,
                media_content_id=MUSIC,
                media_content_type="audio/x-wav",
            ),
        )
        flow = instance.api.post(
            "/api/config/config_entries/options/flow", {"handler": entry_id}
        )
        result = instance.api.post(
            f"/api/config/config_entries/options/flow/{flow['flow_id']}",
            {
                "media_player": SPEAKER_ID,
                "house_rules": {},
                "volume_range": {"min_volume": 10, "max_volume": 70},
            },
        )
        assert result["type"] == "create_entry", result
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/kids-failure.png on failure."""
    with chromium_page(request, tmp_path / "chromium", "kids", STEP_TIMEOUT_MS) as page:
        yield page


def screenshot(page: Page, name: str) -> None:
    """Save the page as artifacts/kids-NAME.png, transitions finished."""
    (ARTIFACTS / f"kids-{name}.png").write_bytes(page.screenshot(animations="disabled"))


def add_kids_dashboard(page: Page) -> None:
    """As the parent: a dashboard of its own with the card for a child, in a panel."""
    config: Json = {
        "views": [
            {
                "path": "card",
                "type": "panel",
                "cards": [{"type": f"custom:{CARD}", "kids": True}],
            }
        ]
    }
    page.evaluate(
        """async ({ dashboard, config }) => {
            const hass = document.querySelector("home-assistant").hass;
            await hass.callWS({
                type: "lovelace/dashboards/create",
                url_path: dashboard,
                title: "Kids",
                mode: "storage",
                require_admin: false,
            });
            await hass.callWS({ type: "lovelace/config/save", url_path: dashboard, config });
        }""",
        {"dashboard": DASHBOARD, "config": config},
    )


def volume(home_assistant: HomeAssistant) -> float:
    """Return the speaker's volume."""
    level: float = home_assistant.api.state(SPEAKER_ID)["attributes"]["volume_level"]
    return level


def assert_touch_targets(card: Locator) -> None:
    """Every button of the view is at least TOUCH_TARGET pixels both ways."""
    buttons = card.locator("button.press")
    expect(buttons).to_have_count(5)
    for index in range(5):
        box = buttons.nth(index).bounding_box()
        assert box is not None
        assert box["width"] >= TOUCH_TARGET, box
        assert box["height"] >= TOUCH_TARGET, box


def test_a_child_pauses_plays_and_turns_up_the_music_within_the_house_rules(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    add_kids_dashboard(page)
    add_user(page, KID, KID_PASSWORD)
    page.evaluate("localStorage.clear()")  # log out: the tokens live there
    # the demo's speaker plays from the start: off, until a chip plays on it
    api.call("media_player", "turn_off", {"entity_id": SPEAKER_ID})
    log_in(page, api.url, KID, KID_PASSWORD)
    page.set_viewport_size(TABLET)
    page.goto(f"{api.url}/{DASHBOARD}/card")
    card = page.locator(CARD)
    expect(card.get_by_text("Put a chip on the reader")).to_be_visible()
    # nothing to administer: no chip list, no house rules to switch
    expect(card.get_by_role("button", name="Add chip")).to_have_count(0)
    expect(card.get_by_role("switch")).to_have_count(0)
    expect(card.get_by_role("button", name="Play", exact=True)).to_be_disabled()

    place(home_assistant, UID)
    api.wait_for_state(SPEAKER_ID, lambda s: s["state"] == "playing", "playing")
    pause = card.get_by_role("button", name="Pause", exact=True)
    expect(pause).to_be_enabled()
    assert_touch_targets(card)
    screenshot(page, "01-playing-tablet")
    page.set_viewport_size(PHONE)
    expect(pause).to_be_in_viewport()
    assert_touch_targets(card)
    screenshot(page, "02-playing-phone")

    pause.click()
    api.wait_for_state(SPEAKER_ID, lambda s: s["state"] == "paused", "paused")
    play = card.get_by_role("button", name="Play", exact=True)
    play.click()
    api.wait_for_state(SPEAKER_ID, lambda s: s["state"] == "playing", "playing")

    meter = card.get_by_role("meter", name="Volume")
    expect(meter).to_have_attribute(
        "aria-valuenow", "70"
    )  # the chip started it in range
    for button in ("Quieter", "Quieter", "Louder", "Louder"):
        before = meter.get_attribute("aria-valuenow")
        card.get_by_role("button", name=button).click()
        expect(meter).not_to_have_attribute("aria-valuenow", before or "")
    expect(meter).to_have_attribute("aria-valuenow", "70")
    expect(card.get_by_role("button", name="Louder")).to_be_disabled()  # the maximum
    assert volume(home_assistant) == 0.7

    pause.click()
    api.wait_for_state(SPEAKER_ID, lambda s: s["state"] == "paused", "paused")
    api.call("switch", "turn_off", {"entity_id": "switch.kids_room_jukebox"})
    expect(card.get_by_role("status")).to_have_text("Jukebox is off")
    play.click()
    # the answer came: the refusal is shown once the jukebox said no
    expect(card.locator(".why[data-refused='off']")).to_be_visible()
    assert api.state(SPEAKER_ID)["state"] == "paused"
    page.set_viewport_size(TABLET)
    screenshot(page, "03-jukebox-off-tablet")
