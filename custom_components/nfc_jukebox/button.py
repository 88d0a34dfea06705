"""Buttons: a reader's "+15 minutes", and each music chip's "Reset progress"."""

from __future__ import annotations

from typing import override

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.config_entries import ConfigEntry, ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .chips.model import normalise_uid
from .const import CONF_UID, DOMAIN, GRANT_MINUTES, SUBENTRY_TAG
from .entity import NfcJukeboxRuleEntity, async_require_admin
from .models import NfcJukeboxConfigEntry
from .progress import async_get_progress

PARALLEL_UPDATES = 0

#: what a music chip's device is, as Settings → Devices shows it
CHIP_MODEL = "Music chip"

GRANT = ButtonEntityDescription(key="grant_time", translation_key="grant_time")
RESET_PROGRESS = ButtonEntityDescription(
    key="reset_progress", translation_key="reset_progress"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the "+15 minutes" button of a reader, and a reset button per music chip."""
    async_add_entities([NfcJukeboxGrantButton(entry, GRANT)])
    # The reader's device, which the chips' devices are connected through.
    reader = dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id, identifiers={(DOMAIN, entry.entry_id)}
    )
    added: set[str] = set()

    @callback
    def add_chips() -> None:
        for subentry in entry.subentries.values():
            if subentry.subentry_type != SUBENTRY_TAG or subentry.subentry_id in added:
                continue
            added.add(subentry.subentry_id)
            async_add_entities(
                [NfcJukeboxResetProgressButton(entry, subentry, reader.id)],
                config_subentry_id=subentry.subentry_id,
            )

    async def chips_changed(_hass: HomeAssistant, _entry: ConfigEntry) -> None:
        # A chip saved later gets its button when it is saved; a deleted chip's
        # device and button go with its subentry; a renamed chip's device follows.
        added.intersection_update(entry.subentries)
        devices = dr.async_get(hass)
        for subentry_id in added:
            title = entry.subentries[subentry_id].title
            device = devices.async_get_device_by_identifier(
                (DOMAIN, subentry_id), entry.entry_id
            )
            if device is not None and device.name != title:
                devices.async_update_device(device.id, name=title)
        add_chips()

    add_chips()
    entry.async_on_unload(entry.add_update_listener(chips_changed))


class NfcJukeboxGrantButton(NfcJukeboxRuleEntity, ButtonEntity):
    """Adds 15 minutes to today's listening time."""

    @override
    async def async_press(self) -> None:
        await self.async_require_admin()
        self.jukebox.rules.async_grant(GRANT_MINUTES)


class NfcJukeboxResetProgressButton(ButtonEntity):
    """Makes a music chip start over the next time it is placed.

    The chip is a device of its own (its progress is the home's, not the
    reader's), shown as connected through its reader.
    """

    _attr_has_entity_name = True
    _attr_should_poll = False
    entity_description = RESET_PROGRESS

    def __init__(
        self, entry: NfcJukeboxConfigEntry, subentry: ConfigSubentry, reader_id: str
    ) -> None:
        """Describe the reset button of the chip ``subentry`` of ``entry``."""
        self.entry = entry
        self.subentry_id = subentry.subentry_id
        # The subentry id: a chip keeps it when its UID or name are edited.
        self._attr_unique_id = f"{subentry.subentry_id}_{RESET_PROGRESS.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, subentry.subentry_id)},
            name=subentry.title,
            model=CHIP_MODEL,
            via_device_id=reader_id,
        )

    @override
    async def async_press(self) -> None:
        await async_require_admin(self.hass, self, self._context)
        subentry = self.entry.subentries[self.subentry_id]
        progress = await async_get_progress(self.hass)
        progress.async_reset(normalise_uid(subentry.data[CONF_UID]))
