"""The chip a recording is made for: checked before the recording, saved after it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntry, ConfigSubentry
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME
from homeassistant.core import HomeAssistant

from ..chips.model import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_METADATA,
    InvalidChip,
    TagMapping,
    normalise_uid,
)
from ..chips.registry import async_save_chip, find_chip_subentry
from ..chips.validation import music_chip_from_message
from ..const import CONF_MEDIA, CONF_MEDIA_PLAYER, CONF_UID, DOMAIN, SUBENTRY_TAG
from .recording_error import RecordingError

#: what a chip's errors say when a recording's chip has them (else chip_invalid)
_CHIP_ERRORS = frozenset({"invalid_uid", "not_a_speaker"})

if TYPE_CHECKING:
    from ..audio.store import Place


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class ChipTarget:
    """A chip to play a recording: where it is stored and what it will be."""

    entry: ConfigEntry
    chip: TagMapping
    subentry: ConfigSubentry | None


def _recording_media(place: Place, speaker: str) -> dict[str, Any]:
    return {
        ATTR_ENTITY_ID: speaker,
        ATTR_MEDIA_CONTENT_ID: place.media_content_id,
        ATTR_MEDIA_CONTENT_TYPE: place.media_content_type,
        ATTR_METADATA: {"title": place.name, "media_class": "music"},
    }


def async_chip_target(
    hass: HomeAssistant, fields: Mapping[str, str], place: Place
) -> ChipTarget:
    """Return the chip ``fields`` name, to play ``place``; raise RecordingError if none.

    A chip of the home with that UID keeps its settings and gets the recording; a
    new one is stored on the reader ``entry_id`` and plays on ``speaker`` or the
    reader's speaker.
    """
    entry = hass.config_entries.async_get_entry(fields.get("entry_id", ""))
    if entry is None or entry.domain != DOMAIN:
        raise RecordingError("reader_not_found")
    uid = normalise_uid(fields.get("uid", ""))
    subentry = find_chip_subentry(hass, uid, prefer=entry) if uid else None
    if subentry is not None:
        if subentry.subentry_type != SUBENTRY_TAG:
            raise RecordingError("not_a_music_chip", {"chip": subentry.title})
        chip = TagMapping.from_subentry(subentry)
        media = _recording_media(place, chip.entity_id)
        chip = dataclasses.replace(
            chip,
            media_content_id=media[ATTR_MEDIA_CONTENT_ID],
            media_content_type=media[ATTR_MEDIA_CONTENT_TYPE],
            media_metadata=media[ATTR_METADATA],
        )
        return ChipTarget(entry=entry, chip=chip, subentry=subentry)
    speaker = fields.get("speaker") or entry.options.get(CONF_MEDIA_PLAYER) or ""
    if not speaker:
        raise RecordingError("no_speaker")
    user_input = {
        CONF_UID: uid,
        CONF_NAME: place.name,
        CONF_MEDIA: _recording_media(place, speaker),
    }
    try:
        chip = music_chip_from_message(hass, user_input)
    except InvalidChip as err:
        error = next(iter(err.errors.values()))
        raise RecordingError(
            f"chip_{error}" if error in _CHIP_ERRORS else "chip_invalid"
        ) from err
    return ChipTarget(entry=entry, chip=chip, subentry=None)


async def async_save_recording_chip(hass: HomeAssistant, target: ChipTarget) -> str:
    """Save the chip, through the one save path every chip takes; return its id."""
    saved = await async_save_chip(
        hass, target.entry, target.chip, subentry=target.subentry
    )
    return saved.subentry_id
