"""A podcast chip made in the dashboard card, in a real Home Assistant and Chromium.

A parent assigns a new chip a podcast: the feed's address typed into **Or a podcast
feed**, **Save**; the chip plays the newest episode and the card shows it by its
title. With **Keep the newest episodes on this box** it downloads them into My media.
The feed and its audio files are served on loopback by this test. Screenshots at desktop and phone
width go to artifacts/podcasts-*.png.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Page, expect

from devtools.hass_client import DOMAIN
from devtools.hass_process import HomeAssistant
from tests.feeds import episode_url, rss

from .browser import ARTIFACTS, chromium_page, fresh_home_assistant
from .test_card import (
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

CHIP = "Fox stories"
FEED = "fox.xml"
#: each episode's audio file: what the box keeps
AUDIO = b"\0" * 3000


@pytest.fixture(scope="module")
def feed_base() -> Iterator[str]:
    """Serve a podcast of three episodes on loopback; return the server's address."""
    pytest_socket.enable_socket()
    holder: dict[str, str] = {}

    class Feed(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            audio = self.path.startswith("/audio/")
            body = AUDIO if audio else rss(holder["base"], FEED, 3)
            self.send_response(200)
            self.send_header(
                "Content-Type", "audio/mpeg" if audio else "application/rss+xml"
            )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    holder["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder["base"]
    server.shutdown()


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return this module's Home Assistant configuration folder."""
    return tmp_path_factory.mktemp("homeassistant")


@pytest.fixture(scope="module")
def home_assistant(config: Path, feed_base: str) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant, with a reader."""
    pytest_socket.enable_socket()
    with fresh_home_assistant(config) as instance:
        instance.api.add_simulated_reader(READER)
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/podcasts-failure.png on failure."""
    with chromium_page(
        request, tmp_path / "chromium", "podcasts", STEP_TIMEOUT_MS
    ) as page:
        yield page


def screenshots(page: Page, name: str) -> None:
    """Save the page at desktop and phone width: podcasts-NAME(-phone).png."""
    (ARTIFACTS / f"podcasts-{name}.png").write_bytes(
        page.screenshot(animations="disabled")
    )
    page.set_viewport_size(PHONE)
    (ARTIFACTS / f"podcasts-{name}-phone.png").write_bytes(
        page.screenshot(animations="disabled", full_page=True)
    )
    page.set_viewport_size(DESKTOP)


def kept_episodes(config: Path) -> list[Path]:
    """Return the episodes kept in My media → NFC Jukebox → Podcasts."""
    return sorted((config / "media" / "NFC Jukebox" / "Podcasts").glob("*/*.mp3"))


def test_a_parent_types_a_podcast_feed_in_the_card_and_the_chip_plays_its_newest_episode(
    home_assistant: HomeAssistant, page: Page, feed_base: str, config: Path
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)
    place(home_assistant, NEW_UID)
    expect(card.get_by_text("New chip")).to_be_visible()

    card.get_by_role("button", name="Assign").click()
    card.get_by_role("textbox", name="Name").fill(CHIP)
    feed = card.get_by_role("textbox", name="Or a podcast feed")
    feed.fill(f"{feed_base}/{FEED}")
    expect(feed).to_have_value(f"{feed_base}/{FEED}")
    card.get_by_text("Select an entity").click()
    page.get_by_placeholder("Search | Add custom item").fill(SPEAKER)
    page.get_by_role("option", name=f"{SPEAKER} Media player").click()
    expect(card.get_by_role("button", name="Pick media")).to_be_visible()
    # A typed feed is music enough: no need to pick media.
    expect(feed).to_have_value(f"{feed_base}/{FEED}")
    expect(card.get_by_role("button", name="Save")).to_be_enabled()
    screenshots(page, "00-feed-typed")
    card.get_by_text("Playback settings").click()
    playback = card.locator("ha-expansion-panel")
    keep = playback.get_by_role("spinbutton", name="Keep the newest episodes")
    keep.fill("2")
    playback.get_by_role("spinbutton", name="At most (MB)").fill("50")
    keep.scroll_into_view_if_needed()
    screenshots(page, "00-keep-episodes")
    card.get_by_role("button", name="Save").click()

    newest = episode_url(feed_base, FEED, 3)
    api.wait_for_state(SPEAKER_ID, playing(newest), f"playing {newest}")
    expect(card.locator(".on-reader").get_by_text(CHIP)).to_be_visible()
    expect(card.get_by_text("Episode 3 of 3: Episode 3")).to_be_visible()
    screenshots(page, "01-podcast-chip-playing")
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 1
    deadline = time.monotonic() + STEP_TIMEOUT_MS / 1000
    while len(kept_episodes(config)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [path.read_bytes() for path in kept_episodes(config)] == [AUDIO, AUDIO]
