"""A parent sets up the jukebox in Home Assistant's frontend, and a chip plays.

Chromium logs in, adds a simulated reader, maps a chip to music picked in the media
browser, places the chip from Settings → Tools → Actions and opens the speaker, which
plays. Each step leaves a screenshot in artifacts/ (artifacts/failure.png on failure).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import (
    ConsoleMessage,
    Locator,
    Page,
    expect,
    sync_playwright,
)

from devtools.hass_client import DOMAIN, PASSWORD, USERNAME, HomeAssistantApi, Json
from devtools.hass_process import HomeAssistant

from .browser import (
    ARTIFACTS,
    MUSIC_FILE,
    fresh_home_assistant,
    launch_chromium,
    require_chromium,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.timeout(180),  # about 20 s, Home Assistant's start included
]

STEP_TIMEOUT_MS = 15_000  # for any one thing to appear on the page
READER = "Kids' room"
SIMULATED_READER = "Simulated reader"  # the title a new simulated reader gets
CHIP = "Lullaby"
UID = "04A1B2C3D4E5F6"
SPEAKER = "Kids speaker"
SPEAKER_ID = "media_player.kids_speaker"
DEMO_SPEAKER_ID = "media_player.living_room"
MUSIC = f"media-source://media_source/local/{MUSIC_FILE}"


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's own Home Assistant: onboarded, with no reader yet.

    It takes the name of the package's fixture (set up over HTTP, reader and chips
    included), so the package's report hook adds its log to a failed test's report.
    """
    # As the package's fixture does: before the test's `socket_enabled`; 127.0.0.1 only.
    pytest_socket.enable_socket()
    with fresh_home_assistant(tmp_path_factory.mktemp("homeassistant")) as instance:
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/failure.png if the test fails."""
    require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    for old in (*ARTIFACTS.glob("[0-9][0-9]-*.png"), ARTIFACTS / "failure.png"):
        old.unlink(missing_ok=True)  # a failed run shows only its own steps
    failures_before = request.session.testsfailed
    errors: list[str] = []
    expect.set_options(timeout=STEP_TIMEOUT_MS)
    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path / "chromium")
        context.set_default_timeout(STEP_TIMEOUT_MS)
        page = context.pages[0] if context.pages else context.new_page()

        def remember(message: ConsoleMessage) -> None:
            # Brand icons come from the internet, which the tests do without.
            text = message.text
            if message.type == "error" and "Failed to load resource" not in text:
                errors.append(text)

        page.on("console", remember)
        # The demo's album art is on the internet too: Home Assistant would log a
        # traceback for each image it fails to fetch for the browser.
        page.route("**/api/media_player_proxy/**", lambda route: route.abort())
        try:
            yield page
        finally:
            # The test's failure is counted before its fixtures are torn down.
            if request.session.testsfailed > failures_before:
                (ARTIFACTS / "failure.png").write_bytes(page.screenshot())
                print(f"Page at failure: {page.url}; console errors:", *errors[-20:])  # noqa: T201
            context.close()


def screenshot(page: Page, name: str) -> None:
    """Save the page as artifacts/NAME.png, transitions finished."""
    # Not with `path=`: Playwright would write it from a thread of its event loop's
    # executor, which can outlive the loop and fail Home Assistant's thread check.
    (ARTIFACTS / f"{name}.png").write_bytes(page.screenshot(animations="disabled"))


def detail(page: Page, label: str) -> Locator:
    """Return the row of the more-info dialog's details that ``label`` names."""
    return page.get_by_role("listitem").filter(has=page.get_by_text(label, exact=True))


def playing_the_chip(state: Json) -> bool:
    """Tell whether a speaker plays the chip's music."""
    content: str | None = state["attributes"].get("media_content_id")
    return state["state"] == "playing" and content == MUSIC


def log_in(page: Page, url: str) -> None:
    """Log in as the owner that onboarding created."""
    page.goto(url)
    page.get_by_role("textbox", name="Username").fill(USERNAME)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    screenshot(page, "01-login")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Settings")).to_be_visible()


def add_simulated_reader(page: Page) -> None:
    """Add a simulated reader: Settings → Devices & services → Add integration."""
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Devices & services").click()
    page.get_by_role("button", name="Add integration").click()
    # By its placeholder: while the dialog opens, "Search" also names the page's own box.
    page.get_by_placeholder("Search for a brand name").fill("NFC Jukebox")
    page.get_by_role("listitem").filter(has_text="NFC Jukebox").click()
    simulated = page.get_by_text("Simulated reader (no hardware)")
    expect(simulated).to_be_visible()
    screenshot(page, "02-add-integration")
    simulated.click()
    # A speaker is optional for a simulated reader: one click adds it.
    expect(page.get_by_text("Leave it empty to play each chip")).to_be_visible()
    screenshot(page, "03-simulated-reader")
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name="Skip and finish").click()
    page.get_by_role("link", name=re.compile(r"^NFC Jukebox")).click()
    expect(page.get_by_text(SIMULATED_READER).first).to_be_visible()
    screenshot(page, "04-reader-added")


