"""Chips as data: music chips and control chips, and how a subentry stores them.

A chip is stored on the reader it was added on, but it belongs to the home: every
reader finds it (see registry.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from homeassistant.components.media_player import RepeatMode
from homeassistant.config_entries import ConfigEntry, ConfigSubentry, ConfigSubentryData
from homeassistant.const import ATTR_ENTITY_ID

from ..const import (
    CONF_ACTION,
    CONF_BEDTIME,
    CONF_EPISODES,
    CONF_KEEP_EPISODES,
    CONF_KEEP_MB,
    CONF_MEDIA,
    CONF_MEDIA_PLAYER,
    CONF_MINUTES,
    CONF_MODE,
    CONF_MONTH,
    CONF_ON_REMOVE,
    CONF_ORDER,
    CONF_OUTSIDE_TRACK,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_REPEAT,
    CONF_RESUME,
    CONF_SHUFFLE,
    CONF_UID,
    CONF_VOLUME,
    DEFAULT_SLEEP_MINUTES,
    MEDIA_PODCAST,
    MEDIA_RADIO,
    ON_REMOVE_INHERIT,
    RADIO_BROWSER,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
    ChipMode,
    ControlAction,
    EpisodeOrder,
    OnRemove,
    Order,
)

ATTR_MEDIA_CONTENT_ID: Final = "media_content_id"
ATTR_MEDIA_CONTENT_TYPE: Final = "media_content_type"
ATTR_METADATA: Final = "metadata"

#: What may separate the bytes of a typed UID: white space (tabs and new lines from a
#: paste included), colons and dashes ("04:A1:…", "04-A1-…").
_UID_SEPARATORS: Final = re.compile(r"[\s:\-]+")
_HEX: Final = re.compile(r"[0-9A-F]*")
#: ISO 14443-3 UIDs are single, double or triple size; a 125 kHz chip (EM4100) has 5.
UID_LENGTHS: Final = (4, 5, 7, 10)


# Every lookup of a chip by UID normalises each stored UID: remembered, that costs a
# dictionary lookup, not a regular expression (a home of 1000 chips did 3000 per push).
@functools.lru_cache(maxsize=8192)
def normalise_uid(text: str) -> str:
    """Return a typed UID as the reader reports it: upper-case hex, no separators."""
    return _UID_SEPARATORS.sub("", text).upper()


def is_valid_uid(uid: str) -> bool:
    """Return whether a normalised UID is 4, 7 or 10 bytes (5: EM4100) of ASCII hex."""
    return (
        _HEX.fullmatch(uid) is not None
        and len(uid) % 2 == 0
        and len(uid) // 2 in UID_LENGTHS
    )


class InvalidChip(ValueError):
    """A chip's input cannot be saved; ``errors`` says why, per form field."""

    def __init__(
        self, errors: dict[str, str], placeholders: dict[str, str] | None = None
    ) -> None:
        """Carry the form errors (field → translation key) and their placeholders."""
        super().__init__(errors)
        self.errors = errors
        self.placeholders = placeholders or {}


def stored_order(playback: Mapping[str, Any]) -> Order:
    """Return a music chip's order; chips saved before orders said only ``shuffle``."""
    if CONF_ORDER in playback:
        return Order(playback[CONF_ORDER])
    return Order.SHUFFLE if playback.get(CONF_SHUFFLE, False) else Order.IN_ORDER


def stored_mode(playback: Mapping[str, Any]) -> ChipMode:
    """Return a music chip's mode; chips saved before modes said only ``resume``."""
    if CONF_MODE in playback:
        return ChipMode(playback[CONF_MODE])
    return ChipMode.MUSIC if playback.get(CONF_RESUME, True) else ChipMode.START_OVER


