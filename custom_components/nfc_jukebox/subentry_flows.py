"""The chip flows: add or edit a music chip or a control chip of the home."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, override

import probatio
from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntryState,
    ConfigSubentryFlow,
    SubentryFlowResult,
)
from homeassistant.core import DOMAIN as HOMEASSISTANT_DOMAIN

from .chips.forms import (
    CONF_FOLDER,
    async_folders_to_pick,
    chip_with_folder,
    control_chip_schema,
    folder_form,
    form_values,
    music_chip_form,
    new_music_chip_values,
)
from .chips.model import Chip, InvalidChip, TagMapping
from .chips.registry import (
    async_chip_saved,
    async_save_chip,
    find_chip_subentry,
    home_readers,
)
from .chips.validation import validate_chip
from .const import CONF_UID, SUBENTRY_CONTROL, SUBENTRY_TAG
from .folders import Folder
from .markdown import escape_markdown


class _ChipFlow(ConfigSubentryFlow):
    """Add or edit one chip of the home, stored on this reader; one chip per UID."""

    #: the subentry type, and the form of such a chip
    kind: str
    schema: Callable[[], probatio.Schema]
    #: the chip the form describes, while a second step completes it
    _chip: Chip

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Add a chip; the UID is prefilled with the last new chip placed."""
        suggested: Mapping[str, Any] = user_input or self._new_chip_values()
        if not user_input and (uid := self._last_new_chip()):
            suggested = {**suggested, CONF_UID: uid}
        return await self._async_form("user", user_input, suggested)

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Edit a chip; the form shows every stored setting, defaults included."""
        subentry = self._get_reconfigure_subentry()
        return await self._async_form(
            "reconfigure", user_input, user_input or form_values(subentry)
        )

    async def _async_form(
        self,
        step_id: str,
        user_input: dict[str, Any] | None,
        suggested: Mapping[str, Any],
    ) -> SubentryFlowResult:
        """Show the chip's form; go on once its input is a chip that may be saved."""
        errors: dict[str, str] = {}
        placeholders = {"chip": ""}
        if user_input is not None:
            editing = (
                self._get_reconfigure_subentry()
                if self.source == SOURCE_RECONFIGURE
                else None
            )
            try:
                self._chip = validate_chip(
                    self.hass, self.kind, user_input, subentry=editing
                )
            except InvalidChip as err:
                errors = err.errors
                placeholders |= err.placeholders
            else:
                return await self._async_next(user_input, errors)
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(
                type(self).schema(), suggested
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    def _new_chip_values(self) -> dict[str, Any]:
        """Return what the form of a new chip shows filled in."""
        return {}

    def _last_new_chip(self) -> str | None:
        """Return the UID of the last new chip placed: on this reader, else any.

        A chip given its meaning since it was placed is not offered again.
        """
        for reader in home_readers(self.hass, self._get_entry()):
            if (
                reader.state is ConfigEntryState.LOADED
                and (uid := reader.runtime_data.jukebox.last_unknown_uid)
                and find_chip_subentry(self.hass, uid) is None
            ):
                return str(uid)
        return None

    async def _async_next(
        self, user_input: Mapping[str, Any], errors: dict[str, str]
    ) -> SubentryFlowResult:
        """Go on from a valid form: to a second step if it asks for one, else save."""
        del user_input, errors
        return await self._async_save()

    async def _async_save(self) -> SubentryFlowResult:
        """Save the chip: the one being edited, or a new subentry."""
        chip = self._chip
        if self.source == SOURCE_RECONFIGURE:
            await async_save_chip(
                self.hass,
                self._get_entry(),
                chip,
                subentry=self._get_reconfigure_subentry(),
            )
            return self.async_abort(
                reason="reconfigure_successful",
                translation_domain=HOMEASSISTANT_DOMAIN,
            )
        # Home Assistant's flow manager adds the subentry a flow creates.
        await async_chip_saved(self.hass, chip)
        data = chip.to_subentry_data()
        return self.async_create_entry(
            title=data["title"], data=data["data"], unique_id=data["unique_id"]
        )


class TagMappingFlow(_ChipFlow):
    """A music chip: scan it, pick the music (a track, a playlist or a folder)."""

    kind = SUBENTRY_TAG
    schema = staticmethod(music_chip_form)
    _folders: list[Folder]

    @override
    def _new_chip_values(self) -> dict[str, Any]:
        return new_music_chip_values(self._get_entry())

    @override
    async def _async_next(
        self, user_input: Mapping[str, Any], errors: dict[str, str]
    ) -> SubentryFlowResult:
        try:
            folders = await async_folders_to_pick(self.hass, user_input)
        except InvalidChip as err:
            errors.update(err.errors)
            return self.async_show_form(
                step_id=self.source if self.source == SOURCE_RECONFIGURE else "user",
                data_schema=self.add_suggested_values_to_schema(
                    music_chip_form(), user_input
                ),
                errors=errors,
                description_placeholders={"chip": ""},
            )
        if folders is None:
            return await self._async_save()
        self._folders = folders
        return await self.async_step_folder()

    async def async_step_folder(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Pick the folder whose tracks the chip plays, one after the other."""
        chip = self._chip
        assert isinstance(chip, TagMapping)  # noqa: S101 - only music chips get here
        if user_input is not None:
            self._chip = chip_with_folder(chip, self._folders, user_input[CONF_FOLDER])
            return await self._async_save()
        return self.async_show_form(
            step_id="folder",
            data_schema=folder_form(chip, self._folders),
            description_placeholders={"chip": escape_markdown(chip.name)},
        )


class ControlChipFlow(_ChipFlow):
    """A control chip: volume, skip, stop or sleep timer."""

    kind = SUBENTRY_CONTROL
    schema = staticmethod(control_chip_schema)
