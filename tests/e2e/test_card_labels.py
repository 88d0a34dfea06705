"""Print labels on the dashboard card, in a real Home Assistant and Chromium.

A parent picks chips (all, a selection, those added since the last print), a layout
and the paper; each label of the print view is ``data-chip-uid="<UID>"``, has its size
in millimetres when printed, and the PDF Chromium prints has the paper's size.
Screenshots at desktop and phone width go to artifacts/labels-*.png.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_socket
from PIL import Image
from playwright.sync_api import FrameLocator, Locator, Page, expect

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
    pytest.mark.timeout(240),
]

DASHBOARD = "dashboard-labels"
RAIN_UID = "04DEADBEEF0001"
MORNING_UID = "04DEADBEEF0002"
PX_PER_MM = 96 / 25.4
#: the PDF's page in points (1/72 inch)
PAGE_POINTS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


def music_chip(uid: str, name: str, music: str) -> Chip:
    """Return a music chip that plays a tune of My media."""
    return Chip(
        uid=uid,
        name=name,
        entity_id=SPEAKER_ID,
        media_content_id=f"media-source://media_source/local/{music}",
        media_content_type="audio/x-wav",
    )


@pytest.fixture(scope="module")
def home_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HomeAssistant]:
    """Return this module's Home Assistant: a reader and two music chips, one with a cover."""
    pytest_socket.enable_socket()
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("labels-*.png"):
        old.unlink()
    config = tmp_path_factory.mktemp("homeassistant")
    with fresh_home_assistant(config) as instance:
        cover = io.BytesIO()
        Image.new("RGB", (600, 600), "gold").save(cover, "PNG")
        (config / "media" / Path(MUSIC_FILE).with_suffix(".png")).write_bytes(
            cover.getvalue()
        )
        entry_id = instance.api.add_simulated_reader(READER)
        assert instance.api.add_music_chip(
            entry_id, music_chip(UID, "Lullaby", MUSIC_FILE)
        )
        assert instance.api.add_music_chip(
            entry_id, music_chip(RAIN_UID, "Rain", "Rain.wav")
        )
        yield instance


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    """Return a page of a fresh Chromium; save artifacts/labels-failure-*.png on failure."""
    # each test its own failure screenshot; the module's screenshots stay
    prefix = "labels-failure-" + re.sub(r"\W+", "-", request.node.name)
    with chromium_page(request, tmp_path / "chromium", prefix, STEP_TIMEOUT_MS) as page:
        yield page


