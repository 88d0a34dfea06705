"""scripts/rc522: info, read and watch, against the emulator or a missing bus."""

from __future__ import annotations

import json
import subprocess

import pytest

from custom_components.nfc_jukebox.rc522 import __main__ as cli
from custom_components.nfc_jukebox.rc522.__main__ import main

from .support import REPO_ROOT, TAG_SPEC

SCRIPT = REPO_ROOT / "scripts" / "rc522"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run scripts/rc522 as a person does."""
    return subprocess.run(  # noqa: S603 - our own script
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_info_names_the_chip_and_its_version() -> None:
    result = run("--emulate", TAG_SPEC, "info")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "ic": "MFRC522",
        "version": "2.0",
        "register": "92",
        "port": "emulator",
    }


def test_read_prints_the_chip_and_its_ndef() -> None:
    result = run("--emulate", TAG_SPEC, "read")
    assert result.returncode == 0, result.stderr
    chip = json.loads(result.stdout)
    assert (chip["uid"], chip["type"], chip["ndef"]) == (
        "04A1B2C3D4E5F6",
        "ntag215",
        [{"type": "uri", "uri": "https://example.com"}],
    )


def test_a_missing_spi_device_is_a_clear_error() -> None:
    result = run("--port", "spi:9.7", "info")
    assert result.returncode == 1
    assert result.stderr == "error: /dev/spidev9.7 does not exist (is SPI enabled?)\n"


def test_a_malformed_port_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--port", "i2c:1", "info"]) == 1
    assert "spi:BUS.DEVICE" in capsys.readouterr().err


def test_watch_prints_the_placed_chip(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # In process: the watch of an emulated chip that stays runs until interrupted.
    printed: list[dict[str, object]] = []

    def stop_after_first(data: dict[str, object]) -> None:
        printed.append(data)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_print", stop_after_first)
    assert main(["--emulate", TAG_SPEC, "watch"]) == 0
    assert printed[0]["event"] == "placed"
    assert capsys.readouterr().err == ""
