"""The offer of a new chip: the config flow's discovered steps that give it music.

chips/discovery.py starts and withdraws the offers; the chip is saved through
chips/registry.py like every chip. The offer adds no config entry: it ends saying
what the chip now plays. Home Assistant's Ignore button stores an ignored entry
with the chip's unique id (see home.py), so the chip is not offered again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntry, ConfigFlow, ConfigFlowResult

from .chips.discovery import new_chip_unique_id
from .chips.forms import (
    CONF_FOLDER,
    async_folders_to_pick,
    chip_with_folder,
    folder_form,
    music_chip_form,
    new_music_chip_values,
)
from .chips.model import InvalidChip, TagMapping
from .chips.registry import async_save_chip, find_chip_subentry
from .chips.validation import validate_chip
from .const import CONF_UID, SUBENTRY_TAG
from .home import is_reader
from .markdown import escape_markdown

if TYPE_CHECKING:
    from homeassistant.helpers.typing import DiscoveryInfoType

    from .folders import Folder


class NewChipFlow(ConfigFlow):
    """Give a chip that was placed but plays nothing yet its music, from its offer."""

    #: the chip placed, and the reader it was placed on (the one that stores it)
    _uid: str
    _reader_id: str
    #: the chip the form describes, while the folder step completes it
    _chip: TagMapping
    #: the folders of My media to pick from
    _folders: list[Folder]

    async def async_step_integration_discovery(
        self, discovery_info: DiscoveryInfoType
    ) -> ConfigFlowResult:
        """Offer a new chip its music: one offer per chip of the home."""
        self._uid = str(discovery_info[CONF_UID])
        self._reader_id = self.context.get("entry_id", "")
        await self.async_set_unique_id(new_chip_unique_id(self._uid))
        self._abort_if_unique_id_configured()
        if (ended := self._ended()) is not None:
            return ended
        self.context["title_placeholders"] = {
            "uid": self._uid,
            "reader": self._reader().title,
        }
        return await self.async_step_assign()

    async def async_step_assign(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for a name and the music, or a whole folder; save the chip."""
        if (ended := self._ended()) is not None:
            return ended
        reader = self._reader()
        errors: dict[str, str] = {}
        placeholders = self._placeholders(reader)
        if user_input is not None:
            try:
                chip = validate_chip(
                    self.hass, SUBENTRY_TAG, {**user_input, CONF_UID: self._uid}
                )
                folders = await async_folders_to_pick(self.hass, user_input)
            except InvalidChip as err:
                errors = _on_the_form(err.errors)
                placeholders |= err.placeholders
            else:
                assert isinstance(chip, TagMapping)  # noqa: S101 - a music chip's form
                self._chip = chip
                if folders is None:
                    return await self._async_save(reader)
                self._folders = folders
                return await self.async_step_folder()
        return self.async_show_form(
            step_id="assign",
            data_schema=self.add_suggested_values_to_schema(
                music_chip_form(with_uid=False),
                user_input or new_music_chip_values(reader),
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_folder(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick the folder whose tracks the chip plays, one after the other."""
        if (ended := self._ended()) is not None:
            return ended
        if user_input is not None:
            self._chip = chip_with_folder(
                self._chip, self._folders, user_input[CONF_FOLDER]
            )
            return await self._async_save(self._reader())
        return self.async_show_form(
            step_id="folder",
            data_schema=folder_form(self._chip, self._folders),
            description_placeholders={"chip": escape_markdown(self._chip.name)},
        )

    def _reader(self) -> ConfigEntry:
        """Return the reader the chip was placed on; _ended said it is there."""
        entry = self.hass.config_entries.async_get_entry(self._reader_id)
        assert entry is not None  # noqa: S101 - _ended said so
        return entry

    def _placeholders(self, reader: ConfigEntry) -> dict[str, str]:
        """Return what the form's description names: the chip, and its reader."""
        return {"name": escape_markdown(reader.title), "uid": self._uid}

    def _ended(self) -> ConfigFlowResult | None:
        """End the offer if its reader is gone, or its chip got music meanwhile."""
        entry = self.hass.config_entries.async_get_entry(self._reader_id)
        if entry is None or not is_reader(entry):
            return self.async_abort(reason="reader_removed")
        if find_chip_subentry(self.hass, self._uid) is not None:
            return self.async_abort(reason="chip_known")
        return None

    async def _async_save(self, reader: ConfigEntry) -> ConfigFlowResult:
        """Save the chip on the reader it was placed on; say what it plays now."""
        chip = self._chip
        await async_save_chip(self.hass, reader, chip)
        music = (chip.media_metadata or {}).get("title") or chip.media_content_id
        return self.async_abort(
            reason="chip_saved",
            description_placeholders={
                "chip": escape_markdown(chip.name),
                "music": escape_markdown(str(music)),
            },
        )


def _on_the_form(errors: dict[str, str]) -> dict[str, str]:
    """Return the errors as the form shows them: the UID it has no field for on top."""
    return {"base" if key == CONF_UID else key: error for key, error in errors.items()}
