"""The parent's walk with the dashboard card, in a real Home Assistant and Chromium.

From the Overview, where Home Assistant opens, a parent puts the card on a new
dashboard with the card picker (no options: it shows the first reader), places a new
chip, assigns it in the card with music from the media browser and sees it play, edits
it and deletes it; someone who is not an administrator may only play chips. The clicks
from the Overview to the playing chip are counted (artifacts/clicks.txt, and printed);
screenshots at desktop and phone width go to artifacts/card-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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
RENAMED_CHIP = "Bedtime story"
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


def screenshots(page: Page, name: str) -> None:
    """Save the page at desktop and at phone width: card-NAME.png, card-NAME-phone.png."""
    screenshot(page, name)
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)


def log_in(
    page: Page, url: str, username: str = USERNAME, password: str = PASSWORD
) -> None:
    """Log in, by default as the owner that onboarding created."""
    page.goto(url)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Overview")).to_be_visible()


class Walk:
    """A parent's path through the frontend, its clicks counted (README: Dashboard card)."""

    def __init__(self, what: str) -> None:
        """Start counting the clicks of ``what``."""
        self.what = what
        self.steps: list[str] = []

    def click(self, locator: Locator, step: str) -> None:
        """Click as the parent does, counting the click as ``step``."""
        locator.click()
        self.steps.append(step)

    def __str__(self) -> str:
        """Say how many clicks it took, and which."""
        return f"{self.what}: {len(self.steps)} clicks ({', '.join(self.steps)})"


def add_the_card_from_the_overview(page: Page, walk: Walk) -> Locator:
    """From the Overview, as a parent does: a new dashboard, Edit → Add card → pick.

    Home Assistant's Overview holds no custom cards (it is made of areas and
    summaries), so the card goes on a dashboard of its own, in the sidebar.
    """
    walk.click(page.get_by_role("link", name="Settings"), "Settings")
    walk.click(page.get_by_role("link", name="Dashboards"), "Dashboards")
    walk.click(page.get_by_role("button", name="Add dashboard"), "Add dashboard")
    walk.click(
        page.get_by_text("New dashboard from scratch"), "New dashboard from scratch"
    )
    page.get_by_role("textbox", name="Title").fill(DASHBOARD_TITLE)
    walk.click(page.get_by_role("button", name="Create"), "Create")
    walk.click(page.get_by_role("link", name=DASHBOARD_TITLE), DASHBOARD_TITLE)
    walk.click(page.get_by_role("button", name="Edit dashboard"), "Edit dashboard")
    walk.click(page.get_by_role("button", name="Add card"), "Add card")
    walk.click(page.get_by_role("tab", name="By card"), "By card")
    page.get_by_placeholder(re.compile("^Search")).last.fill("NFC Jukebox")
    screenshots(page, "01-card-picker")
    # The picker lays an overlay over each card's preview: that takes the click.
    walk.click(
        page.locator(".card").filter(has=page.get_by_text("NFC Jukebox", exact=True)),
        "NFC Jukebox",
    )
    # The card's editor: no reader picked shows the first, the only one here.
    expect(page.get_by_text("Reader", exact=True).last).to_be_visible()
    screenshot(page, "02-card-editor")
    walk.click(page.get_by_role("button", name="Save"), "Save")
    walk.click(page.get_by_role("button", name="Done"), "Done")
    card = page.locator(CARD)
    expect(card).to_be_visible()
    saved = page.evaluate(
        """async (dashboard) => {
            const hass = document.querySelector("home-assistant").hass;
            return await hass.callWS({ type: "lovelace/config", url_path: dashboard });
        }""",
        DASHBOARD,
    )
    [section] = saved["views"][0]["sections"]
    assert {"type": f"custom:{CARD}"} in section["cards"]
    return card


CARD = "nfc-jukebox-card"
DASHBOARD = "dashboard-jukebox"  # what Home Assistant makes of the title
DASHBOARD_TITLE = "Jukebox"
NEW_MUSIC_FILE = "Rain.wav"
NEW_MUSIC = f"media-source://media_source/local/{NEW_MUSIC_FILE}"
CLICKS = ARTIFACTS / "clicks.txt"


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


def playing(music: str) -> Callable[[Json], bool]:
    """Return whether a speaker's state is playing ``music``."""

    def predicate(state: Json) -> bool:
        content: str | None = state["attributes"].get("media_content_id")
        return state["state"] == "playing" and content == music

    return predicate


