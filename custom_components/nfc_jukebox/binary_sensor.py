"""The reader's binary sensors: "tag present" and "quiet hours"."""

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
        return self.reader.present is not None


class NfcJukeboxQuietHours(NfcJukeboxEntity, BinarySensorEntity):
    """On during the reader's quiet hours: only bedtime chips play."""

    @property
    @override
    def available(self) -> bool:
        return True  # the house rules hold while the reader is away too

    @property
    @override
    def is_on(self) -> bool:
        return self.jukebox.rules.quiet_hours

    @override
    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(
            self.jukebox.rules.async_add_listener(self.async_write_ha_state)
        )
