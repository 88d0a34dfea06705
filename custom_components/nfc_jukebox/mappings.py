"""What the chips of the home mean: music chips and control chips (config subentries).

This module owns the chip rules: the forms, how a UID is written, what a valid chip
is, how a chip is stored as a subentry, and which chip a UID is. A chip is stored on
the reader it was added on, but it belongs to the home: every reader finds it. The
flows, the "new chip" repair and any other way to add a chip all go through it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

import probatio
from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.components.media_player import RepeatMode
from homeassistant.components.tag import TAG_DATA
from homeassistant.config_entries import ConfigEntry, ConfigSubentry, ConfigSubentryData
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME
from homeassistant.core import HomeAssistant, split_entity_id
from homeassistant.data_entry_flow import SectionConfig, section
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.selector import (
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    MediaSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)

from .const import (
    CONF_ACTION,
    CONF_BEDTIME,
    CONF_MEDIA,
    CONF_MEDIA_PLAYER,
    CONF_MINUTES,
    CONF_MODE,
    CONF_ON_REMOVE,
    CONF_PLAY_ON,
    CONF_PLAYBACK,
    CONF_REPEAT,
    CONF_RESUME,
    CONF_SHUFFLE,
    CONF_UID,
    CONF_VOLUME,
    DEFAULT_SLEEP_MINUTES,
    DOMAIN,
    MAX_NAME_LENGTH,
    MAX_SLEEP_MINUTES,
    ON_REMOVE_INHERIT,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
    ChipMode,
    ControlAction,
    OnRemove,
)
from .folders import Folder, async_folders

ATTR_MEDIA_CONTENT_ID: Final = "media_content_id"
ATTR_MEDIA_CONTENT_TYPE: Final = "media_content_type"
ATTR_METADATA: Final = "metadata"
#: The music chip form's "Play a whole folder" choice, and the folder step's field.
CONF_PICK_FOLDER: Final = "pick_folder"
CONF_FOLDER: Final = "folder"

#: What may separate the bytes of a typed UID: white space (tabs and new lines from a
#: paste included), colons and dashes ("04:A1:…", "04-A1-…").
_UID_SEPARATORS: Final = re.compile(r"[\s:\-]+")
_HEX: Final = re.compile(r"[0-9A-F]*")
#: Repeat's choices as a parent reads them: from none to most.
REPEAT_ORDER: Final = (RepeatMode.OFF, RepeatMode.ONE, RepeatMode.ALL)
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


def as_whole_number(value: float | str) -> int:
    """Return ``value`` as an int if it is a whole number; raise ValueError if not.

    Number fields arrive as floats: 1200.5 must be refused, not cut to 1200.
    """
    number = float(value)
    if not math.isfinite(number) or not number.is_integer():
        raise ValueError(value)
    return int(number)


class InvalidChip(ValueError):
    """A chip's input cannot be saved; ``errors`` says why, per form field."""

    def __init__(self, errors: dict[str, str]) -> None:
        """Carry the form errors (field → translation key of the error)."""
        super().__init__(errors)
        self.errors = errors


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
    shuffle: bool = False
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
            shuffle=playback.get(CONF_SHUFFLE, False),
            repeat=RepeatMode(playback.get(CONF_REPEAT, RepeatMode.OFF)),
            volume=None if volume is None else int(volume),
            on_remove=None if on_remove == ON_REMOVE_INHERIT else OnRemove(on_remove),
            mode=stored_mode(playback),
            bedtime=playback.get(CONF_BEDTIME, False),
            play_on=subentry.data.get(CONF_PLAY_ON) or None,
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
            CONF_SHUFFLE: self.shuffle,
            CONF_REPEAT: self.repeat.value,
            CONF_ON_REMOVE: self.on_remove or ON_REMOVE_INHERIT,
            CONF_MODE: self.mode.value,
            CONF_BEDTIME: self.bedtime,
        }
        if self.volume is not None:
            playback[CONF_VOLUME] = self.volume
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