@dataclass(frozen=True, kw_only=True, slots=True)
class TagMapping:
    """A music chip: what it plays, where, and how."""

    uid: str
    name: str
    #: the speaker the music was picked with in the media browser
    entity_id: str
    media_content_id: str
    media_content_type: str
    #: what the media browser showed (title, thumbnail): only for the form
    media_metadata: Mapping[str, Any] | None = field(default=None, compare=False)
    order: Order = Order.IN_ORDER
    #: a calendar chip's month (1-12); None: every month
    month: int | None = None
    #: the track (1 = the first) a calendar chip plays outside its days; None: none
    outside_track: int | None = None
    repeat: RepeatMode = RepeatMode.OFF
    volume: int | None = None  # percent
    #: what lifting it does; None: what the reader's options say
    on_remove: OnRemove | None = None
    #: how it resumes when put back
    mode: ChipMode = ChipMode.MUSIC
    #: plays during quiet hours too (a sleep story)
    bedtime: bool = False
    #: the speaker it always plays on; None: the speaker of the reader it lies on
    play_on: str | None = None
    #: a podcast chip's: which episode placing it plays
    episodes: EpisodeOrder = EpisodeOrder.NEWEST
    #: a podcast chip's newest episodes kept on the box, and their cap in MB
    keep_episodes: int | None = None
    keep_mb: int | None = None

    @property
    def is_podcast(self) -> bool:
        """Return whether the chip plays the episodes of a podcast feed."""
        return self.media_content_type == MEDIA_PODCAST

    @property
    def is_live(self) -> bool:
        """Return whether the chip plays a live stream (radio): no place to resume."""
        return self.media_content_type == MEDIA_RADIO or (
            self.media_content_id.startswith(RADIO_BROWSER)
        )

    @property
    def shuffle(self) -> bool:
        """Return whether the chip's tracks play in random order."""
        return self.order is Order.SHUFFLE

    @classmethod
    def from_subentry(cls, subentry: ConfigSubentry) -> TagMapping:
        """Read a mapping from its subentry."""
        media: dict[str, Any] = subentry.data[CONF_MEDIA]
        playback: dict[str, Any] = subentry.data.get(CONF_PLAYBACK, {})
        volume = playback.get(CONF_VOLUME)
        on_remove = playback.get(CONF_ON_REMOVE, ON_REMOVE_INHERIT)
        return cls(
            # Chips saved before UIDs were normalised may hold pasted white space.
            uid=normalise_uid(subentry.data[CONF_UID]),
            name=subentry.title,
            entity_id=media[ATTR_ENTITY_ID],
            media_content_id=media[ATTR_MEDIA_CONTENT_ID],
            media_content_type=media[ATTR_MEDIA_CONTENT_TYPE],
            media_metadata=media.get(ATTR_METADATA),
            order=stored_order(playback),
            month=playback.get(CONF_MONTH),
            keep_episodes=playback.get(CONF_KEEP_EPISODES),
            keep_mb=playback.get(CONF_KEEP_MB),
            outside_track=playback.get(CONF_OUTSIDE_TRACK),
            repeat=RepeatMode(playback.get(CONF_REPEAT, RepeatMode.OFF)),
            volume=None if volume is None else int(volume),
            on_remove=None if on_remove == ON_REMOVE_INHERIT else OnRemove(on_remove),
            mode=stored_mode(playback),
            bedtime=playback.get(CONF_BEDTIME, False),
            play_on=subentry.data.get(CONF_PLAY_ON) or None,
            episodes=EpisodeOrder(
                playback.get(CONF_EPISODES, EpisodeOrder.NEWEST.value)
            ),
        )

    def to_subentry_data(self) -> ConfigSubentryData:
        """Return the chip as the subentry that stores it."""
        media: dict[str, Any] = {
            ATTR_ENTITY_ID: self.entity_id,
            ATTR_MEDIA_CONTENT_ID: self.media_content_id,
            ATTR_MEDIA_CONTENT_TYPE: self.media_content_type,
        }
        if self.media_metadata is not None:
            media[ATTR_METADATA] = dict(self.media_metadata)
        playback: dict[str, Any] = {
            CONF_ORDER: self.order.value,
            CONF_REPEAT: self.repeat.value,
            CONF_ON_REMOVE: self.on_remove or ON_REMOVE_INHERIT,
            CONF_MODE: self.mode.value,
            CONF_BEDTIME: self.bedtime,
        }
        playback |= {
            key: value
            for key, value in (
                (CONF_VOLUME, self.volume),
                (CONF_MONTH, self.month),
                (CONF_OUTSIDE_TRACK, self.outside_track),
                (CONF_KEEP_EPISODES, self.keep_episodes if self.is_podcast else None),
                (CONF_KEEP_MB, self.keep_mb if self.is_podcast else None),
            )
            if value is not None
        }
        if self.is_podcast:
            playback[CONF_EPISODES] = self.episodes.value
        data: dict[str, Any] = {
            CONF_UID: self.uid,
            CONF_MEDIA: media,
            CONF_PLAYBACK: playback,
        }
        if self.play_on is not None:
            data[CONF_PLAY_ON] = self.play_on
        return ConfigSubentryData(
            data=data,
            subentry_type=SUBENTRY_TAG,
            title=self.name,
            unique_id=self.uid,
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
            uid=normalise_uid(subentry.data[CONF_UID]),
            name=subentry.title,
            action=ControlAction(subentry.data[CONF_ACTION]),
            minutes=int(subentry.data.get(CONF_MINUTES, DEFAULT_SLEEP_MINUTES)),
        )

    def to_subentry_data(self) -> ConfigSubentryData:
        """Return the chip as the subentry that stores it."""
        data: dict[str, Any] = {CONF_UID: self.uid, CONF_ACTION: self.action.value}
        if self.action is ControlAction.SLEEP_TIMER:
            data[CONF_MINUTES] = self.minutes
        return ConfigSubentryData(
            data=data,
            subentry_type=SUBENTRY_CONTROL,
            title=self.name,
            unique_id=self.uid,
        )


type Chip = TagMapping | ControlChip


def chip_of(subentry: ConfigSubentry) -> Chip | None:
    """Return what a chip's subentry means."""
    if subentry.subentry_type == SUBENTRY_TAG:
        return TagMapping.from_subentry(subentry)
    if subentry.subentry_type == SUBENTRY_CONTROL:
        return ControlChip.from_subentry(subentry)
    return None


def speaker_for(mapping: TagMapping, entry: ConfigEntry) -> str:
    """Return the speaker a music chip plays on when it lies on the reader ``entry``.

    The chip's own speaker if it names one, else the reader's speaker, else the
    speaker its music was picked with (a reader set up before readers had one).
    """
    return mapping.play_on or entry.options.get(CONF_MEDIA_PLAYER) or mapping.entity_id
