"""The PN532 library is tested without Home Assistant."""

from collections.abc import AsyncIterator

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
