"""The reader's event entity: a tag was placed or removed."""

from __future__ import annotations

from typing import Any, override

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .chips.registry import find_chip
from .const import (
    ATTR_BLOCKED,
    ATTR_MAPPING,
    ATTR_NDEF,
    ATTR_TAG_TYPE,
    ATTR_TRACK,
    ATTR_TRACKS,
    ATTR_UID,
    EVENT_TAG_PLACED,
    EVENT_TAG_REMOVED,
)
from .entity import NfcJukeboxEntity
from .models import NfcJukeboxConfigEntry
from .pn532 import TagEvent

PARALLEL_UPDATES = 0

TAG_EVENT = EventEntityDescription(
    key="tag",
    translation_key="tag",
    event_types=[EVENT_TAG_PLACED, EVENT_TAG_REMOVED],
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the tag event entity of a reader."""
    async_add_entities([NfcJukeboxTagEvent(entry, TAG_EVENT)])


class NfcJukeboxTagEvent(NfcJukeboxEntity, EventEntity):
    """Fires tag_placed and tag_removed with the tag's UID, type and NDEF records.

    Events are not state: it hears each tag event from the reader itself, and the
    snapshot only for its availability.
    """

    @override
    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(self.reader.async_add_tag_listener(self._async_tag_event))

    @callback
    def _async_tag_event(self, event: TagEvent) -> None:
        if event.kind == "arrived":
            return  # "placed" follows once the tag's NDEF was read
        tag = event.tag
        attributes: dict[str, Any] = {
            ATTR_UID: tag.uid,
            ATTR_TAG_TYPE: tag.type.value,
            ATTR_NDEF: [dict(record) for record in tag.ndef],
            ATTR_MAPPING: self.mapping_name(tag.uid),
        }
        if event.kind == "placed":
            # The jukebox asked the same rules when the chip arrived: it agrees.
            chip = find_chip(self.hass, tag.uid, prefer=self.entry)
            block = self.jukebox.rules.may_start(chip) if chip else None
            attributes[ATTR_BLOCKED] = block.value if block else None
            # A folder chip: which of its tracks it plays (1 is the first).
            progress = self.jukebox.progress
            on_chip = progress is not None and progress.uid == tag.uid and not block
            attributes[ATTR_TRACK] = progress.track if on_chip and progress else None
            attributes[ATTR_TRACKS] = progress.tracks if on_chip and progress else None
        self._trigger_event(
            EVENT_TAG_PLACED if event.kind == "placed" else EVENT_TAG_REMOVED,
            attributes,
        )
        self.async_write_ha_state()
