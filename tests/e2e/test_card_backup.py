"""Back up chips and Restore on the dashboard card, in a real Home Assistant and Chromium.

A parent downloads the home's chips as one file, changes it (a chip renamed, one
more), and restores it: the card shows what is new and changed before anything
changes. Screenshots at desktop and phone width go to artifacts/backup-*.png.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from playwright.sync_api import Locator, Page, expect

from devtools.hass_client import Chip, Json
from devtools.hass_process import HomeAssistant

from .browser import ARTIFACTS, MUSIC_FILE, chromium_page, fresh_home_assistant
from .test_card import (
    CARD,
    DESKTOP,
    PHONE,
    READER,
    SPEAKER_ID,
    STEP_TIMEOUT_MS,
    UID,
    log_in,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.timeout(180),
]

DASHBOARD = "dashboard-backup"
NEW_UID = "04DEADBEEF0001"


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader and a music chip."""
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
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/backup-failure.png on failure."""
    with chromium_page(
        request, tmp_path / "chromium", "backup", STEP_TIMEOUT_MS
    ) as page:
        yield page


def screenshot(page: Page, name: str) -> None:
    """Save the page as artifacts/backup-NAME.png, transitions finished."""
    (ARTIFACTS / f"backup-{name}.png").write_bytes(
        page.screenshot(animations="disabled", full_page=True)
    )


def open_card(page: Page, url: str) -> Locator:
    """Put the card on a new dashboard and open it."""
    config: Json = {"views": [{"path": "card", "cards": [{"type": f"custom:{CARD}"}]}]}
    page.evaluate(
        """async ({ dashboard, config }) => {
            const hass = document.querySelector("home-assistant").hass;
            await hass.callWS({
                type: "lovelace/dashboards/create",
                url_path: dashboard,
                title: "Backup",
                mode: "storage",
            });
            await hass.callWS({ type: "lovelace/config/save", url_path: dashboard, config });
        }""",
        {"dashboard": DASHBOARD, "config": config},
    )
    page.goto(f"{url}/{DASHBOARD}/card")
    card = page.locator(CARD)
    expect(card.get_by_text(READER)).to_be_visible()
    return card


def test_a_parent_backs_up_the_chips_and_restores_a_changed_file(
    home_assistant: HomeAssistant, page: Page, tmp_path: Path
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)

    with page.expect_download() as download:
        card.get_by_role("button", name="Back up chips").click()
    assert download.value.suggested_filename.startswith("nfc-jukebox-chips-")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    backup = json.loads(saved.read_text(encoding="utf-8"))
    [lullaby] = backup["chips"]
    assert lullaby["uid"] == UID
    assert lullaby["name"] == "Lullaby"

    lullaby["name"] = "Lullaby for Anna"
    backup["chips"].append({**lullaby, "uid": NEW_UID, "name": "Rain"})
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(backup), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        card.get_by_role("button", name="Restore", exact=True).click()
    chooser.value.set_files(changed)

    preview = card.get_by_role("region", name="Restore")
    expect(preview).to_contain_text("Restore from changed.json")
    expect(preview.locator(f".new [data-chip-uid='{NEW_UID}']")).to_contain_text("Rain")
    expect(preview.locator(f".changed [data-chip-uid='{UID}']")).to_contain_text(
        "was Lullaby"
    )
    # a preview changes nothing: the chip list shows the old name still
    expect(card.locator(".chip-list")).to_contain_text("Lullaby")
    expect(card.locator(".chip-list")).not_to_contain_text("Rain")
    screenshot(page, "01-preview-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "02-preview-phone")
    page.set_viewport_size(DESKTOP)

    preview.get_by_role("button", name="Restore 2 chips").click()
    expect(card.get_by_text("Restored: 1 new, 1 changed.")).to_be_visible()
    expect(preview).to_have_count(0)
    expect(card.locator(".chip-list")).to_contain_text("Lullaby for Anna")
    expect(card.locator(".chip-list")).to_contain_text("Rain")
    screenshot(page, "03-restored-desktop")

    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        card.get_by_role("button", name="Restore", exact=True).click()
    chooser.value.set_files(broken)
    expect(card.locator("ha-alert[alert-type='error']")).to_contain_text(
        "The file is not a backup of chips"
    )
