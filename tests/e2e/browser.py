"""A fresh Home Assistant with its frontend, and Debian's Chromium to drive it.

The browser test sets up the jukebox the way a parent does, so its Home Assistant is
onboarded and nothing more: no reader yet. Chromium is the system's (Debian's package
``chromium``, which ``.ci/run`` installs); Playwright never downloads a browser here.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import (
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from devtools.hass_client import OWNER_NAME, PASSWORD, USERNAME, HomeAssistantApi
from devtools.hass_process import HASS, HomeAssistant, start_home_assistant
from devtools.media import write_example_music

from .conftest import fail_if_anything_was_installed

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
START_TIMEOUT = 90.0  # seconds, as for the other end-to-end tests
MUSIC_FILE = "Lullaby.wav"  # one of devtools.media.TUNES

# Home Assistant with its frontend and media sources, the demo and the jukebox. No
# `http:` section: Home Assistant 2026.11 moves it to storage as a trial that reverts
# to port 8123 on every interface unless confirmed within 5 minutes (a dialog in the
# frontend). `start_home_assistant` writes the confirmed settings. `media_dirs`:
# in a container, Home Assistant's default is /media instead of the configuration's.
#
# The demo's speakers that play (living room, bedroom: YouTube players) cannot browse
# media, and the one that browses (media_player.browse: Home Assistant's media sources)
# cannot play. A universal player joins them, as a user would: it plays on the demo
# living-room speaker and browses with the demo browse player.
CONFIGURATION = """\
homeassistant:
  # As in config/configuration.yaml: onboarding adds no weather service at this location.
  latitude: 52.3731339
  longitude: 4.8903147
  media_dirs:
    local: {media}
frontend:
config:
media_source:
demo:
media_player:
  - platform: universal
    name: Kids speaker
    children:
      - media_player.living_room
    browse_media_entity: media_player.browse
    # A speaker starts to play what it is given; the demo's YouTube player only
    # changes its video (and stays paused): the script presses play after it.
    commands:
      play_media:
        action: script.kids_speaker_play_media
        data:
          media_content_id: "{{{{ media_content_id }}}}"
          media_content_type: "{{{{ media_content_type }}}}"
script kids_speaker:
  kids_speaker_play_media:
    alias: Kids speaker plays media
    sequence:
      - action: media_player.play_media
        target:
          entity_id: media_player.living_room
        data:
          media_content_id: "{{{{ media_content_id }}}}"
          media_content_type: "{{{{ media_content_type }}}}"
      - action: media_player.media_play
        target:
          entity_id: media_player.living_room
logger:
  default: warning
  logs:
    homeassistant.bootstrap: info
    homeassistant.util.package: info  # "Attempting install of …"
    custom_components.nfc_jukebox: debug
"""


def require_chromium() -> None:
    """Fail, saying how to install it, when Debian's Chromium is missing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. Install "
            "it with `sudo apt-get install chromium fonts-dejavu-core` (.ci/run does "
            'this in CI), or skip these tests with `scripts/test -m "not browser"`.'
        )


def onboard(api: HomeAssistantApi, process: subprocess.Popen[bytes]) -> None:
    """Onboard a starting Home Assistant over HTTP, as ``hass_client.set_up`` does."""
    alive = lambda: process.poll() is None  # noqa: E731
    api.wait_until_listening(START_TIMEOUT, alive=alive)
    pending = api.pending_onboarding_steps()
    api.create_owner(OWNER_NAME, USERNAME, PASSWORD)
    api.wait_until_running(START_TIMEOUT)
    api.finish_onboarding(pending)


@contextmanager
def fresh_home_assistant(config: Path) -> Iterator[HomeAssistant]:
    """Start an onboarded Home Assistant with the frontend in ``config``; stop it after."""
    if not HASS.exists():
        pytest.fail(f"{HASS} is missing: run scripts/setup-develop")
    media = config / "media"
    write_example_music(media)  # MUSIC_FILE among them
    instance = start_home_assistant(config, CONFIGURATION.format(media=media))
    process, console = instance.process, instance.log
    started = time.monotonic()
    try:
        try:
            onboard(instance.api, process)
        except Exception as err:  # noqa: BLE001 - any failure: say why, with the log
            pytest.fail(
                f"Home Assistant was not started and onboarded after "
                f"{time.monotonic() - started:.1f} s (exit code {process.returncode}): "
                f"{err}\n--- tail of {console} ---\n{instance.log_tail()}"
            )
        fail_if_anything_was_installed(instance)
        yield instance
    finally:
        instance.stop()


def launch_chromium(
    playwright: Playwright, profile: Path, extra_args: tuple[str, ...] = ()
) -> BrowserContext:
    """Start Debian's headless Chromium with a fresh profile in ``profile``."""
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, *extra_args],
        headless=True,
        viewport={"width": 1280, "height": 800},
        locale="en-US",
        timezone_id="UTC",
    )


@contextmanager
def chromium_page(
    request: pytest.FixtureRequest,
    profile: Path,
    prefix: str,
    timeout_ms: int,
    extra_args: tuple[str, ...] = (),
) -> Iterator[Page]:
    """Yield a page of a fresh Chromium for a browser test module.

    The module's old screenshots (artifacts/PREFIX-*.png) go first, and a failing test
    leaves artifacts/PREFIX-failure.png. The speakers' artwork proxy is not fetched.
    """
    require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{prefix}-*.png"):
        old.unlink()
    failures_before = request.session.testsfailed
    expect.set_options(timeout=timeout_ms)
    with sync_playwright() as playwright:
        context = launch_chromium(playwright, profile, extra_args)
        context.set_default_timeout(timeout_ms)
        page = context.pages[0] if context.pages else context.new_page()
        page.route("**/api/media_player_proxy/**", lambda route: route.abort())
        try:
            yield page
        finally:
            if request.session.testsfailed > failures_before:
                (ARTIFACTS / f"{prefix}-failure.png").write_bytes(page.screenshot())
            context.close()
