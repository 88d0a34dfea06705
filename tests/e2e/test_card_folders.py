"""Picking a folder in the dashboard card, in a real Home Assistant and Chromium.

A parent assigns a new chip a whole folder of My media (an album, an audiobook):
**Play a whole folder** in the chip's form, open the folder, **Use this folder**,
**Save**; the chip plays the folder's first track. Screenshots at desktop and phone
width go to artifacts/folders-*.png.
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Page, expect

from devtools.hass_client import DOMAIN
from devtools.hass_process import HomeAssistant

from .browser import ARTIFACTS, chromium_page, fresh_home_assistant
from .test_card import (
    CARD,
    DESKTOP,
    NEW_UID,
    PHONE,
    READER,
    SPEAKER,
    SPEAKER_ID,
    STEP_TIMEOUT_MS,
    log_in,
    place,
    playing,
)
from .test_card_rules import open_card

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.timeout(180),
]

ALBUM = "Bedtime stories"
#: written in this order on purpose: the card lists, the jukebox plays "1" first
TRACKS = ("2 Stars.wav", "1 Moon.wav", "10 Owl.wav")
FIRST = f"media-source://media_source/local/{ALBUM}/1 Moon.wav"
CHIP = "Stories"


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader and an album in My media."""
    pytest_socket.enable_socket()
    config = tmp_path_factory.mktemp("homeassistant")
    with fresh_home_assistant(config) as instance:
        album = config / "media" / ALBUM
        album.mkdir()
        for name in TRACKS:
            with wave.open(str(album / name), "wb") as audio:
                audio.setnchannels(1)
                audio.setsampwidth(2)
                audio.setframerate(8000)
                audio.writeframes(b"\0\0" * 8000)  # a second of silence
        instance.api.add_simulated_reader(READER)
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/folders-failure.png on failure."""
    with chromium_page(
        request, tmp_path / "chromium", "folders", STEP_TIMEOUT_MS
    ) as page:
        yield page


def screenshots(page: Page, name: str) -> None:
    """Save the page at desktop and phone width: folders-NAME(-phone).png."""
    (ARTIFACTS / f"folders-{name}.png").write_bytes(
        page.screenshot(animations="disabled")
    )
    page.set_viewport_size(PHONE)
    (ARTIFACTS / f"folders-{name}-phone.png").write_bytes(
        page.screenshot(animations="disabled", full_page=True)
    )
    page.set_viewport_size(DESKTOP)


def test_a_parent_picks_a_folder_in_the_card_and_the_chip_plays_it(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)
    place(home_assistant, NEW_UID)
    expect(card.get_by_text("New chip")).to_be_visible()

    card.get_by_role("button", name="Assign").click()
    card.get_by_role("textbox", name="Name").fill(CHIP)
    card.get_by_text("Select an entity").click()
    page.get_by_placeholder("Search | Add custom item").fill(SPEAKER)
    page.get_by_role("option", name=f"{SPEAKER} Media player").click()
    card.get_by_role("button", name="Play a whole folder").click()
    folders = card.get_by_role("group", name="Pick a folder")
    expect(folders.get_by_role("button", name=ALBUM)).to_be_visible()
    screenshots(page, "00-my-media")
    folders.get_by_role("button", name=ALBUM).click()
    expect(folders).to_contain_text("3 tracks")
    screenshots(page, "01-folder-open")

    folders.get_by_role("button", name="Use this folder").click()
    expect(folders).to_have_count(0)
    # The media picker shows the folder, on the reader's speaker.
    expect(card.get_by_role("button", name=ALBUM)).to_be_visible()
    expect(card.get_by_text(SPEAKER).first).to_be_visible()
    screenshots(page, "02-folder-picked")
    card.get_by_role("button", name="Save").click()

    api.wait_for_state(SPEAKER_ID, playing(FIRST), f"playing {FIRST}")
    expect(card.locator(".on-reader").get_by_text(CHIP)).to_be_visible()
    # Which of the folder's tracks plays, under the title.
    expect(card.get_by_text("Track 1 of 3")).to_be_visible()
    screenshots(page, "03-folder-chip-playing")
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 1
    assert page.locator(CARD).count() == 1
