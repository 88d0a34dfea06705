"""A card with many chips, in a real Home Assistant and Chromium.

With more chips than fit on a screen the list draws only the rows on screen: the first
chips show at once, a search finds the last one, scrolling shows the ones further down,
and a chip saved meanwhile appears in its place. Screenshots at desktop and phone width
go to artifacts/many-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Page, expect

from devtools.hass_client import Json
from devtools.hass_process import HomeAssistant

from .browser import (
    ARTIFACTS,
    MUSIC_FILE,
    chromium_page,
    fresh_home_assistant,
)
from .test_card import PHONE, READER, SPEAKER_ID, STEP_TIMEOUT_MS, log_in
from .test_card_rules import open_card

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.timeout(180),
]

#: more than the card draws as a plain list
CHIPS = 120


def _chip(number: int, entry_id: str) -> Json:
    return {
        "type": "nfc_jukebox/chip/save",
        "entry_id": entry_id,
        "uid": f"05{number:012X}",
        "name": f"Song {number:03d}",
        "media": {
            "entity_id": SPEAKER_ID,
            "media_content_id": f"media-source://media_source/local/{MUSIC_FILE}",
            "media_content_type": "audio/x-wav",
        },
    }


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader with CHIPS music chips."""
    pytest_socket.enable_socket()
    with fresh_home_assistant(tmp_path_factory.mktemp("homeassistant")) as instance:
        entry_id = instance.api.add_simulated_reader(READER)
        instance.api.websocket(*(_chip(number, entry_id) for number in range(CHIPS)))
        instance.entry_id_of_reader = entry_id  # type: ignore[attr-defined]
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/many-failure.png on failure."""
    with chromium_page(request, tmp_path / "chromium", "many", STEP_TIMEOUT_MS) as page:
        yield page


def test_a_card_of_many_chips_draws_the_rows_on_screen_and_finds_any_chip(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)
    chips = card.locator("li.chip")

    expect(card.get_by_text("Song 000", exact=True)).to_be_visible()
    drawn = chips.count()
    assert 0 < drawn < CHIPS  # only the rows on screen (and a few around them)
    expect(card.get_by_text(f"Song {CHIPS - 1:03d}", exact=True)).to_have_count(0)

    card.get_by_role("searchbox").fill(f"Song {CHIPS - 1:03d}")
    expect(card.get_by_text(f"Song {CHIPS - 1:03d}", exact=True)).to_be_visible()
    expect(chips).to_have_count(1)

    card.get_by_role("searchbox").fill("")
    page.mouse.move(640, 500)
    for _ in range(40):
        page.mouse.wheel(0, 1200)
        if card.get_by_text(f"Song {CHIPS - 1:03d}", exact=True).count():
            break
        page.wait_for_timeout(100)  # each wheel step draws the rows scrolled to
    expect(card.get_by_text(f"Song {CHIPS - 1:03d}", exact=True)).to_be_visible()
    (ARTIFACTS / "many-01-scrolled.png").write_bytes(page.screenshot())

    entry_id = home_assistant.entry_id_of_reader  # type: ignore[attr-defined]
    api.websocket({**_chip(CHIPS, entry_id), "name": "Song 999 (new)"})
    expect(card.get_by_text("Song 999 (new)", exact=True)).to_be_visible()
    page.set_viewport_size(PHONE)
    (ARTIFACTS / "many-01-scrolled-phone.png").write_bytes(page.screenshot())
