"""Repairs: every notice a reader raises, and the fix that gives a new chip its music.

This module owns the issue ids: the rest of the integration creates and deletes
notices through the functions below. A new chip is new to the whole home: assigning
it on one reader makes it a chip of every reader and withdraws its notices on all.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import CONF_UID, DOMAIN, SUBENTRY_TAG
from .mappings import (
    CONF_FOLDER,
    InvalidChip,
    TagMapping,
    async_folders_to_pick,
    async_name_tag,
    chip_from_input,
    chip_with_folder,
    find_chip_subentry,
    folder_form,
    music_chip_form,
)

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from .folders import Folder

NEW_CHIP: Final = "unknown_tag"
READER_UNREACHABLE: Final = "reader_unreachable"
PLAYBACK_FAILED: Final = "playback_failed"
#: A reader offers at most this many new chips at once; a newer one replaces the
#: oldest notice, so a box of unassigned chips (or a script) cannot flood Repairs.
MAX_NEW_CHIP_NOTICES: Final = 10


def new_chip_issue_id(entry_id: str, uid: str) -> str:
    """Return the id of the "new chip" notice of ``uid`` on a reader."""
    return f"{NEW_CHIP}_{entry_id}_{uid}"


def _reader_issue_id(kind: str, entry_id: str) -> str:
    return f"{kind}_{entry_id}"


# The "new chip" notice --------------------------------------------------------------


@callback
def async_create_new_chip_issue(
    hass: HomeAssistant, entry: ConfigEntry, uid: str
) -> None:
    """Offer to give a new chip its music; one notice per chip, however often placed.

    The oldest notices of the reader go once it offers MAX_NEW_CHIP_NOTICES chips.
    """
    issue_id = new_chip_issue_id(entry.entry_id, uid)
    registry = ir.async_get(hass)
    prefix = new_chip_issue_id(entry.entry_id, "")
    others = sorted(
        (
            issue
            for (domain, other_id), issue in registry.issues.items()
            if domain == DOMAIN and other_id.startswith(prefix) and other_id != issue_id
        ),
        key=lambda issue: issue.created,
    )
    for issue in others[: max(len(others) - MAX_NEW_CHIP_NOTICES + 1, 0)]:
        ir.async_delete_issue(hass, DOMAIN, issue.issue_id)
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=NEW_CHIP,
        translation_placeholders={"name": entry.title, "uid": uid},
        data={"entry_id": entry.entry_id, "uid": uid},
    )


@callback
def async_delete_new_chip_issues(hass: HomeAssistant, uid: str) -> None:
    """Withdraw the "new chip" notices of ``uid`` on every reader: it has its meaning.

    A chip belongs to the home: once it has a meaning, no reader offers it as new.
    """
    for entry in hass.config_entries.async_entries(DOMAIN):
        ir.async_delete_issue(hass, DOMAIN, new_chip_issue_id(entry.entry_id, uid))


# The reader ---------------------------------------------------------------------------


@callback
def async_create_reader_unreachable_issue(
    hass: HomeAssistant, entry_id: str, *, name: str, port: str, error: str
) -> None:
    """Tell the parent a reader stays away; it is withdrawn when the reader is back."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        _reader_issue_id(READER_UNREACHABLE, entry_id),
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=READER_UNREACHABLE,
        translation_placeholders={"name": name, "port": port, "error": error},
    )


@callback
def async_delete_reader_unreachable_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the "reader unreachable" notice: the reader answers again."""
    ir.async_delete_issue(hass, DOMAIN, _reader_issue_id(READER_UNREACHABLE, entry_id))


# Playback ---------------------------------------------------------------------------


@callback
def async_create_playback_failed_issue(
    hass: HomeAssistant, entry: ConfigEntry, error: str
) -> None:
    """Tell the parent a chip could not play; the next chip that plays withdraws it."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        _reader_issue_id(PLAYBACK_FAILED, entry.entry_id),
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=PLAYBACK_FAILED,
        translation_placeholders={"name": entry.title, "error": error},
    )


@callback
def async_delete_playback_failed_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the "could not play" notice: a chip played."""
    ir.async_delete_issue(hass, DOMAIN, _reader_issue_id(PLAYBACK_FAILED, entry_id))


# Whole readers ----------------------------------------------------------------------


@callback
def async_delete_reader_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw every notice of a removed reader."""
    own = {
        _reader_issue_id(READER_UNREACHABLE, entry_id),
        _reader_issue_id(PLAYBACK_FAILED, entry_id),
    }
    new_chips = new_chip_issue_id(entry_id, "")
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and (issue_id in own or issue_id.startswith(new_chips)):
            ir.async_delete_issue(hass, DOMAIN, issue_id)


