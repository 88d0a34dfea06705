"""The dashboard card in a real Home Assistant and Chromium: the chip on the reader, live.

A dashboard gets the card with no options (it shows the first reader); a chip placed
with the simulate action shows up in the card, playing on its speaker; a new chip
offers Assign, whose form has the chip's UID filled in. Screenshots at desktop and
phone width go to artifacts/card-*.png.
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
    ViewportSize,
    expect,
    sync_playwright,
)

from devtools.hass_client import (
    DOMAIN,
    PASSWORD,
    USERNAME,
    Chip,
    HomeAssistantApi,
    Json,
)
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
    pytest.mark.timeout(180),
]

STEP_TIMEOUT_MS = 15_000
READER = "Kids' room"
CHIP = "Lullaby"
UID = "04A1B2C3D4E5F6"
NEW_UID = "04DEADBEEF0001"
NEW_CHIP = "Bedtime"
SLEEP_UID = "04FFFFFFFFFFFF"
SLEEP_CHIP = "Sleep"
SPEAKER = "Kids speaker"
KID = "kid"
KID_PASSWORD = "kid-password-1"  # noqa: S105 - a test user's
SPEAKER_ID = "media_player.kids_speaker"
MUSIC = f"media-source://media_source/local/{MUSIC_FILE}"
DESKTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=390, height=844)


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a simulated reader with one music chip."""
    pytest_socket.enable_socket()
    with fresh_home_assistant(tmp_path_factory.mktemp("homeassistant")) as instance:
        entry_id = instance.api.add_simulated_reader(READER)
        assert instance.api.add_music_chip(
            entry_id,
            Chip(
                uid=UID,
                name=CHIP,
                entity_id=SPEAKER_ID,
                media_content_id=MUSIC,
                media_content_type="audio/x-wav",
            ),
        )
        flow = instance.api.post(
            "/api/config/config_entries/subentries/flow",
            {"handler": [entry_id, "control"]},
        )
        instance.api.post(
            f"/api/config/config_entries/subentries/flow/{flow['flow_id']}",
            {
                "uid": SLEEP_UID,
                "name": SLEEP_CHIP,
                "action": "sleep_timer",
                "minutes": 20,
            },
        )
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/card-failure.png on failure."""
    require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("card-*.png"):
        old.unlink()
    failures_before = request.session.testsfailed
    errors: list[str] = []
    expect.set_options(timeout=STEP_TIMEOUT_MS)
    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path / "chromium")
        context.set_default_timeout(STEP_TIMEOUT_MS)
        page = context.pages[0] if context.pages else context.new_page()

        def remember(message: ConsoleMessage) -> None:
            if (
                message.type == "error"
                and "Failed to load resource" not in message.text
            ):
                errors.append(message.text)

        page.on("console", remember)
        page.route("**/api/media_player_proxy/**", lambda route: route.abort())
        try:
            yield page
            assert [error for error in errors if "nfc" in error.lower()] == []
        finally:
            if request.session.testsfailed > failures_before:
                (ARTIFACTS / "card-failure.png").write_bytes(page.screenshot())
                print(f"Page at failure: {page.url}; console errors:", *errors[-20:])  # noqa: T201
            context.close()


def screenshot(page: Page, name: str) -> None:
    """Save the page as artifacts/card-NAME.png, transitions finished."""
    (ARTIFACTS / f"card-{name}.png").write_bytes(page.screenshot(animations="disabled"))


def log_in(
    page: Page, url: str, username: str = USERNAME, password: str = PASSWORD
) -> None:
    """Log in, by default as the owner that onboarding created."""
    page.goto(url)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Overview")).to_be_visible()


def add_card_with_the_card_picker(page: Page, api: HomeAssistantApi) -> Locator:
    """Add the card to a new, empty dashboard as a user does: Edit → Add card → pick."""
    config: Json = {"views": [{"title": "Jukebox", "path": "card", "cards": []}]}
    page.evaluate(
        """async ({ dashboard, config }) => {
            const hass = document.querySelector("home-assistant").hass;
            await hass.callWS({
                type: "lovelace/dashboards/create",
                url_path: dashboard,
                title: "Jukebox",
                mode: "storage",
                show_in_sidebar: true,
            });
            await hass.callWS({ type: "lovelace/config/save", url_path: dashboard, config });
        }""",
        {"dashboard": DASHBOARD, "config": config},
    )
    page.goto(f"{api.url}/{DASHBOARD}/card")
    page.get_by_role("button", name="Edit dashboard").click()
    page.get_by_role("button", name="Add card").click()
    page.get_by_role("tab", name="By card").click()
    page.get_by_placeholder(re.compile("^Search")).last.fill("NFC Jukebox")
    screenshot(page, "00-card-picker")
    # The picker lays an overlay over each card's preview: that takes the click.
    page.locator(".card").filter(
        has=page.get_by_text("NFC Jukebox", exact=True)
    ).click()
    # The card's editor: no reader picked shows the first; pick it by name.
    page.get_by_text("Reader", exact=True).last.click()
    page.get_by_role("option", name=re.compile(f"^{READER}")).click()
    screenshot(page, "00-card-editor")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Done").click()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    saved = page.evaluate(
        """async (dashboard) => {
            const hass = document.querySelector("home-assistant").hass;
            return await hass.callWS({ type: "lovelace/config", url_path: dashboard });
        }""",
        DASHBOARD,
    )
    [entry] = api.config_entries(DOMAIN)
    assert saved["views"][0]["cards"] == [
        {"type": f"custom:{CARD}", "entry_id": entry["entry_id"]}
    ]
    return card


CARD = "nfc-jukebox-card"
DASHBOARD = "dashboard-jukebox"


def add_user(page: Page, username: str, password: str) -> None:
    """Add a user who is not an administrator (as Settings → People does)."""
    page.evaluate(
        """async ({ username, password }) => {
            const hass = document.querySelector("home-assistant").hass;
            const { user } = await hass.callWS({
                type: "config/auth/create",
                name: username,
                group_ids: ["system-users"],
                local_only: false,
            });
            await hass.callWS({
                type: "config/auth_provider/homeassistant/create",
                user_id: user.id,
                username,
                password,
            });
        }""",
        {"username": username, "password": password},
    )


def place(home_assistant: HomeAssistant, uid: str) -> None:
    """Place a chip on the simulated reader."""
    [entry] = home_assistant.api.config_entries(DOMAIN)
    home_assistant.api.call(
        DOMAIN, "simulate_place", {"config_entry_id": entry["entry_id"], "uid": uid}
    )


def playing_the_chip(state: Json) -> bool:
    """Tell whether the speaker plays the chip's music."""
    content: str | None = state["attributes"].get("media_content_id")
    return state["state"] == "playing" and content == MUSIC