def speaker_for(mapping: TagMapping, entry: ConfigEntry) -> str:
    """Return the speaker a music chip plays on when it lies on the reader ``entry``.

    The chip's own speaker if it names one, else the reader's speaker, else the
    speaker its music was picked with (a reader set up before readers had one).
    """
    return mapping.play_on or entry.options.get(CONF_MEDIA_PLAYER) or mapping.entity_id


def home_readers(
    hass: HomeAssistant, prefer: ConfigEntry | None = None
) -> list[ConfigEntry]:
    """Return every reader of the home, ``prefer`` first."""
    readers = hass.config_entries.async_entries(DOMAIN)
    if prefer is None:
        return readers
    return [prefer, *(entry for entry in readers if entry.entry_id != prefer.entry_id)]


def find_chip_entry(
    hass: HomeAssistant,
    uid: str,
    *,
    prefer: ConfigEntry | None = None,
    except_subentry: str | None = None,
) -> tuple[ConfigEntry, ConfigSubentry] | None:
    """Return the chip with ``uid`` in the home, and the reader it is stored on.

    The chips of ``prefer`` come first: where an earlier release let two readers
    give one UID two meanings, each reader keeps its own.
    """
    for entry in home_readers(hass, prefer):
        for subentry in entry.subentries.values():
            if subentry.subentry_id != except_subentry and (
                normalise_uid(subentry.data.get(CONF_UID, "")) == uid
            ):
                return entry, subentry
    return None


def stored_mode(playback: Mapping[str, Any]) -> ChipMode:
    """Return a music chip's mode; chips saved before modes said only ``resume``."""
    if CONF_MODE in playback:
        return ChipMode(playback[CONF_MODE])
    return ChipMode.MUSIC if playback.get(CONF_RESUME, True) else ChipMode.START_OVER


def find_chip_subentry(
    hass: HomeAssistant,
    uid: str,
    *,
    prefer: ConfigEntry | None = None,
    except_subentry: str | None = None,
) -> ConfigSubentry | None:
    """Return the subentry of the chip with ``uid`` in the home, if there is one."""
    found = find_chip_entry(hass, uid, prefer=prefer, except_subentry=except_subentry)
    return found[1] if found else None


def find_subentry(
    hass: HomeAssistant, subentry_id: str
) -> tuple[ConfigEntry, ConfigSubentry] | None:
    """Return the chip with the subentry id ``subentry_id``, on whichever reader."""
    for entry in hass.config_entries.async_entries(DOMAIN):
        if (subentry := entry.subentries.get(subentry_id)) is not None:
            return entry, subentry
    return None


def home_chips(hass: HomeAssistant) -> list[ConfigSubentry]:
    """Return every chip of the home: one per UID, as the readers find them."""
    chips: dict[str, ConfigSubentry] = {}
    for entry in hass.config_entries.async_entries(DOMAIN):
        for subentry in entry.subentries.values():
            if subentry.subentry_type in (SUBENTRY_TAG, SUBENTRY_CONTROL):
                chips.setdefault(
                    normalise_uid(subentry.data.get(CONF_UID, "")), subentry
                )
    return list(chips.values())


def chip_of(subentry: ConfigSubentry) -> Chip | None:
    """Return what a chip's subentry means."""
    if subentry.subentry_type == SUBENTRY_TAG:
        return TagMapping.from_subentry(subentry)
    if subentry.subentry_type == SUBENTRY_CONTROL:
        return ControlChip.from_subentry(subentry)
    return None


def form_values(subentry: ConfigSubentry) -> dict[str, Any]:
    """Return a stored chip as its form shows it: every setting, defaults included."""
    chip: Chip = (
        TagMapping.from_subentry(subentry)
        if subentry.subentry_type == SUBENTRY_TAG
        else ControlChip.from_subentry(subentry)
    )
    return {CONF_NAME: chip.name, **chip.to_subentry_data()["data"]}


def find_chip(
    hass: HomeAssistant, uid: str, *, prefer: ConfigEntry | None = None
) -> Chip | None:
    """Return what the chip with ``uid`` means in the home (on ``prefer``), if anything."""
    subentry = find_chip_subentry(hass, uid, prefer=prefer)
    return None if subentry is None else chip_of(subentry)


