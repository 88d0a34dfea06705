"""One real Home Assistant process for all end-to-end tests, set up over HTTP.

It is the latest release, from .venv-develop (scripts/setup-develop), with this
integration linked in, on a free loopback port and a temporary configuration directory
(devtools/hass_process.py). It starts once, before the first test of this package, and
stops after the last one (package scope: it does not idle on while the rest of the
suite runs). A test after which Home Assistant's log shows it pip-installed anything
fails, naming the packages: .venv-develop must hold all it needs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
import pytest_socket

from devtools.hass_client import Chip, set_up
from devtools.hass_process import HASS, HomeAssistant, start_home_assistant

REPO = Path(__file__).resolve().parents[2]
RELEASE = re.findall(
    r"^homeassistant==(\S+)$",
    (REPO / "requirements_develop.txt").read_text(),
    flags=re.MULTILINE,
)[0]
START_TIMEOUT = 90.0  # seconds; a start takes 5-15 s once everything is installed
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
# A phone with the Home Assistant app, registered over HTTP, as a tag scanner.
mobile_app:
logger:
  default: warning
  logs:
    homeassistant.bootstrap: info
    homeassistant.util.package: info  # "Attempting install of …"
    custom_components.nfc_jukebox: debug
"""


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the root conftest's fixture: these tests have no ``hass`` fixture."""


@pytest.fixture(autouse=True)
def loopback(socket_enabled: None) -> None:
    """Let the tests open sockets; the harness still allows no host but 127.0.0.1."""


def fail_if_anything_was_installed(instance: HomeAssistant) -> None:
    """Fail the test, naming the packages, if Home Assistant pip-installed any."""
    if packages := instance.installs_attempted():
        pytest.fail(
            f"Home Assistant tried to install {', '.join(packages)} at runtime (its log "
            f'says "Attempting install of"): .venv-develop must hold everything it '
            f"loads. Regenerate requirements_develop.txt with `.venv-develop/bin/python "
            f"-m devtools.develop_requirements --write` and run scripts/setup-develop; "
            f"a configuration it does not know of belongs in a module-level "
            f"CONFIGURATION string (see devtools/develop_requirements.py).\n"
            f"--- tail of {instance.log} ---\n{instance.log_tail()}",
            pytrace=False,
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
        fail_if_anything_was_installed(instance)
        yield instance
    finally:
        instance.stop()


@pytest.fixture(autouse=True)
def nothing_installed(home_assistant: HomeAssistant) -> Iterator[None]:
    """After each test: fail it if Home Assistant pip-installed anything meanwhile."""
    yield
    fail_if_anything_was_installed(home_assistant)


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
