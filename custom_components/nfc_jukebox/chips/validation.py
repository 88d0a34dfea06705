"""Input → chip: what a valid chip is, and the one check that a UID is free."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Final

import probatio
from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.components.media_player import RepeatMode
from homeassistant.config_entries import ConfigSubentry
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME
from homeassistant.core import HomeAssistant, split_entity_id
from homeassistant.helpers import entity_registry as er
from yarl import URL

from ..const import (
    CONF_ACTION,
    CONF_BEDTIME,
    CONF_EPISODES,
    CONF_FEED,
    CONF_KEEP_EPISODES,
    CONF_KEEP_MB,
    CONF_MEDIA,
    CONF_MINUTES,
    CONF_MONTH,
    CONF_ON_REMOVE,
    CONF_OUTSIDE_TRACK,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_REPEAT,
    CONF_STREAM,
    CONF_UID,
    CONF_VOLUME,
    DEFAULT_SLEEP_MINUTES,
    MAX_MEDIA_ID_LENGTH,
    MAX_MEDIA_TYPE_LENGTH,
    MAX_METADATA_BYTES,
    MAX_NAME_LENGTH,
    MEDIA_PODCAST,
    MEDIA_RADIO,
    ON_REMOVE_INHERIT,
    SUBENTRY_TAG,
    ControlAction,
    EpisodeOrder,
    OnRemove,
)
from .forms import CONF_BROWSE_SPEAKER, music_chip_schema, picked_music
from .model import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_METADATA,
    Chip,
    ControlChip,
    InvalidChip,
    TagMapping,
    is_valid_uid,
    normalise_uid,
    stored_mode,
    stored_order,
)
from .registry import find_chip_subentry

#: The error of a UID another chip of the home has, wherever a chip is saved; its
#: text names that chip ({chip}).
UID_TAKEN: Final = "uid_taken_by_chip"


def as_whole_number(value: float | str) -> int:
    """Return ``value`` as an int if it is a whole number; raise ValueError if not.

    Number fields arrive as floats: 1200.5 must be refused, not cut to 1200.
    """
    number = float(value)
    if not math.isfinite(number) or not number.is_integer():
        raise ValueError(value)
    return int(number)


def whole_numbers(
    user_input: Mapping[str, Any], *fields: str
) -> tuple[dict[str, int], dict[str, str]]:
    """Return the number fields as ints, and an error for each that is not whole."""
    numbers: dict[str, int] = {}
    errors: dict[str, str] = {}
    for name in fields:
        try:
            numbers[name] = as_whole_number(user_input[name])
        except ValueError:
            errors[name] = "not_whole_number"
    return numbers, errors


def validate_chip(
    hass: HomeAssistant,
    subentry_type: str,
    user_input: Mapping[str, Any],
    *,
    subentry: ConfigSubentry | None = None,
) -> Chip:
    """Return the chip a form's input describes, if it may be saved (as ``subentry``).

    Raise InvalidChip if it is not a chip, or its UID is another chip's.
    """
    chip = chip_from_input(hass, subentry_type, user_input)
    check_uid_free(hass, chip.uid, subentry=subentry)
    return chip


def check_uid_free(
    hass: HomeAssistant, uid: str, *, subentry: ConfigSubentry | None = None
) -> None:
    """Raise InvalidChip if another chip of the home has ``uid``: one chip per UID.

    A chip being edited (``subentry``) keeps its own UID even where an earlier
    release let another reader give it a meaning too.
    """
    if subentry is not None and uid == normalise_uid(subentry.data.get(CONF_UID, "")):
        return
    holder = find_chip_subentry(
        hass, uid, except_subentry=subentry.subentry_id if subentry else None
    )
    if holder is not None:
        raise InvalidChip({CONF_UID: UID_TAKEN}, {"chip": holder.title})


def music_chip_from_message(
    hass: HomeAssistant,
    message: Mapping[str, Any],
    *,
    subentry: ConfigSubentry | None = None,
) -> TagMapping:
    """Check a music chip sent by the card as the Settings form does; return it.

    The Settings form's schema first: the card sends what no form has checked.
    """
    try:
        checked: dict[str, Any] = music_chip_schema()(dict(message))
    except probatio.Invalid as err:
        raise InvalidChip({"base": "invalid_chip"}) from err
    chip = validate_chip(hass, SUBENTRY_TAG, checked, subentry=subentry)
    assert isinstance(chip, TagMapping)  # noqa: S101 - asked for a music chip
    return chip


def _too_large(media: Mapping[str, Any], content_id: str) -> bool:
    """Return whether a chip's music holds more than a chip may store."""
    metadata = media.get(ATTR_METADATA)
    try:
        metadata_size = len(json.dumps(metadata).encode()) if metadata else 0
    except TypeError, ValueError:
        return True  # not JSON: nothing the media selector sends
    return (
        len(content_id) > MAX_MEDIA_ID_LENGTH
        or len(str(media.get(ATTR_MEDIA_CONTENT_TYPE) or "")) > MAX_MEDIA_TYPE_LENGTH
        or metadata_size > MAX_METADATA_BYTES
    )


