"""The reader's button: "+15 minutes" of listening today."""

from __future__ import annotations

from typing import override

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import GRANT_MINUTES
from .entity import NfcJukeboxRuleEntity
from .models import NfcJukeboxConfigEntry

PARALLEL_UPDATES = 0

GRANT = ButtonEntityDescription(key="grant_time", translation_key="grant_time")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the "+15 minutes" button of a reader."""
    async_add_entities([NfcJukeboxGrantButton(entry, GRANT)])


class NfcJukeboxGrantButton(NfcJukeboxRuleEntity, ButtonEntity):
    """Adds 15 minutes to today's listening time."""

    @override
    async def async_press(self) -> None:
        await self.async_require_admin()
        self.jukebox.rules.async_grant(GRANT_MINUTES)
