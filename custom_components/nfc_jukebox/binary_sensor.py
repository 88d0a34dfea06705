"""The reader's binary sensors: "tag present" and "quiet hours"."""

from __future__ import annotations

from typing import override

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .entity import NfcJukeboxEntity, NfcJukeboxRuleEntity
from .models import NfcJukeboxConfigEntry

PARALLEL_UPDATES = 0

TAG_PRESENT = BinarySensorEntityDescription(
    key="tag_present", translation_key="tag_present"
)
QUIET_HOURS = BinarySensorEntityDescription(
    key="quiet_hours", translation_key="quiet_hours"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the "tag present" and "quiet hours" sensors of a reader."""
    async_add_entities(
        [
            NfcJukeboxTagPresent(entry, TAG_PRESENT),
            NfcJukeboxQuietHours(entry, QUIET_HOURS),
        ]
    )


class NfcJukeboxTagPresent(NfcJukeboxEntity, BinarySensorEntity):
    """On while a tag lies on the reader."""

    @property
    @override
    def is_on(self) -> bool:
        return self.coordinator.data.present is not None


class NfcJukeboxQuietHours(NfcJukeboxRuleEntity, BinarySensorEntity):
    """On during the reader's quiet hours: only bedtime chips play."""

    @property
    @override
    def is_on(self) -> bool:
        return self.coordinator.data.quiet_hours
