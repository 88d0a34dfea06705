"""The PN532 library is tested without Home Assistant.

Library tests import the library by the integration's path, as the integration tests do:
one module identity (``custom_components.nfc_jukebox.pn532.errors.Pn532Error``) whether
the two suites share a process (``pytest tests``) or not. Alone, in a venv without Home
Assistant (scripts/test-library), ``custom_components.nfc_jukebox`` is registered as a
bare package whose ``__init__`` (Home Assistant's side) never runs. The standalone name
``pn532`` is what the command lines run as (test_cli.py, test_standalone.py).
"""

import sys
import types
from collections.abc import AsyncIterator
from pathlib import Path

if "custom_components.nfc_jukebox" not in sys.modules:
    _integration = types.ModuleType("custom_components.nfc_jukebox")
    _integration.__path__ = [
        str(Path(__file__).parents[2] / "custom_components/nfc_jukebox")
    ]
    sys.modules[_integration.__name__] = _integration

import pytest

from custom_components.nfc_jukebox.pn532 import Pn532
from custom_components.nfc_jukebox.pn532.emulator import (
    EmulatorTransport,
    Pn532Emulator,
)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Start no Home Assistant instance for library tests."""


@pytest.fixture
async def emulator() -> AsyncIterator[Pn532Emulator]:
    """Return an emulated PN532 with an empty field."""
    emulator = Pn532Emulator(seed=1)
    yield emulator
    await emulator.aclose()


@pytest.fixture
async def device(emulator: Pn532Emulator) -> AsyncIterator[Pn532]:
    """Return our driver, opened on the emulator over the in-memory link."""
    device = Pn532(EmulatorTransport(emulator), response_timeout=0.5)
    await device.open()
    yield device
    await device.close()