def add_music_tag(page: Page) -> None:
    """Add music tag: UID, name, the speaker, and music from the media browser."""
    page.get_by_role("button", name="Add music chip").click()
    page.get_by_role("textbox", name="Chip UID").fill(UID)
    page.get_by_role("textbox", name="Name").fill(CHIP)
    # the speaker to browse with; "Play on", below it, stays this reader's speaker
    page.get_by_text("Select an entity").first.click()
    page.get_by_role("dialog", name="Browse with").get_by_placeholder("Search").fill(
        SPEAKER
    )
    page.get_by_role("option", name=f"{SPEAKER} Media player").click()
    # One "Music": the picker browses with that speaker and has no speaker of its own.
    expect(page.get_by_role("button", name="Pick media")).to_be_visible()
    expect(page.locator("ha-selector-media ha-entity-picker")).to_have_count(0)
    screenshot(page, "05-add-music-tag")
    page.get_by_role("button", name="Pick media").click()
    page.get_by_label("My media", exact=True).click()
    music = page.get_by_text(MUSIC_FILE)
    expect(music).to_be_visible()
    screenshot(page, "06-media-browser")
    music.click()
    expect(page.get_by_role("button", name=MUSIC_FILE)).to_be_visible()
    screenshot(page, "07-music-tag-form")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text(f"Created configuration for {CHIP}.")).to_be_visible()
    page.get_by_role("button", name="Finish").click()


def place_chip(page: Page, api: HomeAssistantApi) -> None:
    """Place the chip in Settings → Tools → Actions; wait until the speaker plays."""
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name=re.compile(r"^Tools")).click()
    page.get_by_role("link", name="Actions", exact=True).click()
    page.get_by_role("button", name="Action", exact=True).click()
    page.get_by_placeholder("Search", exact=True).fill("Place a simulated chip")
    page.get_by_role("option", name=re.compile(r"^Place a simulated chip")).click()
    page.get_by_role("button", name="Integration *").click()
    reader = page.get_by_role("option", name=re.compile(f"^{READER}"))
    reader.click()
    expect(reader).to_be_hidden()  # else the closing list takes the keys typed next
    # The UID field has no accessible name: find it by its row's description.
    uid = page.locator("ha-settings-row").filter(has_text="The chip's UID")
    uid.get_by_role("textbox").fill(UID)
    expect(uid.get_by_role("textbox")).to_have_value(UID)
    page.get_by_role("button", name="Perform action").click()
    api.wait_for_state(SPEAKER_ID, playing_the_chip, f"playing {MUSIC}")
    screenshot(page, "08-place-chip")


def open_speaker(page: Page) -> None:
    """Open the speaker's more-info dialog, then its details: it plays the chip."""
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Devices & services").click()
    page.get_by_role("link", name="Entities", exact=True).click()
    page.get_by_placeholder(re.compile(r"^Search \d+ entities")).fill(SPEAKER)
    page.get_by_role("button", name=SPEAKER, exact=True).click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()  # it plays
    screenshot(page, "09-speaker-playing")
    page.get_by_role("button", name="Menu").last.click()  # the dialog's, not the page's
    page.get_by_role("menuitem", name="Details").click()
    # The values are rendered out of reach of text locators; the accessibility tree has them.
    expect(detail(page, "State")).to_match_aria_snapshot("- listitem: State Playing")
    expect(detail(page, "Content ID")).to_match_aria_snapshot(
        f'- listitem: "Content ID {MUSIC}"'
    )
    screenshot(page, "10-speaker-details")


def test_a_parent_adds_a_reader_and_a_chip_and_the_chip_plays(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api

    log_in(page, api.url)

    add_simulated_reader(page)
    [entry] = api.config_entries(DOMAIN)
    assert (entry["title"], entry["state"]) == (SIMULATED_READER, "loaded")
    # The flow asks for no name; a parent renames the reader (done over the API here).
    api.rename_reader(entry["entry_id"], old=SIMULATED_READER, new=READER)
    page.reload()

    add_music_tag(page)
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 1

    place_chip(page, api)

    open_speaker(page)
    # The demo speaker behind the universal one got the music, and the reader knows it.
    assert playing_the_chip(api.state(DEMO_SPEAKER_ID))
    event = api.state("event.kids_room_chip")["attributes"]
    assert (event["event_type"], event["uid"], event["mapping"]) == (
        "tag_placed",
        UID,
        CHIP,
    )
    assert api.state("sensor.kids_room_current_chip")["state"] == CHIP
    log = home_assistant.log.read_text(errors="replace")
    assert "Attempting install of" not in log
    assert [
        line for line in log.splitlines() if " ERROR " in line and DOMAIN in line
    ] == []
