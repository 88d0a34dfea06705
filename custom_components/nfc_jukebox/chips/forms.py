"""The forms that edit chips, and the selectors every form of the integration shares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Final, override

import probatio
from homeassistant.components.media_player import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.components.media_player import RepeatMode
from homeassistant.config_entries import ConfigEntry, ConfigSubentry
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import SectionConfig, section
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
    TextSelectorConfig,
    TextSelectorType,
)

from ..const import (
    CONF_ACTION,
    CONF_BEDTIME,
    CONF_EPISODES,
    CONF_FEED,
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
    CONF_STREAM,
    CONF_UID,
    CONF_VOLUME,
    DEFAULT_SLEEP_MINUTES,
    MAX_SLEEP_MINUTES,
    MEDIA_PODCAST,
    MEDIA_RADIO,
    ON_REMOVE_INHERIT,
    SUBENTRY_TAG,
    ChipMode,
    ControlAction,
    EpisodeOrder,
    OnRemove,
    Order,
)
from ..folders import LOCAL_MEDIA, Folder, async_folders
from .model import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_METADATA,
    ControlChip,
    InvalidChip,
    TagMapping,
)

#: The music chip form's "Play a whole folder" choice, and the folder step's field.
CONF_PICK_FOLDER: Final = "pick_folder"
CONF_FOLDER: Final = "folder"
#: The music chip form's speaker to browse with: the music picker has none of its own.
CONF_BROWSE_SPEAKER: Final = "browse_speaker"
#: What the frontend's music picker adds to the music it picked with a form's speaker.
BROWSE_HINT: Final = "browse_entity_id"
#: The highest track number a calendar chip's form offers.
MAX_TRACK_NUMBER: Final = 9999
#: at most this many episodes of a podcast chip kept on the box, in this many MB
MAX_KEPT_EPISODES: Final = 50
MAX_KEEP_MB: Final = 20000
#: Repeat's choices as a parent reads them: from none to most.
REPEAT_ORDER: Final = (RepeatMode.OFF, RepeatMode.ONE, RepeatMode.ALL)


# Selectors every form shares ----------------------------------------------------------


def number_box(minimum: int, maximum: int, step: int = 1) -> NumberSelector:
    """Return a box for a whole number from ``minimum`` to ``maximum``."""
    return NumberSelector(
        NumberSelectorConfig(
            min=minimum, max=maximum, step=step, mode=NumberSelectorMode.BOX
        )
    )


def percent(
    minimum: int = 0, *, mode: NumberSelectorMode = NumberSelectorMode.SLIDER
) -> NumberSelector:
    """Return a selector for a percentage from ``minimum`` to 100."""
    return NumberSelector(
        NumberSelectorConfig(
            min=minimum, max=100, step=1, mode=mode, unit_of_measurement="%"
        )
    )


def speaker_selector() -> EntitySelector:
    """Return a picker of the home's speakers."""
    return EntitySelector(EntitySelectorConfig(domain=MEDIA_PLAYER_DOMAIN))


def dropdown(
    options: Sequence[str],
    translation_key: str,
    mode: SelectSelectorMode = SelectSelectorMode.DROPDOWN,
) -> SelectSelector:
    """Return a choice of ``options``, worded by ``translation_key``."""
    return SelectSelector(
        SelectSelectorConfig(
            options=list(options), translation_key=translation_key, mode=mode
        )
    )


# Music chips --------------------------------------------------------------------------


class BrowsedMediaSelector(MediaSelector):
    """The music picker of a chip form: it browses with the form's speaker field.

    The frontend then shows no speaker picker of its own (a second "Music"), and the
    picked music carries no speaker: the form's field is the one.
    """

    @override
    def serialize(self) -> dict[str, Any]:
        return {
            **super().serialize(),
            "context": {"filter_entity": CONF_BROWSE_SPEAKER},
        }

    @override
    def __call__(self, data: object) -> dict[str, Any]:
        music: dict[str, Any] = MediaSelector.DATA_SCHEMA(data)
        return music


def _playback_schema() -> probatio.Schema:
    """Return the optional playback settings of a music chip."""
    return probatio.Schema(
        {
            probatio.Optional(CONF_ORDER, default=Order.IN_ORDER.value): dropdown(
                [order.value for order in Order], CONF_ORDER
            ),
            # Only for a calendar order: empty, every month; no calendar, no track.
            probatio.Optional(CONF_MONTH): number_box(1, 12),
            probatio.Optional(CONF_OUTSIDE_TRACK): number_box(1, MAX_TRACK_NUMBER),
            probatio.Optional(CONF_REPEAT, default=RepeatMode.OFF.value): dropdown(
                [mode.value for mode in REPEAT_ORDER], CONF_REPEAT
            ),
            # A box, not a slider: empty (keep the speaker's volume) must not
            # look like 0 %.
            probatio.Optional(CONF_VOLUME): percent(mode=NumberSelectorMode.BOX),
            probatio.Optional(CONF_ON_REMOVE, default=ON_REMOVE_INHERIT): dropdown(
                [ON_REMOVE_INHERIT, *(choice.value for choice in OnRemove)],
                "tag_on_remove",
            ),
            probatio.Optional(CONF_MODE, default=ChipMode.MUSIC.value): dropdown(
                [mode.value for mode in ChipMode], CONF_MODE
            ),
            probatio.Optional(CONF_BEDTIME, default=False): BooleanSelector(),
            probatio.Optional(
                CONF_EPISODES, default=EpisodeOrder.NEWEST.value
            ): dropdown([order.value for order in EpisodeOrder], CONF_EPISODES),
            # A podcast chip only: empty, its episodes play from the feed's server.
            probatio.Optional(CONF_KEEP_EPISODES): number_box(1, MAX_KEPT_EPISODES),
            probatio.Optional(CONF_KEEP_MB): number_box(10, MAX_KEEP_MB),
        }
    )


