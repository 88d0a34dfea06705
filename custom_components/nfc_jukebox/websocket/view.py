"""The card's model of a reader: its state, its house rules and the home's chips."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigSubentry
from homeassistant.core import HomeAssistant

from ..chips.artwork import artwork_url
from ..chips.model import (
    ATTR_METADATA,
    TagMapping,
    normalise_uid,
    speaker_for,
    stored_mode,
)
from ..chips.pictures import picture_url
from ..chips.registry import find_chip, find_chip_subentry, home_chips
from ..const import (
    CONF_ACTION,
    CONF_DAILY_LIMIT,
    CONF_JUKEBOX_ON,
    CONF_MAX_VOLUME,
    CONF_MEDIA,
    CONF_MEDIA_PLAYER,
    CONF_MIN_VOLUME,
    CONF_MINUTES,
    CONF_MODE,
    CONF_NIGHT_MAX_VOLUME,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_RESUME,
    CONF_UID,
    DEFAULT_MAX_VOLUME,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
)
from ..playback import Progress
from ..rules import HouseRules
from .helpers import ATTR_ENTRY_ID, ATTR_SUBENTRY_ID

#: What a chip is, as the card names it.
KIND: Final = {SUBENTRY_TAG: "music", SUBENTRY_CONTROL: "control"}


def chip_picture(
    hass: HomeAssistant, subentry: ConfigSubentry, own: str | None
) -> str | None:
    """Return a chip's picture: its own (``own``), else its music's artwork.

    The artwork is the media browser's thumbnail, else the cover found beside local
    music (an album's, a recording's).
    """
    if own is not None or subentry.subentry_type != SUBENTRY_TAG:
        return own
    media = subentry.data[CONF_MEDIA]
    metadata = media.get(ATTR_METADATA) or {}
    thumbnail = metadata.get("thumbnail")
    if isinstance(thumbnail, str) and thumbnail:
        return thumbnail
    return artwork_url(hass, str(media.get("media_content_id", "")))


def _chip(
    entry: ConfigEntry, subentry: ConfigSubentry, picture: str | None, *, own: bool
) -> dict[str, Any]:
    """Return what the card shows of one chip, on the reader ``entry``.

    ``own`` tells whether ``picture`` is one a parent gave it.
    """
    chip: dict[str, Any] = {
        ATTR_SUBENTRY_ID: subentry.subentry_id,
        "kind": KIND.get(subentry.subentry_type),
        "name": subentry.title,
        "uid": subentry.data.get(CONF_UID),
        "picture": picture,
        "own_picture": own,
    }
    if subentry.subentry_type == SUBENTRY_TAG:
        media: dict[str, Any] = subentry.data[CONF_MEDIA]
        # where it plays from this reader
        chip["speaker"] = speaker_for(TagMapping.from_subentry(subentry), entry)
        chip[CONF_PLAY_ON] = subentry.data.get(CONF_PLAY_ON)
        chip[CONF_MEDIA] = dict(media)
        playback = dict(subentry.data.get(CONF_PLAYBACK, {}))
        # A chip saved before modes said "resume": the card's form knows "mode".
        if CONF_RESUME in playback:
            playback[CONF_MODE] = stored_mode(playback).value
            del playback[CONF_RESUME]
        chip[CONF_PLAYBACK] = playback
    else:
        chip[CONF_ACTION] = subentry.data.get(CONF_ACTION)
        if CONF_MINUTES in subentry.data:
            chip[CONF_MINUTES] = subentry.data[CONF_MINUTES]
    return chip


def _percent(value: float | None) -> int | None:
    return None if value is None else round(value)


def _rules(rules: HouseRules) -> dict[str, Any]:
    """Return the house rules of a reader as the card shows them."""
    low, high = rules.volume_range()
    return {
        CONF_JUKEBOX_ON: rules.jukebox_on,
        "quiet_hours": rules.quiet_hours,
        CONF_DAILY_LIMIT: rules.daily_limit,
        "minutes_left": rules.minutes_left,
        CONF_MIN_VOLUME: _percent(rules.option(CONF_MIN_VOLUME)),
        CONF_MAX_VOLUME: _percent(rules.option(CONF_MAX_VOLUME)),
        CONF_NIGHT_MAX_VOLUME: _percent(rules.option(CONF_NIGHT_MAX_VOLUME)),
        # what holds now: the night maximum during quiet hours
        "volume": [round(low * 100), round(high * 100)],
    }


def _blocked(
    hass: HomeAssistant,
    entry: ConfigEntry,
    uid: str,
    refused: Mapping[str, str | None],
) -> str | None:
    """Return why the chip ``uid`` on the reader started nothing, if it did not.

    ``refused`` holds what the rules said when a chip was placed: a chip that played
    then is not refused because quiet hours began since, and a chip that was refused
    is not any more once the rule that refused it no longer holds. A chip that was
    placed before the card looked is judged by the rules as they are now.
    """
    chip = find_chip(hass, uid, prefer=entry)
    if chip is None or (uid in refused and refused[uid] is None):
        return None
    block = entry.runtime_data.jukebox.rules.may_start(chip)
    return block.value if block else None


def _progress(progress: Progress) -> dict[str, Any]:
    """Return how far a folder chip got, as the card shows it."""
    return {
        "uid": progress.uid,
        "track": progress.track,
        "tracks": progress.tracks,
        "title": progress.title,
        "position": progress.position,
    }


def _chip_on_reader(
    hass: HomeAssistant, uid: str, subentry: ConfigSubentry | None
) -> dict[str, Any]:
    """Return what the card shows of the chip on the reader: which chip it is."""
    return {
        "uid": uid,
        ATTR_SUBENTRY_ID: subentry.subentry_id if subentry else None,
        "name": subentry.title if subentry else None,
        "picture": (
            chip_picture(hass, subentry, picture_url(hass, uid)) if subentry else None
        ),
        "kind": KIND.get(subentry.subentry_type) if subentry else None,
    }


def reader_state(
    hass: HomeAssistant,
    entry: ConfigEntry,
    refused: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """Return the state of one reader, as the card shows it, but for the chips.

    ``refused`` maps the UID of a chip placed while the card looked to why the
    house rules refused it then (None: they did not). The home's chips go apart:
    a subscription sends what changed of them (ChipChanges).
    """
    loaded = entry.state is ConfigEntryState.LOADED
    reader = entry.runtime_data.reader if loaded else None
    jukebox = entry.runtime_data.jukebox if loaded else None
    on_reader: dict[str, Any] | None = None
    speaker: str | None = None
    #: the chip's own speaker, while it plays on the fallback speaker
    speaker_away: str | None = None
    if reader is not None and (tag := reader.present) is not None:
        subentry = find_chip_subentry(hass, tag.uid, prefer=entry)
        on_reader = {
            **_chip_on_reader(hass, tag.uid, subentry),
            # a phone shows a new UID every time: nothing can be assigned to it
            "assignable": tag.target.has_stable_uid,
            # why the house rules let the chip start nothing
            "blocked": _blocked(hass, entry, tag.uid, refused or {}),
        }
        if subentry is not None and subentry.subentry_type == SUBENTRY_TAG:
            mapping = TagMapping.from_subentry(subentry)
            if jukebox is not None:
                # where it plays: the fallback speaker while its own cannot
                mapping = jukebox.fallback.as_playing(mapping)
                speaker_away = jukebox.fallback.away(tag.uid)
            speaker = speaker_for(mapping, entry)
    if speaker is None and jukebox is not None:
        speaker = jukebox.active_player
    if speaker is None:
        speaker = entry.options.get(CONF_MEDIA_PLAYER)
    sleep_until = jukebox.sleep_until if jukebox else None
    progress = jukebox.progress if jukebox else None
    return {
        ATTR_ENTRY_ID: entry.entry_id,
        "title": entry.title,
        "available": bool(reader and reader.available),
        "chip": on_reader,
        "speaker": speaker,
        "speaker_away": speaker_away,
        "sleep_until": sleep_until.isoformat() if sleep_until else None,
        # how far the folder chip this reader played last got: "Track 2 of 12"
        "progress": _progress(progress) if progress else None,
        "max_volume": entry.options.get(CONF_MAX_VOLUME, DEFAULT_MAX_VOLUME),
        "rules": _rules(jukebox.rules) if jukebox else None,
    }


class ChipChanges:
    """What changed of the home's chips, as one reader shows them, since last asked.

    A subscription sends the chips once, then only the chips that changed and the
    ids of those that went: with hundreds of chips, a chip saved is a few hundred
    bytes to an open card, not the whole collection. A chip is looked at again only
    when its title or its data changed (Home Assistant gives a changed subentry a new
    data mapping, and keeps the old one here alive, so ``is`` tells) or the reader's
    own speaker changed (a chip's "speaker" depends on it).
    """

    def __init__(self) -> None:
        """Start knowing no chip: the first changes are all of them."""
        self._speaker: object = None
        #: subentry id → the title, data and picture last seen, and what the card was sent
        self._sent: dict[str, tuple[str, object, str | None, dict[str, Any]]] = {}

    def changes(
        self, hass: HomeAssistant, entry: ConfigEntry
    ) -> tuple[list[dict[str, Any]], list[str]]:
        """Return the chips that are new or changed, and the ids of those gone."""
        speaker = entry.options.get(CONF_MEDIA_PLAYER)
        if speaker != self._speaker:
            self._speaker, self._sent = speaker, {}
        changed: list[dict[str, Any]] = []
        seen: set[str] = set()
        for subentry in _chips_of(hass, entry):
            seen.add(subentry.subentry_id)
            last = self._sent.get(subentry.subentry_id)
            own = picture_url(hass, normalise_uid(subentry.data.get(CONF_UID, "")))
            picture = chip_picture(hass, subentry, own)
            if (
                last is not None
                and last[0] == subentry.title
                and last[1] is subentry.data
                and last[2] == picture
            ):
                continue
            chip = _chip(entry, subentry, picture, own=own is not None)
            self._sent[subentry.subentry_id] = (
                subentry.title,
                subentry.data,
                picture,
                chip,
            )
            if last is None or last[3] != chip:
                changed.append(chip)
        removed = [subentry_id for subentry_id in self._sent if subentry_id not in seen]
        for subentry_id in removed:
            del self._sent[subentry_id]
        return changed, removed


def _chips_of(hass: HomeAssistant, entry: ConfigEntry) -> list[ConfigSubentry]:
    """Return the home's chips as the reader ``entry`` sees them: its own first."""
    own = [s for s in entry.subentries.values() if s.subentry_type in KIND]
    uids = {normalise_uid(s.data.get(CONF_UID, "")) for s in own}
    return own + [
        subentry
        for subentry in home_chips(hass)
        if normalise_uid(subentry.data.get(CONF_UID, "")) not in uids
    ]
