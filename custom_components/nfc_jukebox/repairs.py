"""Repairs: assign music to a new tag straight from the "new tag" notice."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigSubentry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant

from .config_flow import tag_data, tag_schema
from .const import CONF_MEDIA, CONF_UID, SUBENTRY_TAG


class AssignTagFlow(RepairsFlow):
    """Pick the music for a tag that was placed but is not mapped yet."""

    def __init__(self, entry_id: str, uid: str) -> None:
        """Assign music to ``uid`` on the reader ``entry_id``."""
        super().__init__()
        self.entry_id = entry_id
        self.uid = uid

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for a name and the music; save them as the tag's mapping."""
        entry = self.hass.config_entries.async_get_entry(self.entry_id)
        if entry is None:
            return self.async_abort(reason="reader_removed")
        if any(sub.data.get(CONF_UID) == self.uid for sub in entry.subentries.values()):
            return self.async_create_entry(data={})  # mapped meanwhile: nothing to do
        # The first call carries the issue, not a submitted form.
        if user_input is not None and CONF_MEDIA in user_input:
            self.hass.config_entries.async_add_subentry(
                entry,
                ConfigSubentry(
                    data=MappingProxyType({CONF_UID: self.uid, **tag_data(user_input)}),
                    subentry_type=SUBENTRY_TAG,
                    title=user_input[CONF_NAME],
                    unique_id=self.uid,
                ),
            )
            return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="init",
            data_schema=tag_schema(with_uid=False),
            description_placeholders={"name": entry.title, "uid": self.uid},
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow of a "new tag" issue (the only fixable one)."""
    assert data is not None  # noqa: S101 - every fixable issue carries its tag
    return AssignTagFlow(str(data["entry_id"]), str(data["uid"]))
