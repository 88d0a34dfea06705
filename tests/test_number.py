"""The reader's number entities: house rules a dashboard can change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from .conftest import only_platform


@pytest.fixture(autouse=True)
def platform() -> Iterator[None]:
    """Set up only the number platform."""
    with only_platform(Platform.NUMBER):
        yield


async def test_the_number_entities_of_a_reader(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    await snapshot_platform(hass, entity_registry, snapshot, init_integration.entry_id)
