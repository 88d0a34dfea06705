"""Actions: write a chip, and place and lift virtual chips on a simulated reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import probatio
from homeassistant.const import ATTR_CONFIG_ENTRY_ID
from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import (
    async_get_config_entry,
    async_register_admin_service,
)

from .chips.model import is_valid_uid, normalise_uid
from .chips.registry import find_chip_subentry
from .const import (
    ATTR_TAG_TYPE,
    ATTR_TEXT,
    ATTR_UID,
    ATTR_URI,
    CONF_MINUTES,
    DOMAIN,
    GRANT_MINUTES,
    MAX_DAILY_LIMIT,
    SERVICE_GRANT_TIME,
    SERVICE_RESET_PROGRESS,
    SERVICE_SIMULATE_PLACE,
    SERVICE_SIMULATE_REMOVE,
    SERVICE_WRITE_TAG,
    SUBENTRY_TAG,
)
from .models import NfcJukeboxConfigEntry
from .pn532 import (
    MessageTooLarge,
    NoTagPresent,
    Pn532Error,
    TagNotWritable,
    encode_message,
)
from .pn532.errors import MessageDoesNotFit
from .pn532.ndef import MAX_TLV_LENGTH
from .progress import async_get_progress
from .readers.simulated import (
    CHIP_KINDS,
    ContentNotSupported,
    ContentTooLarge,
    UidSizeError,
    place_chip,
)

if TYPE_CHECKING:
    from .readers.base import VirtualField

DEFAULT_TAG_TYPE: Final = "ntag215"

#: A character takes at least one byte, so longer content fits no chip at all.
_CONTENT: Final = probatio.All(cv.string, probatio.Length(max=MAX_TLV_LENGTH))

SIMULATE_PLACE_SCHEMA: Final = probatio.Schema(
    {
        probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        probatio.Required(ATTR_UID): cv.string,
        probatio.Optional(ATTR_TAG_TYPE, default=DEFAULT_TAG_TYPE): probatio.In(
            CHIP_KINDS
        ),
        probatio.Optional(ATTR_URI): _CONTENT,
        probatio.Optional(ATTR_TEXT): _CONTENT,
    }
)
SIMULATE_REMOVE_SCHEMA: Final = probatio.Schema(
    {probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string}
)
GRANT_TIME_SCHEMA: Final = probatio.Schema(
    {
        probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        # A float is taken so that 1.7 is refused with a reason, not cut to 1.
        probatio.Optional(CONF_MINUTES, default=GRANT_MINUTES): probatio.All(
            probatio.Coerce(float), probatio.Range(min=1, max=MAX_DAILY_LIMIT)
        ),
    }
)
RESET_PROGRESS_SCHEMA: Final = probatio.Schema({probatio.Required(ATTR_UID): cv.string})
WRITE_TAG_SCHEMA: Final = probatio.All(
    probatio.Schema(
        {
            probatio.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
            probatio.Optional(ATTR_URI): _CONTENT,
            probatio.Optional(ATTR_TEXT): _CONTENT,
        }
    ),
    cv.has_at_least_one_key(ATTR_URI, ATTR_TEXT),
)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the integration's actions; each changes what plays or is recorded.

    Writing changes a chip for good, and a simulated chip plays music and is
    recorded as a tag scan (which runs "Tag is scanned" automations): all three
    are for administrators. So are more listening time, which a parent grants,
    and resetting a chip's progress, which loses where an audiobook got to.
    """
    async_register_admin_service(
        hass, DOMAIN, SERVICE_WRITE_TAG, _async_write_tag, WRITE_TAG_SCHEMA
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_SIMULATE_PLACE,
        _async_simulate_place,
        SIMULATE_PLACE_SCHEMA,
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_SIMULATE_REMOVE,
        _async_simulate_remove,
        SIMULATE_REMOVE_SCHEMA,
    )
    async_register_admin_service(
        hass, DOMAIN, SERVICE_GRANT_TIME, _async_grant_time, GRANT_TIME_SCHEMA
    )
    async_register_admin_service(
        hass,
        DOMAIN,
        SERVICE_RESET_PROGRESS,
        _async_reset_progress,
        RESET_PROGRESS_SCHEMA,
    )


