"""The home's chips in one file: what a backup holds, and what restoring one would do.

A backup is versioned JSON (BACKUP_FORMAT, BACKUP_VERSION). Restoring checks the
whole file before it changes anything: a file that is not a backup, or a chip in it
that is not one, refuses the file. A chip the home has with other settings is
changed, a new one is added, and one that cannot be applied here (its speaker is not
in this home, or the home has its UID as the other kind of chip) is a conflict, left
as the home has it. Every change goes through the registry's save path.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import probatio
from homeassistant.config_entries import ConfigEntry, ConfigSubentry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from ..const import (
    CONF_MEDIA,
    CONF_PLAY_ON,
    CONF_UID,
    MAX_NAME_LENGTH,
    SUBENTRY_CONTROL,
    SUBENTRY_TAG,
)
from .forms import control_chip_schema, music_chip_schema
from .model import Chip, InvalidChip, chip_of, normalise_uid
from .registry import async_save_chip, home_chips
from .validation import chip_from_input

BACKUP_FORMAT: Final = "nfc_jukebox.chips"
BACKUP_VERSION: Final = 1
#: the most chips a backup may hold (a home of 1000 is measured; ten times that is odd)
MAX_BACKUP_CHIPS: Final = 10_000
#: what a chip is in a backup, and the subentry type that stores it
KINDS: Final = {"music": SUBENTRY_TAG, "control": SUBENTRY_CONTROL}
_KIND_OF: Final = {subentry_type: kind for kind, subentry_type in KINDS.items()}
#: the errors of a chip that mean "not in this home", not "not a chip"
_CONFLICT_ERRORS: Final = {
    (CONF_MEDIA, "not_a_speaker"),
    (CONF_PLAY_ON, "not_a_speaker"),
}


class InvalidBackup(ValueError):
    """A file that is no backup of chips; ``key`` names the error's translation."""

    def __init__(self, key: str, placeholders: dict[str, str] | None = None) -> None:
        """Carry the translation key (exceptions.<key>) and its placeholders."""
        super().__init__(key)
        self.key = key
        self.placeholders = placeholders or {}


def export_chips(hass: HomeAssistant) -> dict[str, Any]:
    """Return every chip of the home as a backup."""
    chips = [
        _exported(chip)
        for subentry in home_chips(hass)
        if (chip := chip_of(subentry)) is not None
    ]
    chips.sort(key=lambda chip: (chip[CONF_NAME].casefold(), chip[CONF_UID]))
    return {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "exported": dt_util.utcnow().isoformat(timespec="seconds"),
        "chips": chips,
    }


def _exported(chip: Chip) -> dict[str, Any]:
    stored = chip.to_subentry_data()
    return {
        "kind": _KIND_OF[stored["subentry_type"]],
        CONF_NAME: stored["title"],
        **stored["data"],
    }


@dataclass(kw_only=True)
class Restore:
    """What restoring a backup does: chips to add, to change, and those in conflict."""

    new: list[Chip] = field(default_factory=list)
    #: each with the subentry it changes
    changed: list[tuple[Chip, ConfigSubentry]] = field(default_factory=list)
    #: each with why it is left as the home has it
    conflicts: list[tuple[dict[str, str], str]] = field(default_factory=list)
    unchanged: int = 0

    def summary(self, *, applied: bool) -> dict[str, Any]:
        """Return it as the card shows it."""
        return {
            "applied": applied,
            "new": [_named(chip) for chip in self.new],
            "changed": [
                {**_named(chip), "was": subentry.title}
                for chip, subentry in self.changed
            ],
            "conflicts": [
                {**named, "reason": reason} for named, reason in self.conflicts
            ],
            "unchanged": self.unchanged,
        }


def _named(chip: Chip) -> dict[str, str]:
    return {CONF_UID: chip.uid, CONF_NAME: chip.name}


@dataclass(frozen=True, slots=True)
class BackupChip:
    """A chip of a backup, checked by its form's schema: not yet by this home."""

    number: int
    kind: str
    fields: dict[str, Any]

    def named(self) -> dict[str, str]:
        """Return its UID and name, as the card lists it."""
        return {
            CONF_UID: normalise_uid(str(self.fields[CONF_UID])),
            CONF_NAME: str(self.fields[CONF_NAME]).strip(),
        }