@callback
def async_delete_version_1_issues(hass: HomeAssistant, old_unique_id: str) -> None:
    """Drop the notices version 1 named after a reader's port (entry version 1 → 2).

    Only "reader unreachable" was; the reader raises it again if it stays away.
    """
    ir.async_delete_issue(
        hass, DOMAIN, _reader_issue_id(READER_UNREACHABLE, old_unique_id)
    )


class AssignTagFlow(RepairsFlow):
    """Give a chip that was placed but plays nothing yet its music, or ignore it."""

    #: the chip the form describes, while the folder step completes it
    _chip: TagMapping
    #: the folders of My media to pick from
    _folders: list[Folder]

    def __init__(self, entry_id: str, uid: str) -> None:
        """Assign music to ``uid`` on the reader ``entry_id``."""
        super().__init__()
        self.entry_id = entry_id
        self.uid = uid

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask whether the chip gets music or stays without."""
        entry = self.hass.config_entries.async_get_entry(self.entry_id)
        if entry is None:
            return self.async_abort(reason="reader_removed")
        return self.async_show_menu(
            step_id="init",
            menu_options=["assign", "ignore"],
            description_placeholders={"name": entry.title, "uid": self.uid},
        )

    async def async_step_ignore(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Leave the chip without music; its notice stays ignored until it is mapped."""
        ir.async_ignore_issue(
            self.hass, DOMAIN, new_chip_issue_id(self.entry_id, self.uid), ignore=True
        )
        return self.async_abort(reason="issue_ignored")

    async def async_step_assign(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for a name and the music, or a whole folder; save the chip's mapping."""
        entry = self.hass.config_entries.async_get_entry(self.entry_id)
        if (ended := self._ended(entry)) is not None:
            return ended
        assert entry is not None  # noqa: S101 - _ended says so
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                chip = chip_from_input(
                    self.hass, SUBENTRY_TAG, {**user_input, CONF_UID: self.uid}
                )
                folders = await async_folders_to_pick(self.hass, user_input)
            except InvalidChip as err:
                errors = err.errors
            else:
                assert isinstance(chip, TagMapping)  # noqa: S101 - a music chip's form
                self._chip = chip
                if folders is None:
                    return await self._async_save(entry)
                self._folders = folders
                return await self.async_step_folder()
        return self.async_show_form(
            step_id="assign",
            data_schema=self.add_suggested_values_to_schema(
                music_chip_form(with_uid=False), user_input or {}
            ),
            errors=errors,
            description_placeholders={"name": entry.title, "uid": self.uid},
        )

    async def async_step_folder(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Pick the folder whose tracks the chip plays, one after the other."""
        entry = self.hass.config_entries.async_get_entry(self.entry_id)
        if (ended := self._ended(entry)) is not None:
            return ended
        assert entry is not None  # noqa: S101 - _ended says so
        if user_input is not None:
            self._chip = chip_with_folder(
                self._chip, self._folders, user_input[CONF_FOLDER]
            )
            return await self._async_save(entry)
        return self.async_show_form(
            step_id="folder",
            data_schema=folder_form(self._chip, self._folders),
            description_placeholders={"chip": self._chip.name},
        )

    def _ended(self, entry: ConfigEntry | None) -> RepairsFlowResult | None:
        """End the fix if its reader is gone, or its chip got music meanwhile.

        Here or on another reader: then its notices go, and nothing is left to do.
        """
        if entry is None:
            return self.async_abort(reason="reader_removed")
        if find_chip_subentry(self.hass, self.uid) is not None:
            async_delete_new_chip_issues(self.hass, self.uid)
            return self.async_create_entry(data={})
        return None

    async def _async_save(self, entry: ConfigEntry) -> RepairsFlowResult:
        """Save the chip as a mapping of the reader ``entry``; withdraw its notices."""
        chip = self._chip
        subentry = chip.to_subentry_data()
        self.hass.config_entries.async_add_subentry(
            entry,
            ConfigSubentry(
                data=MappingProxyType(dict(subentry["data"])),
                subentry_type=subentry["subentry_type"],
                title=subentry["title"],
                unique_id=subentry["unique_id"],
            ),
        )
        async_delete_new_chip_issues(self.hass, self.uid)
        await async_name_tag(self.hass, chip.uid, chip.name)
        return self.async_create_entry(data={})


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of a "new chip" notice (the only fixable one)."""
    assert data is not None  # noqa: S101 - every fixable issue carries its chip
    return AssignTagFlow(str(data["entry_id"]), str(data["uid"]))
