"""The websocket API the dashboard card talks to: live reader state, and the home's chips."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, Final

import probatio
from homeassistant.components import websocket_api
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
    ConfigSubentry,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from .chips.model import (
    InvalidChip,
    TagMapping,
    normalise_uid,
    speaker_for,
    stored_mode,
)
from .chips.registry import (
    async_delete_chip,
    async_save_chip,
    find_chip,
    find_chip_subentry,
    find_subentry,
    home_chips,
)
from .chips.validation import music_chip_from_message
from .const import (
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
    DOMAIN,
    GRANT_MINUTES,
    MAX_DAILY_LIMIT,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
)
from .progress import async_get_progress
from .rules import HouseRules, floor_above_ceiling

if TYPE_CHECKING:
    from .pn532 import TagEvent

ATTR_ENTRY_ID: Final = "entry_id"
ATTR_SUBENTRY_ID: Final = "subentry_id"

#: What a chip is, as the card names it.
KIND: Final = {SUBENTRY_TAG: "music", SUBENTRY_CONTROL: "control"}


@callback
def async_setup_websocket_api(hass: HomeAssistant) -> None:
    """Register the card's commands."""
    websocket_api.async_register_command(hass, ws_subscribe)
    websocket_api.async_register_command(hass, ws_save_chip)
    websocket_api.async_register_command(hass, ws_delete_chip)
    websocket_api.async_register_command(hass, ws_reset_chip)
    websocket_api.async_register_command(hass, ws_play_chip)
    websocket_api.async_register_command(hass, ws_set_rules)
    websocket_api.async_register_command(hass, ws_grant_time)


# Reader state -------------------------------------------------------------------


