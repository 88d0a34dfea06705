"""The house rules on the dashboard card, in a real Home Assistant and Chromium.

During quiet hours a parent sees the minutes left today and adds 15, turns the
jukebox off and on, and sees why the chip on the reader plays nothing; someone who is not an administrator sees
the rules but no controls. Screenshots at desktop and phone width go to
artifacts/rules-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Locator, Page, expect

from devtools.hass_client import Chip, Json
from devtools.hass_process import HomeAssistant

from .browser import (
    ARTIFACTS,
    MUSIC_FILE,
    chromium_page,
    fresh_home_assistant,
)
from .test_card import (
    CARD,
    DESKTOP,
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

DASHBOARD = "dashboard-rules"
WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader, a music chip, house rules."""
    pytest_socket.enable_socket()
    with fresh_home_assistant(tmp_path_factory.mktemp("homeassistant")) as instance:
        entry_id = instance.api.add_simulated_reader(READER)
        assert instance.api.add_music_chip(
            entry_id,
            Chip(
                uid=UID,
                name="Lullaby",
                entity_id=SPEAKER_ID,
                media_content_id=f"media-source://media_source/local/{MUSIC_FILE}",
                media_content_type="audio/x-wav",
            ),
        )
        # Quiet hours all day, every day: a schedule helper, picked in the options.
        all_day = [{"from": "00:00:00", "to": "24:00:00"}]
        instance.api.websocket(
            {
                "type": "schedule/create",
                "name": "Bedtime",
                **dict.fromkeys(WEEK, all_day),
            }
        )
        flow = instance.api.post(
            "/api/config/config_entries/options/flow", {"handler": entry_id}
        )
        result = instance.api.post(
            f"/api/config/config_entries/options/flow/{flow['flow_id']}",
            {
                "house_rules": {"quiet_hours": "schedule.bedtime", "daily_limit": 30},
                "volume_range": {
                    "min_volume": 10,
                    "max_volume": 70,
                    "night_max_volume": 40,
                },
            },
        )
        assert result["type"] == "create_entry", result
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/rules-failure.png on failure."""
    with chromium_page(
        request, tmp_path / "chromium", "rules", STEP_TIMEOUT_MS
    ) as page:
        yield page


def screenshot(page: Page, name: str) -> None:
    """Save the page as artifacts/rules-NAME.png, transitions finished."""
    (ARTIFACTS / f"rules-{name}.png").write_bytes(
        page.screenshot(animations="disabled")
    )


def open_card(page: Page, url: str, dashboard: str = DASHBOARD) -> Locator:
    """Put the card on a new dashboard and open it."""
    config: Json = {"views": [{"path": "card", "cards": [{"type": f"custom:{CARD}"}]}]}
    page.evaluate(
        """async ({ dashboard, config }) => {
            const hass = document.querySelector("home-assistant").hass;
            await hass.callWS({
                type: "lovelace/dashboards/create",
                url_path: dashboard,
                title: "Rules",
                mode: "storage",
            });
            await hass.callWS({ type: "lovelace/config/save", url_path: dashboard, config });
        }""",
        {"dashboard": dashboard, "config": config},
    )
    page.goto(f"{url}/{dashboard}/card")
    card = page.locator(CARD)
    expect(card.get_by_text(READER)).to_be_visible()
    return card


def test_the_card_shows_the_house_rules_and_lets_a_parent_change_them(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)
    rules = card.get_by_role("group", name="House rules")
    expect(rules).to_contain_text("30 min left today")
    expect(rules).to_contain_text("Quiet hours")
    expect(rules).to_contain_text("Volume 10\u201340%")  # the night maximum

    rules.get_by_role("button", name="+15 min").click()
    expect(rules).to_contain_text("45 min left today")

    jukebox = rules.get_by_role("switch", name="Jukebox", exact=True)
    expect(jukebox).to_have_attribute("aria-checked", "true")
    jukebox.click()
    expect(jukebox).to_have_attribute("aria-checked", "false")
    expect(jukebox).to_have_text("Jukebox is off")
    assert api.state("switch.kids_room_jukebox")["state"] == "off"

    place(home_assistant, UID)
    blocked = card.locator(".on-reader .blocked")
    expect(blocked).to_have_text("Jukebox is off")
    screenshot(page, "01-jukebox-off-desktop")
    page.set_viewport_size(PHONE)
    expect(jukebox).to_be_in_viewport()
    screenshot(page, "02-jukebox-off-phone")

    jukebox.click()
    expect(jukebox).to_have_attribute("aria-checked", "true")
    expect(blocked).to_have_text("Quiet hours")  # the next rule that says no
    page.set_viewport_size(DESKTOP)
    screenshot(page, "03-quiet-hours-desktop")

    add_user(page, KID, KID_PASSWORD)
    page.evaluate("localStorage.clear()")  # log out: the tokens live there
    log_in(page, api.url, KID, KID_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{api.url}/{DASHBOARD}/card")
    expect(rules).to_contain_text("45 min left today")
    expect(rules).to_contain_text("Jukebox")
    expect(rules.get_by_role("switch")).to_have_count(0)
    expect(rules.get_by_role("button", name="+15 min")).to_have_count(0)
    screenshot(page, "04-not-an-administrator-phone")