def test_a_parent_adds_the_card_and_a_new_chip_plays_edits_and_deletes_it(
    home_assistant: HomeAssistant, page: Page
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    expect(page).to_have_url(
        re.compile(r"/home/overview$")
    )  # where Home Assistant opens
    screenshots(page, "00-overview")

    card_walk = Walk("Once, the card on a dashboard, from the Overview")
    card = add_the_card_from_the_overview(page, card_walk)
    expect(card.get_by_text(READER)).to_be_visible()
    expect(card.get_by_text("No chip")).to_be_visible()
    expect(card.get_by_text(UID)).to_be_visible()  # in the list of chips
    screenshots(page, "03-no-chip")

    place(home_assistant, NEW_UID)
    expect(card.get_by_text("New chip")).to_be_visible()
    screenshots(page, "04-new-chip")
    chip_walk = Walk("Each new chip, the card at hand")
    assign_music(page, card, chip_walk)
    api.wait_for_state(SPEAKER_ID, playing(NEW_MUSIC), f"playing {NEW_MUSIC}")
    expect(card.locator(".on-reader").get_by_text(NEW_CHIP)).to_be_visible()
    expect(card.get_by_role("button", name="Pause")).to_be_visible()
    screenshots(page, "06-new-chip-playing")
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 3
    record_clicks(card_walk, chip_walk)

    place(home_assistant, UID)
    api.wait_for_state(SPEAKER_ID, playing(MUSIC), f"playing {MUSIC}")
    expect(card.locator(".on-reader").get_by_text(CHIP)).to_be_visible()
    page.set_viewport_size(PHONE)
    expect(card.get_by_role("button", name="Pause")).to_be_in_viewport()
    screenshot(page, "07-chip-playing-phone")

    place(home_assistant, SLEEP_UID)
    sleep_timer = card.locator(".fact").filter(has_text="Sleep timer")
    expect(sleep_timer).to_contain_text(re.compile(r"\b(20:00|19:\d\d)\b"))
    screenshot(page, "08-sleep-timer-phone")
    page.set_viewport_size(DESKTOP)

    edit(page, card)
    search_and_delete(page, card, api)
    see_as_someone_not_an_administrator(page, card, api)

    log = home_assistant.log.read_text(errors="replace")
    assert [
        line for line in log.splitlines() if " ERROR " in line and DOMAIN in line
    ] == []


def record_clicks(*walks: Walk) -> None:
    """Print the clicks from the Overview to a playing new chip; keep them in CLICKS."""
    total = sum(len(walk.steps) for walk in walks)
    summary = (
        f"From the Overview to a new chip that plays: {total} clicks, besides typing "
        "the dashboard's title, the card's and the speaker's names in searches and "
        "the chip's name."
    )
    report = "\n".join([summary, *(f"  {walk}" for walk in walks)])
    CLICKS.write_text(report + "\n")
    print(report)  # noqa: T201


def assign_music(page: Page, card: Locator, walk: Walk) -> None:
    """Assign the new chip: a name and music from the media browser (speaker filled in)."""
    walk.click(card.get_by_role("button", name="Assign"), "Assign")
    expect(card.get_by_role("textbox", name="Chip UID")).to_have_value(NEW_UID)
    card.get_by_role("textbox", name="Name").fill(NEW_CHIP)
    # One "Music" heading over the speaker to browse with and what the chip plays;
    # the speaker picker is not a second "Music".
    expect(card.get_by_text("Music", exact=True)).to_have_count(1)
    see_the_settings_defaults(page, card)
    # The speaker is the reader's: already filled in.
    walk.click(card.get_by_role("button", name="Pick media"), "Pick media")
    walk.click(page.get_by_label("My media", exact=True), "My media")
    screenshots(page, "05-media-browser")
    walk.click(page.get_by_text(NEW_MUSIC_FILE), NEW_MUSIC_FILE)
    expect(card.get_by_role("button", name=NEW_MUSIC_FILE)).to_be_visible()
    screenshots(page, "05-assign-filled")
    walk.click(card.get_by_role("button", name="Save"), "Save")


def see_the_settings_defaults(page: Page, card: Locator) -> None:
    """See the Settings form's defaults in the playback settings of a new chip."""
    card.get_by_text("Playback settings").click()
    playback = card.locator("ha-expansion-panel")
    for field, default in (
        ("Order", "In order"),
        ("Repeat", "Off"),
        ("When this chip is lifted", "As the reader is set"),
        ("When put back", "Music: continue within the resume window"),
    ):
        expect(
            playback.get_by_role("button", name=re.compile(f"^{field}.*{default}"))
        ).to_be_visible()
    # Empty (the speaker keeps its volume), not a slider at 0 %.
    expect(playback.get_by_role("slider")).to_have_count(0)
    expect(playback.get_by_role("spinbutton", name="Start volume")).to_have_value("")
    expect(playback.get_by_text("Allowed at bedtime")).to_be_visible()
    expect(
        card.get_by_text("the chip plays on the speaker of whichever reader")
    ).to_be_visible()
    expect(card.get_by_text("Left empty")).to_have_count(0)
    playback.get_by_text("Allowed at bedtime").scroll_into_view_if_needed()
    screenshots(page, "05-assign-playback")
    card.get_by_text("Playback settings").click()


def edit(page: Page, card: Locator) -> None:
    """Rename the new chip; a mistyped or taken UID comes back on its field, nothing lost."""
    row = card.locator(".chip").filter(has_text=NEW_UID)
    row.get_by_role("button", name="Edit").click()
    name = card.get_by_role("textbox", name="Name")
    expect(name).to_have_value(NEW_CHIP)
    expect(card.get_by_role("button", name=NEW_MUSIC_FILE)).to_be_visible()
    # it plays wherever it lies: on the speaker of that reader
    expect(
        card.get_by_role("button", name=re.compile(r"^Play on.*This reader's speaker"))
    ).to_be_visible()
    name.fill(RENAMED_CHIP)
    uid = card.get_by_role("textbox", name="Chip UID")
    uid.fill("04DEAD")
    card.get_by_role("button", name="Save").click()
    expect(
        card.get_by_text("A UID is 4, 5, 7 or 10 bytes of hex digits")
    ).to_be_visible()
    expect(name).to_have_value(RENAMED_CHIP)
    screenshots(page, "09-edit-wrong-uid")
    uid.fill(UID)  # the other chip's: the error names that chip
    card.get_by_role("button", name="Save").click()
    expect(
        card.get_by_text(f'This chip is already "{CHIP}". Edit that chip')
    ).to_be_visible()
    # on the UID field (as Settings shows it), not at the top of the form
    expect(card.locator("div.form > ha-alert")).to_have_count(0)
    expect(card.locator("ha-form").first.locator("ha-alert")).to_contain_text(CHIP)
    expect(name).to_have_value(RENAMED_CHIP)
    screenshots(page, "09-edit-uid-taken")
    uid.fill(NEW_UID)
    card.get_by_role("button", name="Save").click()
    expect(row).to_contain_text(RENAMED_CHIP)
    screenshots(page, "10-edited")


def search_and_delete(page: Page, card: Locator, api: HomeAssistantApi) -> None:
    """Find a chip by its name; delete it and a control chip, each after asking."""
    search = card.get_by_role("searchbox", name="Search chips")
    search.fill("bed")
    expect(card.locator(".chip-list").get_by_text(CHIP, exact=True)).to_be_hidden()
    expect(card.locator(".chip-list").get_by_text(RENAMED_CHIP)).to_be_visible()
    search.fill("")

    for uid, name, shown in (
        (NEW_UID, RENAMED_CHIP, NEW_MUSIC_FILE),
        (SLEEP_UID, SLEEP_CHIP, "20 minutes"),
    ):
        row = card.locator(".chip").filter(has_text=uid)
        expect(row).to_contain_text(shown)
        row.get_by_role("button", name="Delete").click()
        confirm = card.locator(".chip.confirm")
        expect(confirm).to_contain_text(f"Delete the chip {name}?")
        screenshots(page, f"11-delete-{uid}")
        confirm.get_by_role("button", name="Delete").click()
        expect(confirm).to_have_count(0)
        expect(row).to_have_count(0)
    [entry] = api.config_entries(DOMAIN)
    assert entry["num_subentries"] == 1


def see_as_someone_not_an_administrator(
    page: Page, card: Locator, api: HomeAssistantApi
) -> None:
    """Someone who is not an administrator sees the card and may play a chip, no more."""
    add_user(page, KID, KID_PASSWORD)
    page.evaluate("localStorage.clear()")  # log out: the tokens live there
    log_in(page, api.url, KID, KID_PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{api.url}/{DASHBOARD}/0")
    expect(card.get_by_role("button", name="Play now")).to_have_count(1)
    expect(card.get_by_role("button", name="Edit")).to_have_count(0)
    expect(card.get_by_role("button", name="Delete")).to_have_count(0)
    expect(card.get_by_role("button", name="Add chip")).to_have_count(0)
    screenshot(page, "12-not-an-administrator-phone")
