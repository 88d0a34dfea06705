"""The reader's sensors: current chip, progress, sleep timer, listening time, connection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, override

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
)
from homeassistant.const import EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import ATTR_TRACK, ATTR_TRACKS
from .coordinator import JukeboxSnapshot
from .entity import NfcJukeboxEntity
from .models import NfcJukeboxConfigEntry

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class NfcJukeboxSensorDescription(SensorEntityDescription):
    """A reader sensor and how it gets its value."""

    value_fn: Callable[[JukeboxSnapshot], str | int | datetime | None]
    attributes_fn: Callable[[JukeboxSnapshot], dict[str, Any] | None] = lambda _: None


#: the current chip when none lies on the reader: shown as "No chip", not "Unknown"
NO_CHIP: Final = "none"


def _current_tag(snapshot: JukeboxSnapshot) -> str:
    tag = snapshot.present
    if tag is None:
        return NO_CHIP
    return snapshot.present_name or tag.uid


def _progress(snapshot: JukeboxSnapshot) -> str:
    """Return "2/12": the folder chip's track, of how many; "none" for no folder."""
    progress = snapshot.progress
    return f"{progress.track}/{progress.tracks}" if progress else NO_CHIP


def _progress_attributes(snapshot: JukeboxSnapshot) -> dict[str, Any]:
    progress = snapshot.progress
    return {
        ATTR_TRACK: progress.track if progress else None,
        ATTR_TRACKS: progress.tracks if progress else None,
        "title": progress.title if progress else None,
    }


SENSORS = (
    NfcJukeboxSensorDescription(
        key="current_tag", translation_key="current_tag", value_fn=_current_tag
    ),
    NfcJukeboxSensorDescription(
        key="progress",
        translation_key="progress",
        value_fn=_progress,
        attributes_fn=_progress_attributes,
    ),
    NfcJukeboxSensorDescription(
        key="sleep_timer",
        translation_key="sleep_timer",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda snapshot: snapshot.sleep_until,
    ),
    NfcJukeboxSensorDescription(
        key="minutes_left",
        translation_key="minutes_left",
        native_unit_of_measurement=UnitOfTime.MINUTES,
        device_class=SensorDeviceClass.DURATION,
        value_fn=lambda snapshot: snapshot.minutes_left,
    ),
    NfcJukeboxSensorDescription(
        key="connection",
        translation_key="connection",
        entity_category=EntityCategory.DIAGNOSTIC,
        entity_registry_enabled_default=False,
        value_fn=lambda snapshot: snapshot.connection,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: NfcJukeboxConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the sensors of a reader."""
    async_add_entities(NfcJukeboxSensor(entry, description) for description in SENSORS)


class NfcJukeboxSensor(NfcJukeboxEntity, SensorEntity):
    """A sensor whose value comes from the reader's snapshot."""

    entity_description: NfcJukeboxSensorDescription

    @property
    @override
    def native_value(self) -> str | int | datetime | None:
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    @override
    def extra_state_attributes(self) -> dict[str, Any] | None:
        return self.entity_description.attributes_fn(self.coordinator.data)
