"""The reader's "Jukebox" switch: off, chips start nothing."""

from __future__ import annotations

from typing import Any, override

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import CONF_JUKEBOX_ON
from .entity import NfcJukeboxRuleEntity
from .models import NfcJukeboxConfigEntry

PARALLEL_UPDATES = 0

JUKEBOX_ON = SwitchEntityDescription(key=CONF_JUKEBOX_ON, translation_key="jukebox_on")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the on/off switch of a reader."""
    async_add_entities([NfcJukeboxSwitch(entry, JUKEBOX_ON)])


class NfcJukeboxSwitch(NfcJukeboxRuleEntity, SwitchEntity):
    """On: chips play. Off: chips start nothing, and lifting one still pauses."""

    @property
    @override
    def is_on(self) -> bool:
        return self.jukebox.rules.jukebox_on

    @override
    async def async_turn_on(self, **kwargs: Any) -> None:
        await self.async_require_admin()
        self.jukebox.rules.async_set_jukebox_on(on=True)

    @override
    async def async_turn_off(self, **kwargs: Any) -> None:
        await self.async_require_admin()
        self.jukebox.rules.async_set_jukebox_on(on=False)
