"""The chips of the home: where each is stored, and THE way to save or delete one.

Every way to change a chip (the chip flows, the offer of a new chip, the card's
websocket commands) saves and deletes through here, after validation.py said yes.
"""

from __future__ import annotations

from types import MappingProxyType

from homeassistant.components.tag import TAG_DATA
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigSubentry,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import (
    async_dispatcher_connect,
    async_dispatcher_send,
)
from homeassistant.util.signal_type import SignalType

from ..const import CONF_MEDIA, CONF_UID, DOMAIN, SUBENTRY_CONTROL, SUBENTRY_TAG
from ..home import reader_entries
from .artwork import async_load_artwork
from .discovery import async_withdraw_new_chip_offer, ignored_new_chip
from .model import Chip, chip_of, normalise_uid
from .pictures import (
    DATA_PICTURES,
    async_delete_pictures,
    async_load_pictures,
    async_move_picture,
)

#: sent with every chip saved, whichever form saved it (a reader it lies on plays it)
SIGNAL_CHIP_SAVED: SignalType[Chip] = SignalType(f"{DOMAIN}_chip_saved")


def home_readers(
    hass: HomeAssistant, prefer: ConfigEntry | None = None
) -> list[ConfigEntry]:
    """Return every reader of the home, ``prefer`` first."""
    readers = reader_entries(hass)
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
    for entry in reader_entries(hass):
        if (subentry := entry.subentries.get(subentry_id)) is not None:
            return entry, subentry
    return None


def home_chips(hass: HomeAssistant) -> list[ConfigSubentry]:
    """Return every chip of the home: one per UID, as the readers find them."""
    chips: dict[str, ConfigSubentry] = {}
    for entry in reader_entries(hass):
        for subentry in entry.subentries.values():
            if subentry.subentry_type in (SUBENTRY_TAG, SUBENTRY_CONTROL):
                chips.setdefault(
                    normalise_uid(subentry.data.get(CONF_UID, "")), subentry
                )
    return list(chips.values())


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


async def async_save_chip(
    hass: HomeAssistant,
    entry: ConfigEntry,
    chip: Chip,
    *,
    subentry: ConfigSubentry | None = None,
) -> ConfigSubentry:
    """Save a chip: a new one on the reader ``entry``, or ``subentry`` where it is stored.

    Return the saved subentry. The chip has passed validation.validate_chip.
    """
    stored = chip.to_subentry_data()
    if subentry is None:
        subentry = ConfigSubentry(
            data=MappingProxyType(dict(stored["data"])),
            subentry_type=stored["subentry_type"],
            title=stored["title"],
            unique_id=stored["unique_id"],
        )
        hass.config_entries.async_add_subentry(entry, subentry)
    else:
        # a chip given another physical chip keeps its picture
        old_uid = normalise_uid(subentry.data.get(CONF_UID, ""))
        await async_move_picture(hass, old_uid, chip.uid)
        found = find_subentry(hass, subentry.subentry_id)
        hass.config_entries.async_update_subentry(
            found[0] if found else entry,
            subentry,
            data=stored["data"],
            title=stored["title"],
            unique_id=stored["unique_id"],
        )
    await async_chip_saved(hass, chip)
    return subentry


async def async_chip_saved(hass: HomeAssistant, chip: Chip) -> None:
    """Finish saving a chip: withdraw its offer, name it in Settings → Tags, tell.

    async_save_chip calls it; a chip flow calls it itself for a new chip, whose
    subentry Home Assistant's flow manager adds. The readers hear of it through
    SIGNAL_CHIP_SAVED: one the chip lies on plays it. A chip whose offer was ignored
    is not ignored any more: deleted again, it is offered when next placed.
    """
    async_withdraw_new_chip_offer(hass, chip.uid)
    if (ignored := ignored_new_chip(hass, chip.uid)) is not None:
        await hass.config_entries.async_remove(ignored.entry_id)
    await async_name_tag(hass, chip.uid, chip.name)
    async_dispatcher_send(hass, SIGNAL_CHIP_SAVED, chip)


@callback
def async_delete_chip(hass: HomeAssistant, subentry_id: str) -> bool:
    """Forget a chip of the home, whichever reader stores it; False if there is none."""
    if (found := find_subentry(hass, subentry_id)) is None:
        return False
    return hass.config_entries.async_remove_subentry(found[0], subentry_id)


async def async_delete_pictures_of_gone_chips(hass: HomeAssistant) -> None:
    """Delete the pictures of chips the home no longer has, and unused covers."""
    pictures = await async_load_pictures(hass)
    chips = home_chips(hass)
    present = {normalise_uid(s.data.get(CONF_UID, "")) for s in chips}
    await async_delete_pictures(hass, pictures.uids() - present)
    music = [
        s.data[CONF_MEDIA].get("media_content_id", "")
        for s in chips
        if CONF_MEDIA in s.data
    ]
    await (await async_load_artwork(hass)).async_keep_only(music)


@callback
def async_follow_deleted_chips(hass: HomeAssistant) -> None:
    """Delete a chip's picture with the chip, from the card or from Settings.

    A reader removed hands its chips to another reader after it is gone: the look
    waits for the moves (a task runs after them), and a reader's removal itself
    deletes nothing.
    """

    @callback
    def changed(change: ConfigEntryChange, entry: ConfigEntry) -> None:
        if (
            entry.domain == DOMAIN
            and change is ConfigEntryChange.UPDATED
            and DATA_PICTURES in hass.data
        ):
            hass.async_create_task(async_delete_pictures_of_gone_chips(hass))

    async_dispatcher_connect(hass, SIGNAL_CONFIG_ENTRY_CHANGED, changed)
