"""One real Home Assistant process for all end-to-end tests, set up over HTTP.

It is the latest release, from .venv-develop (scripts/setup-develop), with this
integration linked in, on a free loopback port and a temporary configuration directory.
It starts once, before the first test of this package, and stops after the last one
(package scope: it does not idle on while the rest of the suite runs).
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_socket

from .hass_http import (
    Chip,
    HomeAssistantApi,
    Jukebox,
    confirm_http,
    keep_offline,
    set_up,
)

REPO = Path(__file__).resolve().parents[2]
HASS = REPO / ".venv-develop" / "bin" / "hass"
RELEASE = re.findall(
    r"^homeassistant==(\S+)$",
    (REPO / "requirements_develop.txt").read_text(),
    flags=re.MULTILINE,
)[0]
START_TIMEOUT = 90.0  # seconds; a start takes 5-15 s once everything is installed
STOP_TIMEOUT = 30.0
READER = "Jukebox"

# The two demo speakers that can play media, one chip each.
LIVING_ROOM_CHIP = Chip(
    uid="04A1B2C3D4E5F6",
    name="Lullaby",
    entity_id="media_player.living_room",
    media_content_id="dQw4w9WgXcQ",
)
BEDROOM_CHIP = Chip(
    uid="04112233445566",
    name="Fireplace",
    entity_id="media_player.bedroom",
    media_content_id="eyU3bRy2x44",
)

CONFIGURATION = """\
homeassistant:
  # As in config/configuration.yaml: onboarding adds no weather service at this location.
  latitude: 52.3731339
  longitude: 4.8903147
demo:
logger:
  default: warning
  logs:
    homeassistant.bootstrap: info
    homeassistant.util.package: info  # "Attempting install of …"
    custom_components.nfc_jukebox: debug
"""


@dataclass(kw_only=True)
class HomeAssistant:
    """A running Home Assistant: its process, API client, log and jukebox."""

    process: subprocess.Popen[bytes]
    api: HomeAssistantApi
    log: Path
    jukebox: Jukebox | None = None

    @property
    def entry_id(self) -> str:
        """Return the config entry id of the simulated reader."""
        assert self.jukebox is not None
        return self.jukebox.entry_id

    def log_tail(self, lines: int = 80) -> str:
        """Return the end of Home Assistant's console output (its log, and any crash)."""
        if not self.log.exists():
            return "(no log written)"
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Stop Home Assistant as a service manager would: SIGTERM, then SIGKILL."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the root conftest's fixture: these tests have no ``hass`` fixture."""


@pytest.fixture(autouse=True)
def loopback(socket_enabled: None) -> None:
    """Let the tests open sockets; the harness still allows no host but 127.0.0.1."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_home_assistant(config: Path, configuration: str) -> HomeAssistant:
    """Start ``hass`` on a free loopback port with ``configuration`` in ``config``.

    The integration is linked in, the internet-facing integrations are kept off and
    the HTTP settings are confirmed; onboarding is the caller's.
    """
    port = _free_port()
    (config / "configuration.yaml").write_text(configuration)
    confirm_http(config, port)
    (config / "custom_components").mkdir()
    (config / "custom_components" / "nfc_jukebox").symlink_to(
        REPO / "custom_components" / "nfc_jukebox"
    )
    keep_offline(config)
    console = config / "console.log"
    with console.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own hass, fixed arguments
            [str(HASS), "--config", str(config), "--log-no-color"],
            stdout=output,
            stderr=subprocess.STDOUT,  # Ctrl-C stops it with pytest: same session
        )
    return HomeAssistant(
        process=process, api=HomeAssistantApi(f"http://127.0.0.1:{port}"), log=console
    )


@pytest.fixture(scope="package")
def home_assistant(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[HomeAssistant]:
    """Start Home Assistant, onboard it, add a simulated reader with two chips."""
    if not HASS.exists():
        pytest.fail(f"{HASS} is missing: run scripts/setup-develop")
    # Set up before the first test's `socket_enabled`; still only 127.0.0.1 is allowed.
    pytest_socket.enable_socket()
    instance = start_home_assistant(
        tmp_path_factory.mktemp("homeassistant"), CONFIGURATION
    )
    process, console = instance.process, instance.log
    started = time.monotonic()
    try:
        instance.jukebox = set_up(
            instance.api,
            reader_name=READER,
            chips=(LIVING_ROOM_CHIP, BEDROOM_CHIP),
            timeout=START_TIMEOUT,
            alive=lambda: process.poll() is None,
        )
    except Exception as err:  # noqa: BLE001 - any failure: say why, with the log
        instance.stop()
        pytest.fail(
            f"Home Assistant was not started and set up after "
            f"{time.monotonic() - started:.1f} s (limit {START_TIMEOUT:.0f} s; "
            f"exit code {process.returncode}): {err}\n"
            f"--- tail of {console} ---\n{instance.log_tail()}"
        )
    try:
        yield instance
    finally:
        instance.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Add the tail of Home Assistant's log to the report of a failed test."""
    report = yield
    instance = getattr(item, "funcargs", {}).get("home_assistant")
    if report.failed and isinstance(instance, HomeAssistant):
        report.sections.append(
            (f"Home Assistant log (tail of {instance.log})", instance.log_tail())
        )
    return report
