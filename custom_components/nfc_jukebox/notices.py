"""The notices of a reader in Settings → Repairs: it stays away, or a chip could not play.

Each is raised and withdrawn by the part that sees it (the reader, the speaker). A new
chip is no notice: it is offered as discovered (chips/discovery.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN
from .markdown import escape_markdown

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

READER_UNREACHABLE: Final = "reader_unreachable"
PLAYBACK_FAILED: Final = "playback_failed"
INPUT_PERMISSION: Final = "input_permission"
#: the "new chip" notices of earlier releases: ``unknown_tag_<entry id>_<uid>``
LEGACY_NEW_CHIP: Final = "unknown_tag_"


def _reader_issue_id(kind: str, entry_id: str) -> str:
    return f"{kind}_{entry_id}"


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
        translation_placeholders={
            "name": name,
            # The description is Markdown; the title shows the name as it is.
            "reader": escape_markdown(name),
            "port": port,
            "error": error,
        },
    )


@callback
def async_delete_reader_unreachable_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the "reader unreachable" notice: the reader answers again."""
    ir.async_delete_issue(hass, DOMAIN, _reader_issue_id(READER_UNREACHABLE, entry_id))


@callback
def async_create_input_permission_issue(
    hass: HomeAssistant, entry_id: str, *, name: str, path: str
) -> None:
    """Tell the parent Home Assistant may not read a USB reader, and what to do."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        _reader_issue_id(INPUT_PERMISSION, entry_id),
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=INPUT_PERMISSION,
        translation_placeholders={"name": name, "path": path},
    )


@callback
def async_delete_input_permission_issue(hass: HomeAssistant, entry_id: str) -> None:
    """Withdraw the "may not read the USB reader" notice: it opened."""
    ir.async_delete_issue(hass, DOMAIN, _reader_issue_id(INPUT_PERMISSION, entry_id))


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
        translation_placeholders={
            "name": entry.title,
            "reader": escape_markdown(entry.title),
            "error": error,
        },
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
        _reader_issue_id(INPUT_PERMISSION, entry_id),
    }
    for issue_id in own:
        ir.async_delete_issue(hass, DOMAIN, issue_id)


@callback
def async_delete_new_chip_issues(hass: HomeAssistant) -> None:
    """Drop the "new chip" notices of 0.3 and earlier: new chips are discovered now.

    A chip still without music is offered again when it is next placed.
    """
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and issue_id.startswith(LEGACY_NEW_CHIP):
            ir.async_delete_issue(hass, DOMAIN, issue_id)


@callback
def async_delete_version_1_issues(hass: HomeAssistant, old_unique_id: str) -> None:
    """Drop the notices version 1 named after a reader's port (entry version 1 → 2).

    Only "reader unreachable" was; the reader raises it again if it stays away.
    """
    ir.async_delete_issue(
        hass, DOMAIN, _reader_issue_id(READER_UNREACHABLE, old_unique_id)
    )
