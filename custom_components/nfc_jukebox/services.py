"""Actions: place and lift virtual tags on a simulated reader."""

from __future__ import annotations

import probatio
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_register_admin_service

from .const import (
    ATTR_TAG_TYPE,
    ATTR_TEXT,
    ATTR_UID,
    ATTR_URI,
    DOMAIN,
    SERVICE_SIMULATE_PLACE,
    SERVICE_SIMULATE_REMOVE,
    SERVICE_WRITE_TAG,
)
from .models import NfcJukeboxConfigEntry
from .pn532 import NoTagPresent, Pn532Error, TagNotWritable, encode_message
from .pn532.emulator import TAG_KINDS, Pn532Emulator, make_tag

ATTR_CONFIG_ENTRY_ID = "config_entry_id"
DEFAULT_TAG_TYPE = "ntag215"

SIMULATE_PLACE_SCHEMA = probatio.Schema(
    {
        probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        probatio.Required(ATTR_UID): cv.string,
        probatio.Optional(ATTR_TAG_TYPE, default=DEFAULT_TAG_TYPE): probatio.In(
            TAG_KINDS
        ),
        probatio.Optional(ATTR_URI): cv.string,
        probatio.Optional(ATTR_TEXT): cv.string,
    }
)
SIMULATE_REMOVE_SCHEMA = probatio.Schema(
    {probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string}
)


WRITE_TAG_SCHEMA = probatio.All(
    probatio.Schema(
        {
            probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
            probatio.Optional(ATTR_URI): cv.string,
            probatio.Optional(ATTR_TEXT): cv.string,
        }
    ),
    cv.has_at_least_one_key(ATTR_URI, ATTR_TEXT),
)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the integration's actions."""
    async_register_admin_service(
        hass, DOMAIN, SERVICE_WRITE_TAG, _async_write_tag, WRITE_TAG_SCHEMA
    )
    hass.services.async_register(
        DOMAIN, SERVICE_SIMULATE_PLACE, _async_simulate_place, SIMULATE_PLACE_SCHEMA
    )
    hass.services.async_register(
        DOMAIN, SERVICE_SIMULATE_REMOVE, _async_simulate_remove, SIMULATE_REMOVE_SCHEMA
    )


def _loaded_entry(call: ServiceCall) -> NfcJukeboxConfigEntry:
    """Return the loaded reader entry the call names."""
    entry_id = call.data[ATTR_CONFIG_ENTRY_ID]
    entry: NfcJukeboxConfigEntry | None = call.hass.config_entries.async_get_entry(
        entry_id
    )
    if entry is None or entry.domain != DOMAIN:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_found",
            translation_placeholders={"entry_id": entry_id},
        )
    if entry.state is not ConfigEntryState.LOADED:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="entry_not_loaded",
            translation_placeholders={"entry_id": entry_id},
        )
    return entry


def _emulator(call: ServiceCall) -> Pn532Emulator:
    """Return the emulator behind the simulated reader the call names."""
    entry = _loaded_entry(call)
    emulator = entry.runtime_data.reader.emulator
    if emulator is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="not_simulated",
            translation_placeholders={"name": entry.title},
        )
    return emulator


async def _async_simulate_place(call: ServiceCall) -> None:
    """Put a virtual tag on a simulated reader."""
    emulator = _emulator(call)
    kind: str = call.data[ATTR_TAG_TYPE]
    uid_text: str = call.data[ATTR_UID]
    uri, text = call.data.get(ATTR_URI), call.data.get(ATTR_TEXT)
    message = encode_message(uri=uri, text=text) if uri or text else None
    try:
        tag = make_tag(kind, bytes.fromhex(uid_text.replace(":", "")), message)
    except ValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_uid",
            translation_placeholders={"uid": uid_text, "tag_type": kind},
        ) from err
    emulator.place(tag)


async def _async_simulate_remove(call: ServiceCall) -> None:
    """Lift the virtual tag from a simulated reader."""
    _emulator(call).remove()


async def _async_write_tag(call: ServiceCall) -> None:
    """Write a URI and/or text to the tag now on the reader."""
    reader = _loaded_entry(call).runtime_data.reader
    message = encode_message(uri=call.data.get(ATTR_URI), text=call.data.get(ATTR_TEXT))
    try:
        await reader.async_write_ndef(message)
    except NoTagPresent as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_tag",
            translation_placeholders={"name": reader.name},
        ) from err
    except TagNotWritable as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="tag_not_writable",
            translation_placeholders={"error": str(err)},
        ) from err
    except Pn532Error as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="write_failed",
            translation_placeholders={"error": str(err)},
        ) from err