def read_backup(backup: object) -> list[BackupChip]:
    """Return the chips of a backup; raise InvalidBackup if it is none.

    It needs nothing of Home Assistant: an executor runs it (1000 chips' schemas).
    """
    chips = _backup_chips(backup)
    schemas = {"music": music_chip_schema(), "control": control_chip_schema()}
    read: list[BackupChip] = []
    for number, raw in enumerate(chips, start=1):
        where = {"number": str(number), "name": ""}
        if not isinstance(raw, Mapping) or raw.get("kind") not in KINDS:
            raise InvalidBackup("backup_invalid_chip", where)
        kind = str(raw["kind"])
        fields = {key: value for key, value in raw.items() if key != "kind"}
        where["name"] = str(fields.get(CONF_NAME, ""))[:MAX_NAME_LENGTH]
        try:
            read.append(BackupChip(number, kind, schemas[kind](fields)))
        except probatio.Invalid as err:
            raise InvalidBackup("backup_invalid_chip", where) from err
    return read


def plan_restore(hass: HomeAssistant, chips: list[BackupChip]) -> Restore:
    """Return what restoring a backup's chips would do; raise InvalidBackup if one is none."""
    plan = Restore()
    seen: set[str] = set()
    home = _home_by_uid(hass)
    for read in chips:
        named = read.named()
        if named[CONF_UID] in seen:
            raise InvalidBackup("backup_uid_twice", {"uid": named[CONF_UID]})
        seen.add(named[CONF_UID])
        if (chip := _chip_here(hass, read)) is None:
            plan.conflicts.append((named, "speaker_missing"))
            continue
        found = home.get(chip.uid)
        if found is None:
            plan.new.append(chip)
        elif found.subentry_type != KINDS[read.kind]:
            plan.conflicts.append((named, "other_kind"))
        elif chip_of(found) == chip:
            plan.unchanged += 1
        else:
            plan.changed.append((chip, found))
    return plan


def _chip_here(hass: HomeAssistant, read: BackupChip) -> Chip | None:
    """Return a backup's chip in this home; None when its speaker is not in it."""
    try:
        return chip_from_input(hass, KINDS[read.kind], read.fields)
    except InvalidChip as err:
        if not set(err.errors.items()) <= _CONFLICT_ERRORS:
            where = {"number": str(read.number), "name": read.named()[CONF_NAME]}
            raise InvalidBackup("backup_invalid_chip", where) from err
    return None


def _home_by_uid(hass: HomeAssistant) -> dict[str, ConfigSubentry]:
    """Return the home's chips by UID, as find_chip_entry finds them (one lookup each)."""
    return {
        normalise_uid(subentry.data.get(CONF_UID, "")): subentry
        for subentry in home_chips(hass)
    }


def _backup_chips(backup: object) -> list[Any]:
    """Return the chips of a backup, after its envelope was checked."""
    if not isinstance(backup, Mapping) or backup.get("format") != BACKUP_FORMAT:
        raise InvalidBackup("backup_foreign")
    version = backup.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidBackup("backup_foreign")
    if version > BACKUP_VERSION:
        raise InvalidBackup("backup_newer")
    chips = backup.get("chips")
    if not isinstance(chips, list):
        raise InvalidBackup("backup_foreign")
    if len(chips) > MAX_BACKUP_CHIPS:
        raise InvalidBackup("backup_too_many", {"max": str(MAX_BACKUP_CHIPS)})
    return chips


async def async_restore(
    hass: HomeAssistant, plan: Restore, reader: ConfigEntry
) -> None:
    """Apply a restore: new chips on ``reader``, changed ones where they are stored."""
    for chip in plan.new:
        await async_save_chip(hass, reader, chip)
        await asyncio.sleep(0)  # a save need not wait: let the readers act in between
    for chip, subentry in plan.changed:
        await async_save_chip(hass, reader, chip, subentry=subentry)
        await asyncio.sleep(0)