def _chip(entry: ConfigEntry, subentry: ConfigSubentry) -> dict[str, Any]:
    """Return what the card shows of one chip, on the reader ``entry``."""
    chip: dict[str, Any] = {
        ATTR_SUBENTRY_ID: subentry.subentry_id,
        "kind": KIND.get(subentry.subentry_type),
        "name": subentry.title,
        "uid": subentry.data.get(CONF_UID),
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


def reader_state(
    hass: HomeAssistant,
    entry: ConfigEntry,
    refused: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """Return the state of one reader, as the card shows it, with the home's chips.

    ``refused`` maps the UID of a chip placed while the card looked to why the
    house rules refused it then (None: they did not).
    """
    loaded = entry.state is ConfigEntryState.LOADED
    reader = entry.runtime_data.reader if loaded else None
    jukebox = entry.runtime_data.jukebox if loaded else None
    on_reader: dict[str, Any] | None = None
    speaker: str | None = None
    if reader is not None and (tag := reader.present) is not None:
        subentry = find_chip_subentry(hass, tag.uid, prefer=entry)
        on_reader = {
            "uid": tag.uid,
            ATTR_SUBENTRY_ID: subentry.subentry_id if subentry else None,
            "name": subentry.title if subentry else None,
            "kind": KIND.get(subentry.subentry_type) if subentry else None,
            # a phone shows a new UID every time: nothing can be assigned to it
            "assignable": tag.target.has_stable_uid,
            # why the house rules let the chip start nothing
            "blocked": _blocked(hass, entry, tag.uid, refused or {}),
        }
        if subentry is not None and subentry.subentry_type == SUBENTRY_TAG:
            speaker = speaker_for(TagMapping.from_subentry(subentry), entry)
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
        "sleep_until": sleep_until.isoformat() if sleep_until else None,
        # how far the folder chip this reader played last got: "Track 2 of 12"
        "progress": (
            {
                "uid": progress.uid,
                "track": progress.track,
                "tracks": progress.tracks,
                "title": progress.title,
                "position": progress.position,
            }
            if progress
            else None
        ),
        "max_volume": entry.options.get(CONF_MAX_VOLUME, DEFAULT_MAX_VOLUME),
        "rules": _rules(jukebox.rules) if jukebox else None,
        "chips": sorted(
            (_chip(entry, subentry) for subentry in _chips_of(hass, entry)),
            key=lambda chip: (chip["name"].casefold(), chip["uid"] or ""),
        ),
    }


def _chips_of(hass: HomeAssistant, entry: ConfigEntry) -> list[ConfigSubentry]:
    """Return the home's chips as the reader ``entry`` sees them: its own first."""
    own = [s for s in entry.subentries.values() if s.subentry_type in KIND]
    uids = {normalise_uid(s.data.get(CONF_UID, "")) for s in own}
    return own + [
        subentry
        for subentry in home_chips(hass)
        if normalise_uid(subentry.data.get(CONF_UID, "")) not in uids
    ]


class _ReaderSubscription:
    """Pushes the state of the readers to one websocket subscription."""

    def __init__(
        self,
        hass: HomeAssistant,
        connection: websocket_api.ActiveConnection,
        msg_id: int,
        entry_id: str | None,
    ) -> None:
        """Prepare the subscription ``msg_id`` to all readers, or to ``entry_id``."""
        self.hass = hass
        self.connection = connection
        self.msg_id = msg_id
        self.entry_id = entry_id
        self._unsubscribe_runtime: list[Callable[[], None]] = []
        #: per reader: the chip placed while subscribed, and why the rules refused it
        self._refused: dict[str, dict[str, str | None]] = {}
        self._unsubscribe_entries = async_dispatcher_connect(
            hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._entry_changed
        )
        self._follow_runtime()

    def _entries(self) -> list[ConfigEntry]:
        return [
            entry
            for entry in self.hass.config_entries.async_entries(DOMAIN)
            if self.entry_id in (None, entry.entry_id)
        ]

    @callback
    def send(self, *_: object) -> None:
        """Send the state of the readers."""
        self.connection.send_message(
            websocket_api.event_message(
                self.msg_id,
                {
                    "readers": [
                        reader_state(
                            self.hass, entry, self._refused.get(entry.entry_id)
                        )
                        for entry in self._entries()
                    ],
                    "can_edit": self.connection.user.is_admin,
                },
            )
        )

    @callback
    def _follow_runtime(self) -> None:
        """Listen to the loaded readers; a reload brings a new reader to follow."""
        self._stop_runtime()
        for entry in self._entries():
            if entry.state is ConfigEntryState.LOADED:
                data = entry.runtime_data
                self._unsubscribe_runtime.append(
                    data.reader.async_add_tag_listener(partial(self._tag, entry))
                )
                self._unsubscribe_runtime.append(
                    data.reader.async_add_availability_listener(self.send)
                )
                self._unsubscribe_runtime.append(
                    data.jukebox.async_add_listener(self.send)
                )
                self._unsubscribe_runtime.append(
                    data.jukebox.rules.async_add_listener(self.send)
                )

    @callback
    def _tag(self, entry: ConfigEntry, event: TagEvent) -> None:
        """Remember what the rules said when a chip arrived: the jukebox asks them then."""
        if event.kind == "arrived":
            chip = find_chip(self.hass, event.tag.uid, prefer=entry)
            block = entry.runtime_data.jukebox.rules.may_start(chip) if chip else None
            self._refused[entry.entry_id] = {
                event.tag.uid: block.value if block else None
            }
        elif event.kind == "removed":
            self._refused.pop(entry.entry_id, None)
        self.send()

    @callback
    def _stop_runtime(self) -> None:
        while self._unsubscribe_runtime:
            self._unsubscribe_runtime.pop()()

    @callback
    def _entry_changed(self, _change: ConfigEntryChange, entry: ConfigEntry) -> None:
        # Any reader's chips are every reader's: a change on one shows on all.
        if entry.domain == DOMAIN:
            self._follow_runtime()
            self.send()

    @callback
    def stop(self) -> None:
        """End the subscription."""
        self._unsubscribe_entries()
        self._stop_runtime()


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/subscribe",
        probatio.Optional(ATTR_ENTRY_ID): cv.string,
    }
)
@callback
def ws_subscribe(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Send the state of the readers now and on every change."""
    subscription = _ReaderSubscription(
        hass, connection, msg["id"], msg.get(ATTR_ENTRY_ID)
    )
    connection.subscriptions[msg["id"]] = subscription.stop
    connection.send_result(msg["id"])
    subscription.send()


# Chips ---------------------------------------------------------------------------


def _entry(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> ConfigEntry | None:
    """Return the reader a message names, or send "not found"."""
    entry = hass.config_entries.async_get_entry(msg[ATTR_ENTRY_ID])
    if entry is None or entry.domain != DOMAIN:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_FOUND,
            "Reader not found",
            translation_key="reader_not_found",
            translation_domain=DOMAIN,
        )
        return None
    return entry


def _subentry(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> tuple[ConfigEntry, ConfigSubentry] | None:
    """Return the chip a message names and the reader that stores it, or send "not found".

    A chip of the home may be stored on any reader.
    """
    found = find_subentry(hass, msg[ATTR_SUBENTRY_ID])
    if found is None:
        connection.send_error(
            msg["id"],
            websocket_api.ERR_NOT_FOUND,
            "Chip not found",
            translation_key="chip_not_found",
            translation_domain=DOMAIN,
        )
    return found


def _loaded(
    entry: ConfigEntry, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> bool:
    """Return whether the reader runs, or send that it does not."""
    if entry.state is ConfigEntryState.LOADED:
        return True
    connection.send_error(
        msg["id"],
        websocket_api.ERR_NOT_ALLOWED,
        "The reader is not loaded",
        translation_key="reader_not_loaded",
        translation_domain=DOMAIN,
        translation_placeholders={"name": entry.title},
    )
    return False


def _not_a_music_chip(
    connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    connection.send_error(
        msg["id"],
        websocket_api.ERR_NOT_SUPPORTED,
        "Only a music chip plays music",
        translation_key="not_a_music_chip",
        translation_domain=DOMAIN,
    )


async def _play_if_on_reader(hass: HomeAssistant, entry: ConfigEntry, uid: str) -> None:
    """Start a chip's music if that chip lies on the reader right now."""
    if entry.state is not ConfigEntryState.LOADED:
        return
    data = entry.runtime_data
    present = data.reader.present
    chip = find_chip(hass, uid, prefer=entry)
    if present is not None and present.uid == uid and isinstance(chip, TagMapping):
        await data.jukebox.async_play(chip)


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/save",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Optional(ATTR_SUBENTRY_ID): cv.string,
        probatio.Required(CONF_UID): cv.string,
        probatio.Required(CONF_NAME): cv.string,
        probatio.Required(CONF_MEDIA): dict,
        probatio.Optional(CONF_PLAY_ON): probatio.Any(None, cv.string),
        probatio.Optional(CONF_PLAYBACK): dict,
    }
)
@websocket_api.require_admin
@websocket_api.async_response
async def ws_save_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Add a music chip to the home, or change one; a chip on the reader starts playing.

    A new chip is stored on the reader ``entry_id``; a changed one stays where it is.
    """
    if (entry := _entry(hass, connection, msg)) is None:
        return
    subentry: ConfigSubentry | None = None
    if ATTR_SUBENTRY_ID in msg:
        if (found := _subentry(hass, connection, msg)) is None:
            return
        subentry = found[1]
        if subentry.subentry_type != SUBENTRY_TAG:
            _not_a_music_chip(connection, msg)
            return
    user_input: dict[str, Any] = {
        key: msg[key]
        for key in (CONF_UID, CONF_NAME, CONF_MEDIA, CONF_PLAY_ON, CONF_PLAYBACK)
        if msg.get(key) is not None
    }
    try:
        chip = music_chip_from_message(hass, user_input, subentry=subentry)
    except InvalidChip as err:
        invalid: dict[str, Any] = {"errors": err.errors}
        if err.placeholders:
            invalid["placeholders"] = err.placeholders
        connection.send_result(msg["id"], invalid)
        return
    subentry = await async_save_chip(hass, entry, chip, subentry=subentry)
    connection.send_result(msg["id"], {ATTR_SUBENTRY_ID: subentry.subentry_id})
    await _play_if_on_reader(hass, entry, chip.uid)


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/delete",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required(ATTR_SUBENTRY_ID): cv.string,
    }
)
@websocket_api.require_admin
@callback
def ws_delete_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Forget a chip of the home, whichever reader stores it."""
    if _entry(hass, connection, msg) is None:
        return
    if _subentry(hass, connection, msg) is None:
        return
    async_delete_chip(hass, msg[ATTR_SUBENTRY_ID])
    connection.send_result(msg["id"])


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/reset",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required(ATTR_SUBENTRY_ID): cv.string,
    }
)
@websocket_api.require_admin
@websocket_api.async_response
async def ws_reset_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Make a music chip start over the next time it is placed, as its button does.

    For administrators: it loses where an audiobook got to.
    """
    if _entry(hass, connection, msg) is None:
        return
    if (found := _subentry(hass, connection, msg)) is None:
        return
    subentry = found[1]
    if subentry.subentry_type != SUBENTRY_TAG:
        _not_a_music_chip(connection, msg)
        return
    progress = await async_get_progress(hass)
    progress.async_reset(normalise_uid(subentry.data[CONF_UID]))
    connection.send_result(msg["id"])


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/chip/play",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Required(ATTR_SUBENTRY_ID): cv.string,
    }
)
@websocket_api.async_response
async def ws_play_chip(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Play a music chip's music now, as placing the chip on the reader would.

    Anyone may: a child who can reach the reader can do the same with the chip,
    and it changes nothing that Home Assistant records (the volume cap holds).
    """
    if (entry := _entry(hass, connection, msg)) is None:
        return
    if (found := _subentry(hass, connection, msg)) is None:
        return
    subentry = found[1]
    if subentry.subentry_type != SUBENTRY_TAG:
        _not_a_music_chip(connection, msg)
        return
    if not _loaded(entry, connection, msg):
        return
    await entry.runtime_data.jukebox.async_play(TagMapping.from_subentry(subentry))
    connection.send_result(msg["id"])


