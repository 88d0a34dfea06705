"""Fixtures shared by the NFC Jukebox tests."""

# Import our `custom_components` package before Home Assistant's loader does: the
# test harness ships a `custom_components` package of its own in its testing config.
import custom_components.nfc_jukebox  # noqa: F401  # isort: skip

import pytest


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load the custom integration in every test."""
