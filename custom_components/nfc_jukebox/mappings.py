"""What the chips of a reader mean: music tags and control chips (config subentries)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from homeassistant.components.media_player.const import RepeatMode
from homeassistant.config_entries import ConfigEntry, ConfigSubentry

from .const import (
    CONF_ACTION,
    CONF_MEDIA,
    CONF_MINUTES,
    CONF_ON_REMOVE,
    CONF_PLAYBACK,
    CONF_REPEAT,
    CONF_RESUME,
    CONF_SHUFFLE,
    CONF_UID,
    CONF_VOLUME,
    DEFAULT_SLEEP_MINUTES,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
    ControlAction,
    TagOnRemove,
)

#: What may separate the bytes of a typed UID: white space (tabs and new lines from a
#: paste included), colons and dashes ("04:A1:…", "04-A1-…").
_UID_SEPARATORS: Final = re.compile(r"[\s:\-]+")
_HEX: Final = re.compile(r"[0-9A-F]*")
#: ISO 14443-3 UIDs are single, double or triple size.
UID_LENGTHS: Final = (4, 7, 10)


def normalise_uid(text: str) -> str:
    """Return a typed UID as the reader reports it: upper-case hex, no separators."""
    return _UID_SEPARATORS.sub("", text).upper()


def is_valid_uid(uid: str) -> bool:
    """Return whether a normalised UID is 4, 7 or 10 bytes of ASCII hex."""
    return (
        _HEX.fullmatch(uid) is not None
        and len(uid) % 2 == 0
        and len(uid) // 2 in UID_LENGTHS
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class TagMapping:
    """A music chip: which player plays what, and how."""

    uid: str
    name: str
    entity_id: str
    media_content_id: str
    media_content_type: str
    shuffle: bool = False
    repeat: RepeatMode = RepeatMode.OFF
    volume: int | None = None  # percent
    on_remove: TagOnRemove = TagOnRemove.INHERIT
    resume: bool = True

    @classmethod
    def from_subentry(cls, subentry: ConfigSubentry) -> TagMapping:
        """Read a mapping from its subentry."""
        media: dict[str, Any] = subentry.data[CONF_MEDIA]
        playback: dict[str, Any] = subentry.data.get(CONF_PLAYBACK, {})
        volume = playback.get(CONF_VOLUME)
        return cls(
            uid=subentry.data[CONF_UID],
            name=subentry.title,
            entity_id=media["entity_id"],
            media_content_id=media["media_content_id"],
            media_content_type=media["media_content_type"],
            shuffle=playback.get(CONF_SHUFFLE, False),
            repeat=RepeatMode(playback.get(CONF_REPEAT, RepeatMode.OFF)),
            volume=None if volume is None else int(volume),
            on_remove=TagOnRemove(playback.get(CONF_ON_REMOVE, TagOnRemove.INHERIT)),
            resume=playback.get(CONF_RESUME, True),
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class ControlChip:
    """A chip that controls playback instead of choosing music."""

    uid: str
    name: str
    action: ControlAction
    minutes: int = DEFAULT_SLEEP_MINUTES

    @classmethod
    def from_subentry(cls, subentry: ConfigSubentry) -> ControlChip:
        """Read a control chip from its subentry."""
        return cls(
            uid=subentry.data[CONF_UID],
            name=subentry.title,
            action=ControlAction(subentry.data[CONF_ACTION]),
            minutes=int(subentry.data.get(CONF_MINUTES, DEFAULT_SLEEP_MINUTES)),
        )


type Chip = TagMapping | ControlChip


def find_chip(entry: ConfigEntry, uid: str) -> Chip | None:
    """Return what the chip with ``uid`` means on this reader, if anything."""
    for subentry in entry.subentries.values():
        if subentry.data.get(CONF_UID) != uid:
            continue
        if subentry.subentry_type == SUBENTRY_TAG:
            return TagMapping.from_subentry(subentry)
        if subentry.subentry_type == SUBENTRY_CONTROL:
            return ControlChip.from_subentry(subentry)
    return None
