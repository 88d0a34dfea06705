"""Repairs: the fix that gives a new chip its music from its notice.

The notices themselves are raised where they are seen: a reader's in notices.py, the
"new chip" notice in chips/notices.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from .chips.forms import (
    CONF_FOLDER,
    async_folders_to_pick,
    chip_with_folder,
    folder_form,
    music_chip_form,
    new_music_chip_values,
)
from .chips.model import InvalidChip, TagMapping
from .chips.notices import async_delete_new_chip_issues, new_chip_issue_id
from .chips.registry import async_save_chip, find_chip_subentry
from .chips.validation import validate_chip
from .const import CONF_UID, DOMAIN, SUBENTRY_TAG
from .markdown import escape_markdown

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from .folders import Folder


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
            description_placeholders=self._placeholders(entry),
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
        placeholders = self._placeholders(entry)
        if user_input is not None:
            try:
                chip = validate_chip(
                    self.hass, SUBENTRY_TAG, {**user_input, CONF_UID: self.uid}
                )
                folders = await async_folders_to_pick(self.hass, user_input)
            except InvalidChip as err:
                errors = _on_the_form(err.errors)
                placeholders |= err.placeholders
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
                music_chip_form(with_uid=False),
                user_input or new_music_chip_values(entry),
            ),
            errors=errors,
            description_placeholders=placeholders,
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
            description_placeholders={"chip": escape_markdown(self._chip.name)},
        )

    def _placeholders(self, entry: ConfigEntry) -> dict[str, str]:
        """Return what the fix's descriptions name: the chip, and its reader."""
        return {"name": escape_markdown(entry.title), "uid": self.uid}

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
        await async_save_chip(self.hass, entry, self._chip)
        return self.async_create_entry(data={})


def _on_the_form(errors: dict[str, str]) -> dict[str, str]:
    """Return the errors as the fix shows them: the UID it has no field for on top."""
    return {"base" if key == CONF_UID else key: error for key, error in errors.items()}


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of a "new chip" notice (the only fixable one)."""
    assert data is not None  # noqa: S101 - every fixable issue carries its chip
    return AssignTagFlow(str(data["entry_id"]), str(data["uid"]))
