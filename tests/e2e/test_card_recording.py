"""Recording a story in the dashboard card, in a real Home Assistant and Chromium.

A parent puts a new chip on the reader, **Assign**, names it, **Record** (Chromium's
fake microphone, which beeps), **Stop**: the chip plays the recording at once. An
upload of the same name is refused until the parent replaces it; deleting the chip
offers to delete the recording. Screenshots at desktop and phone width go to
artifacts/recording-*.png.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Page, expect

from devtools.audio_samples import FORMAT_BY_NAME, story
from devtools.hass_client import DOMAIN
from devtools.hass_process import HomeAssistant

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
    pytest.mark.timeout(240),
]

CHIP = "Grandma"
RECORDING = f"media-source://media_source/local/NFC Jukebox/{CHIP}.mp3"
#: a microphone that beeps, allowed without asking (no real microphone in a test)
FAKE_MICROPHONE = (
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
)


#: a name for the loopback address: a plain http:// page, as most homes are reached
INSECURE_HOST = "jukebox.home.test"
SECOND_UID = "04DEADBEEF0002"


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return this module's Home Assistant configuration folder."""
    return tmp_path_factory.mktemp("homeassistant")


@pytest.fixture(scope="module")
def home_assistant(config: Path) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant, with a reader."""
    pytest_socket.enable_socket()
    with fresh_home_assistant(config) as instance:
        instance.api.add_simulated_reader(READER)
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a Chromium with a fake microphone."""
    with chromium_page(
        request, tmp_path / "chromium", "recording", STEP_TIMEOUT_MS, FAKE_MICROPHONE
    ) as page:
        yield page


@pytest.fixture
def insecure_page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a Chromium that reaches Home Assistant as http://INSECURE_HOST.

    Not localhost and not HTTPS: not a secure context, as a home's http:// address.
    """
    with chromium_page(
        request,
        tmp_path / "chromium",
        "recording-insecure",
        STEP_TIMEOUT_MS,
        (*FAKE_MICROPHONE, f"--host-resolver-rules=MAP {INSECURE_HOST} 127.0.0.1"),
    ) as page:
        yield page


def screenshots(page: Page, name: str) -> None:
    """Save the page at desktop and phone width: recording-NAME(-phone).png."""
    (ARTIFACTS / f"recording-{name}.png").write_bytes(
        page.screenshot(animations="disabled")
    )
    page.set_viewport_size(PHONE)
    (ARTIFACTS / f"recording-{name}-phone.png").write_bytes(
        page.screenshot(animations="disabled", full_page=True)
    )
    page.set_viewport_size(DESKTOP)


def _wait_until_gone(path: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while path.exists():
        assert time.monotonic() < deadline, f"{path} is still there"
        time.sleep(0.1)


def test_a_parent_records_a_story_and_the_chip_plays_it(
    home_assistant: HomeAssistant, config: Path, page: Page, tmp_path: Path
) -> None:
    api = home_assistant.api
    media = config / "media" / "NFC Jukebox"
    log_in(page, api.url)
    card = open_card(page, api.url)
    place(home_assistant, NEW_UID)
    card.get_by_role("button", name="Assign").click()
    card.get_by_role("textbox", name="Name").fill(CHIP)
    card.get_by_text("Select an entity").click()
    page.get_by_placeholder("Search | Add custom item").fill(SPEAKER)
    page.get_by_role("option", name=f"{SPEAKER} Media player").click()
    expect(card.get_by_text("Record or upload a story")).to_be_visible()
    # localhost is a secure context: the microphone may be asked for
    expect(card.get_by_text("only on a secure page")).to_have_count(0)
    card.get_by_text("Record or upload a story").scroll_into_view_if_needed()
    screenshots(page, "00-form")

    card.get_by_role("button", name="Record").click()
    stop = card.get_by_role("button", name=re.compile(r"Stop \(0:0[3-9]\)"))
    expect(stop).to_be_visible()
    # the dashboard moves its cards to other columns at phone width: the recording goes on
    screenshots(page, "01-recording")
    later = card.get_by_role("button", name=re.compile(r"Stop \(0:(0[5-9]|[1-5]\d)\)"))
    expect(later).to_be_visible()
    later.click()

    expect(card.get_by_text(re.compile(rf"{CHIP} is ready \(0:0\d\)"))).to_be_visible()
    api.wait_for_state(SPEAKER_ID, playing(RECORDING), f"playing {RECORDING}")
    screenshots(page, "02-recorded")
    assert (media / f"{CHIP}.mp3").stat().st_size > 1000
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 1

    upload = story(tmp_path / "grandma.ogg", FORMAT_BY_NAME["ogg"], seconds=2)
    card.locator("input[type=file]").set_input_files(upload)
    expect(
        card.get_by_text(f"There is already a recording called {CHIP}")
    ).to_be_visible()
    screenshots(page, "03-name-taken")
    card.get_by_role("button", name="Replace it").click()
    expect(card.get_by_text(re.compile(rf"{CHIP} is ready \(0:02\)"))).to_be_visible()
    card.get_by_role("button", name="Save").click()
    expect(card.locator("nfc-jukebox-chip-form")).to_have_count(0)

    row = card.locator(".chip").filter(has_text=NEW_UID)
    row.get_by_role("button", name="Delete").click()
    confirm = card.locator(".chip.confirm")
    confirm.get_by_text("Delete its recording too").click()
    screenshots(page, "04-delete")
    confirm.get_by_role("button", name="Delete").click()
    expect(row).to_have_count(0)
    _wait_until_gone(media / f"{CHIP}.mp3")
    assert not list(media.iterdir())


def test_on_an_insecure_page_the_form_says_why_and_offers_the_upload(
    home_assistant: HomeAssistant, insecure_page: Page
) -> None:
    page = insecure_page
    api = home_assistant.api
    url = api.url.replace("127.0.0.1", INSECURE_HOST).replace(
        "localhost", INSECURE_HOST
    )
    assert INSECURE_HOST in url
    log_in(page, url)
    assert page.evaluate("window.isSecureContext") is False
    card = open_card(page, url, "dashboard-insecure")
    place(home_assistant, SECOND_UID)
    card.get_by_role("button", name="Add chip").click()
    card.get_by_role("textbox", name="Chip UID").fill(SECOND_UID)
    card.get_by_role("textbox", name="Name").fill("Grandpa")

    expect(card.get_by_text("only on a secure page")).to_be_visible()
    expect(card.get_by_role("button", name="Record")).to_be_disabled()
    expect(card.get_by_role("button", name="Upload")).to_be_enabled()
    card.get_by_text("Record or upload a story").scroll_into_view_if_needed()
    screenshots(page, "05-insecure")
