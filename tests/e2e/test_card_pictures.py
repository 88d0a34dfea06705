"""Chip pictures on the dashboard card, in a real Home Assistant and Chromium.

A chip whose music has a cover beside it shows that cover; a parent gives another chip
a photo from the chip list; the chip on the reader shows its picture beside what plays.
Screenshots at desktop and phone width go to artifacts/pictures-*.png.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from PIL import Image
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
    place,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.timeout(180),
]

DASHBOARD = "dashboard-pictures"
RAIN_UID = "04DEADBEEF0001"


def png(colour: str, size: tuple[int, int] = (600, 600)) -> bytes:
    """Return a picture of one colour."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader, a chip with a cover and one without."""
    pytest_socket.enable_socket()
    config = tmp_path_factory.mktemp("homeassistant")
    with fresh_home_assistant(config) as instance:
        # a recording's cover: a picture named like the music, beside it
        (config / "media" / Path(MUSIC_FILE).with_suffix(".png")).write_bytes(
            png("gold")
        )
        entry_id = instance.api.add_simulated_reader(READER)
        for uid, name, music in (
            (UID, "Lullaby", MUSIC_FILE),
            (RAIN_UID, "Rain", "Rain.wav"),
        ):
            assert instance.api.add_music_chip(
                entry_id,
                Chip(
                    uid=uid,
                    name=name,
                    entity_id=SPEAKER_ID,
                    media_content_id=f"media-source://media_source/local/{music}",
                    media_content_type="audio/x-wav",
                ),
            )
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/pictures-failure.png on failure."""
    with chromium_page(
        request, tmp_path / "chromium", "pictures", STEP_TIMEOUT_MS
    ) as page:
        yield page


def screenshots(page: Page, name: str) -> None:
    """Save the page at desktop and phone width as artifacts/pictures-NAME-*.png."""
    for width, size in (("1280", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        (ARTIFACTS / f"pictures-{name}-{width}.png").write_bytes(
            page.screenshot(animations="disabled", full_page=True)
        )
    page.set_viewport_size(DESKTOP)


def open_card(page: Page, url: str) -> Locator:
    """Put the card on a new dashboard and open it."""
    config: Json = {"views": [{"path": "card", "cards": [{"type": f"custom:{CARD}"}]}]}
    page.evaluate(
        """async ({ dashboard, config }) => {
            const hass = document.querySelector("home-assistant").hass;
            await hass.callWS({
                type: "lovelace/dashboards/create",
                url_path: dashboard,
                title: "Pictures",
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


def shown_colour(image: Locator) -> tuple[int, int, int]:
    """Return the colour in the middle of a picture as the browser loaded it."""
    expect(image).to_have_js_property("complete", value=True)
    rgb: list[int] = image.evaluate(
        """(img) => {
            const canvas = document.createElement("canvas");
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const context = canvas.getContext("2d");
            context.drawImage(img, 0, 0);
            const middle = context.getImageData(img.naturalWidth / 2, img.naturalHeight / 2, 1, 1);
            return Array.from(middle.data.slice(0, 3));
        }"""
    )
    return rgb[0], rgb[1], rgb[2]


def is_gold(rgb: tuple[int, int, int]) -> bool:
    """Return whether ``rgb`` is the cover's gold."""
    return rgb[0] > 200 and rgb[1] > 180 and rgb[2] < 60


def is_sky_blue(rgb: tuple[int, int, int]) -> bool:
    """Return whether ``rgb`` is the photo's sky blue."""
    return rgb[2] > 200 and rgb[0] < 60


def test_a_chip_shows_its_musics_cover_and_the_photo_a_parent_gives_it(
    home_assistant: HomeAssistant, page: Page, tmp_path: Path
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)
    lullaby = card.locator("li.chip", has_text="Lullaby")
    rain = card.locator("li.chip", has_text="Rain")

    # the cover beside the music, found in the background and pushed to the card
    cover = lullaby.locator("img.picture")
    expect(cover).to_have_attribute(
        "src", re.compile(r"^/api/nfc_jukebox/pictures/artwork/")
    )
    assert is_gold(shown_colour(cover))
    expect(rain.locator("img.picture")).to_have_count(0)

    photo = tmp_path / "photo.png"
    photo.write_bytes(png("deepskyblue", (1600, 1200)))
    with page.expect_file_chooser() as chooser:
        rain.get_by_role("button", name="Picture of Rain").click()
    chooser.value.set_files(photo)
    own = rain.locator("img.picture")
    assert is_sky_blue(shown_colour(own))

    place(home_assistant, RAIN_UID)
    on_reader = card.locator(".chip-token img.picture")
    expect(on_reader).to_be_visible()
    assert is_sky_blue(shown_colour(on_reader))
    screenshots(page, "01-chip-list")

    # its own picture: the picture button asks to change or remove it
    rain.get_by_role("button", name="Picture of Rain").click()
    changing = card.locator("li.chip.confirm", has_text="Picture of Rain")
    screenshots(page, "02-change-picture")
    changing.get_by_role("button", name="Remove picture").click()
    expect(rain.locator("img.picture")).to_have_count(0)
    expect(card.locator(".chip-token img.picture")).to_have_count(0)