async def async_name_tag(hass: HomeAssistant, uid: str, name: str) -> None:
    """Show the chip under its name in Settings → Tags, not as its UID."""
    tags = hass.data[TAG_DATA]
    if uid not in tags.data:
        await tags.async_create_item({"tag_id": uid, CONF_NAME: name})
    elif tags.data[uid].get(CONF_NAME) != name:
        await tags.async_update_item(uid, {CONF_NAME: name})


# Forms ------------------------------------------------------------------------------


def _number(minimum: int, maximum: int) -> NumberSelector:
    return NumberSelector(
        NumberSelectorConfig(
            min=minimum, max=maximum, step=1, mode=NumberSelectorMode.BOX
        )
    )


def music_chip_schema(*, with_uid: bool = True) -> probatio.Schema:
    """Return the form of a music chip: UID, name, music, optional playback settings."""
    uid: dict[Any, Any] = (
        {probatio.Required(CONF_UID): TextSelector()} if with_uid else {}
    )
    return probatio.Schema(
        {
            **uid,
            probatio.Required(CONF_NAME): TextSelector(),
            probatio.Required(CONF_MEDIA): MediaSelector(),
            # Empty: the speaker of the reader the chip lies on.
            probatio.Optional(CONF_PLAY_ON): EntitySelector(
                EntitySelectorConfig(domain=MEDIA_PLAYER_DOMAIN)
            ),
            # No default for the section: the frontend would show an empty section
            # instead of filling in the defaults of its fields.
            probatio.Optional(CONF_PLAYBACK): section(
                probatio.Schema(
                    {
                        probatio.Optional(
                            CONF_SHUFFLE, default=False
                        ): BooleanSelector(),
                        probatio.Optional(
                            CONF_REPEAT, default=RepeatMode.OFF.value
                        ): SelectSelector(
                            SelectSelectorConfig(
                                options=[mode.value for mode in REPEAT_ORDER],
                                translation_key=CONF_REPEAT,
                                mode=SelectSelectorMode.DROPDOWN,
                            )
                        ),
                        # A box, not a slider: empty (keep the speaker's volume)
                        # must not look like 0 %.
                        probatio.Optional(CONF_VOLUME): NumberSelector(
                            NumberSelectorConfig(
                                min=0,
                                max=100,
                                step=1,
                                mode=NumberSelectorMode.BOX,
                                unit_of_measurement="%",
                            )
                        ),
                        probatio.Optional(
                            CONF_ON_REMOVE, default=ON_REMOVE_INHERIT
                        ): SelectSelector(
                            SelectSelectorConfig(
                                options=[
                                    ON_REMOVE_INHERIT,
                                    *(choice.value for choice in OnRemove),
                                ],
                                translation_key="tag_on_remove",
                                mode=SelectSelectorMode.DROPDOWN,
                            )
                        ),
                        probatio.Optional(
                            CONF_MODE, default=ChipMode.MUSIC.value
                        ): SelectSelector(
                            SelectSelectorConfig(
                                options=[mode.value for mode in ChipMode],
                                translation_key=CONF_MODE,
                                mode=SelectSelectorMode.DROPDOWN,
                            )
                        ),
                        probatio.Optional(
                            CONF_BEDTIME, default=False
                        ): BooleanSelector(),
                    }
                ),
                SectionConfig(collapsed=True),
            ),
        }
    )


def music_chip_form(*, with_uid: bool = True) -> probatio.Schema:
    """Return the music chip's form, with "Play a whole folder" after the music."""
    fields: dict[Any, Any] = {}
    for marker, value in music_chip_schema(with_uid=with_uid).schema.items():
        fields[marker] = value
        if marker == CONF_MEDIA:
            fields[probatio.Optional(CONF_PICK_FOLDER, default=False)] = (
                BooleanSelector()
            )
    return probatio.Schema(fields)