# House rules ---------------------------------------------------------------------

#: The house rules the card changes: the reader's options of the same name.
RULE_SETTINGS: Final = (
    CONF_JUKEBOX_ON,
    CONF_DAILY_LIMIT,
    CONF_MIN_VOLUME,
    CONF_MAX_VOLUME,
    CONF_NIGHT_MAX_VOLUME,
)
_VOLUME = probatio.All(int, probatio.Range(min=0, max=100))
_CEILING = probatio.All(int, probatio.Range(min=1, max=100))


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/rules/set",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
        probatio.Optional(CONF_JUKEBOX_ON): bool,
        probatio.Optional(CONF_DAILY_LIMIT): probatio.All(
            int, probatio.Range(min=0, max=MAX_DAILY_LIMIT)
        ),
        probatio.Optional(CONF_MIN_VOLUME): _VOLUME,
        probatio.Optional(CONF_MAX_VOLUME): _CEILING,
        probatio.Optional(CONF_NIGHT_MAX_VOLUME): _CEILING,
    }
)
@websocket_api.require_admin
@callback
def ws_set_rules(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Change house rules of a reader, as its switch and numbers do.

    For administrators: the rules are what a parent decides. They are the
    reader's options, so a reader that is not running keeps them too; a minimum
    volume above a maximum is refused as the options form refuses it.
    """
    if (entry := _entry(hass, connection, msg)) is None:
        return
    changes: dict[str, Any] = {k: msg[k] for k in RULE_SETTINGS if k in msg}
    options = {**entry.options, **changes}
    if floor_above_ceiling(options):
        # as the options form says it (options.error), on the field the card sent
        field = CONF_MIN_VOLUME if CONF_MIN_VOLUME in changes else "base"
        connection.send_result(msg["id"], {"errors": {field: "floor_above_ceiling"}})
        return
    # One update: the rules apply it at once, and the card gets one new state.
    hass.config_entries.async_update_entry(entry, options=options)
    connection.send_result(msg["id"], {})


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/rules/grant",
        probatio.Required(ATTR_ENTRY_ID): cv.string,
    }
)
@websocket_api.require_admin
@callback
def ws_grant_time(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Add 15 minutes to today's listening time, as the reader's button does.

    For administrators: a child would grant itself the afternoon.
    """
    if (entry := _entry(hass, connection, msg)) is None:
        return
    if not _loaded(entry, connection, msg):
        return
    rules: HouseRules = entry.runtime_data.jukebox.rules
    rules.async_grant(GRANT_MINUTES)
    connection.send_result(msg["id"], {"minutes_left": rules.minutes_left})
