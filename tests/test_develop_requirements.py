"""Home Assistant pip-installs nothing at runtime for scripts/develop and tests/e2e.

requirements_develop.txt holds all it loads: derived by devtools/develop_requirements.py,
run with the Python of .venv-develop, from that release's bootstrap, manifests and package
constraints. What it tried to install anyway is read from its log.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from devtools.hass_process import installed_distributions, installs_attempted

REPO = Path(__file__).resolve().parents[1]
PYTHON = REPO / ".venv-develop" / "bin" / "python"


def develop_requirements(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m devtools.develop_requirements ARGS`` in .venv-develop."""
    if not PYTHON.exists():
        pytest.fail(f"{PYTHON} is missing: run scripts/setup-develop")
    return subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [str(PYTHON), "-m", "devtools.develop_requirements", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_requirements_develop_txt_is_what_home_assistant_derives() -> None:
    result = develop_requirements("--check")
    assert result.returncode == 0, result.stderr


def test_the_development_configuration_needs_nothing_installed_at_start() -> None:
    result = develop_requirements("--missing", "config/configuration.yaml")
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


def test_an_integration_added_to_a_configuration_is_named_with_its_packages(
    tmp_path: Path,
) -> None:
    configuration = tmp_path / "configuration.yaml"
    configuration.write_text("sonos:\nautomation: !include automations.yaml\n")
    result = develop_requirements("--missing", str(configuration))
    assert result.returncode == 1, result.stderr
    assert any(
        line.startswith("soco==") and line.endswith("# sonos")
        for line in result.stdout.splitlines()
    ), result.stdout


def test_each_package_home_assistant_tried_to_install_is_named_once() -> None:
    log = (
        "2026-11-29 15:20:18.636+00:00 INFO (SyncWorker_3) [homeassistant.util.package]"
        " Attempting install of home-assistant-intents==2026.10.27\n"
        "2026-11-29 15:20:19.101+00:00 INFO (SyncWorker_1) [homeassistant.util.package]"
        " Attempting install of radios==2.0.1\n"
        "2026-11-29 15:20:21.002+00:00 INFO (SyncWorker_3) [homeassistant.util.package]"
        " Attempting install of home-assistant-intents==2026.10.27\n"
        "2026-11-29 15:20:24.370+00:00 INFO (MainThread) [homeassistant.bootstrap]"
        " Home Assistant initialized in 6.30s\n"
    )
    assert installs_attempted(log) == [
        "home-assistant-intents==2026.10.27",
        "radios==2.0.1",
    ]
    assert installs_attempted(log.splitlines()[-1]) == []


def test_a_failed_install_before_the_logger_was_set_up_is_named_too() -> None:
    log = (
        "2026-12-07 10:59:32.336+00:00 ERROR (SyncWorker_1) [homeassistant.util.package]"
        " Unable to install package pyotp==2.10.0: error: Failed to fetch\n"
    )

    assert installs_attempted(log) == ["pyotp==2.10.0"]


def test_the_development_venv_holds_what_the_default_auth_configuration_loads() -> None:
    installed = {name.lower() for name in installed_distributions()}

    assert {"pyotp-2.10.0", "pyqrcode-1.2.1"} <= installed