def _loaded_entry(call: ServiceCall) -> NfcJukeboxConfigEntry:
    """Return the loaded reader entry the call names."""
    entry: NfcJukeboxConfigEntry = async_get_config_entry(
        call.hass, DOMAIN, call.data[ATTR_CONFIG_ENTRY_ID]
    )
    return entry


def _emulator(call: ServiceCall) -> VirtualField:
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
    """Put a virtual chip on a simulated reader."""
    emulator = _emulator(call)
    kind: str = call.data[ATTR_TAG_TYPE]
    uid = normalise_uid(call.data[ATTR_UID])
    if not is_valid_uid(uid):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_uid",
            translation_placeholders={"uid": call.data[ATTR_UID]},
        )
    uri, text = _content(call)
    message = encode_message(uri=uri, text=text) if uri or text else None
    try:
        place_chip(emulator, kind, bytes.fromhex(uid), message)
    except UidSizeError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="uid_wrong_size",
            translation_placeholders={
                "uid": uid,
                "size": str(len(err.uid)),
                "tag_type": kind,
                "sizes": "/".join(str(size) for size in err.sizes),
            },
        ) from err
    except ContentNotSupported as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="content_not_supported",
            translation_placeholders={"tag_type": kind},
        ) from err
    except ContentTooLarge as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="content_too_large",
            translation_placeholders={
                "size": str(err.size),
                "tag_type": kind,
                "capacity": str(err.capacity),
            },
        ) from err


async def _async_simulate_remove(call: ServiceCall) -> None:
    """Lift the virtual chip from a simulated reader."""
    _emulator(call).remove()


async def _async_grant_time(call: ServiceCall) -> None:
    """Add minutes to today's listening time of a reader."""
    minutes: float = call.data[CONF_MINUTES]
    if not minutes.is_integer():
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="not_whole_minutes",
            translation_placeholders={"minutes": f"{minutes:g}"},
        )
    _loaded_entry(call).runtime_data.jukebox.rules.async_grant(int(minutes))


async def _async_reset_progress(call: ServiceCall) -> None:
    """Make a music chip start over the next time it is placed, on any reader."""
    uid = normalise_uid(call.data[ATTR_UID])
    subentry = find_chip_subentry(call.hass, uid)
    if subentry is None or subentry.subentry_type != SUBENTRY_TAG:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_such_music_chip",
            translation_placeholders={"uid": call.data[ATTR_UID]},
        )
    (await async_get_progress(call.hass)).async_reset(uid)


def _content(call: ServiceCall) -> tuple[str | None, str | None]:
    """Return the URI and the text a call gives a chip; an empty field is none."""
    return call.data.get(ATTR_URI) or None, call.data.get(ATTR_TEXT) or None


async def _async_write_tag(call: ServiceCall) -> None:
    """Write a URI and/or text to the chip now on the reader."""
    reader = _loaded_entry(call).runtime_data.reader
    uri, text = _content(call)
    if uri is None and text is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="nothing_to_write"
        )
    message = encode_message(uri=uri, text=text)
    try:
        await reader.async_write_ndef(message)
    except NoTagPresent as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="no_tag",
            translation_placeholders={"name": reader.name},
        ) from err
    except MessageTooLarge as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="message_too_large",
            translation_placeholders={
                "size": str(len(message)),
                "capacity": str(MAX_TLV_LENGTH),
            },
        ) from err
    except MessageDoesNotFit as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="content_too_large_for_chip",
            translation_placeholders={
                "name": reader.name,
                "size": str(err.size),
                "capacity": str(err.capacity),
            },
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