def _web_address() -> TextSelector:
    return TextSelector(TextSelectorConfig(type=TextSelectorType.URL))


def music_chip_schema(*, with_uid: bool = True) -> probatio.Schema:
    """Return the form of a music chip: UID, name, music, optional playback settings."""
    uid: dict[Any, Any] = (
        {probatio.Required(CONF_UID): TextSelector()} if with_uid else {}
    )
    return probatio.Schema(
        {
            **uid,
            probatio.Required(CONF_NAME): TextSelector(),
            # Optional: a podcast feed or a radio stream is typed or pasted instead.
            probatio.Optional(CONF_MEDIA): MediaSelector(),
            probatio.Optional(CONF_FEED): _web_address(),
            probatio.Optional(CONF_STREAM): _web_address(),
            # Empty: the speaker of the reader the chip lies on.
            probatio.Optional(CONF_PLAY_ON): speaker_selector(),
            # No default for the section: the frontend would show an empty section
            # instead of filling in the defaults of its fields.
            probatio.Optional(CONF_PLAYBACK): section(
                _playback_schema(), SectionConfig(collapsed=True)
            ),
        }
    )


def music_chip_form(*, with_uid: bool = True) -> probatio.Schema:
    """Return the music chip's form: a speaker to browse with, its music, a folder."""
    fields: dict[Any, Any] = {}
    for marker, value in music_chip_schema(with_uid=with_uid).schema.items():
        if marker == CONF_MEDIA:
            fields[probatio.Optional(CONF_BROWSE_SPEAKER)] = speaker_selector()
            fields[marker] = BrowsedMediaSelector()
        else:
            fields[marker] = value
        if marker == CONF_MEDIA:
            fields[probatio.Optional(CONF_PICK_FOLDER, default=False)] = (
                BooleanSelector()
            )
    return probatio.Schema(fields)


def new_music_chip_values(entry: ConfigEntry) -> dict[str, Any]:
    """Return what a new music chip's form shows: the reader's speaker to browse with.

    The card fills it in the same way: a parent only picks the music.
    """
    if not (speaker := entry.options.get(CONF_MEDIA_PLAYER)):
        return {}
    return {CONF_BROWSE_SPEAKER: speaker}


def picked_music(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Return the music a chip's input picked, with its speaker: a form's speaker field.

    The frontend's hint of the speaker it browsed with is not stored.
    """
    music = dict(user_input.get(CONF_MEDIA) or {})
    metadata = music.get(ATTR_METADATA)
    hint = None
    if isinstance(metadata, Mapping):
        hint = metadata.get(BROWSE_HINT)
        music[ATTR_METADATA] = {
            key: value for key, value in metadata.items() if key != BROWSE_HINT
        }
    if not music.get(ATTR_ENTITY_ID):
        music[ATTR_ENTITY_ID] = user_input.get(CONF_BROWSE_SPEAKER) or hint
    return music


def plays_a_folder(chip: TagMapping) -> bool:
    """Return whether the chip plays a folder of My media picked as a whole folder."""
    return (chip.media_metadata or {}).get(
        "media_class"
    ) == "directory" and chip.media_content_id.startswith(f"{LOCAL_MEDIA}/")


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


# Control chips and editing ------------------------------------------------------------


def control_chip_schema() -> probatio.Schema:
    """Return the form of a control chip."""
    return probatio.Schema(
        {
            probatio.Required(CONF_UID): TextSelector(),
            probatio.Required(CONF_NAME): TextSelector(),
            probatio.Required(CONF_ACTION): dropdown(
                [action.value for action in ControlAction],
                CONF_ACTION,
                SelectSelectorMode.LIST,
            ),
            probatio.Optional(CONF_MINUTES, default=DEFAULT_SLEEP_MINUTES): number_box(
                1, MAX_SLEEP_MINUTES
            ),
        }
    )


def form_values(subentry: ConfigSubentry) -> dict[str, Any]:
    """Return a stored chip as its form shows it: every setting, defaults included."""
    if subentry.subentry_type != SUBENTRY_TAG:
        control = ControlChip.from_subentry(subentry)
        return {CONF_NAME: control.name, **control.to_subentry_data()["data"]}
    chip = TagMapping.from_subentry(subentry)
    data = chip.to_subentry_data()["data"]
    music = {
        key: value for key, value in data[CONF_MEDIA].items() if key != ATTR_ENTITY_ID
    }
    values = {
        CONF_NAME: chip.name,
        **data,
        CONF_BROWSE_SPEAKER: chip.entity_id,
        CONF_MEDIA: music,
        # Edited, a folder chip offers its folder again (it is chosen in the list).
        CONF_PICK_FOLDER: plays_a_folder(chip),
    }
    typed = {MEDIA_PODCAST: CONF_FEED, MEDIA_RADIO: CONF_STREAM}
    if (field := typed.get(chip.media_content_type)) is not None:
        # A typed address is shown where it was typed, not in the media browser.
        values[field] = chip.media_content_id
        values[CONF_MEDIA] = {
            ATTR_MEDIA_CONTENT_ID: "",
            ATTR_MEDIA_CONTENT_TYPE: "",
        }
    return values
