"""The reader's "tag present" binary sensor."""

from __future__ import annotations

from typing import override

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .entity import NfcJukeboxEntity
from .models import NfcJukeboxConfigEntry

PARALLEL_UPDATES = 0

TAG_PRESENT = BinarySensorEntityDescription(
    key="tag_present", translation_key="tag_present"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the "tag present" sensor of a reader."""
    async_add_entities([NfcJukeboxTagPresent(entry, TAG_PRESENT)])


class NfcJukeboxTagPresent(NfcJukeboxEntity, BinarySensorEntity):
    """On while a tag lies on the reader."""

    @property
    @override
    def is_on(self) -> bool:
        return self.reader.present is not None
