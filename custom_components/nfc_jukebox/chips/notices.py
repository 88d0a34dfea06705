"""The "new chip" notice in Repairs: one per chip and reader, withdrawn once it has a meaning.

A new chip is new to the whole home: giving it a meaning on one reader makes it a
chip of every reader and withdraws its notices on all. repairs.py holds the fix.
"""

from __future__ import annotations

from typing import Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from ..const import DOMAIN

NEW_CHIP: Final = "unknown_tag"
#: A reader offers at most this many new chips at once; a newer one replaces the
#: oldest notice, so a box of unassigned chips (or a script) cannot flood Repairs.
MAX_NEW_CHIP_NOTICES: Final = 10


def new_chip_issue_id(entry_id: str, uid: str) -> str:
    """Return the id of the "new chip" notice of ``uid`` on a reader."""
    return f"{NEW_CHIP}_{entry_id}_{uid}"


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
