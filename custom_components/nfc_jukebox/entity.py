"""The base entity of a reader: device info, availability, tag-change updates."""

from __future__ import annotations

from typing import override

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .chips.registry import find_chip
from .const import DOMAIN, MANUFACTURER, MODEL, MODEL_SCANNER
from .models import NfcJukeboxConfigEntry
from .pn532 import TagEvent
from .scanner import ScannerReader


class NfcJukeboxEntity(Entity):
    """An entity of one reader; it follows the reader's tag changes."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(
        self, entry: NfcJukeboxConfigEntry, description: EntityDescription
    ) -> None:
        """Describe the entity and the reader device it belongs to."""
        self.entry = entry
        self.reader = entry.runtime_data.reader
        self.jukebox = entry.runtime_data.jukebox
        self.entity_description = description
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        if isinstance(self.reader, ScannerReader):
            # The jukebox of a device Home Assistant already knows, shown under it.
            self._attr_device_info = DeviceInfo(
                identifiers={(DOMAIN, entry.entry_id)},
                name=entry.title,
                model=MODEL_SCANNER,
                via_device_id=self.reader.device_id,
            )
            return
        firmware = self.reader.firmware
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.title,
            manufacturer=MANUFACTURER,
            model=MODEL,
            sw_version=firmware.firmware if firmware else None,
        )

    @property
    @override
    def available(self) -> bool:
        return self.reader.available

    @override
    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(self.reader.async_add_tag_listener(self._async_tag_event))
        self.async_on_remove(
            self.reader.async_add_availability_listener(self.async_write_ha_state)
        )

    @callback
    def _async_tag_event(self, event: TagEvent) -> None:
        """Update after a tag arrived, was placed (read) or was removed."""
        self.async_write_ha_state()

    def mapping_name(self, uid: str) -> str | None:
        """Return the name of the chip ``uid`` (a chip of the home), if it has one."""
        chip = find_chip(self.hass, uid, prefer=self.entry)
        return chip.name if chip else None


class NfcJukeboxRuleEntity(NfcJukeboxEntity):
    """An entity of a reader's house rules: it follows the rules, not the reader.

    The rules hold while the reader is away (unplugged, say), so a parent can
    still change them from a dashboard or an automation.
    """

    @property
    @override
    def available(self) -> bool:
        return True

    @override
    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(
            self.jukebox.rules.async_add_listener(self.async_write_ha_state)
        )