def screenshots(page: Page, name: str) -> None:
    """Save the page at desktop and phone width as artifacts/labels-NAME-*.png."""
    for width, size in (("1280", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        (ARTIFACTS / f"labels-{name}-{width}.png").write_bytes(
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
                title: "Labels",
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


def labelled(sheets: FrameLocator, uids: set[str]) -> None:
    """Wait until the print view's labels are those of the chips ``uids``."""
    labels = sheets.locator("[data-chip-uid]")
    expect(labels).to_have_count(len(uids))
    found = labels.evaluate_all("(labels) => labels.map((l) => l.dataset.chipUid)")
    assert sorted(found) == sorted(uids)


def printed_size(page: Page, label: Locator) -> tuple[float, float]:
    """Return a label's width and height in CSS pixels as printed (print media)."""
    page.emulate_media(media="print")
    try:
        box: list[float] = label.evaluate(
            "(l) => { const r = l.getBoundingClientRect(); return [r.width, r.height]; }"
        )
    finally:
        page.emulate_media(media="screen")
    return box[0], box[1]


def pdf_of(page: Page, document: str, tmp_path: Path, name: str) -> bytes:
    """Return the PDF Chromium prints of the print view's document (its @page size)."""
    printing = page.context.new_page()
    try:
        printing.set_content(document, wait_until="load")
        pdf = printing.pdf(prefer_css_page_size=True)
        printing.emulate_media(media="print")
        printing.set_viewport_size({"width": 820, "height": 1100})
        (ARTIFACTS / f"labels-{name}.png").write_bytes(printing.screenshot())
    finally:
        printing.close()
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    return pdf


def pages_of(pdf: bytes) -> list[tuple[float, float]]:
    """Return the size of each page of a PDF, in points."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(width), float(height)) for width, height in boxes]


def test_a_parent_prints_labels_of_all_a_selection_and_the_chips_added_since(
    home_assistant: HomeAssistant, page: Page, tmp_path: Path
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = open_card(page, api.url)

    card.get_by_role("button", name="Print labels").click()
    view = card.get_by_role("region", name="Print labels")
    sheets = view.frame_locator("iframe.sheets")
    labelled(sheets, {UID, RAIN_UID})  # all, by default
    # the chip with a cover shows it, each with its name
    expect(sheets.locator(f"[data-chip-uid='{UID}'] img")).to_have_count(1)
    expect(sheets.locator(f"[data-chip-uid='{RAIN_UID}'] .name")).to_have_text("Rain")
    expect(view).to_contain_text("Labels: 2, sheets: 1.")
    screenshots(page, "01-all")

    view.locator("select[name=labels_which]").select_option("pick")
    labelled(sheets, set())
    expect(view.get_by_role("button", name="Print", exact=True)).to_be_disabled()
    view.get_by_role("checkbox", name="Rain").check()
    labelled(sheets, {RAIN_UID})

    view.locator("select[name=labels_which]").select_option("added")
    expect(view.locator("select[name=labels_which]")).to_contain_text(
        "Added since the last print (never printed)"
    )
    labelled(sheets, {UID, RAIN_UID})
    view.get_by_role("button", name="Print", exact=True).click()
    labelled(sheets, set())
    expect(view).to_contain_text("No chips to print")

    [entry] = api.config_entries("nfc_jukebox")
    assert api.add_music_chip(
        entry["entry_id"], music_chip(MORNING_UID, "Morning song", "Morning song.wav")
    )
    labelled(sheets, {MORNING_UID})

    # the last print is the home's: a fresh page remembers it
    page.reload()
    card = page.locator(CARD)
    card.get_by_role("button", name="Print labels").click()
    view = card.get_by_role("region", name="Print labels")
    sheets = view.frame_locator("iframe.sheets")
    view.locator("select[name=labels_which]").select_option("added")
    labelled(sheets, {MORNING_UID})
    expect(view.locator("select[name=labels_which]")).not_to_contain_text(
        "never printed"
    )


@pytest.mark.parametrize(
    ("layout", "width_mm", "height_mm"),
    [
        ("round_39", 39, 39),
        ("round_30", 30, 30),
        ("round_25", 25, 25),
        ("card_54x86", 54, 86),
    ],
)
def test_each_label_prints_at_its_size_in_millimetres(
    home_assistant: HomeAssistant,
    page: Page,
    layout: str,
    width_mm: float,
    height_mm: float,
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = page.locator(CARD)
    page.goto(f"{api.url}/{DASHBOARD}/card")
    card.get_by_role("button", name="Print labels").click()
    view = card.get_by_role("region", name="Print labels")
    view.locator("select[name=labels_layout]").select_option(layout)
    label = view.frame_locator("iframe.sheets").locator(f"[data-chip-uid='{UID}']")
    expect(label).to_have_count(1)

    width, height = printed_size(page, label)

    assert width == pytest.approx(width_mm * PX_PER_MM, abs=0.5)
    assert height == pytest.approx(height_mm * PX_PER_MM, abs=0.5)
    if layout == "round_39":
        assert width == pytest.approx(147.4, abs=0.5)
    if layout == "card_54x86":
        view.get_by_role("checkbox", name="Names on the labels").uncheck()
        expect(label.locator(".name")).to_have_count(0)
        screenshots(page, "02-cards-without-names")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_print_has_the_papers_size(
    home_assistant: HomeAssistant, page: Page, tmp_path: Path, paper: str
) -> None:
    api = home_assistant.api
    log_in(page, api.url)
    card = page.locator(CARD)
    page.goto(f"{api.url}/{DASHBOARD}/card")
    card.get_by_role("button", name="Print labels").click()
    view = card.get_by_role("region", name="Print labels")
    view.locator("select[name=labels_layout]").select_option("round_39")
    view.locator("select[name=labels_paper]").select_option(paper)
    view.get_by_role("checkbox", name="Names on the labels").check()
    frame = view.locator("iframe.sheets")
    expect(frame).to_have_attribute("srcdoc", re.compile(r"@page \{ size: (A4|letter)"))
    document = frame.get_attribute("srcdoc")
    assert document is not None

    pdf = pdf_of(page, document, tmp_path, f"sheet-{paper}")

    [(width, height)] = pages_of(pdf)  # three labels: one sheet
    expected_width, expected_height = PAGE_POINTS[paper]
    assert width == pytest.approx(expected_width, abs=1)
    assert height == pytest.approx(expected_height, abs=1)
