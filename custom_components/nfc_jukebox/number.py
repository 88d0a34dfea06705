"""The reader's house-rule numbers: volume floor and ceilings, daily limit."""

from __future__ import annotations

from typing import override

from homeassistant.components.number import (
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import PERCENTAGE, EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import (
    CONF_DAILY_LIMIT,
    CONF_MAX_VOLUME,
    CONF_MIN_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
    DOMAIN,
    MAX_DAILY_LIMIT,
)
from .entity import NfcJukeboxRuleEntity
from .models import NfcJukeboxConfigEntry
from .rules import rules_error

PARALLEL_UPDATES = 0


def _volume(key: str, minimum: int = 0) -> NumberEntityDescription:
    return NumberEntityDescription(
        key=key,
        translation_key=key,
        entity_category=EntityCategory.CONFIG,
        native_min_value=minimum,
        native_max_value=100,
        native_step=1,
        native_unit_of_measurement=PERCENTAGE,
        mode=NumberMode.SLIDER,
    )


NUMBERS = (
    _volume(CONF_MIN_VOLUME),
    # A maximum of 0 would be a box that never plays: use the switch for that.
    _volume(CONF_MAX_VOLUME, 1),
    _volume(CONF_NIGHT_MAX_VOLUME, 1),
    NumberEntityDescription(
        key=CONF_DAILY_LIMIT,
        translation_key=CONF_DAILY_LIMIT,
        entity_category=EntityCategory.CONFIG,
        native_min_value=0,
        native_max_value=MAX_DAILY_LIMIT,
        native_step=1,
        native_unit_of_measurement=UnitOfTime.MINUTES,
        mode=NumberMode.BOX,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the house-rule numbers of a reader."""
    async_add_entities(NfcJukeboxNumber(entry, description) for description in NUMBERS)


class NfcJukeboxNumber(NfcJukeboxRuleEntity, NumberEntity):
    """A house-rule setting; it is the reader's option of the same name."""

    @property
    @override
    def native_value(self) -> float | None:
        return self.jukebox.rules.option(self.entity_description.key)

    @override
    async def async_set_native_value(self, value: float) -> None:
        await self.async_require_admin()
        key = self.entity_description.key
        if (
            error := rules_error({**self.entry.options, key: value}, [key])
        ) is not None:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=error[1],
                translation_placeholders={"value": f"{value:g}"},
            )
        self.jukebox.rules.async_set_option(key, int(value))