def chip_from_input(
    hass: HomeAssistant, subentry_type: str, user_input: Mapping[str, Any]
) -> Chip:
    """Return the chip a form's input describes; raise InvalidChip if it is not one.

    ``user_input`` has passed the form's schema; this checks what a schema cannot:
    that the UID is one, that the speaker exists, that there is music, that names
    and numbers are sensible. Every way to save a chip calls this.
    """
    errors: dict[str, str] = {}
    uid = normalise_uid(str(user_input.get(CONF_UID, "")))
    if not is_valid_uid(uid):
        errors[CONF_UID] = "invalid_uid"
    name = str(user_input.get(CONF_NAME, "")).strip()
    if not name:
        errors[CONF_NAME] = "name_required"
    elif len(name) > MAX_NAME_LENGTH:
        errors[CONF_NAME] = "name_too_long"
    if subentry_type == SUBENTRY_TAG:
        return _music_chip(hass, uid, name, user_input, errors)
    return _control_chip(uid, name, user_input, errors)


def _music_chip(
    hass: HomeAssistant,
    uid: str,
    name: str,
    user_input: Mapping[str, Any],
    errors: dict[str, str],
) -> TagMapping:
    play_on: str | None = None
    chosen = str(user_input.get(CONF_PLAY_ON) or "").strip()
    if chosen and (play_on := _speaker(hass, chosen)) is None:
        errors[CONF_PLAY_ON] = "not_a_speaker"
    speaker, content_id, content_type, metadata = _music(
        hass, user_input, play_on, errors
    )
    playback: Mapping[str, Any] = user_input.get(CONF_PLAYBACK) or {}
    numbers, wrong = whole_numbers(
        playback,
        *(
            key
            for key in (
                CONF_VOLUME,
                CONF_MONTH,
                CONF_OUTSIDE_TRACK,
                CONF_KEEP_EPISODES,
                CONF_KEEP_MB,
            )
            if playback.get(key) is not None
        ),
    )
    if wrong:
        errors[CONF_PLAYBACK] = "not_whole_number"
    if errors:
        raise InvalidChip(errors)
    assert speaker is not None  # noqa: S101 - checked above
    on_remove = playback.get(CONF_ON_REMOVE, ON_REMOVE_INHERIT)
    return TagMapping(
        uid=uid,
        name=name,
        entity_id=speaker,
        media_content_id=content_id,
        media_content_type=content_type,
        media_metadata=metadata,
        order=stored_order(playback),
        month=numbers.get(CONF_MONTH),
        outside_track=numbers.get(CONF_OUTSIDE_TRACK),
        keep_episodes=numbers.get(CONF_KEEP_EPISODES),
        keep_mb=numbers.get(CONF_KEEP_MB),
        repeat=RepeatMode(playback.get(CONF_REPEAT, RepeatMode.OFF)),
        volume=numbers.get(CONF_VOLUME),
        on_remove=None if on_remove == ON_REMOVE_INHERIT else OnRemove(on_remove),
        mode=stored_mode(playback),
        bedtime=bool(playback.get(CONF_BEDTIME, False)),
        play_on=play_on,
        episodes=EpisodeOrder(playback.get(CONF_EPISODES, EpisodeOrder.NEWEST)),
    )


