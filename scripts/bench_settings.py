"""Time Home Assistant's own pages and the card with many chips; prints JSON last.

For each chip count it starts the development Home Assistant (``.venv-develop``, the
latest release, devtools/hass_process.py) on a temporary configuration, onboards it,
adds a simulated reader and that many music chips through the card's ``chip/save``,
then drives Debian's Chromium (Playwright, as the browser tests do) and times, from
the navigation to what a parent waits for:

* ``settings_reader_s``: Settings → Devices & services → NFC Jukebox until the reader
  is shown (Home Assistant lists a reader's chips, its config subentries, under it);
* ``card_first_screen_s``: the dashboard with the card until the card shows its first
  chip (the list draws only the rows on screen);
* ``card_search_s``: typing the name of the chip that sorts last into the card's search
  until that chip is shown;
* ``card_redraw_ms``: the card drawing itself again with every chip (Lit's
  ``requestUpdate`` until ``updateComplete``), the median of ``REDRAWS`` in the page;
* ``card_new_chip_shown_ms``: a chip saved over another connection until the open card
  shows it (the push of what changed, and the redraw).

Run it through ``scripts/bench-settings`` (``--help`` for the options).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import json
import tempfile
import time
from typing import Any, Final

from playwright.sync_api import Page, sync_playwright

from devtools.hass_client import (
    DASHBOARD_URL_PATH,
    PASSWORD,
    USERNAME,
    HomeAssistantApi,
    set_up,
)
from devtools.hass_process import start_home_assistant

ARTIFACTS: Final = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM: Final = "/usr/bin/chromium"
CHROMIUM_ARGS: Final = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CONFIGURATION: Final = """\
homeassistant:
  latitude: 52.3731339
  longitude: 4.8903147
frontend:
config:
demo:
logger:
  default: warning
"""
SPEAKER: Final = "media_player.living_room"
READER: Final = "Jukebox"
#: chip/save commands sent over one websocket connection at a time
BATCH: Final = 100
#: how long a page may take before the figure is given up (seconds)
PAGE_TIMEOUT: Final = 300.0
#: redraws of the card timed in the page; the median is the figure
REDRAWS: Final = 21
#: the median of REDRAWS redraws of the first card on the page, in milliseconds
REDRAW_SCRIPT: Final = """async (count) => {
  const find = (root) => {
    for (const element of root.querySelectorAll("*")) {
      if (element.localName === "nfc-jukebox-card") return element;
      const inner = element.shadowRoot && find(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const card = find(document);
  const times = [];
  for (let round = 0; round < count; round++) {
    const started = performance.now();
    card.requestUpdate();
    await card.updateComplete;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""


def _chip(number: int) -> dict[str, Any]:
    return {
        "type": "nfc_jukebox/chip/save",
        "uid": f"05{number:012X}",
        "name": f"Song {number:04d}",
        "media": {
            "entity_id": SPEAKER,
            "media_content_id": f"media-source://song/{number}",
            "media_content_type": "music",
        },
    }


def _timed(page: Page, url: str, text: str) -> float:
    """Return the seconds from opening ``url`` until ``text`` is visible on it."""
    started = time.monotonic()
    page.goto(url)
    page.get_by_text(text, exact=True).first.wait_for(timeout=PAGE_TIMEOUT * 1000)
    return round(time.monotonic() - started, 2)


def _searched(page: Page, name: str) -> float:
    """Return the seconds from typing ``name`` into the card's search until it shows."""
    search = page.get_by_role("searchbox")
    started = time.monotonic()
    search.fill(name)
    page.get_by_text(name, exact=True).first.wait_for(timeout=PAGE_TIMEOUT * 1000)
    return round(time.monotonic() - started, 2)


def _redraw_ms(page: Page) -> float:
    """Return the median milliseconds the open card takes to draw itself again."""
    return round(float(page.evaluate(REDRAW_SCRIPT, REDRAWS)), 1)


def _new_chip_shown_ms(page: Page, api: HomeAssistantApi, entry_id: str) -> float:
    """Return the milliseconds from saving a chip elsewhere until the card shows it."""
    name = "A new chip"  # sorts first: on the first screen
    started = time.monotonic()
    api.websocket({**_chip(0xFFFFFF), "name": name, "entry_id": entry_id})
    page.get_by_text(name, exact=True).first.wait_for(timeout=PAGE_TIMEOUT * 1000)
    return round((time.monotonic() - started) * 1000, 1)


def _screenshots(page: Page, chips: int) -> None:
    """Save the card scrolled into its list, at 1280 and at 390 px: artifacts/."""
    page.get_by_role("searchbox").fill("")
    page.get_by_text("Song 0000", exact=True).first.wait_for()
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)  # the list draws the rows scrolled to
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"settings-card-{chips}.png").write_bytes(page.screenshot())
    page.set_viewport_size({"width": 390, "height": 844})
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    (ARTIFACTS / f"settings-card-{chips}-phone.png").write_bytes(page.screenshot())
    page.set_viewport_size({"width": 1280, "height": 900})


def measure(chips: int) -> dict[str, Any]:
    """Return the figures of a home with ``chips`` chips on one reader."""
    with tempfile.TemporaryDirectory(prefix="nfc-jukebox-settings-") as config:
        instance = start_home_assistant(Path(config), CONFIGURATION)
        try:
            api = instance.api
            jukebox = set_up(api, reader_name=READER, chips=())
            for start in range(0, chips, BATCH):
                api.websocket(
                    *(
                        {**_chip(number), "entry_id": jukebox.entry_id}
                        for number in range(start, min(chips, start + BATCH))
                    )
                )
            api.add_card_dashboard()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=list(CHROMIUM_ARGS)
                )
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(api.url)
                page.get_by_role("textbox", name="Username").fill(USERNAME)
                page.get_by_role("textbox", name="Password").fill(PASSWORD)
                page.get_by_role("button", name="Log in").click()
                page.get_by_role("link", name="Settings").wait_for()
                figures = {
                    "settings_reader_s": _timed(
                        page,
                        f"{api.url}/config/integrations/integration/nfc_jukebox",
                        READER,
                    ),
                    "card_first_screen_s": _timed(
                        page, f"{api.url}/{DASHBOARD_URL_PATH}/0", "Song 0000"
                    ),
                    "card_search_s": _searched(page, f"Song {chips - 1:04d}"),
                }
                page.get_by_role("searchbox").fill("")
                page.get_by_text("Song 0000", exact=True).first.wait_for()
                figures["card_redraw_ms"] = _redraw_ms(page)
                figures["card_new_chip_shown_ms"] = _new_chip_shown_ms(
                    page, api, jukebox.entry_id
                )
                _screenshots(page, chips)
                browser.close()
        finally:
            instance.stop()
    return figures


def main(argv: list[str]) -> int:
    """Measure each chip count; print one line each, then the JSON report."""
    parser = argparse.ArgumentParser(prog="scripts/bench-settings")
    parser.add_argument(
        "--chips",
        type=int,
        nargs="+",
        default=[10, 1000],
        help="chip counts to measure (default 10 1000)",
    )
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    for chips in args.chips:
        figures = measure(chips)
        print(f"{chips} chips: {figures}", flush=True)
        report.update({f"chips_{chips}_{key}": value for key, value in figures.items()})
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
