"""Start the development Home Assistant as a process, with this integration linked in.

The end-to-end tests, the browser test and soak runs each start one on a free loopback
port with a configuration of their own; ``scripts/develop`` starts one on ``config/``.
It runs from ``.venv-develop`` (``scripts/setup-develop``), which holds everything that
Home Assistant would otherwise pip-install: ``installs_attempted`` tells when it did.
Standard library only.
"""

from __future__ import annotations

import re
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .hass_client import HomeAssistantApi, Jukebox
from .hass_storage import confirm_http, keep_offline

REPO = Path(__file__).resolve().parents[1]
HASS = REPO / ".venv-develop" / "bin" / "hass"
INTEGRATION = REPO / "custom_components" / "nfc_jukebox"
STOP_TIMEOUT = 30.0  # seconds

# What homeassistant.util.package logs before it pip-installs a package (at info: a
# configuration's logger must let it through) and when that failed (an error, always).
_INSTALL = re.compile(r"(?:Attempting install of|Unable to install package) ([^\s:]+)")


def installs_attempted(log: str) -> list[str]:
    """Return the packages that Home Assistant's ``log`` says it tried to install."""
    return list(dict.fromkeys(_INSTALL.findall(log)))


def installed_distributions() -> frozenset[str]:
    """Return the distributions installed in .venv-develop (``name-version``).

    What Home Assistant installs before its logger is set up (the default auth
    configuration's TOTP module, say) is logged nowhere: this sees it too.
    """
    return frozenset(
        path.name.removesuffix(".dist-info")
        for path in HASS.parent.parent.glob("lib/python*/site-packages/*.dist-info")
    )


@dataclass(kw_only=True)
class HomeAssistant:
    """A running Home Assistant: its process, API client, log and jukebox."""

    process: subprocess.Popen[bytes]
    api: HomeAssistantApi
    log: Path
    #: what .venv-develop held when it started
    distributions: frozenset[str] = frozenset()
    jukebox: Jukebox | None = None

    @property
    def entry_id(self) -> str:
        """Return the config entry id of the simulated reader."""
        if self.jukebox is None:
            raise RuntimeError("no jukebox was set up on this Home Assistant")
        return self.jukebox.entry_id

    def log_text(self) -> str:
        """Return Home Assistant's console output so far (its log, and any crash)."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def log_tail(self, lines: int = 80) -> str:
        """Return the end of Home Assistant's console output."""
        if not self.log.exists():
            return "(no log written)"
        return "\n".join(self.log_text().splitlines()[-lines:])

    def installs_attempted(self) -> list[str]:
        """Return the packages Home Assistant has tried to pip-install so far.

        Those its log names, and those that are in .venv-develop since it started.
        """
        added = sorted(installed_distributions() - self.distributions)
        return list(dict.fromkeys([*installs_attempted(self.log_text()), *added]))

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


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_home_assistant(config: Path, configuration: str) -> HomeAssistant:
    """Start ``hass`` on a free loopback port with ``configuration`` in ``config``.

    The integration is linked in, the internet-facing integrations are kept off and
    the HTTP settings are confirmed; onboarding is the caller's. Its console output
    goes to ``config/console.log``.
    """
    if not HASS.exists():
        raise FileNotFoundError(f"{HASS} is missing: run scripts/setup-develop")
    port = free_port()
    (config / "configuration.yaml").write_text(configuration)
    confirm_http(config, port)
    (config / "custom_components").mkdir()
    (config / "custom_components" / INTEGRATION.name).symlink_to(INTEGRATION)
    keep_offline(config)
    console = config / "console.log"
    distributions = installed_distributions()
    with console.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own hass, fixed arguments
            [str(HASS), "--config", str(config), "--log-no-color"],
            stdout=output,
            stderr=subprocess.STDOUT,  # Ctrl-C stops it with its caller: same session
        )
    return HomeAssistant(
        process=process,
        api=HomeAssistantApi(f"http://127.0.0.1:{port}"),
        log=console,
        distributions=distributions,
    )