def _music(
    hass: HomeAssistant,
    user_input: Mapping[str, Any],
    play_on: str | None,
    errors: dict[str, str],
) -> tuple[str | None, str, str, Any]:
    """Return a music chip's speaker, content id, content type and metadata.

    Picked in the media browser, or a feed or stream typed (played on Play on).
    """
    media = picked_music(user_input)
    picked_speaker = _speaker(hass, str(media.get(ATTR_ENTITY_ID) or ""))
    if (typed := _typed_music(user_input, errors)) is not None:
        if (speaker := picked_speaker or play_on) is None:
            errors.setdefault(CONF_PLAY_ON, "not_a_speaker")
        return speaker, *typed, None
    content_id = str(media.get(ATTR_MEDIA_CONTENT_ID) or "").strip()
    content_type = str(media.get(ATTR_MEDIA_CONTENT_TYPE) or "")
    if picked_speaker is None:
        # A form picks the speaker in a field of its own.
        field = CONF_BROWSE_SPEAKER if CONF_BROWSE_SPEAKER in user_input else CONF_MEDIA
        errors[field] = "not_a_speaker"
    elif not content_id:
        errors[CONF_MEDIA] = "no_music"
    elif _too_large(media, content_id):
        errors[CONF_MEDIA] = "media_too_long"
    elif content_type in (MEDIA_PODCAST, MEDIA_RADIO) and not is_web_address(
        content_id
    ):
        # A backup's or an automation's feed or stream: an address of the web too.
        errors[CONF_MEDIA] = "invalid_web_address"
    return picked_speaker, content_id, content_type, media.get(ATTR_METADATA)


def _typed_music(
    user_input: Mapping[str, Any], errors: dict[str, str]
) -> tuple[str, str] | None:
    """Return a typed podcast feed or stream address as the chip's music, if one.

    A feed or a stream, not both; an address of the web (http or https).
    """
    feed = str(user_input.get(CONF_FEED) or "").strip()
    stream = str(user_input.get(CONF_STREAM) or "").strip()
    if not feed and not stream:
        return None
    if feed and stream:
        errors[CONF_STREAM] = "feed_or_stream"
    field, url = (CONF_FEED, feed) if feed else (CONF_STREAM, stream)
    if not is_web_address(url):
        errors[field] = "invalid_web_address"
    return url, MEDIA_PODCAST if feed else MEDIA_RADIO


def is_web_address(url: str) -> bool:
    """Return whether ``url`` is an http or https address with a host, short enough."""
    try:
        parsed = URL(url)
    except ValueError:
        return False
    return (
        parsed.scheme in ("http", "https")
        and bool(parsed.host)
        and len(url) <= MAX_MEDIA_ID_LENGTH
    )


def _speaker(hass: HomeAssistant, entity_id_or_uuid: str) -> str | None:
    """Return the entity id of an existing media player, or None."""
    registry = er.async_get(hass)
    entity_id = er.async_resolve_entity_id(registry, entity_id_or_uuid)
    if entity_id is None or split_entity_id(entity_id)[0] != MEDIA_PLAYER_DOMAIN:
        return None
    if hass.states.get(entity_id) is None and registry.async_get(entity_id) is None:
        return None
    return entity_id


def _control_chip(
    uid: str, name: str, user_input: Mapping[str, Any], errors: dict[str, str]
) -> ControlChip:
    action = ControlAction(user_input[CONF_ACTION])
    minutes = DEFAULT_SLEEP_MINUTES
    if action is ControlAction.SLEEP_TIMER:
        try:
            minutes = as_whole_number(
                user_input.get(CONF_MINUTES, DEFAULT_SLEEP_MINUTES)
            )
        except ValueError:
            errors[CONF_MINUTES] = "not_whole_number"
    if errors:
        raise InvalidChip(errors)
    return ControlChip(uid=uid, name=name, action=action, minutes=minutes)