def test_the_card_shows_the_chip_on_the_reader_and_what_plays(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api
    log_in(page, api.url)

    card = add_card_with_the_card_picker(page, api)
    expect(card.get_by_text(READER)).to_be_visible()
    expect(card.get_by_text("No chip")).to_be_visible()
    expect(card.get_by_text(UID)).to_be_visible()  # in the list of chips
    screenshot(page, "01-no-chip")

    place(home_assistant, UID)
    api.wait_for_state(SPEAKER_ID, playing_the_chip, f"playing {MUSIC}")
    expect(card.locator(".on-reader").get_by_text(CHIP)).to_be_visible()
    expect(card.get_by_role("button", name="Pause")).to_be_visible()
    screenshot(page, "02-chip-playing")
    page.set_viewport_size(PHONE)
    expect(card.get_by_role("button", name="Pause")).to_be_in_viewport()
    screenshot(page, "03-chip-playing-phone")

    place(home_assistant, SLEEP_UID)
    sleep_timer = card.locator(".fact").filter(has_text="Sleep timer")
    expect(sleep_timer).to_contain_text(re.compile(r"\b(20:00|19:\d\d)\b"))
    screenshot(page, "03-sleep-timer-phone")

    place(home_assistant, NEW_UID)
    expect(card.get_by_text("New chip")).to_be_visible()
    card.get_by_role("button", name="Assign").click()
    expect(card.get_by_role("textbox", name="Chip UID")).to_have_value(NEW_UID)
    screenshot(page, "04-assign-phone")
    page.set_viewport_size(DESKTOP)
    assign_music(page, card)
    # The chip on the reader has its name now. (That saving it plays it is checked in
    # tests/test_websocket_api.py: the demo speaker stays paused through play_media.)
    expect(card.locator(".on-reader").get_by_text(NEW_CHIP)).to_be_visible()
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 3
    screenshot(page, "06-assigned")

    search_and_delete(card, api)
    see_as_someone_not_an_administrator(page, card, api)

    log = home_assistant.log.read_text(errors="replace")
    assert [
        line for line in log.splitlines() if " ERROR " in line and DOMAIN in line
    ] == []


def search_and_delete(card: Locator, api: HomeAssistantApi) -> None:
    """Find a chip by its name; delete another, which asks first."""
    search = card.get_by_role("searchbox", name="Search chips")
    search.fill("bed")
    expect(card.locator(".chip-list").get_by_text(CHIP, exact=True)).to_be_hidden()
    expect(card.locator(".chip-list").get_by_text(NEW_CHIP)).to_be_visible()
    search.fill("")

    sleep_row = card.locator(".chip").filter(has_text=SLEEP_UID)
    expect(sleep_row).to_contain_text("20 minutes")
    sleep_row.get_by_role("button", name="Delete").click()
    confirm = card.locator(".chip.confirm")
    expect(confirm).to_contain_text(f"Delete the chip {SLEEP_CHIP}?")
    confirm.get_by_role("button", name="Delete").click()
    expect(confirm).to_have_count(0)
    expect(sleep_row).to_have_count(0)
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 2


def see_as_someone_not_an_administrator(
    page: Page, card: Locator, api: HomeAssistantApi
) -> None:
    """Someone who is not an administrator sees the card and may play a chip, no more."""
    add_user(page, KID, KID_PASSWORD)
    page.evaluate("localStorage.clear()")  # log out: the tokens live there
    log_in(page, api.url, KID, KID_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{api.url}/{DASHBOARD}/card")
    expect(card.get_by_role("button", name="Play now")).to_have_count(2)
    expect(card.get_by_role("button", name="Edit")).to_have_count(0)
    expect(card.get_by_role("button", name="Delete")).to_have_count(0)
    expect(card.get_by_role("button", name="Add chip")).to_have_count(0)
    screenshot(page, "07-not-an-administrator-phone")


def assign_music(page: Page, card: Locator) -> None:
    """Fill in the card's chip form: a name, the speaker, music from the media browser."""
    card.get_by_role("textbox", name="Name").fill(NEW_CHIP)
    card.get_by_text("Select an entity").click()
    page.get_by_placeholder("Search | Add custom item").fill(SPEAKER)
    page.get_by_role("option", name=f"{SPEAKER} Media player").click()
    card.get_by_role("button", name="Pick media").click()
    page.get_by_label("My media", exact=True).click()
    page.get_by_text(MUSIC_FILE).click()
    expect(card.get_by_role("button", name=MUSIC_FILE)).to_be_visible()
    screenshot(page, "05-assign-filled")
    # A mistyped UID comes back on its field, and nothing typed is lost.
    uid = card.get_by_role("textbox", name="Chip UID")
    uid.fill("04DEAD")
    card.get_by_role("button", name="Save").click()
    expect(card.get_by_text("A UID is 4, 7 or 10 bytes of hex digits")).to_be_visible()
    expect(card.get_by_role("textbox", name="Name")).to_have_value(NEW_CHIP)
    screenshot(page, "05-assign-wrong-uid")
    uid.fill(NEW_UID)
    card.get_by_role("button", name="Save").click()
