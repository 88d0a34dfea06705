"""The base entities of a reader: device info, availability, the reader's snapshot."""

from __future__ import annotations

from typing import override

from homeassistant.auth.permissions.const import POLICY_CONTROL
from homeassistant.exceptions import Unauthorized, UnknownUser
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .chips.registry import find_chip
from .const import DOMAIN, MANUFACTURER, MODEL, MODEL_KEYBOARD, MODEL_SCANNER
from .coordinator import JukeboxCoordinator
from .models import NfcJukeboxConfigEntry
from .readers.keyboard import KeyboardReader
from .readers.scanner import ScannerReader


class NfcJukeboxEntity(CoordinatorEntity[JukeboxCoordinator]):
    """An entity of one reader; it shows the reader's snapshot, pushed on each change."""

    _attr_has_entity_name = True

    def __init__(
        self, entry: NfcJukeboxConfigEntry, description: EntityDescription
    ) -> None:
        """Describe the entity and the reader device it belongs to."""
        super().__init__(entry.runtime_data.coordinator)
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
        if isinstance(self.reader, KeyboardReader):
            self._attr_device_info = DeviceInfo(
                identifiers={(DOMAIN, entry.entry_id)},
                name=entry.title,
                model=MODEL_KEYBOARD,
            )
            return
        firmware = self.reader.firmware
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.title,
            manufacturer=MANUFACTURER,
            model=firmware.chip if firmware else MODEL,
            sw_version=firmware.firmware if firmware else None,
        )

    @property
    @override
    def available(self) -> bool:
        return self.coordinator.data.available

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

    async def async_require_admin(self) -> None:
        """Refuse the user of the call being served unless an administrator.

        The house rules are the parent's: the options, the card's commands and the
        actions refuse other users, and so do these entities. Automations and
        scripts, which call with no user, may change them.
        """
        context = self._context
        if context is None or context.user_id is None:
            return
        user = await self.hass.auth.async_get_user(context.user_id)
        if user is None:
            raise UnknownUser(context=context, user_id=context.user_id)
        if not user.is_admin:
            raise Unauthorized(
                context=context, entity_id=self.entity_id, permission=POLICY_CONTROL
            )