async def async_folders_to_pick(
    hass: HomeAssistant, user_input: Mapping[str, Any]
) -> list[Folder] | None:
    """Return the folders to pick from if the music chip form asks for one, else None.

    Raise InvalidChip if it asks and My media has no folder with music in it.
    """
    if not user_input.get(CONF_PICK_FOLDER):
        return None
    if folders := await async_folders(hass):
        return folders
    raise InvalidChip({CONF_PICK_FOLDER: "no_folders"})


def folder_form(chip: TagMapping, folders: Sequence[Folder]) -> probatio.Schema:
    """Return the "Pick a folder" form; the folder of the chip's music is chosen."""
    ids = {folder.media_content_id for folder in folders}
    picked = chip.media_content_id
    suggested = next(
        (
            folder_id
            for folder_id in (picked, picked.rpartition("/")[0])
            if folder_id in ids
        ),
        folders[0].media_content_id,
    )
    return probatio.Schema(
        {
            probatio.Required(CONF_FOLDER, default=suggested): SelectSelector(
                SelectSelectorConfig(
                    options=[
                        SelectOptionDict(
                            value=folder.media_content_id, label=folder.title
                        )
                        for folder in folders
                    ],
                    mode=SelectSelectorMode.LIST,
                )
            )
        }
    )


def chip_with_folder(
    chip: TagMapping, folders: Sequence[Folder], folder_id: str
) -> TagMapping:
    """Return the chip with the folder ``folder_id`` (one of ``folders``) as its music."""
    folder = next(folder for folder in folders if folder.media_content_id == folder_id)
    return replace(
        chip,
        media_content_id=folder.media_content_id,
        media_content_type=folder.media_content_type,
        # What the media picker shows for the chip when it is edited.
        media_metadata={"title": folder.title, "media_class": "directory"},
    )


def control_chip_schema() -> probatio.Schema:
    """Return the form of a control chip."""
    return probatio.Schema(
        {
            probatio.Required(CONF_UID): TextSelector(),
            probatio.Required(CONF_NAME): TextSelector(),
            probatio.Required(CONF_ACTION): SelectSelector(
                SelectSelectorConfig(
                    options=[action.value for action in ControlAction],
                    translation_key=CONF_ACTION,
                    mode=SelectSelectorMode.LIST,
                )
            ),
            probatio.Optional(CONF_MINUTES, default=DEFAULT_SLEEP_MINUTES): _number(
                1, MAX_SLEEP_MINUTES
            ),
        }
    )


# Validation ---------------------------------------------------------------------


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
    media: Mapping[str, Any] = user_input.get(CONF_MEDIA) or {}
    speaker = _speaker(hass, str(media.get(ATTR_ENTITY_ID) or ""))
    content_id = str(media.get(ATTR_MEDIA_CONTENT_ID) or "").strip()
    if speaker is None:
        errors[CONF_MEDIA] = "not_a_speaker"
    elif not content_id:
        errors[CONF_MEDIA] = "no_music"
    play_on: str | None = None
    chosen = str(user_input.get(CONF_PLAY_ON) or "").strip()
    if chosen and (play_on := _speaker(hass, chosen)) is None:
        errors[CONF_PLAY_ON] = "not_a_speaker"
    playback: Mapping[str, Any] = user_input.get(CONF_PLAYBACK) or {}
    volume = playback.get(CONF_VOLUME)
    try:
        volume = None if volume is None else as_whole_number(volume)
    except ValueError:
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
        media_content_type=str(media.get(ATTR_MEDIA_CONTENT_TYPE) or ""),
        media_metadata=media.get(ATTR_METADATA),
        shuffle=bool(playback.get(CONF_SHUFFLE, False)),
        repeat=RepeatMode(playback.get(CONF_REPEAT, RepeatMode.OFF)),
        volume=volume,
        on_remove=None if on_remove == ON_REMOVE_INHERIT else OnRemove(on_remove),
        mode=stored_mode(playback),
        bedtime=bool(playback.get(CONF_BEDTIME, False)),
        play_on=play_on,
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
